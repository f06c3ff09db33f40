#include "CallRunner.h"

#include "HttpSupport.h"
#include "KeycardClient.h"
#include "TokenProvider.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <cmath>
#include <limits>

namespace keycard {

CallRunner::CallRunner(std::shared_ptr<const Session> session, KeycardClient *client,
                       PendingCall *call)
    : QObject(call)
    , m_session(std::move(session))
    , m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &CallRunner::startAttempt);
}

CallRunner::~CallRunner()
{
    cancel();
    m_token.fill(QLatin1Char('\0'));
}

void CallRunner::finishCall(PendingCall *call)
{
    call->markFinished();
}

QStringList CallRunner::secrets() const
{
    const Credentials &credentials = m_session->config.credentials;
    QStringList list;
    for (const QString &secret : m_spec.extraSecrets)
        list << http::secretForms(secret);
    list << http::secretForms(credentials.secret.reveal()) << http::secretForms(m_token);
    if (credentials.kind == Credentials::Kind::ServiceAccount)
        list << http::basicCredentialForms(credentials.clientId, credentials.secret.reveal());
    return list;
}

void CallRunner::run(HttpRequestSpec spec, QString requestId,
                     std::function<void(const HttpOutcome &)> done)
{
    cancel();
    m_spec = std::move(spec);
    m_requestId = std::move(requestId);
    m_done = std::move(done);
    m_attempts = 0;
    m_retries = 0;
    m_reauthenticated = false;
    m_active = true;
    m_started.start();
    if (http::hasDotSegment(http::endpoint(m_session->config.baseUrl, m_spec.path))) {
        // Never sent (not even the token request): Qt would resolve the segment and the
        // request would reach another resource. Reported from the event loop, never inside
        // the caller's call.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_active)
                    return;
                HttpOutcome outcome;
                outcome.error =
                    ApiError::make(ApiError::Kind::InvalidArgument,
                                   tr("the request's path has a “.” or “..” segment; not sent"));
                complete(std::move(outcome));
            },
            Qt::QueuedConnection);
        return;
    }
    startAttempt();
}

void CallRunner::cancel()
{
    m_active = false;
    m_retryTimer.stop();
    dropReply();
}

void CallRunner::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void CallRunner::startAttempt()
{
    if (!m_active)
        return;
    ++m_attempts;
    m_session->tokens->acquire(this, [this](const QString &token, const ApiError &error) {
        if (!m_active)
            return;
        if (error.isError()) {
            // A redirect from the token endpoint (Network with a 3xx status) is not retried.
            const bool redirect = error.httpStatus >= 300 && error.httpStatus <= 399;
            // Nor a proxy's 407: every try would be one more failed login on the proxy.
            const bool proxyLogin = error.httpStatus == 407;
            const bool retryable =
                !redirect && !proxyLogin &&
                (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
                 error.kind == ApiError::Kind::Server || error.kind == ApiError::Kind::RateLimited);
            fail(error, retryable, error.httpStatus, std::nullopt, std::nullopt);
            return;
        }
        send(token);
    });
}

void CallRunner::send(const QString &token)
{
    const ClientConfig &config = m_session->config;
    m_token = token;
    const QUrl url = http::endpoint(config.baseUrl, m_spec.path, m_spec.query);
    const ProxyChoice proxy = config.proxies.choose(url);
    if (proxy.problem) { // validate() refused it before; never sent direct instead
        fail(ApiError::make(ApiError::Kind::Configuration, *proxy.problem, proxy.variable), false,
             0, std::nullopt, std::nullopt);
        return;
    }
    QNetworkRequest request = http::baseRequest(config, url);
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + token.toUtf8());
    request.setRawHeader("X-Client-Request-ID", m_requestId.toLatin1());
    if (!m_spec.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nullptr;
    if (m_spec.method == "GET")
        reply = m_session->nam->get(request);
    else if (m_spec.method == "DELETE" && m_spec.body.isEmpty())
        reply = m_session->nam->deleteResource(request);
    else
        reply = m_session->nam->sendCustomRequest(request, m_spec.method, m_spec.body);
    m_reply = reply;
    auto watch = http::watchReply(reply, config.maxResponseBytes, config.requestTimeoutMs, proxy);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, watch] { onReplyFinished(reply, *watch); });
}

void CallRunner::onReplyFinished(QNetworkReply *reply, const http::ReplyWatch &watch)
{
    reply->deleteLater();
    if (m_reply != reply || !m_active)
        return;
    m_reply = nullptr;
    const ClientConfig &config = m_session->config;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    bool retryable = false;
    if (auto e = http::transportFailure(reply, watch, config.maxResponseBytes, retryable)) {
        // The size cap keeps the status of the response it cut off.
        const int failedStatus = e->httpStatus;
        fail(std::move(*e), retryable, failedStatus, std::nullopt, std::nullopt);
        return;
    }
    // At most one byte more than the cap: a compressed body may inflate far beyond what the
    // size guard counted on the wire (a decompression bomb). What the reply holds is read in
    // one piece of its own size when it is within the cap (read(cap + 1) would allocate the
    // whole cap, 16 MiB, for every page).
    const qint64 available = reply->bytesAvailable();
    QByteArray body = available >= 0 && available <= config.maxResponseBytes
                          ? reply->read(available)
                          : reply->read(config.maxResponseBytes + 1);
    // (A compressed reply may count less than it holds: read the rest, still up to the cap.)
    if (!reply->atEnd() && body.size() <= config.maxResponseBytes)
        body += reply->read(config.maxResponseBytes + 1 - body.size());
    if (body.size() > config.maxResponseBytes) {
        ApiError e = http::responseTooLarge(config.maxResponseBytes);
        e.httpStatus = status;
        fail(std::move(e), false, status, std::nullopt, std::nullopt);
        return;
    }
    if (status >= 200 && status <= 299) {
        HttpOutcome outcome;
        outcome.status = status;
        outcome.body = body;
        outcome.attempts = m_attempts;
        complete(std::move(outcome));
        return;
    }
    if (status == 401 && config.credentials.kind == Credentials::Kind::ServiceAccount &&
        !m_reauthenticated) {
        // The token may have expired or been revoked: one new token, one more attempt.
        m_reauthenticated = true;
        m_session->tokens->invalidate(m_token);
        startAttempt();
        return;
    }
    ApiError e = http::errorFromResponse(
        status, body, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
        secrets());
    const bool redirect = status >= 300 && status <= 399; // never retried, whatever it says
    fail(e, http::isRetryableStatus(status), status, http::retryAfterMs(reply),
         redirect ? std::optional<bool>(false) : http::shouldRetryHeader(reply));
}

qint64 CallRunner::totalDeadlineMs() const
{
    const ClientConfig &config = m_session->config;
    if (config.retry.totalDeadlineMs > 0)
        return config.retry.totalDeadlineMs;
    return qint64(config.requestTimeoutMs) * (std::max(0, config.retry.maxRetries) + 1);
}

QString CallRunner::retryAfterTooLong(qint64 askedMs, qint64 leftMs)
{
    // "86400 s (24 h)": seconds as the server wrote them, and in a unit one can picture.
    const auto duration = [](qint64 ms) {
        const QString seconds = QString::number(double(ms) / 1000.0, 'f', ms % 1000 == 0 ? 0 : 1) +
                                QStringLiteral(" s");
        const qint64 s = ms / 1000;
        if (s < 120)
            return seconds;
        if (s < 2 * 3600)
            return QString(seconds + QStringLiteral(" (") + QString::number(s / 60) +
                           QStringLiteral(" min)"));
        if (s < 2 * 86400)
            return QString(seconds + QStringLiteral(" (") + QString::number(s / 3600) +
                           QStringLiteral(" h)"));
        return QString(seconds + QStringLiteral(" (") + QString::number(s / 86400) +
                       QStringLiteral(" d)"));
    };
    return tr("(the server asked to retry after %1; that is more than the %2 left of this "
              "request's time limit, so it was not retried)")
        .arg(duration(askedMs), duration(std::max<qint64>(0, leftMs)));
}

int CallRunner::backoffMs(int retry) const
{
    const RetryPolicy &policy = m_session->config.retry;
    const double base = std::min<double>(double(policy.initialDelayMs) * std::pow(2.0, retry - 1),
                                         double(policy.maxDelayMs));
    const double jitter = std::clamp(policy.jitter, 0.0, 1.0);
    const double factor = 1.0 - jitter * QRandomGenerator::global()->generateDouble();
    return int(std::lround(std::max(0.0, base * factor)));
}

void CallRunner::fail(ApiError error, bool retryable, int status, std::optional<qint64> retryAfter,
                      std::optional<bool> shouldRetry)
{
    const RetryPolicy &policy = m_session->config.retry;
    bool retry = shouldRetry.value_or(retryable);
    if (m_retries >= policy.maxRetries)
        retry = false;
    if (error.kind == ApiError::Kind::MalformedResponse && !shouldRetry)
        retry = false;
    if (!retry) {
        HttpOutcome outcome;
        outcome.status = status;
        outcome.attempts = m_attempts;
        outcome.error = std::move(error);
        complete(std::move(outcome));
        return;
    }
    if (retryAfter && *retryAfter >= 0) {
        // The server's wait counts against the exchange's total time: honoured when it fits in
        // what is left, otherwise the call ends now, saying what the server asked for.
        const qint64 left = totalDeadlineMs() - m_started.elapsed();
        if (*retryAfter >= left) {
            error.message += QLatin1Char(' ') + retryAfterTooLong(*retryAfter, left);
            HttpOutcome outcome;
            outcome.status = status;
            outcome.attempts = m_attempts;
            outcome.error = std::move(error);
            complete(std::move(outcome));
            return;
        }
    }
    ++m_retries;
    const int delayMs = retryAfter && *retryAfter >= 0
                            ? int(std::min<qint64>(*retryAfter, std::numeric_limits<int>::max()))
                            : backoffMs(m_retries);
    const QPointer<CallRunner> self(this);
    if (m_client)
        Q_EMIT m_client->retryScheduled(m_requestId, m_attempts + 1, delayMs, status);
    if (!self || !m_active)
        return; // a slot connected to retryScheduled aborted the call or destroyed the client
    const double scaled = double(delayMs) * std::max(0.0, policy.delayScale);
    m_retryTimer.start(int(std::lround(scaled)));
}

void CallRunner::complete(HttpOutcome outcome)
{
    m_active = false;
    if (outcome.error.isError()) {
        // Server text was redacted where it came in (errorFromResponse, TokenProvider).
        outcome.error.requestId = m_requestId;
        outcome.error.attempts = m_attempts;
    }
    m_token.fill(QLatin1Char('\0'));
    m_token.clear();
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(outcome);
}

} // namespace keycard
