#pragma once

#include <QColor>

class QApplication;
class QPalette;

namespace keycard::theme {

// Fusion with a dark palette (for screenshots and for checking readability on dark themes).
void applyDark(QApplication &app);

// Text colour of an outcome, readable on `palette` (light or dark): Pass green, Warn amber,
// Fail red and Neutral muted, as the forms' field messages (AssessingValidator::messageColor).
enum class Outcome { Pass, Warn, Fail, Neutral };
QColor outcomeColor(const QPalette &palette, Outcome outcome);

} // namespace keycard::theme
