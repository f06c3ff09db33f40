// The identity provider side of the Enable SSO wizard: provider presets, "At your identity
// provider", the issuer checklist against the sandbox's mock IdPs (good, mismatch, slow with
// cancel) and what is sent when enabling; the Edit dialog's own checklist.
#include "SsoDialog.h"
#include "SsoIssuerChecklist.h"
#include "SsoProviderPanel.h"
#include "test_sso_support.h"

#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QSignalSpy>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

class TestSsoSetup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Env> env;
    QStringList savedRedirects;

    QString issuer(const char *scenario) const
    {
        return env->server->baseUrl().toString() + QStringLiteral("/idp/") +
               QLatin1String(scenario);
    }

    SsoEnableWizard *openEnable(const char *label = "globex")
    {
        SsoSetupContext context;
        context.sandboxBase = env->server->baseUrl();
        context.redirectUri =
            env->server->baseUrl().toString() + QStringLiteral("/oauth/2/redirect");
        context.saveRedirectUri = [this](const QString &uri) { savedRedirects << uri; };
        return openWizard(*env, label, context);
    }

    static SsoIssuerChecklist *checklist(const QWidget *d)
    {
        return d->findChild<SsoIssuerChecklist *>();
    }

    // Types the issuer on the Provider page and the client ID, then opens the Check page (which
    // starts the check).
    static void checkIssuer(SsoEnableWizard *d, const QString &issuer)
    {
        edit(d, "issuerEdit")->setText(issuer);
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        edit(d, "clientIdEdit")->setText(QStringLiteral("c1"));
        QVERIFY(goToPage(d, SsoEnableWizard::CheckPageId, false));
    }

    static QString rowStatus(const QWidget *d, const char *id)
    {
        return child<QLabel>(d, qPrintable(QStringLiteral("check_") + QLatin1String(id)))
            ->property("status")
            .toString();
    }

private Q_SLOTS:
    void initTestCase() { applyScreenshotPalette(); }
    void init()
    {
        env = std::make_unique<Env>();
        savedRedirects.clear();
    }
    void cleanup()
    {
        deleteOpenDialogs();
        env.reset();
    }

    void sandboxPresetChecksAndEnables()
    {
        SsoEnableWizard *d = openEnable();
        auto *combo = child<QComboBox>(d, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("sandbox")));
        QCOMPARE(edit(d, "issuerEdit")->text(), issuer("good"));
        QVERIFY(goToPage(d, SsoEnableWizard::IdpPageId));
        // The IdP side: the sandbox's redirect URI, shown once, with Copy.
        QCOMPARE(edit(d, "redirectUriEdit")->text(),
                 env->server->baseUrl().toString() + QStringLiteral("/oauth/2/redirect"));
        button(d, "copyRedirectUriButton")->click();
        QCOMPARE(QApplication::clipboard()->text(), edit(d, "redirectUriEdit")->text());
        QCOMPARE(button(d, "copyRedirectUriButton")->text(), QStringLiteral("Copied"));
        QVERIFY(child<QWidget>(d, "firstEnableNote")->isVisible());
        QCOMPARE(edit(d, "scopesValue")->text(), QStringLiteral("openid email profile"));
        int shown = 0;
        for (const QLineEdit *e : d->findChildren<QLineEdit *>()) {
            if (e->isVisible() && e->text() == edit(d, "redirectUriEdit")->text())
                ++shown;
        }
        QCOMPARE(shown, 1);

        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        edit(d, "clientIdEdit")->setText(QStringLiteral("sandbox-client"));
        QVERIFY(goToPage(d, SsoEnableWizard::CheckPageId, false));
        QTRY_COMPARE_WITH_TIMEOUT(checklist(d)->state(), SsoIssuerChecklist::State::Done, 10000);
        for (const char *id : {"reachable", "issuer_match", "endpoints_https", "jwks", "code_flow",
                               "pkce_s256", "openid_scope"})
            QCOMPARE(rowStatus(d, id), QStringLiteral("pass"));
        QVERIFY(labelText(d, "checkLearned").contains(issuer("good") + QStringLiteral("/token")));
        QVERIFY(labelText(d, "checkLearned").contains(QLatin1String("S256")));
        QVERIFY(!child<QWidget>(d, "useDiscoveredIssuerButton")->isVisible());
        screenshot(d, QStringLiteral("setup-good"));

        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId));
        QCOMPARE(enableButton(d)->text(), QStringLiteral("&Enable SSO"));
        QVERIFY(labelText(d, "reviewVerdict").contains(QStringLiteral("passed")));
        QSignalSpy enabled(d, &SsoEnableWizard::ssoEnabled);
        enableButton(d)->click();
        QVERIFY(enabled.wait(10000));
        const auto connection = enabled.first().at(1).value<SsoConnection>();
        QCOMPARE(connection.identifier, issuer("good"));
        QVERIFY(connection.loginUrl.value_or(QString()).contains(QLatin1String("/idp/login/")));
        // The checks reached the IdP without any credential.
        for (const auto &r : env->server->requests()) {
            if (r.path.startsWith(QLatin1String("/idp/")))
                QVERIFY(!r.headers.contains("authorization"));
        }
    }

    void mismatchOffersDiscoveredIssuerAndEnableAnyway()
    {
        SsoEnableWizard *d = openEnable();
        checkIssuer(d, issuer("issuer-mismatch"));
        QTRY_COMPARE_WITH_TIMEOUT(checklist(d)->state(), SsoIssuerChecklist::State::Done, 10000);
        QCOMPARE(rowStatus(d, "reachable"), QStringLiteral("pass"));
        QCOMPARE(rowStatus(d, "issuer_match"), QStringLiteral("fail"));
        QCOMPARE(rowStatus(d, "jwks"), QStringLiteral("pass"));
        QVERIFY(child<QWidget>(d, "checkFailureNote")->isVisible());
        screenshot(d, QStringLiteral("setup-mismatch"));
        // Never blocks: the Review page says so in red and offers only "Enable anyway".
        QVERIFY(d->button(QWizard::NextButton)->isEnabled());
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId));
        QCOMPARE(enableButton(d)->text(), QStringLiteral("Enable &anyway"));
        QVERIFY(enableButton(d)->toolTip().contains(QLatin1String("internal network")));
        QVERIFY(labelText(d, "reviewVerdict").contains(QStringLiteral("failed")));
        d->back();
        auto *use = button(d, "useDiscoveredIssuerButton");
        QVERIFY(use->isVisible());
        use->click();
        QCOMPARE(edit(d, "issuerEdit")->text(), issuer("issuer-mismatch") + QLatin1Char('/'));
        QTRY_COMPARE_WITH_TIMEOUT(checklist(d)->state(), SsoIssuerChecklist::State::Done, 10000);
        QCOMPARE(rowStatus(d, "issuer_match"), QStringLiteral("pass"));
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId, false));
        QCOMPARE(enableButton(d)->text(), QStringLiteral("&Enable SSO"));
    }

    void everyScenarioInThePanel_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected"); // P pass, W warn, F fail, S not checked
        QTest::newRow("good") << "good"
                              << "PPPPPPP";
        QTest::newRow("issuer-mismatch") << "issuer-mismatch"
                                         << "PFPPPPP";
        QTest::newRow("no-s256") << "no-s256"
                                 << "PPPPPWP";
        QTest::newRow("http-endpoint") << "http-endpoint"
                                       << "PPFPPPP";
        QTest::newRow("empty-jwks") << "empty-jwks"
                                    << "PPPFPPP";
        QTest::newRow("not-json") << "not-json"
                                  << "FSSSSSS";
        QTest::newRow("404") << "404"
                             << "FSSSSSS";
        QTest::newRow("slow") << "slow"
                              << "FSSSSSS"; // deadline 300 ms
    }

    void everyScenarioInThePanel()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        SsoEnableWizard *d = openEnable();
        checklist(d)->setDeadlineMs(300);
        checkIssuer(d, issuer(qPrintable(scenario)));
        QTRY_COMPARE_WITH_TIMEOUT(checklist(d)->state(), SsoIssuerChecklist::State::Done, 10000);
        const QMap<QChar, QString> names = {{QLatin1Char('P'), QStringLiteral("pass")},
                                            {QLatin1Char('W'), QStringLiteral("warn")},
                                            {QLatin1Char('F'), QStringLiteral("fail")},
                                            {QLatin1Char('S'), QStringLiteral("skipped")}};
        const char *ids[] = {"reachable", "issuer_match", "endpoints_https", "jwks",
                             "code_flow", "pkce_s256",    "openid_scope"};
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(rowStatus(d, ids[i]), names.value(expected.at(i)));
            QVERIFY(!labelText(d, qPrintable(QStringLiteral("check_") + QLatin1String(ids[i])))
                         .isEmpty());
        }
        const bool failed = expected.contains(QLatin1Char('F'));
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId, false));
        QCOMPARE(enableButton(d)->text(),
                 failed ? QStringLiteral("Enable &anyway") : QStringLiteral("&Enable SSO"));
        QVERIFY(enableButton(d)->isEnabled());
    }

    void slowCheckCanBeCancelled()
    {
        SsoEnableWizard *d = openEnable();
        QSignalSpy recorded(env->server.get(), &sandbox::SandboxServer::requestRecorded);
        checkIssuer(d, issuer("slow"));
        QTRY_COMPARE_WITH_TIMEOUT(checklist(d)->state(), SsoIssuerChecklist::State::Running, 5000);
        QVERIFY(recorded.wait(5000));
        auto *cancel = button(d, "cancelCheckButton");
        QVERIFY(cancel->isVisible());
        cancel->click();
        QCOMPARE(checklist(d)->state(), SsoIssuerChecklist::State::Cancelled);
        QVERIFY(!cancel->isVisible());
        QVERIFY(button(d, "checkIssuerButton")->isEnabled());
        QVERIFY(labelText(d, "checkStatus").contains(QLatin1String("stopped")));
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId, false));
        QVERIFY(enableButton(d)->isEnabled());
        QCOMPARE(enableButton(d)->text(), QStringLiteral("&Enable SSO"));
        QVERIFY(labelText(d, "reviewVerdict").contains(QLatin1String("not checked")));
    }

    void entraPresetSendsOid()
    {
        SsoEnableWizard *d = openEnable();
        auto *combo = child<QComboBox>(d, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("entra")));
        QVERIFY(labelText(d, "presetSets").contains(QLatin1String("oid")));
        // A domain builds an issuer, with the warning that Entra ID publishes its tenant ID.
        edit(d, "presetField_tenant")->setText(QStringLiteral("globex.onmicrosoft.com"));
        auto *note = child<QLabel>(d, "presetProblem");
        QVERIFY(note->isVisibleTo(d));
        QVERIFY2(note->text().contains(QLatin1String("enter the Directory (tenant) ID")),
                 qPrintable(note->text()));
        edit(d, "presetField_tenant")
            ->setText(QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47"));
        QVERIFY(!note->isVisibleTo(d));
        QCOMPARE(
            edit(d, "issuerEdit")->text(),
            QStringLiteral(
                "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0"));
        QVERIFY(goToPage(d, SsoEnableWizard::IdpPageId));
        // Entra's console steps refer to the redirect URI shown above instead of repeating it.
        QVERIFY(labelText(d, "stepText2").contains(QLatin1String("redirect URI above")));
        QVERIFY(!d->findChild<QLineEdit *>(QStringLiteral("step2Value")));
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        QVERIFY(labelText(d, "externalIdClaimValue").startsWith(QLatin1String("oid")));
        edit(d, "clientIdEdit")->setText(QStringLiteral("c1"));
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId)); // no network for Entra ID here
        QCOMPARE(labelText(d, "reviewExternalIdClaim"), QStringLiteral("oid"));
        QSignalSpy enabled(d, &SsoEnableWizard::ssoEnabled);
        enableButton(d)->click();
        QVERIFY(enabled.wait(10000));
        const auto posts = env->requestsEndingWith("POST", ssoPath("globex"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first()
                     .jsonBody()
                     .value("protocols")
                     .toObject()
                     .value("openid")
                     .toObject()
                     .value("external_id_claim")
                     .toString(),
                 QStringLiteral("oid"));
    }

    void oktaPresetAndPastedAdminUrl()
    {
        SsoEnableWizard *d = openEnable();
        auto *combo = child<QComboBox>(d, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("okta")));
        edit(d, "presetField_domain")->setText(QStringLiteral("acme.okta.com"));
        edit(d, "presetField_server")->setText(QStringLiteral("default"));
        QCOMPARE(edit(d, "issuerEdit")->text(),
                 QStringLiteral("https://acme.okta.com/oauth2/default"));
        screenshot(d, QStringLiteral("setup-okta"));
        // Pasting the admin console's address offers the org's issuer (one click, not silently).
        edit(d, "issuerEdit")
            ->setText(QStringLiteral("https://acme-admin.okta.com/admin/dashboard"));
        QCOMPARE(edit(d, "issuerEdit")->text(),
                 QStringLiteral("https://acme-admin.okta.com/admin/dashboard"));
        auto *fix = button(d, "issuerFix");
        QVERIFY(fix->isVisible());
        QVERIFY(fix->text().contains(QLatin1String("https://acme.okta.com")));
        fix->click();
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://acme.okta.com"));
    }

    void redirectUriIsASetting()
    {
        SsoEnableWizard *d = openEnable();
        auto *combo = child<QComboBox>(d, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("okta")));
        edit(d, "presetField_domain")->setText(QStringLiteral("acme.okta.com"));
        QVERIFY(goToPage(d, SsoEnableWizard::IdpPageId));
        QLineEdit *redirect = edit(d, "redirectUriEdit");
        redirect->setText(QStringLiteral("https://id.keycard.ai/oauth/2/redirect/org-123"));
        QMetaObject::invokeMethod(redirect, "editingFinished");
        QCOMPARE(savedRedirects,
                 QStringList{QStringLiteral("https://id.keycard.ai/oauth/2/redirect/org-123")});
        // The console steps refer to the new value (shown once, above them).
        QVERIFY(labelText(d, "stepText3").contains(QLatin1String("redirect URI above")));
        QVERIFY(!d->findChild<QLineEdit *>(QStringLiteral("step3Value")));
    }

    void editDialogHasChecklistOnly()
    {
        auto *d =
            new SsoDialog(env->client.get(), env->organization("wayne"), env->connection("wayne"));
        d->show();
        QVERIFY(d->findChild<SsoIssuerChecklist *>());
        QVERIFY(!d->findChild<SsoProviderPanel *>());
        // Opening the edit form fetches nothing; the check runs on demand.
        QCOMPARE(checklist(d)->state(), SsoIssuerChecklist::State::Idle);
        QVERIFY(button(d, "checkIssuerButton")->isEnabled());
        // The connection's own external_id_claim is not counted as a change.
        QVERIFY(!button(d, "submitButton")->isEnabled());
    }
};

QTEST_MAIN(TestSsoSetup)
#include "test_sso_setup.moc"
