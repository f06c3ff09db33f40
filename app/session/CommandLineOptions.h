#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace keycard {

// The keycard-admin command line. Parsing never exits the process: the caller decides what to
// do with Help, Version and Error (print `text`, exit with the matching status).
class CommandLineOptions
{
public:
    enum class Outcome { Run, Help, Version, Error };

    Outcome parse(const QStringList &arguments);

    Outcome outcome() const { return m_outcome; }
    // Help text, version line or error message, depending on the outcome.
    QString text() const { return m_text; }

    bool forceSandbox() const { return m_forceSandbox; }
    QUrl baseUrl() const { return m_baseUrl; } // empty when not given
    QString screenshotFile() const { return m_screenshotFile; }
    QString selectOrganization() const { return m_select; }
    bool darkPalette() const { return m_dark; }
    // Hidden, for start-up benchmarks: report the first painted organization list, then exit.
    bool startupProbe() const { return m_startupProbe; }
    int sandboxExtraOrganizations() const { return m_extraOrganizations; }

    // Whether the window runs on the in-process sandbox (SessionChoice::usesSandbox).
    bool useSandbox(bool environmentHasCredentials) const;

private:
    Outcome m_outcome = Outcome::Run;
    QString m_text;
    bool m_forceSandbox = false;
    QUrl m_baseUrl;
    QString m_screenshotFile;
    QString m_select;
    bool m_dark = false;
    bool m_startupProbe = false;
    int m_extraOrganizations = 0;
};

} // namespace keycard
