// keycard-sandbox: a local server that speaks the Keycard API contract, for demos and tests.
#include "SandboxServer.h"
#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <cstdio>

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
    parser.addOptions({portOption, orgsOption, stateOption, latencyOption, quietOption});
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
    if (!parseNumber(parser.value(latencyOption), 0, 600000, latency)) {
        err << QCoreApplication::translate("main", "keycard-sandbox: --latency must be 0 to 600000")
            << Qt::endl;
        return 2;
    }

    SandboxOptions options;
    options.extraOrganizations = orgs;
    options.stateFile = parser.value(stateOption);
    options.maxRecordedRequests = 0; // nobody reads them: memory stays flat however long it runs
    SandboxServer server(options);
    if (!server.errorString().isEmpty()) {
        // The state file exists but cannot be read: refuse rather than overwrite it later.
        err << "keycard-sandbox: " << server.errorString() << Qt::endl;
        return 1;
    }
    server.setLatency(latency);
    if (!server.listen(QHostAddress::LocalHost, quint16(port))) {
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
        << "  export KEYCARD_API_CLIENT_SECRET=" << server.options().clientSecret << '\n'
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
    return app.exec();
}
