#pragma once

#include "ApiError.h"
#include "KeycardClient.h"
#include "Models.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace keycard {

// What the window knows about one organization, and since when: the organization itself, its
// SSO connection (known, known to be absent, or unknown with the error that made it unknown)
// and the permissions reported with each. Every view (list row, detail header and panes,
// actions, dialogs) reads this instead of keeping its own copy.
struct OrganizationState
{
    enum class Sso { Unknown, Enabled, Absent };

    Organization organization;
    QDateTime organizationFetchedAt; // invalid: only the list entry is known
    std::optional<ApiError> organizationError;

    Sso sso = Sso::Unknown;
    std::optional<SsoConnection> connection; // set exactly when sso == Enabled
    QDateTime connectionFetchedAt;           // when sso was last learnt (fetch or write)
    std::optional<ApiError> connectionError; // why sso is Unknown (none: not asked yet)

    int pendingCalls = 0;

    bool isLoading() const { return pendingCalls > 0; }
    // true / false when the connection's existence is known; nullopt otherwise.
    std::optional<bool> ssoEnabled() const;
    // The organization's permissions, as last reported by the server (nullopt: not reported).
    const std::optional<Permissions> &permissions() const { return organization.permissions; }
    const std::optional<Permissions> connectionPermissions() const;
};

// One OrganizationState per organization id; fetches the organization and its connection
// (both with expand[]=permissions) and takes the results of writes. changed(id) follows every
// change. Replies for an older fetch of the same organization are dropped.
class OrganizationStateStore : public QObject
{
    Q_OBJECT
public:
    explicit OrganizationStateStore(QObject *parent = nullptr);
    ~OrganizationStateStore() override;

    // The client is not owned. Setting another one forgets every state.
    void setClient(KeycardClient *client);
    KeycardClient *client() const { return m_client; }

    // nullptr when nothing is known about `id`.
    const OrganizationState *state(const QString &id) const;
    bool contains(const QString &id) const { return m_states.contains(id); }

    // Starts from a list entry (kept when the organization was already fetched).
    void seed(const Organization &listEntry);
    // Fetches the organization and its connection again.
    void fetch(const QString &id);
    // Fetches only the organization (e.g. after a write whose reply does not carry it).
    void fetchOrganization(const QString &id);

    // Results of writes, applied at once; the organization is fetched again for the fields
    // the write's reply does not carry (permissions, sso_enabled in its JSON).
    void setConnection(const QString &id, const SsoConnection &connection);
    void setConnectionAbsent(const QString &id);
    // Results of fetches (also used by tests).
    void setOrganization(const Organization &organization);
    void setOrganizationError(const QString &id, const ApiError &error);
    void setConnectionError(const QString &id, const ApiError &error);

    void clear();

Q_SIGNALS:
    void changed(const QString &id);
    // A fetch of both the organization and its connection finished (ok: neither failed).
    void fetched(const QString &id, bool ok);

private:
    struct Calls
    {
        QPointer<PendingCall> organization;
        QPointer<PendingCall> connection;
        quint64 organizationGeneration = 0;
        quint64 connectionGeneration = 0;
        bool fullFetch = false;
    };
    OrganizationState &ensure(const QString &id);
    void finishCall(const QString &id);
    void abortCalls();
    // A write just told us the connection's state: a fetch of it still in flight is older.
    void dropConnectionFetch(const QString &id, OrganizationState &state);

    QPointer<KeycardClient> m_client;
    QHash<QString, OrganizationState> m_states;
    QHash<QString, Calls> m_calls;
    quint64 m_generation = 0;
};

} // namespace keycard
