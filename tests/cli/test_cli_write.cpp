// keycardctl's SSO write commands, field rules and secret handling, run as a process.
#include "CliHarness.h"
#include "DemoData.h"

using namespace keycard::sandbox;

using clitest::args;

namespace {

const QString kSecret = QStringLiteral("s3cr3t-IdP-value-7f2c91");

} // namespace

class TestCliWrite : public QObject
{
    Q_OBJECT

private:
    CliHarness harness;

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup() { harness.sandbox.reset(); }

    void enableWithSecretFromStdin()
    {
        CLI_RUN(r,
                args({"sso", "enable", "globex", "--identifier", "https://globex.okta.com",
                      "--client-id", "0oa-globex-1", "--client-secret-stdin"}),
                kSecret.toUtf8() + "\n");
        QCOMPARE(r.exitCode, 0);
        const auto posts =
            harness.requests("POST", QStringLiteral("/organizations/globex/sso-connection"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = posts.first().jsonBody();
        QCOMPARE(body.value(QLatin1String("identifier")).toString(),
                 QStringLiteral("https://globex.okta.com"));
        QCOMPARE(body.value(QLatin1String("client_id")).toString(), QStringLiteral("0oa-globex-1"));
        QCOMPARE(body.value(QLatin1String("client_secret")).toString(), kSecret);
        QVERIFY(harness.sandbox->connection(QStringLiteral("globex")).has_value());
        QVERIFY(r.out.contains(QLatin1String("SSO enabled for globex.")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Client secret: +set\\n"))));
        QVERIFY(!r.out.contains(kSecret));
        QVERIFY(!r.err.contains(kSecret));
    }

    void secretsStayOutOfDebugOutput()
    {
        // Every logging category at debug level, verbose output, a failing call that echoes
        // nothing secret back: neither secret may reach standard output or error.
        QProcessEnvironment env = harness.environment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        CLI_RUN(r,
                args({"--verbose", "sso", "enable", "wayne", "--identifier",
                      "https://accounts.google.com", "--client-id", "wayne-app",
                      "--client-secret-stdin"}),
                env, kSecret.toUtf8());
        QCOMPARE(r.exitCode, 6); // wayne has SSO with other settings
        QVERIFY2(r.err.contains(QLatin1String("obtained an access token")), qPrintable(r.err));
        const QString serviceSecret = harness.sandbox->options().clientSecret;
        const QString basic = QString::fromLatin1(
            (harness.sandbox->options().clientId + QLatin1Char(':') + serviceSecret)
                .toUtf8()
                .toBase64());
        for (const QString &secret : {kSecret, serviceSecret, basic, QStringLiteral("Bearer "),
                                      QStringLiteral("uthorization")}) {
            QVERIFY2(!r.out.contains(secret), qPrintable(secret));
            QVERIFY2(!r.err.contains(secret), qPrintable(secret));
        }
        const auto posts =
            harness.requests("POST", QStringLiteral("/organizations/wayne/sso-connection"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().jsonBody().value(QLatin1String("client_secret")).toString(),
                 kSecret);
    }

    void enableWithSecretFromEnvironmentAndJson()
    {
        QProcessEnvironment env = harness.environment();
        env.insert(QStringLiteral("KEYCARD_SSO_CLIENT_SECRET"), kSecret);
        CLI_RUN(r,
                args({"sso", "enable", "umbrella", "--identifier", "https://accounts.google.com",
                      "--client-id", "umbrella-app", "--json", "--verbose", "--scopes",
                      "openid, email", "--token-endpoint", "https://oauth2.googleapis.com/token"}),
                env);
        QCOMPARE(r.exitCode, 0);
        const auto posts =
            harness.requests("POST", QStringLiteral("/organizations/umbrella/sso-connection"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = posts.first().jsonBody();
        QCOMPARE(body.value(QLatin1String("client_secret")).toString(), kSecret);
        const QJsonObject oauth2 = body.value(QLatin1String("protocols"))
                                       .toObject()
                                       .value(QLatin1String("oauth2"))
                                       .toObject();
        QCOMPARE(oauth2.value(QLatin1String("scopes_supported")).toArray(),
                 QJsonArray({QStringLiteral("openid"), QStringLiteral("email")}));
        QCOMPARE(oauth2.value(QLatin1String("token_endpoint")).toString(),
                 QStringLiteral("https://oauth2.googleapis.com/token"));
        const QJsonObject printed = r.outObject();
        QCOMPARE(printed.value(QLatin1String("client_secret_set")).toBool(), true);
        QVERIFY(!printed.contains(QLatin1String("client_secret")));
        QVERIFY(!r.out.contains(kSecret));
        QVERIFY(!r.err.contains(kSecret));
    }

    void enableConflict()
    {
        CLI_RUN(r, args({"sso", "enable", "acme", "--identifier", "https://other.example.com",
                         "--client-id", "someone-else"}));
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QLatin1String(demo::kAcmeIdentifier)), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String(demo::kAcmeClientId)));
        QCOMPARE(harness.sandbox->connection(QStringLiteral("acme"))
                     ->value(QLatin1String("identifier"))
                     .toString(),
                 QString::fromLatin1(demo::kAcmeIdentifier));

        CLI_RUN(json, args({"sso", "enable", "acme", "--identifier", "https://other.example.com",
                            "--client-id", "someone-else", "--json"}));
        QCOMPARE(json.exitCode, 6);
        const QJsonObject error = json.errorJson();
        QCOMPARE(error.value(QLatin1String("error")).toString(), QStringLiteral("conflict"));
        QCOMPARE(error.value(QLatin1String("existing_connection"))
                     .toObject()
                     .value(QLatin1String("identifier"))
                     .toString(),
                 QString::fromLatin1(demo::kAcmeIdentifier));
    }

    void enableAgainWithSameSettingsSucceeds()
    {
        CLI_RUN(r, QStringList{
                       QStringLiteral("sso"), QStringLiteral("enable"), QStringLiteral("acme"),
                       QStringLiteral("--identifier"), QString::fromLatin1(demo::kAcmeIdentifier),
                       QStringLiteral("--client-id"), QString::fromLatin1(demo::kAcmeClientId)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("already enabled with these settings")),
                 qPrintable(r.out));
        QCOMPARE(harness.sandbox->connectionCount(), 3);
    }

    void enableForbidden()
    {
        CLI_RUN(r, args({"sso", "enable", "stark", "--identifier", "https://stark.okta.com",
                         "--client-id", "stark-app"}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.startsWith(QLatin1String("keycardctl: Permission denied")));
        QVERIFY(!harness.sandbox->connection(QStringLiteral("stark")).has_value());
    }

    void update()
    {
        CLI_RUN(r, args({"sso", "update", "acme", "--identifier",
                         "https://acme.okta.com/oauth2/default", "--clear-client-secret"}));
        QCOMPARE(r.exitCode, 0);
        const auto patches =
            harness.requests("PATCH", QStringLiteral("/organizations/acme/sso-connection"));
        QCOMPARE(patches.size(), 1);
        const QJsonObject body = patches.first().jsonBody();
        QCOMPARE(body.size(), 2);
        QCOMPARE(body.value(QLatin1String("identifier")).toString(),
                 QStringLiteral("https://acme.okta.com/oauth2/default"));
        QVERIFY(body.value(QLatin1String("client_secret")).isNull());
        const QJsonObject stored = *harness.sandbox->connection(QStringLiteral("acme"));
        QCOMPARE(stored.value(QLatin1String("identifier")).toString(),
                 QStringLiteral("https://acme.okta.com/oauth2/default"));
        QCOMPARE(stored.value(QLatin1String("client_secret_set")).toBool(), false);
        QVERIFY(r.out.contains(QLatin1String("updated")));

        CLI_RUN(secret, args({"sso", "update", "initech", "--client-secret-stdin"}),
                kSecret.toUtf8());
        QCOMPARE(secret.exitCode, 0);
        QCOMPARE(harness.sandbox->connection(QStringLiteral("initech"))
                     ->value(QLatin1String("client_secret_set"))
                     .toBool(),
                 true);
        QVERIFY(!secret.out.contains(kSecret) && !secret.err.contains(kSecret));

        harness.sandbox->clearRequests();
        CLI_RUN(nothing, args({"sso", "update", "acme"}));
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY(nothing.err.contains(QLatin1String("nothing to update")));

        CLI_RUN(missing, args({"sso", "update", "globex", "--client-id", "x"}));
        QCOMPARE(missing.exitCode, 5);
        QVERIFY(missing.err.contains(QLatin1String("SSO is not enabled for globex")));
    }

    void disable()
    {
        CLI_RUN(refused, args({"sso", "disable", "acme"}));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QLatin1String("--yes")));
        QVERIFY(harness.sandbox->requests().isEmpty());

        CLI_RUN(r, args({"sso", "disable", "acme", "--yes"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("SSO disabled for acme.\n"));
        QVERIFY(!harness.sandbox->connection(QStringLiteral("acme")).has_value());

        CLI_RUN(again, args({"sso", "disable", "acme", "-y"}));
        QCOMPARE(again.exitCode, 5);
    }

    void fieldErrorsBeforeAnyRequest_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");

        const QString base = QStringLiteral("https://idp.example.com/");
        const QString ascii2049 = base + QString(2049 - base.size(), QLatin1Char('a'));
        // Non-BMP characters count once each: 2,049 code points, 4,098 - 24 UTF-16 units.
        QString emoji2049 = base;
        while (emoji2049.size() - base.size() < 2 * (2049 - base.size()))
            emoji2049 += QString::fromUcs4(U"\U0001F511");
        const QString org256(256, QLatin1Char('o'));

        QTest::newRow("identifier 2049")
            << QStringList{QStringLiteral("sso"),
                           QStringLiteral("enable"),
                           QStringLiteral("globex"),
                           QStringLiteral("--identifier"),
                           ascii2049,
                           QStringLiteral("--client-id"),
                           QStringLiteral("x")}
            << QStringLiteral(
                   "keycardctl: --identifier: At most 2,048 characters — 2,049 entered\n");
        QTest::newRow("identifier 2049 non-BMP")
            << QStringList{QStringLiteral("sso"), QStringLiteral("update"), QStringLiteral("acme"),
                           QStringLiteral("--identifier"), emoji2049}
            << QStringLiteral(
                   "keycardctl: --identifier: At most 2,048 characters — 2,049 entered\n");
        QTest::newRow("blank client id")
            << args({"sso", "enable", "globex", "--identifier", "https://a.example", "--client-id",
                     "   "})
            << QStringLiteral("keycardctl: --client-id: Must not be blank\n");
        QTest::newRow("missing client id")
            << args({"sso", "enable", "globex", "--identifier", "https://a.example"})
            << QStringLiteral("keycardctl: --client-id: Required\n");
        QTest::newRow("organization 256")
            << QStringList{QStringLiteral("sso"), QStringLiteral("get"), org256}
            << QStringLiteral("keycardctl: Organization: At most 255 characters — 256 entered\n");
        QTest::newRow("request id")
            << args({"sso", "disable", "acme", "--yes", "--request-id", "1234"})
            << QStringLiteral("keycardctl: --request-id: Not a UUID\n");
        QTest::newRow("limit 0") << args({"orgs", "list", "--limit", "0"})
                                 << QStringLiteral(
                                        "keycardctl: --limit: between 1 and 1,000 — 0 entered\n");
        QTest::newRow("endpoint") << args({"sso", "update", "acme", "--jwks-uri", "not a url"})
                                  << QStringLiteral(
                                         "keycardctl: --jwks-uri: not an absolute http(s) URL\n");
    }

    void fieldErrorsBeforeAnyRequest()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        CLI_RUN(r, arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(expected), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void secretsOnTheCommandLineAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("--client-secret=")
            << args({"sso", "enable", "globex", "--identifier", "https://a.example", "--client-id",
                     "x", "--client-secret=hunter2-value"});
        QTest::newRow("--secret") << args({"sso", "update", "acme", "--secret", "hunter2-value"});
        QTest::newRow("--api-key") << args({"--api-key=hunter2-value", "orgs", "list"});
    }

    void secretsOnTheCommandLineAreRefused()
    {
        QFETCH(QStringList, arguments);
        CLI_RUN(r, arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("secrets are not accepted on the command line")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("--client-secret-stdin")));
        QVERIFY(!r.err.contains(QLatin1String("hunter2")));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void emptyStdinSecretRefused()
    {
        CLI_RUN(r,
                args({"sso", "enable", "globex", "--identifier", "https://a.example", "--client-id",
                      "x", "--client-secret-stdin"}),
                QByteArray("\n"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--client-secret-stdin")));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    // Standard input is read up to a cap, and a longer one is refused (never cut and sent).
    void endlessStdinSecretRefused()
    {
        CLI_RUN(r,
                args({"sso", "enable", "globex", "--identifier", "https://a.example", "--client-id",
                      "x", "--client-secret-stdin"}),
                QByteArray(3 * 1024 * 1024, 's'));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("more than 1 MiB")), qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliWrite)
#include "test_cli_write.moc"
