#include "RetryAfter.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace keycard::http {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QByteArrayView trimmed(QByteArrayView value)
{
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
        value = value.sliced(1);
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
        value.chop(1);
    return value;
}

// DIGITS [ "." DIGITS ] scaled by 10^`scaleDigits` (3: seconds to milliseconds), truncated;
// nullopt when the syntax differs or the whole part exceeds `maxWhole`. Digits are checked and
// counted before any arithmetic, so nothing can overflow.
std::optional<qint64> parseDecimal(QByteArrayView text, int scaleDigits, qint64 maxWhole)
{
    const qsizetype dot = text.indexOf('.');
    const QByteArrayView whole = dot < 0 ? text : text.first(dot);
    const QByteArrayView fraction = dot < 0 ? QByteArrayView() : text.sliced(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && fraction.isEmpty()))
        return std::nullopt;
    for (char c : whole) {
        if (!isDigit(c))
            return std::nullopt;
    }
    for (char c : fraction) {
        if (!isDigit(c))
            return std::nullopt;
    }
    qsizetype first = 0; // leading zeros do not count towards the range
    while (first < whole.size() - 1 && whole[first] == '0')
        ++first;
    if (whole.size() - first > 12) // more digits than any maxWhole we use (< 10^12)
        return std::nullopt;
    qint64 value = 0;
    for (qsizetype i = first; i < whole.size(); ++i)
        value = value * 10 + (whole[i] - '0');
    if (value > maxWhole)
        return std::nullopt;
    qint64 limit = maxWhole;
    for (int i = 0; i < scaleDigits; ++i) {
        value = value * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
        limit *= 10;
    }
    if (value > limit) // "999999999.5": the fraction takes it beyond the range
        return std::nullopt;
    return value;
}

} // namespace

std::optional<qint64> parseRetryAfter(QByteArrayView value, const QDateTime &nowUtc)
{
    value = trimmed(value);
    if (value.isEmpty() || value.size() > 64)
        return std::nullopt;
    if (isDigit(value.front()))
        return parseDecimal(value, 3, kMaxRetryAfterSeconds);
    // IMF-fixdate only (the obsolete RFC 850 and asctime forms are not sent by HTTP/1.1
    // servers); exactly 29 characters.
    if (value.size() != 29)
        return std::nullopt;
    for (char c : value) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return std::nullopt;
    }
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(value.data(), value.size()),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc()); // setTimeSpec() is deprecated since Qt 6.8
    const qint64 ms = nowUtc.msecsTo(when);
    if (ms < 0 || ms > kMaxRetryAfterSeconds * 1000)
        return std::nullopt;
    return ms;
}

std::optional<qint64> parseRetryAfterMs(QByteArrayView value)
{
    value = trimmed(value);
    if (value.isEmpty() || value.size() > 64 || !isDigit(value.front()))
        return std::nullopt;
    return parseDecimal(value, 0, kMaxRetryAfterSeconds * 1000);
}

} // namespace keycard::http
