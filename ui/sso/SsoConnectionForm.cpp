#include "SsoConnectionForm.h"

#include "SsoAdvancedSection.h"
#include "SsoIssuerChecklist.h"
#include "SsoValidators.h"
#include "ValidatedField.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

std::optional<SsoProtocols> normalized(const std::optional<SsoProtocols> &p)
{
    if (!p || p->isEmpty())
        return std::nullopt;
    SsoProtocols out;
    if (p->oauth2 && !p->oauth2->isEmpty())
        out.oauth2 = p->oauth2;
    if (p->openid && !p->openid->isEmpty())
        out.openid = p->openid;
    return out;
}

std::optional<QString> externalIdClaimOf(const std::optional<SsoProtocols> &p)
{
    return p && p->openid ? p->openid->externalIdClaim : std::nullopt;
}

} // namespace

std::optional<SsoProtocols> withExternalIdClaim(std::optional<SsoProtocols> p,
                                                const std::optional<QString> &claim)
{
    if (!claim)
        return p;
    if (!p)
        p = SsoProtocols{};
    if (!p->openid)
        p->openid = OpenIdSettings{};
    if (!p->openid->externalIdClaim)
        p->openid->externalIdClaim = claim;
    return p;
}

SsoConnectionForm::SsoConnectionForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ssoConnectionForm"));
    using rules::Field;

    m_organization = new ValidatedField(QStringLiteral("organization"),
                                        new FieldValidator(Field::OrganizationId), this);
    m_organization->edit()->setAccessibleName(rules::fieldLabel(Field::OrganizationId));
    m_organization->edit()->setPlaceholderText(tr("Organization ID or label"));

    m_issuer = new ValidatedField(QStringLiteral("issuer"), new IssuerValidator, this);
    m_issuer->edit()->setAccessibleName(rules::fieldLabel(Field::Identifier));
    m_issuer->edit()->setPlaceholderText(
        tr("e.g. https://your-org.okta.com, https://login.microsoftonline.com/<tenant>/v2.0, "
           "https://accounts.google.com"));
    auto *examples = new QLabel(
        tr("Okta: https://your-org.okta.com · Entra ID: "
           "https://login.microsoftonline.com/<tenant>/v2.0 · Google: https://accounts.google.com"),
        m_issuer);
    examples->setObjectName(QStringLiteral("issuerExamples"));
    examples->setWordWrap(true);
    examples->setTextFormat(Qt::PlainText);
    examples->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = examples->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    examples->setFont(small);
    QPalette muted = examples->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    examples->setPalette(muted);
    m_issuer->layout()->addWidget(examples);
    m_issuer->edit()->setToolTip(tr("The identity provider's issuer URL, as published in its "
                                    "/.well-known/openid-configuration document"));

    const ClientCredentialFields credentials = makeClientCredentialFields(this);
    m_clientIdValidator = credentials.clientIdValidator;
    m_clientId = credentials.clientId;
    m_secret = credentials.secret;
    m_reveal = credentials.reveal;
    m_secretNote =
        new QLabel(tr("Keycard stores the secret encrypted and never shows it again."), this);
    m_secretNote->setObjectName(QStringLiteral("clientSecretNote"));
    m_secretNote->setWordWrap(true);

    m_secretChoices = new QWidget(this);
    m_secretChoices->setObjectName(QStringLiteral("secretChoices"));
    m_keep = new QRadioButton(m_secretChoices);
    m_keep->setObjectName(QStringLiteral("keepSecretRadio"));
    m_replace = new QRadioButton(tr("Replace secret"), m_secretChoices);
    m_replace->setObjectName(QStringLiteral("replaceSecretRadio"));
    m_remove = new QRadioButton(tr("Remove secret"), m_secretChoices);
    m_remove->setObjectName(QStringLiteral("removeSecretRadio"));
    m_choiceGroup = new QButtonGroup(this);
    m_choiceGroup->addButton(m_keep, int(SecretChoice::Keep));
    m_choiceGroup->addButton(m_replace, int(SecretChoice::Replace));
    m_choiceGroup->addButton(m_remove, int(SecretChoice::Remove));
    auto *choices = new QHBoxLayout(m_secretChoices);
    choices->setContentsMargins(0, 0, 0, 0);
    choices->addWidget(m_keep);
    choices->addWidget(m_replace);
    choices->addWidget(m_remove);
    choices->addStretch(1);
    m_keep->setChecked(true);

    auto *secretBox = new QWidget(this);
    auto *secretLayout = new QVBoxLayout(secretBox);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->setSpacing(2);
    secretLayout->addWidget(m_secretChoices);
    secretLayout->addWidget(m_secret);
    secretLayout->addWidget(m_secretNote);

    m_checklist = new SsoIssuerChecklist(this);
    m_advanced = new SsoAdvancedSection(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(withMnemonic(rules::fieldLabel(Field::OrganizationId), u'o'), m_organization);
    form->addRow(withMnemonic(rules::fieldLabel(Field::Identifier), u'i'), m_issuer);
    form->addRow(withMnemonic(rules::fieldLabel(Field::ClientId), u'c'), m_clientId);
    // The label's buddy is the secret field itself (it takes focus for its edit); the box around
    // the choices and the field takes no focus, so Tab never loops back into the field.
    auto *secretLabel =
        new QLabel(withMnemonic(rules::fieldLabel(Field::ClientSecret), u's'), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, secretBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_checklist);
    layout->addWidget(m_advanced);
    layout->addStretch(1);

    pointBuddiesAtEdits(this);
    // Tab follows what is shown, top to bottom; the dialog's buttons come after the form.
    const QList<QWidget *> order = focusOrder();
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));

    connect(m_issuer->edit(), &QLineEdit::textChanged, m_checklist,
            [this](const QString &text) { m_checklist->setIssuer(text.trimmed()); });
    connect(m_checklist, &SsoIssuerChecklist::useIssuerRequested, m_issuer,
            [this](const QString &value) { m_issuer->setText(value); });

    for (ValidatedField *f : {m_organization, m_issuer, m_clientId, m_secret})
        connect(f, &ValidatedField::stateChanged, this, &SsoConnectionForm::stateChanged);
    connect(m_advanced, &SsoAdvancedSection::stateChanged, this, &SsoConnectionForm::stateChanged);
    // Typing a secret in the edit form means replacing the current one.
    connect(m_secret->edit(), &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_mode == Mode::Edit && !text.isEmpty())
            setSecretChoice(SecretChoice::Replace);
    });
    connect(m_choiceGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setSecretChoice(SecretChoice(id)); });

    setupEnable(QString());
}

QList<QWidget *> SsoConnectionForm::focusOrder() const
{
    QList<QWidget *> order = m_organization->focusOrder();
    order << m_issuer->focusOrder() << m_clientId->focusOrder() << m_keep << m_replace << m_remove
          << m_secret->focusOrder() << m_checklist->focusOrder() << m_advanced->focusOrder();
    return order;
}

void SsoConnectionForm::setupEnable(const QString &organization)
{
    m_mode = Mode::Enable;
    m_original.reset();
    m_organization->setText(organization);
    // A form opened for one organization stays bound to it (it is shown, not edited).
    m_organizationFixed = !organization.isEmpty();
    m_organization->edit()->setReadOnly(m_organizationFixed);
    m_issuer->setUnchangedValue(std::nullopt);
    m_clientId->setUnchangedValue(std::nullopt);
    m_issuer->setText(QString());
    m_clientId->setText(QString());
    m_secret->setText(QString());
    m_advanced->setProtocols(std::nullopt);
    m_advanced->regenerateRequestId();
    m_keep->setChecked(true);
    applyClientIdRule();
    updateSecretWidgets();
    Q_EMIT stateChanged();
}

void SsoConnectionForm::setupEdit(const QString &organization, const SsoConnection &current)
{
    m_mode = Mode::Edit;
    m_original = current;
    m_organization->setText(organization);
    // Only what changes is checked against today's rules: the current values pass as they are.
    m_issuer->setUnchangedValue(current.identifier);
    m_clientId->setUnchangedValue(current.clientId.value_or(QString()));
    m_issuer->setText(current.identifier);
    m_clientId->setText(current.clientId.value_or(QString()));
    m_secret->setText(QString());
    m_advanced->setProtocols(current.protocols);
    m_advanced->setCurrentAsUnchanged();
    // The current issuer is checked on demand, or when it is changed.
    m_checklist->setIssuer(QString(), false);
    m_checklist->setIssuer(current.identifier, false);
    m_advanced->regenerateRequestId();
    m_keep->setChecked(true);
    applyClientIdRule();
    updateSecretWidgets();
    Q_EMIT stateChanged();
}

void SsoConnectionForm::proposeChanges(const SsoConnectionCreate &typed)
{
    if (m_mode != Mode::Edit)
        return;
    m_issuer->setText(typed.identifier);
    m_clientId->setText(typed.clientId);
    if (typed.clientSecret && !typed.clientSecret->isEmpty()) {
        setSecretChoice(SecretChoice::Replace);
        m_secret->setText(*typed.clientSecret);
    }
    // Protocol settings left empty when enabling meant "not specified": keep the existing ones.
    std::optional<SsoProtocols> protocols = typed.protocols;
    if (protocols && protocols->openid) {
        protocols->openid->externalIdClaim.reset(); // the connection keeps its own claim
        if (protocols->openid->isEmpty())
            protocols->openid.reset();
    }
    if (protocols && !protocols->isEmpty())
        m_advanced->setProtocols(protocols);
    updateSecretWidgets();
    Q_EMIT stateChanged();
}

QString SsoConnectionForm::organization() const
{
    return m_organization->text();
}

QString SsoConnectionForm::requestId() const
{
    return m_advanced->requestId();
}

void SsoConnectionForm::regenerateRequestId()
{
    m_advanced->regenerateRequestId();
}

SsoConnectionForm::SecretChoice SsoConnectionForm::secretChoice() const
{
    return SecretChoice(m_choiceGroup->checkedId());
}

void SsoConnectionForm::setSecretChoice(SecretChoice choice)
{
    m_choiceGroup->button(int(choice))->setChecked(true);
    if (choice != SecretChoice::Replace && !m_secret->text().isEmpty())
        m_secret->setText(QString());
    updateSecretWidgets();
    Q_EMIT stateChanged();
}

void SsoConnectionForm::updateSecretWidgets()
{
    const bool edit = m_mode == Mode::Edit;
    const bool secretSet = edit && m_original && m_original->clientSecretSet;
    m_organization->edit()->setReadOnly(m_locked || edit || m_organizationFixed);
    m_secretChoices->setVisible(edit);
    m_keep->setText(secretSet ? tr("Keep the current secret") : tr("No secret"));
    m_replace->setText(secretSet ? tr("Replace secret") : tr("Set a secret"));
    m_remove->setVisible(secretSet);
    const bool typing = !edit || secretChoice() == SecretChoice::Replace;
    m_secret->edit()->setPlaceholderText(!edit    ? tr("Optional")
                                         : typing ? tr("New client secret")
                                                  : tr("Type to replace the secret"));
    m_secretNote->setVisible(typing);
}

void SsoConnectionForm::applyClientIdRule()
{
    // Enabling: required, as FieldRules says. Editing: empty means "remove the client ID".
    if (m_mode == Mode::Edit)
        m_clientIdValidator->setEmptyNote(m_original && m_original->clientId
                                              ? tr("Left empty, the client ID will be removed")
                                              : tr("No client ID"));
    else
        m_clientIdValidator->setEmptyNote(std::nullopt);
    m_clientId->revalidate();
}

SsoConnectionUpdate SsoConnectionForm::updateBody() const
{
    SsoConnectionUpdate body;
    if (!m_original)
        return body;
    const QString identifier = m_issuer->text().trimmed();
    if (identifier != m_original->identifier)
        body.identifier = identifier;
    const QString clientId = m_clientId->text().trimmed();
    if (clientId.isEmpty()) {
        if (m_original->clientId)
            body.clientId = QString(); // null: remove
    } else if (clientId != m_original->clientId.value_or(QString())) {
        body.clientId = clientId;
    }
    switch (secretChoice()) {
    case SecretChoice::Keep:
        break;
    case SecretChoice::Replace:
        if (!m_secret->text().isEmpty())
            body.clientSecret = m_secret->text();
        break;
    case SecretChoice::Remove:
        if (m_original->clientSecretSet)
            body.clientSecret = QString(); // null: remove
        break;
    }
    const std::optional<SsoProtocols> protocols = normalized(
        withExternalIdClaim(m_advanced->protocols(), externalIdClaimOf(m_original->protocols)));
    if (protocols != normalized(m_original->protocols)) {
        // Sent as a merge patch: only the members changed here (null for one cleared).
        body.protocols = protocols.value_or(SsoProtocols{});
        body.protocolsBefore = m_original->protocols.value_or(SsoProtocols{});
    }
    return body;
}

bool SsoConnectionForm::isAcceptable() const
{
    return problems().isEmpty();
}

QStringList SsoConnectionForm::problems() const
{
    QStringList out;
    using rules::Field;
    const std::pair<ValidatedField *, Field> fields[] = {{m_organization, Field::OrganizationId},
                                                         {m_issuer, Field::Identifier},
                                                         {m_clientId, Field::ClientId},
                                                         {m_secret, Field::ClientSecret}};
    for (const auto &[field, rule] : fields) {
        if (!field->isAcceptable())
            out << tr("%1: %2").arg(rules::fieldLabel(rule), field->problem());
    }
    if (m_mode == Mode::Edit && secretChoice() == SecretChoice::Replace &&
        m_secret->text().isEmpty())
        out << tr("%1: Enter the new secret, or keep the current one")
                   .arg(rules::fieldLabel(Field::ClientSecret));
    out << m_advanced->problems();
    if (out.isEmpty() && m_mode == Mode::Edit && updateBody().isEmpty())
        out << tr("Nothing has changed");
    return out;
}

bool SsoConnectionForm::showServerError(const ApiError &error)
{
    const QString field = error.field;
    if (field.isEmpty())
        return false;
    QString message = error.message.isEmpty() ? ApiError::kindTitle(error.kind) : error.message;
    // Under the field, "identifier: must be …" reads better without the field's JSON name.
    const QString prefix = field + QStringLiteral(": ");
    if (message.startsWith(prefix) && message.size() > prefix.size()) {
        message = message.mid(prefix.size());
        message[0] = message.at(0).toUpper();
    }
    const std::pair<const char *, ValidatedField *> fields[] = {
        {rules::rule(rules::Field::Identifier).jsonName, m_issuer},
        {rules::rule(rules::Field::ClientId).jsonName, m_clientId},
        {rules::rule(rules::Field::ClientSecret).jsonName, m_secret},
        {rules::rule(rules::Field::OrganizationId).jsonName, m_organization}};
    for (const auto &[name, widget] : fields) {
        if (field == QLatin1String(name)) {
            widget->setServerError(message);
            widget->edit()->setFocus();
            return true;
        }
    }
    return m_advanced->showServerError(field, message);
}

void SsoConnectionForm::setLocked(bool locked)
{
    m_locked = locked;
    for (ValidatedField *f : {m_organization, m_issuer, m_clientId, m_secret})
        f->setLocked(locked);
    m_secretChoices->setEnabled(!locked);
    m_reveal->setEnabled(!locked);
    m_advanced->setLocked(locked);
    m_checklist->setEnabled(!locked);
    updateSecretWidgets();
}

} // namespace keycard::ui
