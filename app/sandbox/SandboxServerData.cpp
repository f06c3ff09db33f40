// SandboxServer: what tests and the keycard-sandbox program read and change directly.
#include "SandboxServer.h"

#include "SandboxServerPrivate.h"
#include "Seed.h"

#include <QCoreApplication>

namespace keycard::sandbox {

QList<QJsonObject> SandboxServer::organizations() const
{
    QList<QJsonObject> list;
    list.reserve(d->store.size());
    for (int i = 0; i < d->store.size(); ++i)
        list.append(d->store.organizationJson(i));
    return list;
}

std::optional<QJsonObject> SandboxServer::organization(const QString &idOrLabel) const
{
    const int index = d->store.indexOf(idOrLabel);
    if (index < 0)
        return std::nullopt;
    return d->store.organizationJson(index);
}

std::optional<QJsonObject> SandboxServer::connection(const QString &idOrLabel) const
{
    const int index = d->store.indexOf(idOrLabel);
    if (index < 0 || !d->store.at(index).connection)
        return std::nullopt;
    return d->store.at(index).connection->json;
}

int SandboxServer::connectionCount() const
{
    return d->store.connectionCount();
}

void SandboxServer::addGeneratedOrganizations(int count)
{
    if (count > 0)
        d->nextGenerated = seed::addGeneratedOrganizations(d->store, d->nextGenerated, count);
}

QString SandboxServer::addOrganization(const QString &name, const QString &label,
                                       const std::optional<QJsonObject> &connectionFields)
{
    Store::Organization org;
    org.id = Store::newId();
    org.name = name;
    org.label = label;
    org.createdAt = QDateTime::currentDateTimeUtc();
    org.updatedAt = org.createdAt;
    if (!d->store.append(std::move(org)))
        return {};
    const int index = d->store.size() - 1;
    if (connectionFields)
        d->store.createConnection(index, *connectionFields, std::nullopt);
    return d->store.at(index).id;
}

QList<QJsonObject> SandboxServer::members(const QString &idOrLabel) const
{
    QList<QJsonObject> list;
    const int index = d->store.indexOf(idOrLabel);
    if (index < 0)
        return list;
    const int count = int(d->store.members(index).size());
    for (int i = 0; i < count; ++i)
        list.append(d->store.memberJson(index, i));
    return list;
}

bool SandboxServer::addRawMember(const QString &idOrLabel, const QJsonObject &raw)
{
    const int index = d->store.indexOf(idOrLabel);
    if (index < 0)
        return false;
    Store::Member member;
    member.id = raw.value(QLatin1String("id")).toString();
    member.role = raw.value(QLatin1String("role")).toString();
    member.status = raw.value(QLatin1String("status")).toString();
    member.source = raw.value(QLatin1String("source")).toString();
    member.raw = raw;
    d->store.addMember(index, std::move(member));
    return true;
}

void SandboxServer::addGeneratedMembers(const QString &idOrLabel, int count)
{
    const int index = d->store.indexOf(idOrLabel);
    if (index >= 0 && count > 0)
        seed::addGeneratedMembers(d->store, index, count);
}

QList<QJsonObject> SandboxServer::invitations(const QString &idOrLabel) const
{
    QList<QJsonObject> list;
    const int index = d->store.indexOf(idOrLabel);
    if (index < 0)
        return list;
    const int count = int(d->store.invitations(index).size());
    for (int i = 0; i < count; ++i)
        list.append(d->store.invitationJson(index, i));
    return list;
}

void SandboxServer::setPermissions(const QString &idOrLabel, const QJsonObject &permissions)
{
    const int index = d->store.indexOf(idOrLabel);
    if (index < 0)
        return;
    d->store.setPermissions(index, permissions);
    d->changed();
}

} // namespace keycard::sandbox
