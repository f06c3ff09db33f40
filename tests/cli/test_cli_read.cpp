// keycardctl's read commands, help, version and error reporting, run as a process.
#include "CliHarness.h"
#include "DemoData.h"
#include "Version.h"

#include <QSet>
#include <QUuid>

using namespace keycard::sandbox;

class TestCliRead : public QObject
{
    Q_OBJECT

private:
    CliHarness harness;

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup() { harness.sandbox.reset(); }

    void helpReadsLikeATool()
    {
        CLI_RUN(top, {QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.startsWith(QLatin1String("Usage: keycardctl")));
        for (const char *part : {"Commands:", "orgs list", "sso enable ORG",
                                 "Environment:", "KEYCARD_API_CLIENT_SECRET",
                                 "Exit status:", "Examples:", "  5  not found", "  6  conflict"})
            QVERIFY2(top.out.contains(QLatin1String(part)), part);

        CLI_RUN(enable,
                {QStringLiteral("sso"), QStringLiteral("enable"), QStringLiteral("--help")});
        QCOMPARE(enable.exitCode, 0);
        QVERIFY(enable.out.startsWith(QLatin1String("Usage: keycardctl sso enable ORG")));
        QVERIFY(enable.out.contains(QLatin1String("--client-secret-stdin")));
        QVERIFY(enable.out.contains(QLatin1String("KEYCARD_SSO_CLIENT_SECRET")));

        CLI_RUN(list, {QStringLiteral("help"), QStringLiteral("orgs"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QLatin1String("--limit N")));

        // Every command's help: the same text from "help WORDS" and "WORDS --help", starting
        // with its usage line, with its options, exit status and examples.
        for (const char *command :
             {"orgs list", "orgs get", "sso get", "sso enable", "sso update", "sso disable"}) {
            const QStringList words = QString::fromLatin1(command).split(QLatin1Char(' '));
            CLI_RUN(viaHelp, QStringList{QStringLiteral("help")} + words);
            CLI_RUN(viaOption, words + QStringList{QStringLiteral("--help")});
            QCOMPARE(viaHelp.exitCode, 0);
            QCOMPARE(viaOption.exitCode, 0);
            QCOMPARE(viaHelp.out, viaOption.out);
            QVERIFY2(viaHelp.out.startsWith(QStringLiteral("Usage: keycardctl %1").arg(command)),
                     command);
            for (const char *part : {"Global options:", "Exit status:", "Examples:"})
                QVERIFY2(viaHelp.out.contains(QLatin1String(part)), command);
            QVERIFY(viaHelp.err.isEmpty());
        }
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void version()
    {
        CLI_RUN(r, {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("keycardctl " KEYCARD_VERSION "\n"));
    }

    void usageErrors()
    {
        CLI_RUN(none, QStringList{});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QLatin1String("missing command")));
        CLI_RUN(unknown,
                {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--bogus")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("unknown option '--bogus'")));
        QVERIFY(unknown.err.contains(QLatin1String("keycardctl orgs list --help")));

        // "help" names a command or nothing; anything else is an error, not the overview.
        CLI_RUN(noTopic, {QStringLiteral("help"), QStringLiteral("bogus")});
        QCOMPARE(noTopic.exitCode, 2);
        QVERIFY(noTopic.out.isEmpty());
        QVERIFY(noTopic.err.contains(QLatin1String("no help for unknown command 'bogus'")));
        CLI_RUN(noCommand,
                {QStringLiteral("help"), QStringLiteral("sso"), QStringLiteral("bogus")});
        QCOMPARE(noCommand.exitCode, 2);
        QVERIFY(noCommand.err.contains(QLatin1String("'sso bogus'")));
        QVERIFY(noCommand.err.contains(QLatin1String("keycardctl sso --help")));
        CLI_RUN(overview, {QStringLiteral("help")});
        QCOMPARE(overview.exitCode, 0);
        QVERIFY(overview.out.startsWith(QLatin1String("Usage: keycardctl")));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void orgsListTable()
    {
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        const QString &header = lines.first();
        QVERIFY(header.startsWith(QLatin1String("NAME")));
        const qsizetype labelColumn = header.indexOf(QLatin1String("LABEL"));
        const qsizetype idColumn = header.indexOf(QLatin1String("ID"), labelColumn);
        const qsizetype ssoColumn = header.indexOf(QLatin1String("SSO"));
        QVERIFY(labelColumn > 0 && idColumn > labelColumn && ssoColumn > idColumn);
        QVERIFY(header.contains(QLatin1String("CREATED")));
        QVERIFY(lines.at(1).startsWith(QLatin1String(demo::kAcme.name)));
        QCOMPARE(lines.at(1).indexOf(QLatin1String("acme")), labelColumn);
        QCOMPARE(lines.at(1).indexOf(QLatin1String(demo::kAcme.id)), idColumn);
        QCOMPARE(lines.at(1).mid(ssoColumn, 7), QStringLiteral("enabled"));
        QCOMPARE(lines.at(2).indexOf(QLatin1String(demo::kGlobex.id)), idColumn);
        QCOMPARE(lines.at(2).mid(ssoColumn, 1), QStringLiteral("—"));
    }

    void orgsListJsonIsTheRawObjects()
    {
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray array = r.outArray();
        const QList<QJsonObject> stored = harness.sandbox->organizations();
        QCOMPARE(array.size(), stored.size());
        for (qsizetype i = 0; i < array.size(); ++i)
            QCOMPARE(array.at(i).toObject(), stored.at(i));
    }

    void orgsListAllStreamsEveryPage()
    {
        harness.sandbox->addGeneratedOrganizations(245);
        const QList<QJsonObject> stored = harness.sandbox->organizations();
        QCOMPARE(stored.size(), 251);
        harness.sandbox->clearRequests();
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--all"),
                    QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("50")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray array = r.outArray();
        QCOMPARE(array.size(), stored.size());
        QSet<QString> ids;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString id = array.at(i).toObject().value(QLatin1String("id")).toString();
            QCOMPARE(id, stored.at(i).value(QLatin1String("id")).toString());
            ids.insert(id);
        }
        QCOMPARE(ids.size(), stored.size());
        const auto requests = harness.apiRequests();
        QCOMPARE(requests.size(), 6); // 251 at 50 per page
        for (const auto &request : requests)
            QCOMPARE(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));

        CLI_RUN(table, {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--all"),
                        QStringLiteral("--limit"), QStringLiteral("100")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count(QLatin1Char('\n')), 252);
    }

    // Pages are printed as they arrive: when the second page fails, the first page's objects
    // are already on stdout (an accumulating implementation would print nothing).
    void orgsListAllPrintsPagesAsTheyArrive()
    {
        harness.sandbox->addGeneratedOrganizations(10);
        int listRequests = 0;
        connect(harness.sandbox.get(), &SandboxServer::requestRecorded, this,
                [&](const RecordedRequest &request) {
                    if (request.path == QLatin1String("/organizations") && ++listRequests == 2) {
                        ScriptedResponse failure;
                        failure.status = 500;
                        failure.shouldRetry = false;
                        harness.sandbox->scriptResponses("GET", request.path, {failure});
                    }
                });
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--all"),
                    QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("4"),
                    QStringLiteral("--retries"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 8);
        QCOMPARE(listRequests, 2);
        QVERIFY(r.out.startsWith(QLatin1String("[\n{")));
        QCOMPARE(r.out.count(QLatin1String("\"id\":")), 4);
        // What arrived stays a valid JSON array (closed after the failure).
        QCOMPARE(r.outArray().size(), 4);
        QVERIFY(r.out.endsWith(QLatin1String("\n]\n")));
        QVERIFY(r.err.startsWith(QLatin1String("keycardctl: Server error")));
        QCOMPARE(r.errorJson().value(QLatin1String("error")).toString(), QStringLiteral("server"));
    }

    void orgsListOnePageTellsTheNextCursor()
    {
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--limit"),
                    QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outArray().size(), 2);
        QVERIFY(r.err.contains(QLatin1String("next page: --after ")));
    }

    void orgsListPermissions()
    {
        CLI_RUN(r,
                {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--permissions")});
        QCOMPARE(r.exitCode, 0);
        const auto requests = harness.apiRequests();
        QCOMPARE(requests.size(), 1);
        QVERIFY(requests.first()
                    .query.toString(QUrl::FullyDecoded)
                    .contains(QLatin1String("permissions")));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.first().endsWith(QLatin1String("UPDATE")));
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String(demo::kStark.name)))
                QVERIFY2(line.endsWith(QLatin1String("no")), qPrintable(line));
            if (line.startsWith(QLatin1String(demo::kAcme.name)))
                QVERIFY2(line.endsWith(QLatin1String("yes")), qPrintable(line));
        }
    }

    void limitOutOfRangeSendsNothing()
    {
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--limit"),
                    QStringLiteral("1001")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--limit: between 1 and 1,000 — 1,001 entered")),
                 qPrintable(r.err));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void orgsGetByLabel()
    {
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("acme")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String(demo::kAcme.id)));
        QVERIFY(r.out.contains(QLatin1String(demo::kAcme.name)));
        QVERIFY(r.out.contains(QLatin1String("enabled")));
        QVERIFY(r.out.contains(QLatin1String("Permissions:")));

        CLI_RUN(json, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("globex"),
                       QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.outObject().value(QLatin1String("id")).toString(),
                 QString::fromLatin1(demo::kGlobex.id));

        CLI_RUN(missing, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("nosuch")});
        QCOMPARE(missing.exitCode, 5);
        QVERIFY(missing.err.startsWith(QLatin1String("keycardctl: Not found:")));
        QVERIFY(missing.out.isEmpty());
    }

    void ssoGetEnabled()
    {
        CLI_RUN(r, {QStringLiteral("sso"), QStringLiteral("get"), QStringLiteral("acme")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String(demo::kAcmeIdentifier)));
        QVERIFY(r.out.contains(QLatin1String(demo::kAcmeClientId)));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Client secret: +set\\n"))));
        QVERIFY(r.out.contains(QLatin1String("Token endpoint:")));

        CLI_RUN(initech, {QStringLiteral("sso"), QStringLiteral("get"), QStringLiteral("initech")});
        QCOMPARE(initech.exitCode, 0);
        QVERIFY(
            initech.out.contains(QRegularExpression(QStringLiteral("Client secret: +not set\\n"))));

        CLI_RUN(wayne, {QStringLiteral("sso"), QStringLiteral("get"), QStringLiteral("wayne")});
        QCOMPARE(wayne.exitCode, 0);
        QVERIFY(wayne.out.contains(QLatin1String("login_url")));
        QVERIFY(wayne.out.contains(QLatin1String("protocols.openid.external_id_claim")));

        CLI_RUN(json, {QStringLiteral("sso"), QStringLiteral("get"), QStringLiteral("wayne"),
                       QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.outObject().contains(QLatin1String("login_url")));
    }

    void ssoGetNotEnabled()
    {
        CLI_RUN(r, {QStringLiteral("sso"), QStringLiteral("get"), QStringLiteral("globex")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QLatin1String("SSO is not enabled for globex")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        CLI_RUN(org, {QStringLiteral("sso"), QStringLiteral("get"), QStringLiteral("no-such-org")});
        QCOMPARE(org.exitCode, 5);
        QVERIFY2(org.err.contains(QLatin1String("No organization")), qPrintable(org.err));

        CLI_RUN(json, {QStringLiteral("--json"), QStringLiteral("sso"), QStringLiteral("get"),
                       QStringLiteral("globex")});
        QCOMPARE(json.exitCode, 5);
        const QJsonObject error = json.errorJson();
        QCOMPARE(error.value(QLatin1String("error")).toString(), QStringLiteral("not_found"));
        QCOMPARE(error.value(QLatin1String("status")).toInt(), 404);
        QVERIFY(rulesUuid(error.value(QLatin1String("request_id")).toString()));
    }

    void requestIdReachesTheServer()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        CLI_RUN(r, {QStringLiteral("--request-id"), id, QStringLiteral("sso"),
                    QStringLiteral("get"), QStringLiteral("globex")});
        QCOMPARE(r.exitCode, 5);
        const auto requests = harness.apiRequests();
        QVERIFY(!requests.isEmpty());
        QCOMPARE(requests.first().path, QStringLiteral("/organizations/globex/sso-connection"));
        QCOMPARE(requests.first().requestId(), id);
        QVERIFY2(r.err.contains(id), qPrintable(r.err));

        CLI_RUN(bad, {QStringLiteral("orgs"), QStringLiteral("list"),
                      QStringLiteral("--request-id"), QStringLiteral("not-a-uuid")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("keycardctl: --request-id: Not a UUID")));
    }

    void insecureBaseUrlRefused()
    {
        CLI_RUN(r, {QStringLiteral("--base-url"), QStringLiteral("http://api.example.com"),
                    QStringLiteral("orgs"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--base-url: Refusing plain http://")),
                 qPrintable(r.err));

        QProcessEnvironment env = harness.environment();
        env.insert(QStringLiteral("KEYCARD_API_BASE_URL"), QStringLiteral("http://10.1.2.3"));
        CLI_RUN(fromEnv, {QStringLiteral("orgs"), QStringLiteral("list")}, env);
        QCOMPARE(fromEnv.exitCode, 2);
        QVERIFY(
            fromEnv.err.contains(QLatin1String("KEYCARD_API_BASE_URL: Refusing plain http://")));
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void wrongCredentials()
    {
        QProcessEnvironment env = harness.environment();
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_SECRET"),
                   QStringLiteral("wrong-secret-value"));
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("list")}, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.startsWith(QLatin1String("keycardctl: Authentication failed")));
        QVERIFY(!r.err.contains(QLatin1String("wrong-secret-value")));

        env.remove(QStringLiteral("KEYCARD_API_CLIENT_ID"));
        env.remove(QStringLiteral("KEYCARD_API_CLIENT_SECRET"));
        harness.sandbox->clearRequests();
        CLI_RUN(none, {QStringLiteral("orgs"), QStringLiteral("list")}, env);
        QCOMPARE(none.exitCode, 3);
        QVERIFY(none.err.contains(QLatin1String("KEYCARD_API_API_KEY")));
        QVERIFY(harness.sandbox->requests().isEmpty());

        env.insert(QStringLiteral("KEYCARD_API_API_KEY"), harness.sandbox->issueToken());
        CLI_RUN(token, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("acme")},
                env);
        QCOMPARE(token.exitCode, 0);
    }

    void networkFailure()
    {
        const QProcessEnvironment env = harness.environment();
        harness.sandbox.reset(); // nothing listens on that port any more
        CLI_RUN(r,
                {QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("orgs"),
                 QStringLiteral("list")},
                env);
        QCOMPARE(r.exitCode, 7);
        QVERIFY(r.err.startsWith(QLatin1String("keycardctl: Network error")));
    }

    void retriesAreReportedWithVerbose()
    {
        ScriptedResponse unavailable;
        unavailable.status = 503;
        unavailable.retryAfter = QStringLiteral("0");
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme"),
                                         {unavailable});
        CLI_RUN(r, {QStringLiteral("orgs"), QStringLiteral("get"), QStringLiteral("acme"),
                    QStringLiteral("--verbose")});
        QCOMPARE(r.exitCode, 0);
        const auto requests = harness.apiRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).requestId(), requests.at(1).requestId());
        QVERIFY2(r.err.contains(QStringLiteral("request %1: HTTP 503, attempt 2 in 0 ms")
                                    .arg(requests.at(0).requestId())),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(
            QStringLiteral("keycardctl: request id %1\n").arg(requests.at(0).requestId())));
        QVERIFY(!r.err.contains(harness.sandbox->options().clientSecret));
    }

    void timeout()
    {
        harness.sandbox->setLatency(3000);
        CLI_RUN(r, {QStringLiteral("--timeout"), QStringLiteral("0.2"), QStringLiteral("--retries"),
                    QStringLiteral("0"), QStringLiteral("orgs"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.startsWith(QLatin1String("keycardctl: Timed out")), qPrintable(r.err));
    }

private:
    static bool rulesUuid(const QString &text) { return !QUuid::fromString(text).isNull(); }
};

QTEST_GUILESS_MAIN(TestCliRead)
#include "test_cli_read.moc"
