// keycard-sandbox: a local server that speaks the Keycard API contract, for demos and tests.
#include "SandboxServer.h"
#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

using keycard::sandbox::SandboxOptions;
using keycard::sandbox::SandboxServer;

namespace {

constexpr quint16 kDefaultPort = 8765;

bool parseNumber(const QString &text, int minimum, int maximum, int &out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return false;
    out = value;
    return true;
}

// A request path as the log shows it: control characters (a decoded %1B, %0D%0A, ...) would
// drive the terminal or forge log lines, so they are shown escaped.
QString loggable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

// The first line of standard input, without its line break: at most 1 KiB, read byte by byte
// so that nothing after the line is consumed. Empty at end of input or on a read error.
QString readSecretLine()
{
    QByteArray line;
    char c = 0;
    while (line.size() < 1024) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        line += c;
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// Quits the application when standard input reaches its end (or fails): keycard-admin holds
// the other end of the pipe, so however keycard-admin ends, its demo server ends with it.
void quitWhenStdinCloses(QCoreApplication *app)
{
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            notifier->setEnabled(false);
            QCoreApplication::quit();
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keycard-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYCARD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Local server that speaks the Keycard API contract, with seeded demo organizations.\n"
        "Listens on 127.0.0.1 only. Demo credentials are printed at start."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate("main", "Port to listen on (default %1; 0 picks a free port).")
            .arg(kDefaultPort),
        QStringLiteral("N"), QString::number(kDefaultPort));
    const QCommandLineOption orgsOption(
        QStringLiteral("orgs"),
        QCoreApplication::translate("main", "Generate N organizations after the demo ones."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption orgMembersOption(
        QStringLiteral("org-members"),
        QCoreApplication::translate(
            "main", "Generate N members (0 to 1000000) in the organization of --org-members-in, "
                    "after its demo members (for scale tests)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption orgMembersInOption(
        QStringLiteral("org-members-in"),
        QCoreApplication::translate(
            "main", "The organization (id or label) --org-members fills (default acme)."),
        QStringLiteral("ORG"), QStringLiteral("acme"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QCoreApplication::translate(
            "main", "Load changes from FILE at start and save them there after each change."),
        QStringLiteral("FILE"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency"),
        QCoreApplication::translate("main", "Delay every response by MS milliseconds."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption quietOption(
        QStringLiteral("quiet"), QCoreApplication::translate("main", "Do not log requests."));
    const QCommandLineOption listenFdOption(
        QStringLiteral("listen-fd"),
        QCoreApplication::translate(
            "main", "Serve on the listening loopback socket inherited as descriptor FD instead "
                    "of --port (keycard-admin starts its demo server so)."),
        QStringLiteral("FD"));
    const QCommandLineOption clientIdOption(
        QStringLiteral("client-id"),
        QCoreApplication::translate("main", "The demo client id (default %1).")
            .arg(SandboxOptions().clientId),
        QStringLiteral("ID"));
    const QCommandLineOption secretStdinOption(
        QStringLiteral("client-secret-stdin"),
        QCoreApplication::translate(
            "main", "Read the demo client secret from the first line of standard input instead "
                    "of using the fixed demo secret."));
    const QCommandLineOption exitWithStdinOption(
        QStringLiteral("exit-with-stdin"),
        QCoreApplication::translate("main", "Stop when standard input is closed."));
    parser.addOptions({portOption, orgsOption, orgMembersOption, orgMembersInOption, stateOption,
                       latencyOption, quietOption, listenFdOption, clientIdOption,
                       secretStdinOption, exitWithStdinOption});
    parser.process(app);

    QTextStream err(stderr);
    int port = kDefaultPort;
    int orgs = 0;
    int latency = 0;
    if (!parseNumber(parser.value(portOption), 0, 65535, port)) {
        err << QCoreApplication::translate("main", "keycard-sandbox: --port must be 0 to 65535")
            << Qt::endl;
        return 2;
    }
    if (!parseNumber(parser.value(orgsOption), 0, 1000000, orgs)) {
        err << QCoreApplication::translate("main", "keycard-sandbox: --orgs must be 0 to 1000000")
            << Qt::endl;
        return 2;
    }
    int orgMembers = 0;
    if (!parseNumber(parser.value(orgMembersOption), 0, 1000000, orgMembers)) {
        err << QCoreApplication::translate("main",
                                           "keycard-sandbox: --org-members must be 0 to 1000000")
            << Qt::endl;
        return 2;
    }
    if (!parseNumber(parser.value(latencyOption), 0, 600000, latency)) {
        err << QCoreApplication::translate("main", "keycard-sandbox: --latency must be 0 to 600000")
            << Qt::endl;
        return 2;
    }

    int listenFd = -1;
    if (parser.isSet(listenFdOption)) {
        if (parser.isSet(portOption)) {
            err << QCoreApplication::translate(
                       "main", "keycard-sandbox: --listen-fd and --port cannot be used together")
                << Qt::endl;
            return 2;
        }
        if (!parseNumber(parser.value(listenFdOption), 0, 65535, listenFd)) {
            err << QCoreApplication::translate("main",
                                               "keycard-sandbox: --listen-fd must be 0 to 65535")
                << Qt::endl;
            return 2;
        }
    }

    SandboxOptions options;
    options.extraOrganizations = orgs;
    options.generatedMembers = orgMembers;
    options.generatedMembersOrganization = parser.value(orgMembersInOption);
    if (parser.isSet(clientIdOption)) {
        options.clientId = parser.value(clientIdOption);
        if (options.clientId.isEmpty()) {
            err << QCoreApplication::translate("main", "keycard-sandbox: --client-id is empty")
                << Qt::endl;
            return 2;
        }
    }
    const bool secretFromStdin = parser.isSet(secretStdinOption);
    if (secretFromStdin) {
        options.clientSecret = readSecretLine();
        if (options.clientSecret.isEmpty()) {
            err << QCoreApplication::translate(
                       "main", "keycard-sandbox: no client secret on standard input")
                << Qt::endl;
            return 2;
        }
    }
    options.stateFile = parser.value(stateOption);
    options.maxRecordedRequests = 0; // nobody reads them: memory stays flat however long it runs
    SandboxServer server(options);
    if (!server.errorString().isEmpty()) {
        // The state file exists but cannot be read: refuse rather than overwrite it later.
        err << "keycard-sandbox: " << server.errorString() << Qt::endl;
        return 1;
    }
    server.setLatency(latency);
    if (listenFd >= 0) {
        if (!server.listenOnDescriptor(listenFd)) {
            err << QCoreApplication::translate("main",
                                               "keycard-sandbox: cannot serve on descriptor %1: %2")
                       .arg(listenFd)
                       .arg(server.errorString())
                << Qt::endl;
            return 1;
        }
    } else if (!server.listen(QHostAddress::LocalHost, quint16(port))) {
        err << QCoreApplication::translate("main", "keycard-sandbox: cannot listen on port %1: %2")
                   .arg(port)
                   .arg(server.errorString())
            << Qt::endl;
        return 1;
    }

    QTextStream out(stdout);
    out << QCoreApplication::translate("main", "Keycard sandbox %1 listening on %2")
               .arg(QStringLiteral(KEYCARD_VERSION), server.baseUrl().toString())
        << '\n'
        << QCoreApplication::translate("main", "%1 organizations, %2 with SSO enabled.")
               .arg(server.organizations().size())
               .arg(server.connectionCount())
        << '\n'
        << QCoreApplication::translate("main", "Demo credentials (paste into your shell):") << '\n'
        << "  export KEYCARD_API_BASE_URL=" << server.baseUrl().toString() << '\n'
        << "  export KEYCARD_API_CLIENT_ID=" << server.options().clientId << '\n'
        << "  export KEYCARD_API_CLIENT_SECRET="
        << (secretFromStdin
                ? QCoreApplication::translate("main", "<the secret given on standard input>")
                : server.options().clientSecret)
        << '\n'
        << QCoreApplication::translate("main", "Press Ctrl+C to stop.") << Qt::endl;

    if (!parser.isSet(quietOption)) {
        QObject::connect(
            &server, &SandboxServer::requestCompleted, &app,
            [&out](const QByteArray &method, const QString &path, int status) {
                out << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << ' '
                    << loggable(QString::fromLatin1(method)) << ' ' << loggable(path) << ' '
                    << (status == 0 ? QStringLiteral("dropped") : QString::number(status))
                    << Qt::endl;
            });
    }
    if (parser.isSet(exitWithStdinOption))
        quitWhenStdinCloses(&app);
    return app.exec();
}
