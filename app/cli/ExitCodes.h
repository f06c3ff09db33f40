#pragma once

#include "ApiError.h"

// keycardctl's exit status. Stable: scripts depend on these values, and `keycardctl --help`
// documents them.
namespace keycard::cli {

enum ExitCode : int {
    ExitOk = 0,             // success
    ExitFailure = 1,        // anything else (output not written, sso disable not confirmed)
    ExitUsage = 2,          // bad command line, field rule failed, bad base URL, or the
                            // server rejected a value (HTTP 400/422)
    ExitAuthentication = 3, // no credentials configured, or wrong or expired ones (401)
    ExitPermission = 4,     // the account lacks the permission (403)
    ExitNotFound = 5,       // organization not found, or SSO not enabled (404)
    ExitConflict = 6,       // SSO already enabled with different settings (409)
    ExitNetwork = 7,        // connection failed, timed out, or TLS failed
    ExitServer = 8,         // server error (5xx), rate limited (429), or malformed response
    ExitCheckFailed = 9,    // sso check (or sso enable --check): a check of the issuer failed
    // sso impact (and the check sso disable / sso update --identifier make first):
    ExitImpactSomeoneLoses = 10, // active members would lose sign-in
    ExitImpactNoAdminLeft = 11,  // no active administrator would be left able to sign in
                                 // (sso disable / update refuse so without --force)
    ExitImpactUnknown = 12,      // the members could not be read, or not all of them
};

// The exit status for an operation that ended with `kind`.
ExitCode exitCodeFor(ApiError::Kind kind);

} // namespace keycard::cli
