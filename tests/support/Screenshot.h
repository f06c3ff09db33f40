#pragma once

// Pictures of what GUI tests show, for people to look at: with KEYCARD_SCREENSHOT_DIR=<dir> set,
// screenshot() saves <dir>/<name>.png; with KEYCARD_SCREENSHOT_DARK=1 as well, tests that call
// applyScreenshotPalette() run in the application's dark palette and save <name>-dark.png.
// Header-only: it needs QtWidgets and Theme.h (keycard_ui), which only GUI tests link.
#include "Theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

namespace keycard::test {

inline bool darkScreenshots()
{
    return qEnvironmentVariableIsSet("KEYCARD_SCREENSHOT_DARK");
}

// Switches the application to the dark palette when dark screenshots are asked for.
inline void applyScreenshotPalette()
{
    if (darkScreenshots())
        theme::applyDark(*qApp);
}

// Saves a PNG of the window of `widget` when KEYCARD_SCREENSHOT_DIR is set.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("KEYCARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QWidget *window = widget->window();
    // Let freshly shown panes lay out (screenshots only), deliver pending layout requests and
    // palette changes, and give a dialog the room it asks for: the picture shows the settled
    // layout a person would see.
    QTest::qWait(100);
    QCoreApplication::sendPostedEvents();
    window->resize(window->sizeHint().expandedTo(window->size()));
    QCoreApplication::sendPostedEvents();
    const QString suffix = darkScreenshots() ? QStringLiteral("-dark") : QString();
    window->grab().save(dir + QLatin1Char('/') + name + suffix + QStringLiteral(".png"));
}

} // namespace keycard::test
