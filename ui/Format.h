#pragma once

#include <QDateTime>
#include <QString>

class QLabel;

namespace keycard::format {

// "28/11/2026 14:05" in the user's locale and time zone; empty for an invalid time.
QString localTime(const QDateTime &utc);
// "2026-11-28T13:05:00.000Z (UTC)" for tooltips.
QString utcTooltip(const QDateTime &utc);
// "1,234" in the user's locale.
QString number(qint64 value);

} // namespace keycard::format
