#pragma once

// Shared set-up of the SSO write-path tests: the sandbox in-process on a random port, the real
// KeycardClient pointed at it with short retry delays, and small helpers to drive the dialogs
// through their objectNames.
#include "DemoData.h"
#include "KeycardClient.h"
#include "SandboxServer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPalette>
#include <QStyleFactory>
#include <QTest>
#include <QWidget>

#include <memory>

namespace ssotest {

struct Env
{
    keycard::sandbox::SandboxServer server;
    QNetworkAccessManager nam;
    std::unique_ptr<keycard::KeycardClient> client;

    Env()
    {
        if (!server.listen())
            qFatal("sandbox cannot listen: %s", qPrintable(server.errorString()));
        keycard::ClientConfig config;
        config.baseUrl = server.baseUrl();
        config.credentials = keycard::Credentials::serviceAccount(
            server.options().clientId, keycard::Secret(server.options().clientSecret));
        config.retry.delayScale = 0.001;
        config.requestTimeoutMs = 10000;
        client = std::make_unique<keycard::KeycardClient>(&nam, config);
    }

    keycard::Organization organization(const char *label) const
    {
        keycard::Organization o;
        QString error;
        const auto json = server.organization(QLatin1String(label));
        if (!json || !keycard::decode::organization(*json, o, error))
            qFatal("no organization %s", label);
        return o;
    }

    keycard::SsoConnection connection(const char *label) const
    {
        keycard::SsoConnection c;
        QString error;
        const auto json = server.connection(QLatin1String(label));
        if (!json || !keycard::decode::ssoConnection(*json, c, error))
            qFatal("no connection for %s (%s)", label, qPrintable(error));
        return c;
    }

    // Requests with this method whose path ends with `pathSuffix`, oldest first.
    QList<keycard::sandbox::RecordedRequest> recorded(const QByteArray &method,
                                                      const QString &pathSuffix) const
    {
        QList<keycard::sandbox::RecordedRequest> out;
        const auto all = server.requests();
        for (const auto &r : all) {
            if (r.method == method && r.path.endsWith(pathSuffix))
                out.append(r);
        }
        return out;
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

// KEYCARD_SSO_SHOTS=<dir> saves a picture of `w` as <dir>/<name>.png (for looking at the UI);
// KEYCARD_SSO_DARK=1 switches the application to a dark Fusion palette first.
inline void shot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KEYCARD_SSO_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QWidget *window = w->window();
    // Deliver pending layout requests (no event loop is run) so the picture shows the settled
    // layout a person would see.
    QCoreApplication::sendPostedEvents();
    window->resize(window->sizeHint().expandedTo(window->size()));
    QCoreApplication::sendPostedEvents();
    const QString suffix =
        qEnvironmentVariableIsSet("KEYCARD_SSO_DARK") ? QStringLiteral("-dark") : QString();
    window->grab().save(dir + QLatin1Char('/') + name + suffix + QStringLiteral(".png"));
}

inline void applyTestPalette()
{
    if (!qEnvironmentVariableIsSet("KEYCARD_SSO_DARK"))
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    QApplication::setPalette(p);
}

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
