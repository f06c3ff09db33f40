#pragma once

// A scripted raw HTTP server on loopback for the hostile-server tests: each request (head and
// Content-Length body read) is handed to a behaviour that writes whatever bytes it likes, as
// slowly as it likes. Everything runs on the test's event loop.

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace testsupport {

struct RawRequest
{
    QByteArray head; // request line and headers
    QByteArray body;
    QByteArray requestLine() const { return head.left(head.indexOf("\r\n")); }
    bool isTokenRequest() const { return requestLine().contains("/service-account-token"); }
};

class HostileServer : public QObject
{
public:
    using Behaviour = std::function<void(QTcpSocket *socket, const RawRequest &request)>;

    explicit HostileServer(Behaviour behaviour)
        : m_behaviour(std::move(behaviour))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    for (;;) {
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        RawRequest request;
                        request.head = buffer->left(end);
                        qsizetype length = 0;
                        for (const QByteArray &line : request.head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer->size() < end + 4 + length)
                            return;
                        request.body = buffer->mid(end + 4, length);
                        buffer->remove(0, end + 4 + length);
                        m_requests << request;
                        m_behaviour(socket, request);
                    }
                });
            }
        });
    }

    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    const QList<RawRequest> &requests() const { return m_requests; }
    int count(bool tokenRequests) const
    {
        int n = 0;
        for (const RawRequest &r : m_requests)
            n += r.isTokenRequest() == tokenRequests ? 1 : 0;
        return n;
    }

    // Writes `chunks` one per `intervalMs` (then closes when `closeAfter`); stops when the
    // socket goes away.
    static void drip(QTcpSocket *socket, QList<QByteArray> chunks, int intervalMs,
                     bool closeAfter = false)
    {
        auto *timer = new QTimer(socket);
        auto queue = std::make_shared<QList<QByteArray>>(std::move(chunks));
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, queue, closeAfter] {
            if (queue->isEmpty()) {
                timer->stop();
                if (closeAfter)
                    socket->disconnectFromHost();
                return;
            }
            socket->write(queue->takeFirst());
        });
        timer->start(intervalMs);
    }

    // Writes `chunk` every `intervalMs` for ever (until the socket goes away).
    static void repeat(QTcpSocket *socket, QByteArray chunk, int intervalMs)
    {
        auto *timer = new QTimer(socket);
        QObject::connect(timer, &QTimer::timeout, socket,
                         [socket, chunk] { socket->write(chunk); });
        timer->start(intervalMs);
    }

    static QByteArray response(int status, const QByteArray &body,
                               const QList<QByteArray> &extraHeaders = {})
    {
        QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
        text +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
        for (const QByteArray &h : extraHeaders)
            text += h + "\r\n";
        return text + "\r\n" + body;
    }

private:
    QTcpServer m_server;
    Behaviour m_behaviour;
    QList<RawRequest> m_requests;
};

} // namespace testsupport
