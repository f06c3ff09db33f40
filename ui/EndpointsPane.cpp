#include "EndpointsPane.h"

#include "IdpComparisonBox.h"
#include "PaneStack.h"
#include "StateView.h"
#include "ValueField.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QVBoxLayout>

namespace keycard {

EndpointsPane::EndpointsPane(QWidget *parent)
    : QWidget(parent)
    , m_content(new QWidget)
    , m_stack(new PaneStack(QStringLiteral("endpoints"), m_content, this))
    , m_state(m_stack->stateView())
{
    setObjectName(QStringLiteral("endpointsPane"));
    QWidget *content = m_content;
    auto *oauthBox = new QGroupBox(tr("OAuth 2.0"), content);
    oauthBox->setObjectName(QStringLiteral("oauth2Box"));
    auto *oauthForm = new QFormLayout(oauthBox);
    oauthForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_authorization = addField(oauthForm, oauthBox, QStringLiteral("authorizationEndpoint"),
                               tr("Authorization endpoint"), true);
    m_token =
        addField(oauthForm, oauthBox, QStringLiteral("tokenEndpoint"), tr("Token endpoint"), true);
    m_jwks = addField(oauthForm, oauthBox, QStringLiteral("jwksUri"), tr("JWKS URI"), true);
    m_registration = addField(oauthForm, oauthBox, QStringLiteral("registrationEndpoint"),
                              tr("Registration endpoint"), true);
    m_scopes = addField(oauthForm, oauthBox, QStringLiteral("scopesSupported"),
                        tr("Scopes supported"), false);
    m_pkce =
        addField(oauthForm, oauthBox, QStringLiteral("pkceMethods"), tr("PKCE methods"), false);
    m_openidBox = new QGroupBox(tr("OpenID Connect"), content);
    m_openidBox->setObjectName(QStringLiteral("openidBox"));
    m_openidForm = new QFormLayout(m_openidBox);
    m_openidForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_userinfo = addField(m_openidForm, m_openidBox, QStringLiteral("userinfoEndpoint"),
                          tr("Userinfo endpoint"), true);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(12, 12, 12, 12);
    contentLayout->addWidget(oauthBox);
    contentLayout->addWidget(m_openidBox);
    m_comparison = new IdpComparisonBox(content);
    contentLayout->addWidget(m_comparison);
    contentLayout->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showLoading();
}

ValueField *EndpointsPane::addField(QFormLayout *form, QWidget *parent, const QString &name,
                                    const QString &label, bool url)
{
    auto *field = new ValueField(name, label,
                                 url ? ValueField::Copyable | ValueField::Openable
                                     : ValueField::Options(ValueField::Copyable),
                                 parent);
    form->addRow(label + QLatin1Char(':'), field);
    return field;
}

void EndpointsPane::showLoading()
{
    m_state->setState({}, tr("Loading endpoints…"), {}, true);
    m_stack->showStateView();
}

void EndpointsPane::showNoSso()
{
    m_state->setState(QStringLiteral("sso-off"), tr("No endpoints"),
                      tr("Endpoints are part of an SSO connection, and this organization has "
                         "none."));
    m_stack->showStateView();
}

void EndpointsPane::showUnavailable(const QString &advice)
{
    m_state->setState(QStringLiteral("warning"), tr("The endpoints could not be loaded"),
                      advice);
    m_stack->showStateView();
}

static void setOptional(ValueField *field, const std::optional<QString> &value)
{
    if (value && !value->isEmpty())
        field->setValue(*value);
    else
        field->setMissing(QCoreApplication::translate("EndpointsPane", "Not provided"));
}

static void setOptionalList(ValueField *field, const std::optional<QStringList> &value)
{
    if (value && !value->isEmpty())
        field->setValue(value->join(QStringLiteral(", ")));
    else
        field->setMissing(QCoreApplication::translate("EndpointsPane", "Not provided"));
}

void EndpointsPane::showConnection(const SsoConnection &connection)
{
    const std::optional<OAuth2Settings> oauth =
        connection.protocols ? connection.protocols->oauth2 : std::nullopt;
    const std::optional<OpenIdSettings> openid =
        connection.protocols ? connection.protocols->openid : std::nullopt;
    const OAuth2Settings o = oauth.value_or(OAuth2Settings{});
    setOptional(m_authorization, o.authorizationEndpoint);
    setOptional(m_token, o.tokenEndpoint);
    setOptional(m_jwks, o.jwksUri);
    setOptional(m_registration, o.registrationEndpoint);
    setOptionalList(m_scopes, o.scopesSupported);
    setOptionalList(m_pkce, o.codeChallengeMethodsSupported);
    setOptional(m_userinfo, openid ? openid->userinfoEndpoint : std::nullopt);
    showExtraOpenIdFields(connection.raw.value(QStringLiteral("protocols"))
                              .toObject()
                              .value(QStringLiteral("openid"))
                              .toObject());
    m_comparison->setConnection(connection);
    m_stack->showContent();
}

void EndpointsPane::showExtraOpenIdFields(const QJsonObject &openid)
{
    // Fields newer servers add (e.g. external_id_claim) are shown as they came.
    while (m_openidForm->rowCount() > 1)
        m_openidForm->removeRow(1);
    ValueField::addJsonRows(m_openidForm, m_openidBox, openid,
                            {QStringLiteral("userinfo_endpoint")}, QStringLiteral("openid_"),
                            ValueField::Copyable);
}

} // namespace keycard
