#pragma once

#include "ClientConfig.h"
#include "SessionInfo.h"

#include <QProcessEnvironment>
#include <QUrl>

namespace keycard {

class CommandLineOptions;

// The one place that decides which server and session keycard-admin talks to, from the command
// line, the SDK environment variables (KEYCARD_API_*) and the saved profiles:
//   1. --sandbox: the in-process sandbox with demo data.
//   2. Credentials in the environment: that server (KEYCARD_API_BASE_URL, or --base-url on top).
//   3. --base-url without credentials in the environment: that server (Source::CommandLine).
//   4. Otherwise the sandbox; unless --sandbox or --screenshot was given, the last used saved
//      profile replaces it, as does a profile chosen or saved later. A profile's base URL and
//      credentials give way to those the environment sets.
// A server named by 2 or 3 stays for the whole run: profiles can be edited but not switched to.
// Widget-free: AppSession starts what it says, the window's ProfileController follows it.
class SessionChoice
{
public:
    struct Request
    {
        bool forceSandbox = false; // --sandbox
        QUrl baseUrl;              // --base-url; empty when not given
        bool noProfiles = false;   // --screenshot: a clean, default window
    };

    SessionChoice(Request request, QProcessEnvironment environment);
    static SessionChoice fromOptions(const CommandLineOptions &options,
                                     const QProcessEnvironment &environment);

    // The run's own session, before any saved profile.
    bool usesSandbox() const;
    // Sandbox, Environment or CommandLine.
    SessionInfo::Source source() const;
    // The server's configuration (when not the sandbox): the environment's, with --base-url as
    // its root.
    ClientConfig serverConfig() const;
    // Whether saved profiles may replace the sandbox at start-up (not with --sandbox or
    // --screenshot).
    bool profilesAllowed() const;

    // The rule behind usesSandbox(): forced, or nothing points elsewhere.
    static bool usesSandbox(bool forceSandbox, const QUrl &baseUrl, bool environmentHasCredentials);
    // Whether the run's `session` gives way to the last used profile at start-up.
    static bool startsWithProfile(const SessionInfo &session, bool profilesAllowed);
    // Whether choosing or saving a profile switches the window from `session` to it: only the
    // sandbox gives way.
    static bool profileReplaces(const SessionInfo &session);
    // A saved profile's configuration with what the environment sets on top (the base URL when
    // KEYCARD_API_BASE_URL is set, the credentials when any credential variable is).
    static ClientConfig profileConfig(const ClientConfig &saved,
                                      const QProcessEnvironment &environment);
    // The session of the profile `profileName` connected with `config`.
    static SessionInfo profileSession(const QString &profileName, const ClientConfig &config);

private:
    Request m_request;
    QProcessEnvironment m_environment;
    bool m_environmentHasCredentials;
};

} // namespace keycard
