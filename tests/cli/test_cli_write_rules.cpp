// keycardctl against the in-process sandbox, issue 23: organization ids that are not one path
// segment (point 1), "already enabled with these settings" only when it is true (point 2),
// the issuer rules (point 8) and `sso update` sending only what was given (point 9).
#include "CliHarness.h"
#include "DemoData.h"

using namespace keycard::sandbox;

using clitest::args;

namespace {

const QString kSecret = QStringLiteral("s3cr3t-IdP-value-5e81b0");
const QString kAcmePath = QStringLiteral("/organizations/acme/sso-connection");

// `sso enable ORG` with the seeded identifier and client id of acme or initech, plus `extra`.
QStringList enableAsSeeded(const char *organization, const QStringList &extra = {})
{
    const bool acme = QLatin1String(organization) == QLatin1String("acme");
    return QStringList{QStringLiteral("sso"),
                       QStringLiteral("enable"),
                       QString::fromLatin1(organization),
                       QStringLiteral("--identifier"),
                       QString::fromLatin1(acme ? demo::kAcmeIdentifier : demo::kInitechIdentifier),
                       QStringLiteral("--client-id"),
                       QString::fromLatin1(acme ? demo::kAcmeClientId : demo::kInitechClientId)} +
           extra;
}

} // namespace

class TestCliWriteRules : public QObject
{
    Q_OBJECT

private:
    CliHarness harness;

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup() { harness.sandbox.reset(); }

    // --- point 1: dot segments ------------------------------------------------------------
    void dotIdsAreRefusedBeforeAnything_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("sso disable .. --yes") << args({"sso", "disable", "..", "--yes"});
        QTest::newRow("sso disable . --yes") << args({"sso", "disable", ".", "--yes"});
        QTest::newRow("orgs get .") << args({"orgs", "get", "."});
        QTest::newRow("sso get ..") << args({"sso", "get", ".."});
        QTest::newRow("sso enable ..") << args(
            {"sso", "enable", "..", "--identifier", "https://a.example", "--client-id", "x"});
        QTest::newRow("sso update .") << args({"sso", "update", ".", "--client-id", "x"});
    }
    void dotIdsAreRefusedBeforeAnything()
    {
        QFETCH(QStringList, arguments);
        CLI_RUN(r, arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("keycardctl: Organization: “.” and “..” cannot "
                                                 "be used")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(harness.sandbox->requests().isEmpty()); // not even a token request
    }

    // Typed percent signs stay what they are: the server gets one segment, decoded back to
    // the text typed, and answers for that id.
    void encodedDotsStayOneSegment_data()
    {
        QTest::addColumn<QString>("organization");
        QTest::newRow("%2e%2e") << QStringLiteral("%2e%2e");
        QTest::newRow(".%2e") << QStringLiteral(".%2e");
    }
    void encodedDotsStayOneSegment()
    {
        QFETCH(QString, organization);
        CLI_RUN(r, QStringList{QStringLiteral("sso"), QStringLiteral("disable"), organization,
                               QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(
                     QStringLiteral("No organization with id or label \"%1\"").arg(organization)),
                 qPrintable(r.err));
        // Every request (the sign-in check reads first, then the DELETE) names the
        // organization as one segment.
        const auto requests = harness.apiRequests();
        QList<keycard::sandbox::RecordedRequest> deletes;
        for (const auto &request : requests) {
            const QString prefix = QStringLiteral("/organizations/%1").arg(organization);
            QVERIFY2(request.path == prefix || request.path.startsWith(prefix + QLatin1Char('/')),
                     qPrintable(request.path));
            if (request.method == "DELETE")
                deletes << request;
        }
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first().path,
                 QStringLiteral("/organizations/%1/sso-connection").arg(organization));
        QCOMPARE(harness.sandbox->connectionCount(), 3); // nothing else was deleted
    }

    // --- point 2: a 409 is success only when the existing connection is what was sent -------
    void enableAgainWithEverythingSameSucceeds()
    {
        // The scopes as a set: another order is the same setting.
        CLI_RUN(r, enableAsSeeded("acme", {QStringLiteral("--scopes"),
                                           QStringLiteral("groups,email,openid,profile")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("already enabled with these settings")),
                 qPrintable(r.out));
    }

    void secretSentWhileNoneIsSetIsAConflict()
    {
        CLI_RUN(r, enableAsSeeded("initech", {QStringLiteral("--client-secret-stdin")}),
                kSecret.toUtf8());
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QLatin1String("already enabled for initech with other settings, "
                                              "nothing was changed")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(
                     QLatin1String("Client secret: sent a secret, the connection has none set")),
                 qPrintable(r.err));
        QVERIFY(!r.out.contains(QLatin1String("these settings")));
        QVERIFY(!r.out.contains(kSecret) && !r.err.contains(kSecret));
        QCOMPARE(harness.sandbox->connection(QStringLiteral("initech"))
                     ->value(QLatin1String("client_secret_set"))
                     .toBool(),
                 false);

        CLI_RUN(json,
                enableAsSeeded("initech",
                               {QStringLiteral("--client-secret-stdin"), QStringLiteral("--json")}),
                kSecret.toUtf8());
        QCOMPARE(json.exitCode, 6);
        const QJsonArray differences =
            json.errorJson().value(QLatin1String("differences")).toArray();
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.at(0).toObject().value(QLatin1String("field")).toString(),
                 QStringLiteral("client_secret"));
        QVERIFY(!json.err.contains(kSecret));
    }

    void secretSentWhileOneIsSetCannotBeCompared()
    {
        CLI_RUN(r, enableAsSeeded("acme", {QStringLiteral("--client-secret-stdin")}),
                kSecret.toUtf8());
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QLatin1String("cannot be compared")), qPrintable(r.err));
        QVERIFY(!r.err.contains(kSecret));
    }

    void otherProtocolsAreAConflict()
    {
        CLI_RUN(r, enableAsSeeded("acme", {QStringLiteral("--scopes"), QStringLiteral("openid")}));
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QLatin1String(
                     "Scopes: sent openid, the connection has openid profile email groups")),
                 qPrintable(r.err));
        CLI_RUN(u, enableAsSeeded("initech", {QStringLiteral("--jwks-uri"),
                                              QStringLiteral("https://idp.example/keys")}));
        QCOMPARE(u.exitCode, 6);
        QVERIFY2(u.err.contains(QLatin1String(
                     "JWKS URI: sent https://idp.example/keys, the connection has (none)")),
                 qPrintable(u.err));
    }

    void twoEnablesWithDifferentSecretsDoNotBothSucceed()
    {
        const QStringList enable =
            args({"sso", "enable", "globex", "--identifier", "https://globex.okta.com",
                  "--client-id", "0oa-globex", "--client-secret-stdin"});
        CLI_RUN(first, enable, QByteArray("first-secret-value"));
        QCOMPARE(first.exitCode, 0);
        CLI_RUN(second, enable, QByteArray("second-secret-value"));
        QCOMPARE(second.exitCode, 6);
        QVERIFY(second.err.contains(QLatin1String("cannot be compared")));
    }

    // --- point 8: issuer rules ------------------------------------------------------------
    void issuerWithUserInfoIsRefusedAndNeverPrinted_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("enable user:pw")
            << args({"sso", "enable", "globex", "--identifier",
                     "https://admin:hunter2pw@globex.okta.com", "--client-id", "x"});
        QTest::newRow("check user:pw")
            << args({"sso", "check", "https://admin:hunter2pw@idp.example"});
        QTest::newRow("check encoded slash")
            << args({"sso", "check", "https://hunter2pw.example%2F@evil.example"});
        QTest::newRow("update user")
            << args({"sso", "update", "acme", "--identifier", "https://hunter2pw@acme.okta.com"});
        QTest::newRow("enable --check user:pw")
            << args({"sso", "enable", "globex", "--check", "--identifier",
                     "https://admin:hunter2pw@globex.okta.com", "--client-id", "x"});
    }
    void issuerWithUserInfoIsRefusedAndNeverPrinted()
    {
        QFETCH(QStringList, arguments);
        CLI_RUN(r, arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Must not contain a user name or password")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("hunter2pw")) &&
                     !r.out.contains(QLatin1String("hunter2pw")),
                 qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void issuerDotSegmentsAndBidiAreRefused_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("message");
        QTest::newRow("..") << QStringLiteral("https://idp.example/a/../b")
                            << QStringLiteral("“.” or “..” path segments");
        QTest::newRow("%2e%2e") << QStringLiteral("https://idp.example/%2e%2e")
                                << QStringLiteral("“.” or “..” path segments");
        QTest::newRow("U+202E") << QStringLiteral("https://idp.example/") + QChar(0x202E) +
                                       QStringLiteral("lmth")
                                << QStringLiteral("text-direction character");
    }
    void issuerDotSegmentsAndBidiAreRefused()
    {
        QFETCH(QString, issuer);
        QFETCH(QString, message);
        CLI_RUN(r, QStringList{QStringLiteral("sso"), QStringLiteral("enable"),
                               QStringLiteral("globex"), QStringLiteral("--identifier"), issuer,
                               QStringLiteral("--client-id"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void capitalsInTheIssuerAreAWarning()
    {
        CLI_RUN(r, args({"sso", "enable", "globex", "--identifier", "https://Globex.Okta.com",
                         "--client-id", "x"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("keycardctl: warning: --identifier: The host name "
                                              "has capital letters")),
                 qPrintable(r.err));
        const auto posts =
            harness.requests("POST", QStringLiteral("/organizations/globex/sso-connection"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().jsonBody().value(QLatin1String("identifier")).toString(),
                 QStringLiteral("https://Globex.Okta.com")); // sent as typed
    }

    // --- point 9: sso update sends only what was given -------------------------------------
    void updateScopesSendsOnlyTheScopes()
    {
        CLI_RUN(r, args({"sso", "update", "acme", "--scopes", "openid,email"}));
        QCOMPARE(r.exitCode, 0);
        const auto api = harness.apiRequests();
        QCOMPARE(api.size(), 1); // no read first
        QCOMPARE(api.first().method, QByteArray("PATCH"));
        QCOMPARE(api.first().path, kAcmePath);
        const QJsonObject expected{
            {QStringLiteral("protocols"),
             QJsonObject{
                 {QStringLiteral("oauth2"),
                  QJsonObject{{QStringLiteral("scopes_supported"),
                               QJsonArray{QStringLiteral("openid"), QStringLiteral("email")}}}}}}};
        QCOMPARE(api.first().jsonBody(), expected);
        // The protocol members not given stay (keycard-sandbox applies a merge patch).
        const auto stored = harness.sandbox->connection(QStringLiteral("acme"));
        QVERIFY(stored);
        const QJsonObject oauth2 = stored->value(QLatin1String("protocols"))
                                       .toObject()
                                       .value(QLatin1String("oauth2"))
                                       .toObject();
        QVERIFY(oauth2.value(QLatin1String("token_endpoint")).isString());
        QCOMPARE(oauth2.value(QLatin1String("scopes_supported")),
                 QJsonValue(QJsonArray{QStringLiteral("openid"), QStringLiteral("email")}));
    }

    void updateHelpSaysWhatIsReplaced()
    {
        CLI_RUN(r, args({"sso", "update", "--help"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("nothing read from the server first")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("replaces the whole list")));
        QVERIFY(r.out.contains(QLatin1String("members not given stay as they are")));
    }
};

QTEST_GUILESS_MAIN(TestCliWriteRules)
#include "test_cli_write_rules.moc"
