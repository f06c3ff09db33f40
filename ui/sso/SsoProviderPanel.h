#pragma once

#include "ProviderPresets.h"

#include <QGroupBox>
#include <QMap>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace keycard::ui {

// Top of the Enable SSO form: the identity provider chooser ("providerCombo"), the fields the
// chosen preset asks for ("presetField_<id>"), the steps to do in that provider's console with
// the values to paste ("stepValue<n>", "stepCopy<n>") and what the preset sets. Builds the
// issuer; the form takes it through issuerBuilt().
class SsoProviderPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit SsoProviderPanel(const oidc::PresetContext &context, QWidget *parent = nullptr);

    // The redirect URI shown in the steps changed.
    void setContext(const oidc::PresetContext &context);
    // "" when no provider is chosen.
    QString presetId() const;
    std::optional<oidc::ProviderPreset> preset() const;
    void selectPreset(const QString &id);
    void setFieldValue(const QString &fieldId, const QString &value);
    // protocols.openid.external_id_claim of the chosen preset (Entra ID: "oid").
    std::optional<QString> externalIdClaim() const;
    QString problem() const;
    void setLocked(bool locked);

Q_SIGNALS:
    void issuerBuilt(const QString &issuer);
    void presetChanged(const QString &id);

private:
    void rebuild();
    void rebuildSteps();
    void updateIssuer();

    QList<oidc::ProviderPreset> m_presets;
    oidc::PresetContext m_context;
    QComboBox *m_combo = nullptr;
    QWidget *m_fieldsBox = nullptr;
    QFormLayout *m_fieldsForm = nullptr;
    QMap<QString, QLineEdit *> m_fields;
    QLabel *m_problem = nullptr;
    QLabel *m_stepsTitle = nullptr;
    QWidget *m_steps = nullptr;
    QVBoxLayout *m_stepsLayout = nullptr;
    QLabel *m_sets = nullptr;
    QString m_lastIssuer;
};

// A read-only value with a Copy button, for values to paste at the identity provider
// (objectNames "<name>Value", "<name>Copy").
QWidget *makeCopyableValue(const QString &name, const QString &value, QWidget *parent);

} // namespace keycard::ui
