#pragma once

#include "Secret.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QUrl>

namespace keycard {

// keycard-admin's demo server: the keycard-sandbox program run as a child process, so that the
// administrators' program links neither Qt HttpServer (a technology preview whose ABI changes
// between Qt minor versions, GPL-3 only) nor any of the sandbox's code.
//
// start() binds a listening socket on 127.0.0.1 with a free port in this process, so the base
// URL is known at once and clients may connect before the child runs (connections wait in the
// listen queue), then hands that socket to the child as its descriptor 3 (`--listen-fd 3`).
// A fresh random client secret goes to the child through its standard input, never argv or
// the environment (`--client-secret-stdin`). The child stops when its standard input closes
// (`--exit-with-stdin`), that is when this object is destroyed or this process dies, however
// it dies. stopped() reports a child that could not start or ended while it was needed.
class SandboxProcess : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString program;            // empty: defaultProgram()
        int extraOrganizations = 0; // keycard-sandbox --orgs
    };

    explicit SandboxProcess(QObject *parent = nullptr);
    ~SandboxProcess() override;

    // Binds the port and starts the child. False (and `error`) when no port could be bound or
    // the program is missing; a child that fails later is reported by stopped().
    bool start(const Options &options, QString *error);

    QUrl baseUrl() const { return m_baseUrl; }
    QString clientId() const { return m_clientId; }
    const Secret &clientSecret() const { return m_clientSecret; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }

    // keycard-sandbox next to this program (installed: the same bin directory; in a build tree
    // the programs are side by side too, see the top-level CMakeLists.txt).
    static QString defaultProgram();

Q_SIGNALS:
    // The demo server is gone: `reason` says how, in words for the window.
    void stopped(const QString &reason);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void onStderr();

    QProcess m_process;
    QUrl m_baseUrl;
    QString m_clientId;
    Secret m_clientSecret;
    QByteArray m_stderrTail; // the last lines the child wrote to stderr, for stopped()
    bool m_stopping = false;
    bool m_reported = false;
};

} // namespace keycard
