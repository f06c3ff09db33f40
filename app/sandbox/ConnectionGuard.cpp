#include "ConnectionGuard.h"

#include "HttpReply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

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
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(acceptRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &QTcpServer::resumeAccepting);
    connect(this, &QTcpServer::acceptError, this, &GuardedTcpServer::onAcceptError);
}

void GuardedTcpServer::onAcceptError(QAbstractSocket::SocketError error)
{
    // Qt has paused accepting (QTcpServer does so on any error but a temporary one). Out of
    // file descriptors, the pending connection stays in the listen backlog: try again later.
    qCDebug(lcAccept, "accept attempt %d failed", m_failedAccepts + 1);
    if (m_failedAccepts++ == 0)
        qWarning("keycard-sandbox: cannot accept a connection (%s, error %d); trying again every "
                 "%d ms",
                 qPrintable(errorString()), int(error), acceptRetryMs);
    m_retry.start();
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    if (m_failedAccepts > 0) {
        qWarning("keycard-sandbox: accepting connections again after %d failed attempts",
                 m_failedAccepts);
        m_failedAccepts = 0;
    }
    auto *socket = new GuardedSocket(m_limits, this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    addPendingConnection(socket);
}

} // namespace keycard::sandbox
