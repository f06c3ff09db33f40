#include "SsoWorkflow.h"

#include "DisableSsoDialog.h"
#include "DisplayText.h"
#include "KeycardClient.h"
#include "SsoConnectionForm.h"
#include "SsoDialog.h"
#include "SsoEnableWizard.h"

namespace keycard::ui {

SsoWorkflow::SsoWorkflow(KeycardClient *client, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_window(window)
{
}

bool SsoWorkflow::raiseExisting()
{
    if (!m_dialog)
        return false;
    m_dialog->raise();
    m_dialog->activateWindow();
    return true;
}

void SsoWorkflow::track(QDialog *dialog)
{
    m_dialog = dialog;
    dialog->open();
}

SsoEnableWizard *SsoWorkflow::enableSso(const Organization &organization)
{
    if (raiseExisting())
        return nullptr;
    auto *wizard = new SsoEnableWizard(m_client, organization, m_setupContext, m_window);
    connect(wizard, &SsoEnableWizard::ssoEnabled, this, &SsoWorkflow::connectionChanged);
    connect(wizard, &SsoEnableWizard::ssoEnabled, this, [this](const Organization &org) {
        Q_EMIT succeeded(tr("SSO enabled for %1").arg(displayText(displayName(org))));
    });
    connect(wizard, &SsoEnableWizard::existingConnectionFound, this,
            &SsoWorkflow::connectionChanged);
    connect(wizard, &SsoEnableWizard::viewConnectionRequested, this,
            &SsoWorkflow::showConnectionRequested);
    // "Edit it instead": the edit dialog takes over with what was typed as its changes.
    connect(wizard, &SsoEnableWizard::editInsteadRequested, this,
            [this](const Organization &org, const SsoConnection &existing,
                   const SsoConnectionCreate &typed) {
                m_dialog.clear();
                if (SsoDialog *edit = editSso(org, existing))
                    edit->form()->proposeChanges(typed);
            });
    track(wizard);
    return wizard;
}

SsoDialog *SsoWorkflow::editSso(const Organization &organization, const SsoConnection &current)
{
    if (raiseExisting())
        return qobject_cast<SsoDialog *>(m_dialog.data());
    auto *dialog = new SsoDialog(m_client, organization, current, m_window);
    connect(dialog, &SsoDialog::ssoUpdated, this, &SsoWorkflow::connectionChanged);
    connect(dialog, &SsoDialog::ssoUpdated, this, [this](const Organization &org) {
        Q_EMIT succeeded(tr("SSO settings of %1 saved").arg(displayText(displayName(org))));
    });
    track(dialog);
    return dialog;
}

void SsoWorkflow::editSso(const Organization &organization)
{
    if (raiseExisting())
        return;
    CallOptions options;
    options.expandPermissions = true;
    m_client->getSsoConnection(
        labelOrId(organization), this,
        [this, organization](const Result<SsoConnection> &result) {
            if (result.ok())
                editSso(organization, result.value());
            else
                Q_EMIT loadFailed(result.error().toString());
        },
        options);
}

DisableSsoDialog *SsoWorkflow::disableSso(const Organization &organization)
{
    if (raiseExisting())
        return qobject_cast<DisableSsoDialog *>(m_dialog.data());
    auto *dialog = new DisableSsoDialog(m_client, organization, m_window);
    connect(dialog, &DisableSsoDialog::ssoDisabled, this, &SsoWorkflow::ssoDisabled);
    connect(dialog, &DisableSsoDialog::ssoDisabled, this, [this](const Organization &org) {
        Q_EMIT succeeded(tr("SSO disabled for %1").arg(displayText(displayName(org))));
    });
    track(dialog);
    return dialog;
}

} // namespace keycard::ui
