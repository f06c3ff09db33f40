// Store: the members and invitations of each organization. Every change is tracked against the
// seed (markSeeded()) for the state file (StoreState.cpp; see docs/api.md).
#include "Store.h"

#include "Models.h"

namespace keycard::sandbox {

namespace {

const QString kId = QStringLiteral("id");
const QString kEmail = QStringLiteral("email");
const QString kRole = QStringLiteral("role");
const QString kStatus = QStringLiteral("status");
const QString kSource = QStringLiteral("source");
const QString kCreatedAt = QStringLiteral("created_at");
const QString kUpdatedAt = QStringLiteral("updated_at");

QDateTime laterThan(const QDateTime &previous)
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (previous.isValid() && now <= previous)
        now = previous.addMSecs(1);
    return now;
}

} // namespace

bool Store::allows(int index, const QString &resource, const QString &permission) const
{
    return permissions(index).value(resource).toObject().value(permission).toBool(false);
}

int Store::memberIndex(int index, const QString &id, int hint) const
{
    const QList<Member> &list = m_orgs.at(index).members;
    if (hint >= 0 && hint < list.size() && list.at(hint).id == id)
        return hint;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).id == id)
            return int(i);
    }
    return -1;
}

int Store::memberByEmail(int index, const QString &email) const
{
    const QList<Member> &list = m_orgs.at(index).members;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).raw && list.at(i).email.compare(email, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

QJsonObject Store::memberJson(int index, int member) const
{
    const Member &m = m_orgs.at(index).members.at(member);
    if (m.raw)
        return *m.raw;
    QJsonObject o{
        {kId, m.id},
        {kRole, m.role},
        {kStatus, m.status},
        {kSource, m.source},
        {kCreatedAt, formatTimestamp(m.createdAt)},
        {kUpdatedAt, formatTimestamp(m.updatedAt)},
    };
    if (!m.email.isEmpty())
        o.insert(kEmail, m.email);
    return o;
}

void Store::addMember(int index, Member member)
{
    m_orgs[index].members.append(std::move(member));
    m_membersChanged.insert(index);
}

bool Store::updateMember(int index, int member, const std::optional<QString> &role,
                         const std::optional<QString> &status, const std::optional<QString> &source)
{
    Member &m = m_orgs[index].members[member];
    bool changed = false;
    const auto set = [&](QString &field, const QString &key, const std::optional<QString> &v) {
        if (!v || field == *v)
            return;
        field = *v;
        if (m.raw)
            m.raw->insert(key, *v);
        changed = true;
    };
    set(m.role, kRole, role);
    set(m.status, kStatus, status);
    set(m.source, kSource, source);
    if (changed) {
        m.updatedAt = laterThan(m.updatedAt);
        if (m.raw)
            m.raw->insert(kUpdatedAt, formatTimestamp(m.updatedAt));
        m.edited = m.seeded;
        m_membersChanged.insert(index);
    }
    return changed;
}

void Store::removeMember(int index, int member)
{
    Organization &org = m_orgs[index];
    if (org.members.at(member).seeded)
        org.removedSeeded.append(org.members.at(member).id);
    org.members.removeAt(member);
    m_membersChanged.insert(index);
}

int Store::invitationIndex(int index, const QString &id) const
{
    const QList<Invitation> &list = m_orgs.at(index).invitations;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).id == id)
            return int(i);
    }
    return -1;
}

QJsonObject Store::invitationJson(int index, int invitation) const
{
    const Invitation &inv = m_orgs.at(index).invitations.at(invitation);
    // A pending invitation past its expiry is reported as expired.
    const bool expired =
        inv.status == QLatin1String("pending") && inv.expiresAt < QDateTime::currentDateTimeUtc();
    return QJsonObject{
        {kId, inv.id},
        {QStringLiteral("organization_id"), m_orgs.at(index).id},
        {kEmail, inv.email},
        {kRole, inv.role},
        {kStatus, expired ? QStringLiteral("expired") : inv.status},
        {QStringLiteral("created_by"), inv.createdBy},
        {QStringLiteral("expires_at"), formatTimestamp(inv.expiresAt)},
        {kCreatedAt, formatTimestamp(inv.createdAt)},
        {kUpdatedAt, formatTimestamp(inv.updatedAt)},
    };
}

int Store::addInvitation(int index, const QString &email, const QString &role,
                         const QString &createdBy)
{
    Invitation inv;
    inv.id = newId();
    inv.email = email;
    inv.role = role;
    inv.status = QStringLiteral("pending");
    inv.createdBy = createdBy;
    inv.createdAt = QDateTime::currentDateTimeUtc();
    inv.updatedAt = inv.createdAt;
    inv.expiresAt = inv.createdAt.addDays(7);
    m_orgs[index].invitations.append(inv);
    m_membersChanged.insert(index);
    return int(m_orgs.at(index).invitations.size() - 1);
}

void Store::setInvitationStatus(int index, int invitation, const QString &status)
{
    Invitation &inv = m_orgs[index].invitations[invitation];
    inv.status = status;
    inv.updatedAt = laterThan(inv.updatedAt);
    m_membersChanged.insert(index);
}

void Store::markSeeded()
{
    for (Organization &org : m_orgs) {
        for (Member &m : org.members) {
            m.seeded = true;
            m.edited = false;
        }
        org.removedSeeded.clear();
    }
    m_membersChanged.clear();
}

} // namespace keycard::sandbox
