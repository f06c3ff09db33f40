// The sandbox as a server facing hostile clients (docs/hostile-servers.md): request heads and
// bodies are capped, idle and half-sent connections are closed, Content-Length together with
// Transfer-Encoding is refused, and JSON endpoints refuse other content types.
#include "SandboxTestSupport.h"

#include <QElapsedTimer>
#include <QTimer>

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
    void serve(const SandboxOptions &options)
    {
        QVERIFY(sandboxtest::serve(m_server, m_http, options));
    }

    // Sends `prefix` at once, then `bytes` one at a time (round and round), every
    // `intervalMs`, until the server closes the connection (true) or `timeoutMs` passes.
    static bool dripUntilClosed(const QUrl &base, const QByteArray &prefix, const QByteArray &bytes,
                                int intervalMs, int timeoutMs)
    {
        QTcpSocket socket;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(base.host(), quint16(base.port()));
        if (!connected.wait(10000))
            return false;
        socket.write(prefix);
        qsizetype next = 0;
        QTimer drip;
        drip.setInterval(intervalMs);
        QObject::connect(&drip, &QTimer::timeout, &socket, [&] {
            if (socket.state() == QAbstractSocket::ConnectedState)
                socket.write(bytes.mid(next++ % bytes.size(), 1));
        });
        drip.start();
        return disconnected.wait(timeoutMs);
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

    void drippingHeadIsClosedAfterTheTotalTimeout()
    {
        // A byte every 20 ms keeps it from ever being idle; the whole head must still be in
        // within requestTimeoutMs (30 s by default, as the README says).
        SandboxOptions options;
        options.idleTimeoutMs = 30000;
        options.requestTimeoutMs = 300;
        serve(options);
        const QByteArray endless = "GET /organizations HTTP/1.1\r\nX-Drip: aaaaaaaaaaaaaaaaaa";
        QVERIFY(dripUntilClosed(m_server->baseUrl(), {}, endless, 20, 15000));
        QVERIFY(m_server->requests().isEmpty());
    }

    void drippingBodyIsClosedAfterTheTotalTimeout()
    {
        SandboxOptions options;
        options.idleTimeoutMs = 30000;
        options.requestTimeoutMs = 300;
        serve(options);
        const QByteArray requestHead =
            head("Authorization: Bearer " + m_server->issueToken().toLatin1() +
                 "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n");
        QVERIFY(dripUntilClosed(m_server->baseUrl(), requestHead, " ", 20, 15000));
        QVERIFY(m_server->requests().isEmpty());
    }

    void requestsInTimeAreAnsweredOneAfterAnother()
    {
        // The total timeout counts per request: a kept-alive connection serves request after
        // request for longer than requestTimeoutMs.
        SandboxOptions options;
        options.requestTimeoutMs = 200;
        serve(options);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 600)
            QCOMPARE(m_http->get(QStringLiteral("/organizations/acme")).status, 200);
    }

    void largeBodyWithoutATokenIsRefusedBeforeItIsSent()
    {
        serve();
        const QByteArray length =
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(200 * 1024) +
            "\r\n";
        // Only the head is sent: the answer comes before the body.
        const RawResult none = send(m_server->baseUrl(), head(length));
        QCOMPARE(none.status(), 401);
        QVERIFY(none.closed);
        const RawResult wrong =
            send(m_server->baseUrl(), head("Authorization: Bearer not-a-token\r\n" + length));
        QCOMPARE(wrong.status(), 401);
        QVERIFY(m_server->requests().isEmpty());

        // With a valid token the same body is read and handled.
        const Response withToken =
            m_http->send("POST", QStringLiteral("/organizations/globex/sso-connection"),
                         QByteArray(200 * 1024, ' '));
        QCOMPARE(withToken.status, 400); // handled: the body is no JSON object
        QCOMPARE(m_server->requests().size(), 1);
        // A small body without a token reaches the API, which answers 401 as usual.
        m_http->token.clear();
        const Response small = m_http->send(
            "POST", QStringLiteral("/organizations/globex/sso-connection"), QByteArray("{}"));
        QCOMPARE(small.status, 401);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void recordedRequestsAreARecentWindow()
    {
        SandboxOptions options;
        options.maxRecordedRequests = 3;
        options.maxRecordedBodyBytes = 50 * 1024;
        serve(options);
        for (const char *id : {"acme", "globex", "initech", "umbrella", "stark"})
            QCOMPARE(m_http->get(QStringLiteral("/organizations/") + QLatin1String(id)).status,
                     200);
        QList<RecordedRequest> kept = m_server->requests();
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept.at(0).path, QStringLiteral("/organizations/initech"));
        QCOMPARE(kept.at(2).path, QStringLiteral("/organizations/stark"));

        // Bodies count too: two 30 KiB bodies do not fit in 50 KiB together.
        for (int i = 0; i < 2; ++i)
            m_http->send("POST", QStringLiteral("/organizations/globex/sso-connection"),
                         QByteArray(30 * 1024, ' '));
        kept = m_server->requests();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.at(0).body.size(), 30 * 1024);

        // Nothing at all when asked for none; the signal still reports every request.
        SandboxOptions none;
        none.maxRecordedRequests = 0;
        serve(none);
        QSignalSpy recorded(m_server.get(), &SandboxServer::requestRecorded);
        QCOMPARE(m_http->get(QStringLiteral("/organizations/acme")).status, 200);
        QVERIFY(m_server->requests().isEmpty());
        QCOMPARE(recorded.size(), 1);
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
