#pragma once

#include "ApiError.h"
#include "Models.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QRadioButton;
class QToolButton;
class QWidget;

namespace keycard::ui {

class FieldValidator;
class SsoAdvancedSection;
class SsoIssuerChecklist;
class ValidatedField;

// The fields of the Edit SSO form: organization, issuer URL, client ID, client secret, the issuer
// check and the Advanced section (Enable SSO is the SsoEnableWizard's pages). Knows how to turn
// itself into the update body; never talks to the network (see SsoController / SsoDialog).
class SsoConnectionForm : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Enable, Edit };
    enum class SecretChoice { Keep, Replace, Remove }; // edit mode

    explicit SsoConnectionForm(QWidget *parent = nullptr);

    // Empty form for enabling SSO on `organization` (id or label, editable).
    void setupEnable(const QString &organization);
    // Prefilled from `current`; the organization is fixed and the secret field starts empty
    // (= keep the current secret).
    void setupEdit(const QString &organization, const SsoConnection &current);
    // Edit mode: what was typed in the Enable SSO wizard becomes the proposed changes (after a
    // 409 "Edit it instead"); protocol settings left empty keep the connection's own.
    void proposeChanges(const SsoConnectionCreate &typed);

    Mode mode() const { return m_mode; }
    QString organization() const;
    QString requestId() const;
    void regenerateRequestId();
    const std::optional<SsoConnection> &original() const { return m_original; }
    SecretChoice secretChoice() const;

    // Only the fields that differ from original() (edit mode).
    SsoConnectionUpdate updateBody() const;

    // protocols.openid.external_id_claim sent when enabling (a provider preset's, e.g. "oid");
    // editing keeps the connection's own value.
    void setExternalIdClaim(const std::optional<QString> &claim) { m_externalIdClaim = claim; }

    bool isAcceptable() const;
    // One line per problem, "Issuer URL: Required"; in edit mode "Nothing has changed" too.
    QStringList problems() const;

    // Shows a server validation error at the field it names; false when it names none here.
    bool showServerError(const ApiError &error);
    void setLocked(bool locked);

    // Every control top to bottom as shown (Tab order): organization, issuer, client ID, the
    // secret choices, the secret and Show, the issuer check's buttons, Advanced.
    QList<QWidget *> focusOrder() const;

    ValidatedField *issuerField() const { return m_issuer; }
    ValidatedField *clientIdField() const { return m_clientId; }
    ValidatedField *secretField() const { return m_secret; }
    SsoAdvancedSection *advanced() const { return m_advanced; }
    // The issuer check of the issuer shown (run on demand, or when the issuer changes).
    SsoIssuerChecklist *checklist() const { return m_checklist; }

Q_SIGNALS:
    void stateChanged();

private:
    void setSecretChoice(SecretChoice choice);
    void updateSecretWidgets();
    void applyClientIdRule();

    Mode m_mode = Mode::Enable;
    std::optional<SsoConnection> m_original;
    ValidatedField *m_organization = nullptr;
    bool m_organizationFixed = false;
    ValidatedField *m_issuer = nullptr;
    ValidatedField *m_clientId = nullptr;
    FieldValidator *m_clientIdValidator = nullptr;
    ValidatedField *m_secret = nullptr;
    QToolButton *m_reveal = nullptr;
    QLabel *m_secretNote = nullptr;
    QWidget *m_secretChoices = nullptr;
    QRadioButton *m_keep = nullptr;
    QRadioButton *m_replace = nullptr;
    QRadioButton *m_remove = nullptr;
    QButtonGroup *m_choiceGroup = nullptr;
    SsoAdvancedSection *m_advanced = nullptr;
    SsoIssuerChecklist *m_checklist = nullptr;
    bool m_locked = false;
    std::optional<QString> m_externalIdClaim;
};

// `p` with protocols.openid.external_id_claim set to `claim` when it has none (the Advanced
// section has no field for it: a provider preset or the connection supplies it).
std::optional<SsoProtocols> withExternalIdClaim(std::optional<SsoProtocols> p,
                                                const std::optional<QString> &claim);

} // namespace keycard::ui
