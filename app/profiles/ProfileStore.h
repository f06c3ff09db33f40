#pragma once

#include "Profile.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace keycard::profiles {

// Connection profiles in QSettings (the application's organization and application names pick
// the file). Stores names, base URLs, credential kinds and client ids: never a secret or token.
// Several instances over the same settings see each other's changes after sync().
class ProfileStore
{
public:
    // Where keycard-admin keeps its settings (its main() sets these names); tools that are not
    // the GUI, such as keycardctl, open the same file with applicationSettings().
    static constexpr const char *kOrganization = "Keycard";
    static constexpr const char *kApplication = "Keycard Admin";
    static std::unique_ptr<QSettings> applicationSettings();

    // `settings` is not owned; nullptr uses the application's default QSettings.
    explicit ProfileStore(QSettings *settings = nullptr);
    ~ProfileStore();
    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    // Every saved profile, in the order they were first saved.
    QList<Profile> profiles() const;
    QStringList names() const;
    std::optional<Profile> profile(const QString &name) const;
    bool contains(const QString &name) const;

    // Adds the profile, or replaces the one with the same name. With `previousName` (a rename)
    // the profile takes that entry's place and the entry under the old name is gone; the last
    // used profile follows the rename. Returns false (and leaves the settings alone) when the
    // profile does not validate.
    bool save(const Profile &profile, const QString &previousName = {});
    // Returns false when there was no such profile. Forgets it as the last used one too.
    bool remove(const QString &name);

    // The redirect URI to register at identity providers for SSO set up through this profile
    // (Keycard's default when empty; newer consoles show a per-organization one). Kept apart
    // from the profile entries so that saving a profile leaves it alone.
    QString redirectUri(const QString &profileName) const;
    void setRedirectUri(const QString &profileName, const QString &uri); // empty: forget

    // The profile the app used last (empty when none, or when it was removed since).
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // Writes pending changes to disk; returns false when the settings file cannot be written.
    // The file is created readable by its owner only (0600), and made so when it was not.
    bool sync();
    QString fileName() const;

    // A settings file edited by hand (or broken) must not stall start-up: at most kMaxProfiles
    // entries are read, and a file over kMaxFileBytes is not read at all. problem() says what
    // was left out (translated, for people; empty when nothing was).
    static constexpr int kMaxProfiles = 200;
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;
    QString problem() const;

private:
    void write(const QList<Profile> &profiles);
    void makePrivate(); // before the first write: the file exists, 0600
    bool tooLarge() const;
    QSettings *m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
};

} // namespace keycard::profiles
