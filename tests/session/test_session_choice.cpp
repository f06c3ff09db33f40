// SessionChoice: the command line, the SDK environment variables, saved profiles and the demo
// sandbox, decided in one place (no widgets, no server).
#include "CommandLineOptions.h"
#include "SessionChoice.h"

#include <QTest>

using namespace keycard;

namespace {

QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars)
        env.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return env;
}

const QProcessEnvironment kCredentials =
    environment({{"KEYCARD_API_BASE_URL", "https://staging.example.com"},
                 {"KEYCARD_API_CLIENT_ID", "env-client"},
                 {"KEYCARD_API_CLIENT_SECRET", "env-secret"}});

SessionChoice fromArguments(const QStringList &arguments, const QProcessEnvironment &env)
{
    CommandLineOptions options;
    if (options.parse(QStringList{QStringLiteral("keycard-admin")} + arguments) !=
        CommandLineOptions::Outcome::Run)
        qFatal("unexpected command line");
    return SessionChoice::fromOptions(options, env);
}

} // namespace

class TestSessionChoice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingGivenIsTheSandbox()
    {
        const SessionChoice choice = fromArguments({}, QProcessEnvironment());
        QVERIFY(choice.usesSandbox());
        QCOMPARE(choice.source(), SessionInfo::Source::Sandbox);
        QVERIFY(choice.profilesAllowed());
    }

    void forcedSandboxWinsOverCredentialsAndProfiles()
    {
        const SessionChoice choice = fromArguments({QStringLiteral("--sandbox")}, kCredentials);
        QVERIFY(choice.usesSandbox());
        QCOMPARE(choice.source(), SessionInfo::Source::Sandbox);
        QVERIFY(!choice.profilesAllowed());
    }

    void screenshotsUseNoProfile()
    {
        const SessionChoice choice = fromArguments(
            {QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png")}, QProcessEnvironment());
        QVERIFY(choice.usesSandbox());
        QVERIFY(!choice.profilesAllowed());
    }

    void environmentCredentialsPickTheServer()
    {
        const SessionChoice choice = fromArguments({}, kCredentials);
        QVERIFY(!choice.usesSandbox());
        QCOMPARE(choice.source(), SessionInfo::Source::Environment);
        const ClientConfig config = choice.serverConfig();
        QCOMPARE(config.baseUrl, QUrl(QStringLiteral("https://staging.example.com")));
        QCOMPARE(config.credentials.kind, Credentials::Kind::ServiceAccount);
        QCOMPARE(config.credentials.clientId, QStringLiteral("env-client"));
    }

    void baseUrlGoesOnTopOfEnvironmentCredentials()
    {
        const SessionChoice choice = fromArguments(
            {QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9")}, kCredentials);
        QCOMPARE(choice.source(), SessionInfo::Source::Environment);
        QCOMPARE(choice.serverConfig().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(choice.serverConfig().credentials.clientId, QStringLiteral("env-client"));
    }

    void baseUrlAloneIsTheCommandLineServer()
    {
        const SessionChoice choice =
            fromArguments({QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9")},
                          QProcessEnvironment());
        QVERIFY(!choice.usesSandbox());
        QCOMPARE(choice.source(), SessionInfo::Source::CommandLine);
        QCOMPARE(choice.serverConfig().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(choice.serverConfig().credentials.kind, Credentials::Kind::None);
    }

    void environmentBaseUrlAloneKeepsTheSandbox()
    {
        // Without credentials there is nothing to sign in with: the sandbox, and a profile's
        // base URL gives way to the variable.
        const QProcessEnvironment env =
            environment({{"KEYCARD_API_BASE_URL", "https://staging.example.com"}});
        const SessionChoice choice = fromArguments({}, env);
        QVERIFY(choice.usesSandbox());
        QVERIFY(choice.profilesAllowed());
        ClientConfig saved;
        saved.baseUrl = QUrl(QStringLiteral("https://api.example.org"));
        saved.credentials =
            Credentials::serviceAccount(QStringLiteral("saved"), Secret(QStringLiteral("s")));
        const ClientConfig config = SessionChoice::profileConfig(saved, env);
        QCOMPARE(config.baseUrl, QUrl(QStringLiteral("https://staging.example.com")));
        QCOMPARE(config.credentials.clientId, QStringLiteral("saved"));
    }

    void environmentCredentialsReplaceAProfilesCredentials()
    {
        ClientConfig saved;
        saved.baseUrl = QUrl(QStringLiteral("https://api.example.org"));
        saved.credentials =
            Credentials::serviceAccount(QStringLiteral("saved"), Secret(QStringLiteral("s")));
        const ClientConfig config = SessionChoice::profileConfig(
            saved, environment({{"KEYCARD_API_API_KEY", "token-value"}}));
        QCOMPARE(config.baseUrl, QUrl(QStringLiteral("https://api.example.org")));
        QCOMPARE(config.credentials.kind, Credentials::Kind::BearerToken);
        QCOMPARE(config.credentials.secret.reveal(), QStringLiteral("token-value"));
        // Nothing set: the profile as saved.
        QCOMPARE(SessionChoice::profileConfig(saved, QProcessEnvironment()).credentials.clientId,
                 QStringLiteral("saved"));
    }

    void onlyTheSandboxGivesWayToProfiles()
    {
        SessionInfo sandbox;
        sandbox.source = SessionInfo::Source::Sandbox;
        SessionInfo environmentSession;
        environmentSession.source = SessionInfo::Source::Environment;
        SessionInfo commandLine;
        commandLine.source = SessionInfo::Source::CommandLine;

        QVERIFY(SessionChoice::startsWithProfile(sandbox, true));
        QVERIFY(!SessionChoice::startsWithProfile(sandbox, false));
        QVERIFY(!SessionChoice::startsWithProfile(environmentSession, true));
        QVERIFY(!SessionChoice::startsWithProfile(commandLine, true));

        QVERIFY(SessionChoice::profileReplaces(sandbox));
        QVERIFY(!SessionChoice::profileReplaces(environmentSession));
        QVERIFY(!SessionChoice::profileReplaces(commandLine));
    }

    void aProfilesSession()
    {
        ClientConfig config;
        config.baseUrl = QUrl(QStringLiteral("https://api.example.org"));
        const SessionInfo info = SessionChoice::profileSession(QStringLiteral("Work"), config);
        QCOMPARE(info.source, SessionInfo::Source::Profile);
        QCOMPARE(info.profileName, QStringLiteral("Work"));
        QCOMPARE(info.baseUrl, config.baseUrl);
        QCOMPARE(info.describe(), QStringLiteral("Work (https://api.example.org)"));
    }
};

QTEST_GUILESS_MAIN(TestSessionChoice)
#include "test_session_choice.moc"
