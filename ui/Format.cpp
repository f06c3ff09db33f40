#include "Format.h"

#include "Models.h"

#include <QCoreApplication>
#include <QLocale>

namespace keycard::format {

QString localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString utcTooltip(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QCoreApplication::translate("format", "%1 (UTC)").arg(formatTimestamp(utc));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace keycard::format
