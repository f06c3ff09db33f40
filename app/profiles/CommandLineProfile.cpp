#include "CommandLineProfile.h"

#include <QCoreApplication>
#include <QSettings>

namespace keycard::profiles {

ProfileLoad loadProfileForCommandLine(QCoreApplication &app, const QString &name)
{
    const std::unique_ptr<QSettings> settings = ProfileStore::applicationSettings();
    ProfileStore store(settings.get());
    ProfileLoad result;
    const auto profile = store.profile(name);
    if (!profile) {
        result.message = QCoreApplication::translate("ProfileSession",
                                                     "There is no saved connection named \"%1\"")
                             .arg(name);
        const QStringList names = store.names();
        if (!names.isEmpty())
            result.message += QCoreApplication::translate("ProfileSession", " (saved: %1)")
                                  .arg(names.join(QStringLiteral(", ")));
        return result;
    }
    SecretStore secrets;
    bool answered = false;
    secrets.read(name, &app, [&](const SecretResult &secret) {
        answered = true;
        result.profile = *profile;
        result.message = secret.message;
        if (secret.hasSecret()) {
            result.outcome = ProfileLoad::Outcome::Ready;
            result.config = profile->toClientConfig(secret.secret);
        } else if (secret.outcome == SecretResult::Outcome::Failed) {
            result.outcome = ProfileLoad::Outcome::Failed;
        } else {
            result.outcome = ProfileLoad::Outcome::NoSecret;
            if (result.message.isEmpty())
                result.message =
                    QCoreApplication::translate(
                        "ProfileSession", "No secret is stored for \"%1\" in the keychain: sign in "
                                          "with Keycard Admin (Profile > Connect to Keycard)")
                        .arg(name);
        }
        QCoreApplication::exit(0);
    });
    if (!answered)
        app.exec(); // returns as soon as the keychain's answer above called exit()
    return result;
}

} // namespace keycard::profiles
