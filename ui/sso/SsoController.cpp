#include "SsoController.h"

namespace keycard::ui {

SsoController::SsoController(KeycardClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

template<typename T> bool SsoController::handleFailure(const Result<T> &result)
{
    m_call.clear();
    if (result.ok())
        return false;
    if (result.error().kind == ApiError::Kind::Cancelled)
        Q_EMIT cancelled();
    else
        Q_EMIT failed(result.error());
    return true;
}

std::optional<CallOptions> SsoController::begin(const QString &requestId, bool expandPermissions)
{
    if (isBusy())
        return std::nullopt; // one operation at a time
    CallOptions options;
    options.requestId = requestId;
    options.expandPermissions = expandPermissions;
    Q_EMIT started();
    return options;
}

void SsoController::enable(const QString &organization, const SsoConnectionCreate &body,
                           const QString &requestId)
{
    const auto options = begin(requestId, true);
    if (!options)
        return;
    m_call = m_client->enableSso(
        organization, body, this,
        [this, organization](const Result<EnableOutcome> &result) {
            if (handleFailure(result))
                return;
            const EnableOutcome &outcome = result.value();
            if (outcome.alreadyEnabled && !outcome.matchesRequest)
                Q_EMIT alreadyEnabled(organization, outcome.connection);
            else
                Q_EMIT enabled(organization, outcome.connection);
        },
        *options);
}

void SsoController::update(const QString &organization, const SsoConnectionUpdate &body,
                           const QString &requestId)
{
    const auto options = begin(requestId, true);
    if (!options)
        return;
    m_call = m_client->updateSso(
        organization, body, this,
        [this, organization](const Result<SsoConnection> &result) {
            if (!handleFailure(result))
                Q_EMIT updated(organization, result.value());
        },
        *options);
}

void SsoController::disable(const QString &organization, const QString &requestId)
{
    const auto options = begin(requestId, false);
    if (!options)
        return;
    m_call = m_client->disableSso(
        organization, this,
        [this, organization](const Result<Done> &result) {
            if (!result.ok() && result.error().kind == ApiError::Kind::NotFound &&
                result.error().httpStatus == 404) {
                m_call.clear();
                Q_EMIT disabled(organization);
                return;
            }
            if (!handleFailure(result))
                Q_EMIT disabled(organization);
        },
        *options);
}

void SsoController::cancel()
{
    if (m_call)
        m_call->abort();
}

} // namespace keycard::ui
