#include "Profile.h"

#include <QCoreApplication>

namespace keycard::profiles {

std::optional<QString> Profile::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("Profile", "Enter a name for this connection");
    if (name != name.trimmed())
        return QCoreApplication::translate("Profile",
                                           "The name must not start or end with a space");
    if (name.size() > kMaxNameLength)
        return QCoreApplication::translate("Profile", "The name is longer than %1 characters")
            .arg(kMaxNameLength);
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QCoreApplication::translate("Profile",
                                               "The name must not contain control characters");
    }
    return std::nullopt;
}

std::optional<QString> Profile::validate() const
{
    if (auto reason = checkName(name))
        return reason;
    if (auto reason = checkBaseUrl(baseUrl))
        return reason;
    switch (kind) {
    case Credentials::Kind::ServiceAccount:
        if (clientId.trimmed().isEmpty())
            return QCoreApplication::translate("Profile", "Enter the service account's client ID");
        break;
    case Credentials::Kind::BearerToken:
        break;
    case Credentials::Kind::None:
        return QCoreApplication::translate("Profile", "Choose how to sign in");
    }
    return std::nullopt;
}

ClientConfig Profile::toClientConfig(const Secret &secret) const
{
    ClientConfig config;
    config.baseUrl = baseUrl;
    config.tls.caFile = caFile;
    switch (kind) {
    case Credentials::Kind::ServiceAccount:
        config.credentials = Credentials::serviceAccount(clientId.trimmed(), secret);
        break;
    case Credentials::Kind::BearerToken:
        config.credentials = Credentials::bearerToken(secret);
        break;
    case Credentials::Kind::None:
        break;
    }
    return config;
}

QString credentialKindName(Credentials::Kind kind)
{
    switch (kind) {
    case Credentials::Kind::ServiceAccount:
        return QStringLiteral("service-account");
    case Credentials::Kind::BearerToken:
        return QStringLiteral("token");
    case Credentials::Kind::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<Credentials::Kind> credentialKindFromName(const QString &name)
{
    if (name == QLatin1String("service-account"))
        return Credentials::Kind::ServiceAccount;
    if (name == QLatin1String("token"))
        return Credentials::Kind::BearerToken;
    return std::nullopt;
}

} // namespace keycard::profiles
