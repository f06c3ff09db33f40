// keycardctl's exit-status table (README, app/cli/ExitCodes.h) end to end, for the rows and
// hostile answers no other test covers: 1 (a declined confirmation, output that cannot be
// written), 2 (422), 7 (TLS; a server that drips its answer under --timeout), 8 (429); and
// what a server sends never reaching the terminal unsanitized or with a client secret.
#include "CliHarness.h"
#include "DemoData.h"
#include "TestSkip.h"

#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

using namespace keycard::sandbox;

using clitest::args;

namespace {

// A server that accepts, sends a response head promising a long body, then one byte of it
// every 50 ms: never idle, never done.
class DrippingServer : public QTcpServer
{
public:
    DrippingServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 100000\r\n\r\n{\"items\":[");
                auto *timer = new QTimer(socket);
                connect(timer, &QTimer::timeout, socket, [socket] { socket->write(" "); });
                timer->start(50);
            }
        });
    }
};

} // namespace

class TestCliExitCodes : public QObject
{
    Q_OBJECT

private:
    CliHarness harness;

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup() { harness.sandbox.reset(); }

    void declinedConfirmationExits1()
    {
        // `script` gives keycardctl a terminal to ask on; the answer is "n".
        QProcess process;
        process.setProcessEnvironment(harness.environment());
        QSignalSpy started(&process, &QProcess::started);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral("script"),
                      {QStringLiteral("-qec"),
                       QStringLiteral("'%1' sso disable acme").arg(QStringLiteral(KEYCARDCTL_PATH)),
                       QStringLiteral("/dev/null")});
        QVERIFY(!started.isEmpty() || started.wait(20000));
        process.write("n\n");
        QVERIFY(finished.wait(60000));
        const QByteArray shown = process.readAll();
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(shown.contains("Disable SSO for acme?"), shown.constData());
        QVERIFY2(shown.contains("not disabled"), shown.constData());
        QVERIFY(harness.sandbox->connection(QStringLiteral("acme")).has_value());
        for (const auto &request : harness.apiRequests())
            QVERIFY(request.method != "DELETE");
    }

    void unwritableOutputExits1()
    {
        QProcess process;
        process.setProcessEnvironment(harness.environment());
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(KEYCARDCTL_PATH), args({"orgs", "list"}));
        QVERIFY(finished.wait(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(!process.readAllStandardError().isEmpty());
    }

    void validationErrorExits2()
    {
        ScriptedResponse invalid;
        invalid.status = 422;
        invalid.body = R"({"message":"identifier is not reachable","code":"validation_error",)"
                       R"("status":422,"field":"identifier"})";
        harness.sandbox->scriptResponses(
            "POST", QStringLiteral("/organizations/globex/sso-connection"), {invalid});
        CLI_RUN(r, args({"sso", "enable", "globex", "--identifier", "https://globex.okta.com",
                         "--client-id", "abc"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("identifier is not reachable")), qPrintable(r.err));
    }

    void rateLimitedExits8()
    {
        ScriptedResponse limited;
        limited.status = 429;
        limited.retryAfter = QStringLiteral("0");
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme"),
                                         {limited, limited, limited, limited});
        CLI_RUN(r, args({"--retries", "1", "orgs", "get", "acme"}));
        QCOMPARE(r.exitCode, 8);
        QCOMPARE(harness.apiRequests().size(), 2); // retried once, as asked, then gave up
    }

    void tlsFailureExits7()
    {
        // A TLS server whose certificate (self-signed, made here) nobody trusts.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        QSignalSpy done(&openssl, &QProcess::finished);
        QSignalSpy failed(&openssl, &QProcess::errorOccurred);
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                       keyPath, QStringLiteral("-out"), certPath});
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 60000);
        if (!failed.isEmpty() && done.isEmpty())
            KEYCARD_SKIP(QStringLiteral("openssl is not installed (scripts/install-deps.sh)"));
        QCOMPARE(openssl.exitCode(), 0);
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));

        const QString base = QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort());
        CLI_RUN(r,
                QStringList{QStringLiteral("--base-url"), base, QStringLiteral("--retries"),
                            QStringLiteral("0"), QStringLiteral("orgs"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains(QLatin1String("TLS"), Qt::CaseInsensitive) ||
                     r.err.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
                 qPrintable(r.err));
    }

    void drippingServerEndsAtTheTimeout()
    {
        DrippingServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QProcessEnvironment env = harness.environment();
        env.insert(QStringLiteral("KEYCARD_API_API_KEY"), QStringLiteral("ready-token"));
        CLI_RUN(r,
                QStringList{QStringLiteral("--base-url"),
                            QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()),
                            QStringLiteral("--timeout"), QStringLiteral("1"),
                            QStringLiteral("--retries"), QStringLiteral("0"),
                            QStringLiteral("orgs"), QStringLiteral("list")},
                env);
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.startsWith(QLatin1String("keycardctl: Timed out")), qPrintable(r.err));
    }

    void invisibleAndControlCharactersAreReplaced()
    {
        // DEL, a C1 control (NEL), the line separator and a right-to-left override.
        const QString name = QStringLiteral("A\u007fB\u0085C\u2028D\u202eE");
        const QByteArray item =
            QJsonDocument(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("label"), QStringLiteral("a")},
                            {QStringLiteral("sso_enabled"), false},
                            {QStringLiteral("created_at"), QStringLiteral("2024-01-01T00:00:00Z")},
                            {QStringLiteral("updated_at"), QStringLiteral("2024-01-01T00:00:00Z")}})
                .toJson(QJsonDocument::Compact);
        ScriptedResponse page;
        page.body = "{\"items\":[" + item +
                    "],\"page_info\":{\"has_next_page\":false,\"has_prev_page\":false,"
                    "\"end_cursor\":null}}";
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations"), {page});
        CLI_RUN(r, args({"orgs", "list"}));
        QCOMPARE(r.exitCode, 0);
        for (const char16_t bad : {u'\u007f', u'\u0085', u'\u2028', u'\u202e'})
            QVERIFY2(!r.out.contains(QChar(bad)), qPrintable(QString::number(int(bad), 16)));
        QVERIFY2(r.out.contains(QStringLiteral("A\uFFFDB\uFFFDC\uFFFDD\uFFFDE")),
                 qPrintable(r.out));
    }

    void clientSecretSentBackIsNeverShown()
    {
        ScriptedResponse connection;
        connection.body =
            R"({"id":"conn_1","identifier":"https://acme.okta.com","client_id":"abc",)"
            R"("client_secret_set":true,"client_secret":"server-sent-secret",)"
            R"("created_at":"2024-01-01T00:00:00Z","extra":{"client_secret":"nested-secret"}})";
        for (const bool json : {false, true}) {
            harness.sandbox->scriptResponses(
                "GET", QStringLiteral("/organizations/acme/sso-connection"), {connection});
            QStringList arguments = args({"sso", "get", "acme"});
            if (json)
                arguments << QStringLiteral("--json");
            CLI_RUN(r, arguments);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QLatin1String("https://acme.okta.com")), qPrintable(r.out));
            for (const char *secret : {"server-sent-secret", "nested-secret"}) {
                QVERIFY2(!r.out.contains(QLatin1String(secret)), qPrintable(r.out));
                QVERIFY2(!r.err.contains(QLatin1String(secret)), qPrintable(r.err));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliExitCodes)
#include "test_cli_exit_codes.moc"
