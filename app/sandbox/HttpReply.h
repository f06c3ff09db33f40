#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace keycard::sandbox {

// One HTTP answer before it is written to the socket (see Transport.h).
struct HttpReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type / Content-Length
    QByteArray body;
    QByteArray contentType = "application/json";

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }

    static HttpReply json(int status, const QJsonObject &object);
    // The contract's Error body {message, code, status}, plus `field` when given.
    static HttpReply error(int status, const QString &code, const QString &message,
                           const QString &field = {});
    // The standard Error body for `status` (used by scripted responses without a body).
    static HttpReply standardError(int status);
    static HttpReply noContent();
};

QByteArray reasonPhrase(int status);

} // namespace keycard::sandbox
