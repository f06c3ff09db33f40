#pragma once

class QApplication;

namespace keycard::theme {

// Fusion with a dark palette (for screenshots and for checking readability on dark themes).
void applyDark(QApplication &app);

} // namespace keycard::theme
