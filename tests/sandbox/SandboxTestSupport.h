#pragma once

// Raw HTTP helpers for the sandbox tests: the sandbox runs in-process on a random port and the
// tests talk to it with plain QNetworkAccessManager requests (not the product's client), so
// they assert what the server really answers on the wire.
#include "SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace sandboxtest {

struct Response
{
    int status = 0; // 0: no HTTP response (connection dropped, ...)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    bool finished = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJson() const
    {
        QJsonParseError e;
        QJsonDocument::fromJson(body, &e);
        return e.error == QJsonParseError::NoError;
    }
    QString errorCode() const { return json().value(QLatin1String("code")).toString(); }
    QString errorField() const { return json().value(QLatin1String("field")).toString(); }
};

class Http
{
public:
    explicit Http(const QUrl &base)
        : m_base(base)
    {
    }

    QString token;

    // `target`: path plus optional query, sent as written ("/organizations?limit=5").
    Response send(const QByteArray &method, const QString &target, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 20000)
    {
        QNetworkRequest request(QUrl(m_base.toString() + target));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        return wait(reply.get(), timeoutMs);
    }

    Response get(const QString &target) { return send("GET", target); }
    Response post(const QString &target, const QJsonObject &body)
    {
        return send("POST", target, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Response patch(const QString &target, const QJsonObject &body)
    {
        return send("PATCH", target, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Response del(const QString &target) { return send("DELETE", target); }

    // POST /service-account-token with a form body and optional extra headers, no bearer.
    Response tokenRequest(const QByteArray &form,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest request(QUrl(m_base.toString() + QStringLiteral("/service-account-token")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        std::unique_ptr<QNetworkReply> reply(m_nam.post(request, form));
        return wait(reply.get(), 20000);
    }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    static Response wait(QNetworkReply *reply, int timeoutMs)
    {
        Response response;
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(timeoutMs))
                return response;
        }
        response.finished = true;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.error = reply->error();
        response.body = reply->readAll();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &pair : pairs)
            response.headers.insert(pair.first.toLower(), pair.second);
        return response;
    }

    QUrl m_base;
    QNetworkAccessManager m_nam;
};

// Starts a sandbox on a random loopback port and a raw client for it; with `authorized` the
// client carries a valid bearer token. Returns false when the sandbox cannot listen.
inline bool serve(std::unique_ptr<keycard::sandbox::SandboxServer> &server,
                  std::unique_ptr<Http> &http, keycard::sandbox::SandboxOptions options = {},
                  bool authorized = true)
{
    http.reset();
    server = std::make_unique<keycard::sandbox::SandboxServer>(std::move(options));
    if (!server->listen())
        return false;
    http = std::make_unique<Http>(server->baseUrl());
    if (authorized)
        http->token = server->issueToken();
    return true;
}

// Stops what serve() started: the client first, then the sandbox.
inline void stop(std::unique_ptr<keycard::sandbox::SandboxServer> &server,
                 std::unique_ptr<Http> &http)
{
    http.reset();
    server.reset();
}

// One request over a fresh raw TCP connection (QNetworkAccessManager silently re-sends a
// request whose connection closed without a reply; this does not). Returns every byte the
// server sent before it closed the connection, or after `timeoutMs` of silence.
inline QByteArray rawExchange(const QUrl &base, const QByteArray &method, const QString &path,
                              const QByteArray &token, const QByteArray &body = {},
                              int timeoutMs = 10000)
{
    // The server runs in this thread: wait with QSignalSpy (event loop), never waitFor*().
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&received, &socket] { received += socket.readAll(); });
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!connected.wait(timeoutMs))
        return {};
    QByteArray request = method + ' ' + path.toUtf8() +
                         " HTTP/1.1\r\nHost: " + base.host().toLatin1() +
                         "\r\nConnection: close\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);
    if (disconnected.isEmpty())
        disconnected.wait(timeoutMs);
    received += socket.readAll();
    return received;
}

inline QByteArray basic(const QString &id, const QString &secret)
{
    return "Basic " + (id + QLatin1Char(':') + secret).toUtf8().toBase64();
}

} // namespace sandboxtest
