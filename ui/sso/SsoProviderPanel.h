#pragma once

#include "ProviderPresets.h"

#include <QMap>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace keycard::ui {

// The identity provider chooser of the Enable SSO wizard's Provider page ("providerCombo") and
// the fields the chosen preset asks for ("presetField_<id>"), with what the preset sets. It
// builds the issuer and hands it over through issuerBuilt() every time it changes: a new preset
// or an edited preset field recomputes it, and a preset without a usable issuer (empty fields,
// or one whose issuer is typed) hands over "" — never the previous preset's issuer.
class SsoProviderPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SsoProviderPanel(const oidc::PresetContext &context, QWidget *parent = nullptr);

    void setContext(const oidc::PresetContext &context);
    const oidc::PresetContext &context() const { return m_context; }
    // "" when no provider is chosen.
    QString presetId() const;
    std::optional<oidc::ProviderPreset> preset() const;
    void selectPreset(const QString &id);
    void setFieldValue(const QString &fieldId, const QString &value);
    // True when the preset asks for fields and one of them holds text.
    bool hasTypedValues() const;
    // protocols.openid.external_id_claim of the chosen preset (Entra ID: "oid").
    std::optional<QString> externalIdClaim() const;
    QString problem() const;
    void setLocked(bool locked);

    // A row under the preset's fields, in the same form (the page's issuer field).
    void addRow(QWidget *label, QWidget *field);
    // The chooser, then the preset's fields, in the order they are shown.
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void issuerBuilt(const QString &issuer);
    void presetChanged(const QString &id);

private:
    void rebuild();
    void updateIssuer();

    QList<oidc::ProviderPreset> m_presets;
    oidc::PresetContext m_context;
    QComboBox *m_combo = nullptr;
    QFormLayout *m_form = nullptr;
    QList<QLineEdit *> m_fieldOrder;
    QMap<QString, QLineEdit *> m_fields;
    QLabel *m_problem = nullptr;
    QLabel *m_sets = nullptr;
    std::optional<QString> m_lastIssuer;
};

// A read-only value with a Copy button, for values to paste at the identity provider
// (objectNames "<name>Value", "<name>Copy"). The value is named `label` for assistive
// technology (never by the value itself) and the button says what it copies ("Copy the
// redirect URI"); a click copies, shows "Copied" for a moment and announces it.
QWidget *makeCopyableValue(const QString &name, const QString &value, const QString &label,
                           const QString &copyName, QWidget *parent);
// Connects `button` so that a click puts `text()` on the clipboard, shows "Copied" for a moment
// and announces it.
void makeCopyButton(QToolButton *button, const std::function<QString()> &text);

} // namespace keycard::ui
