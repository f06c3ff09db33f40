// Provider presets (every preset's issuer, table-driven) and the issuer paste conversions.

#include "IssuerPaste.h"
#include "ProviderPresets.h"

#include <QTest>

using namespace keycard::oidc;

using Values = QMap<QString, QString>;
Q_DECLARE_METATYPE(Values)

class TestProviderPresets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyPresetIsListed()
    {
        QStringList ids;
        const auto presets = providerPresets(true);
        for (const ProviderPreset &p : presets) {
            ids << p.id;
            QVERIFY2(!p.name.isEmpty(), qPrintable(p.id));
            const auto steps = p.steps(PresetContext{});
            QVERIFY2(steps.size() >= 3 && steps.size() <= 5, qPrintable(p.id));
            bool redirect = false;
            for (const PresetStep &s : steps)
                redirect = redirect || s.value == QLatin1String(kDefaultRedirectUri);
            QVERIFY2(redirect, qPrintable(p.id)); // every preset says where to put the URI
        }
        QCOMPARE(ids, QStringList({"sandbox", "okta", "entra", "google", "auth0", "keycloak",
                                   "ping", "onelogin", "jumpcloud", "oidc"}));
        QCOMPARE(providerPresets(false).first().id, QStringLiteral("okta"));
    }

    void issuers_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<Values>("values");
        QTest::addColumn<QString>("issuer"); // empty: no issuer (a problem is reported)

        QTest::newRow("okta org") << "okta" << Values{{"domain", "acme.okta.com"}}
                                  << "https://acme.okta.com";
        QTest::newRow("okta pasted url")
            << "okta" << Values{{"domain", "https://acme.okta.com/"}} << "https://acme.okta.com";
        QTest::newRow("okta custom server")
            << "okta" << Values{{"domain", "acme.okta.com"}, {"server", "default"}}
            << "https://acme.okta.com/oauth2/default";
        QTest::newRow("okta admin host")
            << "okta" << Values{{"domain", "acme-admin.okta.com"}} << QString();
        QTest::newRow("okta empty") << "okta" << Values{} << QString();
        QTest::newRow("okta bad server")
            << "okta" << Values{{"domain", "acme.okta.com"}, {"server", "a/b"}} << QString();
        QTest::newRow("entra guid")
            << "entra" << Values{{"tenant", "72F988BF-86F1-41AF-91AB-2D7CD011DB47"}}
            << "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0";
        QTest::newRow("entra domain")
            << "entra" << Values{{"tenant", "contoso.onmicrosoft.com"}}
            << "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0";
        QTest::newRow("entra junk") << "entra" << Values{{"tenant", "not a tenant"}} << QString();
        QTest::newRow("google") << "google" << Values{} << "https://accounts.google.com";
        QTest::newRow("auth0 trailing slash")
            << "auth0" << Values{{"domain", "acme.us.auth0.com"}} << "https://acme.us.auth0.com/";
        QTest::newRow("auth0 pasted url")
            << "auth0" << Values{{"domain", "https://acme.us.auth0.com/"}}
            << "https://acme.us.auth0.com/";
        QTest::newRow("auth0 empty") << "auth0" << Values{} << QString();
        QTest::newRow("keycloak") << "keycloak"
                                  << Values{{"host", "sso.example.com"}, {"realm", "employees"}}
                                  << "https://sso.example.com/realms/employees";
        QTest::newRow("keycloak prefix and port")
            << "keycloak" << Values{{"host", "sso.example.com:8443/auth"}, {"realm", "staff"}}
            << "https://sso.example.com:8443/auth/realms/staff";
        QTest::newRow("keycloak no realm")
            << "keycloak" << Values{{"host", "sso.example.com"}} << QString();
        QTest::newRow("ping asks issuer") << "ping" << Values{} << QString();
        QTest::newRow("onelogin asks issuer") << "onelogin" << Values{} << QString();
        QTest::newRow("jumpcloud asks issuer") << "jumpcloud" << Values{} << QString();
        QTest::newRow("other asks issuer") << "oidc" << Values{} << QString();
    }

    void issuers()
    {
        QFETCH(QString, preset);
        QFETCH(Values, values);
        QFETCH(QString, issuer);
        const auto p = findPreset(preset);
        QVERIFY(p);
        const IssuerBuild built = p->buildIssuer(values);
        QCOMPARE(built.issuer.value_or(QString()), issuer);
        QCOMPARE(built.problem.isEmpty(), !issuer.isEmpty());
    }

    void typedPresetsAskForTheIssuer()
    {
        for (const char *id : {"ping", "onelogin", "jumpcloud", "oidc"}) {
            const auto p = findPreset(QLatin1String(id));
            QVERIFY(p && p->asksIssuer && p->fields.isEmpty());
        }
        for (const char *id : {"okta", "entra", "google", "auth0", "keycloak", "sandbox"})
            QVERIFY(!findPreset(QLatin1String(id))->asksIssuer);
    }

    // A domain builds an issuer Entra ID does not publish (its discovery document names the
    // tenant's GUID): the preset says so and asks for the Directory (tenant) ID. A GUID needs no
    // warning.
    void entraDomainWarns()
    {
        const auto entra = findPreset(QStringLiteral("entra"));
        QVERIFY(entra);
        const IssuerBuild byDomain = entra->buildIssuer(
            {{QStringLiteral("tenant"), QStringLiteral("globex.onmicrosoft.com")}});
        QVERIFY(byDomain.issuer);
        QVERIFY2(byDomain.warning.contains(QStringLiteral("globex.onmicrosoft.com")) &&
                     byDomain.warning.contains(QStringLiteral("Directory (tenant) ID")),
                 qPrintable(byDomain.warning));
        const IssuerBuild byId = entra->buildIssuer(
            {{QStringLiteral("tenant"), QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47")}});
        QVERIFY(byId.issuer);
        QVERIFY(byId.warning.isEmpty());
        // The other presets have nothing of the kind to say about a usable value.
        const IssuerBuild okta =
            findPreset(QStringLiteral("okta"))
                ->buildIssuer({{QStringLiteral("domain"), QStringLiteral("globex.okta.com")}});
        QVERIFY(okta.issuer && okta.warning.isEmpty());
    }

    void entraSetsOid()
    {
        QCOMPARE(findPreset(QStringLiteral("entra"))->externalIdClaim.value_or(QString()),
                 QStringLiteral("oid"));
        QVERIFY(findPreset(QStringLiteral("entra"))->setsDescription().contains("oid"));
        QVERIFY(!findPreset(QStringLiteral("okta"))->externalIdClaim);
    }

    void sandboxPreset()
    {
        PresetContext context;
        context.sandboxBase = QUrl(QStringLiteral("http://127.0.0.1:8765"));
        context.redirectUri = sandboxRedirectUri(context.sandboxBase);
        QCOMPARE(context.redirectUri, QStringLiteral("http://127.0.0.1:8765/oauth/2/redirect"));
        const auto p = findPreset(QStringLiteral("sandbox"));
        QCOMPARE(p->buildIssuer({}, context).issuer.value_or(QString()),
                 QStringLiteral("http://127.0.0.1:8765/idp/good"));
        QVERIFY(!p->buildIssuer({}, PresetContext{}).issuer);
        QCOMPARE(p->steps(context).last().value, context.redirectUri);
    }

    void paste_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("issuer"); // empty: nothing offered

        QTest::newRow("discovery url") << "https://acme.okta.com/.well-known/openid-configuration"
                                       << "https://acme.okta.com";
        QTest::newRow("discovery url keycloak")
            << "https://sso.example.com/realms/x/.well-known/openid-configuration"
            << "https://sso.example.com/realms/x";
        QTest::newRow("discovery url auth0 (the check offers the slash)")
            << "https://t.us.auth0.com/.well-known/openid-configuration"
            << "https://t.us.auth0.com";
        QTest::newRow("okta authorize org") << "https://acme.okta.com/oauth2/v1/authorize"
                                            << "https://acme.okta.com";
        QTest::newRow("okta authorize custom")
            << "https://acme.okta.com/oauth2/default/v1/authorize"
            << "https://acme.okta.com/oauth2/default";
        QTest::newRow("okta token custom") << "https://acme.okta.com/oauth2/aus1x/v1/token"
                                           << "https://acme.okta.com/oauth2/aus1x";
        QTest::newRow("okta admin") << "https://acme-admin.okta.com/admin/dashboard"
                                    << "https://acme.okta.com";
        QTest::newRow("okta preview admin") << "https://dev-1-admin.oktapreview.com/"
                                            << "https://dev-1.oktapreview.com";
        QTest::newRow("entra authorize")
            << "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"
            << "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0";
        QTest::newRow("entra guid")
            << "72f988bf-86f1-41af-91ab-2d7cd011db47"
            << "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0";
        QTest::newRow("keycloak auth")
            << "https://sso.example.com/realms/staff/protocol/openid-connect/auth"
            << "https://sso.example.com/realms/staff";
        QTest::newRow("keycloak legacy prefix")
            << "https://sso.example.com/auth/realms/staff/protocol/openid-connect/token"
            << "https://sso.example.com/auth/realms/staff";
        QTest::newRow("auth0 authorize") << "https://acme.us.auth0.com/authorize"
                                         << "https://acme.us.auth0.com/";
        QTest::newRow("auth0 missing slash") << "https://acme.us.auth0.com"
                                             << "https://acme.us.auth0.com/";
        QTest::newRow("google auth") << "https://accounts.google.com/o/oauth2/v2/auth"
                                     << "https://accounts.google.com";
        QTest::newRow("already an issuer") << "https://acme.okta.com" << QString();
        QTest::newRow("entra issuer") << "https://login.microsoftonline.com/x/v2.0" << QString();
        QTest::newRow("auth0 issuer") << "https://acme.us.auth0.com/" << QString();
        QTest::newRow("not a url") << "hello" << QString();
    }

    void paste()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, issuer);
        const auto suggestion = suggestIssuer(pasted);
        QCOMPARE(suggestion ? suggestion->issuer : QString(), issuer);
        if (suggestion)
            QVERIFY(!suggestion->reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProviderPresets)
#include "tst_provider_presets.moc"
