#include "ApiError.h"

#include <QCoreApplication>

namespace keycard {

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::Server:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Configuration: return QStringLiteral("configuration");
    case Kind::InvalidArgument: return QStringLiteral("invalid_argument");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Authentication: return QStringLiteral("authentication");
    case Kind::Permission: return QStringLiteral("permission");
    case Kind::NotFound: return QStringLiteral("not_found");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::Validation: return QStringLiteral("validation");
    case Kind::RateLimited: return QStringLiteral("rate_limited");
    case Kind::Server: return QStringLiteral("server");
    case Kind::MalformedResponse: return QStringLiteral("malformed_response");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString ApiError::kindTitle(Kind kind)
{
    const char *text = "Error";
    switch (kind) {
    case Kind::None: text = QT_TRANSLATE_NOOP("ApiError", "No error"); break;
    case Kind::Configuration: text = QT_TRANSLATE_NOOP("ApiError", "Configuration error"); break;
    case Kind::InvalidArgument: text = QT_TRANSLATE_NOOP("ApiError", "Invalid value"); break;
    case Kind::Network: text = QT_TRANSLATE_NOOP("ApiError", "Network error"); break;
    case Kind::Timeout: text = QT_TRANSLATE_NOOP("ApiError", "Timed out"); break;
    case Kind::Tls: text = QT_TRANSLATE_NOOP("ApiError", "Secure connection failed"); break;
    case Kind::Authentication: text = QT_TRANSLATE_NOOP("ApiError", "Authentication failed"); break;
    case Kind::Permission: text = QT_TRANSLATE_NOOP("ApiError", "Permission denied"); break;
    case Kind::NotFound: text = QT_TRANSLATE_NOOP("ApiError", "Not found"); break;
    case Kind::Conflict: text = QT_TRANSLATE_NOOP("ApiError", "Conflict"); break;
    case Kind::Validation: text = QT_TRANSLATE_NOOP("ApiError", "Rejected by the server"); break;
    case Kind::RateLimited: text = QT_TRANSLATE_NOOP("ApiError", "Rate limited"); break;
    case Kind::Server: text = QT_TRANSLATE_NOOP("ApiError", "Server error"); break;
    case Kind::MalformedResponse: text = QT_TRANSLATE_NOOP("ApiError", "Malformed response"); break;
    case Kind::Cancelled: text = QT_TRANSLATE_NOOP("ApiError", "Cancelled"); break;
    }
    return QCoreApplication::translate("ApiError", text);
}

QString ApiError::toString() const
{
    QString out = kindTitle(kind);
    if (!message.isEmpty())
        out += QStringLiteral(": ") + message;
    QStringList extra;
    if (httpStatus > 0)
        extra << QCoreApplication::translate("ApiError", "HTTP %1").arg(httpStatus);
    if (!requestId.isEmpty())
        extra << QCoreApplication::translate("ApiError", "request id %1").arg(requestId);
    if (!extra.isEmpty())
        out += QStringLiteral(" (") + extra.join(QStringLiteral(", ")) + QLatin1Char(')');
    return out;
}

QJsonObject ApiError::toJson() const
{
    QJsonObject o{{QStringLiteral("error"), kindName(kind)}, {QStringLiteral("message"), message}};
    if (httpStatus > 0)
        o.insert(QStringLiteral("status"), httpStatus);
    if (!code.isEmpty())
        o.insert(QStringLiteral("code"), code);
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    if (!requestId.isEmpty())
        o.insert(QStringLiteral("request_id"), requestId);
    return o;
}

ApiError ApiError::make(Kind kind, QString message, QString field)
{
    ApiError e;
    e.kind = kind;
    e.message = std::move(message);
    e.field = std::move(field);
    return e;
}

} // namespace keycard
