#include "SsoProviderPanel.h"

#include "ValidatedField.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, AssessingValidator::messageColor(pal, false));
    label->setPalette(pal);
    return label;
}

} // namespace

QWidget *makeCopyableValue(const QString &name, const QString &value, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(value, row);
    edit->setObjectName(name + QStringLiteral("Value"));
    edit->setReadOnly(true);
    edit->setAccessibleName(value);
    auto *copy = new QToolButton(row);
    copy->setObjectName(name + QStringLiteral("Copy"));
    copy->setText(QApplication::translate("SsoProviderPanel", "Copy"));
    copy->setToolTip(QApplication::translate("SsoProviderPanel", "Copy %1").arg(value));
    QObject::connect(copy, &QToolButton::clicked, edit,
                     [edit] { QApplication::clipboard()->setText(edit->text()); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    return row;
}

SsoProviderPanel::SsoProviderPanel(const oidc::PresetContext &context, QWidget *parent)
    : QGroupBox(tr("Your identity provider"), parent)
    , m_presets(oidc::providerPresets(!context.sandboxBase.isEmpty()))
    , m_context(context)
{
    setObjectName(QStringLiteral("ssoProviderPanel"));
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("providerCombo"));
    m_combo->setAccessibleName(tr("Identity provider"));
    m_combo->addItem(tr("Choose your identity provider…"), QString());
    for (const oidc::ProviderPreset &p : std::as_const(m_presets))
        m_combo->addItem(p.name, p.id);

    m_fieldsBox = new QWidget(this);
    m_fieldsForm = new QFormLayout(m_fieldsBox);
    m_fieldsForm->setContentsMargins(0, 0, 0, 0);
    m_fieldsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_problem = mutedLabel(QString(), this);
    m_problem->setObjectName(QStringLiteral("presetProblem"));
    m_stepsTitle = new QLabel(this);
    m_stepsTitle->setObjectName(QStringLiteral("stepsTitle"));
    QFont bold = m_stepsTitle->font();
    bold.setBold(true);
    m_stepsTitle->setFont(bold);
    m_steps = new QWidget(this);
    m_steps->setObjectName(QStringLiteral("presetSteps"));
    m_stepsLayout = new QVBoxLayout(m_steps);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);
    m_stepsLayout->setSpacing(4);
    m_sets = mutedLabel(QString(), this);
    m_sets->setObjectName(QStringLiteral("presetSets"));

    m_fieldsForm->addRow(tr("Provider"), m_combo); // the preset's fields follow
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fieldsBox);
    layout->addWidget(m_problem);
    layout->addWidget(m_stepsTitle);
    layout->addWidget(m_steps);
    layout->addWidget(m_sets);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        rebuild();
        Q_EMIT presetChanged(presetId());
    });
    rebuild();
}

void SsoProviderPanel::setContext(const oidc::PresetContext &context)
{
    m_context = context;
    rebuildSteps();
    updateIssuer();
}

QString SsoProviderPanel::presetId() const
{
    return m_combo->currentData().toString();
}

std::optional<oidc::ProviderPreset> SsoProviderPanel::preset() const
{
    const QString id = presetId();
    for (const oidc::ProviderPreset &p : m_presets) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

void SsoProviderPanel::selectPreset(const QString &id)
{
    const int index = m_combo->findData(id);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
}

void SsoProviderPanel::setFieldValue(const QString &fieldId, const QString &value)
{
    if (QLineEdit *edit = m_fields.value(fieldId))
        edit->setText(value);
}

std::optional<QString> SsoProviderPanel::externalIdClaim() const
{
    const auto p = preset();
    return p ? p->externalIdClaim : std::nullopt;
}

QString SsoProviderPanel::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void SsoProviderPanel::setLocked(bool locked)
{
    m_combo->setEnabled(!locked);
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->setReadOnly(locked);
}

void SsoProviderPanel::rebuild()
{
    while (m_fieldsForm->rowCount() > 1)
        m_fieldsForm->removeRow(1);
    m_fields.clear();
    m_lastIssuer.clear();
    const auto p = preset();
    if (p) {
        for (const oidc::PresetField &f : p->fields) {
            auto *edit = new QLineEdit(m_fieldsBox);
            edit->setObjectName(QStringLiteral("presetField_") + f.id);
            edit->setPlaceholderText(f.placeholder);
            edit->setAccessibleName(f.label);
            m_fieldsForm->addRow(f.label, edit);
            m_fields.insert(f.id, edit);
            connect(edit, &QLineEdit::textChanged, this, &SsoProviderPanel::updateIssuer);
        }
    }
    m_sets->setText(p ? p->setsDescription() : QString());
    m_sets->setVisible(!m_sets->text().isEmpty());
    rebuildSteps();
    updateIssuer();
}

void SsoProviderPanel::rebuildSteps()
{
    while (QLayoutItem *item = m_stepsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto p = preset();
    m_stepsTitle->setVisible(p.has_value());
    m_steps->setVisible(p.has_value());
    if (!p)
        return;
    m_stepsTitle->setText(p->id == QLatin1String("sandbox")
                              ? tr("About the sandbox's identity provider")
                              : tr("In %1").arg(p->name));
    const QList<oidc::PresetStep> steps = p->steps(m_context);
    for (int i = 0; i < steps.size(); ++i) {
        auto *text = new QLabel(tr("%1. %2").arg(i + 1).arg(steps.at(i).text), m_steps);
        text->setObjectName(QStringLiteral("stepText%1").arg(i + 1));
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_stepsLayout->addWidget(text);
        if (!steps.at(i).value.isEmpty())
            m_stepsLayout->addWidget(
                makeCopyableValue(QStringLiteral("step%1").arg(i + 1), steps.at(i).value, m_steps));
    }
}

void SsoProviderPanel::updateIssuer()
{
    const auto p = preset();
    if (!p) {
        m_problem->hide();
        return;
    }
    QMap<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        values.insert(it.key(), it.value()->text());
    const oidc::IssuerBuild built = p->buildIssuer(values, m_context);
    if (p->asksIssuer) {
        m_problem->setText(
            tr("Copy the issuer URL from the provider's console into Issuer URL below."));
        m_problem->show();
        return;
    }
    m_problem->setText(built.problem);
    m_problem->setVisible(!built.issuer && !built.problem.isEmpty());
    if (built.issuer && *built.issuer != m_lastIssuer) {
        m_lastIssuer = *built.issuer;
        Q_EMIT issuerBuilt(*built.issuer);
    }
}

} // namespace keycard::ui
