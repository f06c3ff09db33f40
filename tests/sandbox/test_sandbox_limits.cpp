// The sandbox as a server facing hostile clients (docs/hostile-servers.md): request heads and
// bodies are capped, idle and half-sent connections are closed, Content-Length together with
// Transfer-Encoding is refused, and JSON endpoints refuse other content types.
#include "SandboxTestSupport.h"

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

namespace {

// Sends `bytes` on a fresh connection; returns what came back before the server closed the
// connection (or `timeoutMs` passed), and whether it closed.
struct RawResult
{
    QByteArray received;
    bool closed = false;
    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }
};

RawResult send(const QUrl &base, const QByteArray &bytes, int timeoutMs = 10000)
{
    RawResult result;
    QTcpSocket socket;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&result, &socket] { result.received += socket.readAll(); });
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!connected.wait(timeoutMs))
        return result;
    if (!bytes.isEmpty())
        socket.write(bytes);
    result.closed = !disconnected.isEmpty() || disconnected.wait(timeoutMs);
    result.received += socket.readAll();
    return result;
}

QByteArray head(const QByteArray &extra)
{
    return "POST /organizations/globex/sso-connection HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra +
           "\r\n";
}

} // namespace

class TestSandboxLimits : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Http> m_http;

    void serve(int idleTimeoutMs = 30000)
    {
        SandboxOptions options;
        options.idleTimeoutMs = idleTimeoutMs;
        QVERIFY(sandboxtest::serve(m_server, m_http, options));
    }

private Q_SLOTS:
    void cleanup() { sandboxtest::stop(m_server, m_http); }

    void hugeHeadIsRefused()
    {
        serve();
        QByteArray flood;
        for (int i = 0; i < 2000; ++i)
            flood += "X-Flood-" + QByteArray::number(i) + ": " + QByteArray(40, 'x') + "\r\n";
        const RawResult r = send(m_server->baseUrl(), head(flood));
        QCOMPARE(r.status(), 431);
        QVERIFY(r.closed);
        QVERIFY(m_server->requests().isEmpty()); // never reached the API
    }

    void tooManyHeaderLinesAreRefused()
    {
        serve();
        QByteArray lines;
        for (int i = 0; i < 150; ++i)
            lines += "X-" + QByteArray::number(i) + ": 1\r\n";
        const RawResult r = send(m_server->baseUrl(), head(lines));
        QCOMPARE(r.status(), 431);
        QVERIFY(r.closed);
    }

    void bodyOverTheCapIsRefusedBeforeItIsSent()
    {
        serve();
        // Only the head is sent: the answer comes from Content-Length alone.
        const RawResult r =
            send(m_server->baseUrl(), head("Content-Type: application/json\r\nContent-Length: " +
                                           QByteArray::number(64 * 1024 * 1024) + "\r\n"));
        QCOMPARE(r.status(), 413);
        QVERIFY(r.closed);
        QVERIFY(m_server->requests().isEmpty());
    }

    void contentLengthWithTransferEncodingIsRefused()
    {
        serve();
        const QByteArray smuggled =
            head("Content-Type: application/json\r\nContent-Length: 4\r\n"
                 "Transfer-Encoding: chunked\r\n") +
            "0\r\n\r\nDELETE /organizations/acme/sso-connection HTTP/1.1\r\nHost: x\r\n\r\n";
        const RawResult r = send(m_server->baseUrl(), smuggled);
        QCOMPARE(r.status(), 400);
        QVERIFY(r.received.contains("Content-Length and Transfer-Encoding"));
        QVERIFY(r.closed);
        QVERIFY(m_server->requests().isEmpty()); // neither request was handled
        QVERIFY(m_server->connection(QStringLiteral("acme")).has_value());
    }

    void chunkedUploadNeedsALength()
    {
        serve();
        const RawResult r =
            send(m_server->baseUrl(),
                 head("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n") +
                     "2\r\n{}\r\n0\r\n\r\n");
        QCOMPARE(r.status(), 411);
        QVERIFY(r.closed);
    }

    void idleConnectionIsClosed()
    {
        serve(200);
        const RawResult r = send(m_server->baseUrl(), {});
        QVERIFY(r.closed);
        QVERIFY(r.received.isEmpty());
    }

    void halfSentRequestIsClosed()
    {
        serve(200);
        const RawResult r =
            send(m_server->baseUrl(), "GET /organizations HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QVERIFY(r.closed);
        QVERIFY(m_server->requests().isEmpty());
        // A body announced and never sent in full: closed too.
        const RawResult body = send(
            m_server->baseUrl(),
            head("Content-Type: application/json\r\nContent-Length: 100\r\n") + "{\"identifier\":");
        QVERIFY(body.closed);
        QVERIFY(m_server->requests().isEmpty());
    }

    void slowAnswerIsNotIdle()
    {
        // The server's own latency is longer than the idle timeout: the request is answered.
        serve(150);
        m_server->setLatency(500);
        const Response r = m_http->get(QStringLiteral("/organizations/acme"));
        QCOMPARE(r.status, 200);
    }

    void keptAliveConnectionsStillWork()
    {
        serve();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->get(QStringLiteral("/organizations/acme")).status, 200);
    }

    void nonJsonContentTypeIsRefused_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::newRow("text/plain") << QByteArray("text/plain") << 415;
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << 415;
        QTest::newRow("json+charset") << QByteArray("application/json; charset=utf-8") << 201;
    }
    void nonJsonContentTypeIsRefused()
    {
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        serve();
        const Response r =
            m_http->send("POST", QStringLiteral("/organizations/globex/sso-connection"),
                         R"({"identifier":"https://globex.okta.com","client_id":"abc"})",
                         {{"Content-Type", type}});
        QCOMPARE(r.status, status);
        QCOMPARE(m_server->connection(QStringLiteral("globex")).has_value(), status == 201);
    }

    void anyIssuerTheApiAcceptsIsAccepted()
    {
        // The client refuses these (rules::checkIssuer); the sandbox, like the API, does not.
        serve();
        const Response r =
            m_http->post(QStringLiteral("/organizations/globex/sso-connection"),
                         QJsonObject{{"identifier", "http://example.com"}, {"client_id", "abc"}});
        QCOMPARE(r.status, 201);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLimits)
#include "test_sandbox_limits.moc"
