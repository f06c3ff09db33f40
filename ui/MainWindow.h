#pragma once

#include "KeycardClient.h"
#include "MainWindowActions.h"
#include "Models.h"
#include "SessionInfo.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QToolBar;

namespace keycard {

class BusyIndicator;
class KeycardClient;
class OrganizationBrowser;
class OrganizationDetail;
class OrganizationStateStore;
class SandboxBadge;

// Coordinates the organization browser, the detail panes, actions, menus and settings.
//
// Integration points for the write path (SSO form) and profiles:
// - enableSsoRequested / editSsoRequested / disableSsoRequested are emitted by the actions and
//   the "Enable SSO" call to action; call setSsoActionsAvailable(true) once they are handled.
// - showConnection / showSsoDisabled / setOrganizationSsoEnabled update the window after a
//   write without reloading the list.
// - setClient re-points the window at another client and session (profile switch).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The client is not owned and must outlive its use here (or be replaced first).
    void setClient(KeycardClient *client, const SessionInfo &session);
    KeycardClient *client() const { return m_client; }
    const SessionInfo &session() const { return m_session; }

    // Whether the window reads and writes QSettings (geometry, splitter, last selection).
    void setPersistSettings(bool persist) { m_persist = persist; }

    OrganizationBrowser *browser() const { return m_browser; }
    OrganizationDetail *detail() const { return m_detail; }
    // What the window knows about each organization (list row, details, actions, dialogs).
    OrganizationStateStore *stateStore() const { return m_store; }
    // The actions, menus and toolbar (MainWindowActions).
    MainWindowActions *actions() const { return m_actions; }
    QToolBar *mainToolBar() const { return m_actions->toolBar(); }
    QMenu *fileMenu() const { return m_actions->fileMenu(); }
    QMenu *organizationMenu() const { return m_actions->organizationMenu(); }
    QMenu *helpMenu() const { return m_actions->helpMenu(); }
    QAction *enableSsoAction() const { return m_actions->enableSso(); }
    QAction *editSsoAction() const { return m_actions->editSso(); }
    QAction *disableSsoAction() const { return m_actions->disableSso(); }

    std::optional<Organization> selectedOrganization() const;
    std::optional<SsoConnection> selectedConnection() const;

    // The SSO write actions are disabled until the write path says it handles them.
    void setSsoActionsAvailable(bool available);
    bool ssoActionsAvailable() const { return m_ssoAvailable; }

public Q_SLOTS:
    void refresh();
    void loadAll();
    void focusFilter();
    // Puts the keyboard focus in the organization list.
    void focusList();
    // Selects by id or label, now or as soon as the organization is loaded.
    void selectOrganization(const QString &idOrLabel);
    void showConnection(const QString &organizationId, const keycard::SsoConnection &connection);
    void showSsoDisabled(const QString &organizationId);
    void setOrganizationSsoEnabled(const QString &organizationId, bool enabled);
    void showAbout();
    // The About box's paragraph on the documentation that ships with the package.
    static QString documentationParagraph();

Q_SIGNALS:
    void enableSsoRequested(const keycard::Organization &organization);
    void editSsoRequested(const keycard::Organization &organization,
                          const keycard::SsoConnection &connection);
    void disableSsoRequested(const keycard::Organization &organization);
    void detailsLoaded(const QString &organizationId, bool ok);
    void sessionChanged(const keycard::SessionInfo &session);

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void connectActions();
    void updateActions();
    void updateTitle();
    void updateBusy();
    void onOrganizationChanged(const Organization &organization);
    void onFirstPage();
    // The list's first page after F5 arrived (or failed): the status bar says so.
    void onRefreshEnded(bool ok);
    void makeInitialSelection();
    void selectFirstRow();
    // Returns false when there was no saved geometry.
    bool restoreSettings();
    void fitToScreen();
    void saveSettings();
    QString settingsServerKey() const;

    OrganizationBrowser *m_browser;
    OrganizationDetail *m_detail;
    OrganizationStateStore *m_store;
    QSplitter *m_splitter;
    SandboxBadge *m_badge;
    MainWindowActions *m_actions = nullptr;
    QLabel *m_sessionLabel;
    BusyIndicator *m_busy;
    QLabel *m_busyLabel;

    QPointer<KeycardClient> m_client;
    SessionInfo m_session;
    bool m_ssoAvailable = false;
    bool m_refreshing = false; // refresh() ran; its first list page has not arrived yet
    bool m_persist = true;
    bool m_restored = false;
    bool m_initialSelectionDone = false;
    bool m_filterAskedFor = false;        // Ctrl+F (Find) was used
    bool m_focusListWhenSelected = false; // the initial selection is still on its way
    QString m_restoreSelection;
};

} // namespace keycard
