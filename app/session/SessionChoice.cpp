#include "SessionChoice.h"

#include "CommandLineOptions.h"
#include "EnvironmentOverride.h"

#include <utility>

namespace keycard {

SessionChoice::SessionChoice(Request request, QProcessEnvironment environment)
    : m_request(std::move(request))
    , m_environment(std::move(environment))
    , m_environmentHasCredentials(ClientConfig::environmentHasCredentials(m_environment))
{
}

SessionChoice SessionChoice::fromOptions(const CommandLineOptions &options,
                                         const QProcessEnvironment &environment)
{
    Request request;
    request.forceSandbox = options.forceSandbox();
    request.baseUrl = options.baseUrl();
    request.noProfiles = !options.screenshotFile().isEmpty();
    return SessionChoice(std::move(request), environment);
}

bool SessionChoice::usesSandbox(bool forceSandbox, const QUrl &baseUrl,
                                bool environmentHasCredentials)
{
    if (forceSandbox)
        return true;
    return !environmentHasCredentials && baseUrl.isEmpty();
}

bool SessionChoice::usesSandbox() const
{
    return usesSandbox(m_request.forceSandbox, m_request.baseUrl, m_environmentHasCredentials);
}

SessionInfo::Source SessionChoice::source() const
{
    if (usesSandbox())
        return SessionInfo::Source::Sandbox;
    if (!m_request.baseUrl.isEmpty() && !m_environmentHasCredentials)
        return SessionInfo::Source::CommandLine;
    return SessionInfo::Source::Environment;
}

ClientConfig SessionChoice::serverConfig() const
{
    ClientConfig config = ClientConfig::fromEnvironment(m_environment);
    if (!m_request.baseUrl.isEmpty())
        config.baseUrl = m_request.baseUrl;
    return config;
}

bool SessionChoice::profilesAllowed() const
{
    return !m_request.noProfiles && !m_request.forceSandbox;
}

bool SessionChoice::startsWithProfile(const SessionInfo &session, bool profilesAllowed)
{
    return session.isSandbox() && profilesAllowed;
}

bool SessionChoice::profileReplaces(const SessionInfo &session)
{
    return session.isSandbox();
}

ClientConfig SessionChoice::profileConfig(const ClientConfig &saved,
                                          const QProcessEnvironment &environment)
{
    return profiles::environment::apply(saved, environment);
}

SessionInfo SessionChoice::profileSession(const QString &profileName, const ClientConfig &config)
{
    SessionInfo info;
    info.source = SessionInfo::Source::Profile;
    info.baseUrl = config.baseUrl;
    info.profileName = profileName;
    return info;
}

} // namespace keycard
