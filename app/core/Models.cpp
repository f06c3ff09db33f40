#include "Models.h"

#include "DisplayText.h"

#include <QJsonArray>
#include <QJsonValue>

namespace keycard {

namespace {

// A connection as kept in `raw` (shown by keycardctl and the window's Raw pane): a client secret
// a server sends back, at any depth, is dropped on arrival. The API never returns one; if a
// server does, it must still never reach a screen, a terminal or a log.
QJsonObject withoutSecrets(QJsonObject o)
{
    o.remove(QLatin1String("client_secret"));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isObject())
            it.value() = withoutSecrets(it.value().toObject());
    }
    return o;
}

QString path(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

// Reads a required string member.
bool requiredString(const QJsonObject &o, const char *key, QString &out, const QString &prefix,
                    QString &errorField)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString()) {
        errorField = path(prefix, QLatin1String(key));
        return false;
    }
    out = v.toString();
    return true;
}

// Reads an optional string member: absent or null -> nullopt; another type is an error.
bool optionalString(const QJsonObject &o, const char *key, std::optional<QString> &out,
                    const QString &prefix, QString &errorField)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        out.reset();
        return true;
    }
    if (!v.isString()) {
        errorField = path(prefix, QLatin1String(key));
        return false;
    }
    out = v.toString();
    return true;
}

bool optionalStringList(const QJsonObject &o, const char *key, std::optional<QStringList> &out,
                        const QString &prefix, QString &errorField)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        out.reset();
        return true;
    }
    if (!v.isArray()) {
        errorField = path(prefix, QLatin1String(key));
        return false;
    }
    QStringList list;
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            errorField = path(prefix, QLatin1String(key)) + QStringLiteral("[%1]").arg(i);
            return false;
        }
        list.append(array.at(i).toString());
    }
    out = list;
    return true;
}

bool requiredTimestamp(const QJsonObject &o, const char *key, QDateTime &out, const QString &prefix,
                       QString &errorField)
{
    QString text;
    if (!requiredString(o, key, text, prefix, errorField))
        return false;
    out = decode::timestamp(text);
    if (!out.isValid()) {
        errorField = path(prefix, QLatin1String(key));
        return false;
    }
    return true;
}

bool optionalTimestamp(const QJsonObject &o, const char *key, QDateTime &out, const QString &prefix,
                       QString &errorField)
{
    if (!o.contains(QLatin1String(key)) || o.value(QLatin1String(key)).isNull())
        return true;
    return requiredTimestamp(o, key, out, prefix, errorField);
}

bool optionalPermissions(const QJsonObject &o, std::optional<Permissions> &out,
                         const QString &prefix, QString &errorField)
{
    const QJsonValue v = o.value(QLatin1String("permissions"));
    if (v.isUndefined() || v.isNull())
        return true;
    Permissions p;
    QString inner;
    if (!decode::permissions(v, p, inner)) {
        errorField = path(prefix, inner);
        return false;
    }
    out = p;
    return true;
}

void putOptional(QJsonObject &o, const char *key, const std::optional<QString> &v)
{
    if (v)
        o.insert(QLatin1String(key), *v);
}

void putOptional(QJsonObject &o, const char *key, const std::optional<QStringList> &v)
{
    if (v)
        o.insert(QLatin1String(key), QJsonArray::fromStringList(*v));
}

// The JSON merge patch (RFC 7396) that turns `from` into `to`: members that differ (objects
// compared member by member), JSON null for members only `from` has.
QJsonObject mergePatch(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject patch;
    for (auto it = to.constBegin(); it != to.constEnd(); ++it) {
        const QJsonValue before = from.value(it.key());
        if (before == it.value())
            continue;
        if (before.isObject() && it.value().isObject())
            patch.insert(it.key(), mergePatch(before.toObject(), it.value().toObject()));
        else
            patch.insert(it.key(), it.value());
    }
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if (!to.contains(it.key()))
            patch.insert(it.key(), QJsonValue(QJsonValue::Null));
    }
    return patch;
}

} // namespace

// Through displayText(): the name is a server value, shown to people (requests use labelOrId()).
QString displayName(const Organization &organization)
{
    return displayText(organization.name.isEmpty() ? labelOrId(organization) : organization.name);
}

QString labelOrId(const Organization &organization)
{
    return organization.label.isEmpty() ? organization.id : organization.label;
}

std::optional<bool> Permissions::allows(const QString &resource, const QString &permission) const
{
    const auto r = grants.constFind(resource);
    if (r == grants.constEnd())
        return std::nullopt;
    const auto p = r->constFind(permission);
    if (p == r->constEnd())
        return std::nullopt;
    return *p;
}

QJsonObject Permissions::toJson() const
{
    QJsonObject out;
    for (auto r = grants.cbegin(); r != grants.cend(); ++r) {
        QJsonObject inner;
        for (auto p = r->cbegin(); p != r->cend(); ++p)
            inner.insert(p.key(), p.value());
        out.insert(r.key(), inner);
    }
    return out;
}

bool OAuth2Settings::isEmpty() const
{
    return !authorizationEndpoint && !tokenEndpoint && !jwksUri && !registrationEndpoint &&
           !scopesSupported && !codeChallengeMethodsSupported;
}

bool SsoProtocols::isEmpty() const
{
    return (!oauth2 || oauth2->isEmpty()) && (!openid || openid->isEmpty());
}

QJsonObject SsoProtocols::toJson() const
{
    QJsonObject out;
    if (oauth2 && !oauth2->isEmpty()) {
        QJsonObject o;
        putOptional(o, "authorization_endpoint", oauth2->authorizationEndpoint);
        putOptional(o, "token_endpoint", oauth2->tokenEndpoint);
        putOptional(o, "jwks_uri", oauth2->jwksUri);
        putOptional(o, "registration_endpoint", oauth2->registrationEndpoint);
        putOptional(o, "scopes_supported", oauth2->scopesSupported);
        putOptional(o, "code_challenge_methods_supported", oauth2->codeChallengeMethodsSupported);
        out.insert(QStringLiteral("oauth2"), o);
    }
    if (openid && !openid->isEmpty()) {
        QJsonObject o;
        putOptional(o, "userinfo_endpoint", openid->userinfoEndpoint);
        putOptional(o, "external_id_claim", openid->externalIdClaim);
        out.insert(QStringLiteral("openid"), o);
    }
    return out;
}

QJsonObject SsoConnectionCreate::toJson() const
{
    QJsonObject o{{QStringLiteral("identifier"), identifier},
                  {QStringLiteral("client_id"), clientId}};
    if (clientSecret)
        o.insert(QStringLiteral("client_secret"), *clientSecret);
    if (protocols && !protocols->isEmpty())
        o.insert(QStringLiteral("protocols"), protocols->toJson());
    return o;
}

QJsonObject SsoConnectionUpdate::toJson() const
{
    QJsonObject o;
    if (identifier)
        o.insert(QStringLiteral("identifier"), *identifier);
    if (clientId)
        o.insert(QStringLiteral("client_id"),
                 clientId->isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(*clientId));
    if (clientSecret)
        o.insert(QStringLiteral("client_secret"),
                 clientSecret->isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(*clientSecret));
    if (protocols) {
        o.insert(QStringLiteral("protocols"),
                 protocolsBefore ? mergePatch(protocolsBefore->toJson(), protocols->toJson())
                                 : protocols->toJson());
    }
    return o;
}

namespace decode {

bool permissions(const QJsonValue &v, Permissions &out, QString &errorField)
{
    if (!v.isObject()) {
        errorField = QStringLiteral("permissions");
        return false;
    }
    const QJsonObject o = v.toObject();
    out.grants.clear();
    for (auto r = o.begin(); r != o.end(); ++r) {
        if (!r.value().isObject()) {
            errorField = QStringLiteral("permissions.") + r.key();
            return false;
        }
        const QJsonObject inner = r.value().toObject();
        QMap<QString, bool> perms;
        for (auto p = inner.begin(); p != inner.end(); ++p) {
            if (!p.value().isBool()) {
                errorField = QStringLiteral("permissions.%1.%2").arg(r.key(), p.key());
                return false;
            }
            perms.insert(p.key(), p.value().toBool());
        }
        out.grants.insert(r.key(), perms);
    }
    return true;
}

bool protocols(const QJsonValue &v, SsoProtocols &out, QString &errorField)
{
    const QString prefix = QStringLiteral("protocols");
    if (!v.isObject()) {
        errorField = prefix;
        return false;
    }
    const QJsonObject o = v.toObject();
    out = {};
    const QJsonValue oauth2 = o.value(QLatin1String("oauth2"));
    if (!oauth2.isUndefined() && !oauth2.isNull()) {
        const QString p = prefix + QStringLiteral(".oauth2");
        if (!oauth2.isObject()) {
            errorField = p;
            return false;
        }
        const QJsonObject a = oauth2.toObject();
        OAuth2Settings s;
        if (!optionalString(a, "authorization_endpoint", s.authorizationEndpoint, p, errorField) ||
            !optionalString(a, "token_endpoint", s.tokenEndpoint, p, errorField) ||
            !optionalString(a, "jwks_uri", s.jwksUri, p, errorField) ||
            !optionalString(a, "registration_endpoint", s.registrationEndpoint, p, errorField) ||
            !optionalStringList(a, "scopes_supported", s.scopesSupported, p, errorField) ||
            !optionalStringList(a, "code_challenge_methods_supported",
                                s.codeChallengeMethodsSupported, p, errorField))
            return false;
        out.oauth2 = s;
    }
    const QJsonValue openid = o.value(QLatin1String("openid"));
    if (!openid.isUndefined() && !openid.isNull()) {
        const QString p = prefix + QStringLiteral(".openid");
        if (!openid.isObject()) {
            errorField = p;
            return false;
        }
        OpenIdSettings s;
        if (!optionalString(openid.toObject(), "userinfo_endpoint", s.userinfoEndpoint, p,
                            errorField))
            return false;
        // A field newer servers add: lenient (another type is kept in raw only).
        const QJsonValue claim = openid.toObject().value(QLatin1String("external_id_claim"));
        if (claim.isString())
            s.externalIdClaim = claim.toString();
        out.openid = s;
    }
    return true;
}

bool organization(const QJsonObject &o, Organization &out, QString &errorField)
{
    out = {};
    const QString prefix;
    if (!requiredString(o, "id", out.id, prefix, errorField) ||
        !requiredString(o, "name", out.name, prefix, errorField) ||
        !requiredString(o, "label", out.label, prefix, errorField))
        return false;
    const QJsonValue sso = o.value(QLatin1String("sso_enabled"));
    if (!sso.isUndefined()) {
        if (!sso.isBool()) {
            errorField = QStringLiteral("sso_enabled");
            return false;
        }
        out.ssoEnabled = sso.toBool();
    }
    if (!requiredTimestamp(o, "created_at", out.createdAt, prefix, errorField) ||
        !optionalTimestamp(o, "updated_at", out.updatedAt, prefix, errorField) ||
        !optionalPermissions(o, out.permissions, prefix, errorField))
        return false;
    out.raw = o;
    return true;
}

bool organizationListItem(const QJsonValue &v, Organization &out, bool &complete)
{
    out = {};
    complete = true;
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    const QJsonValue id = o.value(QLatin1String("id"));
    if (!id.isString() || id.toString().isEmpty())
        return false;
    out.id = id.toString();
    const auto text = [&](const char *key, QString &field) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isString())
            field = value.toString();
        else
            complete = false;
    };
    text("name", out.name);
    text("label", out.label);
    const QJsonValue sso = o.value(QLatin1String("sso_enabled"));
    if (sso.isBool())
        out.ssoEnabled = sso.toBool();
    else if (!sso.isUndefined())
        complete = false; // absent is the older spec, not a defect; a wrong type is
    QString ignored;
    const auto time = [&](const char *key, QDateTime &field, bool required) {
        const QJsonValue value = o.value(QLatin1String(key));
        if ((value.isUndefined() || value.isNull()) && !required)
            return;
        if (value.isString())
            field = timestamp(value.toString());
        if (!field.isValid())
            complete = false;
    };
    time("created_at", out.createdAt, true);
    time("updated_at", out.updatedAt, false);
    if (!optionalPermissions(o, out.permissions, QString(), ignored))
        complete = false;
    out.raw = o;
    return true;
}

bool pageInfo(const QJsonObject &list, PageInfo &out, QString &errorField)
{
    out = {};
    const QJsonValue pi = list.value(QLatin1String("page_info"));
    if (!pi.isObject()) {
        errorField = QStringLiteral("page_info");
        return false;
    }
    const QJsonObject p = pi.toObject();
    const QJsonValue next = p.value(QLatin1String("has_next_page"));
    if (!next.isBool()) {
        errorField = QStringLiteral("page_info.has_next_page");
        return false;
    }
    out.hasNextPage = next.toBool();
    QLatin1String prevKey("has_prev_page");
    QJsonValue prev = p.value(prevKey);
    if (prev.isUndefined()) {
        prevKey = QLatin1String("has_previous_page"); // the older spec's spelling
        prev = p.value(prevKey);
    }
    if (!prev.isUndefined() && !prev.isBool()) {
        errorField = QStringLiteral("page_info.") + prevKey;
        return false;
    }
    out.hasPrevPage = prev.toBool(false);
    const auto cursor = [&](const char *key, std::optional<QString> &field) {
        const QJsonValue v = p.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString()) {
            errorField = QStringLiteral("page_info.") + QLatin1String(key);
            return false;
        }
        field = v.toString();
        return true;
    };
    return cursor("start_cursor", out.startCursor) && cursor("end_cursor", out.endCursor);
}

bool organizationPage(const QJsonObject &o, OrganizationPage &out, QString &errorField)
{
    return listPage<OrganizationPage, Organization>(o, out, errorField, &organizationListItem);
}

bool ssoConnection(const QJsonObject &o, SsoConnection &out, QString &errorField)
{
    out = {};
    const QString prefix;
    if (!requiredString(o, "id", out.id, prefix, errorField) ||
        !requiredString(o, "identifier", out.identifier, prefix, errorField) ||
        !optionalString(o, "client_id", out.clientId, prefix, errorField))
        return false;
    const QJsonValue secretSet = o.value(QLatin1String("client_secret_set"));
    if (!secretSet.isBool()) {
        errorField = QStringLiteral("client_secret_set");
        return false;
    }
    out.clientSecretSet = secretSet.toBool();
    if (!requiredTimestamp(o, "created_at", out.createdAt, prefix, errorField) ||
        !optionalTimestamp(o, "updated_at", out.updatedAt, prefix, errorField) ||
        !optionalPermissions(o, out.permissions, prefix, errorField))
        return false;
    const QJsonValue protocolsValue = o.value(QLatin1String("protocols"));
    if (!protocolsValue.isUndefined() && !protocolsValue.isNull()) {
        SsoProtocols p;
        if (!protocols(protocolsValue, p, errorField))
            return false;
        out.protocols = p;
    }
    const QJsonValue loginUrl = o.value(QLatin1String("login_url"));
    if (loginUrl.isString())
        out.loginUrl = loginUrl.toString();
    out.raw = withoutSecrets(o);
    return true;
}

} // namespace decode

} // namespace keycard
