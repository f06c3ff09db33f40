#include "AppSession.h"

#include "ClientConfig.h"
#include "CommandLineOptions.h"
#include "KeycardClient.h"
#include "SandboxProcess.h"
#include "SessionChoice.h"

#include <QCoreApplication>

namespace keycard {

AppSession::AppSession() = default;

AppSession::~AppSession()
{
    m_client.reset();  // before the sandbox and the network access manager it uses
    m_sandbox.reset(); // stops the demo server
}

std::unique_ptr<AppSession> AppSession::start(const CommandLineOptions &options,
                                              const QProcessEnvironment &environment,
                                              QString *error, const QString &sandboxProgram)
{
    std::unique_ptr<AppSession> session(new AppSession);
    const SessionChoice choice = SessionChoice::fromOptions(options, environment);
    ClientConfig config;
    if (choice.usesSandbox()) {
        SandboxProcess::Options sandboxOptions;
        sandboxOptions.program = sandboxProgram;
        sandboxOptions.extraOrganizations = options.sandboxExtraOrganizations();
        session->m_sandbox = std::make_unique<SandboxProcess>();
        QString startError;
        if (!session->m_sandbox->start(sandboxOptions, &startError)) {
            if (error)
                *error = QCoreApplication::translate("Session", "Cannot start the sandbox: %1")
                             .arg(startError);
            return nullptr;
        }
        AppSession *raw = session.get();
        connect(session->m_sandbox.get(), &SandboxProcess::stopped, raw,
                &AppSession::sandboxStopped);
        config.baseUrl = session->m_sandbox->baseUrl();
        config.credentials = Credentials::serviceAccount(session->m_sandbox->clientId(),
                                                         session->m_sandbox->clientSecret());
    } else {
        config = choice.serverConfig();
    }
    session->m_info.source = choice.source();
    session->m_info.baseUrl = config.baseUrl;
    session->m_client = std::make_unique<KeycardClient>(&session->m_nam, std::move(config));
    return session;
}

} // namespace keycard
