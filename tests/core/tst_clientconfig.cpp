// Client configuration: the SDK's environment variables, their precedence, and the checks made
// before anything is sent (base URL rules, incomplete credentials).

#include "ClientConfig.h"

#include <QTest>

using namespace keycard;

namespace {

QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars)
        env.insert(QLatin1String(name), QString::fromUtf8(value));
    return env;
}

} // namespace

class TestClientConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyEnvironmentKeepsDefaults()
    {
        const ClientConfig config = ClientConfig::fromEnvironment(QProcessEnvironment());
        QCOMPARE(config.baseUrl, QUrl(QStringLiteral("https://api.keycard.ai")));
        QCOMPARE(config.credentials.kind, Credentials::Kind::None);
        QVERIFY(!ClientConfig::environmentHasCredentials(QProcessEnvironment()));
        const auto error = config.validate();
        QVERIFY(error);
        QCOMPARE(error->kind, ApiError::Kind::Configuration);
        // The SDK's defaults: 2 retries, 0.5 s doubling to 8 s, 25 % jitter, 60 s per request;
        // Retry-After honoured while it fits in the time left.
        QCOMPARE(config.retry.maxRetries, 2);
        QCOMPARE(config.retry.initialDelayMs, 500);
        QCOMPARE(config.retry.maxDelayMs, 8000);
        QCOMPARE(config.retry.jitter, 0.25);
        QCOMPARE(config.retry.totalDeadlineMs, 0); // the attempts' limits together
        QCOMPARE(config.requestTimeoutMs, 60000);
    }

    void serviceAccount()
    {
        const auto env = environment({{"KEYCARD_API_BASE_URL", "  http://127.0.0.1:8765  "},
                                      {"KEYCARD_API_CLIENT_ID", "sa_123"},
                                      {"KEYCARD_API_CLIENT_SECRET", "s3cret"}});
        const ClientConfig config = ClientConfig::fromEnvironment(env);
        QCOMPARE(config.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8765")));
        QCOMPARE(config.credentials.kind, Credentials::Kind::ServiceAccount);
        QCOMPARE(config.credentials.clientId, QStringLiteral("sa_123"));
        QCOMPARE(config.credentials.secret.reveal(), QStringLiteral("s3cret"));
        QVERIFY(ClientConfig::environmentHasCredentials(env));
        QVERIFY(!config.validate());
    }

    void apiKeyWinsOverClientCredentials()
    {
        const auto env = environment({{"KEYCARD_API_CLIENT_ID", "sa_123"},
                                      {"KEYCARD_API_CLIENT_SECRET", "s3cret"},
                                      {"KEYCARD_API_API_KEY", "ready-token"}});
        const ClientConfig config = ClientConfig::fromEnvironment(env);
        QCOMPARE(config.credentials.kind, Credentials::Kind::BearerToken);
        QCOMPARE(config.credentials.secret.reveal(), QStringLiteral("ready-token"));
        QVERIFY(!config.validate());
    }

    void incompleteCredentials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("field");
        QTest::newRow("id only") << QStringLiteral("KEYCARD_API_CLIENT_ID")
                                 << QStringLiteral("client_secret");
        QTest::newRow("secret only")
            << QStringLiteral("KEYCARD_API_CLIENT_SECRET") << QStringLiteral("client_id");
    }
    void incompleteCredentials()
    {
        QFETCH(QString, name);
        QFETCH(QString, field);
        QProcessEnvironment env;
        env.insert(name, QStringLiteral("value"));
        const ClientConfig config = ClientConfig::fromEnvironment(env);
        QCOMPARE(config.credentials.kind, Credentials::Kind::ServiceAccount);
        QVERIFY(ClientConfig::environmentHasCredentials(env));
        const auto error = config.validate();
        QVERIFY(error);
        QCOMPARE(error->kind, ApiError::Kind::Configuration);
        QCOMPARE(error->field, field);
        QVERIFY(!error->message.contains(QStringLiteral("value")));
    }

    void baseUrlRules_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://api.keycard.ai" << true;
        QTest::newRow("https with path") << "https://proxy.example.com/keycard" << true;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8765" << true;
        QTest::newRow("http 127.1.2.3") << "http://127.1.2.3:8765" << true;
        QTest::newRow("http ::1") << "http://[::1]:8765" << true;
        QTest::newRow("http localhost") << "http://localhost:8765" << true;
        QTest::newRow("http remote") << "http://api.keycard.ai" << false;
        QTest::newRow("http private network") << "http://10.0.0.5" << false;
        QTest::newRow("http localhost lookalike") << "http://localhost.example.com" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
        QTest::newRow("relative") << "/organizations" << false;
        QTest::newRow("credentials in url") << "https://user:pw@api.keycard.ai" << false;
    }
    void baseUrlRules()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const auto reason = checkBaseUrl(QUrl(url));
        QVERIFY2(reason.has_value() != accepted, qPrintable(reason.value_or(QString())));
        ClientConfig config;
        config.baseUrl = QUrl(url);
        config.credentials = Credentials::bearerToken(Secret(QStringLiteral("t")));
        const auto error = config.validate();
        QCOMPARE(error.has_value(), !accepted);
        if (error)
            QCOMPARE(error->field, QStringLiteral("base_url"));
    }
};

QTEST_GUILESS_MAIN(TestClientConfig)
#include "tst_clientconfig.moc"
