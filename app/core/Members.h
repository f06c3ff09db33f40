#pragma once

#include "Models.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Organization members and invitations (CONTRACT.md, "Organization members and invitations").
// Role, status and source are kept as the server sent them: a value this client does not know
// is shown as it is, never dropped or mapped to a known one.
namespace keycard {

// The roles and statuses the contract names (wire values).
namespace member {
inline constexpr const char *kAdmin = "org_admin";
inline constexpr const char *kMember = "org_member";
inline constexpr const char *kViewer = "org_viewer";
inline constexpr const char *kActive = "active";
inline constexpr const char *kDisabled = "disabled";
} // namespace member

namespace invitation {
inline constexpr const char *kPending = "pending";
inline constexpr const char *kAccepted = "accepted";
inline constexpr const char *kExpired = "expired";
inline constexpr const char *kRevoked = "revoked";
} // namespace invitation

struct OrganizationUser
{
    QString id;
    std::optional<QString> email; // optional in the contract; nullopt when absent or not text
    QString role;                 // as received ("org_admin", or a value newer servers add)
    QString status;               // as received ("active", "disabled", ...)
    QString source;               // the issuer the member signs in through, as received
    QDateTime createdAt;          // UTC; invalid when missing or malformed in a list item
    QDateTime updatedAt;
    std::optional<Permissions> permissions;
    QJsonObject raw; // the object exactly as received

    bool isAdmin() const { return role == QLatin1String(member::kAdmin); }
    bool isActive() const { return status == QLatin1String(member::kActive); }
};

struct MemberPage
{
    QList<OrganizationUser> items;
    PageInfo pageInfo;
    std::optional<Permissions> permissions; // list-level, with expand[]=permissions
    int skippedItems = 0;                   // not an object, or no string `id`: left out
    int incompleteItems = 0; // kept with a field unknown (role/status/source missing or mistyped)
};

struct Invitation
{
    QString id;
    QString organizationId;
    QString email;
    QString role;
    QString status; // "pending", "accepted", "expired", "revoked", or as received
    QString createdBy;
    QDateTime expiresAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<Permissions> permissions;
    QJsonObject raw;

    bool isPending() const { return status == QLatin1String(invitation::kPending); }
};

struct InvitationPage
{
    QList<Invitation> items;
    PageInfo pageInfo;
    std::optional<Permissions> permissions;
    int skippedItems = 0;
    int incompleteItems = 0;
};

// Body of PATCH .../users/{user_id}: only what is set is sent.
struct MemberUpdate
{
    std::optional<QString> role;
    std::optional<QString> status;
    bool isEmpty() const { return !role && !status; }
    QJsonObject toJson() const;
};

// Body of POST .../invitations.
struct InvitationCreate
{
    QString email;
    QString role;
    QJsonObject toJson() const;
};

// How a member is named to people: the email, else the id (through displayText()).
QString memberDisplayName(const OrganizationUser &user);

namespace decode {
// A list item (and a single member): a non-empty string `id` is required (false: skip it);
// every other field that is missing or of the wrong type is left empty and `complete` set to
// false. Unknown role/status strings are kept.
bool memberListItem(const QJsonValue &v, OrganizationUser &out, bool &complete);
// A single member (GET/PATCH): as a list item, but a missing id is an error.
bool member(const QJsonObject &o, OrganizationUser &out, QString &errorField);
// Items one by one; page_info as for organizations.
bool memberPage(const QJsonObject &o, MemberPage &out, QString &errorField);
bool invitationListItem(const QJsonValue &v, Invitation &out, bool &complete);
bool invitation(const QJsonObject &o, Invitation &out, QString &errorField);
bool invitationPage(const QJsonObject &o, InvitationPage &out, QString &errorField);
} // namespace decode

} // namespace keycard
