#include "ErrorAdvice.h"

#include <QCoreApplication>

namespace keycard {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("keycard", text);
}
} // namespace

QString errorAdvice(const ApiError &error)
{
    using Kind = ApiError::Kind;
    switch (error.kind) {
    case Kind::Network:
        return tr("Check the server address, your network connection and any proxy, then try "
                  "again.");
    case Kind::Timeout:
        return tr("The server did not answer in time. Check the server address and your "
                  "network, then try again.");
    case Kind::Tls:
        return tr("Check the server address and that its certificate is trusted on this "
                  "computer.");
    case Kind::Authentication:
        return tr("Check the credentials of this connection (Profile › Connect to Keycard…).");
    case Kind::RateLimited:
        return tr("The server is busy. Wait a moment, then try again.");
    case Kind::Server:
        return tr("The server could not answer. Try again later.");
    case Kind::MalformedResponse:
        return tr("The server's answer could not be read. Check that the server address points "
                  "at the Keycard API.");
    default:
        break;
    }
    return {};
}

bool retryCanHelp(const ApiError &error)
{
    return error.isTransient() || error.kind == ApiError::Kind::MalformedResponse ||
           error.kind == ApiError::Kind::Cancelled;
}

} // namespace keycard
