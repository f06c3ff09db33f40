// keycardctl facing a hostile or broken server (docs/hostile-servers.md), run as a process.
#include "CliHarness.h"
#include "DemoData.h"

#include <QJsonObject>

using namespace keycard::sandbox;

using clitest::args;

namespace {

QByteArray item(const QString &id, const QString &name = {})
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("name"), name.isEmpty() ? id : name},
                           {QStringLiteral("label"), id},
                           {QStringLiteral("sso_enabled"), false},
                           {QStringLiteral("created_at"), QStringLiteral("2024-01-01T00:00:00Z")},
                           {QStringLiteral("updated_at"), QStringLiteral("2024-01-01T00:00:00Z")}})
        .toJson(QJsonDocument::Compact);
}

ScriptedResponse page(const QList<QByteArray> &items, bool hasNext, const QByteArray &cursor)
{
    ScriptedResponse r;
    r.body = "{\"items\":[" + QByteArrayList(items).join(',') +
             "],\"page_info\":{\"has_next_page\":" + (hasNext ? "true" : "false") +
             ",\"has_prev_page\":false,\"end_cursor\":" + cursor + "}}";
    return r;
}

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT

private:
    CliHarness harness;

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }
    void cleanup() { harness.sandbox.reset(); }

    void cursorCycleKeepsTheRowsAndSaysWhy()
    {
        for (const bool json : {false, true}) {
            harness.sandbox->scriptResponses(
                "GET", QStringLiteral("/organizations"),
                {page({item("a"), item("b")}, true, "\"A\""), page({item("c")}, true, "\"B\""),
                 page({item("d")}, true, "\"A\""), page({item("e")}, true, "\"B\"")});
            QStringList arguments = args({"orgs", "list", "--all"});
            if (json)
                arguments << QStringLiteral("--json");
            CLI_RUN(r, arguments);
            QCOMPARE(r.exitCode, 8); // the server misbehaved
            QVERIFY2(r.err.contains(QLatin1String("already sent; stopped after 4 organizations")),
                     qPrintable(r.err));
            if (json) {
                QCOMPARE(r.outArray().size(), 4); // still one valid array
                QCOMPARE(r.errorJson().value(QLatin1String("error")).toString(),
                         QStringLiteral("malformed_response"));
            } else {
                QCOMPARE(r.out.count(QLatin1Char('\n')), 5); // header and 4 rows
            }
            harness.sandbox->clearFaults();
        }
    }

    void moreWithoutCursorStops()
    {
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations"),
                                         {page({item("a")}, true, "null")});
        CLI_RUN(r, args({"orgs", "list", "--all", "--json"}));
        QCOMPARE(r.exitCode, 8);
        QCOMPARE(r.outArray().size(), 1);
        QVERIFY(r.err.contains(QLatin1String("sent no cursor")));
    }

    void maxItems()
    {
        harness.sandbox->addGeneratedOrganizations(30);
        CLI_RUN(r, args({"orgs", "list", "--all", "--json", "--limit", "5", "--max-items", "12"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outArray().size(), 12);
        QVERIFY2(r.err.contains(QLatin1String("limit of 12 organizations")), qPrintable(r.err));
        QCOMPARE(harness.apiRequests().size(), 3);

        CLI_RUN(one, args({"orgs", "list", "--max-items", "3"}));
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out.count(QLatin1Char('\n')), 4);

        CLI_RUN(bad, args({"orgs", "list", "--max-items", "0"}));
        QCOMPARE(bad.exitCode, 2);
    }

    void incompleteAndSkippedItemsAreNoted()
    {
        harness.sandbox->scriptResponses(
            "GET", QStringLiteral("/organizations"),
            {page({item("a"), "{\"name\":\"no id\"}", "{\"id\":\"b\",\"sso_enabled\":\"yes\"}"},
                  false, "null")});
        CLI_RUN(r, args({"orgs", "list"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 3);
        QVERIFY2(r.err.contains(QLatin1String("1 organization shown with a value unknown")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("1 list item skipped")));
    }

    void controlCharactersAreReplaced()
    {
        const QString evil = QStringLiteral("Evil\x1b]0;pwned\x07\x1b[2J\r\nkeycardctl: forged");
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations"),
                                         {page({item("a", evil)}, false, "null")});
        CLI_RUN(r, args({"orgs", "list"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(QLatin1Char('\x1b')));
        QVERIFY(!r.out.contains(QLatin1Char('\r')));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2); // header and one row, nothing forged
        QVERIFY(r.out.contains(QStringLiteral("Evil\uFFFD]0;pwned")));

        ScriptedResponse error;
        error.status = 400;
        error.body = QJsonDocument(QJsonObject{{QStringLiteral("message"), evil}})
                         .toJson(QJsonDocument::Compact);
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme"), {error});
        CLI_RUN(e, args({"orgs", "get", "acme"}));
        QCOMPARE(e.exitCode, 2);
        QVERIFY(!e.err.contains(QLatin1Char('\x1b')));
        QCOMPARE(e.err.count(QLatin1Char('\n')), 1);
        QVERIFY(!e.err.contains(QLatin1String("\nkeycardctl: forged")));

        // JSON output keeps the value, escaped.
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations"),
                                         {page({item("a", evil)}, false, "null")});
        CLI_RUN(j, args({"orgs", "list", "--json"}));
        QVERIFY(!j.out.contains(QLatin1Char('\x1b')));
        QCOMPARE(j.outArray().at(0).toObject().value(QLatin1String("name")).toString(), evil);
    }

    void tokenEndpointNotFoundIsNotAMissingOrganization()
    {
        for (const char *command : {"orgs", "sso"}) {
            ScriptedResponse notFound;
            notFound.status = 404;
            harness.sandbox->scriptResponses("POST", QStringLiteral("/service-account-token"),
                                             {notFound, notFound});
            CLI_RUN(r, args({command, "get", "acme"}));
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains(QLatin1String("could not obtain an access token")),
                     qPrintable(r.err));
            QVERIFY(!r.err.contains(QLatin1String("No organization")));
            QVERIFY(!r.err.contains(QLatin1String("not enabled")));
            QVERIFY(harness.apiRequests().isEmpty());
            harness.sandbox->clearFaults();
        }
    }

    void tokenEndpointRedirect()
    {
        ScriptedResponse redirect;
        redirect.status = 302;
        harness.sandbox->scriptResponses("POST", QStringLiteral("/service-account-token"),
                                         {redirect, redirect, redirect});
        CLI_RUN(r, args({"orgs", "get", "acme"}));
        QCOMPARE(r.exitCode, 7);
        QVERIFY(!r.err.contains(QLatin1String("Server error")));
        QVERIFY(r.err.contains(QLatin1String("redirect")));
        int tokenRequests = 0;
        for (const auto &request : harness.sandbox->requests())
            tokenRequests += request.path == QLatin1String("/service-account-token");
        QCOMPARE(tokenRequests, 1);
    }

    void issuerRulesRefuseBeforeSending_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::newRow("http") << QStringLiteral("http://example.com");
        QTest::newRow("ftp") << QStringLiteral("ftp://idp.example.com");
        QTest::newRow("space") << QStringLiteral("https://my org.okta.com");
    }
    void issuerRulesRefuseBeforeSending()
    {
        QFETCH(QString, identifier);
        CLI_RUN(r, QStringList{QStringLiteral("sso"), QStringLiteral("enable"),
                               QStringLiteral("globex"), QStringLiteral("--identifier"), identifier,
                               QStringLiteral("--client-id"), QStringLiteral("c")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--identifier: ")));
        CLI_RUN(u, QStringList{QStringLiteral("sso"), QStringLiteral("update"),
                               QStringLiteral("acme"), QStringLiteral("--identifier"), identifier});
        QCOMPARE(u.exitCode, 2);
        QVERIFY(harness.sandbox->requests().isEmpty());
    }

    void totalDeadline()
    {
        // Latency longer than --timeout: the total deadline ends the attempt.
        harness.sandbox->setLatency(5000);
        CLI_RUN(r, args({"--timeout", "0.3", "--retries", "0", "orgs", "get", "acme"}));
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.startsWith(QLatin1String("keycardctl: Timed out")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "test_cli_hostile.moc"
