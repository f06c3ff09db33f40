// The issuer check (OpenID Connect Discovery) against the sandbox's mock identity providers:
// every checklist item per scenario, what is sent to the IdP, deadline and cancel.

#include "IssuerCheck.h"
#include "SandboxServer.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace keycard;
using namespace keycard::oidc;

namespace {

// "PPPPPPP": the expected status of each check in checkIds() order (P pass, W warn, F fail).
QString statusLetters(const IssuerCheckResult &result)
{
    QString out;
    for (const CheckItem &item : result.checks)
        out += item.status == CheckStatus::Pass   ? QLatin1Char('P')
               : item.status == CheckStatus::Warn ? QLatin1Char('W')
                                                  : QLatin1Char('F');
    return out;
}

} // namespace

class TestIssuerCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sandbox::SandboxServer> server;

    QString issuer(const QString &scenario) const
    {
        return server->baseUrl().toString() + QStringLiteral("/idp/") + scenario;
    }

    std::optional<IssuerCheckResult> run(IssuerCheck &check, const QString &text)
    {
        QSignalSpy finished(&check, &IssuerCheck::finished);
        if (check.start(text))
            return std::nullopt;
        if (!finished.wait(20000))
            return std::nullopt;
        return finished.first().first().value<IssuerCheckResult>();
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<sandbox::SandboxServer>();
        QVERIFY(server->listen());
    }
    void cleanup() { server.reset(); }

    void scenarios_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("failingText"); // a word the failing item's message contains
        QTest::newRow("good") << "good"
                              << "PPPPPPP" << QString();
        QTest::newRow("issuer-mismatch") << "issuer-mismatch"
                                         << "PFPPPPP"
                                         << "trailing slash";
        QTest::newRow("no-s256") << "no-s256"
                                 << "PPPPPWP"
                                 << "lacks S256";
        QTest::newRow("http-endpoint") << "http-endpoint"
                                       << "PPFPPPP"
                                       << "token_endpoint";
        QTest::newRow("empty-jwks") << "empty-jwks"
                                    << "PPPFPPP"
                                    << "no signing key";
        QTest::newRow("not-json") << "not-json"
                                  << "FFFFFFF"
                                  << "JSON object";
        QTest::newRow("404") << "404"
                             << "FFFFFFF"
                             << "HTTP 404";
        QTest::newRow("redirect-away") << "redirect-away"
                                       << "FFFFFFF"
                                       << "another origin";
        QTest::newRow("huge") << "huge"
                              << "FFFFFFF"
                              << "larger than";
    }

    void scenarios()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        QFETCH(QString, failingText);
        IssuerCheck check;
        const auto result = run(check, issuer(scenario));
        QVERIFY(result);
        QCOMPARE(result->issuer, issuer(scenario));
        QStringList ids;
        for (const CheckItem &item : result->checks)
            ids << item.id;
        QCOMPARE(ids, checkIds());
        QCOMPARE(statusLetters(*result), expected);
        QCOMPARE(result->anyFailed(), expected.contains(QLatin1Char('F')));
        for (const CheckItem &item : result->checks)
            QVERIFY2(!item.message.isEmpty(), qPrintable(item.id));
        if (!failingText.isEmpty()) {
            bool found = false;
            for (const CheckItem &item : result->checks)
                found = found ||
                        (item.status != CheckStatus::Pass && item.message.contains(failingText));
            QVERIFY2(found, qPrintable(failingText));
        }
        for (const CheckItem &item : result->checks) // redirect-away's Location has user info
            QVERIFY2(!item.message.contains(QLatin1String("idp-password")) &&
                         !item.message.contains(QLatin1String("idp-user")),
                     qPrintable(item.message));
        if (expected.startsWith(QLatin1Char('F'))) {
            QVERIFY(!result->discoveredIssuer);
            QVERIFY(result->item(QStringLiteral("jwks"))->skipped);
        }
    }

    void mismatchOffersDiscoveredIssuer()
    {
        IssuerCheck check;
        const auto result = run(check, issuer(QStringLiteral("issuer-mismatch")));
        QVERIFY(result);
        QCOMPARE(result->discoveredIssuer.value_or(QString()),
                 issuer(QStringLiteral("issuer-mismatch")) + QLatin1Char('/'));
        const QJsonObject json = result->toJson();
        QCOMPARE(json.value(QStringLiteral("discovered_issuer")).toString(),
                 *result->discoveredIssuer);
        QCOMPARE(json.value(QStringLiteral("checks")).toArray().size(), 7);
        QCOMPARE(json.value(QStringLiteral("checks"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("fail")));
    }

    void learnsEndpointsAndMethods()
    {
        IssuerCheck check;
        const auto result = run(check, issuer(QStringLiteral("good")));
        QVERIFY(result);
        const DiscoveredProvider &d = result->discovered;
        QCOMPARE(d.authorizationEndpoint, issuer(QStringLiteral("good")) + "/authorize");
        QCOMPARE(d.tokenEndpoint, issuer(QStringLiteral("good")) + "/token");
        QCOMPARE(d.jwksUri, issuer(QStringLiteral("good")) + "/jwks");
        QCOMPARE(d.userinfoEndpoint, issuer(QStringLiteral("good")) + "/userinfo");
        QCOMPARE(d.codeChallengeMethods, QStringList{QStringLiteral("S256")});
        QCOMPARE(d.signingKeys, 1);
    }

    // A trailing slash of the issuer is removed before /.well-known is appended; the match is
    // still exact against what was entered.
    void trailingSlashOfEnteredIssuer()
    {
        QCOMPARE(discoveryUrl(QStringLiteral("https://t.auth0.com/")).toString(),
                 QStringLiteral("https://t.auth0.com/.well-known/openid-configuration"));
        IssuerCheck check;
        const auto result = run(check, issuer(QStringLiteral("good")) + QLatin1Char('/'));
        QVERIFY(result);
        QCOMPARE(statusLetters(*result), QStringLiteral("PFPPPPP"));
        QCOMPARE(server->requests().first().path,
                 QStringLiteral("/idp/good/.well-known/openid-configuration"));
    }

    void noCredentialReachesTheIdp()
    {
        IssuerCheck check;
        QVERIFY(run(check, issuer(QStringLiteral("good"))));
        const auto requests = server->requests();
        QCOMPARE(requests.size(), 2); // discovery document, JWKS
        for (const auto &request : requests) {
            QVERIFY(request.path.startsWith(QLatin1String("/idp/good/")));
            QCOMPARE(request.method, QByteArray("GET"));
            QVERIFY(!request.headers.contains("authorization"));
            QVERIFY(!request.headers.contains("cookie"));
            QVERIFY(!request.headers.contains("x-client-request-id"));
        }
    }

    void invalidIssuerFetchesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("http remote") << "http://idp.example.com";
        QTest::newRow("no scheme") << "acme.okta.com";
        QTest::newRow("query") << "https://acme.okta.com/?x=1";
        QTest::newRow("spaces") << "https://acme.okta.com/a b";
    }

    void invalidIssuerFetchesNothing()
    {
        QFETCH(QString, text);
        IssuerCheck check;
        QSignalSpy finished(&check, &IssuerCheck::finished);
        QVERIFY(check.start(text).has_value());
        QVERIFY(!check.isRunning());
        QVERIFY(!finished.wait(200));
        QVERIFY(server->requests().isEmpty());
    }

    void deadlineEndsASlowCheck()
    {
        IssuerCheck check;
        check.setDeadlineMs(300);
        const auto result = run(check, issuer(QStringLiteral("slow")));
        QVERIFY(result);
        QCOMPARE(statusLetters(*result), QStringLiteral("FFFFFFF"));
        QVERIFY(result->checks.first().message.contains(QLatin1String("No answer")));
    }

    void cancelStopsASlowCheck()
    {
        IssuerCheck check;
        QSignalSpy finished(&check, &IssuerCheck::finished);
        QSignalSpy cancelled(&check, &IssuerCheck::cancelled);
        QSignalSpy recorded(server.get(), &sandbox::SandboxServer::requestRecorded);
        QVERIFY(!check.start(issuer(QStringLiteral("slow"))));
        QVERIFY(recorded.wait(5000)); // the request reached the IdP, which takes 30 s
        QVERIFY(check.isRunning());
        check.cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!check.isRunning());
        QVERIFY(!finished.wait(300));
        QCOMPARE(finished.size(), 0);
        // A new check after a cancel works.
        const auto result = run(check, issuer(QStringLiteral("good")));
        QVERIFY(result);
        QCOMPARE(statusLetters(*result), QStringLiteral("PPPPPPP"));
    }

    // The pure evaluation: items no scenario of the sandbox covers.
    void evaluateDocumentEdges()
    {
        IssuerCheckResult r;
        r.issuer = QStringLiteral("https://idp.example.com");
        const QJsonObject doc{
            {QStringLiteral("issuer"), r.issuer},
            {QStringLiteral("authorization_endpoint"), QStringLiteral("https://idp.example.com/a")},
            {QStringLiteral("jwks_uri"), QStringLiteral("https://idp.example.com/k")},
            {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("id_token")}},
            {QStringLiteral("scopes_supported"), QJsonArray{QStringLiteral("email")}},
        };
        const QJsonObject encryptionOnly{
            {QStringLiteral("keys"),
             QJsonArray{QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                    {QStringLiteral("use"), QStringLiteral("enc")}}}}};
        evaluateDocument(r, doc, encryptionOnly, std::nullopt);
        QCOMPARE(statusLetters(r), QStringLiteral("PPFFFWW"));
        QVERIFY(r.item(QStringLiteral("endpoints_https"))->message.contains("no token_endpoint"));
        QVERIFY(r.item(QStringLiteral("openid_scope"))->message.contains("lacks openid"));
        QVERIFY(r.item(QStringLiteral("code_flow"))->message.contains("id_token"));
        QCOMPARE(statusName(CheckStatus::Warn), QStringLiteral("warn"));
    }
};

QTEST_GUILESS_MAIN(TestIssuerCheck)
#include "tst_issuer_check.moc"
