#pragma once

#include "ClientConfig.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace keycard::profiles {

// A named connection: where the API is and which kind of credential it takes. The secret itself
// (client secret or bearer token) is never part of a Profile; it lives in the keychain
// (SecretStore) and is joined with the profile only when a ClientConfig is built.
struct Profile
{
    static constexpr int kMaxNameLength = 64;

    QString name;
    QUrl baseUrl = QUrl(QString::fromLatin1(ClientConfig::kDefaultBaseUrl));
    Credentials::Kind kind = Credentials::Kind::ServiceAccount;
    QString clientId; // service accounts only
    QString caFile;   // "Additional CA certificates": a PEM file's path, empty for none

    // A translated reason when the name cannot be used as a profile name, or nullopt.
    static std::optional<QString> checkName(const QString &name);
    // A translated reason when the profile cannot be saved (name, base URL, client id).
    std::optional<QString> validate() const;

    // The client configuration for this profile with its secret (client secret or token).
    ClientConfig toClientConfig(const Secret &secret) const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

// Stable names for the credential kind, used in settings files and on the command line.
QString credentialKindName(Credentials::Kind kind);
std::optional<Credentials::Kind> credentialKindFromName(const QString &name);

} // namespace keycard::profiles
