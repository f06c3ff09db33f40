#pragma once

#include "SandboxServer.h"

#include <QObject>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace keycard::sandbox {

class SandboxThread;

// Runs one SandboxServer on a thread of its own, so that neither creating it (Qt HttpServer's
// TLS setup, seeding the data) nor answering its requests (latency included) costs the thread
// that owns the host any time.
//
// start() binds the listening socket on 127.0.0.1 in the calling thread, so the port is known
// when it returns, and hands the socket to the worker thread, which creates the server around
// it. Clients may connect at once: until the worker serves, connections wait in the listen
// backlog. Destroying the host stops the worker and joins it; the server and all of its
// connections are destroyed in the worker thread.
class SandboxHost : public QObject
{
    Q_OBJECT
public:
    explicit SandboxHost(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxHost() override;

    // Listens on a free loopback port and starts the worker thread. Returns false (and sets
    // `error`) when it cannot listen or was already started.
    bool start(QString *error = nullptr);

    bool isStarted() const { return m_port != 0; }
    quint16 port() const { return m_port; } // 0 until started
    QUrl baseUrl() const;                   // http://127.0.0.1:<port>; empty until started
    // The options the server was created with (the host's own copy).
    const SandboxOptions &options() const { return m_options; }
    // The thread the server runs in; nullptr until started.
    const QThread *serverThread() const;

Q_SIGNALS:
    // SandboxServer::requestCompleted, emitted IN THE SERVER'S THREAD: connect with the default
    // (auto) connection type to have it delivered in the receiver's thread. No body, no header.
    void requestCompleted(const QByteArray &method, const QString &path, int status);

private:
    SandboxOptions m_options;
    quint16 m_port = 0;
    std::unique_ptr<SandboxThread> m_thread;
};

} // namespace keycard::sandbox
