// Retries, Retry-After, x-should-retry, request ids across attempts, token refresh, the lost
// reply on enable, and broken responses (malformed, truncated, oversized, timeouts).

#include "ClientTestSupport.h"

#include <QSignalSpy>
#include <QTcpServer>

using namespace testsupport;
using sandbox::Fault;
using sandbox::ScriptedResponse;

namespace {

ScriptedResponse status(int code, std::optional<QString> retryAfter = std::nullopt,
                        std::optional<bool> shouldRetry = std::nullopt, QByteArray body = {})
{
    ScriptedResponse r;
    r.status = code;
    r.retryAfter = std::move(retryAfter);
    r.shouldRetry = shouldRetry;
    r.body = std::move(body);
    return r;
}

QStringList requestIds(const QList<sandbox::RecordedRequest> &requests)
{
    QStringList ids;
    for (const auto &r : requests)
        ids << r.requestId();
    return ids;
}

} // namespace

class TestClientResilience : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfter429()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(429, QStringLiteral("1"))});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(0).toString(), rec.result().requestId());
        QCOMPARE(retries.at(0).at(1).toInt(), 2);    // the attempt about to run
        QCOMPARE(retries.at(0).at(2).toInt(), 1000); // Retry-After: 1, before delayScale
        QCOMPARE(retries.at(0).at(3).toInt(), 429);
        const auto calls = f.recorded("GET", orgPath("acme"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(requestIds(calls), QStringList(2, rec.result().requestId()));
    }

    void retryAfterHttpDate()
    {
        Fixture f;
        const QString when = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(3),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
                             QStringLiteral(" GMT");
        f.server->scriptResponses("GET", orgPath("acme"), {status(503, when)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 1);
        const int delay = retries.at(0).at(2).toInt();
        QVERIFY2(delay > 1000 && delay <= 3000, qPrintable(QString::number(delay)));
    }

    void retryAfterBeyondLimitUsesBackoff()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(429, QStringLiteral("120"))});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 1);
        const int delay = retries.at(0).at(2).toInt();
        QVERIFY2(delay >= 375 && delay <= 500, qPrintable(QString::number(delay)));
    }

    void twice503Then200()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme", "/sso-connection"),
                                  {status(503), status(503)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<SsoConnection> rec;
        f.client->getSsoConnection(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 2);
        // Back-off: 500 ms then 1000 ms, each up to 25 % shorter.
        const int first = retries.at(0).at(2).toInt();
        const int second = retries.at(1).at(2).toInt();
        QVERIFY2(first >= 375 && first <= 500, qPrintable(QString::number(first)));
        QVERIFY2(second >= 750 && second <= 1000, qPrintable(QString::number(second)));
        QCOMPARE(retries.at(1).at(1).toInt(), 3);
        QCOMPARE(retries.at(1).at(3).toInt(), 503);
        const auto calls = f.recorded("GET", orgPath("acme", "/sso-connection"));
        QCOMPARE(calls.size(), 3);
        QCOMPARE(requestIds(calls), QStringList(3, rec.result().requestId()));
    }

    void retriesExhausted()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(502), status(502), status(502)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().httpStatus, 502);
        QCOMPARE(rec.error().attempts, 3);
        QVERIFY(rec.error().isTransient());
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 3);
    }

    void maxRetriesConfigurable()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.retry.maxRetries = 0;
        f.client->setConfig(config);
        f.server->scriptResponses("GET", orgPath("acme"), {status(500)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().attempts, 1);
    }

    void shouldRetryFalseStops()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"),
                                  {status(503, QStringLiteral("1"), false)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().httpStatus, 503);
        QCOMPARE(rec.error().attempts, 1);
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 1);
    }

    void shouldRetryTrueRetries4xx()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(400, std::nullopt, true)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        const auto calls = f.recorded("GET", orgPath("acme"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(requestIds(calls), QStringList(2, rec.result().requestId()));
    }

    void clientErrorsNotRetried_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("400") << 400 << int(ApiError::Kind::Validation);
        QTest::newRow("403") << 403 << int(ApiError::Kind::Permission);
        QTest::newRow("404") << 404 << int(ApiError::Kind::NotFound);
        QTest::newRow("409") << 409 << int(ApiError::Kind::Conflict);
        QTest::newRow("422") << 422 << int(ApiError::Kind::Validation);
        QTest::newRow("418") << 418 << int(ApiError::Kind::Server);
    }
    void clientErrorsNotRetried()
    {
        QFETCH(int, code);
        QFETCH(int, kind);
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(code)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(int(rec.error().kind), kind);
        QCOMPARE(rec.error().httpStatus, code);
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 1);
    }

    void timeoutAnd408AreRetried()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(408)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 2);
    }

    void errorBodies_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("field");
        QTest::newRow("field member")
            << 422
            << QByteArray("{\"message\":\"bad value\",\"code\":\"invalid\",\"status\":422,"
                          "\"field\":\"client_id\"}")
            << "bad value"
            << "invalid"
            << "client_id";
        QTest::newRow("field from message")
            << 400
            << QByteArray("{\"message\":\"identifier: must be a URL\",\"code\":\"bad_request\","
                          "\"status\":400}")
            << "identifier: must be a URL"
            << "bad_request"
            << "identifier";
        QTest::newRow("unknown word before colon")
            << 400 << QByteArray("{\"message\":\"error: nope\",\"code\":\"x\",\"status\":400}")
            << "error: nope"
            << "x"
            << "";
        QTest::newRow("not json") << 400 << QByteArray("<html>Bad Request</html>")
                                  << "the server answered HTTP 400"
                                  << ""
                                  << "";
        QTest::newRow("json array") << 400 << QByteArray("[1,2]") << "the server answered HTTP 400"
                                    << ""
                                    << "";
    }
    void errorBodies()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, errorCode);
        QFETCH(QString, field);
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(code, {}, {}, body)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Validation);
        QVERIFY2(rec.error().message.startsWith(message), qPrintable(rec.error().message));
        QCOMPARE(rec.error().code, errorCode);
        QCOMPARE(rec.error().field, field);
    }

    void emptyErrorBody()
    {
        // A 500 with an empty body: the sandbox fills in its standard body for scripted
        // errors, so use a non-JSON single space instead.
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"),
                                  {status(500, {}, false, QByteArray(" "))});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QVERIFY(rec.error().message.contains(QStringLiteral("500")));
    }

    void tokenRefreshedOnceAfterExpiry()
    {
        Fixture f;
        QSignalSpy obtained(f.client.get(), &KeycardClient::tokenObtained);
        Recorder<Organization> warmup;
        f.client->getOrganization(QStringLiteral("acme"), this, warmup.callback());
        AWAIT(warmup);
        VERIFY_OK(warmup);
        QCOMPARE(f.tokenRequests(), 1);

        f.server->expireAllTokens(); // mid-run: the cached token is now refused with 401
        QList<std::shared_ptr<Recorder<Organization>>> recs;
        for (const char *label : {"acme", "globex", "initech", "umbrella"}) {
            recs << std::make_shared<Recorder<Organization>>();
            f.client->getOrganization(QLatin1String(label), this, recs.last()->callback());
        }
        for (const auto &rec : std::as_const(recs)) {
            AWAIT(*rec);
            VERIFY_OK(*rec);
        }
        QCOMPARE(f.tokenRequests(), 2); // refreshed exactly once for all four calls
        QCOMPARE(obtained.size(), 2);
        // The refused attempt and the repeat carry the same request id.
        const auto acme = f.recorded("GET", orgPath("acme"));
        QCOMPARE(acme.size(), 3);
        QCOMPARE(acme.at(1).requestId(), acme.at(2).requestId());
        QVERIFY(acme.at(1).header("authorization") != acme.at(2).header("authorization"));
    }

    void tokenRefreshedBeforeExpiry()
    {
        Fixture f;
        f.server->setTokenLifetime(10); // within the 10 s margin: never reused
        for (int i = 1; i <= 2; ++i) {
            Recorder<Organization> rec;
            f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
            AWAIT(rec);
            VERIFY_OK(rec);
            QCOMPARE(f.tokenRequests(), i);
        }
        f.server->setTokenLifetime(3600);
        for (int i = 0; i < 2; ++i) {
            Recorder<Organization> rec;
            f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
            AWAIT(rec);
            VERIFY_OK(rec);
        }
        QCOMPARE(f.tokenRequests(), 3);                         // the long-lived token is cached
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 4); // and no 401 was needed
    }

    void concurrentCallsShareOneTokenFetch()
    {
        Fixture f;
        QList<std::shared_ptr<Recorder<SsoConnection>>> recs;
        for (int i = 0; i < 6; ++i) {
            recs << std::make_shared<Recorder<SsoConnection>>();
            f.client->getSsoConnection(QStringLiteral("acme"), this, recs.last()->callback());
        }
        for (const auto &rec : std::as_const(recs)) {
            AWAIT(*rec);
            VERIFY_OK(*rec);
        }
        QCOMPARE(f.tokenRequests(), 1);
    }

    void secondUnauthorizedIsAuthenticationError()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(401), status(401)});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Authentication);
        QCOMPARE(rec.error().httpStatus, 401);
        QCOMPARE(rec.error().attempts, 2);
        QCOMPARE(f.tokenRequests(), 2);
    }

    void wrongSecretRefused()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.credentials = Credentials::serviceAccount(kClientId, Secret(QStringLiteral("nope")));
        f.client->setConfig(config);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Authentication);
        QCOMPARE(rec.error().httpStatus, 401);
        QVERIFY(rec.error().message.contains(QStringLiteral("refused")));
        QCOMPARE(f.apiRequests(), 0);
        QCOMPARE(f.tokenRequests(), 1); // refused credentials are not retried
    }

    void lostReplyOnEnable()
    {
        Fixture f;
        const int before = f.server->connectionCount();
        const QString path = orgPath("globex", "/sso-connection");
        f.server->injectFault("POST", path, Fault::CommitThenDrop);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://globex.okta.com");
        body.clientId = QStringLiteral("0oaGlobex");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("globex"), body, this, rec.callback());
        AWAIT(rec);
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
        const auto posts = f.recorded("POST", path);
        const auto gets = f.recorded("GET", path);
        QCOMPARE(posts.size(), 2);
        QCOMPARE(gets.size(), 1);
        QCOMPARE(requestIds(posts + gets), QStringList(3, rec.result().requestId()));
    }

    void lostReplyTwice()
    {
        // Two replies lost: Qt's own silent resend (at most one) cannot hide both, so the
        // client's retry meets the 409 and reconciles.
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.credentials = Credentials::bearerToken(Secret(f.server->issueToken()));
        f.client->setConfig(config);
        const QString path = orgPath("umbrella", "/sso-connection");
        f.server->injectFault("POST", path, Fault::CommitThenDrop, 2);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://umbrella.okta.com");
        body.clientId = QStringLiteral("0oaUmbrella");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("umbrella"), body, this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(rec.value().alreadyEnabled);
        QVERIFY(rec.value().matchesRequest);
        QCOMPARE(f.server->connectionCount(), 4);
        QVERIFY(retries.size() >= 1);
        QCOMPARE(retries.at(0).at(1).toInt(), 2);
        QCOMPARE(retries.at(0).at(3).toInt(), 0);
        const auto posts = f.recorded("POST", path);
        QCOMPARE(posts.size(), 3);
        QCOMPARE(requestIds(posts + f.recorded("GET", path)),
                 QStringList(4, rec.result().requestId()));
    }

    void dropBeforeCommitRetriedToSuccess()
    {
        Fixture f;
        const QString path = orgPath("globex", "/sso-connection");
        f.server->injectFault("POST", path, Fault::DropBeforeCommit);
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://globex.okta.com");
        body.clientId = QStringLiteral("0oaGlobex");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("globex"), body, this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(!rec.value().alreadyEnabled);
        QCOMPARE(f.recorded("POST", path).size(), 2);
    }

    void malformedBody()
    {
        Fixture f;
        f.server->injectFault("GET", orgPath("acme"), Fault::MalformedBody);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(rec.error().httpStatus, 200);
        QVERIFY(rec.error().message.startsWith(QStringLiteral("malformed response")));
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 1);
    }

    void missingIdInResponse()
    {
        Fixture f;
        f.server->scriptResponses(
            "GET", orgPath("acme"),
            {status(200, {}, {},
                    QByteArray("{\"name\":\"Acme\",\"label\":\"acme\",\"sso_enabled\":true,"
                               "\"created_at\":\"2024-01-01T00:00:00Z\"}"))});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(rec.error().message, QStringLiteral("malformed response: field id"));
        QCOMPARE(rec.error().field, QStringLiteral("id"));
        QVERIFY(!rec.error().requestId.isEmpty());
    }

    void wrongShapeInList()
    {
        Fixture f;
        f.server->scriptResponses(
            "GET", QStringLiteral("/organizations"),
            {status(200, {}, {}, QByteArray("{\"items\":[{\"id\":5}],\"page_info\":{}}"))});
        Recorder<OrganizationPage> rec;
        f.client->listOrganizations(ListOrganizationsRequest{}, this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(rec.error().field, QStringLiteral("items[0].id"));
    }

    void nonObjectJson()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(200, {}, {}, "[]")});
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
    }

    void truncatedBody()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.retry.maxRetries = 0;
        f.client->setConfig(config);
        f.server->injectFault("GET", orgPath("acme"), Fault::TruncatedBody);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QVERIFY2(rec.error().kind == ApiError::Kind::Network ||
                     rec.error().kind == ApiError::Kind::MalformedResponse,
                 qPrintable(rec.error().toString()));
        QVERIFY(!rec.error().message.isEmpty());
    }

    void truncatedBodyRetried()
    {
        Fixture f;
        f.server->injectFault("GET", orgPath("acme"), Fault::TruncatedBody);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 2);
    }

    void oversizedBody()
    {
        Fixture f;
        f.server->injectFault("GET", orgPath("acme"), Fault::OversizedBody);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(rec.error().message.startsWith(QStringLiteral("response too large")),
                 qPrintable(rec.error().message));
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 1);
    }

    void responseCapConfigurable()
    {
        sandbox::SandboxOptions options;
        options.extraOrganizations = 50;
        Fixture f(options);
        ClientConfig config = configFor(*f.server);
        config.maxResponseBytes = 2000;
        f.client->setConfig(config);
        Recorder<OrganizationPage> rec;
        f.client->listOrganizations(ListOrganizationsRequest{}, this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY(rec.error().message.startsWith(QStringLiteral("response too large")));
        Recorder<Organization> small;
        f.client->getOrganization(QStringLiteral("acme"), this, small.callback());
        AWAIT(small);
        VERIFY_OK(small);
    }

    void timeout()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.requestTimeoutMs = 300;
        config.retry.maxRetries = 1;
        f.client->setConfig(config);
        Recorder<Organization> warmup; // the token is fetched before latency is added
        f.client->getOrganization(QStringLiteral("globex"), this, warmup.callback());
        AWAIT(warmup);
        f.server->setLatency(3000);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
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
        ClientConfig config = configFor(*f.server);
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        f.client->setConfig(config);
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Network);
        QCOMPARE(rec.error().httpStatus, 0);
        QCOMPARE(rec.error().attempts, 3);
        QCOMPARE(retries.size(), 2);
    }

    void abortDuringRetryWait()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.retry.delayScale = 1.0; // a real 1 s wait that abort() must cut short
        f.client->setConfig(config);
        f.server->scriptResponses("GET", orgPath("acme"), {status(429, QStringLiteral("1"))});
        Recorder<Organization> rec;
        QPointer<PendingCall> call;
        connect(f.client.get(), &KeycardClient::retryScheduled, this, [&] { call->abort(); });
        call = f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(f.recorded("GET", orgPath("acme")).size(), 1);
        QCOMPARE(rec.calls(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientResilience)
#include "tst_client_resilience.moc"
