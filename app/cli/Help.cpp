#include "Help.h"

#include "OptionTable.h"
#include "Version.h"

#include <QCoreApplication>

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

QString environment()
{
    return tr("Environment:\n"
              "  KEYCARD_API_BASE_URL       API root, overridden by --base-url\n"
              "  KEYCARD_API_CLIENT_ID      service account client ID\n"
              "  KEYCARD_API_CLIENT_SECRET  service account client secret\n"
              "  KEYCARD_API_API_KEY        a ready bearer token (wins over the two above)\n"
              "  KEYCARD_SSO_CLIENT_SECRET  the IdP client secret for sso enable/update, when\n"
              "                             --client-secret-stdin is not given\n"
              "  https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY, no_proxy, NO_PROXY\n"
              "                             the proxy, as curl reads them (never for localhost);\n"
              "                             a value that cannot be used stops the command\n"
              "  SSL_CERT_FILE, SSL_CERT_DIR  certificate authorities to trust, as OpenSSL\n"
              "Secrets are never accepted as command-line options, and never printed.\n");
}

QString exitCodes()
{
    return tr("Exit status:\n"
              "  0  success\n"
              "  1  other failure (output could not be written, sso disable not confirmed)\n"
              "  2  usage or validation error, configuration error (nothing was sent), or the\n"
              "     server rejected a value (HTTP 400/422)\n"
              "  3  authentication failed: no credentials configured, or wrong or expired\n"
              "     ones (HTTP 401)\n"
              "  4  permission denied (HTTP 403)\n"
              "  5  not found: no such organization, or SSO not enabled (HTTP 404)\n"
              "  6  conflict: SSO already enabled with other settings (HTTP 409)\n"
              "  7  network error, time-out or TLS failure\n"
              "  8  server error (5xx), rate limited (429) or malformed response\n"
              "  9  sso check, sso enable --check: a check of the issuer failed\n"
              "  10  sso impact: active members would lose sign-in\n"
              "  11  sso impact: no active administrator would be left able to sign in;\n"
              "      sso disable, sso update --identifier: refused for that reason (--force);\n"
              "      users set, users remove: the last active administrator, refused (--force)\n"
              "  12  sso impact: the members could not be read, or not all of them (the\n"
              "      impact is unknown)\n");
}

QString join(std::initializer_list<QString> parts)
{
    QString out;
    for (const QString &part : parts) {
        if (part.isEmpty())
            continue;
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += part;
    }
    return out;
}

QString toolHelp()
{
    return join({tr("Usage: keycardctl [GLOBAL OPTIONS] COMMAND [ARGS] [OPTIONS]\n"),
                 tr("Inspect Keycard organizations and set up their single sign-on (SSO)\n"
                    "connection from scripts. The command-line twin of Keycard Admin.\n"),
                 tr("Commands:\n"
                    "  orgs list              list the organizations the account can see\n"
                    "  orgs get ORG           show one organization (ORG: id or label)\n"
                    "  sso get ORG            show the SSO connection of an organization\n"
                    "  sso enable ORG         enable SSO with an identity provider\n"
                    "  sso update ORG         change the SSO connection\n"
                    "  sso disable ORG        disable SSO (asks, or needs --yes)\n"
                    "  sso check ISSUER       check an identity provider's issuer URL\n"
                    "  sso impact ORG         who would lose sign-in if SSO changed\n"
                    "  users list ORG         list the members of an organization\n"
                    "  users set ORG USER     change a member's role or status\n"
                    "  users remove ORG USER  remove a member (asks, or needs --yes)\n"
                    "  invitations list ORG   list the invitations of an organization\n"
                    "  invitations create ORG invite someone by email\n"
                    "  invitations revoke ORG INVITATION\n"
                    "                         revoke an invitation (asks, or needs --yes)\n"),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl orgs list\n"
                    "  keycardctl orgs list --all --json | jq -r '.[].label'\n"
                    "  keycardctl sso get acme\n"
                    "  printf '%s' \"$IDP_SECRET\" | keycardctl sso enable acme \\\n"
                    "      --identifier https://acme.okta.com --client-id 0oa8f3k2 \\\n"
                    "      --client-secret-stdin\n"
                    "  keycard-sandbox & KEYCARD_API_CLIENT_ID=demo-admin \\\n"
                    "      KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret \\\n"
                    "      keycardctl --base-url http://127.0.0.1:8765 orgs list\n"),
                 tr("Run 'keycardctl help COMMAND' (e.g. 'keycardctl help sso enable') for the\n"
                    "options of a command.\n")});
}

QString orgsHelp()
{
    return join(
        {tr("Usage: keycardctl orgs list [--all] [--limit N] [--after CURSOR] [--permissions]\n"
            "       keycardctl orgs get ORG\n"),
         tr("Organizations the service account can see.\n"),
         tr("Run 'keycardctl help orgs list' or 'keycardctl help orgs get' for details.\n")});
}

QString ssoHelp()
{
    return join(
        {tr("Usage: keycardctl sso get ORG\n"
            "       keycardctl sso enable ORG --identifier URL --client-id ID "
            "[--client-secret-stdin]\n"
            "       keycardctl sso update ORG [--identifier URL] [--client-id ID] ...\n"
            "       keycardctl sso disable ORG [--yes]\n"
            "       keycardctl sso check ISSUER [--json]\n"
            "       keycardctl sso impact ORG [--issuer URL | --disable] [--json]\n"),
         tr("The SSO connection of an organization: the identity provider (Okta, Entra ID,\n"
            "Google Workspace, ...) its members sign in with.\n"),
         tr("Run 'keycardctl help sso COMMAND' for details.\n")});
}

QString usersHelp()
{
    return join(
        {tr("Usage: keycardctl users list ORG [--role ROLE] [--max-items N] [--json]\n"
            "       keycardctl users set ORG USER [--role ROLE] [--status STATUS] [--force]\n"
            "       keycardctl users remove ORG USER [--yes] [--force]\n"),
         tr("The members of an organization.\n"),
         tr("Run 'keycardctl help users COMMAND' for details.\n")});
}

QString invitationsHelp()
{
    return join({tr("Usage: keycardctl invitations list ORG [--json]\n"
                    "       keycardctl invitations create ORG --email EMAIL --role ROLE\n"
                    "       keycardctl invitations revoke ORG INVITATION [--yes]\n"),
                 tr("Invitations to join an organization.\n"),
                 tr("Run 'keycardctl help invitations COMMAND' for details.\n")});
}

QString usersListHelp()
{
    return join({tr("Usage: keycardctl users list ORG [--role ROLE] [--max-items N] [--json]\n"),
                 tr("List every member of an organization, page after page: EMAIL, ROLE, STATUS,\n"
                    "SOURCE (the issuer the member signs in through) and ID. Values the server\n"
                    "sends are shown as they are (an unknown role too), with control characters\n"
                    "replaced and values longer than 64 characters cut in the middle; --json\n"
                    "prints the objects the API returned, whole. A server that repeats a page\n"
                    "cursor, or lists a member twice, ends the listing with status 8.\n"),
                 optionsHelp(HelpSection::Command, Command::UsersList),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl users list acme --role org_admin\n"
                    "  keycardctl users list acme --json | jq -r '.[].email'\n")});
}

QString usersSetHelp()
{
    return join(
        {tr("Usage: keycardctl users set ORG USER [--role ROLE] [--status STATUS] [--force]\n"),
         tr("Change a member's role and/or status. USER is the member's id (see 'users\n"
            "list'). Before an active administrator is demoted or disabled every member\n"
            "is read: the last active administrator is not changed without --force\n"
            "(status 11), and a change that leaves no active administrator who signs in\n"
            "without SSO is warned about.\n"),
         optionsHelp(HelpSection::Command, Command::UsersSet), optionsHelp(HelpSection::Global),
         environment(), exitCodes(),
         tr("Examples:\n"
            "  keycardctl users set acme USER_ID --role org_viewer\n"
            "  keycardctl users set acme USER_ID --status disabled\n")});
}

QString usersRemoveHelp()
{
    return join({tr("Usage: keycardctl users remove ORG USER [--yes] [--force]\n"),
                 tr("Remove a member from an organization. Asks for confirmation when standard\n"
                    "input is a terminal; scripts must pass --yes. Before an active\n"
                    "administrator is removed every member is read: the last one is not removed\n"
                    "without --force (status 11), and a removal that leaves no active\n"
                    "administrator who signs in without SSO is warned about.\n"),
                 optionsHelp(HelpSection::Command, Command::UsersRemove),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl users remove acme USER_ID --yes\n")});
}

QString invitationsListHelp()
{
    return join({tr("Usage: keycardctl invitations list ORG [--json]\n"),
                 tr("List the invitations of an organization (at most 1,000): EMAIL, ROLE,\n"
                    "STATUS (pending, accepted, expired, revoked), EXPIRES and ID.\n"),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl invitations list acme\n")});
}

QString invitationsCreateHelp()
{
    return join({tr("Usage: keycardctl invitations create ORG --email EMAIL --role ROLE\n"),
                 tr("Invite someone to an organization. Once accepted, they sign in with a\n"
                    "Keycard account, not through SSO: inviting an administrator is how an\n"
                    "organization keeps an emergency access administrator.\n"),
                 optionsHelp(HelpSection::Command, Command::InvitationsCreate),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl invitations create acme --email ops@acme.example "
                    "--role org_admin\n")});
}

QString invitationsRevokeHelp()
{
    return join({tr("Usage: keycardctl invitations revoke ORG INVITATION [--yes]\n"),
                 tr("Revoke a pending invitation. Asks for confirmation when standard input is\n"
                    "a terminal; scripts must pass --yes.\n"),
                 optionsHelp(HelpSection::Command, Command::InvitationsRevoke),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl invitations revoke acme INVITATION_ID --yes\n")});
}

QString ssoImpactHelp()
{
    return join(
        {tr("Usage: keycardctl sso impact ORG [--issuer URL | --disable] [--json]\n"),
         tr("The sign-in safety check: read every member and tell who would lose their way\n"
            "to sign in. A member signs in through SSO when their source is the SSO\n"
            "connection's issuer, compared exactly (trailing slash included).\n"
            "  --disable      members whose source is the SSO issuer lose sign-in\n"
            "  --issuer URL   members whose source is the current issuer lose sign-in;\n"
            "                 without SSO: the impact of enabling it with URL (nobody\n"
            "                 loses sign-in)\n"
            "  (neither)      how many active administrators sign in without SSO\n"
            "Fewer than 2 active administrators who do not sign in through SSO is warned\n"
            "about. 'sso disable' and 'sso update --identifier' run this check first and\n"
            "refuse with status 11, changing nothing, when no active administrator would\n"
            "be left able to sign in, unless --force is given.\n"),
         tr("Output: the findings, one per line; with --json an object with change,\n"
            "verdict (nobody_loses, someone_loses, no_administrator_left, unknown),\n"
            "complete, members, losing, losing_active, losing_admins, first_losing,\n"
            "admins_keeping, admins_without_sso, few_emergency_admins and\n"
            "unknown_reasons. Exit status 0, 10, 11 or 12 (see below).\n"),
         optionsHelp(HelpSection::Command, Command::SsoImpact), optionsHelp(HelpSection::Global),
         environment(), exitCodes(),
         tr("Examples:\n"
            "  keycardctl sso impact initech --disable\n"
            "  keycardctl sso impact acme --issuer https://acme.okta.com/oauth2/default "
            "--json\n")});
}

QString orgsListHelp()
{
    return join({tr("Usage: keycardctl orgs list [--all] [--limit N] [--max-items N] "
                    "[--after CURSOR] [--permissions] [--json]\n"),
                 tr("List organizations, one page by default. The table shows NAME, LABEL, ID,\n"
                    "SSO and CREATED. When more pages follow, the cursor of the next page is\n"
                    "printed on standard error. With --json, the organizations are printed as a\n"
                    "JSON array of the objects the API returned; with --all that array is\n"
                    "streamed page by page, and the table too: its column widths come from the\n"
                    "first page (at most 40 characters; a longer value is printed whole).\n"
                    "A server that repeats a page cursor, or says more pages follow without\n"
                    "one, ends the listing: what arrived is printed, the reason goes to\n"
                    "standard error, and the exit status is 8.\n"),
                 optionsHelp(HelpSection::Command, Command::OrgsList),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl orgs list --limit 20\n"
                    "  keycardctl orgs list --all --json > organizations.json\n")});
}

QString orgsGetHelp()
{
    return join({tr("Usage: keycardctl orgs get ORG [--json]\n"),
                 tr("Show one organization: name, label, id, whether SSO is enabled, timestamps\n"
                    "and the account's permissions on it. ORG is the organization's id or its\n"
                    "label (1 to 255 characters).\n"),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl orgs get acme\n"
                    "  keycardctl orgs get u8jzPde0IgxLd6GncfBAepfJBd --json\n")});
}

QString ssoGetHelp()
{
    return join({tr("Usage: keycardctl sso get ORG [--json]\n"),
                 tr("Show the SSO connection of an organization: identifier (issuer URL), client\n"
                    "ID, whether a client secret is set (the secret itself is never returned),\n"
                    "OAuth 2.0 / OpenID endpoints, permissions and any further fields the server\n"
                    "sent. Exits with status 5 when SSO is not enabled.\n"),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl sso get acme\n"
                    "  keycardctl sso get acme --json | jq -r .identifier\n")});
}

QString ssoEnableHelp()
{
    return join(
        {tr("Usage: keycardctl sso enable ORG --identifier URL --client-id ID\n"
            "                  [--client-secret-stdin] [PROTOCOL OPTIONS]\n"),
         tr("Enable SSO for an organization. If SSO is already enabled with everything\n"
            "this command sends (identifier, client ID, protocol options; for example after\n"
            "a reply was lost and the command was repeated), this succeeds and says so.\n"
            "Otherwise nothing is changed: it fails with status 6 and says what differs. A\n"
            "client secret always differs: Keycard never returns one, so it cannot be\n"
            "compared; set it with 'keycardctl sso update ORG --client-secret-stdin'.\n"),
         optionsHelp(HelpSection::Command, Command::SsoEnable), optionsHelp(HelpSection::Protocol),
         optionsHelp(HelpSection::Global), environment(), exitCodes(),
         tr("Examples:\n"
            "  keycardctl sso enable globex --identifier https://globex.okta.com \\\n"
            "      --client-id 0oa1b2c3d4 --client-secret-stdin < secret.txt\n"
            "  KEYCARD_SSO_CLIENT_SECRET=\"$(pass idp/globex)\" keycardctl sso enable globex \\\n"
            "      --identifier https://accounts.google.com --client-id "
            "1234.apps.googleusercontent.com\n")});
}

QString ssoUpdateHelp()
{
    return join(
        {tr("Usage: keycardctl sso update ORG [--identifier URL]\n"
            "                  [--client-id ID | --clear-client-id]\n"
            "                  [--client-secret-stdin | --clear-client-secret]\n"
            "                  [PROTOCOL OPTIONS]\n"),
         tr("Change the SSO connection of an organization. Only the values given are\n"
            "sent, nothing read from the server first (the API has no ETag to detect a\n"
            "concurrent change).\n"
            "Protocol options are sent inside \"protocols\" with only the members given (a\n"
            "JSON merge patch): a list replaces the whole list (--scopes,\n"
            "--code-challenge-methods), and members not given stay as they are. The\n"
            "connection printed afterwards shows the result.\n"
            "A new --identifier is checked first like 'sso impact --issuer': the members\n"
            "who would lose sign-in are named on standard error, and the change is refused\n"
            "with status 11 when no active administrator would be left, unless --force.\n"),
         optionsHelp(HelpSection::Command, Command::SsoUpdate), optionsHelp(HelpSection::Protocol),
         optionsHelp(HelpSection::Global), environment(), exitCodes(),
         tr("Examples:\n"
            "  keycardctl sso update acme --identifier https://acme.okta.com/oauth2/default\n"
            "  keycardctl sso update acme --client-secret-stdin < new-secret.txt\n")});
}

QString ssoDisableHelp()
{
    return join({tr("Usage: keycardctl sso disable ORG [--yes]\n"),
                 tr("Disable SSO for an organization and delete its connection, including the\n"
                    "stored client secret. Members then sign in without the identity provider.\n"
                    "Asks for confirmation when standard input is a terminal; scripts must pass\n"
                    "--yes. First says who would lose sign-in (see 'sso impact'), and refuses\n"
                    "with status 11 when no active administrator would be left, unless --force.\n"),
                 optionsHelp(HelpSection::Command, Command::SsoDisable),
                 optionsHelp(HelpSection::Global), environment(), exitCodes(),
                 tr("Examples:\n"
                    "  keycardctl sso disable umbrella --yes\n")});
}

QString ssoCheckHelp()
{
    return join(
        {tr("Usage: keycardctl sso check ISSUER [--json] [--timeout SECONDS]\n"),
         tr("Check an identity provider's issuer URL with OpenID Connect Discovery before\n"
            "enabling SSO with it: fetch ISSUER/.well-known/openid-configuration (a trailing\n"
            "slash of ISSUER removed) and the JWKS it names. Sends no Keycard credentials and\n"
            "no Authorization header, follows no redirect to another origin, reads at most\n"
            "1 MiB per document and gives up after 15 seconds (--timeout) in total.\n"
            "http:// is accepted for localhost only.\n"),
         tr("Checks, each pass, warn or fail:\n"
            "  reachable        the discovery document is a JSON object (HTTP 200)\n"
            "  issuer_match     its issuer equals ISSUER exactly, trailing slash included\n"
            "  endpoints_https  authorization, token, JWKS and userinfo endpoints use https\n"
            "  jwks             the JWKS can be fetched and has at least one signing key\n"
            "  code_flow        response_types_supported includes code\n"
            "  pkce_s256        code_challenge_methods_supported includes S256 (else warn)\n"
            "  openid_scope     scopes_supported includes openid (else warn)\n"),
         tr("Output: one line per check. With --json: an object with issuer,\n"
            "discovered_issuer (when the document was read) and checks, an array of\n"
            "{\"id\", \"status\", \"message\"}. Exit status 0 when no check fails (warnings\n"
            "allowed), 9 when one fails, 2 when ISSUER is not a valid issuer URL (nothing is\n"
            "fetched).\n"),
         tr("Examples:\n"
            "  keycardctl sso check https://your-org.okta.com\n"
            "  keycardctl sso check https://login.microsoftonline.com/<tenant>/v2.0 --json\n")});
}

} // namespace

QString helpText(const QString &topic)
{
    if (topic == QLatin1String("orgs"))
        return orgsHelp();
    if (topic == QLatin1String("sso"))
        return ssoHelp();
    if (topic == QLatin1String("orgs list"))
        return orgsListHelp();
    if (topic == QLatin1String("orgs get"))
        return orgsGetHelp();
    if (topic == QLatin1String("sso get"))
        return ssoGetHelp();
    if (topic == QLatin1String("sso enable"))
        return ssoEnableHelp();
    if (topic == QLatin1String("sso update"))
        return ssoUpdateHelp();
    if (topic == QLatin1String("sso disable"))
        return ssoDisableHelp();
    if (topic == QLatin1String("sso check"))
        return ssoCheckHelp();
    if (topic == QLatin1String("sso impact"))
        return ssoImpactHelp();
    if (topic == QLatin1String("users"))
        return usersHelp();
    if (topic == QLatin1String("invitations"))
        return invitationsHelp();
    if (topic == QLatin1String("users list"))
        return usersListHelp();
    if (topic == QLatin1String("users set"))
        return usersSetHelp();
    if (topic == QLatin1String("users remove"))
        return usersRemoveHelp();
    if (topic == QLatin1String("invitations list"))
        return invitationsListHelp();
    if (topic == QLatin1String("invitations create"))
        return invitationsCreateHelp();
    if (topic == QLatin1String("invitations revoke"))
        return invitationsRevokeHelp();
    return toolHelp();
}

QString versionText()
{
    return QStringLiteral("keycardctl " KEYCARD_VERSION "\n");
}

} // namespace keycard::cli
