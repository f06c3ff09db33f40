#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

// Timestamps as people read them (Timestamps.cpp; RFC 3339 reading and writing are in Models.h).
namespace keycard {

// `utc` in the default QLocale's short date and time form and the local time zone, with the
// year in four digits and the seconds in every language ("6/7/2026 2:05:09 PM",
// "07.06.2026 14:05:09"); empty for an invalid time.
QString localTimestamp(const QDateTime &utc);
// The QDateTime format localTimestamp() uses for `locale`.
QString localTimestampFormat(const QLocale &locale);

} // namespace keycard
