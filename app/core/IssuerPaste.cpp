#include "IssuerPaste.h"

#include "FieldRules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace keycard::oidc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::oidc", text);
}

std::optional<IssuerSuggestion> offer(const QString &issuer, const QString &pasted,
                                      const QString &reason)
{
    if (issuer == pasted)
        return std::nullopt;
    return IssuerSuggestion{issuer, reason};
}

// scheme://host[:port] of `url`, without a trailing slash.
QString originOf(const QUrl &url)
{
    return url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                        QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace

std::optional<IssuerSuggestion> suggestIssuer(const QString &pasted)
{
    const QString text = pasted.trimmed();
    if (rules::isUuid(text))
        return offer(
            QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(text.toLower()), pasted,
            tr("This looks like a Microsoft Entra ID tenant id"));

    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return std::nullopt;
    const QString host = url.host().toLower();
    const QString path = url.path();

    static const QString kDiscovery = QStringLiteral("/.well-known/openid-configuration");
    const qsizetype wellKnown = path.indexOf(kDiscovery);
    if (wellKnown >= 0 && path.size() - wellKnown - kDiscovery.size() <= 1) {
        return offer(originOf(url) + path.left(wellKnown), pasted,
                     tr("This is the discovery document's address; the issuer is the part "
                        "before /.well-known/openid-configuration"));
    }

    static const QRegularExpression oktaAdmin(
        QStringLiteral("^(.+)-admin\\.(okta\\.com|oktapreview\\.com|okta-emea\\.com)$"));
    if (const auto m = oktaAdmin.match(host); m.hasMatch()) {
        return offer(QStringLiteral("https://%1.%2").arg(m.captured(1), m.captured(2)), pasted,
                     tr("This is Okta's admin console; the issuer is the org's own host, "
                        "without -admin"));
    }

    static const QRegularExpression oktaEndpoint(
        QStringLiteral("^(/oauth2(?:/[^/]+)?)/v1/(authorize|token|keys|userinfo|logout)/?$"));
    if (const auto m = oktaEndpoint.match(path); m.hasMatch()) {
        const QString server =
            m.captured(1) == QLatin1String("/oauth2") ? QString() : m.captured(1);
        return offer(originOf(url) + server, pasted,
                     server.isEmpty()
                         ? tr("This is an endpoint of Okta's org authorization server")
                         : tr("This is an endpoint of an Okta custom authorization server"));
    }

    static const QRegularExpression entraEndpoint(
        QStringLiteral("^/([^/]+)/oauth2/v2\\.0/(authorize|token|logout)/?$"));
    if (host == QLatin1String("login.microsoftonline.com")) {
        if (const auto m = entraEndpoint.match(path); m.hasMatch())
            return offer(
                QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(m.captured(1)),
                pasted, tr("This is a Microsoft Entra ID v2.0 endpoint"));
    }

    static const QRegularExpression keycloakEndpoint(
        QStringLiteral("^(.*/realms/[^/]+)/protocol/openid-connect(/.*)?$"));
    if (const auto m = keycloakEndpoint.match(path); m.hasMatch())
        return offer(originOf(url) + m.captured(1), pasted,
                     tr("This is an endpoint of a Keycloak realm"));

    if (host.endsWith(QLatin1String(".auth0.com")) &&
        (path == QLatin1String("/authorize") || path == QLatin1String("/oauth/token") ||
         path == QLatin1String("/userinfo") || path == QLatin1String("/.well-known/jwks.json") ||
         path.isEmpty()))
        return offer(originOf(url) + QLatin1Char('/'), pasted,
                     tr("Auth0's issuer is the tenant domain with a trailing slash"));

    if (host == QLatin1String("accounts.google.com") && path != QLatin1String(""))
        return offer(QStringLiteral("https://accounts.google.com"), pasted,
                     tr("Google's issuer is https://accounts.google.com"));
    return std::nullopt;
}

} // namespace keycard::oidc
