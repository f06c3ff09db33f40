#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <any>
#include <optional>

namespace keycard {

// `permissions` of a resource: resource type -> permission -> granted.
struct Permissions
{
    QMap<QString, QMap<QString, bool>> grants;

    // nullopt when the server did not say anything about that resource/permission.
    std::optional<bool> allows(const QString &resource, const QString &permission) const;
    QJsonObject toJson() const;
    friend bool operator==(const Permissions &, const Permissions &) = default;
};

struct PageInfo
{
    bool hasNextPage = false;
    bool hasPrevPage = false;
    std::optional<QString> startCursor;
    std::optional<QString> endCursor;
};

struct Organization
{
    QString id;
    QString name;
    QString label;
    // nullopt: unknown (the older published spec has no `sso_enabled`, or a list item carried
    // a value of the wrong type). Never guess: show unknown as unknown.
    std::optional<bool> ssoEnabled;
    QDateTime createdAt; // UTC; invalid when a list item's value was missing or malformed
    QDateTime updatedAt; // UTC
    std::optional<Permissions> permissions;
    QJsonObject raw; // the object exactly as received, unknown fields included
};

// How an organization is named to people: its name, else its label, else its id.
QString displayName(const Organization &organization);
// How an organization is referred to in short (confirmations, form headings): its label, else
// its id.
QString labelOrId(const Organization &organization);

struct OrganizationPage
{
    QList<Organization> items;
    PageInfo pageInfo;
    std::optional<Permissions> permissions; // list-level permissions, with expand[]=permissions
    // List items are decoded one by one (one wrong field must not hide a whole list):
    int skippedItems = 0;    // items that were not an object or had no string `id`: left out
    int incompleteItems = 0; // items kept with a display field unknown (missing or mistyped)
    // What a caller's page preparation (KeycardClient::listOrganizations) made of the items on
    // the decoding thread; empty unless it asked for one.
    std::any prepared;
};

struct OAuth2Settings
{
    std::optional<QString> authorizationEndpoint;
    std::optional<QString> tokenEndpoint;
    std::optional<QString> jwksUri;
    std::optional<QString> registrationEndpoint;
    std::optional<QStringList> scopesSupported;
    std::optional<QStringList> codeChallengeMethodsSupported;
    bool isEmpty() const;
    friend bool operator==(const OAuth2Settings &, const OAuth2Settings &) = default;
};

struct OpenIdSettings
{
    std::optional<QString> userinfoEndpoint;
    // Newer servers: the claim carrying a user's stable external id ("sub" by default, "oid"
    // for Entra ID). Decoded only when it is a string; sent only when set.
    std::optional<QString> externalIdClaim;
    bool isEmpty() const { return !userinfoEndpoint && !externalIdClaim; }
    friend bool operator==(const OpenIdSettings &, const OpenIdSettings &) = default;
};

struct SsoProtocols
{
    std::optional<OAuth2Settings> oauth2;
    std::optional<OpenIdSettings> openid;
    bool isEmpty() const;
    QJsonObject toJson() const; // only the members that are set
    friend bool operator==(const SsoProtocols &, const SsoProtocols &) = default;
};

struct SsoConnection
{
    QString id;
    QString identifier;
    std::optional<QString> clientId; // null on the wire -> nullopt
    bool clientSecretSet = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<Permissions> permissions;
    std::optional<SsoProtocols> protocols;
    // Newer servers: the IdP-initiated login URL (read-only; decoded only when it is a string).
    std::optional<QString> loginUrl;
    QJsonObject raw;
};

// Body of POST .../sso-connection. The secret is written only by toJson().
struct SsoConnectionCreate
{
    QString identifier;
    QString clientId;
    std::optional<QString> clientSecret;
    std::optional<SsoProtocols> protocols;
    QJsonObject toJson() const;
};

// Body of PATCH .../sso-connection: only fields that are set are sent.
// For clientId / clientSecret: nullopt = leave unchanged; an engaged optional holding a null
// QString (QString()) = send JSON null (remove); otherwise the new value.
// `protocols` is a JSON merge patch (RFC 7396), as keycard-sandbox applies it: members sent
// replace those values (a list as a whole), JSON null removes one, members left out stay.
// Without `protocolsBefore`, the members set in `protocols` are sent (keycardctl's options);
// with it, only what differs from it, with null for a member `protocols` no longer has (the
// window's Edit form, which shows every member).
struct SsoConnectionUpdate
{
    std::optional<QString> identifier;
    std::optional<QString> clientId;
    std::optional<QString> clientSecret;
    std::optional<SsoProtocols> protocols;
    std::optional<SsoProtocols> protocolsBefore;
    bool isEmpty() const { return !identifier && !clientId && !clientSecret && !protocols; }
    QJsonObject toJson() const;
};

// Strict decoding: required fields must be present with the right JSON type; unknown fields are
// kept in `raw`. On failure returns false and sets `errorField` to a dotted path ("items[3].id").
namespace decode {
// A single organization (GET /organizations/{id}): strict, except that `sso_enabled` may be
// absent (older servers); present with another type it is an error.
bool organization(const QJsonObject &o, Organization &out, QString &errorField);
// A list item: only a string `id` is required; any other display field that is missing or of
// the wrong type is left unknown (empty name/label, nullopt SSO, invalid timestamps) and the
// function returns false through `complete`. Returns false when the item must be skipped.
bool organizationListItem(const QJsonValue &v, Organization &out, bool &complete);
// A page: items one by one (see organizationListItem); page_info strict, except that
// `has_next_page: true` with no `end_cursor` is accepted (the pager stops there and says so).
bool organizationPage(const QJsonObject &o, OrganizationPage &out, QString &errorField);
// page_info of any list (has_next_page required; has_prev_page / has_previous_page).
bool pageInfo(const QJsonObject &list, PageInfo &out, QString &errorField);
bool ssoConnection(const QJsonObject &o, SsoConnection &out, QString &errorField);
bool permissions(const QJsonValue &v, Permissions &out, QString &errorField);
bool protocols(const QJsonValue &v, SsoProtocols &out, QString &errorField);
// RFC 3339 -> UTC QDateTime; invalid QDateTime when the text is not a date-time.
QDateTime timestamp(const QString &text);
// The same without the fast path for Keycard's own form (fuzz/fuzz_timestamps.cpp compares
// the two).
QDateTime timestampGeneral(const QString &text);

// Any list page ({"items": [...], "page_info": ..., "permissions"?: ...}): items decoded one by
// one with `item` (bool(const QJsonValue &, Item &, bool &complete); false skips the item,
// counted in skippedItems; incomplete ones are kept and counted), page_info strict, permissions
// optional.
template<typename Page, typename Item, typename Decoder>
bool listPage(const QJsonObject &o, Page &out, QString &errorField, Decoder item)
{
    out = {};
    const QJsonValue items = o.value(QLatin1String("items"));
    if (!items.isArray()) {
        errorField = QStringLiteral("items");
        return false;
    }
    const QJsonArray array = items.toArray();
    out.items.reserve(array.size());
    for (const QJsonValue &value : array) {
        Item decoded;
        bool complete = true;
        if (!item(value, decoded, complete)) {
            ++out.skippedItems;
            continue;
        }
        if (!complete)
            ++out.incompleteItems;
        out.items.append(std::move(decoded));
    }
    if (!pageInfo(o, out.pageInfo, errorField))
        return false;
    const QJsonValue permissions = o.value(QLatin1String("permissions"));
    if (permissions.isUndefined() || permissions.isNull())
        return true;
    Permissions p;
    if (!decode::permissions(permissions, p, errorField))
        return false;
    out.permissions = p;
    return true;
}
} // namespace decode

QString formatTimestamp(const QDateTime &utc); // RFC 3339 with milliseconds and 'Z'

} // namespace keycard
