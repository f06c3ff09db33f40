#include "TokenProvider.h"

#include "HttpSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

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
    auto watch = http::watchReply(reply, m_config.maxResponseBytes);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, watch] { onFetchFinished(reply, *watch); });
}

void TokenProvider::onFetchFinished(QNetworkReply *reply, const http::ReplyWatch &watch)
{
    reply->deleteLater();
    if (m_reply == reply)
        m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    bool retryable = false; // the API call that waits for the token decides on retries
    if (auto e = http::transportFailure(reply, watch, m_config.maxResponseBytes, retryable)) {
        if (e->kind != ApiError::Kind::MalformedResponse) // not the size cap
            e->message = trc("could not obtain an access token: %1").arg(e->message);
        finishWaiters({}, *e);
        return;
    }
    const QByteArray body = reply->readAll();
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
        http::redact(e, {m_config.credentials.secret.reveal()});
        finishWaiters({}, e);
        return;
    }
    if (status < 200 || status > 299) {
        ApiError e = http::errorFromResponse(
            status, body, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        e.message = trc("could not obtain an access token: %1").arg(e.message);
        http::redact(e, {m_config.credentials.secret.reveal()});
        finishWaiters({}, e);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        ApiError e = http::malformed(trc("the token response is not a JSON object"));
        e.httpStatus = status;
        finishWaiters({}, e);
        return;
    }
    const QJsonObject o = doc.object();
    const QJsonValue token = o.value(QLatin1String("access_token"));
    if (!token.isString() || token.toString().isEmpty()) {
        ApiError e = http::malformedField(QStringLiteral("access_token"));
        e.httpStatus = status;
        finishWaiters({}, e);
        return;
    }
    qint64 lifetimeSeconds = kDefaultLifetimeSeconds;
    const QJsonValue expiresIn = o.value(QLatin1String("expires_in"));
    if (expiresIn.isDouble()) {
        lifetimeSeconds = qint64(expiresIn.toDouble());
    } else if (expiresIn.isString()) {
        bool ok = false;
        const qint64 parsed = expiresIn.toString().toLongLong(&ok);
        if (ok)
            lifetimeSeconds = parsed;
    } else if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        ApiError e = http::malformedField(QStringLiteral("expires_in"));
        e.httpStatus = status;
        finishWaiters({}, e);
        return;
    }
    m_token = token.toString();
    m_lifetimeMs = qMax<qint64>(0, lifetimeSeconds) * 1000;
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
