#pragma once

#include "ProfileSession.h"

class QCoreApplication;

namespace keycard::profiles {

// For one-shot command-line tools (keycardctl --profile NAME): reads a profile saved by
// keycard-admin and its secret from the keychain. Runs the application's event loop until the
// keychain has answered, so call it before the tool's own work starts (not from inside the
// event loop). Nothing is written: the last used profile stays as the GUI left it.
ProfileLoad loadProfileForCommandLine(QCoreApplication &app, const QString &name);

} // namespace keycard::profiles
