// The first three pages of the Enable SSO wizard: Provider, At your identity provider, Client.
#include "SsoWizardPages.h"

#include "FieldRules.h"
#include "SsoAdvancedSection.h"
#include "SsoIdpSection.h"
#include "SsoProviderPanel.h"
#include "SsoValidators.h"
#include "ValidatedField.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QLabel *bold(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

// --- 1. Provider ------------------------------------------------------------------------------

SsoProviderPage::SsoProviderPage(const oidc::PresetContext &context, QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("providerPage"));
    setTitle(tr("Provider"));
    setSubTitle(tr("Choose your identity provider and enter what identifies your account there. "
                   "The issuer URL follows from it."));
    m_panel = new SsoProviderPanel(context, this);
    using rules::Field;
    m_issuer = new ValidatedField(QStringLiteral("issuer"), new IssuerValidator, this);
    m_issuer->edit()->setAccessibleName(rules::fieldLabel(Field::Identifier));
    m_issuer->edit()->setPlaceholderText(tr("e.g. https://your-org.okta.com"));
    m_issuer->edit()->setToolTip(tr("The identity provider's issuer URL, as published in its "
                                    "/.well-known/openid-configuration document"));
    auto *label = new QLabel(withMnemonic(rules::fieldLabel(Field::Identifier), u'i'), this);
    label->setBuddy(m_issuer);
    m_panel->addRow(label, m_issuer);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_panel);
    layout->addStretch(1);

    // The preset recomputes the issuer on every change ("" when it has none).
    connect(m_panel, &SsoProviderPanel::issuerBuilt, m_issuer,
            [this](const QString &issuer) { m_issuer->setText(issuer); });
    connect(m_panel, &SsoProviderPanel::presetChanged, this, &SsoProviderPage::updateTabOrder);
    connect(m_issuer, &ValidatedField::stateChanged, this, &SsoProviderPage::completeChanged);
    pointBuddiesAtEdits(this);
    updateTabOrder();
}

QString SsoProviderPage::issuer() const
{
    return m_issuer->text().trimmed();
}

bool SsoProviderPage::isComplete() const
{
    return m_issuer->isAcceptable();
}

QList<QWidget *> SsoProviderPage::focusOrder() const
{
    return m_panel->focusOrder() + m_issuer->focusOrder();
}

void SsoProviderPage::updateTabOrder()
{
    const QList<QWidget *> order = focusOrder();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

// --- 2. At your identity provider ---------------------------------------------------------------

SsoIdpPage::SsoIdpPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("idpPage"));
    setTitle(tr("At your identity provider"));
    setSubTitle(tr("Register Keycard as an application at your identity provider, with these "
                   "values."));
    m_section = new SsoIdpSection(this);
    m_section->setTitle(tr("What to register"));
    m_stepsTitle = bold(plainLabel(QString(), this));
    m_stepsTitle->setObjectName(QStringLiteral("stepsTitle"));
    m_steps = new QWidget(this);
    m_steps->setObjectName(QStringLiteral("presetSteps"));
    m_stepsLayout = new QVBoxLayout(m_steps);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);
    m_stepsLayout->setSpacing(4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_section);
    layout->addWidget(m_stepsTitle);
    layout->addWidget(m_steps);
    layout->addStretch(1);
}

void SsoIdpPage::setPreset(const std::optional<oidc::ProviderPreset> &preset,
                           const oidc::PresetContext &context)
{
    while (QLayoutItem *item = m_stepsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_stepFocus.clear();
    m_stepsTitle->setVisible(preset.has_value());
    m_steps->setVisible(preset.has_value());
    if (!preset)
        return;
    m_stepsTitle->setText(preset->id == QLatin1String("sandbox")
                              ? tr("About the sandbox's identity provider")
                              : tr("In %1").arg(preset->name));
    const QList<oidc::PresetStep> steps = preset->steps(context);
    const QString scopes = QString::fromLatin1(oidc::kRequestedScopes);
    for (int i = 0; i < steps.size(); ++i) {
        const oidc::PresetStep &step = steps.at(i);
        QString text = tr("%1. %2").arg(i + 1).arg(step.text);
        // The redirect URI and the scopes are shown once, above, with their Copy buttons.
        const bool shownAbove = step.value == context.redirectUri || step.value == scopes;
        if (step.value == context.redirectUri)
            text += QLatin1Char(' ') + tr("the redirect URI above.");
        else if (step.value == scopes)
            text += QLatin1Char(' ') + tr("the scopes above.");
        auto *label = plainLabel(text, m_steps);
        label->setObjectName(QStringLiteral("stepText%1").arg(i + 1));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_stepsLayout->addWidget(label);
        label->show(); // at once (a layout shows new children only later): Tab sees them
        if (step.value.isEmpty() || shownAbove)
            continue;
        QWidget *row = makeCopyableValue(QStringLiteral("step%1").arg(i + 1), step.value,
                                         tr("Value of step %1").arg(i + 1),
                                         tr("Copy the value of step %1").arg(i + 1), m_steps);
        m_stepsLayout->addWidget(row);
        row->show();
        m_stepFocus << row->findChild<QLineEdit *>() << row->findChild<QToolButton *>();
    }
}

QList<QWidget *> SsoIdpPage::focusOrder() const
{
    QList<QWidget *> out;
    for (const char *name : {"redirectUriEdit", "copyRedirectUriButton", "resetRedirectUriButton",
                             "scopesValue", "copyScopesButton"}) {
        if (auto *w = m_section->findChild<QWidget *>(QLatin1String(name)))
            out << w;
    }
    return out + m_stepFocus;
}

// --- 3. Client -------------------------------------------------------------------------------

SsoClientPage::SsoClientPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("clientPage"));
    setTitle(tr("Client"));
    setSubTitle(tr("The client the identity provider issued for Keycard."));
    using rules::Field;
    const ClientCredentialFields credentials = makeClientCredentialFields(this);
    m_clientId = credentials.clientId;
    m_secret = credentials.secret;
    m_reveal = credentials.reveal;
    auto *note =
        plainLabel(tr("Keycard stores the secret encrypted and never shows it again."), this);
    note->setObjectName(QStringLiteral("clientSecretNote"));
    auto *secretBox = new QWidget(this);
    auto *secretLayout = new QVBoxLayout(secretBox);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->setSpacing(2);
    secretLayout->addWidget(m_secret);
    secretLayout->addWidget(note);

    m_claimLabel = new QLabel(tr("External ID claim"), this);
    m_claim = plainLabel(QString(), this);
    m_claim->setObjectName(QStringLiteral("externalIdClaimValue"));
    m_advanced = new SsoAdvancedSection(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *clientIdLabel = new QLabel(withMnemonic(rules::fieldLabel(Field::ClientId), u'c'), this);
    clientIdLabel->setBuddy(m_clientId);
    form->addRow(clientIdLabel, m_clientId);
    auto *secretLabel =
        new QLabel(withMnemonic(rules::fieldLabel(Field::ClientSecret), u's'), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, secretBox);
    form->addRow(m_claimLabel, m_claim);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_advanced);
    layout->addStretch(1);

    pointBuddiesAtEdits(this);
    const QList<QWidget *> order = focusOrder();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    for (ValidatedField *f : {m_clientId, m_secret})
        connect(f, &ValidatedField::stateChanged, this, &SsoClientPage::completeChanged);
    connect(m_advanced, &SsoAdvancedSection::stateChanged, this, &SsoClientPage::completeChanged);
    setExternalIdClaim(std::nullopt, QString());
}

void SsoClientPage::setExternalIdClaim(const std::optional<QString> &claim,
                                       const QString &providerName)
{
    m_claim->setText(claim ? tr("%1 (set by the %2 preset)").arg(*claim, providerName) : QString());
    m_claimLabel->setVisible(claim.has_value());
    m_claim->setVisible(claim.has_value());
}

bool SsoClientPage::isComplete() const
{
    return m_clientId->isAcceptable() && m_secret->isAcceptable() && m_advanced->isAcceptable();
}

QList<QWidget *> SsoClientPage::focusOrder() const
{
    return m_clientId->focusOrder() + m_secret->focusOrder() + m_advanced->focusOrder();
}

} // namespace keycard::ui
