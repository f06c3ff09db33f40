#pragma once

class QCoreApplication;

namespace keycard::cli {

// keycardctl's entry point: parses app.arguments(), checks every field rule and the
// configuration before any request, reads a secret from standard input when asked to (before
// the event loop starts), runs the command and returns its exit status (see ExitCodes.h).
int run(QCoreApplication &app);

} // namespace keycard::cli
