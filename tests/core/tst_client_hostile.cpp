// Hostile and broken servers (docs/hostile-servers.md): every case ends in bounded time and
// memory, with an accurate error, and no secret in any encoding in the error text.

#include "ClientTestSupport.h"
#include "HostileServer.h"
#include "HttpSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace testsupport;
using sandbox::ScriptedResponse;

namespace {

QByteArray page(const QStringList &ids, bool hasNext, const QJsonValue &cursor)
{
    QJsonArray items;
    for (const QString &id : ids)
        items.append(
            QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("name"), id},
                        {QStringLiteral("label"), id},
                        {QStringLiteral("sso_enabled"), false},
                        {QStringLiteral("created_at"), QStringLiteral("2024-01-01T00:00:00Z")},
                        {QStringLiteral("updated_at"), QStringLiteral("2024-01-01T00:00:00Z")}});
    QJsonObject info{{QStringLiteral("has_next_page"), hasNext},
                     {QStringLiteral("has_prev_page"), false},
                     {QStringLiteral("end_cursor"), cursor}};
    return QJsonDocument(
               QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("page_info"), info}})
        .toJson(QJsonDocument::Compact);
}

QString errorText(const ApiError &e)
{
    return e.toString() + QLatin1Char('\n') +
           QString::fromUtf8(QJsonDocument(e.toJson()).toJson()) + e.code + e.field;
}

// A client for a raw server, with a ready bearer token and no retries.
struct RawClient
{
    explicit RawClient(const QUrl &base, int timeoutMs = 15000, bool serviceAccount = false)
    {
        ClientConfig config;
        config.baseUrl = base;
        config.credentials = serviceAccount
                                 ? Credentials::serviceAccount(kClientId, Secret(kClientSecret))
                                 : Credentials::bearerToken(Secret(QStringLiteral("tok")));
        config.retry.maxRetries = 0;
        config.retry.delayScale = 0.001;
        config.requestTimeoutMs = timeoutMs;
        client = std::make_unique<KeycardClient>(&nam, config);
    }
    Recorder<Organization> get(const QString &org)
    {
        return awaitCall<Organization>("getOrganization",
                                       [&](auto cb) { client->getOrganization(org, nullptr, cb); });
    }
    QNetworkAccessManager nam;
    std::unique_ptr<KeycardClient> client;
};

const QByteArray kAcme =
    R"({"id":"a1","name":"Acme","label":"acme","sso_enabled":false,)"
    R"("created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"})";

} // namespace

class TestClientHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- cursor loops ---------------------------------------------------------------------
    void cursorCycleStops()
    {
        Fixture f;
        const QString path = QStringLiteral("/organizations");
        f.server->scriptResponses("GET", path,
                                  {status(200, {}, {}, page({"a", "b"}, true, QStringLiteral("A"))),
                                   status(200, {}, {}, page({"c", "d"}, true, QStringLiteral("B"))),
                                   status(200, {}, {}, page({"e", "f"}, true, QStringLiteral("A"))),
                                   status(200, {}, {}, page({"g"}, true, QStringLiteral("B")))});
        QStringList ids;
        Recorder<ListAllOutcome> rec;
        f.client->listAllOrganizations(
            ListOrganizationsRequest{}, this,
            [&](const OrganizationPage &p) {
                for (const auto &o : p.items)
                    ids << o.id;
            },
            rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(rec.value().stop, PagingStop::RepeatedCursor);
        QCOMPARE(rec.value().items, 6);
        QCOMPARE(ids, QStringList({"a", "b", "c", "d", "e", "f"})); // kept what was loaded
        QVERIFY(rec.value().stopMessage().contains(QStringLiteral("already sent")));
        QCOMPARE(f.requestsTo("GET", path).size(), 3);
    }

    void moreWithoutCursorStops()
    {
        Fixture f;
        f.server->scriptResponses("GET", QStringLiteral("/organizations"),
                                  {status(200, {}, {}, page({"a"}, true, QJsonValue::Null))});
        Recorder<ListAllOutcome> rec;
        f.client->listAllOrganizations(ListOrganizationsRequest{}, this, {}, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(rec.value().stop, PagingStop::MissingCursor);
        QCOMPARE(rec.value().items, 1);
        QCOMPARE(f.requestsTo("GET", QStringLiteral("/organizations")).size(), 1);
    }

    void maxItemsCutsThePage()
    {
        sandbox::SandboxOptions options;
        options.extraOrganizations = 30;
        Fixture f(options);
        ListOrganizationsRequest request;
        request.limit = 5;
        qint64 delivered = 0;
        Recorder<ListAllOutcome> rec;
        f.client->listAllOrganizations(
            request, this, [&](const OrganizationPage &p) { delivered += p.items.size(); },
            rec.callback(), {}, 12);
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(rec.value().stop, PagingStop::ItemLimit);
        QCOMPARE(rec.value().items, 12);
        QCOMPARE(delivered, 12);
        QCOMPARE(f.requestsTo("GET", QStringLiteral("/organizations")).size(), 3);
    }

    // --- deadlines and caps ---------------------------------------------------------------
    void drippedBodyHitsTheDeadline()
    {
        HostileServer server([](QTcpSocket *socket, const RawRequest &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 4000\r\n\r\n");
            HostileServer::repeat(socket, " ", 20); // always a byte before the idle timeout
        });
        RawClient c(server.baseUrl(), 600);
        QElapsedTimer timer;
        timer.start();
        const auto rec = c.get(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Timeout);
        QVERIFY2(rec.error().message.contains(QStringLiteral("no complete response")),
                 qPrintable(rec.error().message));
        QVERIFY(timer.elapsed() < 10000); // bounded: well before any idle timeout would help
    }

    void endlessChunkedBodyHitsTheDeadline()
    {
        HostileServer server([](QTcpSocket *socket, const RawRequest &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n");
            HostileServer::repeat(socket, "1\r\n \r\n", 20);
        });
        RawClient c(server.baseUrl(), 600);
        const auto rec = c.get(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Timeout);
    }

    void headerFloodIsRefused_data()
    {
        QTest::addColumn<int>("lines");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("kind");
        // Over 64 KiB of headers: refused as soon as they are in.
        QTest::newRow("bytes") << 60 << 2000 << int(ApiError::Kind::MalformedResponse);
        // Over 100 fields: Qt 6.4's own parser stops reading there and the reply stalls; the
        // attempt deadline ends it.
        QTest::newRow("fields") << 5000 << 10 << int(ApiError::Kind::Timeout);
    }
    void headerFloodIsRefused()
    {
        QFETCH(int, lines);
        QFETCH(int, length);
        QFETCH(int, kind);
        HostileServer server([lines, length](QTcpSocket *socket, const RawRequest &) {
            QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
            for (int i = 0; i < lines; ++i)
                head +=
                    "X-Flood-" + QByteArray::number(i) + ": " + QByteArray(length, 'x') + "\r\n";
            socket->write(head + "Content-Length: " + QByteArray::number(kAcme.size()) +
                          "\r\n\r\n" + kAcme);
        });
        RawClient c(server.baseUrl(), 2000);
        const auto rec = c.get(QStringLiteral("acme"));
        QCOMPARE(int(rec.error().kind), kind);
        if (rec.error().kind == ApiError::Kind::MalformedResponse)
            QVERIFY2(rec.error().message.contains(QStringLiteral("headers too large")),
                     qPrintable(rec.error().message));
    }

    void decompressionBombIsTooLarge()
    {
        // 64 MiB of zeros, deflated to a few tens of KiB: past the 16 MiB cap once inflated.
        const QByteArray inflated = "{\"id\":\"" + QByteArray(64 * 1024 * 1024, '0') + "\"}";
        const QByteArray deflated = qCompress(inflated, 9).mid(4); // zlib stream, no length
        HostileServer server([deflated](QTcpSocket *socket, const RawRequest &) {
            socket->write(HostileServer::response(200, deflated, {"Content-Encoding: deflate"}));
        });
        RawClient c(server.baseUrl());
        const auto rec = c.get(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(rec.error().message.contains(QStringLiteral("too large")),
                 qPrintable(rec.error().message));
    }

    void compressedBodyWithinTheCapIsReadWhole()
    {
        // 4 MiB inflated (under the cap), a few KiB on the wire: every byte arrives.
        const QByteArray name(4 * 1024 * 1024, 'n');
        const QByteArray inflated =
            QByteArray(kAcme).replace("\"Acme\"", QByteArray('"' + name + '"'));
        const QByteArray deflated = qCompress(inflated, 9).mid(4); // zlib stream, no length
        HostileServer server([deflated](QTcpSocket *socket, const RawRequest &) {
            socket->write(HostileServer::response(200, deflated, {"Content-Encoding: deflate"}));
        });
        RawClient c(server.baseUrl());
        const auto rec = c.get(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(rec.value().name.size(), name.size());
        QCOMPARE(rec.value().label, QStringLiteral("acme"));
    }

    // --- secrets --------------------------------------------------------------------------
    void everyEncodingOfEverySecretIsRedacted()
    {
        sandbox::SandboxOptions options;
        options.clientSecret = QStringLiteral("s3cr\"t/\u00e9 p+w&d");
        Fixture f(options);
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials::serviceAccount(kClientId, Secret(options.clientSecret));
        config.retry.maxRetries = 0;
        f.client->setConfig(config);
        const QString secret = options.clientSecret;
        const QString idpSecret = QStringLiteral("idp\"sec/ret \u00fc");
        const QByteArray basic =
            QByteArray(QUrl::toPercentEncoding(kClientId) + ':' + QUrl::toPercentEncoding(secret))
                .toBase64();
        const auto jsonEscaped = [](const QString &s) {
            const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
            return a.mid(2, a.size() - 4);
        };
        QList<QByteArray> forms{basic,
                                QUrl::toPercentEncoding(secret),
                                jsonEscaped(secret),
                                secret.toUtf8().toBase64(),
                                QUrl::toPercentEncoding(idpSecret),
                                jsonEscaped(idpSecret)};
        QByteArray echo;
        for (const QByteArray &form : forms)
            echo += "[" + form + "] ";
        // The server's message echoes the request in every encoding; JSON-escape it once more
        // to put it into the error body.
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("message"), QString::fromUtf8(echo)},
                                      {QStringLiteral("code"), QString::fromUtf8(basic)}})
                .toJson(QJsonDocument::Compact);
        f.server->scriptResponses("POST", orgPath("globex", "/sso-connection"),
                                  {status(422, {}, {}, body)});
        const auto rec = f.enableSso(
            QStringLiteral("globex"),
            ssoCreate(QStringLiteral("https://idp.example.com"), QStringLiteral("c"), idpSecret));
        QCOMPARE(rec.error().kind, ApiError::Kind::Validation);
        const QString text = errorText(rec.error());
        QVERIFY2(text.contains(QStringLiteral("<redacted>")), qPrintable(text));
        for (const QByteArray &form : forms)
            QVERIFY2(!text.contains(QString::fromUtf8(form)), form.constData());
        QVERIFY(!text.contains(secret));
        QVERIFY(!text.contains(idpSecret));

        // The bearer token, as the API would echo it.
        ClientConfig bearer = sandboxClientConfig(*f.server);
        const QString token = f.server->issueToken();
        bearer.credentials = Credentials::bearerToken(Secret(token));
        f.client->setConfig(bearer);
        f.server->scriptResponses(
            "GET", orgPath("acme"),
            {status(400, {}, {}, "{\"message\":\"bad header Bearer " + token.toUtf8() + "\"}")});
        const auto got = f.getOrganization(QStringLiteral("acme"));
        QVERIFY(!errorText(got.error()).contains(token));
        QVERIFY(got.error().message.contains(QStringLiteral("<redacted>")));
    }

    void shortSecretLeavesOurWordsAlone()
    {
        sandbox::SandboxOptions options;
        options.clientSecret = QStringLiteral("b");
        Fixture f(options);
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials::serviceAccount(kClientId, Secret(QStringLiteral("b")));
        config.retry.maxRetries = 0;
        f.client->setConfig(config);
        // (The server's own words are redacted: a "b" in its message would be.)
        f.server->scriptResponses("POST", QStringLiteral("/service-account-token"),
                                  {status(503, {}, {}, "{\"message\":\"overloaded\"}")});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Server);
        QVERIFY2(rec.error().message.contains(QStringLiteral("could not obtain an access token")),
                 qPrintable(rec.error().message));
        QVERIFY(!rec.error().toString().contains(QStringLiteral("<redacted>")));
    }

    // --- injection ------------------------------------------------------------------------
    void tokenWithLineBreakIsMalformed_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("crlf") << QStringLiteral("abc\r\nX-Injected: 1");
        QTest::newRow("whole request")
            << QStringLiteral("abc\r\n\r\nDELETE /organizations/acme/sso-connection HTTP/1.1\r\n");
        QTest::newRow("space") << QStringLiteral("abc def");
        QTest::newRow("padding inside") << QStringLiteral("ab=c");
    }
    void tokenWithLineBreakIsMalformed()
    {
        QFETCH(QString, token);
        Fixture f;
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("access_token"), token},
                                      {QStringLiteral("token_type"), QStringLiteral("Bearer")}})
                .toJson(QJsonDocument::Compact);
        f.server->scriptResponses("POST", QStringLiteral("/service-account-token"),
                                  {status(200, {}, {}, body)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(rec.error().field, QStringLiteral("access_token"));
        QCOMPARE(f.apiRequests(), 0); // nothing was sent with that token
        QVERIFY(!errorText(rec.error()).contains(token));
    }

    void acceptsEveryB64TokenCharacter()
    {
        QVERIFY(http::isBearerTokenSyntax(QStringLiteral("aZ09-._~+/==")));
        QVERIFY(!http::isBearerTokenSyntax(QStringLiteral("=")));
        QVERIFY(!http::isBearerTokenSyntax(QString()));
        QVERIFY(!http::isBearerTokenSyntax(QStringLiteral("t\u00e9")));
    }

    // --- blaming the wrong thing ----------------------------------------------------------
    void tokenEndpointNotFoundIsNotTheOrganization()
    {
        Fixture f;
        f.server->scriptResponses("POST", QStringLiteral("/service-account-token"), {status(404)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Authentication);
        QCOMPARE(rec.error().httpStatus, 404);
        QVERIFY(rec.error().message.startsWith(QStringLiteral("could not obtain an access token")));
        QCOMPARE(f.tokenRequests(), 1);
        QCOMPARE(f.apiRequests(), 0);
    }

    void tokenEndpointRedirectIsNotRetried()
    {
        Fixture f;
        f.server->scriptResponses("POST", QStringLiteral("/service-account-token"),
                                  {status(302), status(302), status(302)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Network);
        QVERIFY2(rec.error().message.contains(QStringLiteral("redirect")),
                 qPrintable(rec.error().message));
        QVERIFY(!rec.error().toString().startsWith(ApiError::kindTitle(ApiError::Kind::Server)));
        QCOMPARE(f.tokenRequests(), 1);
    }

    void apiRedirectIsNotRetried()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"),
                                  {status(301, {}, true), status(301), status(301)});
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        QCOMPARE(rec.error().kind, ApiError::Kind::Network);
        QCOMPARE(rec.error().httpStatus, 301);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).size(), 1);
    }

    void hugeExpiresInIsClamped_data()
    {
        QTest::addColumn<QByteArray>("expiresIn");
        QTest::newRow("huge") << QByteArray("9300000000000000");
        QTest::newRow("1e300") << QByteArray("1e300");
        QTest::newRow("negative") << QByteArray("-9300000000000000");
        QTest::newRow("huge string") << QByteArray("\"99999999999999999999999\"");
    }
    void hugeExpiresInIsClamped()
    {
        QFETCH(QByteArray, expiresIn);
        Fixture f;
        const QString token = f.server->issueToken();
        f.server->scriptResponses(
            "POST", QStringLiteral("/service-account-token"),
            {status(200, {}, {},
                    "{\"access_token\":\"" + token.toUtf8() +
                        "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")});
        const auto first = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(first);
        const auto second = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(second);
    }

    // --- same rules everywhere ------------------------------------------------------------
    void issuerRulesBeforeSending_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::newRow("http remote") << QStringLiteral("http://example.com");
        QTest::newRow("ftp") << QStringLiteral("ftp://idp.example.com");
        QTest::newRow("space") << QStringLiteral("https://my org.okta.com");
        QTest::newRow("query") << QStringLiteral("https://idp.example.com/?tenant=1");
    }
    void issuerRulesBeforeSending()
    {
        QFETCH(QString, identifier);
        Fixture f;
        const auto rec =
            f.enableSso(QStringLiteral("globex"), ssoCreate(identifier, QStringLiteral("client")));
        QCOMPARE(rec.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(rec.error().field, QStringLiteral("identifier"));
        SsoConnectionUpdate update;
        update.identifier = identifier;
        const auto updated = awaitCall<SsoConnection>("updateSso", [&](auto cb) {
            f.client->updateSso(QStringLiteral("acme"), update, nullptr, cb);
        });
        QCOMPARE(updated.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(f.server->requests().size(), 0); // nothing sent, not even a token request
    }
};

QTEST_GUILESS_MAIN(TestClientHostile)
#include "tst_client_hostile.moc"
