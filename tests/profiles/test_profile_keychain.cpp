// A real keychain round trip through QtKeychain: run by run-with-keyring.sh on a private
// session bus with an unlocked gnome-keyring. With CI=true it must run: no keychain is a failure.

#include "ProfileSession.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "TempHome.h"

#include <QSettings>
#include <QTest>
#include <QUuid>

using namespace keycard;
using namespace keycard::profiles;

class TestProfileKeychain : public QObject
{
    Q_OBJECT
public:
    explicit TestProfileKeychain(testing::TempHome *home)
        : m_home(home)
    {
    }

private:
    // Skips (developer machine) or fails (CI) when no keychain answers.
    bool requireKeychain(SecretStore &secrets)
    {
        std::optional<SecretResult> probe;
        secrets.read(QStringLiteral("probe"), this, [&](const SecretResult &r) { probe = r; });
        if (!QTest::qWaitFor([&] { return probe.has_value(); }, 20000)) {
            qWarning("The keychain did not answer within 20 s");
            return false;
        }
        return secrets.availability() == SecretStore::Availability::Available;
    }

    static QString service()
    {
        return QStringLiteral("ai.keycard.KeycardAdmin.test-") +
               QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SecretStore secrets(service());
        if (requireKeychain(secrets))
            return;
        const QString why = secrets.availabilityDetail();
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL(qPrintable(QStringLiteral("CI=true but no keychain is reachable (%1). "
                                            "Run through tests/profiles/run-with-keyring.sh "
                                            "with gnome-keyring and dbus installed.")
                                 .arg(why)));
        QSKIP(qPrintable(QStringLiteral("No keychain reachable on this machine (%1): install "
                                        "gnome-keyring and dbus, or set CI=true to make this "
                                        "a failure")
                             .arg(why)));
    }

    void storeReadBackDelete()
    {
        SecretStore secrets(service());
        const QString profile = QStringLiteral("Production");
        const Secret secret(QStringLiteral("kc-roundtrip-") + QUuid::createUuid().toString());

        std::optional<SecretResult> written;
        secrets.write(profile, secret, this, [&](const SecretResult &r) { written = r; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
        QCOMPARE(written->outcome, SecretResult::Outcome::Stored);
        QVERIFY(!secrets.hasSessionSecret(profile)); // in the keychain, not in memory

        // A second store over the same service (a restarted app) reads it back.
        SecretStore restarted(secrets.service());
        std::optional<SecretResult> read;
        restarted.read(profile, this, [&](const SecretResult &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QCOMPARE(read->outcome, SecretResult::Outcome::Stored);
        QVERIFY(read->secret == secret);

        std::optional<SecretResult> removed;
        restarted.remove(profile, this, [&](const SecretResult &r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        QCOMPARE(removed->outcome, SecretResult::Outcome::Stored);

        read.reset();
        secrets.read(profile, this, [&](const SecretResult &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QCOMPARE(read->outcome, SecretResult::Outcome::NotFound);
        QVERIFY(read->secret.isEmpty());
    }

    // The "done": save a profile, restart, be signed in without retyping the secret;
    // then scan every file the app (and the keyring) wrote for the secret.
    void signedInAfterRestartAndNoSecretOnDisk()
    {
        const QString svc = service();
        const QString secretValue = QStringLiteral("prod-secret-") + QUuid::createUuid().toString();
        Profile p;
        p.name = QStringLiteral("Production");
        p.baseUrl = QUrl(QStringLiteral("https://api.keycard.ai"));
        p.clientId = QStringLiteral("svc-production");
        {
            ProfileStore store;
            SecretStore secrets(svc);
            ProfileSession session(&store, &secrets);
            std::optional<SecretResult> saved;
            session.save(p, Secret(secretValue), this, [&](const SecretResult &r) { saved = r; });
            QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
            QCOMPARE(saved->outcome, SecretResult::Outcome::Stored);
            QVERIFY(store.sync());
        }
        {
            QSettings reopened(ProfileStore().fileName(), QSettings::IniFormat);
            ProfileStore store(&reopened);
            SecretStore secrets(svc);
            ProfileSession session(&store, &secrets);
            QCOMPARE(store.lastUsed(), p.name);
            std::optional<ProfileLoad> loaded;
            session.load(store.lastUsed(), this, [&](const ProfileLoad &r) { loaded = r; });
            QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
            QCOMPARE(loaded->outcome, ProfileLoad::Outcome::Ready);
            QVERIFY(!loaded->sessionOnly);
            QCOMPARE(loaded->config.credentials.secret.reveal(), secretValue);
            QCOMPARE(loaded->config.credentials.clientId, p.clientId);

            const QStringList files = m_home->allFiles();
            QVERIFY2(!files.isEmpty(), "the scan must look at something");
            QCOMPARE(m_home->filesContaining(secretValue), QStringList());
            QVERIFY(!m_home->filesContaining(p.clientId).isEmpty()); // the scan can find text

            std::optional<SecretResult> out;
            session.signOut(p.name, this, [&](const SecretResult &r) { out = r; });
            QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 20000);
            loaded.reset();
            session.load(p.name, this, [&](const ProfileLoad &r) { loaded = r; });
            QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
            QCOMPARE(loaded->outcome, ProfileLoad::Outcome::NoSecret);
            QVERIFY(store.contains(p.name)); // sign out keeps the profile
        }
    }

private:
    testing::TempHome *m_home;
};

KEYCARD_TEMP_HOME_MAIN(TestProfileKeychain)
#include "test_profile_keychain.moc"
