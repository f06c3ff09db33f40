#pragma once

#include "Models.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace keycard {
class BusyIndicator;
class KeycardClient;
class MessageBar;
struct ApiError;
} // namespace keycard

namespace keycard::ui {

class SsoChangeSummary;
class SsoConnectionForm;
class SsoController;

// The Enable SSO / Edit SSO dialog. Open it with open() or show() (never exec()): tests and
// MainWindow drive it through signals and the objectNames of its widgets ("submitButton",
// "cancelButton", "backButton", "retryButton", "viewExistingButton", "editInsteadButton",
// "busyIndicator", "banner", "bannerText", "bannerRequestId", "changeSummary", fields
// "<name>Edit"). Whatever goes wrong, the form keeps what the admin typed.
class SsoDialog : public QDialog
{
    Q_OBJECT
public:
    // Enable SSO for `organization`.
    SsoDialog(KeycardClient *client, const Organization &organization, QWidget *parent = nullptr);
    // Edit the organization's current connection.
    SsoDialog(KeycardClient *client, const Organization &organization, const SsoConnection &current,
              QWidget *parent = nullptr);
    ~SsoDialog() override;

    SsoConnectionForm *form() const { return m_form; }
    bool isBusy() const;
    bool isReviewing() const;

    void reject() override; // while busy: cancels the request instead of closing

    // While `text` is set, the Enable button reads it and its tooltip adds `explanation` (a
    // failed issuer check: submitting stays possible). Empty text restores the usual wording.
    void setSubmitCaution(const QString &text, const QString &explanation);

Q_SIGNALS:
    // SSO was enabled (201, or the reconciled result of a retried request).
    void ssoEnabled(const keycard::Organization &organization,
                    const keycard::SsoConnection &connection);
    void ssoUpdated(const keycard::Organization &organization,
                    const keycard::SsoConnection &connection);
    // A 409 revealed an existing connection different from the one typed (the organization
    // does have SSO: panes and badge can show it).
    void existingConnectionFound(const keycard::Organization &organization,
                                 const keycard::SsoConnection &existing);
    // "View existing connection" was chosen; the dialog closes.
    void viewConnectionRequested(const keycard::Organization &organization,
                                 const keycard::SsoConnection &existing);
    void busyChanged(bool busy);

private:
    // Edits `current` when set, else enables SSO.
    SsoDialog(KeycardClient *client, const Organization &organization,
              const std::optional<SsoConnection> &current, QWidget *parent);
    void submit();
    void send();
    void back();
    void setBusy(bool busy);
    void refreshTitle();
    void refreshSubmit();
    void onFailed(const ApiError &error);
    void onCancelled();
    void onAlreadyEnabled(const QString &organization, const SsoConnection &existing);
    void editExistingInstead();
    Organization organizationSent() const;

    Organization m_organization;
    SsoController *m_controller = nullptr;
    SsoConnectionForm *m_form = nullptr;
    SsoChangeSummary *m_summary = nullptr;
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
    QPushButton *m_viewExisting = nullptr;
    QPushButton *m_editInstead = nullptr;
    std::optional<SsoConnection> m_existing;
    QString m_cautionText;
    QString m_cautionExplanation;
};

} // namespace keycard::ui
