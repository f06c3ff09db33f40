#pragma once

#include <QDateTime>
#include <QString>

class QLabel;

namespace keycard::format {

// "28/11/2026 14:05:09" in the user's locale and time zone (four-digit year and seconds in
// every language); empty for an invalid time.
QString localTime(const QDateTime &utc);
// "2026-11-28T13:05:00.000Z (UTC)" for tooltips.
QString utcTooltip(const QDateTime &utc);
// "1,234" in the user's locale.
QString number(qint64 value);

// A server value (an organization's name or label, an issuer, a client id) for a heading, a
// prompt, a window title or a message: displayText() (control and format characters as U+FFFD),
// then, when longer than `maxChars` characters, cut in the middle ("Acme Wid…ion Team"), so
// that a crafted value can neither forge text nor widen a window. Show the whole value in a
// tooltip (plainToolTip) or a ValueField.
QString shortText(const QString &serverValue, int maxChars = 60);
// `text` as a tooltip that shows it literally: Qt shows a tooltip that looks like HTML as rich
// text, so such text is escaped (and wrapped in a paragraph) first.
QString plainToolTip(const QString &text);

} // namespace keycard::format
