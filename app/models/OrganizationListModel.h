#pragma once

#include "ApiError.h"
#include "KeycardClient.h"
#include "Models.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QPointer>

#include <optional>

namespace keycard {

class KeycardClient;
class PendingCall;

// The organizations the client lists, fetched page by page. Views pull more rows through
// canFetchMore()/fetchMore(); loadAll() keeps fetching until the server reports the last page.
class OrganizationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LabelColumn, IdColumn, SsoColumn, CreatedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the organization's id
        LabelRole,
        SsoEnabledRole,
        SortRole, // a value that sorts naturally (timestamps as QDateTime, SSO as bool)
    };
    enum class State { Idle, Loading, Error };

    explicit OrganizationListModel(QObject *parent = nullptr);
    ~OrganizationListModel() override;

    // The client is not owned. Setting a client (or nullptr) clears the model; call reload().
    void setClient(KeycardClient *client);
    KeycardClient *client() const { return m_client; }

    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }
    void setLoadAllPageSize(int size) { m_loadAllPageSize = size; }
    // Icons shown in the SSO column (the model has no resource knowledge of its own).
    void setSsoIcons(const QIcon &on, const QIcon &off, const QIcon &unknown = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Fetches the first page again; the rows loaded so far stay until it replaces them.
    void reload();
    // Fetches every remaining page, one after another.
    void loadAll();
    // Stops the request in flight (and "load all").
    void cancel();
    // Fetches the page that failed again.
    void retry();

    State state() const { return m_state; }
    bool isLoadingAll() const { return m_loadingAll; }
    bool hasMore() const { return m_hasMore; }
    // True once the first page has arrived (an empty list is then really empty).
    bool hasLoadedOnce() const { return m_loadedOnce; }
    const ApiError &lastError() const { return m_lastError; }
    // True while the rows shown are those of before a reload that has not (yet) succeeded.
    bool isStale() const { return m_replacing; }

    const Organization &organization(int row) const { return m_rows.at(row); }
    // Name, label and id of a row, case-folded, for fast filtering.
    const QString &searchText(int row) const { return m_search.at(row); }
    int rowOfId(const QString &id) const;
    // Updates the SSO flag of one organization (after SSO was enabled or disabled).
    bool setSsoEnabled(const QString &id, bool enabled);
    // Replaces one organization's row with fresher data (same id).
    bool updateOrganization(const Organization &organization);

Q_SIGNALS:
    void stateChanged(keycard::OrganizationListModel::State state);
    // Rows arrived; `more` tells whether the server has further pages.
    void pageLoaded(int totalRows, bool more);
    void loadAllChanged(bool active);
    void errorOccurred(const keycard::ApiError &error);

private:
    void requestPage(int limit);
    void setState(State state);
    void setLoadingAll(bool active);

    QPointer<KeycardClient> m_client;
    QPointer<PendingCall> m_call;
    QList<Organization> m_rows;
    QList<QString> m_search; // parallel to m_rows
    std::optional<QString> m_cursor;
    bool m_hasMore = true;
    bool m_loadedOnce = false;
    bool m_loadingAll = false;
    bool m_replacing = false; // reload(): the next page replaces every row
    int m_pageSize = 100;
    int m_loadAllPageSize = 500;
    int m_generation = 0;
    State m_state = State::Idle;
    ApiError m_lastError;
    QIcon m_ssoOn;
    QIcon m_ssoOff;
    QIcon m_ssoUnknown;
};

} // namespace keycard
