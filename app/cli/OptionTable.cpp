#include "OptionTable.h"

#include <QCoreApplication>

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

using S = HelpSection;

// Every option of keycardctl, in the order the help lists them. An option whose help differs
// between commands has a row per command.
constexpr OptionSpec kOptions[] = {
    {"base-url", "URL", 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "API root (default: $KEYCARD_API_BASE_URL, else\n"
                                       "https://api.keycard.ai). http:// only for localhost.")},
    {"profile", "NAME", 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "use a connection saved in Keycard Admin, its secret read\n"
                                       "from the system keychain; KEYCARD_API_* variables and\n"
                                       "--base-url still override it")},
    {"ca-file", "FILE", 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "also trust the certificate authorities in FILE (PEM),\n"
                                       "e.g. a private CA; replaces the profile's file")},
    {"request-id", "UUID", 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli",
                       "X-Client-Request-ID of the operation (default: a new UUID;\n"
                       "kept across retries and shown in errors)")},
    {"json", nullptr, 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "print the API's JSON objects as received; errors become a\n"
                                       "JSON object on the last line of standard error")},
    {"timeout", "SECONDS", 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli",
                       "time limit of each attempt, from connecting to the last\n"
                       "byte of the response (default 60); a server's Retry-After\n"
                       "is waited for only while it fits in (retries + 1) times this")},
    {"retries", "N", 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "retries of transient failures, 0 to 10 (default 2)")},
    {"verbose", nullptr, 'v', Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "report retries and request ids on standard error")},
    {"help", nullptr, 'h', Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "show help (also: keycardctl help COMMAND)")},
    {"version", nullptr, 0, Everywhere, S::Global,
     QT_TRANSLATE_NOOP("keycard::cli", "show the version and exit")},

    {"all", nullptr, 0, InOrgsList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "follow the pages to the end")},
    {"limit", "N", 0, InOrgsList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "organizations per page, 1 to 1000 (default 100)")},
    {"max-items", "N", 0, InOrgsList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "stop after N organizations (says so on standard error)")},
    {"after", "CURSOR", 0, InOrgsList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "start after this cursor (end_cursor of a page)")},
    {"permissions", nullptr, 0, InOrgsList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "ask for the account's permissions on each organization\n"
                                       "(adds an UPDATE column: may it change SSO?)")},

    {"identifier", "URL", 0, InSsoEnable, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the IdP's issuer URL, 1 to 2,048 characters,\n"
                                       "e.g. https://your-org.okta.com")},
    {"client-id", "ID", 0, InSsoEnable, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the OAuth 2.0 client ID issued by the IdP")},
    {"client-secret-stdin", nullptr, 0, InSsoEnable, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "read the IdP client secret from standard input: a\n"
                                       "pipe or file to its end, a terminal one line with\n"
                                       "echo off; a trailing newline is dropped. Without it,\n"
                                       "$KEYCARD_SSO_CLIENT_SECRET is used when set.")},
    {"check", nullptr, 0, InSsoEnable, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "run 'sso check' on the identifier first; when a\n"
                                       "check fails, send nothing and exit with status 9")},

    {"identifier", "URL", 0, InSsoUpdate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "new issuer URL, 1 to 2,048 characters")},
    {"client-id", "ID", 0, InSsoUpdate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "new OAuth 2.0 client ID")},
    {"clear-client-id", nullptr, 0, InSsoUpdate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "remove the client ID")},
    {"client-secret-stdin", nullptr, 0, InSsoUpdate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "read a new client secret from standard input (or\n"
                                       "set $KEYCARD_SSO_CLIENT_SECRET)")},
    {"clear-client-secret", nullptr, 0, InSsoUpdate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "remove the stored client secret")},

    {"authorization-endpoint", "URL", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "OAuth 2.0 authorization endpoint")},
    {"token-endpoint", "URL", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "OAuth 2.0 token endpoint")},
    {"jwks-uri", "URL", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "JSON Web Key Set URL")},
    {"registration-endpoint", "URL", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "dynamic client registration endpoint")},
    {"scopes", "LIST", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "comma-separated, e.g. openid,profile,email")},
    {"code-challenge-methods", "LIST", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "comma-separated, e.g. S256")},
    {"userinfo-endpoint", "URL", 0, InSsoWrite, S::Protocol,
     QT_TRANSLATE_NOOP("keycard::cli", "OpenID Connect userinfo endpoint")},

    {"force", nullptr, 0, InSsoUpdate | InSsoDisable | InUsersSet | InUsersRemove, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "go ahead even when no active administrator would be\n"
                                       "left (able to sign in: see 'sso impact')")},
    {"yes", nullptr, 'y', InSsoDisable | InUsersRemove | InInvitationsRevoke, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "do not ask for confirmation")},

    {"issuer", "URL", 0, InSsoImpact, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the impact of changing the issuer to URL (or, without\n"
                                       "SSO, of enabling SSO with URL)")},
    {"disable", nullptr, 0, InSsoImpact, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the impact of disabling SSO")},

    {"role", "ROLE", 0, InUsersList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "only members with this role: org_admin, org_member\n"
                                       "or org_viewer")},
    {"max-items", "N", 0, InUsersList, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "stop after N members (says so on standard error)")},
    {"role", "ROLE", 0, InUsersSet, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the new role: org_admin, org_member or org_viewer")},
    {"status", "STATUS", 0, InUsersSet, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the new status: active or disabled")},
    {"email", "EMAIL", 0, InInvitationsCreate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the email address to invite")},
    {"role", "ROLE", 0, InInvitationsCreate, S::Command,
     QT_TRANSLATE_NOOP("keycard::cli", "the role on joining: org_admin, org_member or\n"
                                       "org_viewer")},
};

// The column the descriptions of a help block start at.
int descriptionColumn(HelpSection section, Command command)
{
    switch (section) {
    case HelpSection::Global:
        return 23;
    case HelpSection::Protocol:
        return 33;
    case HelpSection::Command:
        break;
    }
    switch (command) {
    case Command::OrgsList:
        return 20;
    case Command::SsoDisable:
        return 15;
    default:
        return 26;
    }
}

QString heading(HelpSection section)
{
    switch (section) {
    case HelpSection::Global:
        return tr("Global options:");
    case HelpSection::Protocol:
        return tr("Protocol options (optional; only those given are sent, inside \"protocols\"):");
    case HelpSection::Command:
        break;
    }
    return tr("Options:");
}

} // namespace

std::span<const OptionSpec> allOptions()
{
    return kOptions;
}

const OptionSpec *findOption(const QString &name)
{
    for (const OptionSpec &spec : kOptions) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

const OptionSpec *findShortOption(QChar letter)
{
    for (const OptionSpec &spec : kOptions) {
        if (spec.shortName != 0 && letter == QLatin1Char(spec.shortName))
            return &spec;
    }
    return nullptr;
}

bool acceptsOption(Command command, const QString &name)
{
    const unsigned scope = scopeOf(command);
    for (const OptionSpec &spec : kOptions) {
        if ((spec.scope & scope) && name == QLatin1String(spec.name))
            return true;
    }
    return false;
}

unsigned scopeOf(Command command)
{
    switch (command) {
    case Command::OrgsList:
        return InOrgsList;
    case Command::OrgsGet:
        return InOrgsGet;
    case Command::SsoGet:
        return InSsoGet;
    case Command::SsoEnable:
        return InSsoEnable;
    case Command::SsoUpdate:
        return InSsoUpdate;
    case Command::SsoDisable:
        return InSsoDisable;
    case Command::SsoCheck:
        return InSsoCheck;
    case Command::SsoImpact:
        return InSsoImpact;
    case Command::UsersList:
        return InUsersList;
    case Command::UsersSet:
        return InUsersSet;
    case Command::UsersRemove:
        return InUsersRemove;
    case Command::InvitationsList:
        return InInvitationsList;
    case Command::InvitationsCreate:
        return InInvitationsCreate;
    case Command::InvitationsRevoke:
        return InInvitationsRevoke;
    case Command::None:
        break;
    }
    return 0;
}

std::optional<Command> commandFor(const QString &group, const QString &verb)
{
    if (group == QLatin1String("orgs")) {
        if (verb == QLatin1String("list"))
            return Command::OrgsList;
        if (verb == QLatin1String("get"))
            return Command::OrgsGet;
    } else if (group == QLatin1String("sso")) {
        if (verb == QLatin1String("get"))
            return Command::SsoGet;
        if (verb == QLatin1String("enable"))
            return Command::SsoEnable;
        if (verb == QLatin1String("update"))
            return Command::SsoUpdate;
        if (verb == QLatin1String("disable"))
            return Command::SsoDisable;
        if (verb == QLatin1String("check"))
            return Command::SsoCheck;
        if (verb == QLatin1String("impact"))
            return Command::SsoImpact;
    } else if (group == QLatin1String("users")) {
        if (verb == QLatin1String("list"))
            return Command::UsersList;
        if (verb == QLatin1String("set"))
            return Command::UsersSet;
        if (verb == QLatin1String("remove"))
            return Command::UsersRemove;
    } else if (group == QLatin1String("invitations")) {
        if (verb == QLatin1String("list"))
            return Command::InvitationsList;
        if (verb == QLatin1String("create"))
            return Command::InvitationsCreate;
        if (verb == QLatin1String("revoke"))
            return Command::InvitationsRevoke;
    }
    return std::nullopt;
}

bool isGroup(const QString &word)
{
    return word == QLatin1String("orgs") || word == QLatin1String("sso") ||
           word == QLatin1String("users") || word == QLatin1String("invitations");
}

QString optionsHelp(HelpSection section, Command command)
{
    const int column = descriptionColumn(section, command);
    const unsigned scope = scopeOf(command);
    QString out = heading(section) + QLatin1Char('\n');
    for (const OptionSpec &spec : kOptions) {
        if (spec.section != section || (section == HelpSection::Command && !(spec.scope & scope)))
            continue;
        QString label = QStringLiteral("  ");
        if (spec.shortName != 0) {
            label += QLatin1Char('-');
            label += QLatin1Char(spec.shortName);
            label += QLatin1String(", ");
        }
        label += QLatin1String("--");
        label += QLatin1String(spec.name);
        if (spec.value) {
            label += QLatin1Char(' ');
            label += QLatin1String(spec.value);
        }
        const QStringList lines = tr(spec.description).split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString lead = i == 0 ? label : QString();
            out += lead.leftJustified(column, QLatin1Char(' ')) + lines.at(i) + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace keycard::cli
