#pragma once

#include "ApiError.h"
#include "Models.h"
#include "OrganizationListModel.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace keycard {

class BusyIndicator;
class MessageBar;
class KeycardClient;
class OrganizationFilterModel;
class StateView;

// The organization list: filter box, table, "Load all" with progress and count, and the
// loading / empty / no-match / error states drawn in the list area itself.
class OrganizationBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit OrganizationBrowser(QWidget *parent = nullptr);

    void setClient(KeycardClient *client);
    void reload();
    void loadAll();
    void focusFilter();

    OrganizationListModel *model() const { return m_model; }
    OrganizationFilterModel *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }

    // Selects the organization with this id or label when it is (or once it gets) loaded:
    // further pages are fetched, one after another, until it arrives or the list ends
    // (selectionNotFound). Choosing another row first drops the wish. Returns true when it was
    // selected right away.
    bool selectOrganization(const QString &idOrLabel);
    bool hasPendingSelection() const { return !m_pendingSelection.isEmpty(); }
    // The id of the selected organization (kept while the filter hides it or a refresh runs).
    QString currentId() const { return m_currentId; }
    bool isSelectionHidden() const { return m_selectionHidden; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    void currentOrganizationChanged(const keycard::Organization &organization);
    // Enter / double-click on a row.
    void organizationActivated(const keycard::Organization &organization);
    void busyChanged(bool busy);
    // Every page is loaded and none holds the organization selectOrganization() asked for.
    void selectionNotFound(const QString &idOrLabel);
    // The selected organization stopped (or started again) being shown by the filter.
    void selectionHiddenChanged(bool hidden);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Enter or Down in the filter: the list takes the focus, on its first row when none is
    // current.
    void focusListFromFilter();
    void updateState();
    void updateCount();
    void onCurrentChanged(const QModelIndex &current);
    void trySelectPending();
    void seekPending();
    int pendingRow() const; // model row of the pending selection, or -1
    // Puts the view's current row back on the selected organization, or says it is hidden.
    void syncCurrent();
    void setSelectionHidden(bool hidden);

    OrganizationListModel *m_model;
    OrganizationFilterModel *m_proxy;
    QLineEdit *m_filter;
    QAction *m_clearFilter;
    QPushButton *m_loadAll;
    MessageBar *m_banner;
    QStackedWidget *m_stack;
    QTableView *m_table;
    StateView *m_stateView;
    QLabel *m_count;
    QProgressBar *m_progress;
    BusyIndicator *m_busy;
    QString m_pendingSelection;
    QString m_currentId;
    bool m_selectionHidden = false;
    bool m_syncing = false; // current-row changes made by the filter or by syncCurrent()
};

} // namespace keycard
