#include "SsoWindowIntegration.h"

#include "MainWindow.h"
#include "SsoWorkflow.h"

#include <QStatusBar>

namespace keycard::ui {

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
        window->statusBar()->showMessage(message, 10000);
    });
    window->setSsoActionsAvailable(true);
    return workflow;
}

} // namespace keycard::ui
