#include "Transport.h"

#include <QTcpSocket>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#endif

namespace keycard::sandbox {

namespace {

constexpr qsizetype kOversizedPadding = 64 * 1024 * 1024 + 4096;

QByteArray head(int status, const HttpReply &reply, qsizetype contentLength, bool close)
{
    QByteArray text =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!reply.contentType.isEmpty() && (contentLength > 0 || status != 204))
        text += "Content-Type: " + reply.contentType + "\r\n";
    text += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto &header : reply.headers)
        text += header.first + ": " + header.second + "\r\n";
    if (close)
        text += "Connection: close\r\n";
    text += "\r\n";
    return text;
}

// Closes the connection once everything written to it has gone out. Qt HttpServer 6.5 and later
// delete a socket that is no longer connected as soon as the request handler returns, which
// would drop what is still buffered; before 6.5 disconnectFromHost() alone waits for it.
void closeWhenWritten(QTcpSocket *socket)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (socket->bytesToWrite() > 0) {
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                socket->disconnectFromHost();
        });
        return;
    }
#endif
    socket->disconnectFromHost();
}

} // namespace

HttpFrontend::HttpFrontend(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request; this is only reached if Qt changes that.
    m_handler(request, socket);
}
#else
QTcpSocket *HttpFrontend::socketFor(const QHttpServerRequest &request) const
{
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->state() == QAbstractSocket::ConnectedState &&
            socket->peerPort() == request.remotePort() &&
            socket->localPort() == request.localPort() &&
            socket->peerAddress().isEqual(request.remoteAddress()))
            return socket;
    }
    return nullptr;
}

void HttpFrontend::answer(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    if (QTcpSocket *socket = socketFor(request)) {
        m_handler(request, socket);
        return;
    }
    // Only if Qt stops keeping its sockets under the server object.
    qWarning("keycard-sandbox: no connection found for a request");
    responder.sendResponse(
        QHttpServerResponse(QHttpServerResponder::StatusCode::InternalServerError));
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    answer(request, responder);
    return true;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
void HttpFrontend::missingHandler(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
#else
void HttpFrontend::missingHandler(const QHttpServerRequest &request,
                                  QHttpServerResponder &responder)
#endif
{
    // handleRequest() answers every request; this is only reached if Qt changes that.
    answer(request, responder);
}
#endif

QByteArray oversizedJson(const QByteArray &json)
{
    const QByteArray open = "{\"padding\":\"";
    QByteArray body;
    body.reserve(kOversizedPadding + json.size() + open.size() + 4);
    body += open;
    body.append(kOversizedPadding, 'x');
    const QByteArray rest = json.trimmed();
    if (rest.startsWith('{') && rest.size() > 2)
        body += "\"," + rest.mid(1);
    else
        body += "\"}";
    return body;
}

void deliver(QTcpSocket *socket, const HttpReply &reply, Delivery delivery, bool close)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    // Head and body go out as separate writes: without TCP_NODELAY, Nagle holds the body back
    // until the client's delayed ACK (40 ms) on every kept-alive request after the first.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    switch (delivery) {
    case Delivery::Drop:
        socket->abort();
        return;
    case Delivery::Normal:
        socket->write(head(reply.status, reply, reply.body.size(), close));
        socket->write(reply.body);
        break;
    case Delivery::Malformed: {
        HttpReply malformed = reply;
        malformed.body = "<html><body>502 Bad Gateway: upstream sent garbage{\"items\": [";
        socket->write(head(200, malformed, malformed.body.size(), close));
        socket->write(malformed.body);
        break;
    }
    case Delivery::Truncated: {
        HttpReply full = reply;
        if (full.body.isEmpty())
            full.body = R"({"message": "a body that will never arrive in full"})";
        socket->write(head(full.status == 204 ? 200 : full.status, full, full.body.size(), false));
        socket->write(full.body.left(full.body.size() / 2));
        closeWhenWritten(socket);
        return;
    }
    case Delivery::Oversized: {
        const QByteArray body = oversizedJson(reply.body);
        socket->write(head(reply.status == 204 ? 200 : reply.status, reply, body.size(), close));
        socket->write(body);
        break;
    }
    }
    if (close)
        closeWhenWritten(socket);
}

} // namespace keycard::sandbox
