#pragma once

#include "HttpReply.h"

#include <QAbstractHttpServer>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QHttpServerResponder;
QT_END_NAMESPACE

namespace keycard::sandbox {

// Qt HttpServer front end: parses requests and hands each one, with its socket, to a handler.
// The handler answers (now or later) through deliver(); holding the socket is what lets the
// sandbox drop or truncate replies.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;
    explicit HttpFrontend(Handler handler, QObject *parent = nullptr);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    // Qt 6.5 and later pass a responder instead of the socket (6.8: missingHandler takes it by
    // lvalue reference). The sandbox still writes to the socket itself: socketFor() finds it.
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) override;
#else
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &responder) override;
#endif
#endif

private:
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // The connection a request arrived on: matched by its local and remote ports among the
    // sockets Qt HttpServer keeps under this object.
    QTcpSocket *socketFor(const QHttpServerRequest &request) const;
    void answer(const QHttpServerRequest &request, QHttpServerResponder &responder);
#endif
    Handler m_handler;
};

// How a reply reaches the client.
enum class Delivery {
    Normal,
    Malformed, // status 200, a body that is not JSON
    Truncated, // headers announce the full body, half of it is sent, then the connection closes
    Oversized, // the reply's JSON padded with an extra member beyond 64 MiB
    Drop,      // no reply at all: the connection is aborted
};

// Writes `reply` to `socket` as an HTTP/1.1 response. `close`: close after writing
// (the client asked for Connection: close).
void deliver(QTcpSocket *socket, const HttpReply &reply, Delivery delivery, bool close);

// A valid JSON object larger than 64 MiB: `json` with a long "padding" member added.
QByteArray oversizedJson(const QByteArray &json);

} // namespace keycard::sandbox
