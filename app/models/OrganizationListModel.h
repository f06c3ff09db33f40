#pragma once

#include "ApiError.h"
#include "KeycardClient.h"
#include "Models.h"
#include "OrganizationRows.h"
#include "Paging.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QElapsedTimer>
#include <QIcon>
#include <QPointer>

#include <optional>

namespace keycard {

class KeycardClient;
class PendingCall;

// The organizations the client lists, fetched page by page. Views pull more rows through
// canFetchMore()/fetchMore(); loadAll() keeps fetching until the server reports the last page.
// Rows are stored compactly (OrganizationRows), made from each page on the thread that decodes
// it; the raw JSON of list items is not kept: the detail pane fetches the organization it shows.
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
    // Page size of "Load all" (default: the API's maximum, 1000).
    void setLoadAllPageSize(int size) { m_loadAllPageSize = size; }
    int loadAllPageSize() const { return m_loadAllPageSize; }
    // During "Load all", pages that arrive within this many milliseconds of the last insertion
    // are held and inserted together (with the last page at the latest), so that views lay out
    // and repaint once per batch rather than once per page. 0: every page at once.
    void setInsertInterval(int ms) { m_insertIntervalMs = ms; }
    int insertInterval() const { return m_insertIntervalMs; }
    // Icons shown in the SSO column (the model has no resource knowledge of its own).
    void setSsoIcons(const QIcon &on, const QIcon &off, const QIcon &unknown = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Drops every row and fetches the first page again.
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
    // Why the listing ended early (None while it goes on or after its normal last page): the
    // server sent a cursor it had already sent, or said more pages follow without a cursor.
    PagingStop stopReason() const { return m_stopReason; }
    // The sentence the window shows for stopReason() (empty for None / LastPage).
    QString stopMessage() const;
    // List items the server sent that had a display field missing or of the wrong type (kept,
    // the field shown as unknown), and items that were left out (no id, not an object).
    int incompleteItems() const { return m_incompleteItems; }
    int skippedItems() const { return m_skippedItems; }

    // The list entry of a row: id, name, label, SSO flag and timestamps (no raw JSON, no
    // permissions: the list does not keep them).
    Organization organization(int row) const { return m_rows.organization(row); }
    QString id(int row) const { return m_rows.text(row, OrganizationRows::Id).toString(); }
    QString name(int row) const { return m_rows.text(row, OrganizationRows::Name).toString(); }
    QString label(int row) const { return m_rows.text(row, OrganizationRows::Label).toString(); }
    // A row's name, label or id as stored (valid until the rows change).
    QStringView text(int row, OrganizationRows::Field field) const
    {
        return m_rows.text(row, field);
    }
    // The words of a filter as matches() takes them: case-folded, in UTF-8.
    static QList<QByteArray> searchWords(const QStringList &foldedWords)
    {
        return OrganizationRows::searchWords(foldedWords);
    }
    // True when every word (from searchWords()) occurs in the row's name, label or id.
    bool matches(int row, const QList<QByteArray> &words) const
    {
        return m_rows.matches(row, words);
    }
    int rowOfId(const QString &id) const;
    int rowOfLabel(const QString &label) const;
    // Blocks of the row text and search text arenas (for tests of TextArena's block boundary).
    qsizetype textBlocks() const { return m_rows.textBlocks(); }
    qsizetype searchTextBlocks() const { return m_rows.searchTextBlocks(); }
    // Updates the SSO flag of one organization (after SSO was enabled or disabled, or when a
    // read made it unknown: nullopt).
    bool setSsoEnabled(const QString &id, std::optional<bool> enabled);
    // Replaces one organization's row with fresher data (same id), e.g. the organization as the
    // details fetched it; stores nothing when the name, label and creation time are unchanged.
    // False when the organization is not in the list.
    bool updateOrganization(const Organization &organization);

Q_SIGNALS:
    void stateChanged(keycard::OrganizationListModel::State state);
    // Rows arrived (one page, or during "Load all" a batch of pages); `more` tells whether the
    // server has further pages.
    void pageLoaded(int totalRows, bool more);
    void loadAllChanged(bool active);
    void errorOccurred(const keycard::ApiError &error);
    // The listing ended before the server's last page (see stopReason()); what was loaded stays.
    void pagingStopped(const QString &message);

private:
    QVariant columnValue(int row, int column) const;
    void clearRows();
    void resetPaging(); // cursor, stop reason and item counts of the listing
    void requestPage(int limit);
    void onPage(const OrganizationPage &page);
    // Inserts the rows held back (see setInsertInterval()); false when there were none.
    bool insertHeldRows();
    void setState(State state);
    void setLoadingAll(bool active);

    QPointer<KeycardClient> m_client;
    QPointer<PendingCall> m_call;
    OrganizationRows m_rows;
    int m_shown = 0; // rows inserted for views (rowCount()); the others are held back
    QElapsedTimer m_sinceInsert;
    int m_insertIntervalMs = 100;
    std::optional<QString> m_cursor;
    PageCursor m_pager;
    PagingStop m_stopReason = PagingStop::None;
    int m_incompleteItems = 0;
    int m_skippedItems = 0;
    bool m_hasMore = true;
    bool m_loadedOnce = false;
    bool m_replacing = false; // reload(): the next page replaces every row
    bool m_loadingAll = false;
    int m_pageSize = 100;
    int m_loadAllPageSize = 1000;
    int m_generation = 0;
    State m_state = State::Idle;
    ApiError m_lastError;
    QIcon m_ssoOn;
    QIcon m_ssoOff;
    QIcon m_ssoUnknown;
};

} // namespace keycard
