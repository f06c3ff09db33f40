// keycard-admin: wires the command line, the session (sandbox or configured server) and the
// main window together. Everything else lives in keycard_ui / keycard_models / keycard_core.
#include "AppSession.h"
#include "CommandLineOptions.h"
#include "MainWindow.h"
#include "ProfileController.h"
#include "ScreenshotController.h"
#include "SessionChoice.h"
#include "SsoWindowIntegration.h"
#include "StartupProbe.h"
#include "Theme.h"
#include "Translations.h"
#include "Version.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Keycard"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("keycard.ai"));
    QCoreApplication::setApplicationName(QStringLiteral("Keycard Admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYCARD_VERSION));
}

// --help and --version must work without a display (over SSH, in scripts, in packaging
// checks): answer them from a QCoreApplication, before a QApplication reaches for the windowing
// system. Anything else (including Qt's own -platform/-style options) is left to the full parse.
std::optional<int> answerWithoutDisplay(int argc, char *argv[])
{
    const QCoreApplication core(argc, argv);
    setApplicationIdentity();
    keycard::i18n::installTranslations(QCoreApplication::instance());
    keycard::CommandLineOptions options;
    switch (options.parse(QCoreApplication::arguments())) {
    case keycard::CommandLineOptions::Outcome::Help:
    case keycard::CommandLineOptions::Outcome::Version:
        std::fprintf(stdout, "%s\n", qPrintable(options.text()));
        return 0;
    case keycard::CommandLineOptions::Outcome::Error:
    case keycard::CommandLineOptions::Outcome::Run:
        break;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart; // for --startup-probe
    sinceStart.start();
    if (const std::optional<int> status = answerWithoutDisplay(argc, argv))
        return *status;

    QApplication app(argc, argv);
    setApplicationIdentity();
    keycard::i18n::installTranslations(&app);
    QApplication::setDesktopFileName(QStringLiteral(KEYCARD_APP_ID));

    keycard::CommandLineOptions options;
    switch (options.parse(QApplication::arguments())) {
    case keycard::CommandLineOptions::Outcome::Help:
    case keycard::CommandLineOptions::Outcome::Version:
        std::fprintf(stdout, "%s\n", qPrintable(options.text()));
        return 0;
    case keycard::CommandLineOptions::Outcome::Error:
        std::fprintf(stderr, "keycard-admin: %s\n", qPrintable(options.text()));
        return 2;
    case keycard::CommandLineOptions::Outcome::Run:
        break;
    }
    if (options.darkPalette())
        keycard::theme::applyDark(app);

    // Which server this run talks to (keycard_session decides; the window applies it).
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString error;
    const std::unique_ptr<keycard::AppSession> session =
        keycard::AppSession::start(options, environment, &error);
    if (!session) {
        std::fprintf(stderr, "keycard-admin: %s\n", qPrintable(error));
        return 1;
    }

    keycard::MainWindow window;
    const bool screenshot = !options.screenshotFile().isEmpty();
    // Screenshots and start-up probes run a clean, default window and leave no trace.
    const bool unattended = screenshot || options.startupProbe();
    window.setPersistSettings(!unattended);
    // Connection profiles (switcher, Profile menu, Connect dialog, notices) pick the window's
    // connection: the last used profile, or the session chosen by the command line/environment.
    keycard::ui::ProfileController::Options profileOptions;
    profileOptions.allowProfiles =
        keycard::SessionChoice::fromOptions(options, environment).profilesAllowed();
    profileOptions.connectDialogOnFirstRun = !unattended;
    keycard::ui::ProfileController profiles(&window, session->client(), session->info(),
                                            profileOptions);
    profiles.start();
    // The demo server is a child process: should it end, the window says so.
    QObject::connect(session.get(), &keycard::AppSession::sandboxStopped, &profiles,
                     &keycard::ui::ProfileController::setDefaultSessionLost);
    // The SSO write path: Enable / Edit / Disable SSO open its dialogs.
    keycard::ui::installSsoWritePath(&window);
    if (!options.selectOrganization().isEmpty())
        window.selectOrganization(options.selectOrganization());
    std::unique_ptr<keycard::ScreenshotController> shooter;
    if (screenshot)
        shooter =
            std::make_unique<keycard::ScreenshotController>(&window, options.screenshotFile());
    std::unique_ptr<keycard::StartupProbe> probe;
    if (options.startupProbe()) {
        probe = std::make_unique<keycard::StartupProbe>(&window, sinceStart);
        QObject::connect(probe.get(), &keycard::StartupProbe::finished, &app,
                         [](const QString &report, int exitCode) {
                             std::fprintf(exitCode == 0 ? stdout : stderr, "%s\n",
                                          qPrintable(report));
                             std::fflush(exitCode == 0 ? stdout : stderr);
                             QCoreApplication::exit(exitCode);
                         });
    }
    window.show();
    return QApplication::exec();
}
