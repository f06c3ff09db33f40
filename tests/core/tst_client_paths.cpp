// Organization ids in request paths (issue 23, point 1): "." and ".." never reach the wire
// (FieldRules refuses them before anything is sent, the token request included), ids that look
// like encoded dots stay one segment, and a URL that Qt would re-resolve is never sent.

#include "ClientTestSupport.h"
#include "HostileServer.h"
#include "HttpSupport.h"

#include <QNetworkAccessManager>
#include <QUrl>

using namespace testsupport;

namespace {

const QByteArray kConnection =
    R"({"id":"c1","identifier":"https://idp.example","client_id":"app","client_secret_set":false,)"
    R"("created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"})";

// The five operations that put an organization in the path, each awaited.
enum class Op { GetOrganization, GetConnection, Enable, Update, Disable };

QString opName(Op op)
{
    switch (op) {
    case Op::GetOrganization:
        return QStringLiteral("get");
    case Op::GetConnection:
        return QStringLiteral("sso-get");
    case Op::Enable:
        return QStringLiteral("enable");
    case Op::Update:
        return QStringLiteral("update");
    case Op::Disable:
        return QStringLiteral("disable");
    }
    return {};
}

// Runs `op` for `organization` and returns its error (Kind::None on success).
ApiError runOp(KeycardClient &client, Op op, const QString &organization)
{
    switch (op) {
    case Op::GetOrganization:
        return awaitCall<Organization>(
                   "get", [&](auto cb) { client.getOrganization(organization, nullptr, cb); })
            .result()
            .error();
    case Op::GetConnection:
        return awaitCall<SsoConnection>(
                   "sso get", [&](auto cb) { client.getSsoConnection(organization, nullptr, cb); })
            .result()
            .error();
    case Op::Enable:
        return awaitCall<EnableOutcome>(
                   "enable",
                   [&](auto cb) {
                       client.enableSso(
                           organization,
                           ssoCreate(QStringLiteral("https://idp.example"), QStringLiteral("app")),
                           nullptr, cb);
                   })
            .result()
            .error();
    case Op::Update: {
        SsoConnectionUpdate body;
        body.clientId = QStringLiteral("app2");
        return awaitCall<SsoConnection>(
                   "update", [&](auto cb) { client.updateSso(organization, body, nullptr, cb); })
            .result()
            .error();
    }
    case Op::Disable:
        return awaitCall<Done>("disable",
                               [&](auto cb) { client.disableSso(organization, nullptr, cb); })
            .result()
            .error();
    }
    return {};
}

// A server that answers every request with a 200 carrying `body` (204 for DELETE).
HostileServer::Behaviour answering(const QByteArray &body)
{
    return [body](QTcpSocket *socket, const RawRequest &request) {
        if (request.requestLine().startsWith("DELETE "))
            socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
        else
            socket->write(HostileServer::response(
                request.requestLine().startsWith("POST ") ? 201 : 200, body));
    };
}

// A client with a ready bearer token (no token request) and no retries.
std::unique_ptr<KeycardClient>
clientFor(QNetworkAccessManager &nam, const QUrl &base,
          Credentials credentials = Credentials::bearerToken(Secret(QStringLiteral("tok"))))
{
    ClientConfig config;
    config.baseUrl = base;
    config.credentials = std::move(credentials);
    config.retry.maxRetries = 0;
    config.requestTimeoutMs = 15000;
    return std::make_unique<KeycardClient>(&nam, config);
}

} // namespace

Q_DECLARE_METATYPE(Op)

class TestClientPaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dotIdsAreNeverSent_data()
    {
        QTest::addColumn<Op>("op");
        QTest::addColumn<QString>("organization");
        for (Op op :
             {Op::GetOrganization, Op::GetConnection, Op::Enable, Op::Update, Op::Disable}) {
            for (const char *id : {".", ".."}) {
                QTest::addRow("%s %s", qPrintable(opName(op)), id) << op << QString::fromLatin1(id);
            }
        }
    }
    void dotIdsAreNeverSent()
    {
        QFETCH(Op, op);
        QFETCH(QString, organization);
        HostileServer server(answering(kConnection));
        QNetworkAccessManager nam;
        // A service account: not even the token request may go out for a refused id.
        auto client = clientFor(nam, server.baseUrl(),
                                Credentials::serviceAccount(kClientId, Secret(kClientSecret)));
        const ApiError error = runOp(*client, op, organization);
        QCOMPARE(error.kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(error.field, QStringLiteral("organization_id"));
        QVERIFY2(error.message.contains(QStringLiteral("“..”")), qPrintable(error.message));
        QCOMPARE(server.requests().size(), 0);
    }

    // What looks like an encoded dot is what the user typed: sent as one segment, "%" as %25,
    // so the server reads the id back unchanged and no path is re-resolved.
    void encodedLookalikesStayOneSegment_data()
    {
        QTest::addColumn<Op>("op");
        QTest::addColumn<QString>("organization");
        QTest::addColumn<QByteArray>("expectedPath");
        const QList<std::pair<const char *, QByteArray>> ids = {
            {"%2e%2e", "/organizations/%252e%252e"}, {".%2e", "/organizations/.%252e"},
            {"%2E", "/organizations/%252E"},         {"a/..", "/organizations/a%2F.."},
            {"...", "/organizations/..."},
        };
        for (Op op :
             {Op::GetOrganization, Op::GetConnection, Op::Enable, Op::Update, Op::Disable}) {
            for (const auto &[id, path] : ids) {
                const QByteArray suffix = op == Op::GetOrganization ? "" : "/sso-connection";
                QTest::addRow("%s %s", qPrintable(opName(op)), id)
                    << op << QString::fromLatin1(id) << path + suffix;
            }
        }
    }
    void encodedLookalikesStayOneSegment()
    {
        QFETCH(Op, op);
        QFETCH(QString, organization);
        QFETCH(QByteArray, expectedPath);
        HostileServer server(answering(op == Op::GetOrganization
                                           ? QByteArray(R"({"id":"a1","name":"A","label":"a",)"
                                                        R"("sso_enabled":false,)"
                                                        R"("created_at":"2024-01-01T00:00:00Z",)"
                                                        R"("updated_at":"2024-01-01T00:00:00Z"})")
                                           : kConnection));
        QNetworkAccessManager nam;
        auto client = clientFor(nam, server.baseUrl());
        const ApiError error = runOp(*client, op, organization);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QCOMPARE(server.requests().size(), 1);
        const QList<QByteArray> requestLine = server.requests().first().requestLine().split(' ');
        QCOMPARE(requestLine.size(), 3);
        QCOMPARE(requestLine.at(1).split('?').first(), expectedPath);
        // The server's own decoding gives back the id as typed, in one segment.
        const QByteArray segment = requestLine.at(1).split('/').value(2).split('?').first();
        QCOMPARE(QUrl::fromPercentEncoding(segment), organization);
    }

    // The last line of defence: a URL with a dot segment (here from the base URL's path) is
    // never sent, whatever produced it.
    void urlsThatWouldBeResolvedAreNotSent_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("..") << QStringLiteral("/api/..");
        QTest::newRow("%2e%2e") << QStringLiteral("/api/%2e%2e");
        QTest::newRow(".%2e") << QStringLiteral("/api/.%2e");
        QTest::newRow(".") << QStringLiteral("/api/.");
    }
    void urlsThatWouldBeResolvedAreNotSent()
    {
        QFETCH(QString, prefix);
        HostileServer server(answering(kConnection));
        QNetworkAccessManager nam;
        QUrl base = server.baseUrl();
        base.setPath(prefix, QUrl::StrictMode);
        auto client = clientFor(nam, base);
        const ApiError error = runOp(*client, Op::Disable, QStringLiteral("acme"));
        QCOMPARE(error.kind, ApiError::Kind::InvalidArgument);
        QVERIFY2(error.message.contains(QStringLiteral("not sent")), qPrintable(error.message));
        QCOMPARE(server.requests().size(), 0);
    }

    void hasDotSegment()
    {
        using http::hasDotSegment;
        QVERIFY(hasDotSegment(QUrl(QStringLiteral("https://h/organizations/../sso-connection"))));
        QVERIFY(hasDotSegment(QUrl(QStringLiteral("https://h/a/%2e%2e/b"))));
        QVERIFY(hasDotSegment(QUrl(QStringLiteral("https://h/a/.%2E"))));
        QVERIFY(hasDotSegment(QUrl(QStringLiteral("https://h/./a"))));
        QVERIFY(!hasDotSegment(QUrl(QStringLiteral("https://h/a/.../b"))));
        QVERIFY(!hasDotSegment(QUrl(QStringLiteral("https://h/a/%252e%252e/b"))));
        QVERIFY(!hasDotSegment(QUrl(QStringLiteral("https://h/.well-known/x"))));
        QVERIFY(!hasDotSegment(QUrl(QStringLiteral("https://h"))));
    }
};

QTEST_GUILESS_MAIN(TestClientPaths)
#include "tst_client_paths.moc"
