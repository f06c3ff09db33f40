#pragma once

#include <QJsonObject>
#include <QString>

namespace keycard {

// What went wrong with one logical API operation (after its retries).
struct ApiError
{
    enum class Kind {
        None,
        Configuration,     // bad base URL, missing credentials: nothing was sent
        InvalidArgument,   // a field rule failed before sending (see field/message)
        Network,           // connection refused, reset, host not found, lost reply
        Timeout,
        Tls,
        Authentication,    // 401, or the token endpoint refused the credentials
        Permission,        // 403
        NotFound,          // 404
        Conflict,          // 409
        Validation,        // 400 / 422
        RateLimited,       // 429 after retries
        Server,            // >= 500 after retries, or another unexpected status
        MalformedResponse, // body not JSON, wrong types, missing required field, too large
        Cancelled,         // abort() by the caller
    };

    Kind kind = Kind::None;
    int httpStatus = 0;    // 0 when no HTTP response was received
    QString code;          // the server's `code`, when the body had one
    QString message;       // human-readable; the server's `message` when present. Never a secret.
    QString requestId;     // X-Client-Request-ID of the operation
    QString field;         // JSON field the error names, when known (validation, malformed)
    int attempts = 0;      // how many HTTP attempts were made

    bool isError() const { return kind != Kind::None; }
    // True for kinds a person may reasonably retry (network, timeout, rate limit, server).
    bool isTransient() const;

    // Stable machine name: "network", "not_found", "malformed_response", ...
    static QString kindName(Kind kind);
    // Translated short title: "Network error", "Not found", ...
    static QString kindTitle(Kind kind);
    // One line for people: "<title>: <message> (HTTP 404, request id ...)".
    QString toString() const;
    QJsonObject toJson() const;

    static ApiError make(Kind kind, QString message, QString field = {});
};

} // namespace keycard
