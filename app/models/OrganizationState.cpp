#include "OrganizationState.h"

#include "KeycardClient.h"

#include <utility>

namespace keycard {

std::optional<bool> OrganizationState::ssoEnabled() const
{
    switch (sso) {
    case Sso::Enabled:
        return true;
    case Sso::Absent:
        return false;
    case Sso::Unknown:
        break;
    }
    return std::nullopt;
}

const std::optional<Permissions> OrganizationState::connectionPermissions() const
{
    return connection ? connection->permissions : std::nullopt;
}

OrganizationStateStore::OrganizationStateStore(QObject *parent)
    : QObject(parent)
{
}

OrganizationStateStore::~OrganizationStateStore()
{
    blockSignals(true);
    abortCalls();
}

void OrganizationStateStore::setClient(KeycardClient *client)
{
    if (client == m_client)
        return;
    clear();
    m_client = client;
}

void OrganizationStateStore::clear()
{
    abortCalls();
    const QList<QString> ids = m_states.keys();
    m_states.clear();
    for (const QString &id : ids)
        Q_EMIT changed(id);
}

void OrganizationStateStore::abortCalls()
{
    ++m_generation; // callbacks of the aborted calls see a newer generation and are dropped
    const QHash<QString, Calls> calls = std::exchange(m_calls, {});
    for (const Calls &c : calls) {
        if (c.organization)
            c.organization->abort();
        if (c.connection)
            c.connection->abort();
    }
    for (OrganizationState &s : m_states)
        s.pendingCalls = 0;
}

const OrganizationState *OrganizationStateStore::state(const QString &id) const
{
    const auto it = m_states.constFind(id);
    return it == m_states.cend() ? nullptr : &*it;
}

OrganizationState &OrganizationStateStore::ensure(const QString &id)
{
    auto it = m_states.find(id);
    if (it == m_states.end()) {
        it = m_states.insert(id, {});
        it->organization.id = id;
    }
    return *it;
}

void OrganizationStateStore::seed(const Organization &listEntry)
{
    if (listEntry.id.isEmpty())
        return;
    OrganizationState &s = ensure(listEntry.id);
    if (s.organizationFetchedAt.isValid())
        return; // the organization as fetched is newer than a list entry
    s.organization = listEntry;
    Q_EMIT changed(listEntry.id);
}

void OrganizationStateStore::fetch(const QString &id)
{
    if (id.isEmpty())
        return;
    ensure(id);
    Calls &calls = m_calls[id];
    calls.fullFetch = true;
    calls.connectionGeneration = 0; // the aborted call's callback is dropped
    if (calls.connection)
        calls.connection->abort();
    if (!m_client) {
        calls.fullFetch = false;
        return;
    }
    const quint64 generation = ++m_generation;
    calls.connectionGeneration = generation;
    CallOptions options;
    options.expandPermissions = true;
    fetchOrganization(id);
    calls.connection = m_client->getSsoConnection(
        id, this,
        [this, id, generation](const Result<SsoConnection> &result) {
            auto it = m_calls.find(id);
            if (it == m_calls.end() || it->connectionGeneration != generation)
                return; // aborted or superseded by a newer fetch or a write
            it->connection = nullptr;
            if (result.ok())
                setConnection(id, result.value());
            else
                setConnectionError(id, result.error());
            finishCall(id);
        },
        options);
    finishCall(id); // counts the calls in flight
}

void OrganizationStateStore::fetchOrganization(const QString &id)
{
    if (id.isEmpty() || !m_client)
        return;
    ensure(id);
    Calls &calls = m_calls[id];
    calls.organizationGeneration = 0;
    if (calls.organization)
        calls.organization->abort();
    const quint64 generation = ++m_generation;
    calls.organizationGeneration = generation;
    CallOptions options;
    options.expandPermissions = true;
    calls.organization = m_client->getOrganization(
        id, this,
        [this, id, generation](const Result<Organization> &result) {
            auto it = m_calls.find(id);
            if (it == m_calls.end() || it->organizationGeneration != generation)
                return;
            it->organization = nullptr;
            if (result.ok())
                setOrganization(result.value());
            else
                setOrganizationError(id, result.error());
            finishCall(id);
        },
        options);
    finishCall(id);
}

void OrganizationStateStore::finishCall(const QString &id)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    OrganizationState &s = ensure(id);
    const int pending = (it->organization ? 1 : 0) + (it->connection ? 1 : 0);
    const bool changedCount = s.pendingCalls != pending;
    s.pendingCalls = pending;
    if (pending == 0 && it->fullFetch) {
        it->fullFetch = false;
        Q_EMIT changed(id);
        Q_EMIT fetched(id, !s.organizationError && !s.connectionError);
        return;
    }
    if (changedCount)
        Q_EMIT changed(id);
}

void OrganizationStateStore::setConnection(const QString &id, const SsoConnection &connection)
{
    OrganizationState &s = ensure(id);
    s.sso = OrganizationState::Sso::Enabled;
    s.connection = connection;
    s.connectionError.reset();
    s.connectionFetchedAt = QDateTime::currentDateTimeUtc();
    s.organization.ssoEnabled = true;
    dropConnectionFetch(id, s);
    Q_EMIT changed(id);
}

void OrganizationStateStore::dropConnectionFetch(const QString &id, OrganizationState &s)
{
    auto it = m_calls.find(id);
    if (it != m_calls.end() && it->connection) {
        // A fetch still in flight would bring an older answer: the write's result wins.
        it->connectionGeneration = 0;
        it->connection->abort();
        it->connection = nullptr;
        s.pendingCalls = it->organization ? 1 : 0;
    }
}

void OrganizationStateStore::setConnectionAbsent(const QString &id)
{
    OrganizationState &s = ensure(id);
    s.sso = OrganizationState::Sso::Absent;
    s.connection.reset();
    s.connectionError.reset();
    s.connectionFetchedAt = QDateTime::currentDateTimeUtc();
    s.organization.ssoEnabled = false;
    dropConnectionFetch(id, s);
    Q_EMIT changed(id);
}

void OrganizationStateStore::setOrganization(const Organization &organization)
{
    OrganizationState &s = ensure(organization.id);
    s.organization = organization;
    s.organizationFetchedAt = QDateTime::currentDateTimeUtc();
    s.organizationError.reset();
    // The connection's existence, when known, is newer or as new as this answer's flag.
    if (const std::optional<bool> known = s.ssoEnabled())
        s.organization.ssoEnabled = known;
    Q_EMIT changed(organization.id);
}

void OrganizationStateStore::setOrganizationError(const QString &id, const ApiError &error)
{
    OrganizationState &s = ensure(id);
    s.organizationError = error;
    Q_EMIT changed(id);
}

void OrganizationStateStore::setConnectionError(const QString &id, const ApiError &error)
{
    if (error.kind == ApiError::Kind::NotFound && error.httpStatus == 404) {
        setConnectionAbsent(id); // 404 on the connection: SSO is not enabled
        return;
    }
    OrganizationState &s = ensure(id);
    s.sso = OrganizationState::Sso::Unknown;
    s.connection.reset();
    s.connectionError = error;
    Q_EMIT changed(id);
}

} // namespace keycard
