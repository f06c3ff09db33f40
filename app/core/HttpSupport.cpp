#include "HttpSupport.h"

#include "FieldRules.h"
#include "RetryAfter.h"
#include "TlsTrust.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSslError>
#include <QTimeZone>

#include <QTimer>
#include <algorithm>

namespace keycard::http {

namespace {

QString trc(const char *text)
{
    return QCoreApplication::translate("keycard::http", text);
}

// Top-level request fields an Error message may start with ("identifier: too long").
bool isKnownField(const QString &name)
{
    static const QStringList extra = {QStringLiteral("protocols"), QStringLiteral("limit"),
                                      QStringLiteral("after"),     QStringLiteral("before"),
                                      QStringLiteral("cursor"),    QStringLiteral("expand"),
                                      QStringLiteral("grant_type")};
    for (rules::Field f :
         {rules::Field::OrganizationId, rules::Field::Identifier, rules::Field::ClientId,
          rules::Field::ClientSecret, rules::Field::RequestId, rules::Field::UserId,
          rules::Field::InvitationId, rules::Field::Email, rules::Field::Role,
          rules::Field::MemberStatus}) {
        if (name == QLatin1String(rules::rule(f).jsonName))
            return true;
    }
    return extra.contains(name);
}

QString fieldFromMessage(const QString &message)
{
    static const QRegularExpression re(
        QStringLiteral("^([a-z_]+)((?:\\.[a-z0-9_]+|\\[[0-9]+\\])*)\\s*:"));
    const QRegularExpressionMatch m = re.match(message);
    if (!m.hasMatch() || !isKnownField(m.captured(1)))
        return {};
    return m.captured(1) + m.captured(2);
}

ApiError::Kind kindForStatus(int status)
{
    switch (status) {
    case 400:
    case 422:
        return ApiError::Kind::Validation;
    case 401:
        return ApiError::Kind::Authentication;
    case 403:
        return ApiError::Kind::Permission;
    case 404:
        return ApiError::Kind::NotFound;
    case 409:
        return ApiError::Kind::Conflict;
    case 429:
        return ApiError::Kind::RateLimited;
    default:
        return ApiError::Kind::Server;
    }
}

} // namespace

QString encodeComponent(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl endpoint(const QUrl &base, const QString &encodedPath, const QString &encodedQuery)
{
    QUrl url = base;
    QString prefix = base.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + encodedPath, QUrl::StrictMode);
    if (encodedQuery.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(encodedQuery, QUrl::StrictMode);
    return url;
}

bool hasDotSegment(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    for (const QStringView segment : QStringView(path).split(u'/')) {
        const QString decoded = QUrl::fromPercentEncoding(segment.toUtf8());
        if (decoded == QLatin1String(".") || decoded == QLatin1String(".."))
            return true;
    }
    return false;
}

QNetworkRequest baseRequest(const ClientConfig &config, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, config.userAgent);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(config.requestTimeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    config.tls.apply(request);
    return request;
}

bool isTransportError(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    if (code == QNetworkReply::NoError)
        return false;
    return code < 200 || error == QNetworkReply::ProtocolFailure ||
           error == QNetworkReply::ProtocolUnknownError;
}

ApiError transportError(QNetworkReply::NetworkError error, bool receivedHeaders, bool &retryable)
{
    using E = QNetworkReply::NetworkError;
    retryable = error != E::SslHandshakeFailedError && error != E::TooManyRedirectsError &&
                error != E::InsecureRedirectError && error != E::ProxyAuthenticationRequiredError;
    switch (error) {
    case E::ConnectionRefusedError:
        return ApiError::make(ApiError::Kind::Network, trc("connection refused"));
    case E::RemoteHostClosedError:
        return ApiError::make(ApiError::Kind::Network,
                              receivedHeaders
                                  ? trc("the server closed the connection before the response was "
                                        "complete")
                                  : trc("the server closed the connection without a response"));
    case E::HostNotFoundError:
        return ApiError::make(ApiError::Kind::Network, trc("host not found"));
    case E::TimeoutError:
    case E::OperationCanceledError: // Qt's transfer timeout aborts the reply this way
        return ApiError::make(ApiError::Kind::Timeout, trc("no response in time"));
    case E::ProxyTimeoutError:
        return ApiError::make(ApiError::Kind::Timeout, trc("the proxy did not answer in time"));
    case E::SslHandshakeFailedError:
        return ApiError::make(ApiError::Kind::Tls,
                              trc("the server's certificate or TLS handshake was not accepted"));
    case E::TooManyRedirectsError:
    case E::InsecureRedirectError:
        return ApiError::make(ApiError::Kind::Network, trc("unexpected redirect"));
    case E::ProxyAuthenticationRequiredError:
        return ApiError::make(ApiError::Kind::Network, trc("the proxy requires authentication"));
    case E::ProtocolFailure:
        return ApiError::make(ApiError::Kind::Network, trc("the server broke the HTTP protocol"));
    default:
        return ApiError::make(ApiError::Kind::Network,
                              trc("network error (code %1)").arg(int(error)));
    }
}

bool isRetryableStatus(int status)
{
    return status == 408 || status == 429 || status >= 500;
}

ApiError errorFromResponse(int status, const QByteArray &body, const QString &reasonPhrase,
                           const QStringList &secrets)
{
    ApiError error;
    error.kind = kindForStatus(status);
    error.httpStatus = status;
    if (status >= 300 && status <= 399) {
        // Redirects are never followed (an Authorization header must not travel elsewhere);
        // whatever the body says, this is not a server error to retry.
        error.kind = ApiError::Kind::Network;
        error.message =
            trc("unexpected redirect (HTTP %1); redirects are not followed").arg(status);
        return error;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue message = o.value(QLatin1String("message"));
        if (message.isString())
            error.message = message.toString();
        const QJsonValue code = o.value(QLatin1String("code"));
        if (code.isString())
            error.code = code.toString();
        const QJsonValue field = o.value(QLatin1String("field"));
        if (field.isString())
            error.field = field.toString();
    }
    if (error.field.isEmpty() && !error.message.isEmpty())
        error.field = fieldFromMessage(error.message);
    error.message = redact(error.message, secrets);
    error.code = redact(error.code, secrets);
    error.field = redact(error.field, secrets);
    if (error.message.isEmpty()) {
        error.message = reasonPhrase.isEmpty() ? trc("the server answered HTTP %1").arg(status)
                                               : trc("the server answered HTTP %1 %2")
                                                     .arg(status)
                                                     .arg(redact(reasonPhrase, secrets));
    }
    return error;
}

std::optional<qint64> retryAfterMs(const QNetworkReply *reply)
{
    if (reply->hasRawHeader("retry-after-ms")) {
        if (const auto ms = parseRetryAfterMs(reply->rawHeader("retry-after-ms")))
            return ms;
    }
    if (!reply->hasRawHeader("retry-after"))
        return std::nullopt;
    return parseRetryAfter(reply->rawHeader("retry-after"), QDateTime::currentDateTimeUtc());
}

std::optional<bool> shouldRetryHeader(const QNetworkReply *reply)
{
    if (!reply->hasRawHeader("x-should-retry"))
        return std::nullopt;
    const QByteArray value = reply->rawHeader("x-should-retry").trimmed().toLower();
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return std::nullopt;
}

void guardResponseSize(QNetworkReply *reply, qint64 limit, std::function<void()> exceeded)
{
    auto fired = std::make_shared<bool>(false);
    auto check = [reply, limit, exceeded = std::move(exceeded), fired](qint64 size) {
        if (*fired || limit <= 0 || size <= limit)
            return;
        *fired = true;
        exceeded();
        reply->abort();
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, check] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            check(length.toLongLong());
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [check](qint64 received, qint64) { check(received); });
}

std::shared_ptr<const ReplyWatch> watchReply(QNetworkReply *reply, qint64 limit, int deadlineMs,
                                             const ProxyChoice &proxy)
{
    auto watch = std::make_shared<ReplyWatch>();
    watch->deadlineMs = deadlineMs;
    watch->proxy = proxy;
    guardResponseSize(reply, limit, [watch] { watch->tooLarge = true; });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, watch] {
        if (watch->interimStatus || !watch->conflictingLength.isEmpty())
            return;
        // Qt 6.4 skips only "100 Continue": another interim response (102, 103) arrives here as
        // if it were the answer, and the real one is never read. Nor does it check repeated
        // Content-Length fields (it frames the body by the first). Neither is acted on.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status > 100 && status < 200)
            watch->interimStatus = status;
        else if (hasConflictingContentLength(reply->rawHeader("Content-Length")))
            watch->conflictingLength = reply->rawHeader("Content-Length").left(200);
        if (watch->interimStatus || !watch->conflictingLength.isEmpty()) {
            if (!reply->isFinished())
                reply->abort();
            return;
        }
        if (watch->headersTooLarge || reply->isFinished())
            return;
        const auto pairs = reply->rawHeaderPairs();
        qint64 bytes = 0;
        for (const auto &pair : pairs)
            bytes += pair.first.size() + pair.second.size() + 4;
        if (pairs.size() > kMaxHeaderFields || bytes > kMaxHeaderBytes) {
            watch->headersTooLarge = true;
            reply->abort();
        }
    });
    if (deadlineMs > 0) {
        // One timer per attempt, owned by the reply: it dies with it.
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, reply, [reply, watch] {
            if (reply->isFinished())
                return;
            watch->deadlineExceeded = true;
            reply->abort();
        });
        timer->start(deadlineMs);
    }
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [watch, reply](const QList<QSslError> &errors) {
                         if (watch->tlsProblem.isEmpty() && !errors.isEmpty())
                             watch->tlsProblem = explainTlsErrors(errors, reply->url().host());
                     });
    return watch;
}

void proxyFailure(ApiError &e, QNetworkReply::NetworkError error, const ProxyChoice &proxy)
{
    using E = QNetworkReply::NetworkError;
    const QString where = trc("proxy %1 (from %2)").arg(proxy.address(), proxy.variable);
    // Names and numbers only: the proxy's password never appears.
    switch (error) {
    case E::ProxyAuthenticationRequiredError:
        // The proxy's status: never retried (each try is a failed login on the proxy).
        e.httpStatus = 407;
        e.message = proxy.proxy.user().isEmpty()
                        ? trc("%1 requires a login (HTTP 407): put the user name and password in "
                              "%2 (http://USER:PASSWORD@HOST:PORT)")
                              .arg(where, proxy.variable)
                        : trc("%1 refused the user name and password of %2 (HTTP 407); not "
                              "retried, so that the account is not locked")
                              .arg(where, proxy.variable);
        return;
    case E::ProxyConnectionRefusedError:
    case E::ProxyConnectionClosedError:
    case E::ProxyNotFoundError:
    case E::UnknownProxyError:
    case E::UnknownNetworkError: // what Qt 6.4 reports for a proxy that refuses connections
        e.message =
            trc("proxy %1 unreachable (%2; from %3)")
                .arg(proxy.address(),
                     error == E::ProxyNotFoundError           ? trc("host name not found")
                     : error == E::ProxyConnectionClosedError ? trc("it closed the connection")
                                                              : trc("no connection"),
                     proxy.variable);
        return;
    case E::ProxyTimeoutError:
        e.message = trc("%1 did not answer in time").arg(where);
        return;
    default:
        e.message += QLatin1Char(' ') + trc("(through %1)").arg(where);
        return;
    }
}

bool hasConflictingContentLength(const QByteArray &value)
{
    if (!value.contains(','))
        return false;
    const QList<QByteArray> parts = value.split(',');
    const QByteArray first = parts.constFirst().trimmed();
    for (const QByteArray &part : parts) {
        if (part.trimmed() != first)
            return true;
    }
    return false;
}

std::optional<ApiError> transportFailure(const QNetworkReply *reply, const ReplyWatch &watch,
                                         qint64 limit, bool &retryable)
{
    retryable = false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (watch.interimStatus) {
        ApiError e = malformed(
            trc("the server sent an interim response (HTTP %1) before its answer; the HTTP "
                "stack of this build (Qt 6.4) takes it for the answer, so the answer was not "
                "read (after a change, check whether it was applied)")
                .arg(watch.interimStatus));
        e.httpStatus = watch.interimStatus;
        return e;
    }
    if (!watch.conflictingLength.isEmpty()) {
        ApiError e = malformed(trc("the response has two different Content-Length values (%1); "
                                   "its end cannot be known, so it was not read")
                                   .arg(QString::fromLatin1(watch.conflictingLength)));
        e.httpStatus = status;
        return e;
    }
    if (watch.tooLarge) {
        ApiError e = responseTooLarge(limit);
        e.httpStatus = status;
        return e;
    }
    if (watch.headersTooLarge) {
        ApiError e = malformed(trc("response headers too large (more than %1 fields or %2 bytes)")
                                   .arg(kMaxHeaderFields)
                                   .arg(kMaxHeaderBytes));
        e.httpStatus = status;
        return e;
    }
    if (watch.deadlineExceeded) {
        // Retried like any time-out: the next attempt has a deadline of its own.
        retryable = true;
        ApiError e = ApiError::make(ApiError::Kind::Timeout,
                                    trc("no complete response within %1 s")
                                        .arg(QLocale().toString(watch.deadlineMs / 1000.0)));
        e.httpStatus = status;
        return e;
    }
    if (status >= 200 && status <= 299 && reply->error() == QNetworkReply::UnknownContentError &&
        reply->hasRawHeader("Content-Encoding")) {
        // Qt stops inflating a body whose output is out of all proportion to its input.
        ApiError e = malformed(trc("response too large once decompressed (a compressed body "
                                   "that inflates far beyond its size), or broken compression"));
        e.httpStatus = status;
        return e;
    }
    if (!isTransportError(reply->error()) && status != 0)
        return std::nullopt;
    ApiError e = transportError(reply->error(), status != 0, retryable);
    if (!watch.tlsProblem.isEmpty()) {
        e.kind = ApiError::Kind::Tls;
        e.message = watch.tlsProblem;
        retryable = false;
    } else if (!watch.proxy.isDirect()) {
        proxyFailure(e, reply->error(), watch.proxy);
    }
    return e;
}

QStringList secretForms(const QString &secret)
{
    QStringList forms;
    const auto add = [&forms](const QString &form) {
        if (!form.isEmpty() && !forms.contains(form))
            forms << form;
    };
    add(secret);
    if (secret.isEmpty())
        return forms;
    const QByteArray utf8 = secret.toUtf8();
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    add(percent);
    add(percent.toLower()); // lower-case hex digits
    QString form = QString::fromLatin1(QUrl::toPercentEncoding(secret, " "));
    form.replace(QLatin1Char(' '), QLatin1Char('+'));
    add(form);
    // As it appears inside a JSON string (quotes stripped), both with and without "\/".
    QString json =
        QString::fromUtf8(QJsonDocument(QJsonArray{secret}).toJson(QJsonDocument::Compact));
    json = json.mid(2, json.size() - 4);
    add(json);
    add(QString(json).replace(QLatin1Char('/'), QStringLiteral("\\/")));
    add(QString::fromLatin1(utf8.toBase64()));
    add(QString::fromLatin1(utf8.toBase64(QByteArray::OmitTrailingEquals)));
    add(QString::fromLatin1(
        utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    return forms;
}

QStringList basicCredentialForms(const QString &clientId, const QString &secret)
{
    if (secret.isEmpty())
        return {};
    const QByteArray pair =
        QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret);
    QStringList forms{QString::fromLatin1(pair.toBase64()),
                      QString::fromLatin1(pair.toBase64(QByteArray::OmitTrailingEquals))};
    forms.removeDuplicates();
    return forms;
}

QString redact(QString text, const QStringList &secrets)
{
    // Longest first, so that a form containing another is replaced whole.
    QStringList ordered = secrets;
    std::sort(ordered.begin(), ordered.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &secret : std::as_const(ordered)) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("<redacted>"));
    }
    return text;
}

bool isBearerTokenSyntax(const QString &token)
{
    if (token.isEmpty())
        return false;
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char16_t c = token.at(i).unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_' ||
                        c == u'~' || c == u'+' || c == u'/';
        if (!ok)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i) {
        if (token.at(i) != QLatin1Char('='))
            return false;
    }
    return true;
}

ApiError malformed(const QString &what, const QString &field)
{
    return ApiError::make(ApiError::Kind::MalformedResponse, what, field);
}

ApiError malformedField(const QString &field)
{
    return malformed(trc("field %1").arg(field), field);
}

ApiError responseTooLarge(qint64 limit)
{
    return ApiError::make(ApiError::Kind::MalformedResponse,
                          trc("response too large (more than %1 bytes)").arg(limit));
}

} // namespace keycard::http
