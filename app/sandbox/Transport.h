#pragma once

#include "HttpReply.h"

#include <QAbstractHttpServer>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
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
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
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
