#include "Format.h"

#include "DisplayText.h"
#include "Models.h"
#include "Timestamps.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextDocument>

namespace keycard::format {

QString localTime(const QDateTime &utc)
{
    return localTimestamp(utc);
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

QString shortText(const QString &serverValue, int maxChars)
{
    const QString text = displayText(serverValue);
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() <= maxChars || maxChars < 3)
        return text;
    const qsizetype keep = maxChars - 1; // room for the ellipsis
    const qsizetype head = (keep + 1) / 2;
    const qsizetype tail = keep - head;
    auto piece = [&codePoints](qsizetype from, qsizetype count) {
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData() + from),
                                 count);
    };
    return piece(0, head) + QChar(0x2026) + piece(codePoints.size() - tail, tail);
}

QString plainToolTip(const QString &text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

} // namespace keycard::format
