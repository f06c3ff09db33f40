#pragma once

#include "KeycardClient.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace keycard::ui {

// Runs one SSO write operation at a time through the KeycardClient for a form or dialog and
// turns its result into signals. Widgets never see the network.
class SsoController : public QObject
{
    Q_OBJECT
public:
    explicit SsoController(KeycardClient *client, QObject *parent = nullptr);

    KeycardClient *client() const { return m_client; }
    bool isBusy() const { return !m_call.isNull(); }

    // `requestId` is reused by Retry so the server can recognise a repeated operation.
    void enable(const QString &organization, const SsoConnectionCreate &body,
                const QString &requestId);
    void update(const QString &organization, const SsoConnectionUpdate &body,
                const QString &requestId);
    void disable(const QString &organization, const QString &requestId);
    // Aborts the operation in flight; cancelled() follows.
    void cancel();

Q_SIGNALS:
    void started();
    // 201, or a 409 whose existing connection matches what was sent (an earlier attempt had
    // in fact succeeded).
    void enabled(const QString &organization, const keycard::SsoConnection &connection);
    // 409 with a different existing connection.
    void alreadyEnabled(const QString &organization, const keycard::SsoConnection &existing);
    void updated(const QString &organization, const keycard::SsoConnection &connection);
    // 204, or 404 (nothing to disable: the end state the admin asked for).
    void disabled(const QString &organization);
    void failed(const keycard::ApiError &error);
    void cancelled();

private:
    template<typename T> bool handleFailure(const Result<T> &result);
    // The options of a new operation (and started()), or nothing while one is in flight.
    std::optional<CallOptions> begin(const QString &requestId, bool expandPermissions);

    KeycardClient *m_client;
    QPointer<PendingCall> m_call;
};

} // namespace keycard::ui
