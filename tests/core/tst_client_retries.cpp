// Retries and errors: Retry-After, back-off, x-should-retry, one request id across attempts,
// Error bodies, and the access token (shared fetch, refresh before expiry and once on 401).

#include "ClientTestSupport.h"
#include "HostileServer.h"

#include <QSignalSpy>
#include <QTcpServer>

using namespace testsupport;
using sandbox::Fault;
using sandbox::ScriptedResponse;
using testsupport::HostileServer;
using testsupport::RawRequest;

class TestClientRetries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfter429()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(429, QStringLiteral("1"))});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(0).toString(), rec.result().requestId());
        QCOMPARE(retries.at(0).at(1).toInt(), 2);    // the attempt about to run
        QCOMPARE(retries.at(0).at(2).toInt(), 1000); // Retry-After: 1, before delayScale
        QCOMPARE(retries.at(0).at(3).toInt(), 429);
        const auto calls = f.requestsTo("GET", orgPath("acme"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(requestIds(calls), QStringList(2, rec.result().requestId()));
    }

    void retryAfterHttpDate()
    {
        Fixture f;
        const QString when = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(30),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
                             QStringLiteral(" GMT");
        f.server->scriptResponses("GET", orgPath("acme"), {status(503, when)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 1);
        const int delay = retries.at(0).at(2).toInt();
        // Seconds of the date only, and a slow machine's first request: well above 20 s.
        QVERIFY2(delay > 20000 && delay <= 30000, qPrintable(QString::number(delay)));
    }

    void retryAfterWithinTotalHonoured()
    {
        // Beyond the SDK's 60 s: honoured while it fits in the exchange's total time.
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.retry.totalDeadlineMs = 600000;
        f.client->setConfig(config);
        f.server->scriptResponses("GET", orgPath("acme"), {status(429, QStringLiteral("120"))});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(2).toInt(), 120000);
    }

    void retryAfterLongerThanTotalGivesUpAtOnce()
    {
        // 15 s per attempt, 2 retries: 45 s in total. A day is not waited for, nor replaced
        // by a short back-off: the call ends with the server's answer and what it asked for.
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"),
                                  {status(429, QStringLiteral("86400")), status(429)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::RateLimited);
        QCOMPARE(rec.error().attempts, 1);
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
        QVERIFY2(rec.error().message.contains(QStringLiteral("86400 s")) &&
                     rec.error().message.contains(QStringLiteral("(24 h)")),
                 qPrintable(rec.error().message));
    }

    void retryAfterWaitCountsAgainstTotal()
    {
        // Real waits here (no delay scale), against a raw server that answers at once: 3.5 s
        // fits in 6 s; after it, a second 3.5 s no longer fits in what is left.
        int requests = 0;
        testsupport::HostileServer server([&requests](QTcpSocket *socket, const RawRequest &) {
            ++requests;
            socket->write(HostileServer::response(503, "{}", {"Retry-After: 3.5"}));
        });
        QNetworkAccessManager nam;
        ClientConfig config;
        config.baseUrl = server.baseUrl();
        config.credentials = Credentials::bearerToken(Secret(QStringLiteral("ready-token")));
        config.retry.totalDeadlineMs = 6000;
        KeycardClient client(&nam, config);
        QSignalSpy retries(&client, &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().attempts, 2);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(2).toInt(), 3500);
        QCOMPARE(requests, 2);
        QVERIFY2(rec.error().message.contains(QStringLiteral("retry after 3.5 s")),
                 qPrintable(rec.error().message));
    }

    void retryAfterUnusableValuesUseBackoff_data()
    {
        QTest::addColumn<QString>("value");
        // Every syntax is in test_core_retry_after; here, that the client takes its answer.
        for (const char *v : {"inf", "nan", "1e300", "99999999999999999999"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }
    void retryAfterUnusableValuesUseBackoff()
    {
        // Rejected before any conversion (inf, nan and 1e300 were undefined behaviour): the
        // usual back-off applies. A raw server, so that the rows stay fast.
        QFETCH(QString, value);
        testsupport::HostileServer server([&value](QTcpSocket *socket, const RawRequest &) {
            socket->write(HostileServer::response(503, "{}", {"Retry-After: " + value.toLatin1()}));
        });
        QNetworkAccessManager nam;
        ClientConfig config;
        config.baseUrl = server.baseUrl();
        config.credentials = Credentials::bearerToken(Secret(QStringLiteral("ready-token")));
        config.retry.maxRetries = 1;
        config.retry.delayScale = 0.001;
        KeycardClient client(&nam, config);
        QSignalSpy retries(&client, &KeycardClient::retryScheduled);
        Recorder<Organization> rec;
        client.getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().attempts, 2);
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
        const auto calls = f.requestsTo("GET", orgPath("acme", "/sso-connection"));
        QCOMPARE(calls.size(), 3);
        QCOMPARE(requestIds(calls), QStringList(3, rec.result().requestId()));
    }

    void backoffDoublesUpTo8Seconds()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.retry.maxRetries = 6;
        f.client->setConfig(config);
        f.server->scriptResponses("GET", orgPath("acme"), QList<ScriptedResponse>(6, status(503)));
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(retries.size(), 6);
        // 0.5, 1, 2, 4, 8, 8 s, each up to 25 % shorter.
        const int expected[] = {500, 1000, 2000, 4000, 8000, 8000};
        for (int i = 0; i < 6; ++i) {
            const int delay = retries.at(i).at(2).toInt();
            QVERIFY2(delay >= expected[i] * 3 / 4 && delay <= expected[i],
                     qPrintable(QStringLiteral("retry %1: %2 ms").arg(i + 1).arg(delay)));
        }
        QCOMPARE(rec.result().requestId(), retries.at(5).at(0).toString());
    }

    void retriesExhausted()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(502), status(502), status(502)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().httpStatus, 502);
        QCOMPARE(rec.error().attempts, 3);
        QVERIFY(rec.error().isTransient());
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 3);
    }

    void maxRetriesConfigurable()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.retry.maxRetries = 0;
        f.client->setConfig(config);
        f.server->scriptResponses("GET", orgPath("acme"), {status(500)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().attempts, 1);
    }

    void shouldRetryFalseStops()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"),
                                  {status(503, QStringLiteral("1"), false)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QCOMPARE(rec.error().httpStatus, 503);
        QCOMPARE(rec.error().attempts, 1);
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
    }

    void shouldRetryTrueRetries4xx()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(400, std::nullopt, true)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        const auto calls = f.requestsTo("GET", orgPath("acme"));
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
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(int(rec.error().kind), kind);
        QCOMPARE(rec.error().httpStatus, code);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
    }

    void timeoutAnd408AreRetried()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(408)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 2);
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
        const auto rec = f.getOrganization(QStringLiteral("acme"));
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
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QVERIFY(rec.error().message.contains(QStringLiteral("500")));
    }

    void tokenRefreshedOnceAfterExpiry()
    {
        Fixture f;
        QSignalSpy obtained(f.client.get(), &KeycardClient::tokenObtained);
        const auto warmup = f.getOrganization(QStringLiteral("acme"));
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
        const auto acme = f.requestsTo("GET", orgPath("acme"));
        QCOMPARE(acme.size(), 3);
        QCOMPARE(acme.at(1).requestId(), acme.at(2).requestId());
        QVERIFY(acme.at(1).header("authorization") != acme.at(2).header("authorization"));
    }

    void tokenRefreshedBeforeExpiry()
    {
        Fixture f;
        f.server->setTokenLifetime(10); // within the 10 s margin: never reused
        for (int i = 1; i <= 2; ++i) {
            const auto rec = f.getOrganization(QStringLiteral("acme"));
            VERIFY_OK(rec);
            QCOMPARE(f.tokenRequests(), i);
        }
        f.server->setTokenLifetime(3600);
        for (int i = 0; i < 2; ++i) {
            const auto rec = f.getOrganization(QStringLiteral("acme"));
            VERIFY_OK(rec);
        }
        QCOMPARE(f.tokenRequests(), 3);                           // the long-lived token is cached
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 4); // and no 401 was needed
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

    void tokenWithoutExpiresInLastsAnHour()
    {
        Fixture f;
        const QByteArray token = f.server->issueToken().toLatin1();
        f.server->scriptResponses(
            "POST", QStringLiteral("/service-account-token"),
            {status(200, {}, {},
                    "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"}")});
        for (int i = 0; i < 3; ++i) {
            const auto rec = f.getOrganization(QStringLiteral("acme"));
            VERIFY_OK(rec);
        }
        QCOMPARE(f.tokenRequests(), 1);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).at(2).header("authorization"),
                 "Bearer " + token);
    }

    void tokenEndpointFailures_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("tokenRequests");
        QTest::newRow("400") << 400 << QByteArray() << int(ApiError::Kind::Authentication) << 1;
        QTest::newRow("401") << 401 << QByteArray() << int(ApiError::Kind::Authentication) << 1;
        QTest::newRow("no access_token") << 200 << QByteArray("{\"token_type\":\"Bearer\"}")
                                         << int(ApiError::Kind::MalformedResponse) << 1;
        QTest::newRow("not json") << 200 << QByteArray("access_token=abc")
                                  << int(ApiError::Kind::MalformedResponse) << 1;
    }
    void tokenEndpointFailures()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(int, tokenRequests);
        Fixture f;
        f.server->scriptResponses("POST", QStringLiteral("/service-account-token"),
                                  {status(code, {}, {}, body)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(int(rec.error().kind), kind);
        QCOMPARE(rec.error().httpStatus, code);
        QCOMPARE(f.tokenRequests(), tokenRequests);
        QCOMPARE(f.apiRequests(), 0);
        QVERIFY(!rec.error().requestId.isEmpty());
    }

    void tokenEndpointOutageRetried()
    {
        Fixture f;
        f.server->scriptResponses("POST", QStringLiteral("/service-account-token"), {status(503)});
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(f.tokenRequests(), 2);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(3).toInt(), 503);
    }

    void secondUnauthorizedIsAuthenticationError()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(401), status(401)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Authentication);
        QCOMPARE(rec.error().httpStatus, 401);
        QCOMPARE(rec.error().attempts, 2);
        QCOMPARE(f.tokenRequests(), 2);
    }

    void wrongSecretRefused()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials::serviceAccount(kClientId, Secret(QStringLiteral("nope")));
        f.client->setConfig(config);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Authentication);
        QCOMPARE(rec.error().httpStatus, 401);
        QVERIFY(rec.error().message.contains(QStringLiteral("refused")));
        QCOMPARE(f.apiRequests(), 0);
        QCOMPARE(f.tokenRequests(), 1); // refused credentials are not retried
    }
};

QTEST_GUILESS_MAIN(TestClientRetries)
#include "tst_client_retries.moc"
