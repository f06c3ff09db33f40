#include "TokenProvider.h"

#include "HttpSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace keycard {

namespace {

QString trc(const char *text)
{
    return QCoreApplication::translate("keycard::TokenProvider", text);
}

} // namespace

TokenProvider::TokenProvider(QNetworkAccessManager *nam, ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(std::move(config))
{
}

TokenProvider::~TokenProvider()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_token.fill(QLatin1Char('\0'));
}

bool TokenProvider::cachedTokenValid() const
{
    if (m_token.isEmpty() || !m_obtained.isValid())
        return false;
    return m_obtained.elapsed() < m_lifetimeMs - qint64(kRefreshMarginSeconds) * 1000;
}

void TokenProvider::acquire(QObject *receiver, Callback done)
{
    if (m_config.credentials.kind == Credentials::Kind::BearerToken) {
        done(m_config.credentials.secret.reveal(), ApiError());
        return;
    }
    if (cachedTokenValid()) {
        done(m_token, ApiError());
        return;
    }
    m_waiters.append(Waiter{receiver, receiver != nullptr, std::move(done)});
    if (!m_reply)
        fetch();
}

void TokenProvider::invalidate(const QString &token)
{
    if (m_config.credentials.kind != Credentials::Kind::ServiceAccount)
        return;
    if (!m_token.isEmpty() && m_token == token) {
        m_token.fill(QLatin1Char('\0'));
        m_token.clear();
        m_obtained.invalidate();
    }
}

void TokenProvider::fetch()
{
    const QUrl url = http::endpoint(m_config.baseUrl, QStringLiteral("/service-account-token"));
    const ProxyChoice proxy = m_config.proxies.choose(url);
    if (proxy.problem) { // validate() refused it before; never sent direct instead
        const ApiError e =
            ApiError::make(ApiError::Kind::Configuration, *proxy.problem, proxy.variable);
        QTimer::singleShot(0, this, [this, e] { finishWaiters({}, e); });
        return;
    }
    QNetworkRequest request = http::baseRequest(m_config, url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    // HTTP Basic as the official SDK sends it; both parts form-urlencoded first (RFC 6749
    // 2.3.1), which leaves the usual id and secret alphabets unchanged.
    const QByteArray pair = QUrl::toPercentEncoding(m_config.credentials.clientId) + ':' +
                            QUrl::toPercentEncoding(m_config.credentials.secret.reveal());
    request.setRawHeader("Authorization", QByteArrayLiteral("Basic ") + pair.toBase64());
    QNetworkReply *reply = m_nam->post(request, QByteArrayLiteral("grant_type=client_credentials"));
    m_reply = reply;
    auto watch =
        http::watchReply(reply, m_config.maxResponseBytes, m_config.requestTimeoutMs, proxy);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, watch] { onFetchFinished(reply, *watch); });
}

QStringList TokenProvider::secrets() const
{
    const QString &secret = m_config.credentials.secret.reveal();
    return http::secretForms(secret) +
           http::basicCredentialForms(m_config.credentials.clientId, secret);
}

void TokenProvider::onFetchFinished(QNetworkReply *reply, const http::ReplyWatch &watch)
{
    reply->deleteLater();
    if (m_reply == reply)
        m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    bool retryable = false; // the API call that waits for the token decides on retries
    if (auto e = http::transportFailure(reply, watch, m_config.maxResponseBytes, retryable)) {
        e->message = trc("could not obtain an access token: %1").arg(e->message);
        finishWaiters({}, *e);
        return;
    }
    // At most one byte more than the cap: a compressed body may inflate far beyond what the
    // size guard counted on the wire (a decompression bomb).
    const QByteArray body = reply->read(m_config.maxResponseBytes + 1);
    if (body.size() > m_config.maxResponseBytes) {
        ApiError e = http::responseTooLarge(m_config.maxResponseBytes);
        e.httpStatus = status;
        e.message = trc("could not obtain an access token: %1").arg(e.message);
        finishWaiters({}, e);
        return;
    }
    if (status == 400 || status == 401) {
        ApiError e = ApiError::make(
            ApiError::Kind::Authentication,
            trc("the token endpoint refused the service account credentials (client ID and "
                "secret)"));
        e.httpStatus = status;
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        if (o.value(QLatin1String("code")).isString())
            e.code = o.value(QLatin1String("code")).toString();
        else if (o.value(QLatin1String("error")).isString()) // OAuth 2.0 error response
            e.code = o.value(QLatin1String("error")).toString();
        e.code = http::redact(e.code, secrets()); // the server's words only
        finishWaiters({}, e);
        return;
    }
    if (status < 200 || status > 299) {
        ApiError e = http::errorFromResponse(
            status, body, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
            secrets());
        // Only what a retry may cure keeps its kind (408, 429, 5xx; a redirect is a Network
        // error that is never retried). Anything else the token endpoint answers (403, 404,
        // another 4xx) means no token can be had with this configuration: an authentication
        // failure, never to be read as the API call's own 403 or 404.
        const bool redirect = status >= 300 && status <= 399;
        if (!redirect && !http::isRetryableStatus(status))
            e.kind = ApiError::Kind::Authentication;
        e.message = trc("could not obtain an access token: %1").arg(e.message);
        finishWaiters({}, e);
        return;
    }
    const auto malformedToken = [&](ApiError e) {
        e.message = trc("could not obtain an access token: %1").arg(e.message);
        e.httpStatus = status;
        finishWaiters({}, e);
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformedToken(http::malformed(trc("the token response is not a JSON object")));
    const QJsonObject o = doc.object();
    const QJsonValue token = o.value(QLatin1String("access_token"));
    if (!token.isString() || token.toString().isEmpty())
        return malformedToken(http::malformedField(QStringLiteral("access_token")));
    if (!http::isBearerTokenSyntax(token.toString())) {
        // CR, LF, spaces, ... would break (or inject into) the Authorization header.
        return malformedToken(
            http::malformed(trc("the access token has characters a bearer token cannot have"),
                            QStringLiteral("access_token")));
    }
    // Lifetimes are clamped: a huge or negative expires_in must neither overflow nor make the
    // token live for ever (a day at most; the API hands out tokens for an hour).
    constexpr qint64 kMaxLifetimeSeconds = 24 * 3600;
    double lifetimeSeconds = kDefaultLifetimeSeconds;
    const QJsonValue expiresIn = o.value(QLatin1String("expires_in"));
    if (expiresIn.isDouble()) {
        lifetimeSeconds = expiresIn.toDouble();
    } else if (expiresIn.isString()) {
        bool ok = false;
        const double parsed = expiresIn.toString().toDouble(&ok);
        if (ok)
            lifetimeSeconds = parsed;
    } else if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        return malformedToken(http::malformedField(QStringLiteral("expires_in")));
    }
    if (!std::isfinite(lifetimeSeconds))
        lifetimeSeconds = 0;
    m_token = token.toString();
    m_lifetimeMs = qint64(std::clamp(lifetimeSeconds, 0.0, double(kMaxLifetimeSeconds))) * 1000;
    m_obtained.start();
    Q_EMIT tokenObtained();
    finishWaiters(m_token, ApiError());
}

void TokenProvider::finishWaiters(const QString &token, const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (w.hadReceiver && !w.receiver)
            continue;
        w.done(token, error);
    }
}

} // namespace keycard
