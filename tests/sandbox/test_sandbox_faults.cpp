// Fault injection, scripted responses, latency and request recording.
#include "SandboxTestSupport.h"

#include <QElapsedTimer>

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

namespace {

const QString kGlobex = QStringLiteral("/organizations/globex/sso-connection");
const QByteArray kCreate = R"({"identifier":"https://globex.okta.com","client_id":"abc"})";

} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Http> m_http;

private Q_SLOTS:
    void init() { QVERIFY(sandboxtest::serve(m_server, m_http)); }
    void cleanup() { sandboxtest::stop(m_server, m_http); }

    void scriptedResponses()
    {
        m_server->scriptResponses(
            "GET", QStringLiteral("/organizations"),
            {ScriptedResponse{429, {}, QStringLiteral("2"), std::nullopt},
             ScriptedResponse{503, {}, std::nullopt, false},
             ScriptedResponse{500, R"({"message":"boom","code":"x","status":500})", std::nullopt,
                              true}});
        Response r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("2"));
        QCOMPARE(r.json().value("status").toInt(), 429);
        QVERIFY(!r.headers.contains("x-should-retry"));
        r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.headers.value("x-should-retry"), QByteArray("false"));
        QCOMPARE(r.json().value("status").toInt(), 503);
        r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.headers.value("x-should-retry"), QByteArray("true"));
        QCOMPARE(r.json().value("message").toString(), QStringLiteral("boom"));
        // Used up: the normal handler answers again.
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
        // Other paths and methods were never affected.
        QCOMPARE(m_http->get(QStringLiteral("/organizations/acme")).status, 200);
    }

    void scriptedResponsesPerMethodAndPath()
    {
        m_server->scriptResponses("POST", kGlobex, {ScriptedResponse{503, {}, {}, {}}});
        QCOMPARE(m_http->get(kGlobex).status, 404);
        QCOMPARE(m_http->send("POST", kGlobex, kCreate).status, 503);
        QVERIFY(!m_server->connection(QStringLiteral("globex")).has_value());
        QCOMPARE(m_http->send("POST", kGlobex, kCreate).status, 201);
    }

    void clearFaults()
    {
        m_server->scriptResponses("GET", QStringLiteral("/organizations"),
                                  {ScriptedResponse{500, {}, {}, {}}});
        m_server->injectFault("GET", QStringLiteral("/organizations"), Fault::MalformedBody, 3);
        m_server->clearFaults();
        const Response r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.isJson());
    }

    void malformedBody()
    {
        m_server->injectFault("GET", QStringLiteral("/organizations"), Fault::MalformedBody);
        const Response r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.isEmpty());
        QVERIFY(!r.isJson());
        QVERIFY(m_http->get(QStringLiteral("/organizations")).isJson());
    }

    void truncatedBody()
    {
        m_server->injectFault("GET", QStringLiteral("/organizations"), Fault::TruncatedBody);
        const Response r = m_http->get(QStringLiteral("/organizations"));
        QVERIFY(r.finished);
        QVERIFY(r.error != QNetworkReply::NoError);
        QVERIFY(!r.isJson());
        const Response next = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(next.status, 200);
        QVERIFY(next.isJson());
    }

    void oversizedBody()
    {
        m_server->injectFault("GET", QStringLiteral("/organizations/acme"), Fault::OversizedBody);
        const Response r = m_http->get(QStringLiteral("/organizations/acme"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.size() > 64 * 1024 * 1024);
        QVERIFY(r.isJson());
        QCOMPARE(r.json().value("label").toString(), QStringLiteral("acme"));
    }

    void commitThenDrop()
    {
        m_server->injectFault("POST", kGlobex, Fault::CommitThenDrop);
        const QByteArray received = sandboxtest::rawExchange(m_server->baseUrl(), "POST", kGlobex,
                                                             m_http->token.toLatin1(), kCreate);
        QVERIFY(received.isEmpty());
        QVERIFY(m_server->connection(QStringLiteral("globex")).has_value());
        QCOMPARE(m_server->connectionCount(), 4);
        QCOMPARE(m_server->requests().size(), 1);
        // A retry of the same enable meets the committed connection.
        QCOMPARE(m_http->send("POST", kGlobex, kCreate).status, 409);
    }

    void commitThenDropThroughNetworkAccessManager()
    {
        // QNetworkAccessManager re-sends once by itself when a connection closes without a
        // reply: the client sees the 409 of its own second attempt, the server holds one
        // connection. Clients must be ready for exactly this.
        m_server->injectFault("POST", kGlobex, Fault::CommitThenDrop);
        const Response r = m_http->send("POST", kGlobex, kCreate);
        QVERIFY(r.finished);
        QVERIFY(r.status == 0 || r.status == 409);
        QCOMPARE(m_server->connectionCount(), 4);
        QVERIFY(m_server->requests().size() >= 1);
    }

    void dropBeforeCommit()
    {
        m_server->injectFault("POST", kGlobex, Fault::DropBeforeCommit);
        const QByteArray received = sandboxtest::rawExchange(m_server->baseUrl(), "POST", kGlobex,
                                                             m_http->token.toLatin1(), kCreate);
        QVERIFY(received.isEmpty());
        QVERIFY(!m_server->connection(QStringLiteral("globex")).has_value());
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_http->send("POST", kGlobex, kCreate).status, 201);
        QCOMPARE(m_server->connectionCount(), 4);
    }

    void networkAccessManagerResends()
    {
        // Documents Qt's behaviour the fault notes in SandboxServer.h rely on.
        m_server->injectFault("GET", QStringLiteral("/organizations"), Fault::DropBeforeCommit, 5);
        const Response r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(m_server->requests().size(), 2); // the request and Qt's one silent re-send
    }

    void faultTimes()
    {
        m_server->injectFault("GET", QStringLiteral("/organizations"), Fault::DropBeforeCommit, 2);
        const QByteArray token = m_http->token.toLatin1();
        const QUrl base = m_server->baseUrl();
        QVERIFY(sandboxtest::rawExchange(base, "GET", QStringLiteral("/organizations"), token)
                    .isEmpty());
        QVERIFY(sandboxtest::rawExchange(base, "GET", QStringLiteral("/organizations"), token)
                    .isEmpty());
        const QByteArray third =
            sandboxtest::rawExchange(base, "GET", QStringLiteral("/organizations"), token);
        QVERIFY2(third.startsWith("HTTP/1.1 200 "), third.left(100).constData());
    }

    void truncatedOnTheWire()
    {
        m_server->injectFault("GET", QStringLiteral("/organizations"), Fault::TruncatedBody);
        const QByteArray received = sandboxtest::rawExchange(
            m_server->baseUrl(), "GET", QStringLiteral("/organizations"), m_http->token.toLatin1());
        const qsizetype split = received.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        const QByteArray head = received.left(split).toLower();
        const qsizetype at = head.indexOf("content-length: ");
        QVERIFY(at > 0);
        const qsizetype announced =
            head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
        const qsizetype sent = received.size() - split - 4;
        QVERIFY(announced > 100);
        QCOMPARE(sent, announced / 2);
    }

    void latency()
    {
        m_server->setLatency(300);
        QElapsedTimer timer;
        timer.start();
        // Two requests in flight at once: latency is a timer, not a blocked server.
        QNetworkRequest request(
            QUrl(m_server->baseUrl().toString() + QStringLiteral("/organizations")));
        request.setRawHeader("Authorization", "Bearer " + m_http->token.toLatin1());
        std::unique_ptr<QNetworkReply> first(m_http->nam().get(request));
        std::unique_ptr<QNetworkReply> second(m_http->nam().get(request));
        QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 10000);
        QVERIFY(timer.elapsed() >= 300);
        QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        m_server->setLatency(0);
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
    }

    void latencyWithClientGone()
    {
        m_server->setLatency(200);
        QNetworkRequest request(
            QUrl(m_server->baseUrl().toString() + QStringLiteral("/organizations")));
        request.setRawHeader("Authorization", "Bearer " + m_http->token.toLatin1());
        std::unique_ptr<QNetworkReply> reply(m_http->nam().get(request));
        QTRY_COMPARE(m_server->requests().size(), 1);
        reply->abort();
        reply.reset();
        // The delayed answer finds the socket gone; the server carries on.
        QCOMPARE(m_http->get(QStringLiteral("/organizations")).status, 200);
    }

    void recording()
    {
        QSignalSpy recorded(m_server.get(), &SandboxServer::requestRecorded);
        Http anonymous(m_server->baseUrl());
        const Response token = anonymous.tokenRequest(
            "grant_type=client_credentials",
            {{"Authorization", sandboxtest::basic(QStringLiteral("demo-admin"),
                                                  QStringLiteral("sandbox-demo-secret"))}});
        QCOMPARE(token.status, 200);
        const QByteArray id = "0d8e7c6b-5a49-4382-9170-6f5e4d3c2b1a";
        QCOMPARE(
            m_http
                ->send("POST",
                       QStringLiteral("/organizations/globex/sso-connection?expand[]=permissions"),
                       kCreate, {{"X-Client-Request-ID", id}})
                .status,
            201);
        QCOMPARE(m_http->get(QStringLiteral("/organizations/%61cme")).status, 200);

        const QList<RecordedRequest> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(recorded.count(), 3);
        QCOMPARE(requests.at(0).method, QByteArray("POST"));
        QCOMPARE(requests.at(0).path, QStringLiteral("/service-account-token"));
        QCOMPARE(requests.at(0).body, QByteArray("grant_type=client_credentials"));
        QVERIFY(requests.at(0).header("Authorization").startsWith("Basic "));
        QCOMPARE(requests.at(0).headers.value("content-type"),
                 QByteArray("application/x-www-form-urlencoded"));

        const RecordedRequest &create = requests.at(1);
        QCOMPARE(create.method, QByteArray("POST"));
        QCOMPARE(create.path, kGlobex);
        QCOMPARE(create.requestId(), QString::fromLatin1(id));
        QCOMPARE(create.jsonBody().value("client_id").toString(), QStringLiteral("abc"));
        QCOMPARE(create.query.queryItemValue(QStringLiteral("expand[]"), QUrl::FullyDecoded),
                 QStringLiteral("permissions"));
        QCOMPARE(create.header("authorization"), "Bearer " + m_http->token.toLatin1());
        QCOMPARE(recorded.at(1).at(0).value<RecordedRequest>().path, kGlobex);

        QCOMPARE(requests.at(2).path, QStringLiteral("/organizations/acme"));
        QVERIFY(requests.at(2).jsonBody().isEmpty());

        m_server->clearRequests();
        QVERIFY(m_server->requests().isEmpty());
    }

    void recordsFaultedRequests()
    {
        m_server->injectFault("POST", kGlobex, Fault::DropBeforeCommit);
        m_server->scriptResponses("GET", QStringLiteral("/organizations"),
                                  {ScriptedResponse{503, {}, {}, {}}});
        QSignalSpy completed(m_server.get(), &SandboxServer::requestCompleted);
        QVERIFY(sandboxtest::rawExchange(m_server->baseUrl(), "POST", kGlobex,
                                         m_http->token.toLatin1(), kCreate)
                    .isEmpty());
        m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(0).body, kCreate);
        QCOMPARE(completed.count(), 2);
        QCOMPARE(completed.at(0).at(2).toInt(), 0);
        QCOMPARE(completed.at(1).at(2).toInt(), 503);
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "test_sandbox_faults.moc"
