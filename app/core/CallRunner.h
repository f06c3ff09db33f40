#pragma once

// Private to keycard_core: the engine behind every KeycardClient operation.

#include "ApiError.h"
#include "ClientConfig.h"
#include "HttpSupport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace keycard {

class KeycardClient;
class PendingCall;
class TokenProvider;

// What every request of one client configuration shares. Calls keep the session they started
// with, so setConfig() does not disturb calls in flight.
struct Session
{
    QNetworkAccessManager *nam = nullptr;
    ClientConfig config;
    std::shared_ptr<TokenProvider> tokens;
};

// One HTTP exchange of an operation, with the path and query already encoded.
struct HttpRequestSpec
{
    QByteArray method = "GET";
    QString path;             // "/organizations/acme/sso-connection"
    QString query;            // "limit=100&expand%5B%5D=permissions", may be empty
    QByteArray body;          // JSON; sent with Content-Type: application/json when non-empty
    QStringList extraSecrets; // values of the body that must not appear in error text
};

struct HttpOutcome
{
    ApiError error; // kind None on a 2xx
    int status = 0;
    QByteArray body;
    int attempts = 0;
};

// Runs the HTTP exchanges of one logical operation (one PendingCall): token, attempts,
// retries with back-off, the single re-authentication after a 401, the response size cap.
// Lives as a child of its PendingCall; cancel() (or destruction) stops everything in flight.
class CallRunner : public QObject
{
    Q_OBJECT
public:
    CallRunner(std::shared_ptr<const Session> session, KeycardClient *client, PendingCall *call);
    ~CallRunner() override;

    const Session &session() const { return *m_session; }

    // Starts one exchange; `done` runs once with the outcome unless cancel() comes first.
    // Errors carry `requestId`, the attempt count and are redacted.
    void run(HttpRequestSpec spec, QString requestId,
             std::function<void(const HttpOutcome &)> done);
    void cancel();

    // The secrets of the session (credentials, current token) and of the request.
    QStringList secrets() const;

    // PendingCall bookkeeping (PendingCall befriends this class).
    static void finishCall(PendingCall *call);

private:
    void startAttempt();
    void send(const QString &token);
    void onReplyFinished(QNetworkReply *reply, const http::ReplyWatch &watch);
    void fail(ApiError error, bool retryable, int status, std::optional<qint64> retryAfter,
              std::optional<bool> shouldRetry);
    void complete(HttpOutcome outcome);
    void dropReply();
    int backoffMs(int retry) const;
    qint64 totalDeadlineMs() const;
    static QString retryAfterTooLong(qint64 askedMs, qint64 leftMs);

    std::shared_ptr<const Session> m_session;
    QPointer<KeycardClient> m_client;
    HttpRequestSpec m_spec;
    QString m_requestId;
    std::function<void(const HttpOutcome &)> m_done;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_started; // since run(): the exchange's total time
    QString m_token;
    int m_attempts = 0;
    int m_retries = 0;
    bool m_reauthenticated = false;
    bool m_active = false;
};

} // namespace keycard
