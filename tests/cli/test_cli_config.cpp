// keycardctl's configuration messages (issue 23, point 10), run as a process under a
// throw-away home with no keychain reachable: a bad base URL is blamed on where it came from,
// a port out of range says so, nothing says "kept for this session only", and a settings file
// with an absurd profile count or of absurd size neither stalls start-up nor goes unreported.
#include "../profiles/TempHome.h"
#include "CliHarness.h"
#include "ProfileStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSettings>

using namespace keycard;

class TestCliConfig : public QObject
{
    Q_OBJECT
public:
    explicit TestCliConfig(testing::TempHome *home)
        : m_home(home)
    {
    }

private:
    testing::TempHome *m_home;
    CliHarness harness;

    // No KEYCARD_API_BASE_URL; the sandbox's credentials; no keychain on the session bus.
    QProcessEnvironment environment(bool credentials = true) const
    {
        QProcessEnvironment env = harness.environment();
        env.remove(QStringLiteral("KEYCARD_API_BASE_URL"));
        if (!credentials) {
            env.remove(QStringLiteral("KEYCARD_API_CLIENT_ID"));
            env.remove(QStringLiteral("KEYCARD_API_CLIENT_SECRET"));
        }
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/keycard-no-bus"));
        return env;
    }

    // A profile entry as a person might leave it after editing the file by hand.
    static void writeProfile(const QString &name, const QString &baseUrl, int size = 1)
    {
        const auto settings = profiles::ProfileStore::applicationSettings();
        settings->clear();
        settings->setValue(QStringLiteral("Profiles/size"), size);
        settings->setValue(QStringLiteral("Profiles/1/name"), name);
        settings->setValue(QStringLiteral("Profiles/1/baseUrl"), baseUrl);
        settings->setValue(QStringLiteral("Profiles/1/credentialKind"),
                           QStringLiteral("service-account"));
        settings->setValue(QStringLiteral("Profiles/1/clientId"), QStringLiteral("demo-admin"));
        settings->sync();
        QCOMPARE(settings->status(), QSettings::NoError);
    }

    static QStringList args(std::initializer_list<const char *> words)
    {
        QStringList list;
        for (const char *w : words)
            list << QString::fromUtf8(w);
        return list;
    }

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup()
    {
        harness.sandbox.reset();
        const auto settings = profiles::ProfileStore::applicationSettings();
        QFile::remove(settings->fileName());
    }

    void badBaseUrlOfAProfileIsBlamedOnTheProfile()
    {
        writeProfile(QStringLiteral("Staging"), QStringLiteral("http://keycard.example"));
        CLI_RUN(r, args({"--profile", "Staging", "orgs", "list"}), environment());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--profile Staging")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("http://")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("KEYCARD_API_BASE_URL")), qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());

        // The same URL from the variable is blamed on the variable.
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("KEYCARD_API_BASE_URL"),
                   QStringLiteral("http://keycard.example"));
        CLI_RUN(v, args({"orgs", "list"}), env);
        QCOMPARE(v.exitCode, 2);
        QVERIFY2(v.err.contains(QLatin1String("KEYCARD_API_BASE_URL")), qPrintable(v.err));
    }

    void portOutOfRangeSaysSo_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("70000") << QStringLiteral("https://127.0.0.1:70000");
        QTest::newRow("0") << QStringLiteral("https://127.0.0.1:0");
        QTest::newRow("99999999999") << QStringLiteral("https://api.keycard.ai:99999999999/v1");
    }
    void portOutOfRangeSaysSo()
    {
        QFETCH(QString, url);
        CLI_RUN(r,
                QStringList{QStringLiteral("--base-url"), url, QStringLiteral("orgs"),
                            QStringLiteral("list")},
                environment());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("port is out of range")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("1 to 65535")), qPrintable(r.err));

        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("KEYCARD_API_BASE_URL"), url);
        CLI_RUN(v, args({"orgs", "list"}), env);
        QCOMPARE(v.exitCode, 2);
        QVERIFY2(v.err.contains(QLatin1String("KEYCARD_API_BASE_URL: The port is out of range")),
                 qPrintable(v.err));
    }

    void noKeychainIsNeverCalledSessionOnly()
    {
        writeProfile(QStringLiteral("Staging"), harness.sandbox->baseUrl().toString());
        CLI_RUN(r, args({"--profile", "Staging", "orgs", "list"}), environment(false));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(!r.err.contains(QLatin1String("session")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("No keychain is reachable")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("KEYCARD_API_CLIENT_SECRET")), qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void absurdProfileCountIsCappedAndReported()
    {
        // Was 7 s of settings lookups before anything else happened.
        writeProfile(QStringLiteral("Staging"), harness.sandbox->baseUrl().toString(), 3000000);
        CLI_RUN(r, args({"--profile", "Staging", "orgs", "get", "acme"}), environment());
        QCOMPARE(r.exitCode, 0); // the first profiles are still read
        QVERIFY2(r.err.contains(QLatin1String("keycardctl: warning:")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("3000000")), qPrintable(r.err));
    }

    void oversizedSettingsFileIsNotReadAndReported()
    {
        writeProfile(QStringLiteral("Staging"), harness.sandbox->baseUrl().toString());
        const auto settings = profiles::ProfileStore::applicationSettings();
        QFile file(settings->fileName());
        QVERIFY(file.open(QIODevice::Append));
        QByteArray garbage;
        for (int i = 0; i < 3 * 1024 * 1024 / 16; ++i)
            garbage += "\x01=\xff[\\\n" + QByteArray::number(i, 16).rightJustified(10, 'x');
        QVERIFY(file.write(garbage) == garbage.size());
        file.close();
        CLI_RUN(r, args({"--profile", "Staging", "orgs", "get", "acme"}), environment());
        QCOMPARE(r.exitCode, 2); // the profile was not read
        QVERIFY2(r.err.contains(QLatin1String("keycardctl: warning:")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("larger than")), qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }
};

int main(int argc, char **argv)
{
    // Not in QStandardPaths' test mode: keycardctl must find the same settings file.
    keycard::testing::TempHome home(false);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(
        QString::fromLatin1(keycard::profiles::ProfileStore::kOrganization));
    QCoreApplication::setApplicationName(
        QString::fromLatin1(keycard::profiles::ProfileStore::kApplication));
    TestCliConfig test(&home);
    return QTest::qExec(&test, argc, argv);
}

#include "test_cli_config.moc"
