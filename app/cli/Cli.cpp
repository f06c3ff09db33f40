#include "Cli.h"

#include "AdminGuard.h"

#include "CliOptions.h"
#include "CommandLineProfile.h"
#include "Commands.h"
#include "EnvironmentOverride.h"
#include "ExitCodes.h"
#include "Help.h"
#include "ImpactCommand.h"
#include "Output.h"
#include "SsoCheckCommand.h"

#include <QCoreApplication>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>
#include <string>
#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace keycard::cli {

namespace {

constexpr const char *kEnvSsoClientSecret = "KEYCARD_SSO_CLIENT_SECRET";

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

bool stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return ::_isatty(::_fileno(stdin)) != 0;
#else
    return ::isatty(STDIN_FILENO) == 1;
#endif
}

// Turns the terminal's echo off until destroyed (POSIX termios; the Windows console mode).
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_WIN
        m_input = ::GetStdHandle(STD_INPUT_HANDLE);
        m_active = m_input != INVALID_HANDLE_VALUE && ::GetConsoleMode(m_input, &m_saved) &&
                   ::SetConsoleMode(m_input, m_saved & ~DWORD(ENABLE_ECHO_INPUT));
#else
        m_active = ::tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
#endif
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
#ifdef Q_OS_WIN
        ::SetConsoleMode(m_input, m_saved);
#else
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
        Console::err(QStringLiteral("\n"));
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
#ifdef Q_OS_WIN
    HANDLE m_input = nullptr;
    DWORD m_saved = 0;
#else
    termios m_saved{};
#endif
};

// More than any secret the field rules accept: what is read beyond it is not kept (the
// field rules then refuse the value as too long), so a never-ending input cannot grow us.
constexpr qsizetype kMaxStandardInput = 1024 * 1024;

// Reads standard input to its end (a pipe or file) or one line (a terminal, echo off), keeping
// at most kMaxStandardInput + 1 bytes.
QByteArray readStandardInput(bool terminal)
{
    QByteArray data;
    if (terminal) {
        const EchoOff echoOff;
        int c = 0;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n' && c != '\r') {
            if (data.size() <= kMaxStandardInput)
                data.append(char(c));
        }
        return data;
    }
    char buffer[4096];
    size_t n = 0;
    while (data.size() <= kMaxStandardInput &&
           (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0)
        data.append(buffer, qsizetype(n));
    return data.left(kMaxStandardInput + 1);
}

QByteArray withoutTrailingNewline(QByteArray data)
{
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    return data;
}

int usageError(const QString &message, const QString &topic, const QString &field, bool json)
{
    QString text = QStringLiteral("keycardctl: ") + printable(message) + QLatin1Char('\n');
    const QString command =
        topic.isEmpty() ? QStringLiteral("keycardctl") : QStringLiteral("keycardctl ") + topic;
    text += tr("Try '%1 --help' for more information.\n").arg(command);
    if (json) {
        const ApiError error = ApiError::make(ApiError::Kind::InvalidArgument, message, field);
        text += QString::fromUtf8(compactJson(error.toJson())) + QLatin1Char('\n');
    }
    Console::err(text);
    return ExitUsage;
}

// Base URL problems are usage errors; missing credentials are reported as authentication
// failures (status 3), as a 401 would be. Nothing has been sent either way.
int configurationError(const ApiError &error, bool json)
{
    QString text = QStringLiteral("keycardctl: ") + error.toString() + QLatin1Char('\n');
    // A proxy variable, SSL_CERT_* or the CA file names itself: not a credentials problem.
    const bool credentials = error.field.isEmpty() || error.field == QLatin1String("client_id") ||
                             error.field == QLatin1String("client_secret") ||
                             error.field == QLatin1String("api_key");
    if (credentials)
        text += tr("Set KEYCARD_API_CLIENT_ID and KEYCARD_API_CLIENT_SECRET (a service "
                   "account), or KEYCARD_API_API_KEY.\n");
    if (json)
        text += QString::fromUtf8(compactJson(error.toJson())) + QLatin1Char('\n');
    Console::err(text);
    return credentials ? ExitAuthentication : ExitUsage;
}

// C/POSIX locale: print numbers the way the English texts expect ("2,048").
void chooseLocale()
{
    if (QLocale::system().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace

int run(QCoreApplication &app)
{
    chooseLocale();
    const QStringList arguments = app.arguments().mid(1);
    const bool jsonRequested = arguments.contains(QLatin1String("--json"));

    const ParseOutcome parsed = parseArguments(arguments);
    switch (parsed.action) {
    case ParseOutcome::Action::Help:
        Console::out(helpText(parsed.helpTopic));
        return Console::finish() ? ExitOk : ExitFailure;
    case ParseOutcome::Action::Version:
        Console::out(versionText());
        return Console::finish() ? ExitOk : ExitFailure;
    case ParseOutcome::Action::Error:
        return usageError(parsed.error, parsed.helpTopic, parsed.field, jsonRequested);
    case ParseOutcome::Action::Run:
        break;
    }
    const Invocation &inv = parsed.invocation;
    if (const auto invalid = validateInvocation(inv))
        return usageError(invalid->error, invalid->helpTopic, invalid->field, inv.json);
    for (const QString &warning : invocationWarnings(inv))
        Console::err(warning);

    // The issuer check talks to the identity provider only: no Keycard configuration needed.
    if (inv.command == Command::SsoCheck)
        return runSsoCheck(app, inv);

    // Configuration: environment, then the command line. Checked before anything is sent.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ClientConfig config = ClientConfig::fromEnvironment(env);
    // Whom a bad base URL is blamed on: the variable, or the saved profile it came from.
    QString baseUrlSource = QLatin1String(ClientConfig::kEnvBaseUrl);
    if (inv.profile) {
        if (env.value(QLatin1String(ClientConfig::kEnvBaseUrl)).trimmed().isEmpty())
            baseUrlSource = tr("--profile %1: the base URL saved in the profile").arg(*inv.profile);
        // A profile saved by keycard-admin; the environment variables still override it.
        const profiles::ProfileLoad load = profiles::loadProfileForCommandLine(app, *inv.profile);
        if (!load.storeProblem.isEmpty())
            Console::err(tr("keycardctl: warning: %1\n").arg(load.storeProblem));
        if (load.outcome == profiles::ProfileLoad::Outcome::NoSuchProfile)
            return usageError(QStringLiteral("--profile: ") + load.message, parsed.helpTopic,
                              QStringLiteral("profile"), inv.json);
        if (!load.ok() && !ClientConfig::environmentHasCredentials(env)) {
            const ApiError error =
                ApiError::make(ApiError::Kind::Authentication,
                               QStringLiteral("--profile %1: %2").arg(*inv.profile, load.message),
                               QStringLiteral("profile"));
            Console::err(QStringLiteral("keycardctl: ") + error.toString() + QLatin1Char('\n') +
                         (inv.json
                              ? QString::fromUtf8(compactJson(error.toJson())) + QLatin1Char('\n')
                              : QString()));
            return ExitAuthentication;
        }
        config = profiles::environment::apply(
            load.ok() ? load.config : load.profile.toClientConfig(Secret()), env);
    }
    config.userAgent = QStringLiteral("keycardctl/" KEYCARD_VERSION);
    if (inv.baseUrl) {
        const QUrl url(inv.baseUrl->trimmed());
        if (const auto reason = checkBaseUrl(url))
            return usageError(QStringLiteral("--base-url: ") + *reason, parsed.helpTopic,
                              QStringLiteral("base_url"), inv.json);
        config.baseUrl = url;
    } else if (const auto reason = checkBaseUrl(config.baseUrl)) {
        return usageError(baseUrlSource + QStringLiteral(": ") + *reason, parsed.helpTopic,
                          QStringLiteral("base_url"), inv.json);
    }
    if (inv.caFile)
        config.tls.caFile = *inv.caFile;
    if (inv.timeoutSeconds)
        config.requestTimeoutMs = std::max(1, int(*inv.timeoutSeconds * 1000));
    if (inv.retries)
        config.retry.maxRetries = *inv.retries;
    if (const auto problem = config.validate())
        return configurationError(*problem, inv.json);

    // The IdP client secret: standard input or the environment, never argv.
    std::optional<Secret> ssoSecret;
    const bool writesConnection =
        inv.command == Command::SsoEnable || inv.command == Command::SsoUpdate;
    if (inv.clientSecretStdin) {
        const bool terminal = stdinIsTerminal();
        if (terminal)
            Console::err(tr("Client secret for %1 (input hidden): ").arg(inv.organization));
        QByteArray data = withoutTrailingNewline(readStandardInput(terminal));
        if (data.isEmpty())
            return usageError(tr("--client-secret-stdin: standard input held no secret"),
                              parsed.helpTopic, QStringLiteral("client_secret"), inv.json);
        if (data.size() > kMaxStandardInput) {
            data.fill('\0');
            return usageError(tr("--client-secret-stdin: standard input holds more than %1 MiB, "
                                 "not a client secret")
                                  .arg(kMaxStandardInput / (1024 * 1024)),
                              parsed.helpTopic, QStringLiteral("client_secret"), inv.json);
        }
        ssoSecret = Secret(QString::fromUtf8(data));
        data.fill('\0');
    } else if (writesConnection && !inv.clearClientSecret &&
               !env.value(QLatin1String(kEnvSsoClientSecret)).isEmpty()) {
        ssoSecret = Secret(env.value(QLatin1String(kEnvSsoClientSecret)));
    }

    if (inv.command == Command::SsoUpdate && !inv.identifier && !inv.clientId &&
        !inv.clearClientId && !inv.clearClientSecret && !ssoSecret && !inv.protocols.any()) {
        return usageError(tr("nothing to update: give --identifier, --client-id, "
                             "--client-secret-stdin, a --clear-... option or a protocol option"),
                          parsed.helpTopic, {}, inv.json);
    }

    // Destructive commands: --yes, or a y/N question on a terminal; nothing is sent before.
    const bool destructive = inv.command == Command::SsoDisable ||
                             inv.command == Command::UsersRemove ||
                             inv.command == Command::InvitationsRevoke;
    if (destructive && !inv.yes && !stdinIsTerminal()) {
        QString refusal;
        if (inv.command == Command::SsoDisable)
            refusal = tr("refusing to disable SSO for %1 without --yes (standard input is not a "
                         "terminal to ask on)")
                          .arg(inv.organization);
        else if (inv.command == Command::UsersRemove)
            refusal = tr("refusing to remove member %1 from %2 without --yes (standard input is "
                         "not a terminal to ask on)")
                          .arg(printable(inv.target), inv.organization);
        else
            refusal = tr("refusing to revoke invitation %1 of %2 without --yes (standard input "
                         "is not a terminal to ask on)")
                          .arg(printable(inv.target), inv.organization);
        return usageError(refusal, parsed.helpTopic, {}, inv.json);
    }

    // Who would lose sign-in: said before the question, and the last administrators are not
    // locked out without --force.
    if (inv.command == Command::SsoDisable ||
        (inv.command == Command::SsoUpdate && inv.identifier)) {
        if (const int status = runImpactGuard(app, inv, config); status != ExitOk)
            return status;
    }
    // Demoting, disabling or removing the last active administrator is refused without
    // --force; leaving none who signs in without SSO is said.
    if (inv.command == Command::UsersSet || inv.command == Command::UsersRemove) {
        if (const int status = runAdminGuard(app, inv, config); status != ExitOk)
            return status;
    }

    if (destructive && !inv.yes) {
        QString question;
        QString declined;
        if (inv.command == Command::SsoDisable) {
            question = tr("Disable SSO for %1? Its connection and stored client secret are "
                          "deleted. [y/N] ")
                           .arg(inv.organization);
            declined = tr("keycardctl: not disabled\n");
        } else if (inv.command == Command::UsersRemove) {
            question =
                tr("Remove member %1 from %2? [y/N] ").arg(printable(inv.target), inv.organization);
            declined = tr("keycardctl: not removed\n");
        } else {
            question = tr("Revoke invitation %1 of %2? [y/N] ")
                           .arg(printable(inv.target), inv.organization);
            declined = tr("keycardctl: not revoked\n");
        }
        Console::err(question);
        std::string line; // the answer's first characters: "y", "yes" or anything else
        int c = 0;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n') {
            if (line.size() < 16)
                line.push_back(char(c));
        }
        const QString reply = QString::fromStdString(line).trimmed().toLower();
        if (reply != QLatin1String("y") && reply != QLatin1String("yes")) {
            Console::err(declined);
            return ExitFailure;
        }
    }

    if (inv.command == Command::SsoEnable && inv.check) {
        if (const int status = runSsoEnablePreflight(app, inv); status != ExitOk)
            return status;
    }

    CommandRunner runner(inv, std::move(config), std::move(ssoSecret));
    QObject::connect(&runner, &CommandRunner::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &runner, &CommandRunner::start);
    return app.exec();
}

} // namespace keycard::cli
