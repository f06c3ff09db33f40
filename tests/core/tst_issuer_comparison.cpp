// What the issuer check learned, set next to what Keycard returns: agreement per row, lists
// compared as sets, and the in-memory history every finished check writes to.

#include "IssuerCheck.h"
#include "IssuerComparison.h"
#include "SandboxServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace keycard;
using namespace keycard::oidc;

Q_DECLARE_METATYPE(keycard::oidc::Agreement)

namespace {

IssuerCheckResult discovered(const QString &issuer)
{
    IssuerCheckResult result;
    result.issuer = issuer;
    result.discoveredIssuer = issuer;
    result.discovered.issuer = issuer;
    result.discovered.authorizationEndpoint = issuer + QStringLiteral("/authorize");
    result.discovered.tokenEndpoint = issuer + QStringLiteral("/token");
    result.discovered.jwksUri = issuer + QStringLiteral("/jwks");
    result.discovered.userinfoEndpoint = issuer + QStringLiteral("/userinfo");
    result.discovered.codeChallengeMethods = {QStringLiteral("S256"), QStringLiteral("plain")};
    result.discovered.scopes = {QStringLiteral("openid"), QStringLiteral("email")};
    return result;
}

SsoConnection connectionFor(const QString &issuer)
{
    SsoConnection connection;
    connection.identifier = issuer;
    OAuth2Settings oauth;
    oauth.authorizationEndpoint = issuer + QStringLiteral("/authorize");
    oauth.tokenEndpoint = issuer + QStringLiteral("/token");
    oauth.jwksUri = issuer + QStringLiteral("/jwks");
    oauth.codeChallengeMethodsSupported =
        QStringList{QStringLiteral("plain"), QStringLiteral("S256")};
    oauth.scopesSupported = QStringList{QStringLiteral("openid"), QStringLiteral("email")};
    OpenIdSettings openid;
    openid.userinfoEndpoint = issuer + QStringLiteral("/userinfo");
    connection.protocols = SsoProtocols{oauth, openid};
    return connection;
}

Agreement agreementOf(const QList<ComparisonRow> &rows, const QString &id)
{
    for (const ComparisonRow &row : rows) {
        if (row.id == id)
            return row.agreement;
    }
    return Agreement::Neither;
}

const QString kIssuer = QStringLiteral("https://idp.example/realms/acme");

} // namespace

class TestIssuerComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { CheckHistory::clear(); }

    void everyRowInOrder()
    {
        const QList<ComparisonRow> rows = compare(discovered(kIssuer), connectionFor(kIssuer));
        QStringList ids;
        for (const ComparisonRow &row : rows) {
            ids << row.id;
            QCOMPARE(row.title, comparisonTitle(row.id));
            QCOMPARE(row.agreement, Agreement::Same); // PKCE methods listed in another order
        }
        QCOMPARE(ids, comparisonIds());
        QCOMPARE(rows.at(5).provider, QStringLiteral("S256, plain"));
        QCOMPARE(rows.at(5).keycard, QStringLiteral("plain, S256"));
    }

    void agreement_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("row");
        QTest::addColumn<Agreement>("expected");
        QTest::newRow("issuer with a trailing slash") << "issuer-slash"
                                                      << "issuer" << Agreement::Different;
        QTest::newRow("another token endpoint") << "token-other"
                                                << "token_endpoint" << Agreement::Different;
        QTest::newRow("Keycard has no JWKS URI") << "keycard-no-jwks"
                                                 << "jwks_uri" << Agreement::OnlyProvider;
        QTest::newRow("provider lists no userinfo")
            << "provider-no-userinfo"
            << "userinfo_endpoint" << Agreement::OnlyKeycard;
        QTest::newRow("no protocols at Keycard") << "keycard-no-protocols"
                                                 << "token_endpoint" << Agreement::OnlyProvider;
        QTest::newRow("neither lists scopes") << "no-scopes"
                                              << "scopes_supported" << Agreement::Neither;
        QTest::newRow("other PKCE methods")
            << "pkce-plain"
            << "code_challenge_methods_supported" << Agreement::Different;
    }

    void agreement()
    {
        QFETCH(QString, change);
        QFETCH(QString, row);
        QFETCH(Agreement, expected);
        IssuerCheckResult result = discovered(kIssuer);
        SsoConnection connection = connectionFor(kIssuer);
        if (change == QLatin1String("issuer-slash"))
            connection.identifier = kIssuer + QLatin1Char('/');
        else if (change == QLatin1String("token-other"))
            connection.protocols->oauth2->tokenEndpoint = QStringLiteral("https://other/token");
        else if (change == QLatin1String("keycard-no-jwks"))
            connection.protocols->oauth2->jwksUri.reset();
        else if (change == QLatin1String("provider-no-userinfo"))
            result.discovered.userinfoEndpoint.clear();
        else if (change == QLatin1String("keycard-no-protocols"))
            connection.protocols.reset();
        else if (change == QLatin1String("no-scopes")) {
            result.discovered.scopes.clear();
            connection.protocols->oauth2->scopesSupported.reset();
        } else if (change == QLatin1String("pkce-plain"))
            connection.protocols->oauth2->codeChallengeMethodsSupported =
                QStringList{QStringLiteral("plain")};
        const QList<ComparisonRow> rows = compare(result, connection);
        QCOMPARE(rows.size(), comparisonIds().size());
        QCOMPARE(agreementOf(rows, row), expected);
        // Every other row still agrees (or, with no protocols, is only at the provider).
        for (const ComparisonRow &other : rows) {
            if (other.id == row || change == QLatin1String("keycard-no-protocols"))
                continue;
            QCOMPARE(other.agreement, Agreement::Same);
        }
    }

    void noDocumentNoRows()
    {
        IssuerCheckResult result;
        result.issuer = kIssuer;
        QVERIFY(compare(result, connectionFor(kIssuer)).isEmpty());
    }

    void historyKeepsTheLatestPerIssuerWithinItsBound()
    {
        IssuerCheckResult first = discovered(kIssuer);
        first.discovered.tokenEndpoint = QStringLiteral("https://first/token");
        CheckHistory::record(first);
        CheckHistory::record(discovered(kIssuer));
        QCOMPARE(CheckHistory::size(), 1);
        QCOMPARE(CheckHistory::latest(kIssuer)->result.discovered.tokenEndpoint,
                 kIssuer + QStringLiteral("/token"));
        QVERIFY(CheckHistory::latest(kIssuer)->checkedAt.isValid());
        QVERIFY(!CheckHistory::latest(kIssuer + QLatin1Char('/'))); // exact issuer only

        for (int i = 0; i < CheckHistory::kMaxEntries + 8; ++i)
            CheckHistory::record(discovered(QStringLiteral("https://idp%1.example").arg(i)));
        QCOMPARE(CheckHistory::size(), CheckHistory::kMaxEntries);
        QVERIFY(!CheckHistory::latest(kIssuer)); // the oldest went first
        QVERIFY(CheckHistory::latest(
            QStringLiteral("https://idp%1.example").arg(CheckHistory::kMaxEntries + 7)));
    }

    void everyFinishedCheckIsRecorded()
    {
        sandbox::SandboxServer server;
        QVERIFY(server.listen());
        const QString good = server.baseUrl().toString() + QStringLiteral("/idp/good");
        const QString missing = server.baseUrl().toString() + QStringLiteral("/idp/404");
        IssuerCheck check;
        QSignalSpy finished(&check, &IssuerCheck::finished);
        QVERIFY(!check.start(good));
        QVERIFY(finished.wait(20000));
        QVERIFY(!check.start(missing));
        QVERIFY(finished.wait(20000));

        const auto goodEntry = CheckHistory::latest(good);
        QVERIFY(goodEntry);
        QCOMPARE(goodEntry->result.discoveredIssuer.value_or(QString()), good);
        QCOMPARE(goodEntry->result.discovered.tokenEndpoint, good + QStringLiteral("/token"));
        const auto missingEntry = CheckHistory::latest(missing);
        QVERIFY(missingEntry); // a failed check is remembered too, with its reason
        QVERIFY(!missingEntry->result.discoveredIssuer);
        QCOMPARE(missingEntry->result.checks.first().status, CheckStatus::Fail);
    }
};

QTEST_GUILESS_MAIN(TestIssuerComparison)
#include "tst_issuer_comparison.moc"
