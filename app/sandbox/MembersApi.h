#pragma once

#include "HttpReply.h"
#include "SandboxServer.h"
#include "Store.h"

#include <QStringList>

namespace keycard::sandbox {

// The members and invitations of an organization (CONTRACT.md, "Organization members and
// invitations"), with the permission checks users.list / users.read / users.update /
// users.delete and invitations.list / invitations.create / invitations.delete, and the
// sandbox's own simulations (docs/api.md):
//   POST /sandbox/organizations/{org}/invitations/{id}/accept: the invitee accepts; a member
//     with a Keycard account (source = demo::kKeycardIssuer) is created.
//   POST /idp/signin/{org} {"email": ..., "role"?: ...}: a sign-in through the organization's
//     SSO connection; the member with that email is created (role org_member unless given)
//     or updated, with source = the connection's identifier.
// Authentication and the request id are checked by Api before these run.
class MembersApi
{
public:
    MembersApi(Store &store, const SandboxOptions &options);

    struct Result
    {
        HttpReply reply;
        bool changed = false;
    };
    // /organizations/{org}/users[/{id}] and /organizations/{org}/invitations[/{id}].
    Result handle(const RecordedRequest &request, const QStringList &segments);
    // /sandbox/... and /idp/signin/...
    Result simulation(const RecordedRequest &request, const QStringList &segments);

private:
    HttpReply listMembers(const RecordedRequest &request, int index) const;
    Result member(const RecordedRequest &request, int index, const QString &id);
    HttpReply listInvitations(const RecordedRequest &request, int index) const;
    Result createInvitation(const RecordedRequest &request, int index);
    Result revokeInvitation(int index, const QString &id);
    Result acceptInvitation(int index, const QString &id);
    Result signIn(const RecordedRequest &request, int index);
    // 403 naming the permission, or nullopt when the organization grants it.
    std::optional<HttpReply> denied(int index, const char *resource, const char *permission) const;
    QJsonObject memberPermissions(int index) const;

    Store &m_store;
    const SandboxOptions &m_options;
};

// Member page cursors: the member's position and id ("usr:<position>:<id>", base64url).
QString encodeMemberCursor(int position, const QString &id);
// The position of the member the cursor names in `members`, or -1.
int decodeMemberCursor(const QString &cursor, const Store &store, int index);

} // namespace keycard::sandbox
