#pragma once

// Shared by the window tests: the session a window shows for an in-process sandbox, a window
// shown on it, and screenshots on request (KEYCARD_SCREENSHOT_DIR).
#include "AppSession.h"
#include "MainWindow.h"
#include "UiTestSupport.h"

#include <QTest>
#include <QWidget>

namespace keycard::test {

inline SessionInfo sandboxSession(const SandboxFixture &sandbox)
{
    SessionInfo info;
    info.source = SessionInfo::Source::Sandbox;
    info.baseUrl = sandbox.server->baseUrl();
    return info;
}

// The usual start of a window test: no settings written, the sandbox's client, shown.
inline void showOnSandbox(MainWindow &window, const SandboxFixture &sandbox)
{
    window.setPersistSettings(false);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
}

// Saves a PNG of `window` into KEYCARD_SCREENSHOT_DIR when it is set.
inline void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("KEYCARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let freshly shown panes lay out before grabbing (screenshots only)
    window->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace keycard::test
