// keycardctl sso check and sso enable --check against the sandbox's mock identity providers.
#include "CliHarness.h"

using namespace keycard::sandbox;

namespace {

QStringList args(std::initializer_list<QString> words)
{
    return QStringList(words);
}

} // namespace

class TestCliSsoCheck : public QObject
{
    Q_OBJECT

private:
    CliHarness harness;

    QString issuer(const QString &scenario) const
    {
        return harness.sandbox->baseUrl().toString() + QStringLiteral("/idp/") + scenario;
    }

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup() { harness.sandbox.reset(); }

    void scenarios_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected"); // statuses in order, one letter each
        QTest::addColumn<int>("exitCode");
        QTest::newRow("good") << "good"
                              << "PPPPPPP" << 0;
        QTest::newRow("issuer-mismatch") << "issuer-mismatch"
                                         << "PFPPPPP" << 9;
        QTest::newRow("no-s256") << "no-s256"
                                 << "PPPPPWP" << 0;
        QTest::newRow("http-endpoint") << "http-endpoint"
                                       << "PPFPPPP" << 9;
        QTest::newRow("empty-jwks") << "empty-jwks"
                                    << "PPPFPPP" << 9;
        QTest::newRow("not-json") << "not-json"
                                  << "FFFFFFF" << 9;
        QTest::newRow("404") << "404"
                             << "FFFFFFF" << 9;
        QTest::newRow("slow") << "slow"
                              << "FFFFFFF" << 9; // with --timeout 0.5
    }

    void scenarios()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        QFETCH(int, exitCode);
        const QStringList timeout = {QStringLiteral("--timeout"), QStringLiteral("0.5")};
        const QStringList extra = scenario == QLatin1String("slow") ? timeout : QStringList();

        // Text: one line per check, "<status> <id> <message>".
        CLI_RUN(text,
                args({QStringLiteral("sso"), QStringLiteral("check"), issuer(scenario)}) + extra);
        QCOMPARE(text.exitCode, exitCode);
        const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        const QStringList ids = {"reachable", "issuer_match", "endpoints_https", "jwks",
                                 "code_flow", "pkce_s256",    "openid_scope"};
        const QMap<QChar, QString> names = {{QLatin1Char('P'), QStringLiteral("pass")},
                                            {QLatin1Char('W'), QStringLiteral("warn")},
                                            {QLatin1Char('F'), QStringLiteral("fail")}};
        for (int i = 0; i < 7; ++i) {
            const QStringList words = lines.at(i).simplified().split(QLatin1Char(' '));
            QCOMPARE(words.value(0), names.value(expected.at(i)));
            QCOMPARE(words.value(1), ids.at(i));
            QVERIFY(words.size() > 2); // a reason
        }

        // JSON: issuer, discovered_issuer when fetched, checks [{id, status, message}].
        CLI_RUN(json, args({QStringLiteral("sso"), QStringLiteral("check"), issuer(scenario),
                            QStringLiteral("--json")}) +
                          extra);
        QCOMPARE(json.exitCode, exitCode);
        const QJsonObject o = json.outObject();
        QCOMPARE(o.value("issuer").toString(), issuer(scenario));
        QCOMPARE(o.contains("discovered_issuer"), expected.at(0) == QLatin1Char('P'));
        const QJsonArray checks = o.value("checks").toArray();
        QCOMPARE(checks.size(), 7);
        for (int i = 0; i < 7; ++i) {
            const QJsonObject c = checks.at(i).toObject();
            QCOMPARE(c.value("id").toString(), ids.at(i));
            QCOMPARE(c.value("status").toString(), names.value(expected.at(i)));
            QVERIFY(!c.value("message").toString().isEmpty());
        }
        if (scenario == QLatin1String("issuer-mismatch"))
            QCOMPARE(o.value("discovered_issuer").toString(), issuer(scenario) + QLatin1Char('/'));

        // Nothing but the IdP was asked, and never with credentials.
        const auto requests = harness.sandbox->requests();
        QVERIFY(!requests.isEmpty());
        for (const auto &request : requests) {
            QVERIFY2(request.path.startsWith(QLatin1String("/idp/")), qPrintable(request.path));
            QVERIFY(!request.headers.contains("authorization"));
        }
    }

    void invalidIssuerIsAUsageError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("http remote") << "http://idp.example.com";
        QTest::newRow("not a url") << "acme.okta.com";
        QTest::newRow("query") << "https://acme.okta.com/?a=1";
    }

    void invalidIssuerIsAUsageError()
    {
        QFETCH(QString, text);
        CLI_RUN(r, args({QStringLiteral("sso"), QStringLiteral("check"), text}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QLatin1String("ISSUER")));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void missingIssuer()
    {
        CLI_RUN(r, args({QStringLiteral("sso"), QStringLiteral("check")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("ISSUER")));
    }

    void enableCheckSendsNothingOnFailure()
    {
        CLI_RUN(r, args({QStringLiteral("sso"), QStringLiteral("enable"), QStringLiteral("globex"),
                         QStringLiteral("--identifier"), issuer(QStringLiteral("issuer-mismatch")),
                         QStringLiteral("--client-id"), QStringLiteral("c1"),
                         QStringLiteral("--check")}));
        QCOMPARE(r.exitCode, 9);
        QVERIFY(r.err.contains(QLatin1String("issuer_match")));
        QVERIFY(r.err.contains(QLatin1String("not enabled")));
        QVERIFY(harness.apiRequests().size() >= 1);
        for (const auto &request : harness.sandbox->requests())
            QVERIFY2(request.path.startsWith(QLatin1String("/idp/")), qPrintable(request.path));
        QVERIFY(!harness.sandbox->connection(QStringLiteral("globex")));
    }

    void enableCheckGoesAheadWhenNothingFails()
    {
        CLI_RUN(r, args({QStringLiteral("sso"), QStringLiteral("enable"), QStringLiteral("globex"),
                         QStringLiteral("--identifier"), issuer(QStringLiteral("good")),
                         QStringLiteral("--client-id"), QStringLiteral("c1"),
                         QStringLiteral("--check")}));
        QCOMPARE(r.exitCode, 0);
        const auto connection = harness.sandbox->connection(QStringLiteral("globex"));
        QVERIFY(connection);
        QCOMPARE(connection->value("identifier").toString(), issuer(QStringLiteral("good")));
        // The sandbox gives the new connection a login URL of its own.
        QVERIFY(
            connection->value("login_url")
                .toString()
                .startsWith(harness.sandbox->baseUrl().toString() + QStringLiteral("/idp/login/")));
        // The IdP saw no credential, the API did.
        for (const auto &request : harness.sandbox->requests()) {
            if (request.path.startsWith(QLatin1String("/idp/")))
                QVERIFY(!request.headers.contains("authorization"));
        }
    }

    void helpAndExitStatus()
    {
        CLI_RUN(r, args({QStringLiteral("help"), QStringLiteral("sso"), QStringLiteral("check")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("keycardctl sso check ISSUER")));
        CLI_RUN(top, args({QStringLiteral("--help")}));
        QVERIFY(top.out.contains(QLatin1String("  9  ")));
    }
};

QTEST_GUILESS_MAIN(TestCliSsoCheck)
#include "test_cli_sso_check.moc"
