#pragma once

#include "ClientConfig.h"
#include "Members.h"
#include "Models.h"
#include "Paging.h"
#include "Result.h"
#include "SsoComparison.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace keycard {

// Handle of one logical operation in flight. Owned by the client and deleted (deleteLater)
// after finished(); keep it in a QPointer.
class PendingCall : public QObject
{
    Q_OBJECT
public:
    explicit PendingCall(QString requestId, QObject *parent = nullptr);
    ~PendingCall() override;

    QString requestId() const { return m_requestId; }
    bool isFinished() const { return m_finished; }

    // Stops the operation (the request in flight, a pending retry timer, remaining pages).
    // The callback then runs once with ApiError::Kind::Cancelled. No-op once finished.
    void abort();

Q_SIGNALS:
    void finished();
    void abortRequested(); // internal: the client listens to this

private:
    friend class KeycardClient;
    friend class CallRunner;
    void markFinished();
    QString m_requestId;
    bool m_finished = false;
};

struct ListOrganizationsRequest
{
    int limit = 100;              // 1..1000
    std::optional<QString> after; // forward cursor
    std::optional<QString> before;
    bool expandPermissions = false;
};

// How listAllOrganizations() ended when no error stopped it.
struct ListAllOutcome
{
    qint64 items = 0;                       // organizations handed to onPage, in all
    PagingStop stop = PagingStop::LastPage; // LastPage, or why it stopped early
    qint64 skippedItems = 0;                // see OrganizationPage, summed over the pages
    qint64 incompleteItems = 0;
    // pagingStopMessage(stop, items): empty for LastPage.
    QString stopMessage() const { return pagingStopMessage(stop, items); }
};

// One page of GET /organizations/{organization_id}/users.
struct ListMembersRequest
{
    int limit = 100; // 1..1000
    std::optional<QString> after;
    std::optional<QString> before;
    std::optional<QString> role; // the `role` filter, sent as given (rules::Field::Role)
    bool expandPermissions = false;
};

// One page of GET /organizations/{organization_id}/invitations.
struct ListInvitationsRequest
{
    int limit = 100; // 1..1000
    std::optional<QString> after;
    std::optional<QString> before;
    bool expandPermissions = false;
};

// How listAllMembers() ended when no error stopped it. Members whose id an earlier page
// already delivered are left out of the later page and counted in duplicateItems: a server
// whose pages overlap has not given one consistent list.
struct ListAllMembersOutcome
{
    qint64 items = 0;                       // members handed to onPage, in all
    PagingStop stop = PagingStop::LastPage; // LastPage, or why it stopped early
    qint64 skippedItems = 0;                // see MemberPage, summed over the pages
    qint64 incompleteItems = 0;
    qint64 duplicateItems = 0;
    // Every member of the organization was seen exactly once: the last page was reached, no
    // item was skipped and no id came twice.
    bool complete() const
    {
        return stop == PagingStop::LastPage && skippedItems == 0 && duplicateItems == 0;
    }
    // Why the list is not complete (translated, one sentence each), empty when complete().
    QStringList incompleteReasons() const;
};

// Options every operation accepts.
struct CallOptions
{
    QString requestId;              // X-Client-Request-ID; empty = a fresh UUID
    bool expandPermissions = false; // adds expand[]=permissions where the endpoint supports it
};

// Result of enable: a 201, or a 409 reconciled by reading the existing connection back.
struct EnableOutcome
{
    SsoConnection connection;
    bool alreadyEnabled = false; // the server answered 409
    // With alreadyEnabled: what the request sent that the existing connection does not hold
    // (enableDifferences(): identifier, client id, protocol members, any secret sent).
    QList<SsoDifference> differences;
    // With alreadyEnabled: whether the existing connection is the one asked for (true after a
    // lost reply whose first attempt had in fact succeeded): `differences` is empty.
    bool matchesRequest = true;
};

class ClientCore; // implementation detail (token cache, retries)

// Asynchronous, typed Keycard API client. Widgets never see a QNetworkReply: each operation
// takes a callback that runs exactly once on the thread of the client, unless `context` was
// destroyed first (then it is dropped). Nothing here blocks the event loop.
class KeycardClient : public QObject
{
    Q_OBJECT
public:
    template<typename T> using Callback = std::function<void(const Result<T> &)>;

    // `nam` is not owned; it must outlive the client.
    KeycardClient(QNetworkAccessManager *nam, ClientConfig config, QObject *parent = nullptr);
    ~KeycardClient() override;

    const ClientConfig &config() const;
    // Replaces the configuration; drops the cached token. Calls in flight keep the old one.
    void setConfig(ClientConfig config);

    // Work on a decoded page done on the decoding thread, before the page is delivered: it may
    // take the items into a form of the caller's own (OrganizationPage::prepared) and drop them
    // there, so that neither making that form nor freeing the items costs the caller's thread.
    // It runs on a pool thread: it must not touch anything the caller's thread uses.
    using PagePreparation = std::function<void(OrganizationPage &page)>;
    // One page of GET /organizations.
    PendingCall *listOrganizations(const ListOrganizationsRequest &request, QObject *context,
                                   Callback<OrganizationPage> done, const CallOptions &options = {},
                                   PagePreparation prepare = {});
    // Every page, following end_cursor with a PageCursor: `onPage` runs for each page as it
    // arrives, `done` once the listing ended (or with the first error; what onPage got stays
    // valid). A server that repeats a cursor or says "more" without one ends the listing with
    // a success whose `stop` says why; so does `maxItems` (> 0), and the page that crosses it
    // reaches onPage cut to the limit. Each page is its own exchange with its own request id.
    PendingCall *listAllOrganizations(const ListOrganizationsRequest &first, QObject *context,
                                      std::function<void(const OrganizationPage &)> onPage,
                                      Callback<ListAllOutcome> done,
                                      const CallOptions &options = {}, qint64 maxItems = 0);
    PendingCall *getOrganization(const QString &organization, QObject *context,
                                 Callback<Organization> done, const CallOptions &options = {});

    // SSO connection of an organization (id or label). A 404 is reported as NotFound: the
    // caller decides whether that means "SSO not enabled".
    PendingCall *getSsoConnection(const QString &organization, QObject *context,
                                  Callback<SsoConnection> done, const CallOptions &options = {});
    // POST; a 409 is not retried but reconciled (see EnableOutcome).
    PendingCall *enableSso(const QString &organization, const SsoConnectionCreate &body,
                           QObject *context, Callback<EnableOutcome> done,
                           const CallOptions &options = {});
    PendingCall *updateSso(const QString &organization, const SsoConnectionUpdate &body,
                           QObject *context, Callback<SsoConnection> done,
                           const CallOptions &options = {});
    PendingCall *disableSso(const QString &organization, QObject *context, Callback<Done> done,
                            const CallOptions &options = {});

    // --- members and invitations (KeycardClientMembers.cpp) ------------------------------
    // One page of members. `organization` is an id or label; request.role filters by role.
    PendingCall *listMembers(const QString &organization, const ListMembersRequest &request,
                             QObject *context, Callback<MemberPage> done,
                             const CallOptions &options = {});
    // Every page, as listAllOrganizations() does (repeated or missing cursors and `maxItems`
    // end the listing with a success whose `stop` says why), and members whose id came on an
    // earlier page dropped and counted (ListAllMembersOutcome::duplicateItems). Ids are
    // remembered as 64-bit hashes: 100,000 members cost about 2 MB. Pages are decoded on the
    // thread pool; onPage runs on the client's thread.
    PendingCall *listAllMembers(const QString &organization, const ListMembersRequest &first,
                                QObject *context, std::function<void(const MemberPage &)> onPage,
                                Callback<ListAllMembersOutcome> done,
                                const CallOptions &options = {}, qint64 maxItems = 0);
    PendingCall *getMember(const QString &organization, const QString &userId, QObject *context,
                           Callback<OrganizationUser> done, const CallOptions &options = {});
    // PATCH role and/or status (checked against rules::allowedValues() before sending).
    PendingCall *updateMember(const QString &organization, const QString &userId,
                              const MemberUpdate &body, QObject *context,
                              Callback<OrganizationUser> done, const CallOptions &options = {});
    PendingCall *removeMember(const QString &organization, const QString &userId, QObject *context,
                              Callback<Done> done, const CallOptions &options = {});
    PendingCall *listInvitations(const QString &organization, const ListInvitationsRequest &request,
                                 QObject *context, Callback<InvitationPage> done,
                                 const CallOptions &options = {});
    // POST; a 409 (an invitation for that email exists, or a member has it) is not retried.
    PendingCall *createInvitation(const QString &organization, const InvitationCreate &body,
                                  QObject *context, Callback<Invitation> done,
                                  const CallOptions &options = {});
    PendingCall *revokeInvitation(const QString &organization, const QString &invitationId,
                                  QObject *context, Callback<Done> done,
                                  const CallOptions &options = {});

    static QString newRequestId(); // lower-case UUID without braces

Q_SIGNALS:
    // A retry was decided: `delayMs` is the delay before RetryPolicy::delayScale is applied.
    void retryScheduled(const QString &requestId, int attempt, int delayMs, int httpStatus);
    // A new access token was obtained (never carries the token).
    void tokenObtained();

private:
    std::unique_ptr<ClientCore> d;
};

} // namespace keycard
