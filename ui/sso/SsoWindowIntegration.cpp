#include "SsoWindowIntegration.h"

#include "Announce.h"
#include "Format.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "ProviderPresets.h"
#include "SsoLoginSection.h"
#include "SsoWorkflow.h"

#include <QPointer>
#include <QStatusBar>

#include <memory>

namespace keycard::ui {

namespace {

// The redirect URI setting of the window's session: the sandbox's own value, the profile's
// saved value, or (environment / command line) one kept for this run.
void applySetupContext(MainWindow *window, SsoWorkflow *workflow,
                       const std::shared_ptr<QString> &sessionRedirect)
{
    const SessionInfo &session = window->session();
    SsoSetupContext context;
    if (session.isSandbox()) {
        context.sandboxBase = session.baseUrl;
        context.redirectUri = oidc::sandboxRedirectUri(session.baseUrl);
        context.redirectUriIsSandboxValue = true;
    } else if (session.source == SessionInfo::Source::Profile && !session.profileName.isEmpty()) {
        context.redirectUri = profiles::ProfileStore().redirectUri(session.profileName);
        const QString name = session.profileName;
        QPointer<MainWindow> guard(window);
        context.saveRedirectUri = [name, guard](const QString &uri) {
            profiles::ProfileStore store;
            store.setRedirectUri(name,
                                 uri == QLatin1String(oidc::kDefaultRedirectUri) ? QString() : uri);
            store.sync();
            SsoLoginSection::setSessionRedirectUri(uri);
            if (guard)
                if (auto *section = guard->findChild<SsoLoginSection *>())
                    section->setRedirectUri(uri);
        };
    } else {
        context.redirectUri = *sessionRedirect;
        QPointer<MainWindow> guard(window);
        context.saveRedirectUri = [sessionRedirect, guard](const QString &uri) {
            *sessionRedirect = uri;
            SsoLoginSection::setSessionRedirectUri(uri);
            if (guard)
                if (auto *section = guard->findChild<SsoLoginSection *>())
                    section->setRedirectUri(uri);
        };
    }
    workflow->setSetupContext(context);
    SsoLoginSection::setSessionRedirectUri(context.redirectUri);
    if (auto *section = window->findChild<SsoLoginSection *>())
        section->setRedirectUri(context.redirectUri);
}

} // namespace

SsoWorkflow *installSsoWritePath(MainWindow *window)
{
    auto *workflow = new SsoWorkflow(window->client(), window, window);
    workflow->setObjectName(QStringLiteral("ssoWorkflow"));
    // The window may be re-pointed at another client (profile switch): follow it.
    auto current = [window, workflow] {
        workflow->setClient(window->client());
        return window->client() != nullptr;
    };
    QObject::connect(window, &MainWindow::enableSsoRequested, workflow,
                     [workflow, current](const Organization &organization) {
                         if (current())
                             workflow->enableSso(organization);
                     });
    QObject::connect(
        window, &MainWindow::editSsoRequested, workflow,
        [workflow, current](const Organization &organization, const SsoConnection &connection) {
            if (current())
                workflow->editSso(organization, connection);
        });
    QObject::connect(window, &MainWindow::disableSsoRequested, workflow,
                     [workflow, current](const Organization &organization) {
                         if (current())
                             workflow->disableSso(organization);
                     });
    QObject::connect(workflow, &SsoWorkflow::connectionChanged, window,
                     [window](const Organization &organization, const SsoConnection &connection) {
                         window->showConnection(organization.id, connection);
                     });
    QObject::connect(
        workflow, &SsoWorkflow::ssoDisabled, window,
        [window](const Organization &organization) { window->showSsoDisabled(organization.id); });
    QObject::connect(workflow, &SsoWorkflow::showConnectionRequested, window,
                     [window](const Organization &organization, const SsoConnection &connection) {
                         window->selectOrganization(organization.id);
                         window->showConnection(organization.id, connection);
                     });
    QObject::connect(workflow, &SsoWorkflow::succeeded, window, [window](const QString &message) {
        // It names the organization: a long name is cut in the middle, not under the
        // status bar's permanent widgets.
        const QString shown = format::shortText(message, 120);
        window->statusBar()->showMessage(shown, 10000);
        announce(window->statusBar(), shown); // a screen reader hears the outcome too
    });
    auto sessionRedirect = std::make_shared<QString>();
    applySetupContext(window, workflow, sessionRedirect);
    QObject::connect(window, &MainWindow::sessionChanged, workflow,
                     [window, workflow, sessionRedirect] {
                         applySetupContext(window, workflow, sessionRedirect);
                     });
    window->setSsoActionsAvailable(true);
    return workflow;
}

} // namespace keycard::ui
