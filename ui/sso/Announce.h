#pragma once

#include <QString>

class QWidget;

namespace keycard::ui {

// Tells a screen reader about an outcome a sighted user sees appear (an issuer check's result,
// "Copied", the status-bar line after a write) without moving the focus. Qt 6.8 and later send a
// QAccessibleAnnouncementEvent from `source`; older Qt raises an accessible Alert event on
// `source` whose accessible description is set to `message` first (what Orca and NVDA read for
// an alert).
void announce(QWidget *source, const QString &message);

// Tests: `observer` sees every announcement (offscreen Qt has no accessibility backend to
// deliver the events to). Null removes it.
using AnnouncementObserver = void (*)(QWidget *source, const QString &message);
void setAnnouncementObserver(AnnouncementObserver observer);

} // namespace keycard::ui
