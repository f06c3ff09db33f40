#pragma once

// Socket-level limits of the sandbox as an HTTP server. Qt HttpServer 6.4 has no limits of its
// own on request heads, bodies or idle connections, so every connection is framed here once
// more, before Qt HttpServer reads it, and refused early when it breaks a limit.

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace keycard::sandbox {

struct ConnectionLimits
{
    qint64 maxHeadBytes = 32 * 1024;   // request line and headers: 431 beyond
    int maxHeadLines = 100;            // request line and headers: 431 beyond
    qint64 maxBodyBytes = 1024 * 1024; // Content-Length: 413 beyond
    int idleTimeoutMs = 30000;         // no byte in or out for this long: closed
};

// One client connection, framed request by request (Content-Length bodies only):
// - a head larger than maxHeadBytes or with more than maxHeadLines lines: 431, closed;
// - Content-Length and Transfer-Encoding together (request smuggling): 400, closed;
// - Transfer-Encoding without Content-Length (chunked uploads): 411, closed;
// - a missing-or-invalid or repeated-and-different Content-Length: 400, closed;
// - a body larger than maxBodyBytes: 413, closed, before the body is read;
// - idle (between requests, or a request half sent) for idleTimeoutMs: closed. While a
//   request is being answered (e.g. --latency) the connection is not idle.
class GuardedSocket : public QTcpSocket
{
    Q_OBJECT
public:
    GuardedSocket(const ConnectionLimits &limits, QObject *parent = nullptr);

    // The server started answering one request (keeps the connection from counting as idle
    // while requests are pending).
    void responded();
    bool rejected() const { return m_rejected; }

private:
    void onReadyRead();
    void onIdle();
    // Consumes `data`; false when the connection was refused.
    bool frame(QByteArray data);
    bool checkHead(const QByteArray &head);
    void reject(int status, const char *code, const char *message);

    ConnectionLimits m_limits;
    QTimer m_idle;
    QByteArray m_head;          // the head of the request being received
    qint64 m_bodyRemaining = 0; // bytes of the current body still to come
    bool m_inBody = false;
    int m_pending = 0; // complete requests not answered yet
    bool m_rejected = false;
};

// A QTcpServer whose connections are GuardedSockets.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(QObject *parent = nullptr);
    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }
    const ConnectionLimits &limits() const { return m_limits; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionLimits m_limits;
};

} // namespace keycard::sandbox
