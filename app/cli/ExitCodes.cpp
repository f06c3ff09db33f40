#include "ExitCodes.h"

namespace keycard::cli {

ExitCode exitCodeFor(ApiError::Kind kind)
{
    using Kind = ApiError::Kind;
    switch (kind) {
    case Kind::None:
        return ExitOk;
    case Kind::Configuration:
    case Kind::InvalidArgument:
    case Kind::Validation:
        return ExitUsage;
    case Kind::Authentication:
        return ExitAuthentication;
    case Kind::Permission:
        return ExitPermission;
    case Kind::NotFound:
        return ExitNotFound;
    case Kind::Conflict:
        return ExitConflict;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
        return ExitNetwork;
    case Kind::RateLimited:
    case Kind::Server:
    case Kind::MalformedResponse:
        return ExitServer;
    case Kind::Cancelled:
        return ExitFailure;
    }
    return ExitFailure;
}

} // namespace keycard::cli
