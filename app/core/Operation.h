#pragma once

// Private to keycard_core: the delivery side of one logical operation (PendingCall, runner,
// callback), the checks made before sending and typed decoding of responses.

#include "CallRunner.h"
#include "FieldRules.h"
#include "HttpSupport.h"
#include "KeycardClient.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>

namespace keycard::detail {

inline QString trc(const char *text)
{
    return QCoreApplication::translate("keycard::detail", text);
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
    // The callback may destroy the client, and with it the call.
    const QPointer<PendingCall> call(op->call);
    if (op->done && !op->contextGone())
        op->done(result);
    if (call)
        CallRunner::finishCall(call);
}

template<typename T>
OperationPtr<T> startOperation(KeycardClient *client, std::shared_ptr<const Session> session,
                               const QString &requestId, QObject *context,
                               KeycardClient::Callback<T> done)
{
    auto op = std::make_shared<Operation<T>>();
    op->call = new PendingCall(requestId, client);
    op->runner = new CallRunner(std::move(session), client, op->call);
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

// Delivers an error found before sending (see preflight()) and returns true, or returns false.
template<typename T> bool failedPreflight(const OperationPtr<T> &op, std::optional<ApiError> error)
{
    if (!error)
        return false;
    failLater(op, std::move(*error));
    return true;
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

// The completion of an exchange whose 2xx body is the operation's result: delivers the error,
// or the body decoded strictly with `decoder` (one of the decode:: functions).
template<typename T, typename Decoder>
std::function<void(const HttpOutcome &)> deliverDecoded(const OperationPtr<T> &op, Decoder decoder)
{
    return [op, decoder, requestId = op->call->requestId()](const HttpOutcome &outcome) {
        if (outcome.error.isError())
            return deliver(op, failureOf<T>(outcome));
        deliver(op, decodeBody<T>(outcome, requestId, decoder));
    };
}

ApiError fieldError(rules::Field field, const rules::Violation &violation);

// The issuer rules (rules::checkIssuer) for an identifier that passed its field rules.
std::optional<ApiError> issuerError(const QString &identifier);

// Configuration, request id and field checks, in that order; then the issuer rules for
// `issuers` (identifiers about to be sent).
std::optional<ApiError> preflight(const ClientConfig &config, const CallOptions &options,
                                  std::initializer_list<std::pair<rules::Field, QString>> fields,
                                  std::initializer_list<QString> issuers = {});
// preflight() and the page size of a list request.
std::optional<ApiError> listPreflight(const ClientConfig &config, const CallOptions &options,
                                      const ListOrganizationsRequest &request);

QString requestIdFor(const CallOptions &options);
// "/organizations/<id or label, percent-encoded><suffix>"
QString organizationPath(const QString &organization, const char *suffix = "");
QString expandQuery(bool expandPermissions);
QString listQuery(const ListOrganizationsRequest &request);

} // namespace keycard::detail
