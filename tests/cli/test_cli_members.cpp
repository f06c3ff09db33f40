// keycardctl users / invitations / sso impact against the in-process sandbox: what the sandbox
// received, standard output and error, exit statuses, the guard of sso disable / sso update,
// and the bad-input cases (hostile members, duplicate ids across pages, a repeating cursor).
#include "CliHarness.h"
#include "DemoData.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using clitest::args;

namespace {

QByteArray page(const QJsonArray &items, bool hasNext, const QString &endCursor = {})
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("items"), items},
                           {QStringLiteral("page_info"),
                            QJsonObject{{QStringLiteral("has_next_page"), hasNext},
                                        {QStringLiteral("has_prev_page"), false},
                                        {QStringLiteral("end_cursor"),
                                         endCursor.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(endCursor)}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject rawMember(const QString &id, const QJsonValue &email, const QString &role,
                      const QString &source)
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("role"), role},
                  {QStringLiteral("status"), QStringLiteral("active")},
                  {QStringLiteral("source"), source},
                  {QStringLiteral("created_at"), QStringLiteral("2024-01-01T00:00:00.000Z")},
                  {QStringLiteral("updated_at"), QStringLiteral("2024-01-01T00:00:00.000Z")}};
    if (!email.isUndefined())
        o.insert(QStringLiteral("email"), email);
    return o;
}

keycard::sandbox::ScriptedResponse ok(const QByteArray &body)
{
    keycard::sandbox::ScriptedResponse r;
    r.status = 200;
    r.body = body;
    return r;
}

} // namespace

class TestCliMembers : public QObject
{
    Q_OBJECT

    CliHarness harness;

    QString memberId(const char *org, int index) const
    {
        return harness.sandbox->members(QLatin1String(org))
            .at(index)
            .value(QLatin1String("id"))
            .toString();
    }

    // The sandbox-only acceptance of an invitation (docs/api.md), as the invitee would.
    int accept(const char *org, const QString &invitation)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(
            QUrl(harness.sandbox->baseUrl().toString() +
                 QStringLiteral("/sandbox/organizations/%1/invitations/%2/accept")
                     .arg(QLatin1String(org), invitation)));
        request.setRawHeader("Authorization", "Bearer " + harness.sandbox->issueToken().toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        std::unique_ptr<QNetworkReply> reply(nam.post(request, QByteArray("{}")));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(20000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private Q_SLOTS:
    void init() { QVERIFY(harness.startSandbox()); }

    void usersListPrintsEveryMember()
    {
        CLI_RUN(r, args({"users", "list", "acme"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("EMAIL")));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 10); // header + 9 members
        QVERIFY(r.out.contains(QLatin1String("breakglass@acme.example")));
        const auto sent = harness.requests("GET", QStringLiteral("/organizations/acme/users"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().query.queryItemValue(QStringLiteral("limit")),
                 QStringLiteral("1000"));
    }

    void usersListFiltersByRoleAsJson()
    {
        CLI_RUN(r, args({"users", "list", "acme", "--role", "org_admin", "--json"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outArray().size(), 3);
        const auto sent = harness.requests("GET", QStringLiteral("/organizations/acme/users"));
        QCOMPARE(sent.first().query.queryItemValue(QStringLiteral("role")),
                 QStringLiteral("org_admin"));

        CLI_RUN(bad, args({"users", "list", "acme", "--role", "owner"}));
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.startsWith(QLatin1String("keycardctl: --role: Must be one of: org_admin")),
                 qPrintable(bad.err));
        QCOMPARE(harness.requests("GET", QStringLiteral("/organizations/acme/users")).size(), 1);
    }

    void usersSetSendsOnlyWhatWasGiven()
    {
        const QString id = memberId("acme", 3);
        CLI_RUN(r,
                QStringList{QStringLiteral("users"), QStringLiteral("set"), QStringLiteral("acme"),
                            id, QStringLiteral("--role"), QStringLiteral("org_viewer")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("org_viewer")));
        const auto patches =
            harness.requests("PATCH", QStringLiteral("/organizations/acme/users/") + id);
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().jsonBody(),
                 (QJsonObject{{QStringLiteral("role"), QStringLiteral("org_viewer")}}));

        CLI_RUN(nothing, QStringList{QStringLiteral("users"), QStringLiteral("set"),
                                     QStringLiteral("acme"), id});
        QCOMPARE(nothing.exitCode, 2);
        CLI_RUN(missing, args({"users", "set", "acme"}));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QLatin1String("missing USER")));

        CLI_RUN(denied, QStringList{QStringLiteral("users"), QStringLiteral("set"),
                                    QStringLiteral("stark"), memberId("stark", 0),
                                    QStringLiteral("--status"), QStringLiteral("disabled")});
        QCOMPARE(denied.exitCode, 4);
        QVERIFY(denied.err.contains(QLatin1String("users.update")));
    }

    void usersRemoveNeedsConfirmation()
    {
        const QString id = memberId("acme", 4);
        const QStringList base{QStringLiteral("users"), QStringLiteral("remove"),
                               QStringLiteral("acme"), id};
        CLI_RUN(refused, base);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QLatin1String("--yes")));
        QVERIFY(harness.apiRequests().isEmpty());
        CLI_RUN(r, base + QStringList{QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Member %1 removed from acme.\n").arg(id));
        QCOMPARE(
            harness.requests("DELETE", QStringLiteral("/organizations/acme/users/") + id).size(),
            1);
        QCOMPARE(harness.sandbox->members(QStringLiteral("acme")).size(), 8);
    }

    // Wayne's active administrators: alfred (a Keycard account) and bruce (SSO). Alfred may
    // go, with a warning; bruce, then the last, is not demoted, disabled or removed without
    // --force, and nothing is sent.
    void lastAdministratorIsNotDemotedDisabledOrRemoved()
    {
        const auto idOf = [this](const QString &email) {
            for (const QJsonObject &m : harness.sandbox->members(QStringLiteral("wayne")))
                if (m.value(QLatin1String("email")).toString() == email)
                    return m.value(QLatin1String("id")).toString();
            return QString();
        };
        const QString alfred = idOf(QStringLiteral("alfred.pennyworth@wayne.example"));
        const QString bruce = idOf(QStringLiteral("bruce.wayne@wayne.example"));
        QVERIFY(!alfred.isEmpty() && !bruce.isEmpty());
        const QStringList set{QStringLiteral("users"), QStringLiteral("set"),
                              QStringLiteral("wayne")};

        CLI_RUN(disabled,
                set + QStringList{alfred, QStringLiteral("--status"), QStringLiteral("disabled")});
        QCOMPARE(disabled.exitCode, 0);
        QVERIFY2(disabled.err.contains(QLatin1String(
                     "keycardctl: warning: After this change no active administrator signs in "
                     "without SSO")),
                 qPrintable(disabled.err));
        QCOMPARE(harness.requests("PATCH", QStringLiteral("/organizations/wayne/users/") + alfred)
                     .size(),
                 1);

        CLI_RUN(demoted,
                set + QStringList{bruce, QStringLiteral("--role"), QStringLiteral("org_member")});
        QCOMPARE(demoted.exitCode, 11);
        QVERIFY2(demoted.err.contains(QLatin1String(
                     "refusing to change the role of bruce.wayne@wayne.example in wayne")),
                 qPrintable(demoted.err));
        QVERIFY(demoted.err.contains(QLatin1String("is the last active administrator")));
        QVERIFY(demoted.err.contains(QLatin1String("--force")));
        CLI_RUN(disabledToo,
                set + QStringList{bruce, QStringLiteral("--status"), QStringLiteral("disabled")});
        QCOMPARE(disabledToo.exitCode, 11);
        CLI_RUN(removed, QStringList{QStringLiteral("users"), QStringLiteral("remove"),
                                     QStringLiteral("wayne"), bruce, QStringLiteral("--yes"),
                                     QStringLiteral("--json")});
        QCOMPARE(removed.exitCode, 11);
        QVERIFY(removed.err.contains(QLatin1String("\"verdict\":\"last_administrator\"")));
        QVERIFY(harness.requests("PATCH", QStringLiteral("/organizations/wayne/users/") + bruce)
                    .isEmpty());
        QVERIFY(harness.requests("DELETE", QStringLiteral("/organizations/wayne/users/") + bruce)
                    .isEmpty());

        // Re-enabling and promoting lose no administrator: no member list is read for them.
        const int listsBefore =
            int(harness.requests("GET", QStringLiteral("/organizations/wayne/users")).size());
        CLI_RUN(back,
                set + QStringList{alfred, QStringLiteral("--status"), QStringLiteral("active")});
        QCOMPARE(back.exitCode, 0);
        QVERIFY(back.err.isEmpty());
        QCOMPARE(int(harness.requests("GET", QStringLiteral("/organizations/wayne/users")).size()),
                 listsBefore);

        // With alfred back, bruce may go (alfred signs in without SSO); with --force even the
        // last one would.
        CLI_RUN(now,
                set + QStringList{bruce, QStringLiteral("--role"), QStringLiteral("org_member")});
        QCOMPARE(now.exitCode, 0);
        QVERIFY2(now.err.isEmpty(), qPrintable(now.err));
        CLI_RUN(forced, QStringList{QStringLiteral("users"), QStringLiteral("remove"),
                                    QStringLiteral("wayne"), alfred, QStringLiteral("--yes"),
                                    QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(forced.err.contains(QLatin1String("keycardctl: warning: ")));
        QCOMPARE(harness.requests("DELETE", QStringLiteral("/organizations/wayne/users/") + alfred)
                     .size(),
                 1);
    }

    void invitationsCreateListRevoke()
    {
        CLI_RUN(created, args({"invitations", "create", "acme", "--email", "ops@acme.example",
                               "--role", "org_admin", "--json"}));
        QCOMPARE(created.exitCode, 0);
        const QString id = created.outObject().value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        const auto posts =
            harness.requests("POST", QStringLiteral("/organizations/acme/invitations"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().jsonBody(),
                 (QJsonObject{{QStringLiteral("email"), QStringLiteral("ops@acme.example")},
                              {QStringLiteral("role"), QStringLiteral("org_admin")}}));

        CLI_RUN(list, args({"invitations", "list", "acme"}));
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QLatin1String("ops@acme.example")));
        QVERIFY(list.out.contains(QLatin1String("pending")));

        CLI_RUN(bad, args({"invitations", "create", "acme", "--email", "nobody", "--role",
                           "org_admin"}));
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("--email: Not an email address")));

        const QStringList revoke{QStringLiteral("invitations"), QStringLiteral("revoke"),
                                 QStringLiteral("acme"), id};
        CLI_RUN(refused, revoke);
        QCOMPARE(refused.exitCode, 2);
        CLI_RUN(revoked, revoke + QStringList{QStringLiteral("-y")});
        QCOMPARE(revoked.exitCode, 0);
        QCOMPARE(revoked.out, QStringLiteral("Invitation %1 revoked.\n").arg(id));
        CLI_RUN(again, revoke + QStringList{QStringLiteral("-y")});
        QCOMPARE(again.exitCode, 6);
    }

    void impactExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("dangerous disable") << args({"sso", "impact", "initech", "--disable"}) << 11
                                           << QStringLiteral("would be locked out");
        QTest::newRow("disable, admins remain") << args({"sso", "impact", "acme", "--disable"})
                                                << 10 << QStringLiteral("would lose sign-in");
        QTest::newRow("issuer change")
            << args({"sso", "impact", "acme", "--issuer", "https://acme.okta.com/oauth2/default"})
            << 10 << QStringLiteral("2 active administrators would");
        QTest::newRow("one emergency admin")
            << args({"sso", "impact", "wayne"}) << 0 << QStringLiteral("Keep two administrators");
        QTest::newRow("no SSO") << args({"sso", "impact", "globex", "--issuer",
                                         "https://globex.okta.com"})
                                << 0 << QStringLiteral("Nobody loses sign-in");
        QTest::newRow("disable without SSO")
            << args({"sso", "impact", "globex", "--disable"}) << 5 << QString();
        QTest::newRow("no such organization") << args({"sso", "impact", "nope"}) << 5 << QString();
        QTest::newRow("both") << args({"sso", "impact", "acme", "--disable", "--issuer",
                                       "https://a.example"})
                              << 2 << QString();
    }

    void impactExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        CLI_RUN(r, arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.out.contains(says), qPrintable(r.out + r.err));
    }

    void impactUnknownWithoutUsersList()
    {
        harness.sandbox->setPermissions(
            QStringLiteral("acme"),
            {{QStringLiteral("organizations"),
              QJsonObject{{QStringLiteral("read"), true}, {QStringLiteral("update"), true}}}});
        CLI_RUN(r, args({"sso", "impact", "acme", "--disable", "--json"}));
        QCOMPARE(r.exitCode, 12);
        const QJsonObject impact = r.outObject();
        QCOMPARE(impact.value(QLatin1String("verdict")).toString(), QStringLiteral("unknown"));
        QVERIFY(impact.value(QLatin1String("unknown_reasons"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("users.list")));
        // sso disable still goes ahead (after saying so): the check is advice it cannot make.
        CLI_RUN(d, args({"sso", "disable", "acme", "--yes"}));
        QCOMPARE(d.exitCode, 0);
        QVERIFY2(d.err.contains(QLatin1String("impact is unknown")), qPrintable(d.err));
    }

    void disableRefusesToLockOutTheLastAdministrators()
    {
        CLI_RUN(r, args({"sso", "disable", "initech", "--yes"}));
        QCOMPARE(r.exitCode, 11);
        QVERIFY2(r.err.contains(QLatin1String("refusing to disable SSO for initech")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("bill.lumbergh@initech.example")));
        QVERIFY(r.err.contains(QLatin1String("--force")));
        QVERIFY(harness.requests("DELETE", QStringLiteral("/organizations/initech/sso-connection"))
                    .isEmpty());
        QVERIFY(harness.sandbox->connection(QStringLiteral("initech")).has_value());

        CLI_RUN(forced, args({"sso", "disable", "initech", "--yes", "--force"}));
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(forced.err.contains(QLatin1String("warning")));
        QVERIFY(!harness.sandbox->connection(QStringLiteral("initech")).has_value());
    }

    void updateIssuerRefusesToLockOutTheLastAdministrators()
    {
        CLI_RUN(r, args({"sso", "update", "initech", "--identifier",
                         "https://login.microsoftonline.com/other/v2.0"}));
        QCOMPARE(r.exitCode, 11);
        QVERIFY(harness.requests("PATCH", QStringLiteral("/organizations/initech/sso-connection"))
                    .isEmpty());
        // Acme keeps two Keycard administrators: the members who lose sign-in are named, and
        // the change goes ahead.
        CLI_RUN(acme, args({"sso", "update", "acme", "--identifier",
                            "https://acme.okta.com/oauth2/default"}));
        QCOMPARE(acme.exitCode, 0);
        QVERIFY(acme.err.contains(QLatin1String("keycardctl: warning: 7 members sign in")));
        QCOMPARE(
            harness.requests("PATCH", QStringLiteral("/organizations/acme/sso-connection")).size(),
            1);
    }

    void invitingAnAdministratorClearsTheWarning()
    {
        CLI_RUN(before, args({"sso", "impact", "wayne", "--json"}));
        QCOMPARE(before.outObject().value(QLatin1String("few_emergency_admins")).toBool(), true);
        CLI_RUN(created, args({"invitations", "create", "wayne", "--email", "oracle@wayne.example",
                               "--role", "org_admin", "--json"}));
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(accept("wayne", created.outObject().value(QLatin1String("id")).toString()), 201);
        CLI_RUN(after, args({"sso", "impact", "wayne", "--json"}));
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.outObject().value(QLatin1String("few_emergency_admins")).toBool(), false);
        QCOMPARE(after.outObject().value(QLatin1String("admins_without_sso")).toInt(), 2);
    }

    void hostileMembersAreShownBoundedAndPlain()
    {
        const QString issuer = QLatin1String(keycard::sandbox::demo::kAcmeIdentifier);
        QVERIFY(harness.sandbox->addRawMember(QStringLiteral("acme"),
                                              rawMember(QStringLiteral("no-email"), QJsonValue(),
                                                        QStringLiteral("org_member"), issuer)));
        QVERIFY(harness.sandbox->addRawMember(
            QStringLiteral("acme"),
            rawMember(QStringLiteral("long-email"),
                      QString(QString(1000, QLatin1Char('a')) + QStringLiteral("@long.example")),
                      QStringLiteral("org_member"), issuer)));
        QVERIFY(harness.sandbox->addRawMember(
            QStringLiteral("acme"),
            rawMember(QStringLiteral("rtl"), QStringLiteral("evil\u202Egpj.exe@x.example\x1b[2J"),
                      QStringLiteral("org_superadmin"), QStringLiteral("not a url\r\nforged"))));
        CLI_RUN(r, args({"users", "list", "acme"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("org_superadmin"))); // unknown role, as it is
        QVERIFY(!r.out.contains(QChar(0x202E)));
        QVERIFY(!r.out.contains(QChar(0x1b)));
        QVERIFY(!r.out.contains(QLatin1String("\r")));
        QVERIFY(!r.out.contains(QString(100, QLatin1Char('a'))));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 13);
        for (const QString &line : lines)
            QVERIFY2(line.size() < 300, qPrintable(line.left(80)));
        // --json keeps the values whole (escaped by JSON).
        CLI_RUN(json, args({"users", "list", "acme", "--json"}));
        QCOMPARE(json.outArray().size(), 12);
        // The impact still counts them; names are bounded.
        CLI_RUN(impact, args({"sso", "impact", "acme", "--disable"}));
        QCOMPARE(impact.exitCode, 10);
        QVERIFY(impact.out.contains(QLatin1String("9 members sign in")));
        QVERIFY(!impact.out.contains(QString(100, QLatin1Char('a'))));
    }

    void duplicateIdsAcrossPagesMakeTheListIncomplete()
    {
        const QJsonObject a =
            rawMember(QStringLiteral("u1"), QStringLiteral("a@x.example"),
                      QStringLiteral("org_admin"), QStringLiteral("https://id.keycard.ai"));
        const QJsonObject b =
            rawMember(QStringLiteral("u2"), QStringLiteral("b@x.example"),
                      QStringLiteral("org_member"), QStringLiteral("https://acme.okta.com"));
        const QList<keycard::sandbox::ScriptedResponse> pages{
            ok(page({a, b}, true, QStringLiteral("c1"))), ok(page({b}, false))};
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme/users"), pages);
        CLI_RUN(list, args({"users", "list", "acme"}));
        QCOMPARE(list.exitCode, 8);
        QVERIFY2(list.err.contains(QLatin1String("more than once")), qPrintable(list.err));
        QCOMPARE(list.out.count(QLatin1String("b@x.example")), 1);

        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme/users"), pages);
        CLI_RUN(impact, args({"sso", "impact", "acme", "--disable"}));
        QCOMPARE(impact.exitCode, 12);
        QVERIFY(impact.out.contains(QLatin1String("unknown")));
        QVERIFY(!impact.out.contains(QLatin1String("Nobody loses")));
    }

    void aRepeatingCursorEndsTheListing()
    {
        const QJsonObject a =
            rawMember(QStringLiteral("u1"), QStringLiteral("a@x.example"),
                      QStringLiteral("org_admin"), QStringLiteral("https://id.keycard.ai"));
        const QJsonObject b =
            rawMember(QStringLiteral("u2"), QStringLiteral("b@x.example"),
                      QStringLiteral("org_admin"), QStringLiteral("https://id.keycard.ai"));
        const QList<keycard::sandbox::ScriptedResponse> pages{
            ok(page({a}, true, QStringLiteral("same"))),
            ok(page({b}, true, QStringLiteral("same"))),
            ok(page({a}, true, QStringLiteral("same")))};
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme/users"), pages);
        CLI_RUN(list, args({"users", "list", "acme"}));
        QCOMPARE(list.exitCode, 8);
        QVERIFY(list.err.contains(QLatin1String("page cursor")));
        QCOMPARE(harness.requests("GET", QStringLiteral("/organizations/acme/users")).size(), 2);
        harness.sandbox->clearFaults();
        harness.sandbox->scriptResponses("GET", QStringLiteral("/organizations/acme/users"), pages);
        CLI_RUN(impact, args({"sso", "impact", "acme", "--disable", "--json"}));
        QCOMPARE(impact.exitCode, 12);
        QCOMPARE(impact.outObject().value(QLatin1String("complete")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestCliMembers)
#include "test_cli_members.moc"
