#pragma once

// A small HTTP proxy on 127.0.0.1 for the proxy tests: records every request head it receives
// (CONNECT keycard.test:443 ...) and either demands a login (407) or opens the tunnel to a
// local port, whatever host was asked for. Runs on the test's event loop.

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace testsupport {

class TestProxy : public QObject
{
public:
    enum class Mode { RequireLogin, Tunnel };

    explicit TestProxy(Mode mode, quint16 tunnelPort = 0)
        : m_mode(mode)
        , m_tunnelPort(tunnelPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                client->setParent(this);
                serve(client);
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> heads; // every request head received, request line first

    int withCredentials() const
    {
        int n = 0;
        for (const QByteArray &h : heads)
            n += h.toLower().contains("\r\nproxy-authorization:") ? 1 : 0;
        return n;
    }

private:
    void serve(QTcpSocket *client)
    {
        auto buffer = std::make_shared<QByteArray>();
        auto upstream = std::make_shared<QTcpSocket *>(nullptr);
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer, upstream] {
            if (*upstream) {
                (*upstream)->write(client->readAll());
                return;
            }
            *buffer += client->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            heads << buffer->left(end);
            const QByteArray rest = buffer->mid(end + 4);
            buffer->clear();
            if (m_mode == Mode::RequireLogin) {
                client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"corp\"\r\n"
                              "Content-Length: 0\r\n\r\n");
                return;
            }
            auto *up = new QTcpSocket(client);
            *upstream = up;
            connect(up, &QTcpSocket::connected, client, [client, up, rest] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!rest.isEmpty())
                    up->write(rest);
            });
            connect(up, &QTcpSocket::readyRead, client,
                    [client, up] { client->write(up->readAll()); });
            connect(up, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            up->connectToHost(QHostAddress::LocalHost, m_tunnelPort);
        });
    }

    QTcpServer m_server;
    Mode m_mode;
    quint16 m_tunnelPort;
};

} // namespace testsupport
