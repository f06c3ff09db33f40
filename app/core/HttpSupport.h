#pragma once

// Private to keycard_core: request building and HTTP/network error mapping shared by the
// token provider and the per-operation runner.

#include "ApiError.h"
#include "ClientConfig.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace keycard::http {

// `base` + `path` (already percent-encoded, starting with '/') + `query` (already encoded,
// without '?'). Keeps a path prefix of the base URL ("https://host/api" + "/organizations").
QUrl endpoint(const QUrl &base, const QString &encodedPath, const QString &encodedQuery = {});

// Percent-encodes one path segment or query value (everything but RFC 3986 unreserved).
QString encodeComponent(const QString &value);

// True when a segment of `url`'s path is "." or ".." (also as "%2e"): Qt's HTTP stack resolves
// such segments before sending (QUrl decodes "%2e" and the request line is normalized), so the
// request would go to another resource. Such a URL is never sent.
bool hasDotSegment(const QUrl &url);

// A request with the client's common settings: user agent, Accept: application/json,
// transfer timeout, HTTP/1.1 only, no redirects followed (an Authorization header never
// travels to another URL), the trusted certificate authorities of config.tls.
QNetworkRequest baseRequest(const ClientConfig &config, const QUrl &url);

// True for QNetworkReply errors raised below HTTP (connection, TLS, timeout, truncated body),
// as opposed to the errors Qt derives from an HTTP status code.
bool isTransportError(QNetworkReply::NetworkError error);

// Maps a transport error (Network, Timeout or Tls). `retryable` tells whether trying again
// may help (connection errors and timeouts; not TLS, redirects or proxy authentication).
ApiError transportError(QNetworkReply::NetworkError error, bool receivedHeaders, bool &retryable);
// Retried by default: 408, 429, >= 500.
bool isRetryableStatus(int status);

// ApiError for a non-2xx HTTP response from its status and Error body
// ({message, code, status[, field]}); copes with empty and non-JSON bodies. A 3xx is an
// unexpected redirect (Network; redirects are never followed). What the server wrote (message,
// code, field, reason phrase) is redacted with `secrets` (see redactServerText()); our own
// words are not.
ApiError errorFromResponse(int status, const QByteArray &body, const QString &reasonPhrase,
                           const QStringList &secrets = {});

// Retry-After (delta seconds or HTTP date) or retry-after-ms, in milliseconds; nullopt when
// absent or unparsable.
std::optional<qint64> retryAfterMs(const QNetworkReply *reply);
// x-should-retry: true|false; nullopt when absent or another value.
std::optional<bool> shouldRetryHeader(const QNetworkReply *reply);

// Aborts `reply` as soon as its Content-Length or the bytes received exceed `limit`;
// `exceeded` runs once, before the abort.
void guardResponseSize(QNetworkReply *reply, qint64 limit, std::function<void()> exceeded);

// What happened to a reply below HTTP while it ran (see watchReply()).
struct ReplyWatch
{
    bool tooLarge = false;         // aborted by the response size cap
    bool headersTooLarge = false;  // aborted: more header lines or bytes than kMaxHeader*
    bool deadlineExceeded = false; // aborted: no complete response within the attempt deadline
    int deadlineMs = 0;
    // RFC 9112 framing Qt 6.4 gets wrong, caught when the head arrives and the reply aborted:
    int interimStatus = 0;        // a 1xx other than 100 (102, 103) handed over as final
    QByteArray conflictingLength; // Content-Length with two different values ("5, 80")
    QString tlsProblem;           // the TLS errors explained (explainTlsErrors); never ignored
    ProxyChoice proxy;            // the proxy the request went through (direct when none)
};

// Response header limits. Qt 6.4's HTTP client has none of its own (Qt 6.5 and later stop at
// 100 fields): a reply whose headers exceed these is aborted as soon as they have arrived.
inline constexpr int kMaxHeaderFields = 100;
inline constexpr qint64 kMaxHeaderBytes = 64 * 1024;

// Guards `reply`'s size (`limit`, as guardResponseSize()), its headers (kMaxHeader*) and its
// total duration: `deadlineMs` > 0 aborts it when the whole exchange (connection, headers and
// body) has not finished by then, however slowly bytes keep arriving. Notes its first TLS
// error. The returned state is complete once the reply has finished. `proxy`: the choice the
// request was sent with, for messages about the proxy.
std::shared_ptr<const ReplyWatch> watchReply(QNetworkReply *reply, qint64 limit, int deadlineMs,
                                             const ProxyChoice &proxy = {});

// True when a Content-Length field value (Qt joins repeated fields with ", ") holds two
// different values; equal repeats are one value (RFC 9112, 6.3).
bool hasConflictingContentLength(const QByteArray &value);

// The failure of a finished reply that brought no usable HTTP response: the size cap
// (MalformedResponse, never retried), a TLS problem (Tls, never retried) or a transport error
// (Network or Timeout; `retryable` says whether trying again may help). nullopt when an HTTP
// response arrived, whatever its status.
// Rewrites a transport error `e` of a request sent through `proxy` so that it names the proxy:
// "proxy 127.0.0.2:3128 unreachable", a 407 (httpStatus 407, never retried), ...
void proxyFailure(ApiError &e, QNetworkReply::NetworkError error, const ProxyChoice &proxy);

std::optional<ApiError> transportFailure(const QNetworkReply *reply, const ReplyWatch &watch,
                                         qint64 limit, bool &retryable);

// Every form in which a secret may come back in a server's text: as is, percent-encoded
// (path, query, form), form-encoded ('+' for spaces), JSON-escaped (inside a string) and
// base64 (alone). Empty strings are left out.
QStringList secretForms(const QString &secret);
// The HTTP Basic credential sent to the token endpoint for `clientId` and `secret`
// (base64 of both parts percent-encoded, joined by ':'), with and without padding.
QStringList basicCredentialForms(const QString &clientId, const QString &secret);

// Replaces every occurrence of a non-empty secret in `text` with a placeholder. For text a
// server wrote (an error body's message or code): never apply it to our own words, where a
// short secret would match inside them ("b" in "obtain").
QString redact(QString text, const QStringList &secrets);

// True when `token` only has characters of RFC 6750's b64token
// (ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then any "="): anything else (CR, LF,
// spaces, ...) would break or inject into the Authorization header.
bool isBearerTokenSyntax(const QString &token);

// A malformed response; `what` is the message ("field id", "not JSON (...)"): the title
// "Malformed response" comes from ApiError::toString().
ApiError malformed(const QString &what, const QString &field = {});
ApiError malformedField(const QString &field);
ApiError responseTooLarge(qint64 limit);

} // namespace keycard::http
