#include "ProfileStore.h"

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

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> out;
    const int count = m_settings->beginReadArray(kArray);
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
    if (name.isEmpty())
        m_settings->remove(kLastUsed);
    else
        m_settings->setValue(kLastUsed, name);
}

bool ProfileStore::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

void ProfileStore::write(const QList<Profile> &profiles)
{
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
