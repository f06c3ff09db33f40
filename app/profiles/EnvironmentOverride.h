#pragma once

#include "ClientConfig.h"
#include "Profile.h"

#include <optional>

#include <QProcessEnvironment>
#include <QStringList>

namespace keycard::profiles {

// The SDK's environment variables (KEYCARD_API_BASE_URL, KEYCARD_API_CLIENT_ID,
// KEYCARD_API_CLIENT_SECRET, KEYCARD_API_API_KEY) override a saved profile for the run.
// Empty variables count as unset.
namespace environment {

// True when any of the variables is set (a base URL or any credential).
bool isActive(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// Names (never values) of the variables that are set, in a fixed order.
QStringList
variablesInUse(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// A translated sentence for the window, e.g. "Using the environment variables
// KEYCARD_API_BASE_URL and KEYCARD_API_CLIENT_ID …"; empty when none is set.
QString notice(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// For when a saved profile is used while variables are set (only KEYCARD_API_BASE_URL can be,
// since credentials in the environment replace profiles altogether): says which variables
// override the profile `profileName`, or, with an empty name, any profile connected to this
// run. Names, never values; empty when none is set.
QString
profileOverrideNotice(const QString &profileName,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// `config` with every field the environment sets replaced: the base URL when
// KEYCARD_API_BASE_URL is set; the whole credential when any credential variable is set.
ClientConfig apply(ClientConfig config,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Why the base URL saved in `profile` cannot be used, blamed on the profile (never on
// KEYCARD_API_BASE_URL); nullopt when it is fine or when the variable overrides it for the run.
std::optional<QString>
savedBaseUrlProblem(const Profile &profile,
                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace environment
} // namespace keycard::profiles
