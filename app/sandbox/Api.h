#pragma once

#include "HttpReply.h"
#include "MembersApi.h"
#include "SandboxServer.h"
#include "SsoValidation.h"
#include "Store.h"
#include "Tokens.h"

#include <QStringList>

namespace keycard::sandbox {

// The contract's endpoints over a Store: routing, authentication, pagination, the SSO
// connection lifecycle and validation. Pure request -> reply; no sockets, no timers.
class Api
{
public:
    Api(Store &store, Tokens &tokens, const SandboxOptions &options);

    struct Result
    {
        HttpReply reply;
        bool changed = false; // the store was modified (save the state file, emit stateChanged)
    };
    // `segments`: the path split at '/' and then percent-decoded (so an encoded '/' stays
    // inside its segment).
    Result handle(const RecordedRequest &request, const QStringList &segments);

private:
    HttpReply token(const RecordedRequest &request) const;
    bool authenticated(const RecordedRequest &request) const;
    HttpReply listOrganizations(const RecordedRequest &request) const;
    HttpReply getOrganization(const RecordedRequest &request, int index) const;
    Result connection(const RecordedRequest &request, int index);
    HttpReply connectionReply(int status, int index, bool withPermissions) const;
    Result createConnection(const RecordedRequest &request, int index);
    Result updateConnection(const RecordedRequest &request, int index);

    Store &m_store;
    Tokens &m_tokens;
    const SandboxOptions &m_options;
    MembersApi m_members;
};

// Shared by the routes of Api.cpp and MembersApi.cpp.
QString quoted(const QString &text);
// All values of `key` (keys compared fully decoded, so "expand%5B%5D" is "expand[]").
QStringList queryValues(const QUrlQuery &query, const QString &key);
// The last non-empty value of `key`.
std::optional<QString> queryValue(const QUrlQuery &query, const QString &key);
HttpReply methodNotAllowed(const QByteArray &method, const QByteArray &allowed);
HttpReply validationError(const FieldError &error);
// The body as a JSON object, or nullopt with `failure` set (415 or 400).
std::optional<QJsonObject> jsonObjectBody(const RecordedRequest &request, HttpReply &failure);

// Whether the query asks for permissions: expand[]=permissions or expand=permissions.
bool wantsPermissions(const QUrlQuery &query);

// Opaque page cursors: the position is an organization id (ids never move), so a page starts
// with a hash lookup instead of a scan.
QString encodeCursor(const QString &organizationId);
std::optional<QString> decodeCursor(const QString &cursor);

} // namespace keycard::sandbox
