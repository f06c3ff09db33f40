#pragma once

#include <QString>

namespace keycard::cli {

// The --help text of a topic: "" (the tool), "orgs", "sso", or a command path ("sso enable").
// Unknown topics give the tool's help.
QString helpText(const QString &topic);

// "keycardctl 0.1.0" plus a line about the API contract.
QString versionText();

} // namespace keycard::cli
