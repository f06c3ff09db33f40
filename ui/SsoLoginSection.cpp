#include "SsoLoginSection.h"

#include "ProviderPresets.h"
#include "ValueField.h"

#include <QFormLayout>

namespace keycard {

namespace {
QString &sessionRedirectUri()
{
    static QString uri;
    return uri;
}
} // namespace

void SsoLoginSection::setSessionRedirectUri(const QString &uri)
{
    sessionRedirectUri() = uri;
}

SsoLoginSection::SsoLoginSection(QWidget *parent)
    : QGroupBox(tr("Sign-in"), parent)
    , m_loginUrl(new ValueField(QStringLiteral("loginUrl"), tr("Login URL"),
                                ValueField::Copyable | ValueField::Openable, this))
    , m_claim(new ValueField(QStringLiteral("externalIdClaim"), tr("External ID claim"),
                             ValueField::Copyable, this))
    , m_redirect(new ValueField(QStringLiteral("redirectUri"), tr("Redirect URI"),
                                ValueField::Copyable, this))
{
    setObjectName(QStringLiteral("ssoLoginSection"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->addRow(tr("Login URL:"), m_loginUrl);
    form->addRow(tr("External ID claim:"), m_claim);
    form->addRow(tr("Redirect URI:"), m_redirect);
    m_loginUrl->setToolTip(tr("The identity provider-initiated login URL: set it as the login URL "
                              "(login_uri) of the application at the identity provider"));
    m_redirect->setToolTip(tr("Register this redirect URI in the identity provider's application"));
    setRedirectUri(QString());
}

void SsoLoginSection::showConnection(const SsoConnection &connection)
{
    if (connection.loginUrl && !connection.loginUrl->isEmpty())
        m_loginUrl->setValue(*connection.loginUrl);
    else
        m_loginUrl->setMissing(tr("Not reported by this server"));
    const auto claim = connection.protocols && connection.protocols->openid
                           ? connection.protocols->openid->externalIdClaim
                           : std::nullopt;
    if (claim)
        m_claim->setValue(*claim);
    else
        m_claim->setMissing(tr("Not reported (Keycard's default is sub)"));
    setRedirectUri(sessionRedirectUri());
}

void SsoLoginSection::setRedirectUri(const QString &uri)
{
    m_redirect->setValue(uri.isEmpty() ? QString::fromLatin1(oidc::kDefaultRedirectUri) : uri);
}

} // namespace keycard
