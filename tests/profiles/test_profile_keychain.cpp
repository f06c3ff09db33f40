// A real keychain round trip through QtKeychain: run by run-with-keyring.sh on a private
// session bus with an unlocked gnome-keyring. With CI=true it must run: no keychain is a failure.

#include "KeychainProbe.h"
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
    static QString service()
    {
        return QStringLiteral("ai.keycard.KeycardAdmin.test-") +
               QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

private Q_SLOTS:
    void initTestCase() { KEYCARD_REQUIRE_KEYCHAIN(this); }

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

    // A rename moves the secret to the new keychain entry and deletes the old entry.
    void renameMovesTheKeychainEntry()
    {
        const QString svc = service();
        const QString secretValue = QStringLiteral("rename-") + QUuid::createUuid().toString();
        ProfileStore store;
        SecretStore secrets(svc);
        ProfileSession session(&store, &secrets);
        Profile p;
        p.name = QStringLiteral("Staging");
        p.clientId = QStringLiteral("svc-staging");
        std::optional<SecretResult> saved;
        session.save(p, Secret(secretValue), this, [&](const SecretResult &r) { saved = r; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
        QCOMPARE(saved->outcome, SecretResult::Outcome::Stored);

        Profile renamed = p;
        renamed.name = QStringLiteral("Production");
        saved.reset();
        session.save(
            renamed, Secret(), this, [&](const SecretResult &r) { saved = r; }, p.name);
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
        QCOMPARE(saved->outcome, SecretResult::Outcome::Stored);
        QVERIFY(!secrets.hasSessionSecret(renamed.name)); // in the keychain, not in memory
        QCOMPARE(store.names(), QStringList{renamed.name});

        // A fresh store (a restarted app) finds the secret under the new key only.
        SecretStore restarted(svc);
        std::optional<SecretResult> read;
        restarted.read(renamed.name, this, [&](const SecretResult &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QCOMPARE(read->outcome, SecretResult::Outcome::Stored);
        QCOMPARE(read->secret.reveal(), secretValue);
        read.reset();
        restarted.read(p.name, this, [&](const SecretResult &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QCOMPARE(read->outcome, SecretResult::Outcome::NotFound);
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
