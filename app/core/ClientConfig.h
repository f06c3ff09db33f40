#pragma once

#include "ApiError.h"
#include "ProxyEnvironment.h"
#include "Secret.h"
#include "TlsTrust.h"
#include "Version.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace keycard {

// Retry rules of the official SDK (docs/api.md, "Retries"), all adjustable.
struct RetryPolicy
{
    int maxRetries = 2;
    int initialDelayMs = 500;    // doubles per retry
    int maxDelayMs = 8000;
    double jitter = 0.25;        // up to 25 % shorter
    // The time one exchange may take with its waits: 0 means requestTimeoutMs * (maxRetries + 1),
    // keycardctl's --timeout times the attempts. A server's Retry-After is honoured when the
    // wait fits in what is left of it; a longer one ends the call at once, saying so.
    qint64 totalDeadlineMs = 0;
    // Multiplies every computed delay before the timer is started. Tests set e.g. 0.001 so a
    // "Retry-After: 1" still is decided as 1000 ms (see KeycardClient::retryScheduled) but waits 1 ms.
    double delayScale = 1.0;
};

struct Credentials
{
    enum class Kind { None, ServiceAccount, BearerToken };
    Kind kind = Kind::None;
    QString clientId; // service account only
    Secret secret;    // client secret, or the bearer token

    static Credentials serviceAccount(QString clientId, Secret secret);
    static Credentials bearerToken(Secret token);
    bool isComplete() const;
};

struct ClientConfig
{
    static constexpr const char *kDefaultBaseUrl = "https://api.keycard.ai";
    static constexpr const char *kEnvBaseUrl = "KEYCARD_API_BASE_URL";
    static constexpr const char *kEnvClientId = "KEYCARD_API_CLIENT_ID";
    static constexpr const char *kEnvClientSecret = "KEYCARD_API_CLIENT_SECRET";
    static constexpr const char *kEnvApiKey = "KEYCARD_API_API_KEY";

    QUrl baseUrl = QUrl(QString::fromLatin1(kDefaultBaseUrl));
    Credentials credentials;
    RetryPolicy retry;
    int requestTimeoutMs = 60000;
    qint64 maxResponseBytes = 16 * 1024 * 1024; // larger bodies are refused (MalformedResponse)
    QString userAgent = QStringLiteral("keycard-admin/" KEYCARD_VERSION);
    // The proxy variables and SSL_CERT_FILE / SSL_CERT_DIR of the process, read when the
    // configuration is made (tests set their own); tls.caFile is the profile's or --ca-file.
    ProxyEnvironment proxies = ProxyEnvironment::system();
    TlsTrust tls = TlsTrust::system();

    // Base URL and credentials from the SDK's environment variables; unset ones keep defaults.
    // KEYCARD_API_API_KEY wins over client credentials, as in the SDK.
    static ClientConfig fromEnvironment(
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // True when the environment names any credential (client id/secret or API key).
    static bool environmentHasCredentials(
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    // Configuration errors (bad base URL, a proxy variable or CA file that cannot be used,
    // incomplete credentials), or nullopt.
    std::optional<ApiError> validate() const;
};

// https:// anywhere; http:// only for loopback hosts (localhost, 127.0.0.0/8, ::1).
// Returns a translated reason when the URL is not acceptable as an API base URL.
std::optional<QString> checkBaseUrl(const QUrl &url);
bool isLoopbackHost(const QString &host);

} // namespace keycard
