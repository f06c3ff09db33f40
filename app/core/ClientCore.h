#pragma once

// Private to keycard_core: what the KeycardClient operations share (KeycardClient.cpp and
// KeycardClientMembers.cpp): the client's session and decoding on the thread pool.

#include "CallRunner.h"
#include "KeycardClient.h"
#include "Operation.h"
#include "TokenProvider.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace keycard {

// --- ClientCore -----------------------------------------------------------------------------

class ClientCore
{
public:
    ClientCore(KeycardClient *client, QNetworkAccessManager *manager, ClientConfig config)
        : q(client)
        , nam(manager)
    {
        setConfig(std::move(config));
    }

    void setConfig(ClientConfig config)
    {
        auto s = std::make_shared<Session>();
        s->nam = nam;
        useProxyEnvironment(nam, config.proxies); // our proxy decision, never Qt's own
        s->tokens = std::shared_ptr<TokenProvider>(new TokenProvider(nam, config),
                                                   [](TokenProvider *p) { p->deleteLater(); });
        QObject::connect(s->tokens.get(), &TokenProvider::tokenObtained, q,
                         &KeycardClient::tokenObtained);
        s->config = std::move(config);
        session = std::move(s);
    }

    // A new logical operation on the current session.
    template<typename T>
    detail::OperationPtr<T> start(const CallOptions &options, QObject *context,
                                  KeycardClient::Callback<T> done)
    {
        return detail::startOperation<T>(q, session, detail::requestIdFor(options), context,
                                         std::move(done));
    }

    KeycardClient *q;
    QNetworkAccessManager *nam;
    std::shared_ptr<const Session> session;
};

namespace detail {

// Decodes a 2xx body on a pool thread and hands the result to `then` on the thread of `owner`
// (the call). Nothing happens once `owner` is gone.
template<typename T, typename Decoder>
void decodeInBackground(QObject *owner, const HttpOutcome &outcome, const QString &requestId,
                        Decoder decoder, std::function<void(T &)> prepare,
                        std::function<void(const Result<T> &)> then)
{
    // The watcher lives on the call's thread; deleted with the call, it hears nothing more
    // (QFuture::then() with a context object asserts on Qt 6.4 when the context is gone).
    auto *watcher = new QFutureWatcher<Result<T>>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, then] {
        const Result<T> result = watcher->result();
        watcher->deleteLater();
        then(result);
    });
    auto promise = std::make_shared<QPromise<Result<T>>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, outcome, requestId, decoder, prepare] {
        Result<T> result = decodeBody<T>(outcome, requestId, decoder);
        if (prepare && result.ok()) {
            T value = result.value(); // shares the decoded data: prepare() may drop it here
            const QString id = result.requestId();
            result = {};
            prepare(value);
            result = Result<T>::success(std::move(value), id);
        }
        promise->addResult(std::move(result));
        promise->finish();
    });
}

// Like deliverDecoded(), but the body is parsed and decoded on a pool thread: a page of 1000
// items takes milliseconds to decode, which must not stall the client's event loop.
// The result is delivered on the call's thread; once the call is gone (aborted, the client
// destroyed) the decoded page is dropped unseen.
template<typename T, typename Decoder>
std::function<void(const HttpOutcome &)>
deliverDecodedInBackground(const OperationPtr<T> &op, Decoder decoder,
                           std::function<void(T &)> prepare = {})
{
    return [op, decoder, prepare, requestId = op->call->requestId()](const HttpOutcome &outcome) {
        if (outcome.error.isError())
            return deliver(op, failureOf<T>(outcome));
        decodeInBackground<T>(op->call, outcome, requestId, decoder, prepare,
                              [op](const Result<T> &result) { deliver(op, result); });
    };
}

} // namespace detail

} // namespace keycard
