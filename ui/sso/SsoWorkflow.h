#pragma once

#include "Models.h"
#include "SsoSetupContext.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

class QWidget;

namespace keycard {
class KeycardClient;
}

namespace keycard::ui {

class DisableSsoDialog;
class SsoDialog;
class SsoEnableWizard;

// What MainWindow creates to offer Enable / Edit / Disable SSO: opens the dialogs (one at a
// time, window-modal via open(), never exec()) and reports what changed so the panes and the
// organization's SSO badge can be updated without reloading the list.
class SsoWorkflow : public QObject
{
    Q_OBJECT
public:
    // `window` parents the dialogs. Neither pointer is owned.
    SsoWorkflow(KeycardClient *client, QWidget *window, QObject *parent = nullptr);

    // The client used by dialogs opened from now on (e.g. after a profile switch).
    void setClient(KeycardClient *client) { m_client = client; }
    KeycardClient *client() const { return m_client; }
    // The identity provider side of the Enable SSO wizards opened from now on.
    void setSetupContext(const SsoSetupContext &context) { m_setupContext = context; }
    const SsoSetupContext &setupContext() const { return m_setupContext; }

    // The dialog currently open (null when none): tests answer it through findChild.
    QDialog *activeDialog() const { return m_dialog.data(); }

    // The Enable SSO wizard; null when another dialog is open (it is raised instead).
    SsoEnableWizard *enableSso(const Organization &organization);
    SsoDialog *editSso(const Organization &organization, const SsoConnection &current);
    // Loads the current connection first (errors are reported by loadFailed).
    void editSso(const Organization &organization);
    DisableSsoDialog *disableSso(const Organization &organization);

Q_SIGNALS:
    // SSO is on for `organization` with `connection` (enabled, updated, or found by a 409).
    void connectionChanged(const keycard::Organization &organization,
                           const keycard::SsoConnection &connection);
    void ssoDisabled(const keycard::Organization &organization);
    // The admin asked to look at the connection (409 "View existing connection").
    void showConnectionRequested(const keycard::Organization &organization,
                                 const keycard::SsoConnection &connection);
    void loadFailed(const QString &message);
    // A write succeeded: one line for the status bar ("SSO enabled for Globex Corporation").
    void succeeded(const QString &message);

private:
    bool raiseExisting();
    void track(QDialog *dialog);

    KeycardClient *m_client;
    QWidget *m_window;
    QPointer<QDialog> m_dialog;
    SsoSetupContext m_setupContext;
};

} // namespace keycard::ui
