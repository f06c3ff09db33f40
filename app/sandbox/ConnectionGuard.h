#pragma once

// Socket-level limits of the sandbox as an HTTP server. Qt HttpServer 6.4 has no limits of its
// own on request heads, bodies or idle connections, so every connection is framed here once
// more, before Qt HttpServer reads it, and refused early when it breaks a limit.

#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace keycard::sandbox {

struct ConnectionLimits
{
    qint64 maxHeadBytes = 32 * 1024;   // request line and headers: 431 beyond
    int maxHeadLines = 100;            // request line and headers: 431 beyond
    qint64 maxBodyBytes = 1024 * 1024; // Content-Length: 413 beyond
    // Content-Length beyond this without an Authorization header that `authorized` accepts:
    // 401 before the body is read. Without `authorized` every request counts as authorized.
    qint64 maxUnauthenticatedBodyBytes = 64 * 1024;
    std::function<bool(const QByteArray &authorization)> authorized;
    int idleTimeoutMs = 30000;    // no byte in or out for this long: closed
    int requestTimeoutMs = 30000; // a request's head and body not in after this long: closed
};

// One client connection, framed request by request (Content-Length bodies only):
// - a head larger than maxHeadBytes or with more than maxHeadLines lines: 431, closed;
// - Content-Length and Transfer-Encoding together (request smuggling): 400, closed;
// - Transfer-Encoding without Content-Length (chunked uploads): 411, closed;
// - a missing-or-invalid or repeated-and-different Content-Length: 400, closed;
// - a body larger than maxBodyBytes: 413, closed, before the body is read;
// - a body larger than maxUnauthenticatedBodyBytes without a valid bearer token: 401, closed,
//   before the body is read;
// - idle (between requests, or a request half sent) for idleTimeoutMs: closed. While a
//   request is being answered (e.g. --latency) the connection is not idle;
// - a request whose head and body have not arrived in full requestTimeoutMs after its first
//   byte: closed, however steadily it drips.
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
    void requestStarted();
    void requestComplete();
    // Consumes `data`; false when the connection was refused.
    bool frame(QByteArray data);
    bool checkHead(const QByteArray &head);
    void reject(int status, const char *code, const char *message);

    ConnectionLimits m_limits;
    QTimer m_idle;
    QTimer m_request;           // runs from a request's first byte until its last
    QByteArray m_head;          // the head of the request being received
    qint64 m_bodyRemaining = 0; // bytes of the current body still to come
    bool m_inBody = false;
    int m_pending = 0; // complete requests not answered yet
    bool m_rejected = false;
};

// A QTcpServer whose connections are GuardedSockets, and which accepts them itself once
// takeOverAccepting() ran (in the thread that serves): Qt's own accept path keeps the first
// error it ever saw, so after one drained backlog ("try again") it takes running out of file
// descriptors for the same and polls the listening socket in a busy loop. This server accepts
// at most acceptBatch connections per wake-up; out of descriptors (or memory), it says so once
// and tries again every acceptRetryMs until a connection is accepted. It stops accepting while
// maxPendingConnections() accepted connections wait to be taken.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(QObject *parent = nullptr);
    ~GuardedTcpServer() override;
    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }
    const ConnectionLimits &limits() const { return m_limits; }
    static constexpr int acceptRetryMs = 250;
    static constexpr int acceptBatch = 64;

    // Listening already: from now on this server, not Qt, accepts. False when the listening
    // socket cannot be watched (no descriptor left to spare): Qt's accept path stays on.
    bool takeOverAccepting();

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr handle) override;

private:
    void acceptPending();
    void acceptFailed(int error);
    void updateNotifier();

    ConnectionLimits m_limits;
    QTimer *m_retry = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    int m_acceptDescriptor = -1; // a duplicate of the listening socket's descriptor
    int m_waiting = 0;           // accepted here and not taken yet
    quint64 m_added = 0;         // connections handed on, ever
    int m_failedAccepts = 0;     // since the last accepted connection
};

} // namespace keycard::sandbox
