// Token endpoint and bearer checks of the sandbox.
#include "SandboxTestSupport.h"

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

class TestSandboxAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY2(sandboxtest::serve(m_server, m_http, {}, false),
                 qPrintable(m_server->errorString()));
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    }
    void cleanup() { sandboxtest::stop(m_server, m_http); }

    void tokenByBasic()
    {
        const Response r = m_http->tokenRequest(
            "grant_type=client_credentials",
            {{"Authorization", sandboxtest::basic(QStringLiteral("demo-admin"),
                                                  QStringLiteral("sandbox-demo-secret"))}});
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value("token_type").toString(), QStringLiteral("Bearer"));
        QCOMPARE(o.value("expires_in").toInt(), 3600);
        const QString token = o.value("access_token").toString();
        QVERIFY(token.size() >= 32);
        QVERIFY(!token.contains(QStringLiteral("demo-admin")));

        m_http->token = token;
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
    }

    void tokenByFormFields()
    {
        const Response r = m_http->tokenRequest(
            "grant_type=client_credentials&client_id=demo-admin&client_secret=sandbox-demo-secret",
            {});
        QCOMPARE(r.status, 200);
        m_http->token = r.json().value("access_token").toString();
        QCOMPARE(m_http->get(QStringLiteral("/organizations/acme")).status, 200);
    }

    void tokensAreUnique()
    {
        QSet<QString> tokens;
        for (int i = 0; i < 5; ++i)
            tokens.insert(m_server->issueToken());
        QCOMPARE(tokens.size(), 5);
    }

    void wrongCredentials_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("wrong secret, basic")
            << QByteArray("grant_type=client_credentials")
            << sandboxtest::basic(QStringLiteral("demo-admin"), QStringLiteral("nope"));
        QTest::newRow("unknown client, basic")
            << QByteArray("grant_type=client_credentials")
            << sandboxtest::basic(QStringLiteral("other"), QStringLiteral("sandbox-demo-secret"));
        QTest::newRow("wrong secret, form")
            << QByteArray("grant_type=client_credentials&client_id=demo-admin&client_secret=x")
            << QByteArray();
        QTest::newRow("missing") << QByteArray("grant_type=client_credentials") << QByteArray();
    }
    void wrongCredentials()
    {
        QFETCH(QByteArray, form);
        QFETCH(QByteArray, authorization);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const Response r = m_http->tokenRequest(form, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value("status").toInt(), 401);
        QVERIFY(!r.json().value("message").toString().isEmpty());
        QVERIFY(!r.errorCode().isEmpty());
        QVERIFY(!r.body.contains("sandbox-demo-secret"));
    }

    void wrongGrantType()
    {
        const Response r = m_http->tokenRequest(
            "grant_type=password",
            {{"Authorization", sandboxtest::basic(QStringLiteral("demo-admin"),
                                                  QStringLiteral("sandbox-demo-secret"))}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("status").toInt(), 400);
    }

    void tokenEndpointOnlyAcceptsPost()
    {
        QCOMPARE(m_http->get(QStringLiteral("/service-account-token")).status, 405);
    }

    void missingBearer()
    {
        const Response r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value("status").toInt(), 401);
        QVERIFY(!r.json().value("code").toString().isEmpty());
        QVERIFY(!r.json().value("message").toString().isEmpty());
    }

    void unknownBearer()
    {
        m_http->token = QStringLiteral("kcs_not-a-token-this-server-issued");
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 401);
        QCOMPARE(m_http->get(QStringLiteral("/organizations/acme/sso-connection")).status, 401);
        QCOMPARE(m_http->del(QStringLiteral("/organizations/acme/sso-connection")).status, 401);
        QVERIFY(m_server->connection(QStringLiteral("acme")).has_value());
    }

    void expiredTokens()
    {
        m_http->token = m_server->issueToken();
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
        m_server->expireAllTokens();
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 401);
        m_http->token = m_server->issueToken();
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
    }

    void tokenLifetime()
    {
        m_server->setTokenLifetime(0);
        const Response r = m_http->tokenRequest(
            "grant_type=client_credentials&client_id=demo-admin&client_secret=sandbox-demo-secret",
            {});
        QCOMPARE(r.json().value("expires_in").toInt(), 0);
        m_http->token = r.json().value("access_token").toString();
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 401);

        m_server->setTokenLifetime(1);
        m_http->token = m_server->issueToken();
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(QStringLiteral("/organizations")).status, 401, 5000);
    }

    void customCredentials()
    {
        SandboxOptions options;
        options.clientId = QStringLiteral("ci-bot");
        options.clientSecret = QStringLiteral("p@ss word+plus");
        SandboxServer server(options);
        QVERIFY(server.listen());
        Http http(server.baseUrl());
        QCOMPARE(http.tokenRequest("grant_type=client_credentials",
                                   {{"Authorization",
                                     sandboxtest::basic(options.clientId, options.clientSecret)}})
                     .status,
                 200);
        // Form encoding: '+' is a space, %2B a plus.
        QCOMPARE(http.tokenRequest("grant_type=client_credentials&client_id=ci-bot&client_secret="
                                   "p%40ss+word%2Bplus",
                                   {})
                     .status,
                 200);
    }

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Http> m_http;
};

QTEST_GUILESS_MAIN(TestSandboxAuth)
#include "test_sandbox_auth.moc"
