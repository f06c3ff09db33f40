#pragma once

#include "MainWindow.h"
#include "MessageBar.h"
#include "ProfileSession.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

class QAction;
class QMenu;
class QPushButton;
class QToolBar;

namespace keycard::ui {

class ConnectDialog;
class ProfileSwitcher;

// Connection profiles in the main window: the toolbar's switcher, the Profile menu (Connect…,
// Edit…, Sign out, Remove), the notice line (sandbox call to action, environment variables in
// use, no keychain) and the Connect dialog. Owns the client of the active profile; the
// window's own connection (sandbox, environment, --base-url) stays owned by main.cpp.
class ProfileController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Start with the last used profile (false with --sandbox or --screenshot). With
        // --base-url or environment credentials the window's session wins regardless.
        bool allowProfiles = true;
        // Open the Connect dialog when nothing was ever saved (first run).
        bool connectDialogOnFirstRun = true;
        QString keychainService = QString::fromLatin1(profiles::SecretStore::kDefaultService);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    // The window's own connection for this run (the sandbox, the environment variables or
    // --base-url): `defaultClient` and `window` are not owned and must outlive the controller.
    ProfileController(MainWindow *window, KeycardClient *defaultClient, SessionInfo defaultInfo,
                      Options options, QObject *parent = nullptr);
    ~ProfileController() override;

    // Adds the switcher to the toolbar, the Profile menu and the notice line to the window,
    // then connects the window: to the last used profile (its secret read from the keychain)
    // when profiles are allowed and one was used before, otherwise to the session.
    void start();

    ProfileSwitcher *switcher() const { return m_switcher; }
    MessageBar *noticeBar() const { return m_notice; }
    QMenu *menu() const { return m_menu; }
    QAction *connectAction() const { return m_connect; }
    QAction *signOutAction() const { return m_signOut; }
    ConnectDialog *connectDialog() const; // the open Connect dialog, or nullptr
    profiles::ProfileStore *store() { return &m_store; }
    profiles::SecretStore *secrets() { return &m_secrets; }
    QString activeProfile() const { return m_activeProfile; }

public Q_SLOTS:
    // Opens the Connect dialog (open(), not exec()), for a saved profile or a new one.
    void openConnectDialog(const QString &profileName = {}, const QString &notice = {});
    void switchToProfile(const QString &name);
    void switchToSession();
    void signOut();
    void removeActiveProfile();
    // The default session's server is gone (keycard-admin's demo server stopped): the notice
    // says so, with `reason`, whenever that session is the one shown.
    void setDefaultSessionLost(const QString &reason);

Q_SIGNALS:
    // The window now shows this connection.
    void activeChanged(const keycard::SessionInfo &info);

private:
    void install();
    void activate(const profiles::ProfileLoad &load);
    void updateNotice();
    // An empty `text` hides the notice; an empty `actionText` hides its button.
    void showNotice(MessageBar::Kind kind, const QString &text, const QString &actionText = {});
    void updateActions();
    void refreshSwitcher();

    MainWindow *m_window;
    KeycardClient *m_defaultClient;
    SessionInfo m_defaultInfo;
    Options m_options;
    QNetworkAccessManager m_nam;
    profiles::ProfileStore m_store;
    profiles::SecretStore m_secrets;
    profiles::ProfileSession m_profileSession;
    std::unique_ptr<KeycardClient> m_client; // of the active profile
    QString m_activeProfile;
    bool m_sessionOnly = false;
    QString m_dismissedNotice;
    QString m_defaultSessionLost;
    QString m_loadMessage;

    ProfileSwitcher *m_switcher = nullptr;
    MessageBar *m_notice = nullptr;
    QPushButton *m_noticeAction = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_remove = nullptr;
    QPointer<ConnectDialog> m_dialog;
};

} // namespace keycard::ui
