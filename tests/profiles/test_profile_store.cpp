// Profiles in QSettings: persistence across restarts, validation, the environment override,
// and that no secret reaches a settings file even when no keychain is available.

#include "EnvironmentOverride.h"
#include "ProfileSession.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "TempHome.h"

#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace keycard;
using namespace keycard::profiles;

class TestProfileStore : public QObject
{
    Q_OBJECT
public:
    explicit TestProfileStore(testing::TempHome *home)
        : m_home(home)
    {
    }

private Q_SLOTS:
    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    void settingsLiveUnderTheTemporaryHome()
    {
        ProfileStore store;
        QVERIFY2(store.fileName().startsWith(m_home->path()), qPrintable(store.fileName()));
    }

    void profilesPersistAcrossRestarts()
    {
        Profile prod;
        prod.name = QStringLiteral("Production");
        prod.clientId = QStringLiteral("svc-prod");
        Profile staging;
        staging.name = QStringLiteral("Staging / EU");
        staging.baseUrl = QUrl(QStringLiteral("https://staging.api.keycard.example/v1"));
        staging.kind = Credentials::Kind::BearerToken;
        staging.caFile = QStringLiteral("/etc/keycard/private-ca.pem"); // kept as a path
        {
            ProfileStore store;
            QVERIFY(store.save(prod));
            QVERIFY(store.save(staging));
            store.setLastUsed(staging.name);
            QVERIFY(store.sync());
        }
        // A "restart": a new store over a freshly opened settings file.
        QSettings reopened(ProfileStore().fileName(), QSettings::IniFormat);
        ProfileStore again(&reopened);
        QCOMPARE(again.names(), (QStringList{prod.name, staging.name}));
        QCOMPARE(again.profile(prod.name).value(), prod);
        QCOMPARE(again.profile(staging.name).value(), staging);
        QCOMPARE(again.profile(prod.name)->baseUrl, QUrl(QStringLiteral("https://api.keycard.ai")));
        QCOMPARE(again.lastUsed(), staging.name);
    }

    void settingsFileIsReadableByItsOwnerOnly()
    {
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        Profile prod;
        prod.name = QStringLiteral("Production");
        prod.clientId = QStringLiteral("svc-prod");
        {
            ProfileStore store;
            QFile::remove(store.fileName()); // a first start: no settings file yet
            QVERIFY(store.save(prod));
            QVERIFY(store.sync());
            QVERIFY(QFileInfo::exists(store.fileName()));
            QCOMPARE(QFileInfo(store.fileName()).permissions() & others, QFile::Permissions());
        }
        // A file an older version left readable by everyone is made private on the next write.
        const QString file = ProfileStore().fileName();
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther));
        ProfileStore store;
        store.setLastUsed(prod.name);
        QVERIFY(store.sync());
        QCOMPARE(QFileInfo(file).permissions() & others, QFile::Permissions());
        QCOMPARE(store.lastUsed(), prod.name);
    }

    void absurdProfileCountIsCapped()
    {
        {
            QSettings settings;
            settings.setValue(QStringLiteral("Profiles/size"), 3000000);
            settings.setValue(QStringLiteral("Profiles/1/name"), QStringLiteral("Production"));
            settings.setValue(QStringLiteral("Profiles/1/credentialKind"),
                              QStringLiteral("service-account"));
            settings.sync();
        }
        ProfileStore store;
        QCOMPARE(store.names(), QStringList{QStringLiteral("Production")});
        QVERIFY2(store.problem().contains(QLatin1String("3000000")), qPrintable(store.problem()));
        QVERIFY2(store.problem().contains(QString::number(ProfileStore::kMaxProfiles)),
                 qPrintable(store.problem()));
    }

    void saveReplacesByName()
    {
        ProfileStore store;
        Profile p;
        p.name = QStringLiteral("prod");
        p.clientId = QStringLiteral("one");
        QVERIFY(store.save(p));
        p.clientId = QStringLiteral("two");
        QVERIFY(store.save(p));
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.profile(QStringLiteral("prod"))->clientId, QStringLiteral("two"));
    }

    void removeForgetsLastUsed()
    {
        ProfileStore store;
        Profile p;
        p.name = QStringLiteral("gone");
        p.clientId = QStringLiteral("x");
        QVERIFY(store.save(p));
        store.setLastUsed(p.name);
        QCOMPARE(store.lastUsed(), p.name);
        QVERIFY(store.remove(p.name));
        QVERIFY(!store.remove(p.name));
        QVERIFY(store.names().isEmpty());
        QVERIFY(store.lastUsed().isEmpty());
    }

    void invalidProfilesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("clientId");
        QTest::newRow("empty name") << ""
                                    << "https://api.keycard.ai"
                                    << "id";
        QTest::newRow("padded name") << " prod"
                                     << "https://api.keycard.ai"
                                     << "id";
        QTest::newRow("long name") << QString(65, QLatin1Char('n')) << "https://api.keycard.ai"
                                   << "id";
        QTest::newRow("control char") << "pro\x01d"
                                      << "https://api.keycard.ai"
                                      << "id";
        QTest::newRow("plain http") << "prod"
                                    << "http://api.keycard.ai"
                                    << "id";
        QTest::newRow("not a url") << "prod"
                                   << "keycard"
                                   << "id";
        QTest::newRow("no client id") << "prod"
                                      << "https://api.keycard.ai"
                                      << "  ";
    }

    void invalidProfilesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, clientId);
        Profile p;
        p.name = name;
        p.baseUrl = QUrl(url);
        p.clientId = clientId;
        QVERIFY(p.validate().has_value());
        ProfileStore store;
        QVERIFY(!store.save(p));
        QVERIFY(store.names().isEmpty());
    }

    void loopbackHttpIsAccepted()
    {
        Profile p;
        p.name = QStringLiteral("local");
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        p.clientId = QStringLiteral("demo-admin");
        QVERIFY(!p.validate());
    }

    void profileBuildsClientConfig()
    {
        Profile p;
        p.name = QStringLiteral("prod");
        p.clientId = QStringLiteral(" svc ");
        const ClientConfig sa = p.toClientConfig(Secret(QStringLiteral("s3")));
        QCOMPARE(sa.baseUrl, QUrl(QStringLiteral("https://api.keycard.ai")));
        QCOMPARE(sa.credentials.kind, Credentials::Kind::ServiceAccount);
        QCOMPARE(sa.credentials.clientId, QStringLiteral("svc"));
        QCOMPARE(sa.credentials.secret.reveal(), QStringLiteral("s3"));
        QVERIFY(!sa.validate());
        p.kind = Credentials::Kind::BearerToken;
        const ClientConfig token = p.toClientConfig(Secret(QStringLiteral("tok")));
        QCOMPARE(token.credentials.kind, Credentials::Kind::BearerToken);
        QCOMPARE(token.credentials.secret.reveal(), QStringLiteral("tok"));
        QVERIFY(token.tls.caFile.isEmpty());
        p.caFile = QStringLiteral("/etc/keycard/private-ca.pem");
        QCOMPARE(p.toClientConfig(Secret(QStringLiteral("tok"))).tls.caFile, p.caFile);
    }

    void environmentOverridesProfile()
    {
        Profile p;
        p.name = QStringLiteral("prod");
        p.clientId = QStringLiteral("svc");
        const ClientConfig fromProfile = p.toClientConfig(Secret(QStringLiteral("s3")));

        QProcessEnvironment empty;
        empty.insert(QStringLiteral("KEYCARD_API_BASE_URL"), QString()); // empty counts as unset
        QVERIFY(!environment::isActive(empty));
        QVERIFY(environment::notice(empty).isEmpty());
        QCOMPARE(environment::apply(fromProfile, empty).credentials.clientId,
                 QStringLiteral("svc"));

        QProcessEnvironment urlOnly;
        urlOnly.insert(QStringLiteral("KEYCARD_API_BASE_URL"),
                       QStringLiteral("http://localhost:9"));
        QVERIFY(environment::isActive(urlOnly));
        const ClientConfig a = environment::apply(fromProfile, urlOnly);
        QCOMPARE(a.baseUrl, QUrl(QStringLiteral("http://localhost:9")));
        QCOMPARE(a.credentials.clientId, QStringLiteral("svc"));

        QProcessEnvironment key;
        key.insert(QStringLiteral("KEYCARD_API_API_KEY"), QStringLiteral("env-token-value"));
        const ClientConfig b = environment::apply(fromProfile, key);
        QCOMPARE(b.credentials.kind, Credentials::Kind::BearerToken);
        QCOMPARE(b.credentials.secret.reveal(), QStringLiteral("env-token-value"));
        QCOMPARE(b.baseUrl, fromProfile.baseUrl);
        QCOMPARE(environment::variablesInUse(key),
                 QStringList{QStringLiteral("KEYCARD_API_API_KEY")});
        const QString notice = environment::notice(key);
        QVERIFY(notice.contains(QLatin1String("KEYCARD_API_API_KEY")));
        QVERIFY2(!notice.contains(QLatin1String("env-token-value")),
                 "the notice names, never values");
    }

    // With no reachable keychain (DBUS_SESSION_BUS_ADDRESS points nowhere in this test), the
    // secret is kept in memory for this run, the UI is told so, and nothing reaches the disk.
    void noKeychainKeepsSecretForTheSessionOnly()
    {
        const QString secretValue = QStringLiteral("sess-only-9f27c1d0-secret");
        ProfileStore store;
        SecretStore secrets(QStringLiteral("ai.keycard.KeycardAdmin.test"));
        ProfileSession session(&store, &secrets);
        QSignalSpy availability(&secrets, &SecretStore::availabilityChanged);

        Profile p;
        p.name = QStringLiteral("Laptop");
        p.baseUrl = QUrl(QStringLiteral("https://api.keycard.ai"));
        p.clientId = QStringLiteral("svc-laptop");
        std::optional<SecretResult> saved;
        session.save(p, Secret(secretValue), this, [&](const SecretResult &r) { saved = r; });
        QTRY_VERIFY(saved.has_value());
        QCOMPARE(saved->outcome, SecretResult::Outcome::SessionOnly);
        QCOMPARE(saved->message,
                 QStringLiteral("No keychain available: the secret is kept for this session only"));
        QCOMPARE(secrets.availability(), SecretStore::Availability::Unavailable);
        QCOMPARE(availability.size(), 1);
        QVERIFY(secrets.hasSessionSecret(p.name));
        QVERIFY(!secrets.availabilityMessage().isEmpty());

        std::optional<ProfileLoad> loaded;
        session.load(p.name, this, [&](const ProfileLoad &r) { loaded = r; });
        QTRY_VERIFY(loaded.has_value());
        QCOMPARE(loaded->outcome, ProfileLoad::Outcome::Ready);
        QVERIFY(loaded->sessionOnly);
        QCOMPARE(loaded->config.credentials.secret.reveal(), secretValue);
        QCOMPARE(loaded->config.credentials.clientId, QStringLiteral("svc-laptop"));

        QVERIFY(store.sync());
        QVERIFY(!m_home->allFiles().isEmpty());
        QCOMPARE(m_home->filesContaining(secretValue), QStringList());
        QVERIFY(!m_home->filesContaining(QStringLiteral("svc-laptop")).isEmpty());

        // Sign out forgets the in-memory copy: the next load asks for the secret again.
        std::optional<SecretResult> out;
        session.signOut(p.name, this, [&](const SecretResult &r) { out = r; });
        QTRY_VERIFY(out.has_value());
        QVERIFY(!secrets.hasSessionSecret(p.name));
        loaded.reset();
        session.load(p.name, this, [&](const ProfileLoad &r) { loaded = r; });
        QTRY_VERIFY(loaded.has_value());
        QCOMPARE(loaded->outcome, ProfileLoad::Outcome::NoSecret);
        QVERIFY(store.contains(p.name));
    }

    // Renaming keeps one profile: the entry moves to the new name in place (order kept), the
    // secret moves with it, nothing is left under the old name.
    void renameMovesTheProfileAndItsSecret()
    {
        const QString secretValue = QStringLiteral("rename-7d1c-secret");
        ProfileStore store;
        SecretStore secrets(QStringLiteral("ai.keycard.KeycardAdmin.test"));
        ProfileSession session(&store, &secrets);
        Profile first;
        first.name = QStringLiteral("Staging");
        first.clientId = QStringLiteral("svc-staging");
        Profile other;
        other.name = QStringLiteral("Other");
        other.clientId = QStringLiteral("svc-other");
        for (const Profile &p : {first, other}) {
            std::optional<SecretResult> saved;
            session.save(p, Secret(secretValue), this, [&](const SecretResult &r) { saved = r; });
            QTRY_VERIFY(saved.has_value());
        }
        store.setLastUsed(first.name);

        Profile renamed = first;
        renamed.name = QStringLiteral("Production");
        std::optional<SecretResult> saved;
        // An empty secret keeps the stored one: it moves to the new name.
        session.save(
            renamed, Secret(), this, [&](const SecretResult &r) { saved = r; }, first.name);
        QTRY_VERIFY(saved.has_value());
        QCOMPARE(saved->outcome, SecretResult::Outcome::SessionOnly);
        QVERIFY(saved->secret.isEmpty());
        QCOMPARE(store.names(),
                 (QStringList{QStringLiteral("Production"), QStringLiteral("Other")}));
        QCOMPARE(store.lastUsed(), renamed.name);
        QVERIFY(!secrets.hasSessionSecret(first.name));
        QVERIFY(secrets.hasSessionSecret(renamed.name));

        // Nothing in the settings mentions the old name any more.
        QVERIFY(store.sync());
        QSettings raw(store.fileName(), QSettings::IniFormat);
        for (const QString &key : raw.allKeys())
            QVERIFY2(raw.value(key).toString() != first.name, qPrintable(key));
        QCOMPARE(m_home->filesContaining(QStringLiteral("Staging")), QStringList());

        std::optional<ProfileLoad> loaded;
        session.load(renamed.name, this, [&](const ProfileLoad &r) { loaded = r; });
        QTRY_VERIFY(loaded.has_value());
        QCOMPARE(loaded->outcome, ProfileLoad::Outcome::Ready);
        QCOMPARE(loaded->config.credentials.secret.reveal(), secretValue);
        loaded.reset();
        session.load(first.name, this, [&](const ProfileLoad &r) { loaded = r; });
        QTRY_VERIFY(loaded.has_value());
        QCOMPARE(loaded->outcome, ProfileLoad::Outcome::NoSuchProfile);

        // Renaming onto another saved profile replaces that one (one entry, the renamed one).
        saved.reset();
        Profile onto = renamed;
        onto.name = other.name;
        session.save(
            onto, Secret(QStringLiteral("typed-new")), this,
            [&](const SecretResult &r) { saved = r; }, renamed.name);
        QTRY_VERIFY(saved.has_value());
        QCOMPARE(store.names(), QStringList{other.name});
        QCOMPARE(store.profile(other.name)->clientId, QStringLiteral("svc-staging"));
        QVERIFY(!secrets.hasSessionSecret(renamed.name));
    }

    void loadingAnUnknownProfileSaysSo()
    {
        ProfileStore store;
        SecretStore secrets(QStringLiteral("ai.keycard.KeycardAdmin.test"));
        ProfileSession session(&store, &secrets);
        std::optional<ProfileLoad> loaded;
        session.load(QStringLiteral("nope"), this, [&](const ProfileLoad &r) { loaded = r; });
        QVERIFY(!loaded.has_value()); // always asynchronous
        QTRY_VERIFY(loaded.has_value());
        QCOMPARE(loaded->outcome, ProfileLoad::Outcome::NoSuchProfile);
        QVERIFY(loaded->message.contains(QLatin1String("nope")));
    }

private:
    testing::TempHome *m_home;
};

KEYCARD_TEMP_HOME_MAIN(TestProfileStore)
#include "test_profile_store.moc"
