// Security rules of the client: plain http only to loopback, TLS failures never ignored,
// secrets and tokens never in log output or error text.

#include "ClientTestSupport.h"
#include "LogCapture.h"
#include "TestSkip.h"

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>

using namespace testsupport;

namespace {

// Counts every request handed to Qt's network stack.
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

QString errorText(const ApiError &e)
{
    return e.toString() + QLatin1Char('\n') +
           QString::fromUtf8(QJsonDocument(e.toJson()).toJson()) + e.message + e.code + e.field;
}

} // namespace

class TestClientSecurity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainHttpOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("refused");
        QTest::newRow("http remote") << "http://api.keycard.ai" << true;
        QTest::newRow("http remote ip") << "http://192.0.2.10:8080" << true;
        QTest::newRow("http localhost lookalike") << "http://localhost.example.com" << true;
        QTest::newRow("ftp") << "ftp://127.0.0.1" << true;
        QTest::newRow("user info") << "https://user:pw@api.keycard.ai" << true;
        QTest::newRow("not a url") << "::::" << true;
    }
    void plainHttpOnlyToLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, refused);
        CountingNam nam;
        ClientConfig config;
        config.baseUrl = QUrl(url);
        config.credentials = Credentials::serviceAccount(kClientId, Secret(kClientSecret));
        KeycardClient client(&nam, config);
        Recorder<OrganizationPage> rec;
        client.listOrganizations(ListOrganizationsRequest{}, this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind == ApiError::Kind::Configuration, refused);
        QCOMPARE(rec.error().field, QStringLiteral("base_url"));
        QCOMPARE(nam.created, 0); // nothing was sent, not even the token request
    }

    void plainHttpToLoopbackAllowed()
    {
        Fixture f;
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
            ClientConfig config = sandboxClientConfig(*f.server);
            QUrl base = f.server->baseUrl();
            base.setHost(host);
            config.baseUrl = base;
            f.client->setConfig(config);
            const auto rec = f.getOrganization(QStringLiteral("acme"));
            VERIFY_OK(rec);
        }
    }

    void tlsFailureIsTlsError()
    {
        // A real TLS server whose certificate nobody trusts (self-signed, made for this test):
        // the client must not ignore the error, retry it, or call it anything but TLS.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                       keyPath, QStringLiteral("-out"), certPath});
        if (!openssl.waitForStarted())
            KEYCARD_SKIP(QStringLiteral("openssl is not installed (scripts/install-deps.sh)"));
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        int handshakes = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&] { ++handshakes; });
        QVERIFY(server.listen(QHostAddress::LocalHost));

        for (bool bearer : {false, true}) {
            CountingNam nam;
            ClientConfig config;
            config.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
            config.credentials =
                bearer ? Credentials::bearerToken(Secret(QStringLiteral("ready-token")))
                       : Credentials::serviceAccount(kClientId, Secret(kClientSecret));
            config.retry.delayScale = 0.001;
            KeycardClient client(&nam, config);
            QSignalSpy retries(&client, &KeycardClient::retryScheduled);
            Recorder<Organization> rec;
            client.getOrganization(QStringLiteral("acme"), this, rec.callback());
            AWAIT(rec);
            QCOMPARE(rec.error().kind, ApiError::Kind::Tls);
            QCOMPARE(rec.error().attempts, 1);
            QCOMPARE(retries.size(), 0);
            QCOMPARE(nam.created, 1);
        }
        QTRY_COMPARE(handshakes, 2);
    }

    void secretWithSpecialCharacters()
    {
        sandbox::SandboxOptions options;
        options.clientSecret = QStringLiteral("p@ss:w%rd+/=é ~&");
        Fixture f(options);
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials::serviceAccount(kClientId, Secret(options.clientSecret));
        f.client->setConfig(config);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
    }

    void secretsNeverLoggedOrInErrors()
    {
        const QString idpSecret = QStringLiteral("idp-secret-9f8e7d6c5b4a");
        const QString wrongSecret = QStringLiteral("wrong-secret-0a1b2c3d");
        QStringList errors;
        QStringList tokens;
        // Every category at debug level, Qt's network stack and the in-process sandbox's HTTP
        // server included.
        LogCapture capture;
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        {
            Fixture f;
            qDebug() << "config secret" << f.client->config().credentials.secret;

            // Token fetch, API calls, a token refresh after expiry.
            const auto first = f.getOrganization(QStringLiteral("acme"));
            f.server->expireAllTokens();
            Recorder<SsoConnection> second;
            f.client->getSsoConnection(QStringLiteral("acme"), this, second.callback());
            AWAIT(second);
            VERIFY_OK(second);

            // An enable carrying the IdP's client secret, answered by an error that echoes the
            // secret and the bearer token back.
            const auto calls = f.requestsTo("GET", orgPath("acme", "/sso-connection"));
            const QString token = QString::fromLatin1(calls.last().header("authorization").mid(7));
            f.server->scriptResponses(
                "POST", orgPath("globex", "/sso-connection"),
                {sandbox::ScriptedResponse{
                    400,
                    QStringLiteral("{\"message\":\"client_secret: %1 rejected for %2\","
                                   "\"code\":\"%1\",\"status\":400}")
                        .arg(idpSecret, token)
                        .toUtf8(),
                    std::nullopt, std::nullopt}});
            const SsoConnectionCreate body = ssoCreate(QStringLiteral("https://globex.okta.com"),
                                                       QStringLiteral("abc"), idpSecret);
            const auto enable = f.enableSso(QStringLiteral("globex"), body);
            QCOMPARE(enable.error().kind, ApiError::Kind::Validation);
            QCOMPARE(enable.error().field, QStringLiteral("client_secret"));
            errors << errorText(enable.error());
            qWarning() << "enable failed:" << enable.error().toString();

            // Wrong service account secret.
            ClientConfig config = sandboxClientConfig(*f.server);
            config.credentials = Credentials::serviceAccount(kClientId, Secret(wrongSecret));
            f.client->setConfig(config);
            const auto refused = f.getOrganization(QStringLiteral("acme"));
            QCOMPARE(refused.error().kind, ApiError::Kind::Authentication);
            errors << errorText(refused.error());
            qWarning() << "refused:" << refused.error().toString();

            const auto all = f.server->requests();
            for (const auto &r : all) {
                const QByteArray auth = r.header("authorization");
                if (auth.startsWith("Bearer "))
                    tokens << QString::fromLatin1(auth.mid(7));
            }
        }
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(!tokens.isEmpty());
        QStringList forbidden{
            kClientSecret, idpSecret, wrongSecret,
            QString::fromLatin1(QByteArray("demo-admin:sandbox-demo-secret").toBase64())};
        forbidden << tokens;
        const QString log = capture.take();
        QVERIFY(log.contains(QStringLiteral("enable failed"))); // the capture did work
        QVERIFY(log.contains(QStringLiteral("<redacted>")));
        for (const QString &secret : std::as_const(forbidden)) {
            QVERIFY2(!log.contains(secret), "a secret reached the log");
            for (const QString &error : std::as_const(errors))
                QVERIFY2(!error.contains(secret), "a secret reached an error text");
        }
    }
};

QTEST_GUILESS_MAIN(TestClientSecurity)
#include "tst_client_security.moc"
