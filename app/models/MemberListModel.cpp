#include "MemberListModel.h"

#include "DisplayText.h"
#include "KeycardClient.h"
#include "SearchKey.h"

#include <string_view>

namespace keycard {

MemberListModel::MemberListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

MemberListModel::~MemberListModel()
{
    ++m_generation; // what an aborted call reports is not this model's business any more
    if (m_call)
        m_call->abort();
}

void MemberListModel::setClient(KeycardClient *client)
{
    m_client = client;
    clear();
}

void MemberListModel::clear()
{
    ++m_generation;
    if (m_call)
        m_call->abort();
    replaceRows();
    m_state = State::Idle;
    m_error = {};
    Q_EMIT summaryChanged();
    Q_EMIT stateChanged();
}

void MemberListModel::load(const QString &organizationId, const QString &ssoIssuer)
{
    const QString id = organizationId;
    clear();
    m_organizationId = id;
    m_ssoIssuer = ssoIssuer;
    reload();
}

void MemberListModel::reload()
{
    const QString id = m_organizationId;
    const QString issuer = m_ssoIssuer;
    clear();
    m_organizationId = id;
    m_ssoIssuer = issuer;
    read();
}

void MemberListModel::refresh()
{
    if (m_rows.isEmpty() || m_state == State::Loading) {
        reload();
        return;
    }
    // The rows read last stay until the server's first page replaces them: a refresh that
    // fails keeps them (stale() says so) instead of leaving an empty list.
    ++m_generation;
    if (m_call)
        m_call->abort();
    m_replaceOnFirstPage = true;
    read();
}

void MemberListModel::read()
{
    const QString id = m_organizationId;
    if (!m_client || id.isEmpty())
        return;
    m_state = State::Loading;
    m_error = {};
    Q_EMIT stateChanged();
    ListMembersRequest first;
    first.limit = m_pageSize;
    first.expandPermissions = true;
    const quint64 generation = m_generation;
    m_call = m_client->listAllMembers(
        id, first, this,
        [this, generation](const MemberPage &page) {
            if (generation == m_generation)
                addPage(page);
        },
        [this, generation](const Result<ListAllMembersOutcome> &result) {
            if (generation != m_generation)
                return;
            if (result.ok() && m_replaceOnFirstPage)
                replaceRows(); // an empty organization: no page had items
            if (result.ok()) {
                m_state = State::Loaded;
                m_incomplete = result.value().incompleteReasons();
            } else {
                m_error = result.error();
                m_state = State::Error;
                if (m_error.kind == ApiError::Kind::Cancelled)
                    m_state = State::Idle;
            }
            Q_EMIT stateChanged();
            Q_EMIT summaryChanged();
        });
}

// Drops the rows and everything counted or found from them (not the state of the read).
void MemberListModel::replaceRows()
{
    m_replaceOnFirstPage = false;
    beginResetModel();
    m_rows.clear();
    m_search.clear();
    m_rests.clear();
    m_restIndex.clear();
    m_restMatches.clear();
    m_index.clear();
    endResetModel();
    m_permissions.reset();
    m_incomplete.clear();
    m_summary = {};
}

void MemberListModel::addPage(const MemberPage &page)
{
    if (m_replaceOnFirstPage)
        replaceRows();
    if (!m_permissions && page.permissions)
        m_permissions = page.permissions;
    if (page.items.isEmpty())
        return;
    const int first = int(m_rows.size());
    m_search.reserve(m_search.size() + size_t(page.items.size()));
    beginInsertRows({}, first, first + int(page.items.size()) - 1);
    for (const OrganizationUser &m : page.items) {
        m_index.insert(m.id, int(m_rows.size()));
        m_rows.append(keptRow(m));
        m_search.push_back(searchRow(m));
        count(m, +1);
    }
    endInsertRows();
    Q_EMIT summaryChanged();
}

void MemberListModel::count(const OrganizationUser &m, int sign)
{
    m_summary.members += sign;
    switch (signInVia(m.source, m_ssoIssuer)) {
    case SignInVia::Sso:
        m_summary.viaSso += sign;
        break;
    case SignInVia::Keycard:
        m_summary.viaKeycard += sign;
        break;
    case SignInVia::Other:
    case SignInVia::Unknown:
        m_summary.viaOther += sign;
        break;
    }
    if (m.isAdmin() && m.isActive()) {
        m_summary.activeAdmins += sign;
        if (m_ssoIssuer.isEmpty() || m.source != m_ssoIssuer)
            m_summary.emergencyAdmins += sign;
    }
}

void MemberListModel::recount()
{
    m_summary = {};
    for (const OrganizationUser &m : std::as_const(m_rows))
        count(m, +1);
    Q_EMIT summaryChanged();
}

const OrganizationUser *MemberListModel::member(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int MemberListModel::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

void MemberListModel::upsert(const OrganizationUser &member)
{
    const int row = rowOf(member.id);
    if (row < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_index.insert(member.id, int(m_rows.size()));
        m_rows.append(keptRow(member));
        m_search.push_back(searchRow(member));
        endInsertRows();
    } else {
        m_rows[row] = keptRow(member);
        m_search[size_t(row)] = searchRow(member);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    recount();
}

void MemberListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_search.erase(m_search.begin() + row);
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).id, i);
    endRemoveRows();
    recount();
}

OrganizationUser MemberListModel::keptRow(const OrganizationUser &member)
{
    // Neither the object as received nor the member's own permissions is shown or used (the
    // list-level permissions are): kept, they were most of 100,000 members' memory.
    OrganizationUser row = member;
    row.raw = QJsonObject();
    row.permissions.reset();
    return row;
}

QString MemberListModel::filterText(const OrganizationUser &m) const
{
    const QString email = m.email ? displayText(*m.email) : QString();
    return QString(email + filterRest(m));
}

QString MemberListModel::filterRest(const OrganizationUser &m) const
{
    return QString(QLatin1Char(' ') + roleText(m.role) + QLatin1Char(' ') + m.role +
                   QLatin1Char(' ') + statusText(m.status) + QLatin1Char(' ') +
                   signInViaText(m.source, m_ssoIssuer) + QLatin1Char(' ') + m.source);
}

MemberListModel::SearchRow MemberListModel::searchRow(const OrganizationUser &m)
{
    SearchRow row;
    if (m.email)
        search::appendFolded(row.email, displayText(*m.email));
    row.email.shrink_to_fit();
    std::string rest;
    search::appendFolded(rest, filterRest(m));
    const auto [it, added] = m_restIndex.try_emplace(std::move(rest), int(m_rests.size()));
    if (added)
        m_rests.push_back(it->first);
    row.rest = it->second;
    return row;
}

bool MemberListModel::matches(int row, const QByteArray &needle) const
{
    if (row < 0 || size_t(row) >= m_search.size())
        return false;
    const SearchRow &r = m_search[size_t(row)];
    const std::string_view text(needle.constData(), size_t(needle.size()));
    // Once per filter (the caller passes the same array for every row): the rests' verdicts.
    if ((!needle.isSharedWith(m_restNeedle) && needle != m_restNeedle) ||
        m_restMatches.size() != m_rests.size()) {
        m_restMatches.resize(m_rests.size());
        for (size_t i = 0; i < m_rests.size(); ++i)
            m_restMatches[i] = m_rests[i].find(text) != std::string::npos;
        m_restNeedle = needle;
        m_restNeedleSpans = text.find(' ') != std::string_view::npos;
    }
    if (m_restNeedleSpans) // may span the email and the rest
        return (r.email + m_rests[size_t(r.rest)]).find(text) != std::string::npos;
    // (string_view::find, memchr then a compare: glibc's memmem was 3 to 4 times slower here.)
    return m_restMatches[size_t(r.rest)] ||
           std::string_view(r.email).find(text) != std::string_view::npos;
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MemberListModel::roleText(const QString &role)
{
    if (role == QLatin1String(member::kAdmin))
        return tr("Administrator");
    if (role == QLatin1String(member::kMember))
        return tr("Member");
    if (role == QLatin1String(member::kViewer))
        return tr("Viewer");
    if (role.isEmpty())
        return tr("Unknown");
    return displayText(role); // a role this version does not know, as the server wrote it
}

QString MemberListModel::statusText(const QString &status)
{
    if (status == QLatin1String(member::kActive))
        return tr("Active");
    if (status == QLatin1String(member::kDisabled))
        return tr("Disabled");
    if (status.isEmpty())
        return tr("Unknown");
    return displayText(status);
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    const OrganizationUser *m = member(index.row());
    if (!m || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case EmailColumn: {
            const QString email = m->email ? displayText(*m->email) : QString();
            if (email.isEmpty())
                return role == SortRole ? QString() : tr("(no email) %1").arg(displayText(m->id));
            return email.size() > 120 ? QString(email.left(59) + QChar(0x2026) + email.right(60))
                                      : email;
        }
        case RoleColumn:
            return roleText(m->role);
        case SignInColumn:
            return signInViaText(m->source, m_ssoIssuer);
        case StatusColumn:
            return statusText(m->status);
        case JoinedColumn:
            if (role == SortRole)
                return m->createdAt;
            return m->createdAt.isValid()
                       ? m->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))
                       : tr("Unknown");
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case EmailColumn:
            return QString(displayText(m->email.value_or(QString())) + QLatin1Char('\n') +
                           tr("Id: %1").arg(displayText(m->id)));
        case SignInColumn:
            if (m->source.isEmpty())
                return tr("The server did not say");
            if (signInVia(m->source, m_ssoIssuer) == SignInVia::Sso)
                return tr("This organization's SSO connection: %1").arg(displayText(m->source));
            return displayText(m->source);
        case RoleColumn:
        case StatusColumn:
            return tr("As the server wrote it: %1")
                .arg(displayText(index.column() == RoleColumn ? m->role : m->status));
        case JoinedColumn:
            return m->createdAt.isValid()
                       ? QString(m->createdAt.toUTC().toString(Qt::ISODateWithMs) + tr(" (UTC)"))
                       : QString();
        }
        return {};
    case IdRole:
        return m->id;
    case AdminRole:
        return m->isAdmin() && m->isActive();
    case FilterRole:
        return filterText(*m).toLower();
    default:
        return {};
    }
}

QVariant MemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EmailColumn:
        return tr("Email");
    case RoleColumn:
        return tr("Role");
    case SignInColumn:
        return tr("Signs in through");
    case StatusColumn:
        return tr("Status");
    case JoinedColumn:
        return tr("Joined");
    }
    return {};
}

} // namespace keycard
