#include "SsoAdvancedSection.h"

#include "KeycardClient.h"
#include "SsoValidators.h"
#include "ValidatedField.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

std::optional<QString> optionalText(const ValidatedField *f)
{
    const QString t = f->text().trimmed();
    return t.isEmpty() ? std::nullopt : std::optional<QString>(t);
}

std::optional<QStringList> optionalList(const ValidatedField *f)
{
    const QStringList items = splitList(f->text());
    return items.isEmpty() ? std::nullopt : std::optional<QStringList>(items);
}

} // namespace

SsoAdvancedSection::SsoAdvancedSection(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
    , m_body(new QFrame(this))
{
    setObjectName(QStringLiteral("advancedSection"));
    m_toggle->setObjectName(QStringLiteral("advancedToggle"));
    m_toggle->setText(tr("&Advanced"));
    m_toggle->setAccessibleName(tr("Show advanced settings"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::RightArrow);
    m_body->setObjectName(QStringLiteral("advancedBody"));
    m_body->setFrameShape(QFrame::StyledPanel);

    auto *form = new QFormLayout(m_body);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *requestIdValidator = new FieldValidator(rules::Field::RequestId);
    m_requestId = new ValidatedField(QStringLiteral("requestId"), requestIdValidator, m_body);
    m_requestId->edit()->setAccessibleName(rules::fieldLabel(rules::Field::RequestId));
    m_requestId->edit()->setToolTip(
        tr("Sent as X-Client-Request-ID. Retries of the same operation reuse it, so Keycard "
           "can recognise a repeated request."));
    m_regenerate = new QToolButton(m_body);
    m_regenerate->setObjectName(QStringLiteral("regenerateRequestIdButton"));
    m_regenerate->setText(tr("New"));
    m_regenerate->setToolTip(tr("Generate a new request ID"));
    m_regenerate->setAccessibleName(tr("Generate a new request ID"));
    m_requestId->addBeside(m_regenerate);
    form->addRow(withMnemonic(rules::fieldLabel(rules::Field::RequestId), u'r'), m_requestId);
    m_entries.append({m_requestId, rules::fieldLabel(rules::Field::RequestId), QString()});

    auto *protocolsNote = new QLabel(
        tr("Protocol settings are optional: Keycard discovers them from the issuer. Fill them in "
           "only to override what the identity provider publishes."),
        m_body);
    protocolsNote->setWordWrap(true);
    form->addRow(protocolsNote);

    const QString scheme = QStringLiteral("https://");
    m_authorization = addField(
        form, QStringLiteral("authorizationEndpoint"), tr("Authorization endpoint"),
        QStringLiteral("protocols.oauth2.authorization_endpoint"), new EndpointValidator, scheme);
    m_token =
        addField(form, QStringLiteral("tokenEndpoint"), tr("Token endpoint"),
                 QStringLiteral("protocols.oauth2.token_endpoint"), new EndpointValidator, scheme);
    m_jwks = addField(form, QStringLiteral("jwksUri"), tr("JWKS URI"),
                      QStringLiteral("protocols.oauth2.jwks_uri"), new EndpointValidator, scheme);
    m_registration = addField(
        form, QStringLiteral("registrationEndpoint"), tr("Registration endpoint"),
        QStringLiteral("protocols.oauth2.registration_endpoint"), new EndpointValidator, scheme);
    m_scopes = addField(form, QStringLiteral("scopes"), tr("Scopes"),
                        QStringLiteral("protocols.oauth2.scopes_supported"), nullptr,
                        tr("openid email profile"));
    m_pkce = addField(form, QStringLiteral("pkceMethods"), tr("PKCE methods"),
                      QStringLiteral("protocols.oauth2.code_challenge_methods_supported"), nullptr,
                      tr("S256"));
    m_userinfo = addField(form, QStringLiteral("userinfoEndpoint"), tr("OpenID userinfo endpoint"),
                          QStringLiteral("protocols.openid.userinfo_endpoint"),
                          new EndpointValidator, scheme);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body);

    pointBuddiesAtEdits(this);
    connect(m_toggle, &QToolButton::toggled, this, &SsoAdvancedSection::setExpanded);
    connect(m_regenerate, &QToolButton::clicked, this, &SsoAdvancedSection::regenerateRequestId);
    for (const Entry &e : std::as_const(m_entries))
        connect(e.field, &ValidatedField::stateChanged, this, &SsoAdvancedSection::stateChanged);
    // A problem inside the collapsed section is shown, not hidden behind the toggle.
    connect(this, &SsoAdvancedSection::stateChanged, this, [this] {
        if (!isAcceptable())
            setExpanded(true);
    });
    regenerateRequestId();
    setExpanded(false);
}

ValidatedField *SsoAdvancedSection::addField(QFormLayout *form, const QString &name,
                                             const QString &label, const QString &jsonPath,
                                             AssessingValidator *validator,
                                             const QString &placeholder)
{
    auto *field = new ValidatedField(name, validator, m_body);
    field->edit()->setPlaceholderText(placeholder);
    field->edit()->setAccessibleName(label);
    field->setMessageLineReserved(false); // optional: the section stays compact
    form->addRow(label, field);
    m_entries.append({field, label, jsonPath});
    return field;
}

void SsoAdvancedSection::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setAccessibleName(expanded ? tr("Hide advanced settings")
                                         : tr("Show advanced settings"));
    const bool changed = m_body->isVisibleTo(this) != expanded;
    m_body->setVisible(expanded);
    if (changed)
        Q_EMIT expandedChanged(expanded);
}

QString SsoAdvancedSection::requestId() const
{
    return m_requestId->text();
}

void SsoAdvancedSection::regenerateRequestId()
{
    m_requestId->setText(KeycardClient::newRequestId());
}

std::optional<SsoProtocols> SsoAdvancedSection::protocols() const
{
    OAuth2Settings oauth2;
    oauth2.authorizationEndpoint = optionalText(m_authorization);
    oauth2.tokenEndpoint = optionalText(m_token);
    oauth2.jwksUri = optionalText(m_jwks);
    oauth2.registrationEndpoint = optionalText(m_registration);
    oauth2.scopesSupported = optionalList(m_scopes);
    oauth2.codeChallengeMethodsSupported = optionalList(m_pkce);
    OpenIdSettings openid;
    openid.userinfoEndpoint = optionalText(m_userinfo);
    SsoProtocols p;
    if (!oauth2.isEmpty())
        p.oauth2 = oauth2;
    if (!openid.isEmpty())
        p.openid = openid;
    if (p.isEmpty())
        return std::nullopt;
    return p;
}

void SsoAdvancedSection::setProtocols(const std::optional<SsoProtocols> &protocols)
{
    const OAuth2Settings o = protocols && protocols->oauth2 ? *protocols->oauth2 : OAuth2Settings{};
    const OpenIdSettings i = protocols && protocols->openid ? *protocols->openid : OpenIdSettings{};
    const QString space = QStringLiteral(" ");
    m_authorization->setText(o.authorizationEndpoint.value_or(QString()));
    m_token->setText(o.tokenEndpoint.value_or(QString()));
    m_jwks->setText(o.jwksUri.value_or(QString()));
    m_registration->setText(o.registrationEndpoint.value_or(QString()));
    m_scopes->setText(o.scopesSupported.value_or(QStringList()).join(space));
    m_pkce->setText(o.codeChallengeMethodsSupported.value_or(QStringList()).join(space));
    m_userinfo->setText(i.userinfoEndpoint.value_or(QString()));
}

QList<QWidget *> SsoAdvancedSection::focusOrder() const
{
    QList<QWidget *> out{m_toggle};
    for (const Entry &e : m_entries)
        out << e.field->focusOrder();
    return out;
}

void SsoAdvancedSection::setCurrentAsUnchanged()
{
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.jsonPath.isEmpty())
            e.field->setUnchangedValue(e.field->text());
    }
}

bool SsoAdvancedSection::isAcceptable() const
{
    for (const Entry &e : m_entries) {
        if (!e.field->isAcceptable())
            return false;
    }
    return true;
}

QStringList SsoAdvancedSection::problems() const
{
    QStringList out;
    for (const Entry &e : m_entries) {
        if (!e.field->isAcceptable())
            out << tr("%1: %2").arg(e.label, e.field->problem());
    }
    return out;
}

bool SsoAdvancedSection::showServerError(const QString &jsonField, const QString &message)
{
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.jsonPath.isEmpty() && jsonField == e.jsonPath) {
            setExpanded(true);
            e.field->setServerError(message);
            return true;
        }
    }
    return false;
}

void SsoAdvancedSection::setLocked(bool locked)
{
    for (const Entry &e : std::as_const(m_entries))
        e.field->setLocked(locked);
    m_regenerate->setEnabled(!locked);
}

} // namespace keycard::ui
