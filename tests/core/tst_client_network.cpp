// Enterprise networks: the proxy variables decided by us (refused by name when unusable, 407
// never retried, an unreachable proxy named), private CAs (SSL_CERT_FILE, SSL_CERT_DIR, the
// profile's additional CA file) and TLS failures explained. Everything on 127.0.0.x: the
// "remote" host keycard.test is only ever reached through the test proxy's tunnel.

#include "ClientTestSupport.h"
#include "IssuerCheck.h"
#include "PrivateCa.h"
#include "TestProxy.h"
#include "TlsStub.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace testsupport;

namespace {

class CountingNam : public QNetworkAccessManager
{
public:
    int created = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
};

const QByteArray kNotFound =
    "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
    "Content-Length: 38\r\n\r\n{\"message\":\"no such organization\"}\r\n\r\n";

ClientConfig remoteConfig(const QProcessEnvironment &env, bool serviceAccount = false)
{
    ClientConfig config;
    config.baseUrl = QUrl(QStringLiteral("https://keycard.test"));
    config.credentials = serviceAccount
                             ? Credentials::serviceAccount(kClientId, Secret(kClientSecret))
                             : Credentials::bearerToken(Secret(QStringLiteral("ready-token")));
    config.proxies = ProxyEnvironment::fromEnvironment(env);
    config.tls = TlsTrust();
    config.retry.delayScale = 0.001;
    config.requestTimeoutMs = 15000;
    return config;
}

QProcessEnvironment proxyEnv(const char *name, const QString &value)
{
    QProcessEnvironment env;
    env.insert(QLatin1String(name), value);
    return env;
}

quint16 closedPort(const QHostAddress &address)
{
    QTcpServer probe;
    probe.listen(address, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestClientNetwork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unusableProxyRefusedByName_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("https proxy") << "https_proxy"
                                     << "https://127.0.0.2:3128";
        QTest::newRow("broken url") << "https_proxy"
                                    << "http://[invalid";
        QTest::newRow("upper case") << "HTTPS_PROXY"
                                    << "socks4://127.0.0.2:1080";
        QTest::newRow("all_proxy") << "all_proxy"
                                   << "ftp://127.0.0.2";
    }
    void unusableProxyRefusedByName()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        for (bool serviceAccount : {false, true}) {
            CountingNam nam;
            KeycardClient client(
                &nam, remoteConfig(proxyEnv(qPrintable(variable), value), serviceAccount));
            Recorder<Organization> rec;
            client.getOrganization(QStringLiteral("acme"), this, rec.callback());
            AWAIT(rec);
            QCOMPARE(rec.error().kind, ApiError::Kind::Configuration);
            QCOMPARE(rec.error().field, variable);
            QVERIFY2(rec.error().message.startsWith(variable + QLatin1Char('=')),
                     qPrintable(rec.error().message));
            QCOMPARE(nam.created, 0); // nothing sent, not even direct
        }
    }

    void proxyWithoutSchemeIsUsed()
    {
        // curl reads "127.0.0.1:PORT" as an http:// proxy; so do we (Qt went direct).
        TestProxy proxy(TestProxy::Mode::RequireLogin);
        QNetworkAccessManager nam;
        KeycardClient client(
            &nam, remoteConfig(
                      proxyEnv("https_proxy", QStringLiteral("127.0.0.1:%1").arg(proxy.port()))));
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QVERIFY(!proxy.heads.isEmpty());
        QVERIFY2(proxy.heads.first().startsWith("CONNECT keycard.test:443 "),
                 proxy.heads.first().constData());
    }

    void proxyLoginFailureNeverRetried_data()
    {
        QTest::addColumn<QString>("credentials");
        QTest::newRow("none") << "";
        QTest::newRow("wrong") << "alice:wrong-password@";
    }
    void proxyLoginFailureNeverRetried()
    {
        // Every try is a failed login on the corporate proxy: 407 is final, for the token
        // request (service account) as for the API call.
        QFETCH(QString, credentials);
        for (bool serviceAccount : {true, false}) {
            TestProxy proxy(TestProxy::Mode::RequireLogin);
            QNetworkAccessManager nam;
            const QString value = QStringLiteral("http://") + credentials +
                                  QStringLiteral("127.0.0.1:%1").arg(proxy.port());
            KeycardClient client(&nam,
                                 remoteConfig(proxyEnv("https_proxy", value), serviceAccount));
            QSignalSpy retries(&client, &KeycardClient::retryScheduled);
            Recorder<Organization> rec;
            client.getOrganization(QStringLiteral("acme"), this, rec.callback());
            AWAIT(rec);
            QVERIFY2(rec.error().httpStatus == 407, qPrintable(rec.error().toString()));
            QCOMPARE(rec.error().attempts, 1);
            QCOMPARE(retries.size(), 0);
            QVERIFY2(proxy.withCredentials() <= 1,
                     qPrintable(QString::number(proxy.withCredentials())));
            QVERIFY2(proxy.heads.size() <= 2, qPrintable(QString::number(proxy.heads.size())));
            const QString message = rec.error().message;
            QVERIFY2(message.contains(QStringLiteral("proxy 127.0.0.1:%1").arg(proxy.port())) &&
                         message.contains(QStringLiteral("https_proxy")),
                     qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("wrong-password")), qPrintable(message));
        }
    }

    void unreachableProxyNamed()
    {
        const quint16 port = closedPort(QHostAddress(QStringLiteral("127.0.0.2")));
        QNetworkAccessManager nam;
        ClientConfig config =
            remoteConfig(proxyEnv("https_proxy", QStringLiteral("http://127.0.0.2:%1").arg(port)));
        config.retry.maxRetries = 0;
        KeycardClient client(&nam, config);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Network);
        QVERIFY2(rec.error().message.contains(
                     QStringLiteral("proxy 127.0.0.2:%1 unreachable").arg(port)),
                 qPrintable(rec.error().message));
        QVERIFY2(!rec.error().message.contains(QStringLiteral("code 99")),
                 qPrintable(rec.error().message));
    }

    void loopbackNeverThroughProxy()
    {
        TestProxy proxy(TestProxy::Mode::RequireLogin);
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        QProcessEnvironment env;
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("127.0.0.1:%1").arg(proxy.port()));
        env.insert(QStringLiteral("http_proxy"), QStringLiteral("127.0.0.1:%1").arg(proxy.port()));
        env.insert(QStringLiteral("all_proxy"), QStringLiteral("127.0.0.1:%1").arg(proxy.port()));
        config.proxies = ProxyEnvironment::fromEnvironment(env);
        f.client->setConfig(config);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(proxy.heads.size(), 0);
    }

    void untrustedPrivateCaExplained()
    {
        PrivateCa ca;
        QString why;
        QVERIFY2(ca.make(&why), qPrintable(why));
        TlsStub stub(ca.serverCertificate(), ca.serverKey(), kNotFound);
        QNetworkAccessManager nam;
        ClientConfig config = remoteConfig({});
        config.baseUrl = stub.baseUrl();
        KeycardClient client(&nam, config);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Tls);
        const QString message = rec.error().message;
        // Which certificate, which issuer, how to trust it; not OpenSSL's words.
        QVERIFY2(message.contains(QLatin1String(PrivateCa::kCaName)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("\"Stub Server Inc\"")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Additional CA certificates")) &&
                     message.contains(QStringLiteral("--ca-file")) &&
                     message.contains(QStringLiteral("SSL_CERT_FILE")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("locally looked up")), qPrintable(message));
        QCOMPARE(stub.requestLines.size(), 0);
    }

    void privateCaTrusted_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("profile's file") << "caFile";
        QTest::newRow("SSL_CERT_FILE") << "SSL_CERT_FILE";
        QTest::newRow("SSL_CERT_DIR") << "SSL_CERT_DIR";
    }
    void privateCaTrusted()
    {
        QFETCH(QString, how);
        PrivateCa ca;
        QString why;
        QVERIFY2(ca.make(&why), qPrintable(why));
        TlsStub stub(ca.serverCertificate(), ca.serverKey(), kNotFound);
        QTemporaryDir dir;
        QVERIFY(QFile::copy(ca.caPath(), dir.filePath(QStringLiteral("private-ca.pem"))));
        QNetworkAccessManager nam;
        ClientConfig config = remoteConfig({});
        config.baseUrl = stub.baseUrl();
        QProcessEnvironment env;
        if (how == QLatin1String("caFile"))
            config.tls.caFile = ca.caPath();
        else if (how == QLatin1String("SSL_CERT_FILE"))
            env.insert(how, ca.caPath());
        else
            env.insert(how, QStringLiteral("/nonexistent-but-skipped-is-refused:") + dir.path());
        if (how == QLatin1String("SSL_CERT_DIR")) {
            // A directory that does not exist is refused by name...
            config.tls = TlsTrust::fromEnvironment(env);
            QVERIFY(config.validate());
            QCOMPARE(config.validate()->field, QStringLiteral("SSL_CERT_DIR"));
            env.insert(how, dir.path());
        }
        if (!env.isEmpty())
            config.tls = TlsTrust::fromEnvironment(env);
        KeycardClient client(&nam, config);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        // The TLS handshake held; the stub's 404 came back.
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(stub.requestLines.size(), 1);
        QVERIFY(stub.requestLines.first().startsWith("GET /organizations/acme "));
    }

    void unusableCaSettingsRefused_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("file");
        QTest::newRow("missing ca file") << "ca_file"
                                         << "/nonexistent/ca.pem";
        QTest::newRow("not a certificate") << "ca_file"
                                           << "SELF";
        QTest::newRow("SSL_CERT_FILE missing") << "SSL_CERT_FILE"
                                               << "/nonexistent/ca.pem";
    }
    void unusableCaSettingsRefused()
    {
        QFETCH(QString, variable);
        QFETCH(QString, file);
        if (file == QLatin1String("SELF"))
            file = QStringLiteral(__FILE__);
        CountingNam nam;
        ClientConfig config = remoteConfig({});
        if (variable == QLatin1String("ca_file"))
            config.tls.caFile = file;
        else
            config.tls = TlsTrust::fromEnvironment(proxyEnv("SSL_CERT_FILE", file));
        KeycardClient client(&nam, config);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Configuration);
        QCOMPARE(rec.error().field, variable);
        QVERIFY2(rec.error().message.contains(file), qPrintable(rec.error().message));
        QCOMPARE(nam.created, 0);
    }

    // The machine's CA variables are for https: over plain http (the sandbox on loopback) they
    // are not read, so one that cannot be used neither refuses nor slows the connection (reading
    // a system's certificates took 0.6 s a keycardctl run). A ca_file given for the connection
    // is still read, and refused when it cannot be used.
    void machineCaVariablesAreNotReadOverPlainHttp()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        QProcessEnvironment env;
        env.insert(QStringLiteral("SSL_CERT_FILE"), QStringLiteral("/nonexistent/ca.pem"));
        env.insert(QStringLiteral("SSL_CERT_DIR"), QStringLiteral("/nonexistent/certs"));
        config.tls = TlsTrust::fromEnvironment(env);
        f.client->setConfig(config);
        const auto read = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(read);

        config.tls.caFile = QStringLiteral("/nonexistent/profile-ca.pem");
        f.client->setConfig(config);
        const auto refused = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(refused.error().kind, ApiError::Kind::Configuration);
        QVERIFY2(refused.error().message.contains(QStringLiteral("/nonexistent")),
                 qPrintable(refused.error().message));
    }

    void throughProxyTunnelWithPrivateCa()
    {
        // The whole path of a corporate network: https_proxy, CONNECT to keycard.test, the
        // server's certificate from a private CA trusted through the profile's file.
        PrivateCa ca;
        QString why;
        QVERIFY2(ca.make(&why), qPrintable(why));
        TlsStub stub(ca.serverCertificate(), ca.serverKey(), kNotFound);
        TestProxy proxy(TestProxy::Mode::Tunnel, stub.port());
        QNetworkAccessManager nam;
        ClientConfig config = remoteConfig(
            proxyEnv("https_proxy", QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        config.tls.caFile = ca.caPath();
        KeycardClient client(&nam, config);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(proxy.heads.size(), 1);
        QVERIFY(proxy.heads.first().startsWith("CONNECT keycard.test:443 "));
        QCOMPARE(stub.requestLines.size(), 1);
    }

    void issuerCheckUsesTheSameProxyDecision()
    {
        oidc::IssuerCheck check;
        check.setNetworkEnvironment(ProxyEnvironment::fromEnvironment(proxyEnv(
                                        "https_proxy", QStringLiteral("https://127.0.0.2:3128"))),
                                    TlsTrust());
        const auto refused = check.start(QStringLiteral("https://idp.test"));
        QVERIFY(refused);
        QVERIFY2(refused->startsWith(QStringLiteral("https_proxy=")), qPrintable(*refused));
        QVERIFY(!check.isRunning());

        TestProxy proxy(TestProxy::Mode::RequireLogin);
        check.setNetworkEnvironment(
            ProxyEnvironment::fromEnvironment(
                proxyEnv("HTTPS_PROXY", QStringLiteral("127.0.0.1:%1").arg(proxy.port()))),
            TlsTrust());
        QSignalSpy finished(&check, &oidc::IssuerCheck::finished);
        QVERIFY(!check.start(QStringLiteral("https://idp.test")));
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(proxy.heads.size(), 1);
        QVERIFY(proxy.heads.first().startsWith("CONNECT idp.test:443 "));
        const auto result = finished.first().first().value<oidc::IssuerCheckResult>();
        QVERIFY(!result.checks.isEmpty());
        QVERIFY2(result.checks.first().message.contains(
                     QStringLiteral("proxy 127.0.0.1:%1").arg(proxy.port())),
                 qPrintable(result.checks.first().message));
    }
};

QTEST_GUILESS_MAIN(TestClientNetwork)
#include "tst_client_network.moc"
