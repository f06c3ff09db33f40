#include "SandboxHost.h"

#include "ConnectionGuard.h"

#include <QTcpServer>
#include <QThread>

#include <utility>

namespace keycard::sandbox {

// The worker: the server is a local of run(), so it is created, serves and is destroyed (with
// its listening socket and every connection) in this thread.
class SandboxThread : public QThread
{
public:
    SandboxThread(SandboxHost *host, SandboxOptions options)
        : m_host(host)
        , m_options(std::move(options))
    {
        setObjectName(QStringLiteral("keycard-sandbox"));
    }

    ~SandboxThread() override
    {
        // Only set when the thread never ran; it has finished (or never started) by now.
        delete m_listening;
    }

    // Moves `listening` (unparented, in the calling thread) to this thread, to be served once
    // run() starts. Call before start(); start() publishes it to the new thread.
    void adopt(QTcpServer *listening)
    {
        listening->moveToThread(this);
        m_listening = listening;
    }

protected:
    void run() override
    {
        SandboxServer server(m_options);
        if (!server.errorString().isEmpty())
            qWarning("keycard-sandbox: %s", qPrintable(server.errorString()));
        // Direct: the host's signal is emitted here; its receivers choose their thread.
        QObject::connect(&server, &SandboxServer::requestCompleted, m_host,
                         &SandboxHost::requestCompleted, Qt::DirectConnection);
        if (!server.listen(std::exchange(m_listening, nullptr))) {
            qWarning("keycard-sandbox: %s", qPrintable(server.errorString()));
            return;
        }
        // Returns at once when the host asked to quit before the loop started.
        exec();
    }

private:
    SandboxHost *const m_host;
    const SandboxOptions m_options;
    QTcpServer *m_listening = nullptr;
};

SandboxHost::SandboxHost(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SandboxHost::~SandboxHost()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

bool SandboxHost::start(QString *error)
{
    if (m_thread) {
        if (error)
            *error = tr("The sandbox is already running.");
        return false;
    }
    auto listening = std::make_unique<GuardedTcpServer>();
    if (!listening->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = listening->errorString();
        return false;
    }
    const quint16 port = listening->serverPort();
    auto thread = std::make_unique<SandboxThread>(this, m_options);
    thread->adopt(listening.release()); // served by the thread, or deleted if it never runs
    thread->start();
    if (!thread->isRunning()) {
        if (error)
            *error = tr("Cannot start the sandbox thread.");
        return false;
    }
    m_port = port;
    m_thread = std::move(thread);
    return true;
}

QUrl SandboxHost::baseUrl() const
{
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

const QThread *SandboxHost::serverThread() const
{
    return m_thread.get();
}

} // namespace keycard::sandbox
