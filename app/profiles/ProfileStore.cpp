#include "ProfileStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace keycard::profiles {

namespace {
const QString kArray = QStringLiteral("Profiles");
const QString kName = QStringLiteral("name");
const QString kBaseUrl = QStringLiteral("baseUrl");
const QString kCaFile = QStringLiteral("caFile");
const QString kKind = QStringLiteral("credentialKind");
const QString kClientId = QStringLiteral("clientId");
const QString kLastUsed = QStringLiteral("Connection/lastProfile");
const QString kRedirectUris = QStringLiteral("SsoRedirectUris/");

// A settings key for a profile name ('/' and '\\' would make groups).
QString redirectKey(const QString &profileName)
{
    return kRedirectUris + QString::fromLatin1(QUrl::toPercentEncoding(profileName));
}
} // namespace

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }
}

ProfileStore::~ProfileStore() = default;

std::unique_ptr<QSettings> ProfileStore::applicationSettings()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       QString::fromLatin1(kOrganization),
                                       QString::fromLatin1(kApplication));
}

bool ProfileStore::tooLarge() const
{
    const QString file = m_settings->fileName();
    return m_settings->format() != QSettings::InvalidFormat && !file.isEmpty() &&
           QFileInfo(file).size() > kMaxFileBytes;
}

QString ProfileStore::problem() const
{
    if (tooLarge())
        return QCoreApplication::translate("ProfileStore",
                                           "The settings file %1 is larger than %2 KiB: its "
                                           "connection profiles were not read")
            .arg(QDir::toNativeSeparators(fileName()))
            .arg(kMaxFileBytes / 1024);
    if (m_settings->status() == QSettings::FormatError)
        return QCoreApplication::translate("ProfileStore",
                                           "The settings file %1 is damaged: some connection "
                                           "profiles may be missing")
            .arg(QDir::toNativeSeparators(fileName()));
    const int count = m_settings->beginReadArray(kArray);
    m_settings->endArray();
    if (count > kMaxProfiles)
        return QCoreApplication::translate("ProfileStore",
                                           "The settings file %1 claims %2 connection profiles: "
                                           "only the first %3 were read")
            .arg(QDir::toNativeSeparators(fileName()))
            .arg(count)
            .arg(kMaxProfiles);
    return {};
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> out;
    if (tooLarge())
        return out;
    // `size` comes from the file: a hand-edited size=3000000 must not cost millions of lookups.
    const int count = std::min(m_settings->beginReadArray(kArray), kMaxProfiles);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile p;
        p.name = m_settings->value(kName).toString();
        p.baseUrl = QUrl(m_settings->value(kBaseUrl).toString());
        const auto kind = credentialKindFromName(m_settings->value(kKind).toString());
        p.kind = kind.value_or(Credentials::Kind::ServiceAccount);
        p.clientId = m_settings->value(kClientId).toString();
        p.caFile = m_settings->value(kCaFile).toString();
        // An entry edited by hand into something unusable is skipped rather than half-loaded.
        if (!Profile::checkName(p.name) && kind)
            out.append(p);
    }
    m_settings->endArray();
    return out;
}

QStringList ProfileStore::names() const
{
    QStringList out;
    const QList<Profile> all = profiles();
    for (const Profile &p : all)
        out.append(p.name);
    return out;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    const QList<Profile> all = profiles();
    for (const Profile &p : all) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

bool ProfileStore::contains(const QString &name) const
{
    return profile(name).has_value();
}

bool ProfileStore::save(const Profile &profile, const QString &previousName)
{
    if (profile.validate())
        return false;
    Profile clean = profile;
    if (clean.kind != Credentials::Kind::ServiceAccount)
        clean.clientId.clear();
    clean.clientId = clean.clientId.trimmed();
    const bool renaming = !previousName.isEmpty() && previousName != clean.name;
    const bool wasLastUsed = renaming && lastUsed() == previousName;
    QList<Profile> all = profiles();
    // A rename takes the old entry's place; another entry already under the new name goes.
    const QString slot = renaming && contains(previousName) ? previousName : clean.name;
    if (renaming && slot == previousName)
        all.removeIf([&clean](const Profile &p) { return p.name == clean.name; });
    bool replaced = false;
    for (Profile &p : all) {
        if (p.name == slot) {
            p = clean;
            replaced = true;
        }
    }
    if (!replaced)
        all.append(clean);
    write(all);
    if (wasLastUsed)
        setLastUsed(clean.name);
    return true;
}

QString ProfileStore::redirectUri(const QString &profileName) const
{
    return m_settings->value(redirectKey(profileName)).toString();
}

void ProfileStore::setRedirectUri(const QString &profileName, const QString &uri)
{
    makePrivate();
    if (uri.trimmed().isEmpty())
        m_settings->remove(redirectKey(profileName));
    else
        m_settings->setValue(redirectKey(profileName), uri.trimmed());
}

bool ProfileStore::remove(const QString &name)
{
    QList<Profile> all = profiles();
    const auto removed = all.removeIf([&name](const Profile &p) { return p.name == name; });
    if (removed == 0)
        return false;
    write(all);
    m_settings->remove(redirectKey(name));
    if (lastUsed() == name)
        m_settings->remove(kLastUsed);
    return true;
}

QString ProfileStore::lastUsed() const
{
    const QString name = m_settings->value(kLastUsed).toString();
    return contains(name) ? name : QString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    makePrivate();
    if (name.isEmpty())
        m_settings->remove(kLastUsed);
    else
        m_settings->setValue(kLastUsed, name);
}

bool ProfileStore::sync()
{
    makePrivate();
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

void ProfileStore::makePrivate()
{
    const QString file = m_settings->fileName();
    if (file.isEmpty() || m_settings->format() == QSettings::InvalidFormat)
        return;
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    QFile settingsFile(file);
    if (!settingsFile.exists()) {
        // QSettings writes through QSaveFile, which keeps the permissions of an existing file:
        // create it empty and private first, so it is never readable by others.
        QDir().mkpath(QFileInfo(file).absolutePath());
        if (settingsFile.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
            settingsFile.close();
        return;
    }
    if ((settingsFile.permissions() & ~(ownerOnly | QFile::ReadUser | QFile::WriteUser)) != 0)
        settingsFile.setPermissions(ownerOnly);
}

void ProfileStore::write(const QList<Profile> &profiles)
{
    makePrivate();
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(kName, p.name);
        m_settings->setValue(kBaseUrl, p.baseUrl.toString());
        m_settings->setValue(kKind, credentialKindName(p.kind));
        if (p.kind == Credentials::Kind::ServiceAccount)
            m_settings->setValue(kClientId, p.clientId);
        if (!p.caFile.isEmpty())
            m_settings->setValue(kCaFile, p.caFile);
    }
    m_settings->endArray();
}

} // namespace keycard::profiles
