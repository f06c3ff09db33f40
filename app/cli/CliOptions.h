#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Command-line grammar of keycardctl: `keycardctl [GLOBAL OPTIONS] GROUP COMMAND [ARGS] [OPTIONS]`.
// Parsing only looks at the words; field rules are checked by validateInvocation().
namespace keycard::cli {

enum class Command {
    None,
    OrgsList,
    OrgsGet,
    SsoGet,
    SsoEnable,
    SsoUpdate,
    SsoDisable,
    SsoCheck,
    SsoImpact,
    UsersList,
    UsersSet,
    UsersRemove,
    InvitationsList,
    InvitationsCreate,
    InvitationsRevoke,
};

// Whether `command` takes a second argument after ORG (USER, INVITATION).
bool takesTarget(Command command);

// "orgs list", "sso enable", ... (the help topic of a command).
QString commandPath(Command command);

// Protocol settings given with --authorization-endpoint, --scopes, ...
struct ProtocolOptions
{
    std::optional<QString> authorizationEndpoint;
    std::optional<QString> tokenEndpoint;
    std::optional<QString> jwksUri;
    std::optional<QString> registrationEndpoint;
    std::optional<QStringList> scopes;
    std::optional<QStringList> codeChallengeMethods;
    std::optional<QString> userinfoEndpoint;
    bool any() const;
};

struct Invocation
{
    Command command = Command::None;

    // Global options.
    std::optional<QString> baseUrl;
    std::optional<QString> profile; // --profile NAME: a connection saved by keycard-admin
    std::optional<QString> caFile;  // --ca-file FILE: additional certificate authorities
    std::optional<QString> requestId;
    bool json = false;
    bool verbose = false;
    std::optional<double> timeoutSeconds;
    std::optional<int> retries;

    // orgs list
    bool all = false;
    int limit = 100;
    std::optional<QString> after;
    bool permissions = false;
    std::optional<qint64> maxItems; // --max-items N: stop after N organizations

    // Every command but `orgs list`: the organization's id or label.
    QString organization;

    // sso enable / sso update. The secret itself is never part of the invocation.
    std::optional<QString> identifier;
    std::optional<QString> clientId;
    bool clearClientId = false;
    bool clientSecretStdin = false;
    bool clearClientSecret = false;
    ProtocolOptions protocols;

    // sso disable, users remove, invitations revoke
    bool yes = false;
    // sso disable, sso update --identifier: go ahead even when no administrator would be left
    // able to sign in.
    bool force = false;

    // users set / users remove: USER; invitations revoke: INVITATION.
    QString target;
    // users list (filter), users set, invitations create.
    std::optional<QString> role;
    std::optional<QString> status; // users set
    std::optional<QString> email;  // invitations create
    // sso impact: --issuer NEW (the change of issuer, or the issuer to enable) / --disable.
    std::optional<QString> issuer;
    bool disable = false;

    // sso enable --check: run the issuer check first (sso check takes ISSUER as `identifier`).
    bool check = false;
};

struct ParseOutcome
{
    enum class Action { Run, Help, Version, Error };
    Action action = Action::Error;
    Invocation invocation;
    QString helpTopic; // for Help, and the "Try ... --help" hint of an Error
    QString error;     // for Error: one line, without the "keycardctl: " prefix
    QString field;     // for Error: the JSON field a rule failed on, when there is one
};

// `arguments` without the program name.
ParseOutcome parseArguments(const QStringList &arguments);

// Field rules (rules::check), ranges and option combinations. Returns an Error outcome or
// nullopt. The base URL is checked later, together with the rest of the configuration.
std::optional<ParseOutcome> validateInvocation(const Invocation &invocation);

// What a valid invocation is warned about, one line each ("keycardctl: warning: --identifier:
// ..."): an issuer URL with capital letters (rules::issuerWarnings()).
QStringList invocationWarnings(const Invocation &invocation);

} // namespace keycard::cli
