#include "KeycardClient.h"

#include "ClientCore.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QPromise>
#include <QThreadPool>
#include <QUuid>

#include <memory>

#include <utility>

namespace keycard {

// --- PendingCall ----------------------------------------------------------------------------

PendingCall::PendingCall(QString requestId, QObject *parent)
    : QObject(parent)
    , m_requestId(std::move(requestId))
{
}

PendingCall::~PendingCall() = default;

void PendingCall::abort()
{
    if (m_finished)
        return;
    Q_EMIT abortRequested();
}

void PendingCall::markFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

using namespace detail;

// --- KeycardClient --------------------------------------------------------------------------

KeycardClient::KeycardClient(QNetworkAccessManager *nam, ClientConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ClientCore>(this, nam, std::move(config)))
{
}

KeycardClient::~KeycardClient()
{
    // Calls still running end with Cancelled, so that their callbacks run exactly once.
    const QList<PendingCall *> calls = findChildren<PendingCall *>(Qt::FindDirectChildrenOnly);
    for (PendingCall *call : calls)
        call->abort();
}

const ClientConfig &KeycardClient::config() const
{
    return d->session->config;
}

void KeycardClient::setConfig(ClientConfig config)
{
    d->setConfig(std::move(config));
}

QString KeycardClient::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

PendingCall *KeycardClient::listOrganizations(const ListOrganizationsRequest &request,
                                              QObject *context, Callback<OrganizationPage> done,
                                              const CallOptions &options, PagePreparation prepare)
{
    auto op = d->start<OrganizationPage>(options, context, std::move(done));
    if (failedPreflight(op, listPreflight(config(), options, request)))
        return op->call;
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/organizations");
    ListOrganizationsRequest effective = request;
    effective.expandPermissions = request.expandPermissions || options.expandPermissions;
    spec.query = listQuery(effective);
    op->runner->run(spec, op->call->requestId(),
                    deliverDecodedInBackground(op, &decode::organizationPage, std::move(prepare)));
    return op->call;
}

namespace {

// The state of one listAllOrganizations(), shared by its pages.
struct ListAllState
{
    explicit ListAllState(qint64 maxItems)
        : cursor(maxItems)
    {
    }
    PageCursor cursor;
    ListAllOutcome outcome;
    std::function<void(const OrganizationPage &)> onPage;
};

// Follows end_cursor page after page; each page is its own exchange with its own request id.
void fetchNextPage(const OperationPtr<ListAllOutcome> &op, ListOrganizationsRequest request,
                   std::shared_ptr<ListAllState> state, QString requestId)
{
    op->runner->run(
        HttpRequestSpec{"GET", QStringLiteral("/organizations"), listQuery(request), {}, {}},
        requestId, [op, request, state, requestId](const HttpOutcome &outcome) {
            if (outcome.error.isError())
                return deliver(op, failureOf<ListAllOutcome>(outcome, op->attempts));
            op->attempts += outcome.attempts;
            if (op->contextGone()) {
                // Nobody is listening any more: stop fetching.
                return deliver(op, Result<ListAllOutcome>::failure(ApiError::make(
                                       ApiError::Kind::Cancelled, detail::trc("cancelled"))));
            }
            Result<OrganizationPage> page =
                decodeBody<OrganizationPage>(outcome, requestId, &decode::organizationPage);
            if (!page.ok())
                return deliver(op, Result<ListAllOutcome>::failure(page.error()));
            OrganizationPage value = page.value();
            page = {};
            const PageInfo info = value.pageInfo;
            const int received = int(value.items.size());
            const qint64 room = state->cursor.room();
            if (received > room)
                value.items.resize(room);
            std::optional<QString> next;
            const PagingStop stop = state->cursor.advance(info, received, next);
            ListAllOutcome &total = state->outcome;
            total.items += value.items.size();
            total.skippedItems += value.skippedItems;
            total.incompleteItems += value.incompleteItems;
            if (state->onPage)
                state->onPage(value);
            if (op->delivered)
                return; // aborted from onPage
            if (stop != PagingStop::None) {
                total.stop = stop;
                return deliver(op, Result<ListAllOutcome>::success(total, op->call->requestId()));
            }
            ListOrganizationsRequest following = request;
            following.after = next;
            following.before.reset();
            fetchNextPage(op, following, state, KeycardClient::newRequestId());
        });
}

} // namespace

PendingCall *
KeycardClient::listAllOrganizations(const ListOrganizationsRequest &first, QObject *context,
                                    std::function<void(const OrganizationPage &)> onPage,
                                    Callback<ListAllOutcome> done, const CallOptions &options,
                                    qint64 maxItems)
{
    auto op = d->start<ListAllOutcome>(options, context, std::move(done));
    if (failedPreflight(op, listPreflight(config(), options, first)))
        return op->call;
    ListOrganizationsRequest request = first;
    request.expandPermissions = first.expandPermissions || options.expandPermissions;
    auto state = std::make_shared<ListAllState>(maxItems);
    state->onPage = std::move(onPage);
    fetchNextPage(op, request, std::move(state), op->call->requestId());
    return op->call;
}

PendingCall *KeycardClient::getOrganization(const QString &organization, QObject *context,
                                            Callback<Organization> done, const CallOptions &options)
{
    auto op = d->start<Organization>(options, context, std::move(done));
    if (failedPreflight(
            op, preflight(config(), options, {{rules::Field::OrganizationId, organization}})))
        return op->call;
    op->runner->run(
        HttpRequestSpec{
            "GET", organizationPath(organization), expandQuery(options.expandPermissions), {}, {}},
        op->call->requestId(), deliverDecoded(op, &decode::organization));
    return op->call;
}

PendingCall *KeycardClient::getSsoConnection(const QString &organization, QObject *context,
                                             Callback<SsoConnection> done,
                                             const CallOptions &options)
{
    auto op = d->start<SsoConnection>(options, context, std::move(done));
    if (failedPreflight(
            op, preflight(config(), options, {{rules::Field::OrganizationId, organization}})))
        return op->call;
    op->runner->run(HttpRequestSpec{"GET",
                                    organizationPath(organization, "/sso-connection"),
                                    expandQuery(options.expandPermissions),
                                    {},
                                    {}},
                    op->call->requestId(), deliverDecoded(op, &decode::ssoConnection));
    return op->call;
}

PendingCall *KeycardClient::enableSso(const QString &organization, const SsoConnectionCreate &body,
                                      QObject *context, Callback<EnableOutcome> done,
                                      const CallOptions &options)
{
    auto op = d->start<EnableOutcome>(options, context, std::move(done));
    if (failedPreflight(
            op, preflight(config(), options,
                          {{rules::Field::OrganizationId, organization},
                           {rules::Field::Identifier, body.identifier},
                           {rules::Field::ClientId, body.clientId},
                           {rules::Field::ClientSecret, body.clientSecret.value_or(QString())}},
                          {body.identifier})))
        return op->call;
    const QString requestId = op->call->requestId();
    HttpRequestSpec spec{"POST",
                         organizationPath(organization, "/sso-connection"),
                         {},
                         QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact),
                         {}};
    if (body.clientSecret)
        spec.extraSecrets << *body.clientSecret;
    const QString path = spec.path;
    const QStringList secrets = spec.extraSecrets;
    // What was sent, for the comparison after a 409; a secret only as "one was sent".
    SsoConnectionCreate sent = body;
    if (sent.clientSecret && !sent.clientSecret->isEmpty())
        sent.clientSecret = QStringLiteral("*");
    const QString expand = expandQuery(options.expandPermissions);
    op->runner->run(spec, requestId, [=](const HttpOutcome &created) {
        if (!created.error.isError()) {
            Result<SsoConnection> r =
                decodeBody<SsoConnection>(created, requestId, &decode::ssoConnection);
            if (!r.ok())
                return deliver(op, Result<EnableOutcome>::failure(r.error()));
            return deliver(op, Result<EnableOutcome>::success(
                                   EnableOutcome{r.value(), false, {}, true}, requestId));
        }
        if (created.error.kind != ApiError::Kind::Conflict)
            return deliver(op, failureOf<EnableOutcome>(created));
        // 409: SSO is already enabled. Read the connection back to tell whether it is the one
        // we asked for (e.g. an earlier attempt whose reply was lost did succeed).
        op->attempts = created.attempts;
        op->runner->run(
            HttpRequestSpec{"GET", path, expand, {}, secrets}, requestId,
            [op, created, requestId, sent](const HttpOutcome &existing) {
                if (existing.error.isError())
                    return deliver(op, failureOf<EnableOutcome>(created, existing.attempts));
                Result<SsoConnection> r =
                    decodeBody<SsoConnection>(existing, requestId, &decode::ssoConnection);
                if (!r.ok()) {
                    ApiError e = r.error();
                    e.attempts += op->attempts;
                    return deliver(op, Result<EnableOutcome>::failure(e));
                }
                EnableOutcome outcome;
                outcome.connection = r.value();
                outcome.alreadyEnabled = true;
                outcome.differences = enableDifferences(sent, outcome.connection);
                outcome.matchesRequest = outcome.differences.isEmpty();
                deliver(op, Result<EnableOutcome>::success(outcome, requestId));
            });
    });
    return op->call;
}

PendingCall *KeycardClient::updateSso(const QString &organization, const SsoConnectionUpdate &body,
                                      QObject *context, Callback<SsoConnection> done,
                                      const CallOptions &options)
{
    auto op = d->start<SsoConnection>(options, context, std::move(done));
    std::optional<ApiError> error =
        preflight(config(), options, {{rules::Field::OrganizationId, organization}});
    if (!error && body.identifier) {
        if (auto v = rules::check(rules::Field::Identifier, *body.identifier))
            error = fieldError(rules::Field::Identifier, *v);
        else
            error = issuerError(*body.identifier);
    }
    if (!error && body.clientId && !body.clientId->isNull()) {
        if (auto v = rules::check(rules::Field::ClientId, *body.clientId))
            error = fieldError(rules::Field::ClientId, *v);
    }
    if (!error && body.isEmpty())
        error = ApiError::make(ApiError::Kind::InvalidArgument, detail::trc("nothing to update"));
    if (failedPreflight(op, std::move(error)))
        return op->call;
    HttpRequestSpec spec{"PATCH",
                         organizationPath(organization, "/sso-connection"),
                         {},
                         QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact),
                         {}};
    if (body.clientSecret && !body.clientSecret->isEmpty())
        spec.extraSecrets << *body.clientSecret;
    op->runner->run(spec, op->call->requestId(), deliverDecoded(op, &decode::ssoConnection));
    return op->call;
}

PendingCall *KeycardClient::disableSso(const QString &organization, QObject *context,
                                       Callback<Done> done, const CallOptions &options)
{
    auto op = d->start<Done>(options, context, std::move(done));
    if (failedPreflight(
            op, preflight(config(), options, {{rules::Field::OrganizationId, organization}})))
        return op->call;
    const QString requestId = op->call->requestId();
    op->runner->run(
        HttpRequestSpec{"DELETE", organizationPath(organization, "/sso-connection"), {}, {}, {}},
        requestId, [op, requestId](const HttpOutcome &outcome) {
            if (outcome.error.isError())
                return deliver(op, failureOf<Done>(outcome));
            deliver(op, Result<Done>::success(Done{}, requestId));
        });
    return op->call;
}

} // namespace keycard
