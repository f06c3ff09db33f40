#include "OrganizationListModel.h"

#include "KeycardClient.h"

#include <QLocale>

#include <utility>

namespace keycard {

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

void OrganizationListModel::setClient(KeycardClient *client)
{
    cancel();
    m_client = client;
    beginResetModel();
    m_rows.clear();
    m_search.clear();
    m_cursor.reset();
    m_hasMore = false;
    m_loadedOnce = false;
    m_replacing = false;
    m_lastError = {};
    endResetModel();
    m_hasMore = client != nullptr;
    setState(State::Idle);
}

void OrganizationListModel::setSsoIcons(const QIcon &on, const QIcon &off, const QIcon &unknown)
{
    m_ssoOn = on;
    m_ssoOff = off;
    m_ssoUnknown = unknown;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SsoColumn), index(int(m_rows.size()) - 1, SsoColumn),
                           {Qt::DecorationRole});
}

int OrganizationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrganizationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString searchKey(const Organization &org)
{
    return (org.name + QLatin1Char('\n') + org.label + QLatin1Char('\n') + org.id).toCaseFolded();
}

static QString localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

// The plain value of a column: shown as is for text columns, sorted by for all of them.
static QVariant columnValue(const Organization &org, int column)
{
    switch (column) {
    case OrganizationListModel::NameColumn:
        return org.name;
    case OrganizationListModel::LabelColumn:
        return org.label;
    case OrganizationListModel::IdColumn:
        return org.id;
    case OrganizationListModel::SsoColumn:
        // Sorts off < on < unknown (unknown last, whichever the order).
        return org.ssoEnabled ? int(*org.ssoEnabled) : 2;
    case OrganizationListModel::CreatedColumn:
        return org.createdAt;
    }
    return {};
}

QVariant OrganizationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Organization &org = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case IdRole:
        return org.id;
    case LabelRole:
        return org.label;
    case SsoEnabledRole:
        return org.ssoEnabled ? QVariant(*org.ssoEnabled) : QVariant(); // invalid: unknown
    case SortRole:
        return columnValue(org, column);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (column == SsoColumn)
            return !org.ssoEnabled ? tr("Unknown") : *org.ssoEnabled ? tr("On") : tr("Off");
        if (column == CreatedColumn)
            return localTime(org.createdAt);
        return columnValue(org, column);
    case Qt::DecorationRole:
        if (column == SsoColumn)
            return !org.ssoEnabled ? m_ssoUnknown : *org.ssoEnabled ? m_ssoOn : m_ssoOff;
        break;
    case Qt::ToolTipRole:
        if (column == CreatedColumn && org.createdAt.isValid())
            return tr("%1 (UTC)").arg(formatTimestamp(org.createdAt));
        if (column == SsoColumn)
            return !org.ssoEnabled ? tr("The server did not say whether single sign-on is enabled")
                   : *org.ssoEnabled ? tr("Single sign-on is enabled")
                                     : tr("Single sign-on is not enabled");
        if (column != CreatedColumn)
            return columnValue(org, column); // the whole text when the column cuts it short
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
    m_cursor.reset();
    m_lastError = {};
    if (m_loadedOnce && m_client) {
        // Keep showing the rows loaded so far until the first page replaces them: a failed
        // refresh leaves them (isStale()) instead of an empty list.
        m_replacing = true;
        m_hasMore = false;
        setState(State::Idle);
        requestPage(m_pageSize);
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_search.clear();
    m_hasMore = false; // views reacting to the reset must not start a fetch of their own
    m_loadedOnce = false;
    m_replacing = false;
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
    setLoadingAll(false);
    if (m_state == State::Loading)
        setState(State::Idle);
}

void OrganizationListModel::retry()
{
    if (!m_client || m_state == State::Loading)
        return;
    m_lastError = {};
    setState(State::Idle);
    requestPage(m_loadingAll ? m_loadAllPageSize : m_pageSize);
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
        request, this, [this, generation](const Result<OrganizationPage> &result) {
            if (generation != m_generation)
                return; // reloaded, cancelled or re-pointed meanwhile
            m_call = nullptr;
            if (!result.ok()) {
                if (result.error().kind == ApiError::Kind::Cancelled) {
                    setState(State::Idle);
                    return;
                }
                m_lastError = result.error();
                setLoadingAll(false);
                setState(State::Error);
                Q_EMIT errorOccurred(m_lastError);
                return;
            }
            const OrganizationPage &page = result.value();
            m_lastError = {};
            m_hasMore = page.pageInfo.hasNextPage && page.pageInfo.endCursor.has_value();
            if (page.pageInfo.endCursor)
                m_cursor = page.pageInfo.endCursor;
            m_loadedOnce = true;
            if (std::exchange(m_replacing, false)) {
                beginResetModel();
                m_rows.clear();
                m_search.clear();
                m_rows.append(page.items);
                for (const Organization &org : page.items)
                    m_search.append(searchKey(org));
                endResetModel();
            } else if (!page.items.isEmpty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page.items.size()) - 1);
                m_rows.append(page.items);
                for (const Organization &org : page.items)
                    m_search.append(searchKey(org));
                endInsertRows();
            }
            setState(State::Idle);
            Q_EMIT pageLoaded(int(m_rows.size()), m_hasMore);
            if (m_loadingAll) {
                if (m_hasMore)
                    requestPage(m_loadAllPageSize);
                else
                    setLoadingAll(false);
            }
        });
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
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

bool OrganizationListModel::setSsoEnabled(const QString &id, bool enabled)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    Organization &org = m_rows[row];
    if (org.ssoEnabled == enabled)
        return true;
    org.ssoEnabled = enabled;
    org.raw.insert(QStringLiteral("sso_enabled"), enabled);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool OrganizationListModel::updateOrganization(const Organization &organization)
{
    const int row = rowOfId(organization.id);
    if (row < 0)
        return false;
    m_rows[row] = organization;
    m_search[row] = searchKey(organization);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

} // namespace keycard
