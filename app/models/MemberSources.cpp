#include "MemberSources.h"

#include "DisplayText.h"
#include "ProviderPresets.h"

#include <QCoreApplication>
#include <QUrl>

namespace keycard {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard", text);
}

bool onDomain(const QString &host, const QString &domain)
{
    return host == domain || host.endsWith(QLatin1Char('.') + domain);
}

} // namespace

SignInVia signInVia(const QString &source, const QString &ssoIssuer)
{
    if (source.isEmpty())
        return SignInVia::Unknown;
    if (!ssoIssuer.isEmpty() && source == ssoIssuer)
        return SignInVia::Sso;
    const QUrl url(source, QUrl::StrictMode);
    if (url.isValid() && url.scheme() == QLatin1String("https") &&
        onDomain(url.host(), QStringLiteral("keycard.ai")))
        return SignInVia::Keycard;
    return SignInVia::Other;
}

QString providerNameForIssuer(const QString &issuer)
{
    const QUrl url(issuer, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https"))
        return {};
    const QString host = url.host();
    QString preset;
    if (onDomain(host, QStringLiteral("okta.com")) ||
        onDomain(host, QStringLiteral("oktapreview.com")))
        preset = QStringLiteral("okta");
    else if (host == QLatin1String("login.microsoftonline.com"))
        preset = QStringLiteral("entra");
    else if (host == QLatin1String("accounts.google.com"))
        preset = QStringLiteral("google");
    else if (onDomain(host, QStringLiteral("auth0.com")))
        preset = QStringLiteral("auth0");
    else if (onDomain(host, QStringLiteral("onelogin.com")))
        preset = QStringLiteral("onelogin");
    else if (onDomain(host, QStringLiteral("jumpcloud.com")))
        preset = QStringLiteral("jumpcloud");
    else if (onDomain(host, QStringLiteral("pingone.com")) ||
             onDomain(host, QStringLiteral("pingone.eu")) ||
             onDomain(host, QStringLiteral("pingidentity.com")))
        preset = QStringLiteral("ping");
    else if (url.path().contains(QLatin1String("/realms/")))
        preset = QStringLiteral("keycloak");
    if (preset.isEmpty())
        return {};
    const auto found = oidc::findPreset(preset);
    return found ? found->name : QString();
}

QString signInViaText(const QString &source, const QString &ssoIssuer)
{
    switch (signInVia(source, ssoIssuer)) {
    case SignInVia::Sso:
        return tr("SSO");
    case SignInVia::Keycard:
        return tr("Keycard account");
    case SignInVia::Unknown:
        return tr("Unknown");
    case SignInVia::Other:
        break;
    }
    const QString provider = providerNameForIssuer(source);
    if (!provider.isEmpty())
        return tr("Other: %1").arg(provider);
    const QUrl url(source, QUrl::StrictMode);
    const QString host = url.isValid() ? url.host() : QString();
    return tr("Other: %1").arg(displayText(host.isEmpty() ? source : host));
}

} // namespace keycard
