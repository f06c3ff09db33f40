#include "CommandLineProfile.h"

#include <QCoreApplication>
#include <QSettings>

namespace keycard::profiles {

ProfileLoad loadProfileForCommandLine(QCoreApplication &app, const QString &name)
{
    const std::unique_ptr<QSettings> settings = ProfileStore::applicationSettings();
    ProfileStore store(settings.get());
    ProfileLoad result;
    result.storeProblem = store.problem();
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
        if (secrets.availability() == SecretStore::Availability::Unavailable) {
            // SecretStore's own words ("kept for this session only") fit the window, which
            // lives on; a one-shot tool keeps nothing.
            const QString detail = secrets.availabilityDetail();
            result.message =
                QCoreApplication::translate(
                    "ProfileSession",
                    "No keychain is reachable%1, so the secret of \"%2\" cannot be read: set "
                    "KEYCARD_API_CLIENT_SECRET (or KEYCARD_API_API_KEY) for this run")
                    .arg(detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail), name);
        }
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
