#pragma once

#include "SessionInfo.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

namespace keycard {

class CommandLineOptions;
class KeycardClient;
class SandboxProcess;

// The network access manager, the client and, in sandbox mode, the demo server (keycard-sandbox
// as a child process, SandboxProcess) that one run of the app talks to, as SessionChoice
// decides.
class AppSession : public QObject
{
    Q_OBJECT
public:
    ~AppSession() override;

    // The sandbox when options or environment call for it, otherwise the SDK environment
    // variables with --base-url on top. Returns nullptr and sets `error` when the sandbox
    // cannot be started. `sandboxProgram` (tests): the keycard-sandbox to run; empty for the
    // one next to this program.
    static std::unique_ptr<AppSession> start(const CommandLineOptions &options,
                                             const QProcessEnvironment &environment, QString *error,
                                             const QString &sandboxProgram = {});

    KeycardClient *client() const { return m_client.get(); }
    // The demo server, or nullptr when the session talks to a real server.
    const SandboxProcess *sandbox() const { return m_sandbox.get(); }
    const SessionInfo &info() const { return m_info; }

Q_SIGNALS:
    // The demo server this session talks to stopped (SandboxProcess::stopped).
    void sandboxStopped(const QString &reason);

private:
    AppSession();

    QNetworkAccessManager m_nam;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<KeycardClient> m_client;
    SessionInfo m_info;
};

} // namespace keycard
