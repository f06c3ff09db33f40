#include "EndpointsPane.h"

#include "StateView.h"
#include "ValueField.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace keycard {

EndpointsPane::EndpointsPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_state(new StateView(this))
{
    setObjectName(QStringLiteral("endpointsPane"));
    m_state->setObjectName(QStringLiteral("endpointsStateView"));
    auto *content = new QWidget(this);
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
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("endpointsScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(
        Qt::ScrollBarAlwaysOff); // long values clip, with a tooltip
    m_stack->addWidget(scroll);
    m_stack->addWidget(m_state);
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
    m_stack->setCurrentWidget(m_state);
}

void EndpointsPane::showNoSso()
{
    m_state->setState(QStringLiteral("sso-off"), tr("No endpoints"),
                      tr("Endpoints are part of an SSO connection, and this organization has "
                         "none."));
    m_stack->setCurrentWidget(m_state);
}

void EndpointsPane::showUnavailable()
{
    m_state->setState(QStringLiteral("warning"), tr("The endpoints could not be loaded"),
                      tr("The message above says what went wrong."));
    m_stack->setCurrentWidget(m_state);
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
    m_stack->setCurrentIndex(0);
}

void EndpointsPane::showExtraOpenIdFields(const QJsonObject &openid)
{
    // Fields newer servers add (e.g. external_id_claim) are shown as they came.
    while (m_openidForm->rowCount() > 1)
        m_openidForm->removeRow(1);
    for (auto it = openid.begin(); it != openid.end(); ++it) {
        if (it.key() == QLatin1String("userinfo_endpoint"))
            continue;
        auto *field = new ValueField(QStringLiteral("openid_%1").arg(it.key()), it.key(),
                                     ValueField::Copyable, m_openidBox);
        const QJsonValue value = it.value();
        if (value.isString())
            field->setValue(value.toString());
        else if (value.isNull())
            field->setMissing(tr("null"));
        else
            field->setValue(QString::fromUtf8(
                QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1)));
        m_openidForm->addRow(it.key() + QLatin1Char(':'), field);
    }
}

} // namespace keycard
