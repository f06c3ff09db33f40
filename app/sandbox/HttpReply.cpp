#include "HttpReply.h"

#include <QJsonDocument>

namespace keycard::sandbox {

HttpReply HttpReply::json(int status, const QJsonObject &object)
{
    HttpReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply HttpReply::error(int status, const QString &code, const QString &message,
                           const QString &field)
{
    QJsonObject body{
        {QStringLiteral("message"), message},
        {QStringLiteral("code"), code},
        {QStringLiteral("status"), status},
    };
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    return json(status, body);
}

HttpReply HttpReply::standardError(int status)
{
    switch (status) {
    case 400:
        return error(status, QStringLiteral("bad_request"), QStringLiteral("Bad request"));
    case 401:
        return error(status, QStringLiteral("unauthorized"),
                     QStringLiteral("Authentication required"));
    case 403:
        return error(status, QStringLiteral("forbidden"), QStringLiteral("Permission denied"));
    case 404:
        return error(status, QStringLiteral("not_found"), QStringLiteral("Not found"));
    case 408:
        return error(status, QStringLiteral("request_timeout"), QStringLiteral("Request timeout"));
    case 409:
        return error(status, QStringLiteral("conflict"), QStringLiteral("Conflict"));
    case 422:
        return error(status, QStringLiteral("unprocessable_entity"),
                     QStringLiteral("Unprocessable entity"));
    case 429:
        return error(status, QStringLiteral("rate_limited"), QStringLiteral("Too many requests"));
    case 500:
        return error(status, QStringLiteral("internal_error"),
                     QStringLiteral("Internal server error"));
    case 502:
        return error(status, QStringLiteral("bad_gateway"), QStringLiteral("Bad gateway"));
    case 503:
        return error(status, QStringLiteral("service_unavailable"),
                     QStringLiteral("Service temporarily unavailable"));
    case 504:
        return error(status, QStringLiteral("gateway_timeout"), QStringLiteral("Gateway timeout"));
    default:
        return error(status, QStringLiteral("error"), QString::fromLatin1(reasonPhrase(status)));
    }
}

HttpReply HttpReply::noContent()
{
    HttpReply reply;
    reply.status = 204;
    reply.contentType.clear();
    return reply;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status";
    }
}

} // namespace keycard::sandbox
