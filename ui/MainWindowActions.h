#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QWidget;

namespace keycard {

struct OrganizationState;

// The main window's commands: its actions (File, Edit, Organization, Help), the menus and the
// toolbar that show them, and when each SSO action is available (and why not). MainWindow
// connects the actions to what they do.
class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    // Creates the actions (children of `window`), the window's menus and its toolbar, which
    // ends with `badge`.
    MainWindowActions(QMainWindow *window, QWidget *badge);

    QAction *refresh() const { return m_refresh; }
    QAction *loadAll() const { return m_loadAll; }
    QAction *find() const { return m_find; }
    QAction *enableSso() const { return m_enableSso; }
    QAction *editSso() const { return m_editSso; }
    QAction *disableSso() const { return m_disableSso; }
    QAction *about() const { return m_about; }
    QAction *quit() const { return m_quit; }
    QAction *badgeAction() const { return m_badgeAction; }
    QToolBar *toolBar() const { return m_toolBar; }
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *organizationMenu() const { return m_orgMenu; }
    QMenu *helpMenu() const { return m_helpMenu; }

    // Why each SSO action is not available (empty: it is), and the permission the account
    // lacks for this organization (empty: none is missing, or it is not known yet).
    struct SsoReasons
    {
        QString enable;
        QString edit;
        QString disable;
        QString permission;
    };
    // Enables Enable / Edit / Disable SSO for the selected organization's `state` (null: none
    // is selected), or says in each tooltip and status tip why not.
    SsoReasons updateSso(const OrganizationState *state, bool selectionHidden,
                         bool writePathAvailable);

private:
    static QString withShortcut(const QString &toolTip, const QAction *action);
    void createActions();
    void createMenus();
    void createToolBar(QWidget *badge);

    QMainWindow *m_window;
    QAction *m_refresh = nullptr;
    QAction *m_loadAll = nullptr;
    QAction *m_find = nullptr;
    QAction *m_enableSso = nullptr;
    QAction *m_editSso = nullptr;
    QAction *m_disableSso = nullptr;
    QAction *m_about = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_badgeAction = nullptr;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_orgMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
};

} // namespace keycard
