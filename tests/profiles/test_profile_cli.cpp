// keycardctl --profile NAME: a profile saved the way keycard-admin saves it (settings file and
// the real keychain), then keycardctl run as a process against an in-process sandbox. Run by
// run-with-keyring.sh; skips without a keychain unless CI=true.

#include "../cli/CliHarness.h"
#include "KeychainProbe.h"
#include "ProfileSession.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "TempHome.h"

#include <QSettings>
#include <QTest>

using namespace keycard;
using namespace keycard::profiles;

class TestProfileCli : public QObject
{
    Q_OBJECT
public:
    explicit TestProfileCli(testing::TempHome *home)
        : m_home(home)
    {
    }

private:
    // The environment of a user who has no KEYCARD_API_* variables set.
    QProcessEnvironment cleanEnvironment() const
    {
        QProcessEnvironment env = m_cli.environment();
        for (const char *name : {"KEYCARD_API_BASE_URL", "KEYCARD_API_CLIENT_ID",
                                 "KEYCARD_API_CLIENT_SECRET", "KEYCARD_API_API_KEY"})
            env.remove(QLatin1String(name));
        return env;
    }

    void saveProfile(const QString &name, const Secret &secret)
    {
        const auto settings = ProfileStore::applicationSettings();
        ProfileStore store(settings.get());
        SecretStore secrets;
        ProfileSession session(&store, &secrets);
        Profile p;
        p.name = name;
        p.baseUrl = m_cli.sandbox->baseUrl();
        p.clientId = m_cli.sandbox->options().clientId;
        std::optional<SecretResult> saved;
        session.save(p, secret, this, [&](const SecretResult &r) { saved = r; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
        QCOMPARE(saved->outcome, SecretResult::Outcome::Stored);
        QVERIFY(store.sync());
    }

    testing::TempHome *m_home;
    CliHarness m_cli;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cli.startSandbox());
        KEYCARD_REQUIRE_KEYCHAIN(this);
    }

    void listsWithTheSavedProfile()
    {
        const QString secret = m_cli.sandbox->options().clientSecret;
        saveProfile(QStringLiteral("Sandbox staging"), Secret(secret));
        const CliRun run =
            m_cli.run({QStringLiteral("--profile"), QStringLiteral("Sandbox staging"),
                       QStringLiteral("--json"), QStringLiteral("orgs"), QStringLiteral("list"),
                       QStringLiteral("--limit"), QStringLiteral("2")},
                      cleanEnvironment());
        QVERIFY2(run.completed, qPrintable(run.err));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("acme")), qPrintable(run.out));
        QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));
        // The sandbox saw the profile's client id (the secret came from the keychain).
        const auto requests = m_cli.sandbox->requests();
        QVERIFY(!requests.isEmpty());
        QCOMPARE(requests.first().path, QStringLiteral("/service-account-token"));
        QCOMPARE(m_home->filesContaining(secret), QStringList());
    }

    void environmentStillOverrides()
    {
        saveProfile(QStringLiteral("prod"), Secret(m_cli.sandbox->options().clientSecret));
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_ID"), QStringLiteral("demo-admin"));
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_SECRET"), QStringLiteral("env-wrong-secret"));
        const CliRun run = m_cli.run({QStringLiteral("--profile"), QStringLiteral("prod"),
                                      QStringLiteral("orgs"), QStringLiteral("list")},
                                     env);
        QCOMPARE(run.exitCode, 3); // the environment's (wrong) secret won
    }

    void unknownProfileIsAUsageError()
    {
        const CliRun run = m_cli.run({QStringLiteral("--profile"), QStringLiteral("nope"),
                                      QStringLiteral("orgs"), QStringLiteral("list")},
                                     cleanEnvironment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("no saved connection named \"nope\"")),
                 qPrintable(run.err));
    }

    void signedOutProfileAsksToSignIn()
    {
        saveProfile(QStringLiteral("gone"), Secret(QStringLiteral("whatever-secret")));
        {
            SecretStore secrets;
            std::optional<SecretResult> removed;
            secrets.remove(QStringLiteral("gone"), this,
                           [&](const SecretResult &r) { removed = r; });
            QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        }
        m_cli.sandbox->clearRequests();
        const CliRun run = m_cli.run({QStringLiteral("--profile"), QStringLiteral("gone"),
                                      QStringLiteral("orgs"), QStringLiteral("list")},
                                     cleanEnvironment());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("No secret is stored")), qPrintable(run.err));
        QCOMPARE(m_cli.sandbox->requests().size(), 0); // nothing was sent
    }
};

int main(int argc, char **argv)
{
    keycard::testing::TempHome home(false);
    QCoreApplication app(argc, argv);
    TestProfileCli test(&home);
    return QTest::qExec(&test, argc, argv);
}

#include "test_profile_cli.moc"
