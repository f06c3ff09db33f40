#pragma once

#include <QString>
#include <QUrl>

namespace keycard {

// Where the window's data comes from, for the title, the badge and the status bar.
struct SessionInfo
{
    enum class Source { Sandbox, Environment, CommandLine, Profile };
    Source source = Source::Sandbox;
    QUrl baseUrl;
    QString profileName; // Source::Profile only

    bool isSandbox() const { return source == Source::Sandbox; }
    // "Sandbox — demo data", "Environment variables (https://api.keycard.ai)", ...
    QString describe() const;
};

} // namespace keycard
