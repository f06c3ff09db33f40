#pragma once

#include "Models.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace keycard {
class BusyIndicator;
class KeycardClient;
class MessageBar;
class SignInImpactBox;
struct ApiError;
} // namespace keycard

namespace keycard::ui {

class SsoController;

// Confirms disabling SSO by asking for the organization's label typed exactly, explains what
// happens and who would lose sign-in (SignInImpactBox, "signInImpact"), then sends DELETE.
// objectNames: "confirmLabelEdit", "disableButton", "cancelButton", "retryButton", "busyIndicator",
// "banner", "bannerText", "bannerRequestId". Open with open()/show().
class DisableSsoDialog : public QDialog
{
    Q_OBJECT
public:
    DisableSsoDialog(KeycardClient *client, const Organization &organization,
                     QWidget *parent = nullptr);

    bool isBusy() const;
    // The text to type: the label, or the id when the organization has no label.
    QString confirmationText() const;
    // The label as the dialog shows it (format::shortText()).
    QString shownLabel() const;
    void reject() override; // while busy: cancels the request

Q_SIGNALS:
    void ssoDisabled(const keycard::Organization &organization);

private:
    void send();
    void setBusy(bool busy);
    void refreshButton();
    void onFailed(const ApiError &error);

    Organization m_organization;
    SsoController *m_controller = nullptr;
    MessageBar *m_banner = nullptr;
    SignInImpactBox *m_impact = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_confirmHint = nullptr;
    BusyIndicator *m_busy = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QString m_requestId;
};

} // namespace keycard::ui
