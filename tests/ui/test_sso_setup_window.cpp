// The SSO setup end to end in the real MainWindow on the sandbox: the Sandbox IdP preset, the
// issuer check, Enable, and the Connection pane's login URL, external id claim and redirect URI.
#include "MainWindow.h"
#include "ProviderPresets.h"
#include "SsoDialog.h"
#include "SsoIssuerChecklist.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "ValueField.h"
#include "WindowTestSupport.h"
#include "test_sso_support.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

class TestSsoSetupWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> env;
    std::unique_ptr<MainWindow> window;
    SsoWorkflow *workflow = nullptr;

    QString fieldValue(const char *name) const
    {
        auto *field =
            window->findChild<ValueField *>(QLatin1String(name) + QStringLiteral("Field"));
        return field ? field->value() : QStringLiteral("<none>");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KeycardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_sso_setup_window"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void init()
    {
        env = std::make_unique<Env>();
        window = std::make_unique<MainWindow>();
        window->setPersistSettings(false);
        SessionInfo session; // the sandbox
        session.baseUrl = env->server->baseUrl();
        window->setClient(env->client.get(), session);
        workflow = installSsoWritePath(window.get());
        window->show();
    }
    void cleanup()
    {
        deleteOpenDialogs();
        window.reset();
        env.reset();
    }

    void sandboxWalkthrough()
    {
        const QString redirect =
            env->server->baseUrl().toString() + QStringLiteral("/oauth/2/redirect");
        QCOMPARE(workflow->setupContext().redirectUri, redirect);
        SsoEnableWizard *d = workflow->enableSso(env->organization("globex"));
        QVERIFY(d);
        QCOMPARE(edit(d, "redirectUriEdit")->text(), redirect);
        QVERIFY(edit(d, "redirectUriEdit")->isReadOnly()); // the sandbox's own value
        auto *combo = child<QComboBox>(d, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("sandbox")));
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        edit(d, "clientIdEdit")->setText(QStringLiteral("sandbox-client"));
        QVERIFY(goToPage(d, SsoEnableWizard::CheckPageId, false));
        auto *checklist = d->findChild<SsoIssuerChecklist *>();
        QTRY_COMPARE_WITH_TIMEOUT(checklist->state(), SsoIssuerChecklist::State::Done, 15000);
        QVERIFY(!checklist->hasFailure());
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId, false));
        QSignalSpy changed(workflow, &SsoWorkflow::connectionChanged);
        enableButton(d)->click();
        QVERIFY(changed.wait(10000));

        window->selectOrganization(QStringLiteral("globex"));
        const QString id = env->organization("globex").id;
        QTRY_COMPARE_WITH_TIMEOUT(
            fieldValue("loginUrl"),
            env->server->baseUrl().toString() + QStringLiteral("/idp/login/") + id, 10000);
        QCOMPARE(fieldValue("redirectUri"), redirect);
        QVERIFY(
            window->findChild<ValueField *>(QStringLiteral("externalIdClaimField"))->isMissing());

        // The Endpoints pane sets what the form's issuer check learned next to what Keycard
        // returned, without fetching again.
        auto *endpoints = window->findChild<QWidget *>(QStringLiteral("endpointsPane"));
        QVERIFY(endpoints);
        auto *tabs = window->findChild<QTabWidget *>();
        QVERIFY(tabs && tabs->indexOf(endpoints) >= 0);
        tabs->setCurrentWidget(endpoints);
        auto *issuerVerdict = endpoints->findChild<QLabel *>(QStringLiteral("idpIssuerVerdict"));
        QVERIFY(issuerVerdict);
        QTRY_VERIFY(issuerVerdict->isVisible());
        QCOMPARE(issuerVerdict->text(), QStringLiteral("✓ Same as Keycard"));
        QCOMPARE(fieldValue("idpTokenEndpoint"),
                 oidc::sandboxIssuer(env->server->baseUrl()) + QStringLiteral("/token"));
        QVERIFY(endpoints->findChild<QLabel *>(QStringLiteral("idpComparisonStatus"))
                    ->text()
                    .startsWith(QLatin1String("Read at ")));
        keycard::test::screenshot(window.get(), QStringLiteral("sso-setup-endpoints-narrow"));
        window->resize(1280, 860);
        keycard::test::screenshot(window.get(), QStringLiteral("sso-setup-endpoints"));
    }
};

QTEST_MAIN(TestSsoSetupWindow)
#include "test_sso_setup_window.moc"
