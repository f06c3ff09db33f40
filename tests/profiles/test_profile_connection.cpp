// "Test connection" against an in-process sandbox: success, and each failure kind reported as
// what it is (wrong secret, server down, plain http:// to a remote host, no permission, token).

#include "ConnectionTester.h"
#include "Profile.h"
#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace keycard;
using namespace keycard::profiles;

class TestProfileConnection : public QObject
{
    Q_OBJECT

private:
    ConnectionTestResult run(const ClientConfig &config)
    {
        ConnectionTester tester(&m_nam);
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.start(config);
        [&] { QVERIFY(tester.isRunning()); }();
        [&] { QVERIFY(finished.wait(20000)); }();
        if (finished.isEmpty())
            return {};
        [&] { QVERIFY(!tester.isRunning()); }();
        return finished.first().first().value<ConnectionTestResult>();
    }

    Profile sandboxProfile() const
    {
        Profile p;
        p.name = QStringLiteral("sandbox");
        p.baseUrl = m_sandbox->baseUrl();
        p.clientId = QStringLiteral("demo-admin");
        return p;
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<sandbox::SandboxServer>();
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    }

    void cleanup() { m_sandbox.reset(); }

    void successListsOneOrganization()
    {
        const auto r =
            run(sandboxProfile().toClientConfig(Secret(QStringLiteral("sandbox-demo-secret"))));
        QVERIFY2(r.ok, qPrintable(r.summary()));
        QCOMPARE(r.organizationsSeen, 1);
        QVERIFY(r.moreOrganizations);
        QVERIFY(!r.firstOrganization.isEmpty());
        QVERIFY2(r.summary().startsWith(QLatin1String("Connected")), qPrintable(r.summary()));
        QVERIFY(r.summary().contains(r.firstOrganization));
        // What the server saw: a token request, then one page of one organization.
        const auto requests = m_sandbox->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).path, QStringLiteral("/service-account-token"));
        QCOMPARE(requests.at(1).path, QStringLiteral("/organizations"));
        QCOMPARE(requests.at(1).query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1"));
    }

    void bearerTokenWorks()
    {
        Profile p = sandboxProfile();
        p.kind = Credentials::Kind::BearerToken;
        const auto r = run(p.toClientConfig(Secret(m_sandbox->issueToken())));
        QVERIFY2(r.ok, qPrintable(r.summary()));
    }

    void wrongSecretIsBadCredentials()
    {
        const QString wrong = QStringLiteral("not-the-secret-4711");
        const auto r = run(sandboxProfile().toClientConfig(Secret(wrong)));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind, ApiError::Kind::Authentication);
        QVERIFY2(r.summary().contains(QLatin1String("refused the credentials")),
                 qPrintable(r.summary()));
        QVERIFY(r.summary().contains(QLatin1String("client ID and secret")));
        QVERIFY(!r.summary().contains(wrong));
    }

    void wrongTokenIsBadCredentials()
    {
        Profile p = sandboxProfile();
        p.kind = Credentials::Kind::BearerToken;
        const auto r = run(p.toClientConfig(Secret(QStringLiteral("bogus-token"))));
        QCOMPARE(r.error.kind, ApiError::Kind::Authentication);
        QVERIFY2(r.summary().contains(QLatin1String("refused the token")), qPrintable(r.summary()));
    }

    void serverDownIsUnreachable()
    {
        // A port that was just free: nothing listens there any more.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        Profile p = sandboxProfile();
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        const auto r = run(p.toClientConfig(Secret(QStringLiteral("sandbox-demo-secret"))));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY2(r.summary().startsWith(QLatin1String("Cannot reach 127.0.0.1")),
                 qPrintable(r.summary()));
        QCOMPARE(m_sandbox->requests().size(), 0);
    }

    void plainHttpToRemoteHostIsRefused()
    {
        Profile p = sandboxProfile();
        p.baseUrl = QUrl(QStringLiteral("http://api.keycard.ai"));
        const auto r = run(p.toClientConfig(Secret(QStringLiteral("sandbox-demo-secret"))));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind, ApiError::Kind::Configuration);
        QVERIFY2(r.summary().contains(QLatin1String("http://")), qPrintable(r.summary()));
        QVERIFY(r.summary().contains(QLatin1String("https://")));
    }

    void forbiddenIsNoPermission()
    {
        m_sandbox->scriptResponses("GET", QStringLiteral("/organizations"),
                                   {sandbox::ScriptedResponse{403, {}, {}, {}}});
        const auto r =
            run(sandboxProfile().toClientConfig(Secret(QStringLiteral("sandbox-demo-secret"))));
        QCOMPARE(r.error.kind, ApiError::Kind::Permission);
        QVERIFY2(r.summary().contains(QLatin1String("no permission")), qPrintable(r.summary()));
        QVERIFY(r.summary().contains(r.error.requestId));
    }

    void missingSecretIsConfiguration()
    {
        const auto r = run(sandboxProfile().toClientConfig(Secret()));
        QCOMPARE(r.error.kind, ApiError::Kind::Configuration);
        QCOMPARE(m_sandbox->requests().size(), 0);
    }

    // Failures the sandbox cannot produce on demand are still worded for what they are.
    void summariesNameEachFailure_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tls") << int(ApiError::Kind::Tls) << "secure (TLS) connection";
        QTest::newRow("timeout") << int(ApiError::Kind::Timeout) << "did not answer in time";
        QTest::newRow("not found") << int(ApiError::Kind::NotFound) << "Check the base URL";
        QTest::newRow("server") << int(ApiError::Kind::Server) << "Server error";
    }

    void summariesNameEachFailure()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        ConnectionTestResult r;
        r.host = QStringLiteral("api.keycard.ai");
        r.error = ApiError::make(ApiError::Kind(kind), QStringLiteral("detail"));
        QVERIFY2(r.summary().contains(expected), qPrintable(r.summary()));
    }

    void unusableProxyIsNamed()
    {
        // The same proxy decision as the client: a value that cannot be used is refused by
        // name before anything is sent (the sandbox is loopback: a remote-looking host here).
        Profile p = sandboxProfile();
        p.baseUrl = QUrl(QStringLiteral("https://keycard.test"));
        ClientConfig config = p.toClientConfig(Secret(QStringLiteral("sandbox-demo-secret")));
        QProcessEnvironment env;
        env.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("https://127.0.0.2:3128"));
        config.proxies = ProxyEnvironment::fromEnvironment(env);
        const auto r = run(config);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind, ApiError::Kind::Configuration);
        QVERIFY2(r.summary().startsWith(QStringLiteral("HTTPS_PROXY=https://127.0.0.2:3128")),
                 qPrintable(r.summary()));
        QCOMPARE(m_sandbox->requests().size(), 0);
    }

    void missingCaFileIsNamed()
    {
        Profile p = sandboxProfile();
        p.caFile = QStringLiteral("/nonexistent/private-ca.pem");
        const auto r = run(p.toClientConfig(Secret(QStringLiteral("sandbox-demo-secret"))));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind, ApiError::Kind::Configuration);
        QVERIFY2(r.summary().contains(QStringLiteral("Additional CA certificates")) &&
                     r.summary().contains(p.caFile),
                 qPrintable(r.summary()));
        QCOMPARE(m_sandbox->requests().size(), 0);
    }

    void aNewTestReplacesTheRunningOne()
    {
        ConnectionTester tester(&m_nam);
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        m_sandbox->setLatency(200);
        tester.start(sandboxProfile().toClientConfig(Secret(QStringLiteral("wrong"))));
        tester.start(
            sandboxProfile().toClientConfig(Secret(QStringLiteral("sandbox-demo-secret"))));
        QVERIFY(finished.wait(20000));
        // The first (wrong secret) test was cancelled: the one result is the second test's.
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().value<ConnectionTestResult>().ok);
    }
};

QTEST_GUILESS_MAIN(TestProfileConnection)
#include "test_profile_connection.moc"
