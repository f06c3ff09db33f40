#include "MembersApi.h"

#include "Api.h"
#include "DemoData.h"
#include "Models.h"
#include "SsoValidation.h"

#include <QJsonArray>

namespace keycard::sandbox {

namespace {

const QString kUsers = QStringLiteral("users");
const QString kInvitations = QStringLiteral("invitations");
const QString kPermissions = QStringLiteral("permissions");

HttpReply notFound(const QString &what, const QString &id)
{
    return HttpReply::error(404, QStringLiteral("not_found"),
                            QStringLiteral("%1 %2 not found").arg(what, quoted(id)));
}

// limit: 1..1000 (default 100), or the 400 reply.
std::optional<HttpReply> readLimit(const QUrlQuery &query, int &limit)
{
    limit = 100;
    const auto text = queryValue(query, QStringLiteral("limit"));
    if (!text)
        return std::nullopt;
    bool ok = false;
    limit = text->toInt(&ok);
    if (ok && limit >= 1 && limit <= 1000)
        return std::nullopt;
    return validationError(
        FieldError{QStringLiteral("limit"),
                   QStringLiteral("limit: must be an integer from 1 to 1000 (got %1)").arg(*text)});
}

QJsonObject pageInfo(bool hasNext, bool hasPrev, const QString &start, const QString &end)
{
    const auto cursor = [](const QString &c) {
        return c.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c);
    };
    return QJsonObject{{QStringLiteral("has_next_page"), hasNext},
                       {QStringLiteral("has_prev_page"), hasPrev},
                       {QStringLiteral("start_cursor"), cursor(start)},
                       {QStringLiteral("end_cursor"), cursor(end)}};
}

QString encode(const QByteArray &raw)
{
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> decode(const QString &cursor)
{
    if (cursor.size() > 400)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

} // namespace

QString encodeMemberCursor(int position, const QString &id)
{
    return encode("usr:" + QByteArray::number(position) + ':' + id.toUtf8());
}

int decodeMemberCursor(const QString &cursor, const Store &store, int index)
{
    const auto raw = decode(cursor);
    if (!raw || !raw->startsWith("usr:"))
        return -1;
    const qsizetype colon = raw->indexOf(':', 4);
    if (colon < 0)
        return -1;
    bool ok = false;
    const int hint = raw->mid(4, colon - 4).toInt(&ok);
    if (!ok)
        return -1;
    return store.memberIndex(index, QString::fromUtf8(raw->mid(colon + 1)), hint);
}

MembersApi::MembersApi(Store &store, const SandboxOptions &options)
    : m_store(store)
    , m_options(options)
{
}

std::optional<HttpReply> MembersApi::denied(int index, const char *resource,
                                            const char *permission) const
{
    if (m_store.allows(index, QLatin1String(resource), QLatin1String(permission)))
        return std::nullopt;
    return HttpReply::error(403, QStringLiteral("permission_denied"),
                            QStringLiteral("Permission %1.%2 is required for organization %3")
                                .arg(QLatin1String(resource), QLatin1String(permission),
                                     quoted(m_store.at(index).label)));
}

QJsonObject MembersApi::memberPermissions(int index) const
{
    QJsonObject users;
    for (const char *name : {"read", "update", "delete"})
        users.insert(QLatin1String(name), m_store.allows(index, kUsers, QLatin1String(name)));
    return QJsonObject{{kUsers, users}};
}

MembersApi::Result MembersApi::handle(const RecordedRequest &request, const QStringList &segments)
{
    const QString &idOrLabel = segments.at(1);
    if (const auto error = validateOrganizationId(idOrLabel))
        return {validationError(*error)};
    const int index = m_store.indexOf(idOrLabel);
    if (index < 0)
        return {notFound(QStringLiteral("Organization"), idOrLabel)};
    const QByteArray &method = request.method;
    const bool users = segments.at(2) == kUsers;
    if (segments.size() == 3) {
        if (users) {
            if (method != "GET")
                return {methodNotAllowed(method, "GET")};
            return {listMembers(request, index)};
        }
        if (method == "GET")
            return {listInvitations(request, index)};
        if (method == "POST")
            return createInvitation(request, index);
        return {methodNotAllowed(method, "GET, POST")};
    }
    const QString &id = segments.at(3);
    if (const auto error =
            validateField(users ? rules::Field::UserId : rules::Field::InvitationId, id))
        return {validationError(*error)};
    if (users)
        return member(request, index, id);
    if (method != "DELETE")
        return {methodNotAllowed(method, "DELETE")};
    return revokeInvitation(index, id);
}

HttpReply MembersApi::listMembers(const RecordedRequest &request, int index) const
{
    if (auto reply = denied(index, "users", "list"))
        return *reply;
    const QUrlQuery &query = request.query;
    int limit = 100;
    if (auto reply = readLimit(query, limit))
        return *reply;
    const std::optional<QString> role = queryValue(query, QStringLiteral("role"));
    if (role) {
        if (const auto error = validateField(rules::Field::Role, *role))
            return validationError(*error);
    }
    const std::optional<QString> after = queryValue(query, QStringLiteral("after"));
    const std::optional<QString> before = queryValue(query, QStringLiteral("before"));
    if (after && before)
        return validationError(FieldError{QStringLiteral("before"),
                                          QStringLiteral("before: cannot be combined with after")});
    const QList<Store::Member> &members = m_store.members(index);
    const int total = int(members.size());
    const auto matches = [&](int i) { return !role || members.at(i).role == *role; };
    int from = 0; // first position to consider (forward), or one past the last (backward)
    if (after || before) {
        const int position = decodeMemberCursor(after ? *after : *before, m_store, index);
        if (position < 0) {
            const QString field = after ? QStringLiteral("after") : QStringLiteral("before");
            return validationError(
                FieldError{field, field + QStringLiteral(": not a valid page cursor")});
        }
        from = after ? position + 1 : position;
    }
    QList<int> page;
    if (before) {
        for (int i = from - 1; i >= 0 && page.size() < limit; --i) {
            if (matches(i))
                page.prepend(i);
        }
    } else {
        for (int i = from; i < total && page.size() < limit; ++i) {
            if (matches(i))
                page.append(i);
        }
    }
    bool hasNext = false;
    bool hasPrev = false;
    if (!page.isEmpty()) {
        for (int i = page.constLast() + 1; i < total && !hasNext; ++i)
            hasNext = matches(i);
        for (int i = page.constFirst() - 1; i >= 0 && !hasPrev; --i)
            hasPrev = matches(i);
    }
    const bool permissions = wantsPermissions(query);
    const QJsonObject itemPermissions = permissions ? memberPermissions(index) : QJsonObject();
    QJsonArray items;
    for (const int i : std::as_const(page)) {
        QJsonObject item = m_store.memberJson(index, i);
        if (permissions)
            item.insert(kPermissions, itemPermissions);
        items.append(item);
    }
    QJsonObject body{
        {QStringLiteral("items"), items},
        {QStringLiteral("page_info"),
         pageInfo(hasNext, hasPrev,
                  page.isEmpty()
                      ? QString()
                      : encodeMemberCursor(page.constFirst(), members.at(page.constFirst()).id),
                  page.isEmpty()
                      ? QString()
                      : encodeMemberCursor(page.constLast(), members.at(page.constLast()).id))},
    };
    if (permissions) {
        QJsonObject users = memberPermissions(index).value(kUsers).toObject();
        users.insert(QStringLiteral("list"), true);
        body.insert(kPermissions, QJsonObject{{kUsers, users}});
    }
    return HttpReply::json(200, body);
}

MembersApi::Result MembersApi::member(const RecordedRequest &request, int index, const QString &id)
{
    const QByteArray &method = request.method;
    if (method != "GET" && method != "PATCH" && method != "DELETE")
        return {methodNotAllowed(method, "GET, PATCH, DELETE")};
    const char *permission = method == "GET" ? "read" : (method == "PATCH" ? "update" : "delete");
    if (auto reply = denied(index, "users", permission))
        return {*reply};
    const int position = m_store.memberIndex(index, id);
    if (position < 0)
        return {notFound(QStringLiteral("Member"), id)};
    if (method == "DELETE") {
        m_store.removeMember(index, position);
        return {HttpReply::noContent(), true};
    }
    bool changed = false;
    if (method == "PATCH") {
        HttpReply failure;
        const std::optional<QJsonObject> body = jsonObjectBody(request, failure);
        if (!body)
            return {failure};
        std::optional<QString> values[2];
        const std::pair<const char *, rules::Field> fields[] = {
            {"role", rules::Field::Role}, {"status", rules::Field::MemberStatus}};
        for (int i = 0; i < 2; ++i) {
            const QJsonValue value = body->value(QLatin1String(fields[i].first));
            if (value.isUndefined())
                continue;
            if (!value.isString())
                return {validationError(FieldError{QLatin1String(fields[i].first),
                                                   QLatin1String(fields[i].first) +
                                                       QStringLiteral(": must be a string")})};
            if (const auto error = validateField(fields[i].second, value.toString()))
                return {validationError(*error)};
            values[i] = value.toString();
        }
        changed = m_store.updateMember(index, position, values[0], values[1]);
    }
    QJsonObject json = m_store.memberJson(index, position);
    if (wantsPermissions(request.query))
        json.insert(kPermissions, memberPermissions(index));
    return {HttpReply::json(200, json), changed};
}

HttpReply MembersApi::listInvitations(const RecordedRequest &request, int index) const
{
    if (auto reply = denied(index, "invitations", "list"))
        return *reply;
    int limit = 100;
    if (auto reply = readLimit(request.query, limit))
        return *reply;
    const QList<Store::Invitation> &all = m_store.invitations(index);
    const int total = int(all.size());
    int start = 0;
    if (const auto after = queryValue(request.query, QStringLiteral("after"))) {
        const auto raw = decode(*after);
        bool ok = false;
        const int position = raw && raw->startsWith("inv:") ? raw->mid(4).toInt(&ok) : -1;
        if (!ok || position < 0 || position >= total)
            return validationError(FieldError{QStringLiteral("after"),
                                              QStringLiteral("after: not a valid page cursor")});
        start = position + 1;
    }
    const int end = std::min(total, start + limit);
    QJsonArray items;
    for (int i = start; i < end; ++i)
        items.append(m_store.invitationJson(index, i));
    const auto cursor = [](int i) { return encode("inv:" + QByteArray::number(i)); };
    return HttpReply::json(
        200, QJsonObject{{QStringLiteral("items"), items},
                         {QStringLiteral("page_info"),
                          pageInfo(end<total, start> 0, start < end ? cursor(start) : QString(),
                                   start < end ? cursor(end - 1) : QString())}});
}

MembersApi::Result MembersApi::createInvitation(const RecordedRequest &request, int index)
{
    if (auto reply = denied(index, "invitations", "create"))
        return {*reply};
    HttpReply failure;
    const std::optional<QJsonObject> body = jsonObjectBody(request, failure);
    if (!body)
        return {failure};
    const QString email = body->value(QLatin1String("email")).toString();
    const QString role = body->value(QLatin1String("role")).toString();
    if (const auto error = validateField(rules::Field::Email, email))
        return {validationError(*error)};
    if (const auto error = validateField(rules::Field::Role, role))
        return {validationError(*error)};
    if (m_store.memberByEmail(index, email) >= 0)
        return {HttpReply::error(409, QStringLiteral("conflict"),
                                 QStringLiteral("%1 is already a member").arg(quoted(email)))};
    const QList<Store::Invitation> &all = m_store.invitations(index);
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).email.compare(email, Qt::CaseInsensitive) == 0 &&
            m_store.invitationJson(index, int(i)).value(QLatin1String("status")) ==
                QLatin1String("pending"))
            return {HttpReply::error(
                409, QStringLiteral("conflict"),
                QStringLiteral("%1 has a pending invitation already").arg(quoted(email)))};
    }
    const int position = m_store.addInvitation(index, email, role, m_options.clientId);
    return {HttpReply::json(201, m_store.invitationJson(index, position)), true};
}

MembersApi::Result MembersApi::revokeInvitation(int index, const QString &id)
{
    if (auto reply = denied(index, "invitations", "delete"))
        return {*reply};
    const int position = m_store.invitationIndex(index, id);
    if (position < 0)
        return {notFound(QStringLiteral("Invitation"), id)};
    const QString status =
        m_store.invitationJson(index, position).value(QLatin1String("status")).toString();
    if (status != QLatin1String("pending"))
        return {HttpReply::error(
            409, QStringLiteral("conflict"),
            QStringLiteral("Invitation %1 is %2, not pending").arg(quoted(id), status))};
    m_store.setInvitationStatus(index, position, QStringLiteral("revoked"));
    return {HttpReply::noContent(), true};
}

MembersApi::Result MembersApi::simulation(const RecordedRequest &request,
                                          const QStringList &segments)
{
    if (request.method != "POST")
        return {methodNotAllowed(request.method, "POST")};
    const qsizetype n = segments.size();
    const bool accept = n == 6 && segments.at(0) == QLatin1String("sandbox") &&
                        segments.at(1) == QLatin1String("organizations") &&
                        segments.at(3) == kInvitations && segments.at(5) == QLatin1String("accept");
    const bool signin = n == 3 && segments.at(0) == QLatin1String("idp");
    if (!accept && !signin)
        return {HttpReply::error(404, QStringLiteral("not_found"),
                                 QStringLiteral("No such endpoint: %1").arg(request.path))};
    const QString &idOrLabel = segments.at(2);
    if (const auto error = validateOrganizationId(idOrLabel))
        return {validationError(*error)};
    const int index = m_store.indexOf(idOrLabel);
    if (index < 0)
        return {notFound(QStringLiteral("Organization"), idOrLabel)};
    return accept ? acceptInvitation(index, segments.at(4)) : signIn(request, index);
}

MembersApi::Result MembersApi::acceptInvitation(int index, const QString &id)
{
    const int position = m_store.invitationIndex(index, id);
    if (position < 0)
        return {notFound(QStringLiteral("Invitation"), id)};
    const QJsonObject invitation = m_store.invitationJson(index, position);
    const QString status = invitation.value(QLatin1String("status")).toString();
    if (status != QLatin1String("pending"))
        return {HttpReply::error(
            409, QStringLiteral("conflict"),
            QStringLiteral("Invitation %1 is %2, not pending").arg(quoted(id), status))};
    const QString email = invitation.value(QLatin1String("email")).toString();
    if (m_store.memberByEmail(index, email) >= 0)
        return {HttpReply::error(409, QStringLiteral("conflict"),
                                 QStringLiteral("%1 is already a member").arg(quoted(email)))};
    Store::Member member;
    member.id = Store::newId();
    member.email = email;
    member.role = invitation.value(QLatin1String("role")).toString();
    member.status = QStringLiteral("active");
    member.source = QString::fromLatin1(demo::kKeycardIssuer);
    member.createdAt = QDateTime::currentDateTimeUtc();
    member.updatedAt = member.createdAt;
    m_store.addMember(index, member);
    m_store.setInvitationStatus(index, position, QStringLiteral("accepted"));
    return {HttpReply::json(201, m_store.memberJson(index, int(m_store.members(index).size() - 1))),
            true};
}

MembersApi::Result MembersApi::signIn(const RecordedRequest &request, int index)
{
    const auto &connection = m_store.at(index).connection;
    if (!connection)
        return {HttpReply::error(409, QStringLiteral("conflict"),
                                 QStringLiteral("SSO is not enabled for organization %1")
                                     .arg(quoted(m_store.at(index).label)))};
    HttpReply failure;
    const std::optional<QJsonObject> body = jsonObjectBody(request, failure);
    if (!body)
        return {failure};
    const QString email = body->value(QLatin1String("email")).toString();
    if (const auto error = validateField(rules::Field::Email, email))
        return {validationError(*error)};
    const QJsonValue roleValue = body->value(QLatin1String("role"));
    const QString role = roleValue.isString() ? roleValue.toString() : QStringLiteral("org_member");
    if (const auto error = validateField(rules::Field::Role, role))
        return {validationError(*error)};
    const QString issuer = connection->json.value(QLatin1String("identifier")).toString();
    const int existing = m_store.memberByEmail(index, email);
    if (existing >= 0) {
        const bool changed =
            m_store.updateMember(index, existing, std::nullopt, std::nullopt, issuer);
        return {HttpReply::json(200, m_store.memberJson(index, existing)), changed};
    }
    Store::Member member;
    member.id = Store::newId();
    member.email = email;
    member.role = role;
    member.status = QStringLiteral("active");
    member.source = issuer;
    member.createdAt = QDateTime::currentDateTimeUtc();
    member.updatedAt = member.createdAt;
    m_store.addMember(index, member);
    return {HttpReply::json(201, m_store.memberJson(index, int(m_store.members(index).size() - 1))),
            true};
}

} // namespace keycard::sandbox
