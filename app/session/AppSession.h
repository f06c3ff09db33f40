#pragma once

#include "SessionInfo.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

namespace keycard {

class CommandLineOptions;
class KeycardClient;
namespace sandbox {
class SandboxHost;
}

// The network access manager, the client and, in sandbox mode, the in-process sandbox (on a
// thread of its own) that one run of the app talks to, as SessionChoice decides.
class AppSession : public QObject
{
    Q_OBJECT
public:
    ~AppSession() override;

    // The sandbox when options or environment call for it, otherwise the SDK environment
    // variables with --base-url on top. Returns nullptr and sets `error` when the sandbox
    // cannot listen.
    static std::unique_ptr<AppSession> start(const CommandLineOptions &options,
                                             const QProcessEnvironment &environment,
                                             QString *error);

    KeycardClient *client() const { return m_client.get(); }
    // The in-process sandbox, or nullptr when the session talks to a real server.
    const sandbox::SandboxHost *sandbox() const { return m_sandbox.get(); }
    const SessionInfo &info() const { return m_info; }

private:
    AppSession();

    QNetworkAccessManager m_nam;
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    std::unique_ptr<KeycardClient> m_client;
    SessionInfo m_info;
};

} // namespace keycard
