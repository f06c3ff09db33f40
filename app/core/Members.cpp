#include "Members.h"

#include "DisplayText.h"

#include <QJsonArray>
#include <QJsonValue>

namespace keycard {

namespace {

// A string member: kept when it is a string, otherwise `complete` turns false.
void text(const QJsonObject &o, const char *key, QString &field, bool &complete)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (value.isString())
        field = value.toString();
    else
        complete = false;
}

void time(const QJsonObject &o, const char *key, QDateTime &field, bool required, bool &complete)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if ((value.isUndefined() || value.isNull()) && !required)
        return;
    if (value.isString())
        field = decode::timestamp(value.toString());
    if (!field.isValid())
        complete = false;
}

void permissionsOf(const QJsonObject &o, std::optional<Permissions> &out, bool &complete)
{
    const QJsonValue v = o.value(QLatin1String("permissions"));
    if (v.isUndefined() || v.isNull())
        return;
    Permissions p;
    QString ignored;
    if (decode::permissions(v, p, ignored))
        out = p;
    else
        complete = false;
}

} // namespace

QJsonObject MemberUpdate::toJson() const
{
    QJsonObject o;
    if (role)
        o.insert(QStringLiteral("role"), *role);
    if (status)
        o.insert(QStringLiteral("status"), *status);
    return o;
}

QJsonObject InvitationCreate::toJson() const
{
    return QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("role"), role}};
}

QString memberDisplayName(const OrganizationUser &user)
{
    return displayText(user.email && !user.email->isEmpty() ? *user.email : user.id);
}

namespace decode {

bool memberListItem(const QJsonValue &v, OrganizationUser &out, bool &complete)
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
    // `email` is optional in the contract: absent is not a defect, another type is.
    const QJsonValue email = o.value(QLatin1String("email"));
    if (email.isString())
        out.email = email.toString();
    else if (!email.isUndefined() && !email.isNull())
        complete = false;
    text(o, "role", out.role, complete);
    text(o, "status", out.status, complete);
    text(o, "source", out.source, complete);
    time(o, "created_at", out.createdAt, true, complete);
    time(o, "updated_at", out.updatedAt, true, complete);
    permissionsOf(o, out.permissions, complete);
    out.raw = o;
    return true;
}

bool member(const QJsonObject &o, OrganizationUser &out, QString &errorField)
{
    bool complete = true;
    if (!memberListItem(o, out, complete)) {
        errorField = QStringLiteral("id");
        return false;
    }
    return true;
}

bool memberPage(const QJsonObject &o, MemberPage &out, QString &errorField)
{
    return listPage<MemberPage, OrganizationUser>(o, out, errorField, &memberListItem);
}

bool invitationListItem(const QJsonValue &v, Invitation &out, bool &complete)
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
    text(o, "organization_id", out.organizationId, complete);
    text(o, "email", out.email, complete);
    text(o, "role", out.role, complete);
    text(o, "status", out.status, complete);
    text(o, "created_by", out.createdBy, complete);
    time(o, "expires_at", out.expiresAt, true, complete);
    time(o, "created_at", out.createdAt, true, complete);
    time(o, "updated_at", out.updatedAt, true, complete);
    permissionsOf(o, out.permissions, complete);
    out.raw = o;
    return true;
}

bool invitation(const QJsonObject &o, Invitation &out, QString &errorField)
{
    bool complete = true;
    if (!invitationListItem(o, out, complete)) {
        errorField = QStringLiteral("id");
        return false;
    }
    return true;
}

bool invitationPage(const QJsonObject &o, InvitationPage &out, QString &errorField)
{
    return listPage<InvitationPage, Invitation>(o, out, errorField, &invitationListItem);
}

} // namespace decode

} // namespace keycard
