#include "KeycardClient.h"

#include "CallRunner.h"
#include "FieldRules.h"
#include "HttpSupport.h"
#include "TokenProvider.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUuid>

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

// --- ClientCore -----------------------------------------------------------------------------

class ClientCore
{
public:
    ClientCore(KeycardClient *q, QNetworkAccessManager *nam, ClientConfig config)
        : q(q)
        , nam(nam)
    {
        setConfig(std::move(config));
    }

    void setConfig(ClientConfig config)
    {
        auto s = std::make_shared<Session>();
        s->nam = nam;
        s->tokens = std::shared_ptr<TokenProvider>(new TokenProvider(nam, config),
                                                   [](TokenProvider *p) { p->deleteLater(); });
        QObject::connect(s->tokens.get(), &TokenProvider::tokenObtained, q,
                         &KeycardClient::tokenObtained);
        s->config = std::move(config);
        session = std::move(s);
    }

    KeycardClient *q;
    QNetworkAccessManager *nam;
    std::shared_ptr<const Session> session;
};

namespace {

QString trc(const char *text)
{
    return QCoreApplication::translate("KeycardClient", text);
}

// The delivery side of one logical operation: its PendingCall, runner and callback.
template<typename T> struct Operation
{
    PendingCall *call = nullptr;
    CallRunner *runner = nullptr;
    QPointer<QObject> context;
    bool hadContext = false;
    KeycardClient::Callback<T> done;
    bool delivered = false;
    int attempts = 0; // attempts of earlier exchanges (reconcile, previous pages)

    bool contextGone() const { return hadContext && !context; }
};

template<typename T> using OperationPtr = std::shared_ptr<Operation<T>>;

template<typename T> void deliver(const OperationPtr<T> &op, const Result<T> &result)
{
    if (op->delivered)
        return;
    op->delivered = true;
    op->runner->cancel();
    if (op->done && !op->contextGone())
        op->done(result);
    CallRunner::finishCall(op->call);
}

template<typename T>
OperationPtr<T> startOperation(ClientCore *core, const QString &requestId, QObject *context,
                               KeycardClient::Callback<T> done)
{
    auto op = std::make_shared<Operation<T>>();
    op->call = new PendingCall(requestId, core->q);
    op->runner = new CallRunner(core->session, core->q, op->call);
    op->context = context;
    op->hadContext = context != nullptr;
    op->done = std::move(done);
    QObject::connect(op->call, &PendingCall::abortRequested, op->call, [op] {
        ApiError e = ApiError::make(ApiError::Kind::Cancelled, trc("cancelled"));
        e.requestId = op->call->requestId();
        e.attempts = op->attempts;
        deliver(op, Result<T>::failure(e));
    });
    return op;
}

// Delivers an error found before sending, from the event loop (never inside the call).
template<typename T> void failLater(const OperationPtr<T> &op, ApiError error)
{
    error.requestId = op->call->requestId();
    QMetaObject::invokeMethod(
        op->call, [op, error] { deliver(op, Result<T>::failure(error)); }, Qt::QueuedConnection);
}

ApiError fieldError(rules::Field field, const rules::Violation &violation)
{
    return ApiError::make(ApiError::Kind::InvalidArgument,
                          rules::fieldLabel(field) + QStringLiteral(": ") + violation.message(),
                          QString::fromLatin1(rules::rule(field).jsonName));
}

// Configuration, request id and field checks, in that order.
std::optional<ApiError> preflight(const ClientConfig &config, const CallOptions &options,
                                  std::initializer_list<std::pair<rules::Field, QString>> fields)
{
    if (auto error = config.validate())
        return error;
    if (auto v = rules::check(rules::Field::RequestId, options.requestId))
        return fieldError(rules::Field::RequestId, *v);
    for (const auto &[field, value] : fields) {
        if (auto v = rules::check(field, value))
            return fieldError(field, *v);
    }
    return std::nullopt;
}

QString requestIdFor(const CallOptions &options)
{
    return options.requestId.isEmpty() ? KeycardClient::newRequestId() : options.requestId;
}

QString organizationPath(const QString &organization, const char *suffix = "")
{
    return QStringLiteral("/organizations/") + http::encodeComponent(organization) +
           QLatin1String(suffix);
}

QString expandQuery(bool expandPermissions)
{
    return expandPermissions ? QStringLiteral("expand[]=permissions") : QString();
}

QString listQuery(const ListOrganizationsRequest &request)
{
    QStringList parts{QStringLiteral("limit=%1").arg(request.limit)};
    if (request.after && !request.after->isEmpty())
        parts << QStringLiteral("after=") + http::encodeComponent(*request.after);
    if (request.before && !request.before->isEmpty())
        parts << QStringLiteral("before=") + http::encodeComponent(*request.before);
    if (request.expandPermissions)
        parts << expandQuery(true);
    return parts.join(QLatin1Char('&'));
}

// Strict decoding of a 2xx body with one of the decode:: functions.
template<typename T, typename Decoder>
Result<T> decodeBody(const HttpOutcome &outcome, const QString &requestId, Decoder decoder)
{
    auto failure = [&](ApiError e) {
        e.httpStatus = outcome.status;
        e.requestId = requestId;
        e.attempts = outcome.attempts;
        return Result<T>::failure(std::move(e));
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(outcome.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(http::malformed(trc("not JSON (%1)").arg(parseError.errorString())));
    if (!doc.isObject())
        return failure(http::malformed(trc("expected a JSON object")));
    T value;
    QString field;
    if (!decoder(doc.object(), value, field))
        return failure(http::malformedField(field));
    return Result<T>::success(std::move(value), requestId);
}

template<typename T> Result<T> failureOf(const HttpOutcome &outcome, int earlierAttempts = 0)
{
    ApiError e = outcome.error;
    e.attempts += earlierAttempts;
    return Result<T>::failure(std::move(e));
}

bool sameOptional(const std::optional<QString> &a, const QString &b)
{
    return a ? *a == b : b.isEmpty();
}

} // namespace

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
                                              const CallOptions &options)
{
    auto op =
        startOperation<OrganizationPage>(d.get(), requestIdFor(options), context, std::move(done));
    if (auto error = preflight(config(), options, {})) {
        failLater(op, *error);
        return op->call;
    }
    if (request.limit < 1 || request.limit > 1000) {
        failLater(op, ApiError::make(ApiError::Kind::InvalidArgument,
                                     trc("limit: must be between 1 and 1000"),
                                     QStringLiteral("limit")));
        return op->call;
    }
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/organizations");
    ListOrganizationsRequest effective = request;
    effective.expandPermissions = request.expandPermissions || options.expandPermissions;
    spec.query = listQuery(effective);
    const QString requestId = op->call->requestId();
    op->runner->run(spec, requestId, [op, requestId](const HttpOutcome &outcome) {
        if (outcome.error.isError())
            return deliver(op, failureOf<OrganizationPage>(outcome));
        deliver(op, decodeBody<OrganizationPage>(outcome, requestId, &decode::organizationPage));
    });
    return op->call;
}

namespace {

// Follows end_cursor page after page; each page is its own exchange with its own request id.
void fetchNextPage(const OperationPtr<int> &op, ListOrganizationsRequest request,
                   std::function<void(const OrganizationPage &)> onPage, QString requestId,
                   int total)
{
    op->runner->run(
        HttpRequestSpec{"GET", QStringLiteral("/organizations"), listQuery(request), {}, {}},
        requestId,
        [op, request, onPage = std::move(onPage), requestId, total](const HttpOutcome &outcome) {
            if (outcome.error.isError())
                return deliver(op, failureOf<int>(outcome, op->attempts));
            op->attempts += outcome.attempts;
            if (op->contextGone()) {
                // Nobody is listening any more: stop fetching.
                return deliver(op, Result<int>::failure(ApiError::make(ApiError::Kind::Cancelled,
                                                                       trc("cancelled"))));
            }
            Result<OrganizationPage> page =
                decodeBody<OrganizationPage>(outcome, requestId, &decode::organizationPage);
            if (!page.ok())
                return deliver(op, Result<int>::failure(page.error()));
            const int newTotal = total + int(page.value().items.size());
            const PageInfo info = page.value().pageInfo;
            if (onPage)
                onPage(page.value());
            page = {};
            if (op->delivered)
                return; // aborted from onPage
            if (!info.hasNextPage || !info.endCursor)
                return deliver(op, Result<int>::success(newTotal, op->call->requestId()));
            if (request.after && *request.after == *info.endCursor) {
                ApiError e = http::malformed(trc("the page cursor did not advance"),
                                             QStringLiteral("page_info.end_cursor"));
                e.requestId = requestId;
                e.httpStatus = outcome.status;
                return deliver(op, Result<int>::failure(e));
            }
            ListOrganizationsRequest next = request;
            next.after = info.endCursor;
            next.before.reset();
            fetchNextPage(op, next, onPage, KeycardClient::newRequestId(), newTotal);
        });
}

} // namespace

PendingCall *
KeycardClient::listAllOrganizations(const ListOrganizationsRequest &first, QObject *context,
                                    std::function<void(const OrganizationPage &)> onPage,
                                    Callback<int> done, const CallOptions &options)
{
    auto op = startOperation<int>(d.get(), requestIdFor(options), context, std::move(done));
    if (auto error = preflight(config(), options, {})) {
        failLater(op, *error);
        return op->call;
    }
    if (first.limit < 1 || first.limit > 1000) {
        failLater(op, ApiError::make(ApiError::Kind::InvalidArgument,
                                     trc("limit: must be between 1 and 1000"),
                                     QStringLiteral("limit")));
        return op->call;
    }
    ListOrganizationsRequest request = first;
    request.expandPermissions = first.expandPermissions || options.expandPermissions;
    fetchNextPage(op, request, std::move(onPage), op->call->requestId(), 0);
    return op->call;
}

PendingCall *KeycardClient::getOrganization(const QString &organization, QObject *context,
                                            Callback<Organization> done, const CallOptions &options)
{
    auto op =
        startOperation<Organization>(d.get(), requestIdFor(options), context, std::move(done));
    if (auto error = preflight(config(), options, {{rules::Field::OrganizationId, organization}})) {
        failLater(op, *error);
        return op->call;
    }
    const QString requestId = op->call->requestId();
    op->runner->run(
        HttpRequestSpec{
            "GET", organizationPath(organization), expandQuery(options.expandPermissions), {}, {}},
        requestId, [op, requestId](const HttpOutcome &outcome) {
            if (outcome.error.isError())
                return deliver(op, failureOf<Organization>(outcome));
            deliver(op, decodeBody<Organization>(outcome, requestId, &decode::organization));
        });
    return op->call;
}

PendingCall *KeycardClient::getSsoConnection(const QString &organization, QObject *context,
                                             Callback<SsoConnection> done,
                                             const CallOptions &options)
{
    auto op =
        startOperation<SsoConnection>(d.get(), requestIdFor(options), context, std::move(done));
    if (auto error = preflight(config(), options, {{rules::Field::OrganizationId, organization}})) {
        failLater(op, *error);
        return op->call;
    }
    const QString requestId = op->call->requestId();
    op->runner->run(
        HttpRequestSpec{"GET",
                        organizationPath(organization, "/sso-connection"),
                        expandQuery(options.expandPermissions),
                        {},
                        {}},
        requestId, [op, requestId](const HttpOutcome &outcome) {
            if (outcome.error.isError())
                return deliver(op, failureOf<SsoConnection>(outcome));
            deliver(op, decodeBody<SsoConnection>(outcome, requestId, &decode::ssoConnection));
        });
    return op->call;
}

PendingCall *KeycardClient::enableSso(const QString &organization, const SsoConnectionCreate &body,
                                      QObject *context, Callback<EnableOutcome> done,
                                      const CallOptions &options)
{
    auto op =
        startOperation<EnableOutcome>(d.get(), requestIdFor(options), context, std::move(done));
    if (auto error =
            preflight(config(), options,
                      {{rules::Field::OrganizationId, organization},
                       {rules::Field::Identifier, body.identifier},
                       {rules::Field::ClientId, body.clientId},
                       {rules::Field::ClientSecret, body.clientSecret.value_or(QString())}})) {
        failLater(op, *error);
        return op->call;
    }
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
    const QString identifier = body.identifier;
    const QString clientId = body.clientId;
    const QString expand = expandQuery(options.expandPermissions);
    op->runner->run(spec, requestId, [=](const HttpOutcome &created) {
        if (!created.error.isError()) {
            Result<SsoConnection> r =
                decodeBody<SsoConnection>(created, requestId, &decode::ssoConnection);
            if (!r.ok())
                return deliver(op, Result<EnableOutcome>::failure(r.error()));
            return deliver(op, Result<EnableOutcome>::success(EnableOutcome{r.value(), false, true},
                                                              requestId));
        }
        if (created.error.kind != ApiError::Kind::Conflict)
            return deliver(op, failureOf<EnableOutcome>(created));
        // 409: SSO is already enabled. Read the connection back to tell whether it is the one
        // we asked for (e.g. an earlier attempt whose reply was lost did succeed).
        op->attempts = created.attempts;
        op->runner->run(
            HttpRequestSpec{"GET", path, expand, {}, secrets}, requestId,
            [op, created, requestId, identifier, clientId](const HttpOutcome &existing) {
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
                outcome.matchesRequest = outcome.connection.identifier == identifier &&
                                         sameOptional(outcome.connection.clientId, clientId);
                deliver(op, Result<EnableOutcome>::success(outcome, requestId));
            });
    });
    return op->call;
}

PendingCall *KeycardClient::updateSso(const QString &organization, const SsoConnectionUpdate &body,
                                      QObject *context, Callback<SsoConnection> done,
                                      const CallOptions &options)
{
    auto op =
        startOperation<SsoConnection>(d.get(), requestIdFor(options), context, std::move(done));
    std::optional<ApiError> error =
        preflight(config(), options, {{rules::Field::OrganizationId, organization}});
    if (!error && body.identifier) {
        if (auto v = rules::check(rules::Field::Identifier, *body.identifier))
            error = fieldError(rules::Field::Identifier, *v);
    }
    if (!error && body.clientId && !body.clientId->isNull()) {
        if (auto v = rules::check(rules::Field::ClientId, *body.clientId))
            error = fieldError(rules::Field::ClientId, *v);
    }
    if (!error && body.isEmpty())
        error = ApiError::make(ApiError::Kind::InvalidArgument, trc("nothing to update"));
    if (error) {
        failLater(op, *error);
        return op->call;
    }
    const QString requestId = op->call->requestId();
    HttpRequestSpec spec{"PATCH",
                         organizationPath(organization, "/sso-connection"),
                         {},
                         QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact),
                         {}};
    if (body.clientSecret && !body.clientSecret->isEmpty())
        spec.extraSecrets << *body.clientSecret;
    op->runner->run(spec, requestId, [op, requestId](const HttpOutcome &outcome) {
        if (outcome.error.isError())
            return deliver(op, failureOf<SsoConnection>(outcome));
        deliver(op, decodeBody<SsoConnection>(outcome, requestId, &decode::ssoConnection));
    });
    return op->call;
}

PendingCall *KeycardClient::disableSso(const QString &organization, QObject *context,
                                       Callback<Done> done, const CallOptions &options)
{
    auto op = startOperation<Done>(d.get(), requestIdFor(options), context, std::move(done));
    if (auto error = preflight(config(), options, {{rules::Field::OrganizationId, organization}})) {
        failLater(op, *error);
        return op->call;
    }
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
