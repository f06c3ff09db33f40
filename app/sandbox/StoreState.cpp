// Store persistence: the state file holds, per changed organization, its updated_at, its
// permissions override and its SSO connection, and, when its members or invitations changed,
// how its members differ from the seed ("members": removed ids, changed and added members; the
// seed itself, demo or --org-members, is made again at start) and its invitations in full. Neither
// the client secret nor anything derived from it is written: only client_secret_set. (Files written
// by earlier versions carried an unsalted SHA-256 of the secret; it is dropped when such a file is
// loaded, and gone from the file at the next save.)
#include "Store.h"

#include "Models.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace keycard::sandbox {

namespace {

// 2: members and invitations. Version 1 files (without them) still load.
constexpr int kFormatVersion = 2;
constexpr int kOldestFormatVersion = 1;
const QString kVersion = QStringLiteral("version");
const QString kOrganizations = QStringLiteral("organizations");
const QString kId = QStringLiteral("id");
const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kPermissions = QStringLiteral("permissions");
const QString kConnection = QStringLiteral("sso_connection");
const QString kLegacySecretHash = QStringLiteral("client_secret_sha256");
const QString kMembers = QStringLiteral("members");
const QString kRemoved = QStringLiteral("removed");
const QString kEdited = QStringLiteral("changed");
const QString kAdded = QStringLiteral("added");
const QString kInvitations = QStringLiteral("invitations");
const QString kEmail = QStringLiteral("email");
const QString kRole = QStringLiteral("role");
const QString kStatus = QStringLiteral("status");
const QString kSource = QStringLiteral("source");
const QString kCreatedBy = QStringLiteral("created_by");
const QString kExpiresAt = QStringLiteral("expires_at");
const QString kCreatedAt = QStringLiteral("created_at");

// A member as the state file holds it: its fields, never the raw object a test served instead.
QJsonObject memberState(const Store::Member &m)
{
    QJsonObject o{{kId, m.id},
                  {kRole, m.role},
                  {kStatus, m.status},
                  {kSource, m.source},
                  {kCreatedAt, formatTimestamp(m.createdAt)},
                  {kUpdatedAt, formatTimestamp(m.updatedAt)}};
    if (!m.email.isEmpty())
        o.insert(kEmail, m.email);
    return o;
}

// nullopt when a member is not whole (no id, role, status or source, or a bad timestamp): such
// an entry is skipped, as an organization this run does not have is.
std::optional<Store::Member> memberFromState(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    Store::Member m;
    m.id = o.value(kId).toString();
    m.email = o.value(kEmail).toString();
    m.role = o.value(kRole).toString();
    m.status = o.value(kStatus).toString();
    m.source = o.value(kSource).toString();
    m.createdAt = decode::timestamp(o.value(kCreatedAt).toString());
    m.updatedAt = decode::timestamp(o.value(kUpdatedAt).toString());
    if (m.id.isEmpty() || m.role.isEmpty() || m.status.isEmpty() || m.source.isEmpty() ||
        !m.createdAt.isValid() || !m.updatedAt.isValid())
        return std::nullopt;
    return m;
}

QJsonObject invitationState(const Store::Invitation &inv)
{
    return QJsonObject{{kId, inv.id},
                       {kEmail, inv.email},
                       {kRole, inv.role},
                       {kStatus, inv.status},
                       {kCreatedBy, inv.createdBy},
                       {kExpiresAt, formatTimestamp(inv.expiresAt)},
                       {kCreatedAt, formatTimestamp(inv.createdAt)},
                       {kUpdatedAt, formatTimestamp(inv.updatedAt)}};
}

std::optional<Store::Invitation> invitationFromState(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    Store::Invitation inv;
    inv.id = o.value(kId).toString();
    inv.email = o.value(kEmail).toString();
    inv.role = o.value(kRole).toString();
    inv.status = o.value(kStatus).toString();
    inv.createdBy = o.value(kCreatedBy).toString();
    inv.expiresAt = decode::timestamp(o.value(kExpiresAt).toString());
    inv.createdAt = decode::timestamp(o.value(kCreatedAt).toString());
    inv.updatedAt = decode::timestamp(o.value(kUpdatedAt).toString());
    if (inv.id.isEmpty() || inv.email.isEmpty() || inv.role.isEmpty() || inv.status.isEmpty() ||
        !inv.expiresAt.isValid() || !inv.createdAt.isValid() || !inv.updatedAt.isValid())
        return std::nullopt;
    return inv;
}

} // namespace

void Store::loadMembers(int index, const QJsonObject &entry)
{
    Organization &org = m_orgs[index];
    if (const QJsonValue members = entry.value(kMembers); members.isObject()) {
        const QJsonObject delta = members.toObject();
        QHash<QString, qsizetype> positions;
        positions.reserve(org.members.size());
        for (qsizetype i = 0; i < org.members.size(); ++i) {
            if (org.members.at(i).seeded)
                positions.insert(org.members.at(i).id, i);
        }
        for (const QJsonValue &value : delta.value(kEdited).toArray()) {
            const std::optional<Member> m = memberFromState(value);
            const qsizetype at = m ? positions.value(m->id, -1) : -1;
            if (at < 0)
                continue; // not in this run's seed (e.g. fewer --org-members)
            Member &target = org.members[at];
            target.email = m->email;
            target.role = m->role;
            target.status = m->status;
            target.source = m->source;
            target.createdAt = m->createdAt;
            target.updatedAt = m->updatedAt;
            target.edited = true;
            if (target.raw) {
                target.raw->insert(kRole, target.role);
                target.raw->insert(kStatus, target.status);
                target.raw->insert(kSource, target.source);
                target.raw->insert(kUpdatedAt, formatTimestamp(target.updatedAt));
            }
        }
        QSet<QString> removed;
        for (const QJsonValue &value : delta.value(kRemoved).toArray()) {
            const QString id = value.toString();
            if (positions.contains(id) && !removed.contains(id)) {
                removed.insert(id);
                org.removedSeeded.append(id);
            }
        }
        if (!removed.isEmpty()) {
            org.members.removeIf(
                [&](const Member &m) { return m.seeded && removed.contains(m.id); });
        }
        QSet<QString> ids;
        for (const Member &m : std::as_const(org.members))
            ids.insert(m.id);
        for (const QJsonValue &value : delta.value(kAdded).toArray()) {
            std::optional<Member> m = memberFromState(value);
            if (!m || ids.contains(m->id))
                continue;
            ids.insert(m->id);
            org.members.append(std::move(*m));
        }
        m_membersChanged.insert(index);
    }
    if (const QJsonValue invitations = entry.value(kInvitations); invitations.isArray()) {
        org.invitations.clear();
        for (const QJsonValue &value : invitations.toArray()) {
            if (std::optional<Invitation> inv = invitationFromState(value))
                org.invitations.append(std::move(*inv));
        }
        m_membersChanged.insert(index);
    }
}

bool Store::save(const QString &path, QString &error) const
{
    QSet<int> all = m_changed;
    all.unite(m_membersChanged);
    QList<int> changed(all.cbegin(), all.cend());
    std::sort(changed.begin(), changed.end());
    QJsonArray organizations;
    for (const int index : std::as_const(changed)) {
        const Organization &org = m_orgs.at(index);
        QJsonObject entry{{kId, org.id}};
        if (m_changed.contains(index)) {
            entry.insert(kUpdatedAt, formatTimestamp(org.updatedAt));
            if (org.permissions)
                entry.insert(kPermissions, *org.permissions);
            if (org.connection) {
                entry.insert(kConnection, org.connection->json);
            } else {
                entry.insert(kConnection, QJsonValue::Null);
            }
        }
        if (m_membersChanged.contains(index)) {
            // Only the difference from the seed: 100,000 --org-members members are made again
            // at start rather than written (and rewritten after every change).
            QJsonArray edited;
            QJsonArray added;
            for (const Member &m : org.members) {
                if (!m.seeded)
                    added.append(memberState(m));
                else if (m.edited)
                    edited.append(memberState(m));
            }
            entry.insert(kMembers,
                         QJsonObject{{kRemoved, QJsonArray::fromStringList(org.removedSeeded)},
                                     {kEdited, edited},
                                     {kAdded, added}});
            QJsonArray invitations;
            for (const Invitation &inv : org.invitations)
                invitations.append(invitationState(inv));
            entry.insert(kInvitations, invitations);
        }
        organizations.append(entry);
    }
    const QJsonObject root{{kVersion, kFormatVersion}, {kOrganizations, organizations}};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        error = file.errorString();
        return false;
    }
    return true;
}

bool Store::load(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        error = parseError.error != QJsonParseError::NoError
                    ? parseError.errorString()
                    : QCoreApplication::translate("SandboxServer", "not a JSON object");
        return false;
    }
    const QJsonObject root = document.object();
    const int version = root.value(kVersion).toInt();
    if (version < kOldestFormatVersion || version > kFormatVersion) {
        error = QCoreApplication::translate("SandboxServer", "unsupported state file version");
        return false;
    }
    const QJsonArray organizations = root.value(kOrganizations).toArray();
    for (const QJsonValue &value : organizations) {
        const QJsonObject entry = value.toObject();
        const int index = m_byId.value(entry.value(kId).toString(), -1);
        if (index < 0)
            continue; // an organization this run does not have (e.g. fewer --orgs)
        loadMembers(index, entry);
        if (!entry.contains(kUpdatedAt) && !entry.contains(kConnection) &&
            !entry.contains(kPermissions))
            continue; // only its members or invitations changed
        Organization &org = m_orgs[index];
        const QDateTime updatedAt = decode::timestamp(entry.value(kUpdatedAt).toString());
        if (updatedAt.isValid())
            org.updatedAt = updatedAt;
        if (entry.value(kPermissions).isObject())
            org.permissions = entry.value(kPermissions).toObject();
        const bool hadConnection = org.connection.has_value();
        const QJsonValue connectionValue = entry.value(kConnection);
        if (connectionValue.isObject()) {
            QJsonObject json = connectionValue.toObject();
            Connection connection;
            const bool legacyHash = !json.take(kLegacySecretHash).toString().isEmpty();
            const QString secretSet = QStringLiteral("client_secret_set");
            json.insert(secretSet, json.value(secretSet).toBool() || legacyHash);
            connection.json = json;
            org.connection = std::move(connection);
        } else if (connectionValue.isNull()) {
            org.connection.reset();
        }
        m_connectionCount += int(org.connection.has_value()) - int(hadConnection);
        m_changed.insert(index);
        if (index < m_bytes.size())
            m_bytes[index].clear();
    }
    return true;
}

} // namespace keycard::sandbox
