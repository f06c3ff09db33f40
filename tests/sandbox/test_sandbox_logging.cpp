// Secrets never reach the log, even with every debug category switched on: Qt HttpServer logs
// whole requests (headers included) under qt.httpserver*, and the sandbox keeps that off.
#include "SandboxTestSupport.h"

#include "LogCapture.h"

#include <QLoggingCategory>

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

namespace {

Q_LOGGING_CATEGORY(lcTest, "keycard.test.logging")

const QString kIdpSecret = QStringLiteral("idp-secret-never-logged-4c3b2a");

} // namespace

class TestSandboxLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLoggingCategory::setFilterRules(QString()); }

    void httpServerDebugStaysOff_data()
    {
        QTest::addColumn<bool>("rulesBeforeServer");
        QTest::newRow("debug rules set before the server exists") << true;
        QTest::newRow("debug rules set while the server runs") << false;
    }
    void httpServerDebugStaysOff()
    {
        QFETCH(bool, rulesBeforeServer);
        LogCapture log;
        const QString rules = QStringLiteral("*.debug=true\nqt.httpserver*.debug=true");
        if (rulesBeforeServer)
            QLoggingCategory::setFilterRules(rules);
        SandboxServer server;
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        if (!rulesBeforeServer)
            QLoggingCategory::setFilterRules(rules);

        // Whatever the rules say, these categories log no debug or info; others still do.
        const QLoggingCategory httpServer("qt.httpserver");
        const QLoggingCategory httpServerRequest("qt.httpserver.request");
        QVERIFY(!httpServer.isDebugEnabled());
        QVERIFY(!httpServer.isInfoEnabled());
        QVERIFY(httpServer.isWarningEnabled());
        QVERIFY(!httpServerRequest.isDebugEnabled());
        QVERIFY(lcTest().isDebugEnabled());

        Http http(server.baseUrl());
        const QByteArray basic =
            sandboxtest::basic(server.options().clientId, server.options().clientSecret);
        const Response byBasic =
            http.tokenRequest("grant_type=client_credentials", {{"Authorization", basic}});
        QCOMPARE(byBasic.status, 200);
        const Response byForm =
            http.tokenRequest("grant_type=client_credentials&client_id=demo-admin&client_secret=" +
                                  server.options().clientSecret.toUtf8(),
                              {});
        QCOMPARE(byForm.status, 200);
        const Response refused = http.tokenRequest(
            "grant_type=client_credentials",
            {{"Authorization", sandboxtest::basic(QStringLiteral("demo-admin"),
                                                  QStringLiteral("wrong-secret-5e6f7a"))}});
        QCOMPARE(refused.status, 401);

        const QString token = byBasic.json().value(QLatin1String("access_token")).toString();
        const QString formToken = byForm.json().value(QLatin1String("access_token")).toString();
        QVERIFY(!token.isEmpty() && !formToken.isEmpty());
        http.token = token;
        QCOMPARE(http.get(QStringLiteral("/organizations?limit=5")).status, 200);
        QCOMPARE(http.post(QStringLiteral("/organizations/globex/sso-connection"),
                           QJsonObject{{"identifier", "https://globex.okta.com"},
                                       {"client_id", "abc"},
                                       {"client_secret", kIdpSecret}})
                     .status,
                 201);
        http.token = QStringLiteral("made-up-bearer-9d8c7b");
        QCOMPARE(http.get(QStringLiteral("/organizations")).status, 401);
        qCDebug(lcTest) << "exchanges done";

        const QString logged = log.take();
        QVERIFY2(logged.contains(QStringLiteral("exchanges done")), "the capture did not work");
        const QStringList secrets{server.options().clientSecret,
                                  QStringLiteral("wrong-secret-5e6f7a"),
                                  kIdpSecret,
                                  token,
                                  formToken,
                                  QStringLiteral("made-up-bearer-9d8c7b"),
                                  QString::fromLatin1(basic.mid(6)),
                                  QStringLiteral("Authorization"),
                                  QStringLiteral("authorization")};
        for (const QString &secret : secrets)
            QVERIFY2(!logged.contains(secret), qPrintable(QStringLiteral("logged: ") + secret));
    }
};

QTEST_GUILESS_MAIN(TestSandboxLogging)
#include "test_sandbox_logging.moc"
