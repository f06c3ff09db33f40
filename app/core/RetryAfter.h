#pragma once

// Reading a server's Retry-After (RFC 9110, 10.2.3) and the SDK's retry-after-ms. Pure text in,
// milliseconds out: no QNetworkReply, so it can be unit-tested and fuzzed on its own.

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace keycard::http {

// The longest wait either header may express: a larger number is rejected as out of range
// before it is converted (999,999,999 s, about 31 years; larger is never a real answer).
inline constexpr qint64 kMaxRetryAfterSeconds = 999'999'999;

// Retry-After: delta-seconds (digits, optionally a fraction as the official SDK accepts) or an
// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") later than `nowUtc`. Milliseconds to wait;
// nullopt for anything else: a sign, an exponent, "inf", "nan", spaces inside, more than
// kMaxRetryAfterSeconds, a date in the past, more than 64 characters. Surrounding spaces and
// tabs are ignored.
std::optional<qint64> parseRetryAfter(QByteArrayView value, const QDateTime &nowUtc);

// retry-after-ms: the same number syntax, in milliseconds (at most kMaxRetryAfterSeconds * 1000).
std::optional<qint64> parseRetryAfterMs(QByteArrayView value);

} // namespace keycard::http
