#include "Api.h"

#include "MockIdp.h"
#include "SsoValidation.h"

#include <QJsonDocument>

namespace keycard::sandbox {

namespace {

const QString kPermissions = QStringLiteral("permissions");

} // namespace

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// All values of `key` (keys compared fully decoded, so "expand%5B%5D" is "expand[]").
QStringList queryValues(const QUrlQuery &query, const QString &key)
{
    QStringList values;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first == key)
            values.append(item.second);
    }
    return values;
}

std::optional<QString> queryValue(const QUrlQuery &query, const QString &key)
{
    const QStringList values = queryValues(query, key);
    if (values.isEmpty() || values.constLast().isEmpty())
        return std::nullopt;
    return values.constLast();
}

namespace {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

// application/x-www-form-urlencoded: '+' is a space, the rest is percent-encoded.
QUrlQuery formBody(const QByteArray &body)
{
    QByteArray text = body;
    text.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(text));
}

} // namespace

HttpReply methodNotAllowed(const QByteArray &method, const QByteArray &allowed)
{
    HttpReply reply =
        HttpReply::error(405, QStringLiteral("method_not_allowed"),
                         QStringLiteral("Method %1 is not allowed here (allowed: %2)")
                             .arg(QString::fromLatin1(method), QString::fromLatin1(allowed)));
    reply.addHeader("Allow", allowed);
    return reply;
}

HttpReply validationError(const FieldError &error)
{
    return HttpReply::error(400, QStringLiteral("validation_error"), error.message, error.field);
}

namespace {

HttpReply organizationNotFound(const QString &idOrLabel)
{
    return HttpReply::error(404, QStringLiteral("not_found"),
                            QStringLiteral("Organization %1 not found").arg(quoted(idOrLabel)));
}

} // namespace

bool wantsPermissions(const QUrlQuery &query)
{
    QStringList values = queryValues(query, QStringLiteral("expand[]"));
    values += queryValues(query, QStringLiteral("expand"));
    for (const QString &value : std::as_const(values)) {
        if (value.split(QLatin1Char(',')).contains(kPermissions))
            return true;
    }
    return false;
}

QString encodeCursor(const QString &organizationId)
{
    const QByteArray raw = "org:" + organizationId.toUtf8();
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QString> decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("org:") || cursor.size() > 200)
        return std::nullopt;
    return QString::fromUtf8(decoded.decoded.mid(4));
}

Api::Api(Store &store, Tokens &tokens, const SandboxOptions &options)
    : m_store(store)
    , m_tokens(tokens)
    , m_options(options)
    , m_members(store, options)
{
}

Api::Result Api::handle(const RecordedRequest &request, const QStringList &segments)
{
    const QByteArray &method = request.method;
    const qsizetype n = segments.size();
    if (n == 1 && segments.at(0) == QLatin1String("service-account-token")) {
        if (method != "POST")
            return {methodNotAllowed(method, "POST")};
        return {token(request)};
    }
    // The sandbox's own actions (accept an invitation, simulate an SSO sign-in) and the
    // members and invitations of an organization: MembersApi.cpp.
    const bool simulation = (n >= 1 && segments.at(0) == QLatin1String("sandbox")) ||
                            (n >= 2 && segments.at(0) == QLatin1String("idp") &&
                             segments.at(1) == QLatin1String("signin"));
    const bool members = n >= 3 && n <= 4 && segments.at(0) == QLatin1String("organizations") &&
                         (segments.at(2) == QLatin1String("users") ||
                          segments.at(2) == QLatin1String("invitations"));
    if (simulation || members) {
        if (!authenticated(request))
            return {HttpReply::error(401, QStringLiteral("unauthorized"),
                                     QStringLiteral("Missing, unknown or expired bearer token"))};
        if (const auto error = validateRequestId(request.requestId()))
            return {validationError(*error)};
        const MembersApi::Result result = simulation ? m_members.simulation(request, segments)
                                                     : m_members.handle(request, segments);
        return {result.reply, result.changed};
    }
    if (n < 1 || n > 3 || segments.at(0) != QLatin1String("organizations") ||
        (n == 3 && segments.at(2) != QLatin1String("sso-connection")))
        return {HttpReply::error(404, QStringLiteral("not_found"),
                                 QStringLiteral("No such endpoint: %1").arg(request.path))};
    if (n == 3) {
        if (method != "GET" && method != "POST" && method != "PATCH" && method != "DELETE")
            return {methodNotAllowed(method, "GET, POST, PATCH, DELETE")};
    } else if (method != "GET") {
        return {methodNotAllowed(method, "GET")};
    }

    if (!authenticated(request))
        return {HttpReply::error(401, QStringLiteral("unauthorized"),
                                 QStringLiteral("Missing, unknown or expired bearer token"))};
    if (const auto error = validateRequestId(request.requestId()))
        return {validationError(*error)};
    if (n == 1)
        return {listOrganizations(request)};

    const QString &idOrLabel = segments.at(1);
    if (const auto error = validateOrganizationId(idOrLabel))
        return {validationError(*error)};
    const int index = m_store.indexOf(idOrLabel);
    if (index < 0)
        return {organizationNotFound(idOrLabel)};
    if (n == 2)
        return {getOrganization(request, index)};
    return connection(request, index);
}

HttpReply Api::token(const RecordedRequest &request) const
{
    const QUrlQuery form = formBody(request.body);
    QByteArray clientId;
    QByteArray clientSecret;
    const QByteArray authorization = request.header("authorization");
    if (authorization.left(6).toLower() == "basic ") {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon >= 0) {
            // RFC 6749 2.3.1: both parts are form-urlencoded before Basic encoding.
            clientId = QByteArray::fromPercentEncoding(decoded.left(colon));
            clientSecret = QByteArray::fromPercentEncoding(decoded.mid(colon + 1));
        }
    } else {
        clientId = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded).toUtf8();
        clientSecret =
            form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded).toUtf8();
    }
    if (clientId.isEmpty() || !constantTimeEquals(clientId, m_options.clientId.toUtf8()) ||
        !constantTimeEquals(clientSecret, m_options.clientSecret.toUtf8()))
        return HttpReply::error(401, QStringLiteral("invalid_client"),
                                QStringLiteral("Unknown client or wrong client secret"));
    const QString grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    if (grantType != QLatin1String("client_credentials"))
        return HttpReply::error(400, QStringLiteral("unsupported_grant_type"),
                                QStringLiteral("grant_type must be client_credentials"),
                                QStringLiteral("grant_type"));
    HttpReply reply =
        HttpReply::json(200, QJsonObject{
                                 {QStringLiteral("access_token"), m_tokens.issue()},
                                 {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                 {QStringLiteral("expires_in"), m_tokens.lifetimeSeconds()},
                             });
    reply.addHeader("Cache-Control", "no-store");
    return reply;
}

bool Api::authenticated(const RecordedRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.left(7).toLower() != "bearer ")
        return false;
    return m_tokens.isValid(QString::fromLatin1(authorization.mid(7).trimmed()));
}

HttpReply Api::listOrganizations(const RecordedRequest &request) const
{
    const QUrlQuery &query = request.query;
    int limit = 100;
    if (const auto text = queryValue(query, QStringLiteral("limit"))) {
        bool ok = false;
        limit = text->toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return validationError(FieldError{
                QStringLiteral("limit"),
                QStringLiteral("limit: must be an integer from 1 to 1000 (got %1)").arg(*text)});
    }
    const std::optional<QString> after = queryValue(query, QStringLiteral("after"))
                                             ? queryValue(query, QStringLiteral("after"))
                                             : queryValue(query, QStringLiteral("cursor"));
    const std::optional<QString> before = queryValue(query, QStringLiteral("before"));
    if (after && before)
        return validationError(FieldError{QStringLiteral("before"),
                                          QStringLiteral("before: cannot be combined with after")});

    const int total = m_store.size();
    int start = 0;
    int end = std::min(total, limit);
    if (after || before) {
        const QString &cursor = after ? *after : *before;
        const QString field =
            after ? (queryValue(query, QStringLiteral("after")) ? QStringLiteral("after")
                                                                : QStringLiteral("cursor"))
                  : QStringLiteral("before");
        const std::optional<QString> id = decodeCursor(cursor);
        const int index = id ? m_store.indexOf(*id) : -1;
        if (index < 0 || m_store.at(index).id != *id)
            return validationError(
                FieldError{field, field + QStringLiteral(": not a valid page cursor")});
        if (after) {
            start = index + 1;
            end = std::min(total, start + limit);
        } else {
            end = index;
            start = std::max(0, end - limit);
        }
    }

    const bool permissions = wantsPermissions(query);
    const bool empty = start >= end;
    QJsonObject tail{
        {QStringLiteral("page_info"),
         QJsonObject{
             {QStringLiteral("has_next_page"), end < total},
             {QStringLiteral("has_prev_page"), start > 0},
             {QStringLiteral("start_cursor"), empty
                                                  ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(encodeCursor(m_store.at(start).id))},
             {QStringLiteral("end_cursor"), empty
                                                ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(encodeCursor(m_store.at(end - 1).id))},
         }},
    };
    if (permissions)
        tail.insert(kPermissions, QJsonObject{{QStringLiteral("organizations"),
                                               QJsonObject{{QStringLiteral("read"), true},
                                                           {QStringLiteral("list"), true},
                                                           {QStringLiteral("create"), false}}}});
    // {"items":[...],"page_info":...}: the items are the store's cached compact JSON (with
    // "permissions" spliced in before an item's closing brace when asked for), joined.
    HttpReply reply;
    reply.status = 200;
    QByteArray &body = reply.body;
    body.reserve(qsizetype(end - start) * 200 + 512);
    body += "{\"items\":[";
    for (int i = start; i < end; ++i) {
        if (i > start)
            body += ',';
        const QByteArray &item = m_store.organizationBytes(i);
        if (!permissions) {
            body += item;
            continue;
        }
        body += QByteArrayView(item).chopped(1);
        body += ",\"permissions\":";
        body += QJsonDocument(m_store.permissions(i)).toJson(QJsonDocument::Compact);
        body += '}';
    }
    body += "],";
    body += QByteArrayView(QJsonDocument(tail).toJson(QJsonDocument::Compact)).sliced(1);
    return reply;
}

HttpReply Api::getOrganization(const RecordedRequest &request, int index) const
{
    QJsonObject body = m_store.organizationJson(index);
    if (wantsPermissions(request.query))
        body.insert(kPermissions, m_store.permissions(index));
    return HttpReply::json(200, body);
}

HttpReply Api::connectionReply(int status, int index, bool withPermissions) const
{
    QJsonObject body = m_store.at(index).connection->json;
    if (withPermissions)
        body.insert(kPermissions, m_store.connectionPermissions(index));
    return HttpReply::json(status, body);
}

Api::Result Api::connection(const RecordedRequest &request, int index)
{
    const Store::Organization &org = m_store.at(index);
    if (request.method == "GET") {
        if (!org.connection)
            return {HttpReply::error(
                404, QStringLiteral("not_found"),
                QStringLiteral("SSO is not enabled for organization %1").arg(quoted(org.label)))};
        return {connectionReply(200, index, wantsPermissions(request.query))};
    }
    if (!m_store.mayUpdate(index))
        return {HttpReply::error(403, QStringLiteral("permission_denied"),
                                 QStringLiteral("Permission organizations.update is required to "
                                                "change SSO of organization %1")
                                     .arg(quoted(org.label)))};
    if (request.method == "POST")
        return createConnection(request, index);
    if (!org.connection)
        return {HttpReply::error(
            404, QStringLiteral("not_found"),
            QStringLiteral("SSO is not enabled for organization %1").arg(quoted(org.label)))};
    if (request.method == "PATCH")
        return updateConnection(request, index);
    m_store.deleteConnection(index);
    return {HttpReply::noContent(), true};
}

namespace {

// JSON endpoints take application/json (parameters such as charset allowed) or a +json type.
bool isJsonContentType(const QByteArray &value)
{
    const QByteArray type = value.split(';').constFirst().trimmed().toLower();
    return type == "application/json" ||
           (type.startsWith("application/") && type.endsWith("+json"));
}

} // namespace

std::optional<QJsonObject> jsonObjectBody(const RecordedRequest &request, HttpReply &failure)
{
    if (!isJsonContentType(request.header("content-type"))) {
        failure = HttpReply::error(415, QStringLiteral("unsupported_media_type"),
                                   QStringLiteral("The request body must be sent as "
                                                  "Content-Type: application/json"));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        failure = HttpReply::error(400, QStringLiteral("invalid_json"),
                                   QStringLiteral("The request body must be a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

Api::Result Api::createConnection(const RecordedRequest &request, int index)
{
    HttpReply failure;
    const std::optional<QJsonObject> body = jsonObjectBody(request, failure);
    if (!body)
        return {failure};
    if (const auto error = validateSsoCreate(*body))
        return {validationError(*error)};
    const Store::Organization &org = m_store.at(index);
    if (org.connection)
        return {HttpReply::error(
            409, QStringLiteral("conflict"),
            QStringLiteral("SSO is already enabled for organization %1").arg(quoted(org.label)))};
    const QJsonValue secret = body->value(QLatin1String("client_secret"));
    QJsonObject fields = *body;
    fields.remove(QStringLiteral("login_url")); // read-only: the sandbox's own value
    if (const QString login = mockidp::loginUrl(request, org.id); !login.isEmpty())
        fields.insert(QStringLiteral("login_url"), login);
    m_store.createConnection(index, fields,
                             secret.isString() ? std::optional<QString>(secret.toString())
                                               : std::nullopt);
    HttpReply reply = connectionReply(201, index, wantsPermissions(request.query));
    reply.addHeader("Location", "/organizations/" + org.id.toLatin1() + "/sso-connection");
    return {reply, true};
}

Api::Result Api::updateConnection(const RecordedRequest &request, int index)
{
    HttpReply failure;
    const std::optional<QJsonObject> body = jsonObjectBody(request, failure);
    if (!body)
        return {failure};
    if (const auto error = validateSsoUpdate(*body))
        return {validationError(*error)};
    const bool changed = m_store.updateConnection(index, *body);
    return {connectionReply(200, index, wantsPermissions(request.query)), changed};
}

} // namespace keycard::sandbox
