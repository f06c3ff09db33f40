#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace keycard::sandbox {

// The sandbox's data: organizations in list order with O(1) lookup by id and label, their SSO
// connections and permissions, and persistence to an optional state file. No HTTP here.
class Store
{
public:
    struct Connection
    {
        // The connection as returned by the API, without permissions and without any secret:
        // id, identifier, client_id, client_secret_set, created_at, updated_at, protocols and
        // whatever extra members the seed gave it (login_url, ...). Whether a client secret is
        // set is its client_secret_set: the secret itself, or any derivative of it (a hash),
        // is never kept, not even in memory.
        QJsonObject json;
    };

    // A member of an organization (CONTRACT.md, OrganizationUser).
    struct Member
    {
        QString id;
        QString email; // empty: served without "email"
        QString role;
        QString status;
        QString source; // the issuer the member signs in through
        QDateTime createdAt;
        QDateTime updatedAt;
        // Served exactly as this object instead (tests: what a careless server sends);
        // updates then change only its role/status members. Not written to the state file
        // (the member is saved from the fields above).
        std::optional<QJsonObject> raw;
        bool seeded = false; // made by the seed, which a restart makes again (markSeeded())
        bool edited = false; // a seeded member changed since (the state file holds it)
    };

    struct Invitation
    {
        QString id;
        QString email;
        QString role;
        QString status; // pending, accepted, expired, revoked
        QString createdBy;
        QDateTime expiresAt;
        QDateTime createdAt;
        QDateTime updatedAt;
    };

    struct Organization
    {
        QString id;
        QString name;
        QString label;
        QDateTime createdAt;
        QDateTime updatedAt;
        std::optional<QJsonObject> permissions; // nullopt: every permission granted
        std::optional<Connection> connection;
        QList<Member> members;         // in list order (oldest first)
        QList<Invitation> invitations; // in list order
        QStringList removedSeeded;     // ids of seeded members removed since (the state file)
    };

    Store();

    // --- organizations -------------------------------------------------------------------
    int size() const { return int(m_orgs.size()); }
    const Organization &at(int index) const { return m_orgs.at(index); }
    // -1 when no organization has this id or label.
    int indexOf(const QString &idOrLabel) const;
    // Appends; returns false when the id or label is already taken.
    bool append(Organization org);

    // The organization as the API returns it (without permissions).
    QJsonObject organizationJson(int index) const;
    // organizationJson() as compact JSON text, kept from one call to the next until the
    // organization changes: a list page is these joined, not 1,000 objects serialized again.
    // Not thread-safe (the cache is filled on first use): call it on the server's thread only.
    const QByteArray &organizationBytes(int index) const;
    // Permissions reported for (and enforced on) the organization.
    QJsonObject permissions(int index) const;
    // Permissions of the organization's SSO connection, derived from the organization's.
    QJsonObject connectionPermissions(int index) const;
    bool mayUpdate(int index) const;
    void setPermissions(int index, const QJsonObject &permissions);

    // --- members and invitations (StoreMembers.cpp) ---------------------------------------
    // Whether the organization's permissions grant `resource`.`permission` ("users",
    // "update"); a permission they do not name is denied.
    bool allows(int index, const QString &resource, const QString &permission) const;
    const QList<Member> &members(int index) const { return m_orgs.at(index).members; }
    // -1 when the organization has no member with this id. `hint`: where to look first (the
    // position a page cursor carries), so paging through 100,000 members stays linear.
    int memberIndex(int index, const QString &id, int hint = -1) const;
    // The member with this email (exact match), or -1.
    int memberByEmail(int index, const QString &email) const;
    QJsonObject memberJson(int index, int member) const;
    void addMember(int index, Member member);
    // Sets the given fields (role, status, source); returns whether anything changed.
    bool updateMember(int index, int member, const std::optional<QString> &role,
                      const std::optional<QString> &status,
                      const std::optional<QString> &source = std::nullopt);
    void removeMember(int index, int member);
    const QList<Invitation> &invitations(int index) const { return m_orgs.at(index).invitations; }
    int invitationIndex(int index, const QString &id) const;
    QJsonObject invitationJson(int index, int invitation) const;
    // A pending invitation valid for 7 days; returns its position.
    int addInvitation(int index, const QString &email, const QString &role,
                      const QString &createdBy);
    void setInvitationStatus(int index, int invitation, const QString &status);

    // --- connections ---------------------------------------------------------------------
    int connectionCount() const { return m_connectionCount; }
    // Creates the connection (the organization must not have one). `secret` may be empty.
    void createConnection(int index, const QJsonObject &fields,
                          const std::optional<QString> &secret);
    // Sets the given members (a null value removes client_id / the secret / protocols).
    // An empty `fields` changes nothing. Returns whether anything was applied.
    bool updateConnection(int index, const QJsonObject &fields);
    void deleteConnection(int index);

    static QString newId(); // a random 26-character nanoid

    // --- persistence ---------------------------------------------------------------------
    // Every member there is now is part of the seed: a restart makes them again (demo and
    // --org-members members), so the state file holds only how members differ from it (changed,
    // removed, added) and the invitations. Call after seeding, before load().
    void markSeeded();
    // Loads changes saved earlier. Returns false (with `error`) when the file exists but is
    // unreadable; a missing file is not an error.
    bool load(const QString &path, QString &error);
    // Writes every organization changed since the seed, atomically: its SSO connection and
    // permissions, and its members and invitations when they changed. No secret, and nothing
    // derived from one, is written: only client_secret_set.
    bool save(const QString &path, QString &error) const;

private:
    QDateTime nextTimestamp(const QDateTime &previous) const;
    void touch(int index);
    void loadMembers(int index, const QJsonObject &entry); // StoreState.cpp

    QList<Organization> m_orgs;
    mutable QList<QByteArray> m_bytes; // organizationBytes(); empty: not made yet (or changed)
    QHash<QString, int> m_byId;
    QHash<QString, int> m_byLabel;
    QSet<int> m_changed; // organizations that differ from the seed (what the state file holds)
    QSet<int> m_membersChanged; // organizations whose members or invitations differ from it
    int m_connectionCount = 0;
};

} // namespace keycard::sandbox
