#pragma once

#include "KeycardClient.h"
#include "Models.h"
#include "ProviderPresets.h"

#include <QPointer>
#include <QWizardPage>

#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace keycard {
class BusyIndicator;
class MessageBar;
class SignInImpactBox;
} // namespace keycard

namespace keycard::ui {

class SsoAdvancedSection;
class SsoIdpSection;
class SsoIssuerChecklist;
class SsoProviderPanel;
class ValidatedField;

// The pages of the Enable SSO wizard (SsoEnableWizard). Each page owns its widgets and their
// Tab order (top to bottom, then the wizard's buttons), and focuses its first field when shown.

// 1. Provider: the presets, the preset's own fields and the issuer URL the preset builds (or
//    that is typed for a provider without a preset format).
class SsoProviderPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SsoProviderPage(const oidc::PresetContext &context, QWidget *parent = nullptr);

    SsoProviderPanel *panel() const { return m_panel; }
    ValidatedField *issuerField() const { return m_issuer; }
    QString issuer() const;
    bool isComplete() const override;
    QList<QWidget *> focusOrder() const;

private:
    void updateTabOrder();

    SsoProviderPanel *m_panel = nullptr;
    ValidatedField *m_issuer = nullptr;
};

// 2. At your identity provider: what to register there (redirect URI with Copy, application
//    and grant type, scopes, the emergency-access advice) and the chosen provider's steps.
class SsoIdpPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SsoIdpPage(QWidget *parent = nullptr);

    SsoIdpSection *section() const { return m_section; }
    // The steps of `preset` (none: the generic advice) with the values to paste; a value shown
    // above (the redirect URI, the scopes) is referred to, not repeated.
    void setPreset(const std::optional<oidc::ProviderPreset> &preset,
                   const oidc::PresetContext &context);
    QList<QWidget *> focusOrder() const;

private:
    SsoIdpSection *m_section = nullptr;
    QLabel *m_stepsTitle = nullptr;
    QWidget *m_steps = nullptr;
    QVBoxLayout *m_stepsLayout = nullptr;
    QList<QWidget *> m_stepFocus;
};

// 3. Client: client ID, client secret (Show), the external id claim a preset sets, and
//    Advanced (request ID, protocol settings).
class SsoClientPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SsoClientPage(QWidget *parent = nullptr);

    ValidatedField *clientIdField() const { return m_clientId; }
    ValidatedField *secretField() const { return m_secret; }
    SsoAdvancedSection *advanced() const { return m_advanced; }
    void setExternalIdClaim(const std::optional<QString> &claim, const QString &providerName);
    bool isComplete() const override;
    QList<QWidget *> focusOrder() const;

private:
    ValidatedField *m_clientId = nullptr;
    ValidatedField *m_secret = nullptr;
    QToolButton *m_reveal = nullptr;
    QLabel *m_claimLabel = nullptr;
    QLabel *m_claim = nullptr;
    SsoAdvancedSection *m_advanced = nullptr;
};

// 4. Check: the issuer check runs on entering the page; its checklist offers the discovered
//    issuer on a mismatch. Back to fix, or go on: a failed check never blocks.
class SsoCheckPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SsoCheckPage(QWidget *parent = nullptr);

    SsoIssuerChecklist *checklist() const { return m_checklist; }
    // Checks `issuer` now (again when it changed since the last check).
    void check(const QString &issuer);
    QList<QWidget *> focusOrder() const;

private:
    SsoIssuerChecklist *m_checklist = nullptr;
};

// What the Review page shows: exactly what the request will carry.
struct SsoEnableReview
{
    QString organization;
    QString provider;
    SsoConnectionCreate body;
    QString requestId;
    enum class Verdict { Passed, Failed, NotChecked, Running } verdict = Verdict::NotChecked;
    QString verdictDetail;
};

// 5. Review: every value that will be sent (as plain text), the check's verdict (a failure in
//    red) and, for the outcome of sending, a banner and a busy line. The wizard's Finish button
//    is the explicit "Enable SSO" (or "Enable anyway"): nothing is sent before it.
class SsoReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SsoReviewPage(QWidget *parent = nullptr);

    void setReview(const SsoEnableReview &review);
    MessageBar *banner() const { return m_banner; }
    void setBusy(bool busy, const QString &text = {});
    // "Field: value" per line, as shown (tests compare them with what the server received).
    QStringList lines() const;
    // The sign-in safety check for enabling `issuer`: how many active administrators keep
    // signing in without SSO, a warning below two with "Invite an administrator…" (objectNames
    // "signInImpact", "reviewInviteAdminButton", "reviewInviteNote"). Read again only when the
    // organization or the issuer changed.
    void checkSignIn(KeycardClient *client, const Organization &organization, const QString &issuer);

private:
    QFormLayout *m_form = nullptr;
    QLabel *m_verdict = nullptr;
    SignInImpactBox *m_impact = nullptr;
    QPushButton *m_inviteAdmin = nullptr;
    QLabel *m_inviteNote = nullptr;
    QPointer<KeycardClient> m_api;
    Organization m_organization;
    QString m_impactKey;
    MessageBar *m_banner = nullptr;
    BusyIndicator *m_busy = nullptr;
    QLabel *m_busyLabel = nullptr;
    QList<std::pair<QString, QLabel *>> m_rows;
};

} // namespace keycard::ui
