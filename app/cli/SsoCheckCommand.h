#pragma once

#include "CliOptions.h"

#include <QString>

class QCoreApplication;

namespace keycard::oidc {
struct IssuerCheckResult;
}

namespace keycard::cli {

// `keycardctl sso check ISSUER [--json]`: the OpenID Connect Discovery check of an issuer (the
// same checks as the Enable SSO form). Needs no Keycard credentials and sends none. Prints one
// line per check (or, with --json, {"issuer", "discovered_issuer", "checks"}); returns
// ExitOk when no check failed, ExitCheckFailed when one did, ExitUsage for an unusable issuer.
int runSsoCheck(QCoreApplication &app, const Invocation &invocation);

// `sso enable ... --check`: the same check of --identifier first, reported on standard error.
// Returns ExitOk when the enable may go ahead; otherwise the exit status (nothing was sent).
int runSsoEnablePreflight(QCoreApplication &app, const Invocation &invocation);

// One line per check: "pass  issuer_match     The document's issuer is exactly ...".
QString formatCheckLines(const oidc::IssuerCheckResult &result);

} // namespace keycard::cli
