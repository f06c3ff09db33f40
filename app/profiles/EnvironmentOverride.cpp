#include "EnvironmentOverride.h"

#include "DisplayText.h"

#include <QCoreApplication>

namespace keycard::profiles::environment {

QStringList variablesInUse(const QProcessEnvironment &env)
{
    QStringList out;
    for (const char *name : {ClientConfig::kEnvBaseUrl, ClientConfig::kEnvClientId,
                             ClientConfig::kEnvClientSecret, ClientConfig::kEnvApiKey}) {
        if (!env.value(QLatin1String(name)).trimmed().isEmpty())
            out.append(QString::fromLatin1(name));
    }
    return out;
}

bool isActive(const QProcessEnvironment &env)
{
    return !variablesInUse(env).isEmpty();
}

QString notice(const QProcessEnvironment &env)
{
    const QStringList names = variablesInUse(env);
    if (names.isEmpty())
        return {};
    return QCoreApplication::translate("EnvironmentOverride",
                                       "Using the environment variables %1 for this run: saved "
                                       "connection profiles are not used.")
        .arg(names.join(QStringLiteral(", ")));
}

QString profileOverrideNotice(const QString &profileName, const QProcessEnvironment &env)
{
    const QStringList names = variablesInUse(env);
    if (names.isEmpty())
        return {};
    const QString list = names.join(QStringLiteral(", "));
    if (profileName.isEmpty())
        return QCoreApplication::translate("EnvironmentOverride",
                                           "%1 is set: it overrides the profile you connect to "
                                           "for this run.")
            .arg(list);
    return QCoreApplication::translate("EnvironmentOverride",
                                       "Using “%1” with %2 from the environment for this run.")
        .arg(profileName, list);
}

ClientConfig apply(ClientConfig config, const QProcessEnvironment &env)
{
    const ClientConfig fromEnv = ClientConfig::fromEnvironment(env);
    if (!env.value(QLatin1String(ClientConfig::kEnvBaseUrl)).trimmed().isEmpty())
        config.baseUrl = fromEnv.baseUrl;
    if (ClientConfig::environmentHasCredentials(env))
        config.credentials = fromEnv.credentials;
    return config;
}

std::optional<QString> savedBaseUrlProblem(const Profile &profile, const QProcessEnvironment &env)
{
    if (!env.value(QLatin1String(ClientConfig::kEnvBaseUrl)).trimmed().isEmpty())
        return std::nullopt;
    const auto reason = checkBaseUrl(profile.baseUrl);
    if (!reason)
        return std::nullopt;
    return QCoreApplication::translate("EnvironmentOverride",
                                       "The base URL saved in the connection profile “%1” cannot "
                                       "be used: %2")
        .arg(displayText(profile.name), *reason);
}

} // namespace keycard::profiles::environment
