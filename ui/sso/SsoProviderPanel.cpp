#include "SsoProviderPanel.h"

#include "Announce.h"
#include "ValidatedField.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

QLabel *mutedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, AssessingValidator::messageColor(pal, false));
    label->setPalette(pal);
    return label;
}

QString copyText()
{
    return QApplication::translate("SsoProviderPanel", "Copy");
}

} // namespace

void makeCopyButton(QToolButton *button, const std::function<QString()> &text)
{
    button->setText(copyText());
    QObject::connect(button, &QToolButton::clicked, button, [button, text] {
        QApplication::clipboard()->setText(text());
        const QString done = QApplication::translate("SsoProviderPanel", "Copied");
        button->setText(done);
        announce(button, done);
        QPointer<QToolButton> guard(button);
        QTimer::singleShot(1500, button, [guard] {
            if (guard)
                guard->setText(copyText());
        });
    });
}

QWidget *makeCopyableValue(const QString &name, const QString &value, const QString &label,
                           const QString &copyName, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(value, row);
    edit->setObjectName(name + QStringLiteral("Value"));
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    auto *copy = new QToolButton(row);
    copy->setObjectName(name + QStringLiteral("Copy"));
    copy->setToolTip(copyName);
    copy->setAccessibleName(copyName);
    makeCopyButton(copy, [edit] { return edit->text(); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    return row;
}

SsoProviderPanel::SsoProviderPanel(const oidc::PresetContext &context, QWidget *parent)
    : QWidget(parent)
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

    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_problem = mutedLabel(this);
    m_problem->setObjectName(QStringLiteral("presetProblem"));
    m_sets = mutedLabel(this);
    m_sets->setObjectName(QStringLiteral("presetSets"));

    auto *providerLabel = new QLabel(tr("Identity &provider"), this);
    providerLabel->setBuddy(m_combo);
    m_form->addRow(providerLabel, m_combo); // the preset's fields follow
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
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

bool SsoProviderPanel::hasTypedValues() const
{
    for (const QLineEdit *edit : m_fieldOrder) {
        if (!edit->text().trimmed().isEmpty())
            return true;
    }
    return false;
}

std::optional<QString> SsoProviderPanel::externalIdClaim() const
{
    const auto p = preset();
    return p ? p->externalIdClaim : std::nullopt;
}

QString SsoProviderPanel::problem() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

void SsoProviderPanel::setLocked(bool locked)
{
    m_combo->setEnabled(!locked);
    for (QLineEdit *edit : std::as_const(m_fieldOrder))
        edit->setReadOnly(locked);
}

void SsoProviderPanel::addRow(QWidget *label, QWidget *field)
{
    m_form->addRow(label, field);
}

QList<QWidget *> SsoProviderPanel::focusOrder() const
{
    QList<QWidget *> out{m_combo};
    for (QLineEdit *edit : m_fieldOrder)
        out << edit;
    return out;
}

void SsoProviderPanel::rebuild()
{
    for (QLineEdit *edit : std::as_const(m_fieldOrder))
        m_form->removeRow(edit); // deletes the row's label and field
    m_fieldOrder.clear();
    m_fields.clear();
    m_lastIssuer.reset(); // a new preset always hands over its own issuer, or none
    const auto p = preset();
    if (p) {
        // Mnemonics of the page: P(rovider), I(ssuer URL); the wizard's buttons use B, N, F
        // and E. A preset field takes the first other letter of its label.
        QString used = QStringLiteral("pibnfe");
        int row = 1;
        for (const oidc::PresetField &f : p->fields) {
            auto *edit = new QLineEdit(this);
            edit->setObjectName(QStringLiteral("presetField_") + f.id);
            edit->setPlaceholderText(f.placeholder);
            edit->setAccessibleName(f.label);
            QString text = f.label;
            for (qsizetype i = 0; i < f.label.size(); ++i) {
                const QChar c = f.label.at(i).toLower();
                if (c.isLetter() && !used.contains(c)) {
                    used += c;
                    text.insert(i, QLatin1Char('&'));
                    break;
                }
            }
            auto *label = new QLabel(text, this);
            label->setBuddy(edit);
            m_form->insertRow(row++, label, edit);
            label->show(); // at once (a layout shows new children only later): Tab sees them
            edit->show();
            m_fieldOrder << edit;
            m_fields.insert(f.id, edit);
            connect(edit, &QLineEdit::textChanged, this, &SsoProviderPanel::updateIssuer);
        }
    }
    m_sets->setText(p ? p->setsDescription() : QString());
    m_sets->setVisible(!m_sets->text().isEmpty());
    updateIssuer();
}

void SsoProviderPanel::updateIssuer()
{
    const auto p = preset();
    QString issuer;
    if (!p) {
        m_problem->hide();
    } else if (p->asksIssuer) {
        m_problem->setText(tr("Copy the issuer URL from the provider's console into Issuer URL."));
        m_problem->show();
    } else {
        QMap<QString, QString> values;
        for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
            values.insert(it.key(), it.value()->text());
        const oidc::IssuerBuild built = p->buildIssuer(values, m_context);
        // What to enter or correct; or, with an issuer, why it may still not be the one the
        // provider publishes (Entra ID: a domain instead of the Directory (tenant) ID).
        const QString note = built.issuer ? built.warning : built.problem;
        m_problem->setText(note);
        m_problem->setVisible(!note.isEmpty());
        issuer = built.issuer.value_or(QString());
    }
    if (m_lastIssuer && *m_lastIssuer == issuer)
        return;
    m_lastIssuer = issuer;
    Q_EMIT issuerBuilt(issuer);
}

} // namespace keycard::ui
