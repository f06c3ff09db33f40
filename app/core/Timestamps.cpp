// RFC 3339 timestamps as the API writes and reads them (declared in Models.h).
#include "Timestamps.h"
#include "Models.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace keycard {

namespace {

// The form Keycard writes, "2024-06-03T14:05:51.907Z" or "2024-06-03T14:05:51Z", read digit by
// digit (a list page holds 2,000 timestamps; the general path below costs a regular expression
// and QDateTime::fromString each). nullopt: not that form, or not a valid date and time (the
// general path then decides, as it did before).
std::optional<QDateTime> canonicalUtcTimestamp(const QString &text)
{
    const qsizetype length = text.size();
    if (length != 20 && length != 24)
        return std::nullopt;
    const QChar *c = text.constData();
    const auto at = [c](qsizetype i, char16_t expected) { return c[i].unicode() == expected; };
    if (!at(4, u'-') || !at(7, u'-') || !at(10, u'T') || !at(13, u':') || !at(16, u':') ||
        !at(length - 1, u'Z') || (length == 24 && !at(19, u'.')))
        return std::nullopt;
    bool digitsOk = true;
    const auto number = [c, &digitsOk](qsizetype from, qsizetype count) {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t ch = c[i].unicode();
            digitsOk = digitsOk && ch >= u'0' && ch <= u'9';
            value = value * 10 + int(ch - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), length == 24 ? number(20, 3) : 0);
    if (!digitsOk || !date.isValid() || !time.isValid())
        return std::nullopt;
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone(QTimeZone::UTC));
#else
    return QDateTime(date, time, Qt::UTC); // (this constructor is deprecated since Qt 6.9)
#endif
}

} // namespace

namespace decode {

QDateTime timestamp(const QString &text)
{
    if (const std::optional<QDateTime> canonical = canonicalUtcTimestamp(text))
        return *canonical;
    return timestampGeneral(text);
}

QDateTime timestampGeneral(const QString &text)
{
    // RFC 3339 date-time: a full date, a full time and an explicit offset. Qt alone also takes
    // a bare date or a time without offset and reads it as local time, which would shift
    // instants by the user's time zone.
    static const QRegularExpression rfc3339(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|"
                       "[+-][0-9]{2}:[0-9]{2})$"));
    const QRegularExpressionMatch match = rfc3339.match(text);
    if (!match.hasMatch())
        return {};
    // Fractions beyond milliseconds are cut, not rounded: Qt rounds ".9999" up to the next
    // second, and "9999-12-31T23:59:59.9999Z" became year 10000, which no RFC 3339 text can
    // say (the fuzzer's write-back check found it).
    QString truncated = text;
    if (match.capturedLength(1) > 4)
        truncated.remove(match.capturedStart(1) + 4, match.capturedLength(1) - 4);
    QDateTime dt = QDateTime::fromString(truncated, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(truncated, Qt::ISODate);
    if (!dt.isValid())
        return {};
    dt = dt.toUTC();
    // An offset can move the instant out of the four-digit years that RFC 3339 can write.
    if (dt.date().year() < 1 || dt.date().year() > 9999)
        return {};
    return dt;
}

} // namespace decode

QString formatTimestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QString localTimestampFormat(const QLocale &locale)
{
    // The locale's short forms, which drop the century (and, for the time, the seconds) in
    // many languages: the year gets four digits and the minutes are followed by the seconds.
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(QLatin1String("yyyy")))
        date.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    QString time = locale.timeFormat(QLocale::ShortFormat);
    if (!time.contains(QLatin1Char('s'))) {
        const qsizetype minutes = time.lastIndexOf(QLatin1String("mm"));
        if (minutes > 0) {
            // The separator the locale puts before the minutes goes before the seconds too.
            const QChar separator = time.at(minutes - 1);
            const QString seconds = (separator.isLetter() || separator == QLatin1Char('\''))
                                        ? QStringLiteral(":ss")
                                        : QString(separator) + QStringLiteral("ss");
            time.insert(minutes + 2, seconds);
        }
    }
    return date + QLatin1Char(' ') + time;
}

QString localTimestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    // The format of the locale last asked for is kept: the list formats a timestamp per
    // visible row at each repaint.
    static thread_local QLocale cachedLocale(QLocale::c());
    static thread_local QString cachedFormat;
    const QLocale locale;
    if (cachedFormat.isEmpty() || locale != cachedLocale) {
        cachedLocale = locale;
        cachedFormat = localTimestampFormat(locale);
    }
    return locale.toString(utc.toLocalTime(), cachedFormat);
}

} // namespace keycard
