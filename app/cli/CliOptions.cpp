#include "CliOptions.h"

#include "FieldRules.h"
#include "OptionTable.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QUrl>

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

// An option that would carry a secret on the command line, e.g. --client-secret=..., --token.
bool looksLikeSecret(const QString &name)
{
    static const char *const kWords[] = {"secret",  "password", "passwd", "token",
                                         "api-key", "apikey",   "bearer", "credential"};
    const QString lower = name.toLower();
    for (const char *word : kWords) {
        if (lower.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

// The most specific help topic the leading words name ("", "sso", "sso enable").
QString topicFor(const QStringList &words)
{
    if (words.isEmpty() || !isGroup(words.first()))
        return {};
    if (words.size() > 1 && commandFor(words.at(0), words.at(1)))
        return words.at(0) + QLatin1Char(' ') + words.at(1);
    return words.first();
}

ParseOutcome error(QString message, QString topic, QString field = {})
{
    ParseOutcome out;
    out.action = ParseOutcome::Action::Error;
    out.error = std::move(message);
    out.helpTopic = std::move(topic);
    out.field = std::move(field);
    return out;
}

QStringList splitList(const QString &value)
{
    QStringList items;
    const QStringList parts = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items << item;
    }
    return items;
}

struct GivenOption
{
    const OptionSpec *spec;
    QString value;
};

} // namespace

namespace {

// The options of the members, invitations and impact commands.
std::optional<ParseOutcome> validateMembersInvocation(const Invocation &inv)
{
    const QString topic = commandPath(inv.command);
    const auto violated = [&](rules::Field field, const std::optional<QString> &value,
                              const QString &what) -> std::optional<ParseOutcome> {
        if (!value)
            return std::nullopt;
        if (const auto v = rules::check(field, *value))
            return error(what + QStringLiteral(": ") + v->message(), topic,
                         QLatin1String(rules::rule(field).jsonName));
        return std::nullopt;
    };
    switch (inv.command) {
    case Command::UsersList:
        if (inv.maxItems && *inv.maxItems < 1)
            return error(tr("--max-items: at least 1 — %1 entered").arg(*inv.maxItems), topic,
                         QStringLiteral("max_items"));
        return violated(rules::Field::Role, inv.role, QStringLiteral("--role"));
    case Command::UsersSet:
        if (!inv.role && !inv.status)
            return error(tr("nothing to change: give --role or --status"), topic);
        if (auto e = violated(rules::Field::UserId, inv.target, QStringLiteral("USER")))
            return e;
        if (auto e = violated(rules::Field::Role, inv.role, QStringLiteral("--role")))
            return e;
        return violated(rules::Field::MemberStatus, inv.status, QStringLiteral("--status"));
    case Command::UsersRemove:
        return violated(rules::Field::UserId, inv.target, QStringLiteral("USER"));
    case Command::InvitationsCreate:
        if (auto e = violated(rules::Field::Email, inv.email.value_or(QString()),
                              QStringLiteral("--email")))
            return e;
        return violated(rules::Field::Role, inv.role.value_or(QString()), QStringLiteral("--role"));
    case Command::InvitationsRevoke:
        return violated(rules::Field::InvitationId, inv.target, QStringLiteral("INVITATION"));
    case Command::SsoImpact:
        if (inv.issuer && inv.disable)
            return error(tr("--issuer and --disable cannot be combined"), topic);
        if (inv.issuer) {
            if (auto e = violated(rules::Field::Identifier, inv.issuer, QStringLiteral("--issuer")))
                return e;
            if (const auto problem = rules::checkIssuer(*inv.issuer))
                return error(QStringLiteral("--issuer: ") + problem->message(), topic,
                             QStringLiteral("identifier"));
        }
        return std::nullopt;
    default:
        break;
    }
    return std::nullopt;
}

} // namespace

QString commandPath(Command command)
{
    switch (command) {
    case Command::OrgsList:
        return QStringLiteral("orgs list");
    case Command::OrgsGet:
        return QStringLiteral("orgs get");
    case Command::SsoGet:
        return QStringLiteral("sso get");
    case Command::SsoEnable:
        return QStringLiteral("sso enable");
    case Command::SsoUpdate:
        return QStringLiteral("sso update");
    case Command::SsoDisable:
        return QStringLiteral("sso disable");
    case Command::SsoCheck:
        return QStringLiteral("sso check");
    case Command::SsoImpact:
        return QStringLiteral("sso impact");
    case Command::UsersList:
        return QStringLiteral("users list");
    case Command::UsersSet:
        return QStringLiteral("users set");
    case Command::UsersRemove:
        return QStringLiteral("users remove");
    case Command::InvitationsList:
        return QStringLiteral("invitations list");
    case Command::InvitationsCreate:
        return QStringLiteral("invitations create");
    case Command::InvitationsRevoke:
        return QStringLiteral("invitations revoke");
    case Command::None:
        break;
    }
    return {};
}

bool takesTarget(Command command)
{
    return command == Command::UsersSet || command == Command::UsersRemove ||
           command == Command::InvitationsRevoke;
}

bool ProtocolOptions::any() const
{
    return authorizationEndpoint || tokenEndpoint || jwksUri || registrationEndpoint || scopes ||
           codeChallengeMethods || userinfoEndpoint;
}

ParseOutcome parseArguments(const QStringList &arguments)
{
    QStringList positional;
    QList<GivenOption> given;
    bool help = false;
    bool version = false;
    bool onlyPositional = false;

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (onlyPositional || arg == QLatin1String("-") || !arg.startsWith(QLatin1Char('-'))) {
            positional << arg;
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        QString name;
        std::optional<QString> inlineValue;
        if (arg.startsWith(QLatin1String("--"))) {
            name = arg.mid(2);
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            if (eq >= 0) {
                inlineValue = name.mid(eq + 1);
                name.truncate(eq);
            }
        } else if (const OptionSpec *letter =
                       arg.size() == 2 ? findShortOption(arg.at(1)) : nullptr) {
            name = QLatin1String(letter->name);
        } else {
            // Never echo the whole word: it might be a value someone mistyped.
            return error(tr("unknown option '%1'").arg(arg.left(2)), topicFor(positional));
        }
        const OptionSpec *spec = findOption(name);
        if (!spec && looksLikeSecret(name)) {
            return error(
                tr("--%1: secrets are not accepted on the command line, where other users and "
                   "the shell history can see them. Pipe the SSO client secret into "
                   "--client-secret-stdin (or set KEYCARD_SSO_CLIENT_SECRET); the service "
                   "account's credentials come from KEYCARD_API_CLIENT_ID and "
                   "KEYCARD_API_CLIENT_SECRET, or KEYCARD_API_API_KEY.")
                    .arg(name),
                topicFor(positional));
        }
        if (!spec)
            return error(tr("unknown option '--%1'").arg(name), topicFor(positional));
        QString value;
        if (spec->takesValue()) {
            if (inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < arguments.size()) {
                value = arguments.at(++i);
            } else {
                return error(tr("--%1 needs a value").arg(name), topicFor(positional));
            }
        } else if (inlineValue) {
            return error(tr("--%1 does not take a value").arg(name), topicFor(positional));
        }
        if (name == QLatin1String("help"))
            help = true;
        else if (name == QLatin1String("version"))
            version = true;
        else
            given.append({spec, value});
    }

    if (!positional.isEmpty() && positional.first() == QLatin1String("help")) {
        // "keycardctl help WORDS": every word must name a command (as "git help" would).
        positional.removeFirst();
        const QString topic = topicFor(positional);
        const qsizetype named = topic.isEmpty() ? 0 : topic.count(QLatin1Char(' ')) + 1;
        if (positional.size() > named)
            return error(
                tr("no help for unknown command '%1'").arg(positional.join(QLatin1Char(' '))),
                topic);
        help = true;
    }
    if (help) {
        ParseOutcome out;
        out.action = ParseOutcome::Action::Help;
        out.helpTopic = topicFor(positional);
        return out;
    }
    if (version) {
        ParseOutcome out;
        out.action = ParseOutcome::Action::Version;
        return out;
    }

    if (positional.isEmpty())
        return error(tr("missing command"), {});
    if (!isGroup(positional.first()))
        return error(tr("unknown command '%1'").arg(positional.first()), {});
    if (positional.size() < 2)
        return error(tr("missing command after '%1'").arg(positional.first()), positional.first());
    const auto command = commandFor(positional.at(0), positional.at(1));
    if (!command) {
        return error(tr("unknown command '%1 %2'").arg(positional.at(0), positional.at(1)),
                     positional.first());
    }
    const QString topic = commandPath(*command);
    positional = positional.mid(2);

    Invocation inv;
    inv.command = *command;
    if (*command == Command::OrgsList) {
        if (!positional.isEmpty())
            return error(tr("unexpected argument '%1'").arg(positional.first()), topic);
    } else {
        if (positional.isEmpty() && *command == Command::SsoCheck)
            return error(tr("missing ISSUER (the identity provider's issuer URL)"), topic,
                         QStringLiteral("identifier"));
        if (positional.isEmpty())
            return error(tr("missing ORG (an organization's id or label)"), topic,
                         QStringLiteral("organization_id"));
        const qsizetype expected = takesTarget(*command) ? 2 : 1;
        if (positional.size() < expected)
            return error(*command == Command::InvitationsRevoke
                             ? tr("missing INVITATION (an invitation's id)")
                             : tr("missing USER (a member's id)"),
                         topic,
                         *command == Command::InvitationsRevoke ? QStringLiteral("invitation_id")
                                                                : QStringLiteral("user_id"));
        if (positional.size() > expected)
            return error(tr("unexpected argument '%1'").arg(positional.at(expected)), topic);
        if (*command == Command::SsoCheck)
            inv.identifier = positional.first();
        else
            inv.organization = positional.first();
        if (expected == 2)
            inv.target = positional.at(1);
    }

    for (const GivenOption &option : std::as_const(given)) {
        const QString name = QLatin1String(option.spec->name);
        if (!acceptsOption(*command, name))
            return error(tr("--%1 is not an option of '%2'").arg(name, topic), topic);
        const QString &v = option.value;
        bool ok = true;
        if (name == QLatin1String("base-url")) {
            inv.baseUrl = v;
        } else if (name == QLatin1String("profile")) {
            inv.profile = v;
        } else if (name == QLatin1String("ca-file")) {
            inv.caFile = v;
        } else if (name == QLatin1String("request-id")) {
            inv.requestId = v;
        } else if (name == QLatin1String("json")) {
            inv.json = true;
        } else if (name == QLatin1String("verbose")) {
            inv.verbose = true;
        } else if (name == QLatin1String("timeout")) {
            inv.timeoutSeconds = v.toDouble(&ok);
        } else if (name == QLatin1String("retries")) {
            inv.retries = v.toInt(&ok);
        } else if (name == QLatin1String("all")) {
            inv.all = true;
        } else if (name == QLatin1String("limit")) {
            inv.limit = v.toInt(&ok);
        } else if (name == QLatin1String("max-items")) {
            inv.maxItems = v.toLongLong(&ok);
        } else if (name == QLatin1String("after")) {
            inv.after = v;
        } else if (name == QLatin1String("permissions")) {
            inv.permissions = true;
        } else if (name == QLatin1String("identifier")) {
            inv.identifier = v;
        } else if (name == QLatin1String("client-id")) {
            inv.clientId = v;
        } else if (name == QLatin1String("client-secret-stdin")) {
            inv.clientSecretStdin = true;
        } else if (name == QLatin1String("clear-client-id")) {
            inv.clearClientId = true;
        } else if (name == QLatin1String("clear-client-secret")) {
            inv.clearClientSecret = true;
        } else if (name == QLatin1String("authorization-endpoint")) {
            inv.protocols.authorizationEndpoint = v;
        } else if (name == QLatin1String("token-endpoint")) {
            inv.protocols.tokenEndpoint = v;
        } else if (name == QLatin1String("jwks-uri")) {
            inv.protocols.jwksUri = v;
        } else if (name == QLatin1String("registration-endpoint")) {
            inv.protocols.registrationEndpoint = v;
        } else if (name == QLatin1String("scopes")) {
            inv.protocols.scopes = splitList(v);
        } else if (name == QLatin1String("code-challenge-methods")) {
            inv.protocols.codeChallengeMethods = splitList(v);
        } else if (name == QLatin1String("userinfo-endpoint")) {
            inv.protocols.userinfoEndpoint = v;
        } else if (name == QLatin1String("yes")) {
            inv.yes = true;
        } else if (name == QLatin1String("force")) {
            inv.force = true;
        } else if (name == QLatin1String("role")) {
            inv.role = v;
        } else if (name == QLatin1String("status")) {
            inv.status = v;
        } else if (name == QLatin1String("email")) {
            inv.email = v;
        } else if (name == QLatin1String("issuer")) {
            inv.issuer = v;
        } else if (name == QLatin1String("disable")) {
            inv.disable = true;
        } else if (name == QLatin1String("check")) {
            inv.check = true;
        }
        if (!ok)
            return error(tr("--%1: not a number: '%2'").arg(name, v), topic);
    }

    ParseOutcome out;
    out.action = ParseOutcome::Action::Run;
    out.invocation = inv;
    out.helpTopic = topic;
    return out;
}

std::optional<ParseOutcome> validateInvocation(const Invocation &inv)
{
    const QString topic = commandPath(inv.command);
    const QLocale locale;
    const auto violated = [&](rules::Field field, const QString &value,
                              const QString &what) -> std::optional<ParseOutcome> {
        if (const auto v = rules::check(field, value))
            return error(what + QStringLiteral(": ") + v->message(), topic,
                         QLatin1String(rules::rule(field).jsonName));
        return std::nullopt;
    };

    if (inv.requestId) {
        if (auto e =
                violated(rules::Field::RequestId, *inv.requestId, QStringLiteral("--request-id")))
            return e;
    }
    if (inv.timeoutSeconds && (*inv.timeoutSeconds <= 0 || *inv.timeoutSeconds > 3600)) {
        return error(tr("--timeout: between %1 and %2 seconds")
                         .arg(locale.toString(0.001), locale.toString(3600)),
                     topic);
    }
    if (inv.retries && (*inv.retries < 0 || *inv.retries > 10))
        return error(tr("--retries: between 0 and 10 — %1 entered").arg(*inv.retries), topic);

    if (inv.command == Command::OrgsList) {
        if (inv.limit < 1 || inv.limit > 1000) {
            return error(
                tr("--limit: between %1 and %2 — %3 entered")
                    .arg(locale.toString(1), locale.toString(1000), locale.toString(inv.limit)),
                topic, QStringLiteral("limit"));
        }
        if (inv.maxItems && *inv.maxItems < 1) {
            return error(tr("--max-items: at least %1 — %2 entered")
                             .arg(locale.toString(1), locale.toString(*inv.maxItems)),
                         topic, QStringLiteral("max_items"));
        }
        if (inv.after && inv.after->trimmed().isEmpty())
            return error(tr("--after: the cursor must not be empty"), topic,
                         QStringLiteral("after"));
        return std::nullopt;
    }

    if (inv.command == Command::SsoCheck || (inv.command == Command::SsoEnable && inv.check)) {
        // The issuer check fetches nothing from a value that is not an issuer URL.
        const QString what = inv.command == Command::SsoCheck ? QStringLiteral("ISSUER")
                                                              : QStringLiteral("--identifier");
        const QString issuer = inv.identifier.value_or(QString());
        if (auto e = violated(rules::Field::Identifier, issuer, what))
            return e;
        if (const auto problem = rules::checkIssuer(issuer))
            return error(what + QStringLiteral(": ") + problem->message(), topic,
                         QStringLiteral("identifier"));
        if (inv.command == Command::SsoCheck)
            return std::nullopt;
    }

    if (auto e = violated(rules::Field::OrganizationId, inv.organization,
                          rules::fieldLabel(rules::Field::OrganizationId)))
        return e;

    if (auto e = validateMembersInvocation(inv))
        return e;

    // The issuer rules the client applies before sending (rules::checkIssuer), reported here
    // as a usage error like every other field rule.
    const auto badIssuer = [&](const QString &value) -> std::optional<ParseOutcome> {
        if (const auto problem = rules::checkIssuer(value))
            return error(QStringLiteral("--identifier: ") + problem->message(), topic,
                         QLatin1String(rules::rule(rules::Field::Identifier).jsonName));
        return std::nullopt;
    };

    if (inv.command == Command::SsoEnable) {
        if (auto e = violated(rules::Field::Identifier, inv.identifier.value_or(QString()),
                              QStringLiteral("--identifier")))
            return e;
        if (auto e = badIssuer(inv.identifier.value_or(QString())))
            return e;
        if (auto e = violated(rules::Field::ClientId, inv.clientId.value_or(QString()),
                              QStringLiteral("--client-id")))
            return e;
    } else if (inv.command == Command::SsoUpdate) {
        if (inv.identifier) {
            if (auto e = violated(rules::Field::Identifier, *inv.identifier,
                                  QStringLiteral("--identifier")))
                return e;
            if (auto e = badIssuer(*inv.identifier))
                return e;
        }
        if (inv.clientId && inv.clearClientId)
            return error(tr("--client-id and --clear-client-id cannot be combined"), topic);
        if (inv.clientId) {
            if (auto e =
                    violated(rules::Field::ClientId, *inv.clientId, QStringLiteral("--client-id")))
                return e;
        }
        if (inv.clientSecretStdin && inv.clearClientSecret)
            return error(tr("--client-secret-stdin and --clear-client-secret cannot be combined"),
                         topic);
    }

    const std::pair<const char *, const std::optional<QString> *> urls[] = {
        {"--authorization-endpoint", &inv.protocols.authorizationEndpoint},
        {"--token-endpoint", &inv.protocols.tokenEndpoint},
        {"--jwks-uri", &inv.protocols.jwksUri},
        {"--registration-endpoint", &inv.protocols.registrationEndpoint},
        {"--userinfo-endpoint", &inv.protocols.userinfoEndpoint},
    };
    for (const auto &[option, value] : urls) {
        if (!*value)
            continue;
        const QUrl url(**value, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            return error(tr("%1: not an absolute http(s) URL").arg(QLatin1String(option)), topic);
        }
    }
    return std::nullopt;
}

QStringList invocationWarnings(const Invocation &inv)
{
    QStringList out;
    if (!inv.identifier)
        return out;
    const QString what = inv.command == Command::SsoCheck ? QStringLiteral("ISSUER")
                                                          : QStringLiteral("--identifier");
    for (const rules::IssuerWarning &warning : rules::issuerWarnings(*inv.identifier))
        out << tr("keycardctl: warning: %1: %2\n").arg(what, warning.message());
    return out;
}

} // namespace keycard::cli
