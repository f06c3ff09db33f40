#include "AppSession.h"

#include "ClientConfig.h"
#include "CommandLineOptions.h"
#include "KeycardClient.h"
#include "SandboxHost.h"
#include "SessionChoice.h"

#include <QCoreApplication>

namespace keycard {

AppSession::AppSession() = default;

AppSession::~AppSession()
{
    m_client.reset();  // before the sandbox and the network access manager it uses
    m_sandbox.reset(); // joins the sandbox's thread
}

std::unique_ptr<AppSession> AppSession::start(const CommandLineOptions &options,
                                              const QProcessEnvironment &environment,
                                              QString *error)
{
    std::unique_ptr<AppSession> session(new AppSession);
    const SessionChoice choice = SessionChoice::fromOptions(options, environment);
    ClientConfig config;
    if (choice.usesSandbox()) {
        sandbox::SandboxOptions sandboxOptions;
        sandboxOptions.extraOrganizations = options.sandboxExtraOrganizations();
        sandboxOptions.maxRecordedRequests = 0; // nobody reads them in the GUI's demo mode
        // The server is created and serves on its own thread: this one only binds the port.
        session->m_sandbox = std::make_unique<sandbox::SandboxHost>(sandboxOptions);
        QString listenError;
        if (!session->m_sandbox->start(&listenError)) {
            if (error)
                *error = QCoreApplication::translate("Session", "Cannot start the sandbox: %1")
                             .arg(listenError);
            return nullptr;
        }
        const sandbox::SandboxHost &host = *session->m_sandbox;
        config.baseUrl = host.baseUrl();
        config.credentials = Credentials::serviceAccount(host.options().clientId,
                                                         Secret(host.options().clientSecret));
    } else {
        config = choice.serverConfig();
    }
    session->m_info.source = choice.source();
    session->m_info.baseUrl = config.baseUrl;
    session->m_client = std::make_unique<KeycardClient>(&session->m_nam, std::move(config));
    return session;
}

} // namespace keycard
