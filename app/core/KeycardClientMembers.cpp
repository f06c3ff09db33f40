// KeycardClient: the members and invitations of an organization (CONTRACT.md, "Organization
// members and invitations"). Same engine as the organization calls: request ids, retries,
// deadlines, body caps and redaction are the CallRunner's.
#include "ClientCore.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <climits>

namespace keycard {

using namespace detail;

namespace {

QString membersQuery(const ListMembersRequest &request)
{
    ListOrganizationsRequest paging;
    paging.limit = request.limit;
    paging.after = request.after;
    paging.before = request.before;
    paging.expandPermissions = request.expandPermissions;
    QString query = listQuery(paging);
    if (request.role)
        query += QStringLiteral("&role=") + http::encodeComponent(*request.role);
    return query;
}

QString invitationsQuery(const ListInvitationsRequest &request)
{
    ListOrganizationsRequest paging;
    paging.limit = request.limit;
    paging.after = request.after;
    paging.before = request.before;
    paging.expandPermissions = request.expandPermissions;
    return listQuery(paging);
}

std::optional<ApiError> limitError(int limit)
{
    if (limit < 1 || limit > 1000)
        return ApiError::make(ApiError::Kind::InvalidArgument,
                              trc("limit: must be between 1 and 1000"), QStringLiteral("limit"));
    return std::nullopt;
}

std::optional<ApiError> membersPreflight(const ClientConfig &config, const CallOptions &options,
                                         const QString &organization,
                                         const ListMembersRequest &request)
{
    if (auto e = preflight(config, options, {{rules::Field::OrganizationId, organization}}))
        return e;
    if (request.role) {
        if (auto v = rules::check(rules::Field::Role, *request.role))
            return fieldError(rules::Field::Role, *v);
    }
    return limitError(request.limit);
}

// The state of one listAllMembers(), shared by its pages.
struct MemberListing
{
    explicit MemberListing(qint64 maxItems)
        : cursor(maxItems)
    {
    }
    QString path;
    PageCursor cursor;
    ListAllMembersOutcome outcome;
    QSet<size_t> seen; // hashes of the ids delivered so far (random per-process seed)
    std::function<void(const MemberPage &)> onPage;
};

void fetchMemberPage(const OperationPtr<ListAllMembersOutcome> &op, ListMembersRequest request,
                     std::shared_ptr<MemberListing> state, QString requestId);

void takeMemberPage(const OperationPtr<ListAllMembersOutcome> &op,
                    const ListMembersRequest &request, const std::shared_ptr<MemberListing> &state,
                    MemberPage value)
{
    const PageInfo info = value.pageInfo;
    const int received = int(value.items.size());
    ListAllMembersOutcome &total = state->outcome;
    // Ids an earlier page (or this one) already delivered: left out, counted.
    const size_t seed = QHashSeed::globalSeed();
    QList<OrganizationUser> kept;
    kept.reserve(value.items.size());
    for (OrganizationUser &user : value.items) {
        const size_t hash = qHash(user.id, seed);
        if (state->seen.contains(hash)) {
            ++total.duplicateItems;
            continue;
        }
        state->seen.insert(hash);
        kept.append(std::move(user));
    }
    value.items = std::move(kept);
    const qint64 room = state->cursor.room();
    if (value.items.size() > room)
        value.items.resize(room);
    std::optional<QString> next;
    const PagingStop stop = state->cursor.advance(info, received, next);
    total.items += value.items.size();
    total.skippedItems += value.skippedItems;
    total.incompleteItems += value.incompleteItems;
    if (state->onPage)
        state->onPage(value);
    if (op->delivered)
        return; // aborted from onPage
    if (stop != PagingStop::None) {
        total.stop = stop;
        return deliver(op, Result<ListAllMembersOutcome>::success(total, op->call->requestId()));
    }
    ListMembersRequest following = request;
    following.after = next;
    following.before.reset();
    fetchMemberPage(op, following, state, KeycardClient::newRequestId());
}

void fetchMemberPage(const OperationPtr<ListAllMembersOutcome> &op, ListMembersRequest request,
                     std::shared_ptr<MemberListing> state, QString requestId)
{
    op->runner->run(
        HttpRequestSpec{"GET", state->path, membersQuery(request), {}, {}}, requestId,
        [op, request, state, requestId](const HttpOutcome &outcome) {
            if (outcome.error.isError())
                return deliver(op, failureOf<ListAllMembersOutcome>(outcome, op->attempts));
            op->attempts += outcome.attempts;
            if (op->contextGone()) {
                return deliver(op, Result<ListAllMembersOutcome>::failure(ApiError::make(
                                       ApiError::Kind::Cancelled, detail::trc("cancelled"))));
            }
            // Decoded on the thread pool: a page of 1,000 members must not stall the caller.
            decodeInBackground<MemberPage>(
                op->call, outcome, requestId, &decode::memberPage, {},
                [op, request, state](const Result<MemberPage> &page) {
                    if (op->delivered)
                        return;
                    if (!page.ok())
                        return deliver(op, Result<ListAllMembersOutcome>::failure(page.error()));
                    takeMemberPage(op, request, state, page.value());
                });
        });
}

// The completion of a DELETE: 204 (any 2xx) is Done.
template<typename T> std::function<void(const HttpOutcome &)> deliverDone(const OperationPtr<T> &op)
{
    return [op, requestId = op->call->requestId()](const HttpOutcome &outcome) {
        if (outcome.error.isError())
            return deliver(op, failureOf<T>(outcome));
        deliver(op, Result<T>::success(T{}, requestId));
    };
}

// A count as the int of a translation's %n (lupdate cannot read a template call there).
int clampCount(qint64 n)
{
    return int(std::min<qint64>(n, INT_MAX));
}

} // namespace

QStringList ListAllMembersOutcome::incompleteReasons() const
{
    QStringList reasons;
    if (stop != PagingStop::LastPage)
        reasons << pagingStopMessage(stop, items, PagedItems::Members);
    if (skippedItems > 0)
        reasons << QCoreApplication::translate(
            "keycard::detail", "%n list items were not members with an id and were left out.",
            nullptr, clampCount(skippedItems));
    if (duplicateItems > 0)
        reasons << QCoreApplication::translate(
            "keycard::detail",
            "The server listed %n members more than once (pages overlap); the list is not "
            "consistent.",
            nullptr, clampCount(duplicateItems));
    return reasons;
}

PendingCall *KeycardClient::listMembers(const QString &organization,
                                        const ListMembersRequest &request, QObject *context,
                                        Callback<MemberPage> done, const CallOptions &options)
{
    auto op = d->start<MemberPage>(options, context, std::move(done));
    if (failedPreflight(op, membersPreflight(config(), options, organization, request)))
        return op->call;
    ListMembersRequest effective = request;
    effective.expandPermissions = request.expandPermissions || options.expandPermissions;
    op->runner->run(
        HttpRequestSpec{
            "GET", organizationPath(organization, "/users"), membersQuery(effective), {}, {}},
        op->call->requestId(), deliverDecodedInBackground(op, &decode::memberPage));
    return op->call;
}

PendingCall *KeycardClient::listAllMembers(const QString &organization,
                                           const ListMembersRequest &first, QObject *context,
                                           std::function<void(const MemberPage &)> onPage,
                                           Callback<ListAllMembersOutcome> done,
                                           const CallOptions &options, qint64 maxItems)
{
    auto op = d->start<ListAllMembersOutcome>(options, context, std::move(done));
    if (failedPreflight(op, membersPreflight(config(), options, organization, first)))
        return op->call;
    ListMembersRequest request = first;
    request.expandPermissions = first.expandPermissions || options.expandPermissions;
    auto state = std::make_shared<MemberListing>(maxItems);
    state->path = organizationPath(organization, "/users");
    state->onPage = std::move(onPage);
    fetchMemberPage(op, request, std::move(state), op->call->requestId());
    return op->call;
}

PendingCall *KeycardClient::getMember(const QString &organization, const QString &userId,
                                      QObject *context, Callback<OrganizationUser> done,
                                      const CallOptions &options)
{
    auto op = d->start<OrganizationUser>(options, context, std::move(done));
    if (failedPreflight(op, preflight(config(), options,
                                      {{rules::Field::OrganizationId, organization},
                                       {rules::Field::UserId, userId}})))
        return op->call;
    op->runner->run(
        HttpRequestSpec{"GET",
                        organizationPath(organization, "/users/") + http::encodeComponent(userId),
                        expandQuery(options.expandPermissions),
                        {},
                        {}},
        op->call->requestId(), deliverDecoded(op, &decode::member));
    return op->call;
}

PendingCall *KeycardClient::updateMember(const QString &organization, const QString &userId,
                                         const MemberUpdate &body, QObject *context,
                                         Callback<OrganizationUser> done,
                                         const CallOptions &options)
{
    auto op = d->start<OrganizationUser>(options, context, std::move(done));
    std::optional<ApiError> error =
        preflight(config(), options,
                  {{rules::Field::OrganizationId, organization}, {rules::Field::UserId, userId}});
    if (!error && body.role) {
        if (auto v = rules::check(rules::Field::Role, *body.role))
            error = fieldError(rules::Field::Role, *v);
    }
    if (!error && body.status) {
        if (auto v = rules::check(rules::Field::MemberStatus, *body.status))
            error = fieldError(rules::Field::MemberStatus, *v);
    }
    if (!error && body.isEmpty())
        error = ApiError::make(ApiError::Kind::InvalidArgument, detail::trc("nothing to update"));
    if (failedPreflight(op, std::move(error)))
        return op->call;
    op->runner->run(
        HttpRequestSpec{"PATCH",
                        organizationPath(organization, "/users/") + http::encodeComponent(userId),
                        {},
                        QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact),
                        {}},
        op->call->requestId(), deliverDecoded(op, &decode::member));
    return op->call;
}

PendingCall *KeycardClient::removeMember(const QString &organization, const QString &userId,
                                         QObject *context, Callback<Done> done,
                                         const CallOptions &options)
{
    auto op = d->start<Done>(options, context, std::move(done));
    if (failedPreflight(op, preflight(config(), options,
                                      {{rules::Field::OrganizationId, organization},
                                       {rules::Field::UserId, userId}})))
        return op->call;
    op->runner->run(
        HttpRequestSpec{"DELETE",
                        organizationPath(organization, "/users/") + http::encodeComponent(userId),
                        {},
                        {},
                        {}},
        op->call->requestId(), deliverDone(op));
    return op->call;
}

PendingCall *KeycardClient::listInvitations(const QString &organization,
                                            const ListInvitationsRequest &request, QObject *context,
                                            Callback<InvitationPage> done,
                                            const CallOptions &options)
{
    auto op = d->start<InvitationPage>(options, context, std::move(done));
    std::optional<ApiError> error =
        preflight(config(), options, {{rules::Field::OrganizationId, organization}});
    if (!error)
        error = limitError(request.limit);
    if (failedPreflight(op, std::move(error)))
        return op->call;
    ListInvitationsRequest effective = request;
    effective.expandPermissions = request.expandPermissions || options.expandPermissions;
    op->runner->run(HttpRequestSpec{"GET",
                                    organizationPath(organization, "/invitations"),
                                    invitationsQuery(effective),
                                    {},
                                    {}},
                    op->call->requestId(), deliverDecodedInBackground(op, &decode::invitationPage));
    return op->call;
}

PendingCall *KeycardClient::createInvitation(const QString &organization,
                                             const InvitationCreate &body, QObject *context,
                                             Callback<Invitation> done, const CallOptions &options)
{
    auto op = d->start<Invitation>(options, context, std::move(done));
    if (failedPreflight(op, preflight(config(), options,
                                      {{rules::Field::OrganizationId, organization},
                                       {rules::Field::Email, body.email},
                                       {rules::Field::Role, body.role}})))
        return op->call;
    op->runner->run(HttpRequestSpec{"POST",
                                    organizationPath(organization, "/invitations"),
                                    {},
                                    QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact),
                                    {}},
                    op->call->requestId(), deliverDecoded(op, &decode::invitation));
    return op->call;
}

PendingCall *KeycardClient::revokeInvitation(const QString &organization,
                                             const QString &invitationId, QObject *context,
                                             Callback<Done> done, const CallOptions &options)
{
    auto op = d->start<Done>(options, context, std::move(done));
    if (failedPreflight(op, preflight(config(), options,
                                      {{rules::Field::OrganizationId, organization},
                                       {rules::Field::InvitationId, invitationId}})))
        return op->call;
    op->runner->run(HttpRequestSpec{"DELETE",
                                    organizationPath(organization, "/invitations/") +
                                        http::encodeComponent(invitationId),
                                    {},
                                    {},
                                    {}},
                    op->call->requestId(), deliverDone(op));
    return op->call;
}

} // namespace keycard
