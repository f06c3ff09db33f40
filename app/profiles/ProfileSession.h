#pragma once

#include "Profile.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QObject>

#include <functional>

namespace keycard::profiles {

// The outcome of turning a saved profile into a client configuration.
struct ProfileLoad
{
    enum class Outcome {
        Ready,         // config carries the profile's credentials
        NoSuchProfile, // the name is not saved
        NoSecret,      // the profile is saved but no secret is stored (signed out, or new keychain)
        Failed,        // the keychain refused; see message
    };
    Outcome outcome = Outcome::NoSuchProfile;
    Profile profile;
    ClientConfig config;      // with Ready
    bool sessionOnly = false; // the secret came from this run's memory (no keychain)
    QString message;          // translated, for people; never contains the secret
    QString storeProblem;     // what ProfileStore::problem() says about the settings file

    bool ok() const { return outcome == Outcome::Ready; }
};

// Saved profiles joined with their secrets: what the window's profile switcher, the Connect
// dialog and keycardctl --profile use. Asynchronous like the keychain underneath.
class ProfileSession : public QObject
{
    Q_OBJECT
public:
    using LoadCallback = std::function<void(const ProfileLoad &)>;

    // Neither store is owned; both must outlive the session.
    ProfileSession(ProfileStore *store, SecretStore *secrets, QObject *parent = nullptr);

    ProfileStore *store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }

    // Reads the profile and its secret; on Ready remembers it as the last used profile.
    void load(const QString &name, QObject *context, LoadCallback done);
    // Saves the profile (settings) and its secret (keychain), remembers it as last used.
    // An empty secret keeps the stored one. Emits profilesChanged().
    // With `previousName` naming another saved profile this is a rename: the profile replaces
    // that entry in the settings, and the secret (the typed one, or else the one stored under
    // the old name) is written under the new name, then the old keychain entry is deleted.
    void save(const Profile &profile, const Secret &secret, QObject *context,
              SecretStore::Callback done, const QString &previousName = {});
    // Forgets the profile's secret (keychain and memory); the profile itself stays.
    void signOut(const QString &name, QObject *context, SecretStore::Callback done);
    // Removes the profile and its secret.
    void removeProfile(const QString &name, QObject *context, SecretStore::Callback done);

Q_SIGNALS:
    void profilesChanged();

private:
    void moveSecret(const QString &from, const QString &to, const Secret &typed, QObject *context,
                    SecretStore::Callback done);

    ProfileStore *m_store;
    SecretStore *m_secrets;
};

} // namespace keycard::profiles
