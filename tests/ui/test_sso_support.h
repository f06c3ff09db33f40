#pragma once

// Shared set-up of the SSO write-path tests: the shared sandbox fixture (tests/support) and
// small helpers to drive the dialogs through their objectNames.
#include "DemoData.h"
#include "SandboxFixture.h"
#include "Screenshot.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPointer>
#include <QTest>
#include <QWidget>

#include <memory>

namespace ssotest {

// The shared sandbox fixture, with the client's own number of retries.
struct Env : keycard::test::SandboxFixture
{
    Env()
        : SandboxFixture(kClientRetries)
    {
    }
};

inline QString ssoPath(const char *label)
{
    return QStringLiteral("/organizations/%1/sso-connection").arg(QLatin1String(label));
}

template<typename T = QWidget> T *child(const QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

inline QLineEdit *edit(const QWidget *root, const char *name)
{
    return child<QLineEdit>(root, name);
}

inline QAbstractButton *button(const QWidget *root, const char *name)
{
    return child<QAbstractButton>(root, name);
}

inline QString labelText(const QWidget *root, const char *name)
{
    return child<QLabel>(root, name)->text();
}

using keycard::test::applyScreenshotPalette;
using keycard::test::screenshot;

// Deletes every dialog a test left open, so the next test starts from a clean screen.
inline void deleteOpenDialogs()
{
    // Guarded: deleting a dialog also deletes the top-level windows it owns (a message box, a
    // completer's popup), which may come later in the list.
    QList<QPointer<QWidget>> dialogs;
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets) {
        if (qobject_cast<QDialog *>(w))
            dialogs << w;
    }
    for (const QPointer<QWidget> &dialog : std::as_const(dialogs))
        delete dialog.data();
}

} // namespace ssotest
