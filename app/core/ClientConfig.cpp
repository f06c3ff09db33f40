#include "ClientConfig.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace keycard {

Credentials Credentials::serviceAccount(QString clientId, Secret secret)
{
    Credentials c;
    c.kind = Kind::ServiceAccount;
    c.clientId = std::move(clientId);
    c.secret = std::move(secret);
    return c;
}

Credentials Credentials::bearerToken(Secret token)
{
    Credentials c;
    c.kind = Kind::BearerToken;
    c.secret = std::move(token);
    return c;
}

bool Credentials::isComplete() const
{
    switch (kind) {
    case Kind::None:
        return false;
    case Kind::ServiceAccount:
        return !clientId.trimmed().isEmpty() && !secret.isEmpty();
    case Kind::BearerToken:
        return !secret.isEmpty();
    }
    return false;
}

ClientConfig ClientConfig::fromEnvironment(const QProcessEnvironment &env)
{
    ClientConfig config;
    config.proxies = ProxyEnvironment::fromEnvironment(env);
    config.tls = TlsTrust::fromEnvironment(env);
    const QString base = env.value(QLatin1String(kEnvBaseUrl)).trimmed();
    if (!base.isEmpty())
        config.baseUrl = QUrl(base);
    const QString apiKey = env.value(QLatin1String(kEnvApiKey));
    const QString clientId = env.value(QLatin1String(kEnvClientId));
    const QString clientSecret = env.value(QLatin1String(kEnvClientSecret));
    if (!apiKey.isEmpty())
        config.credentials = Credentials::bearerToken(Secret(apiKey));
    else if (!clientId.isEmpty() || !clientSecret.isEmpty())
        config.credentials = Credentials::serviceAccount(clientId, Secret(clientSecret));
    return config;
}

bool ClientConfig::environmentHasCredentials(const QProcessEnvironment &env)
{
    return !env.value(QLatin1String(kEnvApiKey)).isEmpty()
           || !env.value(QLatin1String(kEnvClientId)).isEmpty()
           || !env.value(QLatin1String(kEnvClientSecret)).isEmpty();
}

std::optional<ApiError> ClientConfig::validate() const
{
    if (const auto reason = checkBaseUrl(baseUrl))
        return ApiError::make(ApiError::Kind::Configuration, *reason, QStringLiteral("base_url"));
    if (const ProxyChoice proxy = proxies.choose(baseUrl); proxy.problem)
        return ApiError::make(ApiError::Kind::Configuration, *proxy.problem, proxy.variable);
    // The CA settings count for https; over plain http (a sandbox on loopback) only one given
    // for this connection (ca_file) is read, so that SSL_CERT_FILE or SSL_CERT_DIR set for
    // the whole machine cost nothing here (reading a system's certificates takes 0.6 s).
    if (baseUrl.scheme() == QLatin1String("https") || !tls.caFile.isEmpty()) {
        if (const TlsTrust::Loaded trust = tls.load(); trust.problem)
            return ApiError::make(ApiError::Kind::Configuration, *trust.problem, trust.field);
    }
    switch (credentials.kind) {
    case Credentials::Kind::None:
        return ApiError::make(ApiError::Kind::Configuration,
                              QCoreApplication::translate("ClientConfig", "No credentials configured"));
    case Credentials::Kind::ServiceAccount:
        if (credentials.clientId.trimmed().isEmpty())
            return ApiError::make(ApiError::Kind::Configuration,
                                  QCoreApplication::translate("ClientConfig",
                                                              "The service account's client ID is missing"),
                                  QStringLiteral("client_id"));
        if (credentials.secret.isEmpty())
            return ApiError::make(ApiError::Kind::Configuration,
                                  QCoreApplication::translate("ClientConfig",
                                                              "The service account's client secret is missing"),
                                  QStringLiteral("client_secret"));
        break;
    case Credentials::Kind::BearerToken:
        if (credentials.secret.isEmpty())
            return ApiError::make(ApiError::Kind::Configuration,
                                  QCoreApplication::translate("ClientConfig", "The API token is empty"),
                                  QStringLiteral("api_key"));
        break;
    }
    return std::nullopt;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

std::optional<QString> checkBaseUrl(const QUrl &url)
{
    // QUrl keeps no text of a URL it found invalid, only its own (English) reason; a port out
    // of range is worth saying in words (the text is not repeated: it may hold a password).
    if ((!url.isValid() && url.errorString().startsWith(QLatin1String("Invalid port"))) ||
        (url.isValid() && url.port() == 0))
        return QCoreApplication::translate("ClientConfig",
                                           "The port is out of range: a port is 1 to 65535");
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("ClientConfig", "Not a valid URL: %1")
            .arg(url.toDisplayString());
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("ClientConfig",
                                           "The base URL must not have a query or fragment");
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("ClientConfig",
                                           "The base URL must not contain a user name or password");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return std::nullopt;
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return std::nullopt;
        return QCoreApplication::translate(
            "ClientConfig", "Refusing plain http:// to %1: use https:// (http is allowed only for "
                            "localhost)")
            .arg(url.host());
    }
    return QCoreApplication::translate("ClientConfig", "Unsupported URL scheme \"%1\"").arg(scheme);
}

} // namespace keycard
