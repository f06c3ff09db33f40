#pragma once

#include "Models.h"
#include "SsoSetupContext.h"
#include "SsoWizardPages.h"

#include <QPointer>
#include <QWizard>

class QMessageBox;

namespace keycard {
class KeycardClient;
struct ApiError;
} // namespace keycard

namespace keycard::ui {

class SsoController;

// Enable SSO for one organization, one step at a time (QWizard, the platform's own look):
// Provider, At your identity provider, Client, Check, Review. Nothing is sent before the Review
// page's "Enable SSO" (the Finish button, "Enable anyway" after a failed check); Enter moves on
// to the next page and never sends; Escape asks before discarding typed values. The request
// goes through SsoController (request id from the Client page's Advanced section, reused by
// Retry; a 409 whose connection matches what was sent counts as enabled). Open it with open().
// objectNames: pages "providerPage", "idpPage", "clientPage", "checkPage", "reviewPage";
// buttons "backButton", "nextButton", "submitButton" (Finish), "cancelButton"; the review's
// "banner", "retryButton", "viewExistingButton", "editInsteadButton"; "discardBox".
class SsoEnableWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ProviderPageId, IdpPageId, ClientPageId, CheckPageId, ReviewPageId };

    SsoEnableWizard(KeycardClient *client, const Organization &organization,
                    const SsoSetupContext &context, QWidget *parent = nullptr);
    ~SsoEnableWizard() override;

    const Organization &organization() const { return m_organization; }
    SsoProviderPage *providerPage() const { return m_provider; }
    SsoIdpPage *idpPage() const { return m_idp; }
    SsoClientPage *clientPage() const { return m_client; }
    SsoCheckPage *checkPage() const { return m_check; }
    SsoReviewPage *reviewPage() const { return m_review; }

    bool isBusy() const;
    // What "Enable SSO" sends, and what the Review page shows of it.
    SsoConnectionCreate createBody() const;
    QString requestId() const;
    SsoEnableReview review() const;
    // Something was typed or chosen that closing would lose.
    bool hasTypedValues() const;

    void accept() override; // the Finish button on the Review page: sends the request
    void reject() override; // while busy: cancels the request; with typed values: asks first

Q_SIGNALS:
    void ssoEnabled(const keycard::Organization &organization,
                    const keycard::SsoConnection &connection);
    void existingConnectionFound(const keycard::Organization &organization,
                                 const keycard::SsoConnection &existing);
    void viewConnectionRequested(const keycard::Organization &organization,
                                 const keycard::SsoConnection &existing);
    // "Edit it instead" after a 409: what was typed becomes the proposed changes of an edit.
    void editInsteadRequested(const keycard::Organization &organization,
                              const keycard::SsoConnection &existing,
                              const keycard::SsoConnectionCreate &typed);
    void busyChanged(bool busy);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void send();
    void setBusy(bool busy);
    void onPageChanged(int id);
    void growToFit();
    void refreshReview();
    void onFailed(const ApiError &error);
    void onCancelled();
    void onAlreadyEnabled(const SsoConnection &existing);
    void showPage(int id);
    QList<QWidget *> pageFocusOrder(int id) const;
    void askBeforeDiscarding();
    oidc::PresetContext presetContext() const;

    Organization m_organization;
    KeycardClient *m_api = nullptr; // not owned; for the sign-in safety check
    SsoSetupContext m_context;
    QString m_redirectUri;
    SsoController *m_controller = nullptr;
    SsoProviderPage *m_provider = nullptr;
    SsoIdpPage *m_idp = nullptr;
    SsoClientPage *m_client = nullptr;
    SsoCheckPage *m_check = nullptr;
    SsoReviewPage *m_review = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_viewExisting = nullptr;
    QPushButton *m_editInstead = nullptr;
    QPointer<QMessageBox> m_discardBox;
    std::optional<SsoConnection> m_existing;
    bool m_discardConfirmed = false;
};

} // namespace keycard::ui
