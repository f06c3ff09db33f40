#include "CommandLineOptions.h"

#include "ClientConfig.h"
#include "SessionChoice.h"
#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace keycard {

CommandLineOptions::Outcome CommandLineOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLineOptions",
        "Keycard Admin: browse Keycard organizations and set up their single sign-on.\n\n"
        "Without credentials in the environment (KEYCARD_API_CLIENT_ID and "
        "KEYCARD_API_CLIENT_SECRET, or KEYCARD_API_API_KEY) and without --base-url, the app "
        "runs on a built-in sandbox with demo data."));
    const QCommandLineOption help(
        {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("CommandLineOptions", "Show this help and exit."));
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("CommandLineOptions", "Show the version and exit."));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("CommandLineOptions",
                                    "Use the built-in sandbox with demo data, even when "
                                    "credentials are configured."));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QCoreApplication::translate("CommandLineOptions",
                                    "API root to use instead of KEYCARD_API_BASE_URL."),
        QStringLiteral("url"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLineOptions",
                                    "Render the window once the list and the selected "
                                    "organization have loaded, save it as a PNG file and exit."),
        QStringLiteral("file"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QCoreApplication::translate("CommandLineOptions",
                                    "Select this organization (id or label) once the list has "
                                    "loaded."),
        QStringLiteral("organization"));
    const QCommandLineOption dark(
        QStringLiteral("dark"),
        QCoreApplication::translate("CommandLineOptions", "Use a dark color palette."));
    const QCommandLineOption extra(
        QStringLiteral("sandbox-orgs"),
        QCoreApplication::translate("CommandLineOptions",
                                    "Add this many generated organizations to the sandbox."),
        QStringLiteral("count"));
    QCommandLineOption probe(
        QStringLiteral("startup-probe"),
        QCoreApplication::translate("CommandLineOptions",
                                    "For start-up benchmarks: print the time to the first "
                                    "painted organization list and exit."));
    probe.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, sandbox, baseUrl, screenshot, select, dark, extra, probe});

    if (!parser.parse(arguments)) {
        m_text = parser.errorText();
        return m_outcome = Outcome::Error;
    }
    if (parser.isSet(help)) {
        m_text = parser.helpText();
        return m_outcome = Outcome::Help;
    }
    if (parser.isSet(version)) {
        m_text = QStringLiteral("keycard-admin %1").arg(QStringLiteral(KEYCARD_VERSION));
        return m_outcome = Outcome::Version;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_text = QCoreApplication::translate("CommandLineOptions", "Unexpected argument: %1")
                     .arg(parser.positionalArguments().constFirst());
        return m_outcome = Outcome::Error;
    }
    m_forceSandbox = parser.isSet(sandbox);
    if (parser.isSet(baseUrl)) {
        m_baseUrl = QUrl(parser.value(baseUrl), QUrl::StrictMode);
        if (const auto reason = checkBaseUrl(m_baseUrl)) {
            m_text =
                QCoreApplication::translate("CommandLineOptions", "--base-url: %1").arg(*reason);
            return m_outcome = Outcome::Error;
        }
        if (m_forceSandbox) {
            m_text = QCoreApplication::translate("CommandLineOptions",
                                                 "--sandbox and --base-url exclude each other");
            return m_outcome = Outcome::Error;
        }
    }
    if (parser.isSet(extra)) {
        bool ok = false;
        m_extraOrganizations = parser.value(extra).toInt(&ok);
        if (!ok || m_extraOrganizations < 0 || m_extraOrganizations > 1000000) {
            m_text = QCoreApplication::translate(
                "CommandLineOptions", "--sandbox-orgs: expected a count from 0 to 1000000");
            return m_outcome = Outcome::Error;
        }
    }
    m_screenshotFile = parser.value(screenshot);
    m_select = parser.value(select);
    m_dark = parser.isSet(dark);
    m_startupProbe = parser.isSet(probe);
    return m_outcome = Outcome::Run;
}

bool CommandLineOptions::useSandbox(bool environmentHasCredentials) const
{
    return SessionChoice::usesSandbox(m_forceSandbox, m_baseUrl, environmentHasCredentials);
}

} // namespace keycard
