#include "OrganizationListModel.h"

#include "DisplayText.h"
#include "KeycardClient.h"
#include "Timestamps.h"

#include <QLocale>
#include <QTextDocument>
#include <QTimeZone>

#include <algorithm>
#include <string_view>
#include <utility>

namespace keycard {

namespace {

// A server value as a tooltip: shown literally (Qt would render one that looks like HTML).
QString plainToolTip(const QString &text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

qint64 toMSecs(const QDateTime &utc)
{
    return utc.isValid() ? utc.toMSecsSinceEpoch() : OrganizationRows::kNoTime;
}

} // namespace

OrganizationListModel::OrganizationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

OrganizationListModel::~OrganizationListModel()
{
    ++m_generation;
    if (m_call)
        m_call->abort();
}

void OrganizationListModel::clearRows()
{
    m_rows.clear();
    m_shown = 0;
    m_replacing = false;
    m_loadedOnce = false;
    m_lastError = {};
    resetPaging();
}

void OrganizationListModel::resetPaging()
{
    m_cursor.reset();
    m_pager = PageCursor();
    m_stopReason = PagingStop::None;
    m_incompleteItems = 0;
    m_skippedItems = 0;
}

void OrganizationListModel::setClient(KeycardClient *client)
{
    cancel();
    m_client = client;
    beginResetModel();
    clearRows();
    m_hasMore = false;
    endResetModel();
    m_hasMore = client != nullptr;
    setState(State::Idle);
}

void OrganizationListModel::setSsoIcons(const QIcon &on, const QIcon &off, const QIcon &unknown)
{
    m_ssoOn = on;
    m_ssoOff = off;
    m_ssoUnknown = unknown;
    if (m_shown > 0)
        Q_EMIT dataChanged(index(0, SsoColumn), index(m_shown - 1, SsoColumn),
                           {Qt::DecorationRole});
}

int OrganizationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int OrganizationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The plain value of a column: shown as is for text columns, sorted by for all of them.
QVariant OrganizationListModel::columnValue(int row, int column) const
{
    switch (column) {
    case NameColumn:
        return name(row);
    case LabelColumn:
        return label(row);
    case IdColumn:
        return id(row);
    case SsoColumn:
        // Sorts off < on < unknown (unknown last, whichever the order).
        return int(m_rows.sso(row));
    case CreatedColumn: {
        const qint64 created = m_rows.created(row);
        return created == OrganizationRows::kNoTime
                   ? QDateTime()
                   : QDateTime::fromMSecsSinceEpoch(created, QTimeZone::utc());
    }
    }
    return {};
}

QVariant OrganizationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const qint8 sso = m_rows.sso(row);
    const int column = index.column();
    switch (role) {
    case IdRole:
        return id(row);
    case LabelRole:
        return label(row);
    case SsoEnabledRole:
        return sso == 2 ? QVariant() : QVariant(sso == 1); // invalid: unknown
    case SortRole:
        return columnValue(row, column);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (column == SsoColumn)
            return sso == 2 ? tr("Unknown") : sso == 1 ? tr("On") : tr("Off");
        if (column == CreatedColumn)
            return localTimestamp(columnValue(row, column).toDateTime());
        // Server values: bidi and other format characters shown, not applied.
        return displayText(columnValue(row, column).toString());
    case Qt::DecorationRole:
        if (column == SsoColumn)
            return sso == 2 ? m_ssoUnknown : sso == 1 ? m_ssoOn : m_ssoOff;
        break;
    case Qt::ToolTipRole:
        if (column == CreatedColumn && m_rows.created(row) != OrganizationRows::kNoTime)
            return tr("%1 (UTC)").arg(formatTimestamp(columnValue(row, column).toDateTime()));
        if (column == SsoColumn)
            return sso == 2   ? tr("The server did not say whether single sign-on is enabled")
                   : sso == 1 ? tr("Single sign-on is enabled")
                              : tr("Single sign-on is not enabled");
        if (column != CreatedColumn) // the whole text when the column cuts it short
            return plainToolTip(displayText(columnValue(row, column).toString()));
        break;
    }
    return {};
}

QVariant OrganizationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LabelColumn:
        return tr("Label");
    case IdColumn:
        return tr("ID");
    case SsoColumn:
        return tr("SSO");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

bool OrganizationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_client && m_hasMore && m_state == State::Idle;
}

void OrganizationListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(m_pageSize);
}

void OrganizationListModel::reload()
{
    cancel();
    if (m_loadedOnce && m_client) {
        // Keep showing the rows loaded so far until the first page replaces them: a failed
        // refresh leaves them (isStale()) instead of an empty list.
        resetPaging();
        m_lastError = {};
        m_replacing = true;
        m_hasMore = false;
        setState(State::Idle);
        requestPage(m_pageSize);
        return;
    }
    beginResetModel();
    clearRows();
    m_hasMore = false; // views reacting to the reset must not start a fetch of their own
    endResetModel();
    m_hasMore = m_client != nullptr;
    setState(State::Idle);
    if (m_client)
        requestPage(m_pageSize);
}

void OrganizationListModel::loadAll()
{
    if (!m_client || !m_hasMore)
        return;
    setLoadingAll(true);
    if (m_state != State::Loading)
        requestPage(m_loadAllPageSize);
}

void OrganizationListModel::cancel()
{
    ++m_generation;
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    if (m_state == State::Loading)
        setState(State::Idle);
    if (insertHeldRows()) // what was loaded stays
        Q_EMIT pageLoaded(m_shown, m_hasMore);
    setLoadingAll(false);
}

void OrganizationListModel::retry()
{
    if (!m_client || m_state == State::Loading)
        return;
    m_lastError = {};
    setState(State::Idle);
    requestPage(m_loadingAll ? m_loadAllPageSize : m_pageSize);
}

QString OrganizationListModel::stopMessage() const
{
    return pagingStopMessage(m_stopReason, qint64(m_shown));
}

void OrganizationListModel::requestPage(int limit)
{
    if (!m_client)
        return;
    ListOrganizationsRequest request;
    request.limit = limit;
    request.after = m_cursor;
    const int generation = ++m_generation;
    if (m_call)
        m_call->abort(); // superseded; its callback sees an old generation
    setState(State::Loading);
    m_call = m_client->listOrganizations(
        request, this,
        [this, generation](const Result<OrganizationPage> &result) {
            if (generation != m_generation)
                return; // reloaded, cancelled or re-pointed meanwhile
            m_call = nullptr;
            if (!result.ok()) {
                if (result.error().kind == ApiError::Kind::Cancelled) {
                    setState(State::Idle);
                    return;
                }
                m_lastError = result.error();
                if (insertHeldRows())
                    Q_EMIT pageLoaded(m_shown, m_hasMore);
                setLoadingAll(false);
                setState(State::Error);
                Q_EMIT errorOccurred(m_lastError);
                return;
            }
            onPage(result.value());
        },
        {},
        [](OrganizationPage &page) {
            // On the decoding thread: the rows are made there, and the items freed there.
            page.prepared =
                std::make_shared<OrganizationRows>(OrganizationRows::fromItems(page.items));
            page.items = {};
        });
}

void OrganizationListModel::onPage(const OrganizationPage &page)
{
    const bool replacing = std::exchange(m_replacing, false);
    if (replacing) {
        beginResetModel();
        m_rows.clear();
        m_shown = 0;
    }
    m_lastError = {};
    // The page's rows, made on the decoding thread (see requestPage()). They are moved out of the
    // page: a page is delivered once, to this callback alone.
    const auto *prepared = std::any_cast<std::shared_ptr<OrganizationRows>>(&page.prepared);
    OrganizationRows rows =
        prepared && *prepared ? std::move(**prepared) : OrganizationRows::fromItems(page.items);
    std::optional<QString> next;
    const PagingStop stop = m_pager.advance(page.pageInfo, int(rows.size()), next);
    m_hasMore = stop == PagingStop::None;
    if (next)
        m_cursor = std::move(next);
    if (stop != PagingStop::None && stop != PagingStop::LastPage)
        m_stopReason = stop;
    m_incompleteItems += page.incompleteItems;
    m_skippedItems += page.skippedItems;
    m_loadedOnce = true;
    m_rows.append(std::move(rows));
    bool held = false;
    if (replacing) {
        m_shown = int(m_rows.size());
        endResetModel();
        m_sinceInsert.start();
    } else {
        // One insertion per page, or during "Load all" per batch of pages that came quickly.
        held = m_loadingAll && m_hasMore && m_sinceInsert.isValid() &&
               m_sinceInsert.elapsed() < m_insertIntervalMs;
        if (!held)
            insertHeldRows();
    }
    // While "Load all" goes on the state stays Loading from page to page (no busy flicker).
    if (!m_loadingAll || !m_hasMore)
        setState(State::Idle);
    if (!held)
        Q_EMIT pageLoaded(m_shown, m_hasMore);
    if (stop != PagingStop::None && stop != PagingStop::LastPage)
        Q_EMIT pagingStopped(stopMessage());
    // (Checked again: a slot may have cancelled or reloaded meanwhile. Asking for the next page
    // before inserting this one, to overlap the server's work with ours, left that request
    // unsent by QNetworkAccessManager in the bench: not done.)
    if (m_loadingAll && m_hasMore && m_state == State::Loading && !m_call)
        requestPage(m_loadAllPageSize);
    else if (m_loadingAll && !m_hasMore)
        setLoadingAll(false);
}

bool OrganizationListModel::insertHeldRows()
{
    const int total = int(m_rows.size());
    if (m_shown == total)
        return false;
    beginInsertRows({}, m_shown, total - 1);
    m_shown = total;
    endInsertRows();
    m_sinceInsert.start();
    return true;
}

void OrganizationListModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void OrganizationListModel::setLoadingAll(bool active)
{
    if (m_loadingAll == active)
        return;
    m_loadingAll = active;
    Q_EMIT loadAllChanged(active);
}

int OrganizationListModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_shown; ++row) {
        if (m_rows.text(row, OrganizationRows::Id) == id)
            return row;
    }
    return -1;
}

int OrganizationListModel::rowOfLabel(const QString &label) const
{
    for (int row = 0; row < m_shown; ++row) {
        if (m_rows.text(row, OrganizationRows::Label) == label)
            return row;
    }
    return -1;
}

bool OrganizationListModel::setSsoEnabled(const QString &id, std::optional<bool> enabled)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    const qint8 value = enabled ? qint8(*enabled) : qint8(2);
    if (m_rows.sso(row) == value)
        return true;
    m_rows.setSso(row, value);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool OrganizationListModel::updateOrganization(const Organization &organization)
{
    const int row = rowOfId(organization.id);
    if (row < 0)
        return false;
    if (name(row) == organization.name && label(row) == organization.label &&
        m_rows.created(row) == toMSecs(organization.createdAt))
        return true; // what the columns show is unchanged: nothing to store
    // The old strings stay in the arenas (only when a row's text really changed).
    const qint8 sso = m_rows.sso(row);
    m_rows.replace(row, organization);
    if (!organization.ssoEnabled)
        m_rows.setSso(row, sso); // not in this answer: what the list knew stands
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

} // namespace keycard
