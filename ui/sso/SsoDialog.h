#pragma once

#include "Models.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace keycard {
class BusyIndicator;
class KeycardClient;
class MessageBar;
class SignInImpactBox;
struct ApiError;
} // namespace keycard

namespace keycard::ui {

class SsoChangeSummary;
class SsoConnectionForm;
class SsoController;

// The Edit SSO dialog: one form (with the issuer check of a changed issuer), then a review of
// old → new values before anything is sent (Enable SSO is the SsoEnableWizard). Open it with
// open() or show() (never exec()): tests and MainWindow drive it through signals and the
// objectNames of its widgets ("submitButton", "cancelButton", "backButton", "retryButton",
// "busyIndicator", "banner", "bannerText", "bannerRequestId", "changeSummary",
// "reviewIssuerVerdict", "signInImpact", "lockoutConfirmEdit", fields "<name>Edit"). A new
// issuer's review says who would lose sign-in; when no administrator would be left, the
// organization's label must be typed before "Save changes". Whatever goes wrong, the form keeps what the
// admin typed.
class SsoDialog : public QDialog
{
    Q_OBJECT
public:
    // Edit the organization's current connection.
    SsoDialog(KeycardClient *client, const Organization &organization, const SsoConnection &current,
              QWidget *parent = nullptr);
    ~SsoDialog() override;

    SsoConnectionForm *form() const { return m_form; }
    bool isBusy() const;
    bool isReviewing() const;

    void reject() override; // while busy: cancels the request instead of closing

protected:
    bool focusNextPrevChild(bool next) override;

Q_SIGNALS:
    void ssoUpdated(const keycard::Organization &organization,
                    const keycard::SsoConnection &connection);
    void busyChanged(bool busy);

private:
    void submit();
    void send();
    void back();
    void setBusy(bool busy);
    void refreshTitle();
    void refreshSubmit();
    void refreshVerdict();
    void onFailed(const ApiError &error);
    void onCancelled();
    Organization organizationSent() const;

    Organization m_organization;
    SsoController *m_controller = nullptr;
    SsoConnectionForm *m_form = nullptr;
    SsoChangeSummary *m_summary = nullptr;
    QWidget *m_reviewPage = nullptr;
    QLabel *m_verdict = nullptr;
    SignInImpactBox *m_impact = nullptr;
    QLabel *m_lockoutPrompt = nullptr;
    QLineEdit *m_lockoutConfirm = nullptr;
    KeycardClient *m_client = nullptr;
    MessageBar *m_banner = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_intro = nullptr;
    QStackedWidget *m_pages = nullptr;
    BusyIndicator *m_busy = nullptr;
    QLabel *m_busyLabel = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace keycard::ui
