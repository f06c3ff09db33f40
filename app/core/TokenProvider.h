#pragma once

// Private to keycard_core: access tokens for API calls.

#include "ApiError.h"
#include "ClientConfig.h"
#include "HttpSupport.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace keycard {

// Hands out the bearer token for API calls. A ready bearer token is used as is. Service
// account credentials are exchanged at {base}/service-account-token (client-credentials grant,
// HTTP Basic); the token is cached and renewed 10 s before it expires, and every caller that
// asks while a fetch is in flight shares that one fetch.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    // error.kind == None on success.
    using Callback = std::function<void(const QString &token, const ApiError &error)>;

    TokenProvider(QNetworkAccessManager *nam, ClientConfig config, QObject *parent = nullptr);
    ~TokenProvider() override;

    // Runs `done` once with a token or the reason there is none, unless `receiver` is destroyed
    // first. Runs synchronously when a valid token is cached.
    void acquire(QObject *receiver, Callback done);
    // `token` was refused by the API (401): forget it if it is still the cached one, so the
    // next acquire() fetches a new one.
    void invalidate(const QString &token);

    // Seconds before expiry at which a cached token is no longer handed out.
    static constexpr int kRefreshMarginSeconds = 10;
    static constexpr int kDefaultLifetimeSeconds = 3600;

Q_SIGNALS:
    void tokenObtained(); // never carries the token

private:
    struct Waiter
    {
        QPointer<QObject> receiver;
        bool hadReceiver = false;
        Callback done;
    };
    bool cachedTokenValid() const;
    // Every form of the service account's secret a server's text may echo.
    QStringList secrets() const;
    void fetch();
    void onFetchFinished(QNetworkReply *reply, const http::ReplyWatch &watch);
    void finishWaiters(const QString &token, const ApiError &error);

    QNetworkAccessManager *m_nam;
    ClientConfig m_config;
    QList<Waiter> m_waiters;
    QPointer<QNetworkReply> m_reply;
    QString m_token;
    qint64 m_lifetimeMs = 0;
    QElapsedTimer m_obtained;
};

} // namespace keycard
