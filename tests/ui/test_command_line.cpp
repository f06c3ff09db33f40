// keycard-admin's command line and the sandbox-by-default decision.
#include "AppSession.h"
#include "CommandLineOptions.h"
#include "KeycardClient.h"
#include "SandboxProcess.h"

#include <QProcess>
#include <QTest>

using namespace keycard;

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndVersion();
    void helpAndVersionWithoutDisplay();
    void rejectsBadInput();
    void sandboxByDefault();
    void environmentCredentialsUseTheServer();
    void baseUrlUsesTheServer();
};

static CommandLineOptions parse(QStringList args)
{
    args.prepend(QStringLiteral("keycard-admin"));
    CommandLineOptions options;
    options.parse(args);
    return options;
}

void TestCommandLine::helpAndVersion()
{
    auto help = parse({QStringLiteral("--help")});
    QCOMPARE(help.outcome(), CommandLineOptions::Outcome::Help);
    QVERIFY(help.text().contains(QStringLiteral("--base-url")));
    QVERIFY(help.text().contains(QStringLiteral("--screenshot")));
    auto version = parse({QStringLiteral("--version")});
    QCOMPARE(version.outcome(), CommandLineOptions::Outcome::Version);
    QCOMPARE(version.text(), QStringLiteral("keycard-admin " KEYCARD_VERSION));
}

// Over SSH or in a packaging check there is no display: keycard-admin --help / --version must
// still answer instead of aborting in QApplication (which needs the xcb platform here).
void TestCommandLine::helpAndVersionWithoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    auto run = [&env](const QStringList &args) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(KEYCARD_ADMIN_EXECUTABLE), args);
        if (!process.waitForFinished(30000))
            qFatal("keycard-admin %s did not finish", qPrintable(args.join(u' ')));
        return std::make_pair(process.exitStatus() == QProcess::NormalExit ? process.exitCode()
                                                                           : -1,
                              QString::fromLocal8Bit(process.readAllStandardOutput()));
    };
    const auto [helpStatus, help] = run({QStringLiteral("--help")});
    QCOMPARE(helpStatus, 0);
    QVERIFY2(help.contains(QStringLiteral("--base-url")), qPrintable(help));
    QVERIFY(help.contains(QStringLiteral("--sandbox")));
    const auto [versionStatus, version] = run({QStringLiteral("--version")});
    QCOMPARE(versionStatus, 0);
    QCOMPARE(version.trimmed(), QStringLiteral("keycard-admin " KEYCARD_VERSION));
    const auto [shortStatus, shortVersion] = run({QStringLiteral("-v")});
    QCOMPARE(shortStatus, 0);
    QCOMPARE(shortVersion.trimmed(), QStringLiteral("keycard-admin " KEYCARD_VERSION));
}

void TestCommandLine::rejectsBadInput()
{
    QCOMPARE(parse({QStringLiteral("--no-such-option")}).outcome(),
             CommandLineOptions::Outcome::Error);
    const auto plainHttp =
        parse({QStringLiteral("--base-url"), QStringLiteral("http://example.com")});
    QCOMPARE(plainHttp.outcome(), CommandLineOptions::Outcome::Error);
    QVERIFY(plainHttp.text().startsWith(QStringLiteral("--base-url")));
    QCOMPARE(parse({QStringLiteral("--sandbox"), QStringLiteral("--base-url"),
                    QStringLiteral("https://api.keycard.ai")})
                 .outcome(),
             CommandLineOptions::Outcome::Error);
    QCOMPARE(parse({QStringLiteral("stray")}).outcome(), CommandLineOptions::Outcome::Error);
}

void TestCommandLine::sandboxByDefault()
{
    const auto options = parse({});
    QCOMPARE(options.outcome(), CommandLineOptions::Outcome::Run);
    QVERIFY(options.useSandbox(false));
    QVERIFY(!options.useSandbox(true));
    QVERIFY(parse({QStringLiteral("--sandbox")}).useSandbox(true));

    QString error;
    const auto session = AppSession::start(options, QProcessEnvironment(), &error,
                                           QStringLiteral(KEYCARD_SANDBOX_EXECUTABLE));
    QVERIFY2(session, qPrintable(error));
    QVERIFY(session->info().isSandbox());
    QVERIFY(session->sandbox());
    QCOMPARE(session->client()->config().baseUrl, session->sandbox()->baseUrl());
    QCOMPARE(session->client()->config().credentials.clientId, session->sandbox()->clientId());
    QCOMPARE(session->info().describe(), QStringLiteral("Sandbox — demo data"));

    // The client gets a token and the demo organizations from keycard-sandbox, which runs as
    // a child process of its own.
    QVERIFY(session->sandbox()->isRunning());
    QVERIFY(session->sandbox()->processId() != QCoreApplication::applicationPid());
    std::optional<Result<OrganizationPage>> page;
    session->client()->listOrganizations({}, this,
                                         [&page](const Result<OrganizationPage> &r) { page = r; });
    QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 20000);
    QVERIFY2(page->ok(), qPrintable(page->error().message));
    QCOMPARE(page->value().items.value(0).label, QStringLiteral("acme"));
}

void TestCommandLine::environmentCredentialsUseTheServer()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("KEYCARD_API_BASE_URL"),
               QStringLiteral("https://staging.example.com"));
    env.insert(QStringLiteral("KEYCARD_API_API_KEY"), QStringLiteral("token-value"));
    QString error;
    const auto session = AppSession::start(parse({}), env, &error);
    QVERIFY(session);
    QVERIFY(!session->sandbox());
    QCOMPARE(session->info().source, SessionInfo::Source::Environment);
    QCOMPARE(session->client()->config().baseUrl,
             QUrl(QStringLiteral("https://staging.example.com")));
    QVERIFY(!session->info().describe().contains(QStringLiteral("token-value")));
}

void TestCommandLine::baseUrlUsesTheServer()
{
    QString error;
    const auto session = AppSession::start(
        parse({QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9")}),
        QProcessEnvironment(), &error);
    QVERIFY(session);
    QVERIFY(!session->sandbox());
    QCOMPARE(session->info().source, SessionInfo::Source::CommandLine);
    QCOMPARE(session->client()->config().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
}

QTEST_MAIN(TestCommandLine)
#include "test_command_line.moc"
