// Broken exchanges: the lost reply on enable, malformed, truncated and oversized bodies,
// timeouts, refused connections, abort while a retry waits.

#include "ClientTestSupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace testsupport;
using sandbox::Fault;
using sandbox::ScriptedResponse;

class TestClientFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lostReplyOnEnable()
    {
        Fixture f;
        const int before = f.server->connectionCount();
        const QString path = orgPath("globex", "/sso-connection");
        f.server->injectFault("POST", path, Fault::CommitThenDrop);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const SsoConnectionCreate body =
            ssoCreate(QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        const auto rec = f.enableSso(QStringLiteral("globex"), body);
        VERIFY_OK(rec);
        QVERIFY(rec.value().alreadyEnabled);
        QVERIFY(rec.value().matchesRequest);
        QCOMPARE(rec.value().connection.identifier, body.identifier);
        QCOMPARE(f.server->connectionCount(), before + 1);
        // Qt itself may resend a request whose connection closed before any reply byte (it
        // does so on kept-alive connections); otherwise the client's own retry does it.
        QVERIFY(retries.size() <= 1);
        if (!retries.isEmpty())
            QCOMPARE(retries.at(0).at(3).toInt(), 0); // no HTTP status: the connection dropped
        const auto posts = f.requestsTo("POST", path);
        const auto gets = f.requestsTo("GET", path);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(gets.size(), 1);
        QCOMPARE(requestIds(posts + gets), QStringList(3, rec.result().requestId()));
    }

    void lostReplyTwice()
    {
        // Two replies lost: Qt's own silent resend (at most one) cannot hide both, so the
        // client's retry meets the 409 and reconciles.
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials::bearerToken(Secret(f.server->issueToken()));
        f.client->setConfig(config);
        const QString path = orgPath("umbrella", "/sso-connection");
        f.server->injectFault("POST", path, Fault::CommitThenDrop, 2);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const SsoConnectionCreate body =
            ssoCreate(QStringLiteral("https://umbrella.okta.com"), QStringLiteral("0oaUmbrella"));
        const auto rec = f.enableSso(QStringLiteral("umbrella"), body);
        VERIFY_OK(rec);
        QVERIFY(rec.value().alreadyEnabled);
        QVERIFY(rec.value().matchesRequest);
        QCOMPARE(f.server->connectionCount(), 4);
        QVERIFY(retries.size() >= 1);
        QCOMPARE(retries.at(0).at(1).toInt(), 2);
        QCOMPARE(retries.at(0).at(3).toInt(), 0);
        const auto posts = f.requestsTo("POST", path);
        QCOMPARE(posts.size(), 3);
        QCOMPARE(requestIds(posts + f.requestsTo("GET", path)),
                 QStringList(4, rec.result().requestId()));
    }

    void dropBeforeCommitRetriedToSuccess()
    {
        Fixture f;
        const QString path = orgPath("globex", "/sso-connection");
        f.server->injectFault("POST", path, Fault::DropBeforeCommit);
        const SsoConnectionCreate body =
            ssoCreate(QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        const auto rec = f.enableSso(QStringLiteral("globex"), body);
        VERIFY_OK(rec);
        QVERIFY(!rec.value().alreadyEnabled);
        QCOMPARE(f.requestsTo("POST", path).size(), 2);
    }

    void malformedBody()
    {
        Fixture f;
        f.server->injectFault("GET", orgPath("acme"), Fault::MalformedBody);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(rec.error().httpStatus, 200);
        QVERIFY(rec.error().message.startsWith(QStringLiteral("not JSON")));
        // One "Malformed response" title, never a repeated prefix.
        QCOMPARE(rec.error().toString().count(QStringLiteral("alformed response")), 1);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
    }

    void missingIdInResponse()
    {
        Fixture f;
        f.server->scriptResponses(
            "GET", orgPath("acme"),
            {status(200, {}, {},
                    QByteArray("{\"name\":\"Acme\",\"label\":\"acme\",\"sso_enabled\":true,"
                               "\"created_at\":\"2024-01-01T00:00:00Z\"}"))});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(rec.error().message, QStringLiteral("field id"));
        QCOMPARE(rec.error().field, QStringLiteral("id"));
        QVERIFY(!rec.error().requestId.isEmpty());
    }

    void wrongShapeInList()
    {
        // A list item is decoded on its own: one without a usable id is left out and counted;
        // the page itself must still have its page_info.
        Fixture f;
        f.server->scriptResponses(
            "GET", QStringLiteral("/organizations"),
            {status(200, {}, {},
                    QByteArray("{\"items\":[{\"id\":5}],\"page_info\":{\"has_next_page\":false}}")),
             status(200, {}, {}, QByteArray("{\"items\":[{\"id\":5}],\"page_info\":{}}"))});
        Recorder<OrganizationPage> first;
        f.client->listOrganizations(ListOrganizationsRequest{}, this, first.callback());
        AWAIT(first);
        QVERIFY(first.result().ok());
        QCOMPARE(first.value().items.size(), 0);
        QCOMPARE(first.value().skippedItems, 1);

        Recorder<OrganizationPage> second;
        f.client->listOrganizations(ListOrganizationsRequest{}, this, second.callback());
        AWAIT(second);
        QCOMPARE(second.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(second.error().field, QStringLiteral("page_info.has_next_page"));
    }

    void nonObjectJson()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(200, {}, {}, "[]")});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
    }

    void truncatedBody()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.retry.maxRetries = 0;
        f.client->setConfig(config);
        f.server->injectFault("GET", orgPath("acme"), Fault::TruncatedBody);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QVERIFY2(rec.error().kind == ApiError::Kind::Network ||
                     rec.error().kind == ApiError::Kind::MalformedResponse,
                 qPrintable(rec.error().toString()));
        QVERIFY(!rec.error().message.isEmpty());
    }

    void truncatedBodyRetried()
    {
        Fixture f;
        f.server->injectFault("GET", orgPath("acme"), Fault::TruncatedBody);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 2);
    }

    void oversizedBody()
    {
        Fixture f;
        f.server->injectFault("GET", orgPath("acme"), Fault::OversizedBody);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(rec.error().message.startsWith(QStringLiteral("response too large")),
                 qPrintable(rec.error().message));
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
    }

    void responseCapConfigurable()
    {
        sandbox::SandboxOptions options;
        options.extraOrganizations = 50;
        Fixture f(options);
        ClientConfig config = sandboxClientConfig(*f.server);
        config.maxResponseBytes = 2000;
        f.client->setConfig(config);
        Recorder<OrganizationPage> rec;
        f.client->listOrganizations(ListOrganizationsRequest{}, this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY(rec.error().message.startsWith(QStringLiteral("response too large")));
        const auto small = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(small);
    }

    void oversizedWithoutContentLength()
    {
        // A chunked body has no Content-Length: the cap must hold while bytes arrive.
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost));
        qint64 sent = 0;
        connect(&raw, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = raw.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &sent] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n");
                const QByteArray chunk(4096, ' ');
                for (int i = 0; i < 64; ++i) {
                    socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
                    sent += chunk.size();
                }
                socket->write("0\r\n\r\n");
            });
        });
        QNetworkAccessManager nam;
        ClientConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(raw.serverPort()));
        config.credentials = Credentials::bearerToken(Secret(QStringLiteral("ready-token")));
        config.maxResponseBytes = 20000;
        KeycardClient client(&nam, config);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY(rec.error().message.startsWith(QStringLiteral("response too large")));
        QCOMPARE(rec.error().attempts, 1);
        QVERIFY(sent > config.maxResponseBytes);
    }

    void timeout()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.requestTimeoutMs = 300;
        config.retry.maxRetries = 1;
        f.client->setConfig(config);
        Recorder<Organization> warmup; // the token is fetched before latency is added
        f.client->getOrganization(QStringLiteral("globex"), this, warmup.callback());
        AWAIT(warmup);
        f.server->setLatency(3000);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Timeout);
        QCOMPARE(rec.error().attempts, 2);
        QCOMPARE(retries.size(), 1);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        f.client->setConfig(config);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Network);
        QCOMPARE(rec.error().httpStatus, 0);
        QCOMPARE(rec.error().attempts, 3);
        QCOMPARE(retries.size(), 2);
    }

    void abortDuringRetryWait()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.retry.delayScale = 1.0; // a real 1 s wait that abort() must cut short
        f.client->setConfig(config);
        f.server->scriptResponses("GET", orgPath("acme"), {status(429, QStringLiteral("1"))});
        Recorder<Organization> rec;
        QPointer<PendingCall> call;
        connect(f.client.get(), &KeycardClient::retryScheduled, this, [&] { call->abort(); });
        call = f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
        QCOMPARE(rec.calls(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_client_faults.moc"
