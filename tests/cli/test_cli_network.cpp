// keycardctl on enterprise networks: the proxy variables (refused by name, 407 final), private
// CAs (--ca-file, SSL_CERT_FILE, the explained failure) and a Retry-After longer than the time
// left. Everything on 127.0.0.1; keycard.test is only reached through the test proxy.

#include "CliHarness.h"
#include "HostileServer.h"
#include "PrivateCa.h"
#include "TestProxy.h"
#include "TlsStub.h"

using namespace testsupport;

namespace {

const QByteArray kNotFound = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                             "Content-Length: 34\r\n\r\n{\"message\":\"no such organization\"}";

QProcessEnvironment cleanEnvironment(const QString &baseUrl)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("KEYCARD_")) || name.startsWith(QLatin1String("SSL_")) ||
            name.toLower().endsWith(QLatin1String("_proxy")) ||
            name.startsWith(QLatin1String("LC_")) || name.startsWith(QLatin1String("LANG")))
            env.remove(name);
    }
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("KEYCARD_API_BASE_URL"), baseUrl);
    env.insert(QStringLiteral("KEYCARD_API_API_KEY"), QStringLiteral("ready-token"));
    return env;
}

} // namespace

class TestCliNetwork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unusableProxyRefusedByName_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("https proxy") << "https_proxy"
                                     << "https://127.0.0.2:3128";
        QTest::newRow("broken url") << "HTTPS_PROXY"
                                    << "http://[invalid";
    }
    void unusableProxyRefusedByName()
    {
        // It used to go direct without a word (here: "host not found", exit 7).
        QFETCH(QString, variable);
        QFETCH(QString, value);
        CliHarness harness;
        QProcessEnvironment env = cleanEnvironment(QStringLiteral("https://keycard.test"));
        env.insert(variable, value);
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("acme")}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(variable + QLatin1Char('=') + value), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("KEYCARD_API_CLIENT_ID")), qPrintable(r.err));
    }

    void proxyLoginRefusedOnce()
    {
        TestProxy proxy(TestProxy::Mode::RequireLogin);
        CliHarness harness;
        QProcessEnvironment env = cleanEnvironment(QStringLiteral("https://keycard.test"));
        env.remove(QStringLiteral("KEYCARD_API_API_KEY"));
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_ID"), QStringLiteral("demo-admin"));
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_SECRET"), QStringLiteral("s3cret"));
        env.insert(QStringLiteral("https_proxy"),
                   QStringLiteral("http://alice:wrong@127.0.0.1:%1").arg(proxy.port()));
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("acme")}, env);
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(proxy.withCredentials() <= 1 && proxy.heads.size() <= 2,
                 qPrintable(QString::number(proxy.heads.size())));
        QVERIFY2(r.err.contains(QStringLiteral("proxy 127.0.0.1:%1").arg(proxy.port())),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("wrong")), qPrintable(r.err));
    }

    void privateCa()
    {
        PrivateCa ca;
        QString why;
        QVERIFY2(ca.make(&why), qPrintable(why));
        TlsStub stub(ca.serverCertificate(), ca.serverKey(), kNotFound);
        CliHarness harness;
        QProcessEnvironment env = cleanEnvironment(stub.baseUrl().toString());
        const QStringList get = {QStringLiteral("orgs"), QStringLiteral("get"),
                                 QStringLiteral("acme")};
        {
            CLI_RUN(r, get, env);
            QCOMPARE(r.exitCode, 7);
            QVERIFY2(r.err.contains(QLatin1String(PrivateCa::kCaName)) &&
                         r.err.contains(QStringLiteral("--ca-file")),
                     qPrintable(r.err));
        }
        {
            CLI_RUN(r, get + QStringList{QStringLiteral("--ca-file"), ca.caPath()}, env);
            QCOMPARE(r.exitCode, 5); // the stub's 404: the handshake held
        }
        {
            QProcessEnvironment withFile = env;
            withFile.insert(QStringLiteral("SSL_CERT_FILE"), ca.caPath());
            CLI_RUN(r, get, withFile);
            QCOMPARE(r.exitCode, 5);
        }
        {
            CLI_RUN(
                r,
                get + QStringList{QStringLiteral("--ca-file"), QStringLiteral("/nonexistent.pem")},
                env);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("/nonexistent.pem")), qPrintable(r.err));
        }
        QCOMPARE(stub.requestLines.size(), 2);
    }

    void retryAfterLongerThanTheTimeLeft()
    {
        // --timeout 1 and 2 retries: 3 s in all. "Retry-After: 3" cannot be waited for: the
        // command ends at once (it used to wait 3 s twice), saying what the server asked.
        HostileServer server([](QTcpSocket *socket, const RawRequest &) {
            socket->write(HostileServer::response(429, "{}", {"Retry-After: 3"}));
        });
        CliHarness harness;
        QProcessEnvironment env = cleanEnvironment(server.baseUrl().toString());
        CLI_RUN(r,
                {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("acme"),
                 QStringLiteral("--timeout"), QStringLiteral("1")},
                env);
        QCOMPARE(r.exitCode, 8);
        QCOMPARE(server.count(false), 1);
        QVERIFY2(r.err.contains(QStringLiteral("retry after 3 s")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliNetwork)
#include "test_cli_network.moc"
