#pragma once

// A TLS server on 127.0.0.1 with a given certificate that answers every request with one fixed
// HTTP response and records the request lines it received. Runs on the test's event loop.

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>

#include <memory>

namespace testsupport {

class TlsStub : public QObject
{
public:
    TlsStub(const QSslCertificate &cert, const QSslKey &key, QByteArray response)
        : m_response(std::move(response))
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(cert);
        tls.setPrivateKey(key);
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QSslServer::startedEncryptionHandshake, this, [this] { ++handshakes; });
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    requestLines << buffer->left(buffer->indexOf("\r\n"));
                    buffer->clear();
                    socket->write(m_response);
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port())); }

    int handshakes = 0;
    QList<QByteArray> requestLines; // e.g. "GET /organizations/acme HTTP/1.1"

private:
    QSslServer m_server;
    QByteArray m_response;
};

} // namespace testsupport
