#pragma once

// Shared by the window tests: settings in a temporary folder, the session a window shows for an
// in-process sandbox, a window shown on it, selecting and waiting for the details, and
// screenshots on request (tests/support/Screenshot.h).
#include "AppSession.h"
#include "MainWindow.h"
#include "SandboxFixture.h"
#include "Screenshot.h"

#include <QCoreApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace keycard::test {

// The value a field shows. A value too wide for the pane is elided in the middle ("…"); then
// the tooltip carries the whole value and what shows must be its start and its end.
inline QString valueText(QWidget *root, const QString &name)
{
    auto *label = root->findChild<QLabel *>(name + QStringLiteral("Value"));
    if (!label)
        return QStringLiteral("<no %1>").arg(name);
    const QString shown = label->text();
    const qsizetype cut = shown.indexOf(QChar(0x2026));
    if (cut < 0)
        return shown;
    const QString whole = label->toolTip();
    const bool consistent = whole.size() >= shown.size() && whole.startsWith(shown.left(cut)) &&
                            whole.endsWith(shown.mid(cut + 1));
    return consistent ? whole : shown;
}

// Window state (geometry, last selection) goes to `dir`, under this test's own name.
inline void useTemporarySettings(const QTemporaryDir &dir, const QString &testName)
{
    qputenv("XDG_CONFIG_HOME", dir.path().toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("KeycardTest"));
    QCoreApplication::setApplicationName(testName);
}

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

// Selects `idOrLabel` and waits (up to `timeoutMs`) until the window has loaded the details of
// the organization `id`. Returns false on timeout; `ok` gets detailsLoaded's success flag.
inline bool selectAndWait(MainWindow &window, const QString &idOrLabel, const QString &id,
                          bool *ok = nullptr, int timeoutMs = 10000)
{
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.selectOrganization(idOrLabel);
    const bool arrived = QTest::qWaitFor(
        [&] { return !loaded.isEmpty() && loaded.constLast().at(0).toString() == id; }, timeoutMs);
    if (arrived && ok)
        *ok = loaded.constLast().at(1).toBool();
    return arrived;
}

} // namespace keycard::test
