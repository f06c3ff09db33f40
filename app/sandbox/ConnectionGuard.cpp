#include "ConnectionGuard.h"

#include "HttpReply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace keycard::sandbox {

namespace {
// Every failed attempt to accept, at debug level
// (QT_LOGGING_RULES=keycard.sandbox.accept.debug=true): what a test watches to see the retries
// paced by the timer.
Q_LOGGING_CATEGORY(lcAccept, "keycard.sandbox.accept", QtWarningMsg)
} // namespace

GuardedSocket::GuardedSocket(const ConnectionLimits &limits, QObject *parent)
    : QTcpSocket(parent)
    , m_limits(limits)
{
    // Connected before Qt HttpServer connects its own reader: this slot sees every byte first.
    connect(this, &QIODevice::readyRead, this, &GuardedSocket::onReadyRead);
    connect(this, &QIODevice::bytesWritten, this, [this] {
        if (m_limits.idleTimeoutMs > 0)
            m_idle.start();
    });
    m_idle.setSingleShot(true);
    if (m_limits.idleTimeoutMs > 0) {
        m_idle.setInterval(m_limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, &GuardedSocket::onIdle);
        m_idle.start();
    }
    m_request.setSingleShot(true);
    if (m_limits.requestTimeoutMs > 0) {
        m_request.setInterval(m_limits.requestTimeoutMs);
        connect(&m_request, &QTimer::timeout, this, &QAbstractSocket::abort);
    }
}

void GuardedSocket::requestStarted()
{
    if (m_limits.requestTimeoutMs > 0 && !m_request.isActive())
        m_request.start();
}

void GuardedSocket::requestComplete()
{
    m_request.stop();
    ++m_pending;
}

void GuardedSocket::responded()
{
    m_pending = std::max(0, m_pending - 1);
    if (m_limits.idleTimeoutMs > 0)
        m_idle.start();
}

void GuardedSocket::onIdle()
{
    if (m_pending > 0 && !m_rejected) {
        m_idle.start(); // the server is still answering (latency, a scripted delay)
        return;
    }
    abort();
}

void GuardedSocket::onReadyRead()
{
    if (m_limits.idleTimeoutMs > 0)
        m_idle.start();
    if (m_rejected) {
        readAll(); // nothing more reaches the HTTP parser
        return;
    }
    // Qt HttpServer reads everything available on each readyRead, so what is unread now is
    // exactly what arrived since the last signal.
    if (!frame(peek(bytesAvailable())))
        readAll();
}

bool GuardedSocket::frame(QByteArray data)
{
    while (!data.isEmpty()) {
        if (m_inBody) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, data.size());
            m_bodyRemaining -= take;
            data.remove(0, take);
            if (m_bodyRemaining == 0) {
                m_inBody = false;
                requestComplete();
            }
            continue;
        }
        requestStarted(); // the first byte of a head (or more of one)
        m_head += data;
        data.clear();
        qsizetype end = m_head.indexOf("\r\n\r\n");
        qsizetype separator = 4;
        if (end < 0) {
            end = m_head.indexOf("\n\n");
            separator = 2;
        }
        const QByteArray head = end < 0 ? m_head : m_head.left(end);
        if (head.size() > m_limits.maxHeadBytes || head.count('\n') + 1 > m_limits.maxHeadLines) {
            reject(431, "request_header_fields_too_large",
                   "The request line and headers are too large");
            return false;
        }
        if (end < 0)
            return true; // the rest of the head is still to come
        data = m_head.mid(end + separator);
        m_head.clear();
        if (!checkHead(head))
            return false;
    }
    return true;
}

bool GuardedSocket::checkHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    std::optional<QByteArray> contentLength;
    QByteArray authorization;
    bool transferEncoding = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "authorization") {
            authorization = value;
        } else if (name == "transfer-encoding") {
            transferEncoding = true;
        } else if (name == "content-length") {
            if (contentLength && *contentLength != value) {
                reject(400, "bad_request", "Conflicting Content-Length headers");
                return false;
            }
            contentLength = value;
        }
    }
    if (transferEncoding && contentLength) {
        reject(400, "bad_request",
               "A request must not carry both Content-Length and Transfer-Encoding");
        return false;
    }
    if (transferEncoding) {
        reject(411, "length_required",
               "Request bodies must be sent with a Content-Length (no Transfer-Encoding)");
        return false;
    }
    qint64 length = 0;
    if (contentLength) {
        bool ok = !contentLength->isEmpty();
        for (const char c : *contentLength)
            ok = ok && c >= '0' && c <= '9';
        length = ok && contentLength->size() <= 18 ? contentLength->toLongLong(&ok) : -1;
        if (!ok || length < 0) {
            reject(400, "bad_request", "Invalid Content-Length");
            return false;
        }
    }
    if (length > m_limits.maxBodyBytes) {
        reject(413, "payload_too_large", "The request body is too large");
        return false;
    }
    if (length > m_limits.maxUnauthenticatedBodyBytes && m_limits.authorized &&
        !m_limits.authorized(authorization)) {
        // Before the body is read: a client without a valid token cannot make the server
        // receive (and keep) large bodies.
        reject(401, "unauthorized",
               "Missing, unknown or expired bearer token (needed for a request body this large)");
        return false;
    }
    if (length > 0) {
        m_inBody = true;
        m_bodyRemaining = length;
    } else {
        requestComplete();
    }
    return true;
}

void GuardedSocket::reject(int status, const char *code, const char *message)
{
    m_rejected = true;
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("message"), QString::fromLatin1(message)},
                                  {QStringLiteral("code"), QString::fromLatin1(code)},
                                  {QStringLiteral("status"), status}})
            .toJson(QJsonDocument::Compact);
    write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
          "\r\nContent-Type: application/json\r\nContent-Length: " +
          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    disconnectFromHost();
}

GuardedTcpServer::GuardedTcpServer(QObject *parent)
    : QTcpServer(parent)
    , m_retry(new QTimer(this)) // a child: moves with the server to the thread that serves
{
    m_retry->setSingleShot(true);
    m_retry->setInterval(acceptRetryMs);
    connect(m_retry, &QTimer::timeout, this, &GuardedTcpServer::updateNotifier);
}

GuardedTcpServer::~GuardedTcpServer()
{
    delete m_notifier;
    if (m_acceptDescriptor >= 0)
        ::close(m_acceptDescriptor);
}

bool GuardedTcpServer::takeOverAccepting()
{
    if (m_notifier || !isListening())
        return m_notifier != nullptr;
    // A duplicate, so that this notifier and Qt's (paused) one never watch the same number.
    const int duplicate = ::fcntl(int(socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (duplicate < 0) {
        qWarning("keycard-sandbox: cannot watch the listening socket (%s); Qt accepts",
                 std::strerror(errno));
        return false;
    }
    QTcpServer::pauseAccepting();
    m_acceptDescriptor = duplicate;
    m_notifier = new QSocketNotifier(duplicate, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &GuardedTcpServer::acceptPending);
    return true;
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (m_notifier) {
        // Qt turns its own accepting back on when a connection is taken: off again before
        // the event loop could poll for it.
        QTcpServer::pauseAccepting();
        if (socket) {
            m_waiting = std::max(0, m_waiting - 1);
            updateNotifier();
        }
    }
    return socket;
}

void GuardedTcpServer::updateNotifier()
{
    if (m_notifier)
        m_notifier->setEnabled(!m_retry->isActive() && m_waiting < maxPendingConnections());
}

void GuardedTcpServer::acceptPending()
{
    for (int accepted = 0; accepted < acceptBatch && m_waiting < maxPendingConnections();) {
        const int descriptor = ::accept4(m_acceptDescriptor, nullptr, nullptr, SOCK_CLOEXEC);
        if (descriptor < 0) {
            const int error = errno;
            if (error == EAGAIN || error == EWOULDBLOCK)
                break; // the backlog is empty
            if (error == EINTR || error == ECONNABORTED || error == EPROTO)
                continue; // that client gave up (or a signal came): the next one
            acceptFailed(error);
            return;
        }
        ++accepted;
        if (m_failedAccepts > 0) {
            qWarning("keycard-sandbox: accepting connections again after %d failed attempts",
                     m_failedAccepts);
            m_failedAccepts = 0;
        }
        const quint64 addedBefore = m_added;
        incomingConnection(descriptor);
        if (m_added != addedBefore)
            Q_EMIT newConnection(); // Qt HttpServer 6.4 takes the connection here (6.5 and later
                                    // on pendingConnectionAvailable, from addPendingConnection)
    }
    updateNotifier();
}

void GuardedTcpServer::acceptFailed(int error)
{
    // Out of file descriptors, the pending connection stays in the listen backlog: try again
    // later, never in a busy loop.
    qCDebug(lcAccept, "accept attempt %d failed", m_failedAccepts + 1);
    if (m_failedAccepts++ == 0)
        qWarning("keycard-sandbox: cannot accept a connection (%s, errno %d); trying again every "
                 "%d ms",
                 std::strerror(error), error, acceptRetryMs);
    m_retry->start();
    updateNotifier();
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new GuardedSocket(m_limits, this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        ::close(int(handle));
        return;
    }
    if (m_notifier)
        ++m_waiting;
    ++m_added;
    addPendingConnection(socket);
}

} // namespace keycard::sandbox
