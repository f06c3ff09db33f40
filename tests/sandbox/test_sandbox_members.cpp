// The sandbox's members and invitations endpoints on the wire: demo data (who signs in how in
// each demo organization), paging with the role filter, permission checks, writes, invitations,
// the sandbox-only acceptance of an invitation, the SSO sign-in simulation and --org-members.
#include "DemoData.h"
#include "SandboxTestSupport.h"

#include <QUrlQuery>

using namespace sandboxtest;
using keycard::sandbox::SandboxOptions;
using keycard::sandbox::SandboxServer;
namespace demo = keycard::sandbox::demo;

namespace {

QString users(const char *org, const QString &rest = {})
{
    return QStringLiteral("/organizations/") + QLatin1String(org) + QStringLiteral("/users") + rest;
}

struct Census
{
    int activeAdmins = 0;
    int activeAdminsViaKeycard = 0;
    int viaSso = 0;
    int total = 0;
};

Census census(const SandboxServer &server, const char *org)
{
    Census c;
    const QString label = QLatin1String(org);
    const auto connection = server.connection(label);
    const QString issuer =
        connection ? connection->value(QLatin1String("identifier")).toString() : QString();
    for (const QJsonObject &m : server.members(label)) {
        ++c.total;
        const QString source = m.value(QLatin1String("source")).toString();
        if (!issuer.isEmpty() && source == issuer)
            ++c.viaSso;
        if (m.value(QLatin1String("role")) == QLatin1String("org_admin") &&
            m.value(QLatin1String("status")) == QLatin1String("active")) {
            ++c.activeAdmins;
            if (source == QLatin1String(demo::kKeycardIssuer))
                ++c.activeAdminsViaKeycard;
        }
    }
    return c;
}

} // namespace

class TestSandboxMembers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<Http> http;

private Q_SLOTS:
    void init() { QVERIFY(serve(server, http)); }
    void cleanup() { stop(server, http); }

    void demoOrganizationsCoverEverySituation()
    {
        const Census acme = census(*server, "acme");
        QCOMPARE(acme.activeAdminsViaKeycard, 2);
        QVERIFY(acme.viaSso > acme.total / 2); // mostly through the SSO issuer
        const Census initech = census(*server, "initech");
        QVERIFY(initech.activeAdmins >= 2);
        QCOMPARE(initech.activeAdminsViaKeycard, 0); // the dangerous case
        const Census wayne = census(*server, "wayne");
        QCOMPARE(wayne.activeAdminsViaKeycard, 1);
        const Census globex = census(*server, "globex");
        QVERIFY(!server->connection(QStringLiteral("globex")));
        QCOMPARE(globex.activeAdminsViaKeycard, globex.activeAdmins);
        QVERIFY(globex.total > 0);
    }

    void listsPagesWithTheRoleFilter()
    {
        Response first = http->get(users("acme", QStringLiteral("?limit=4")));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QLatin1String("items")).toArray().size(), 4);
        const QJsonObject info = first.json().value(QLatin1String("page_info")).toObject();
        QVERIFY(info.value(QLatin1String("has_next_page")).toBool());
        const QString cursor = info.value(QLatin1String("end_cursor")).toString();
        Response second = http->get(users("acme", QStringLiteral("?limit=4&after=") + cursor));
        QCOMPARE(second.status, 200);
        QVERIFY(second.json()
                    .value(QLatin1String("page_info"))
                    .toObject()
                    .value(QLatin1String("has_prev_page"))
                    .toBool());
        QVERIFY(first.json().value(QLatin1String("items")).toArray().last() !=
                second.json().value(QLatin1String("items")).toArray().first());

        Response admins = http->get(users("acme", QStringLiteral("?role=org_admin")));
        QCOMPARE(admins.status, 200);
        const QJsonArray items = admins.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 3);
        for (const QJsonValue &item : items)
            QCOMPARE(item.toObject().value(QLatin1String("role")).toString(),
                     QStringLiteral("org_admin"));
        QCOMPARE(http->get(users("acme", QStringLiteral("?role=owner"))).status, 400);
        QCOMPARE(http->get(users("acme", QStringLiteral("?after=bogus"))).status, 400);
    }

    void expandsPermissionsBothWays()
    {
        for (const QString &query :
             {QStringLiteral("?expand[]=permissions"), QStringLiteral("?expand=permissions")}) {
            Response r = http->get(users("stark", query));
            QCOMPARE(r.status, 200);
            const QJsonObject users = r.json()
                                          .value(QLatin1String("permissions"))
                                          .toObject()
                                          .value(QLatin1String("users"))
                                          .toObject();
            QCOMPARE(users.value(QLatin1String("list")).toBool(), true);
            QCOMPARE(users.value(QLatin1String("update")).toBool(true), false);
        }
    }

    void theListOnlyOrganizationRefusesWrites()
    {
        const QString id =
            server->members(QStringLiteral("stark")).first().value(QLatin1String("id")).toString();
        QCOMPARE(http->get(users("stark", QLatin1Char('/') + id)).status, 200);
        Response patch = http->patch(users("stark", QLatin1Char('/') + id),
                                     {{QStringLiteral("role"), QStringLiteral("org_viewer")}});
        QCOMPARE(patch.status, 403);
        QVERIFY(patch.json()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("users.update")));
        QCOMPARE(http->del(users("stark", QLatin1Char('/') + id)).status, 403);
        QCOMPARE(http->post(QStringLiteral("/organizations/stark/invitations"),
                            {{QStringLiteral("email"), QStringLiteral("x@stark.example")},
                             {QStringLiteral("role"), QStringLiteral("org_member")}})
                     .status,
                 403);
        QCOMPARE(server->members(QStringLiteral("stark")).first().value(QLatin1String("role")),
                 QJsonValue(QStringLiteral("org_admin")));
    }

    void listingNeedsUsersList()
    {
        server->setPermissions(
            QStringLiteral("umbrella"),
            {{QStringLiteral("organizations"), QJsonObject{{QStringLiteral("read"), true}}}});
        Response r = http->get(users("umbrella"));
        QCOMPARE(r.status, 403);
        QVERIFY(r.json()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("users.list")));
        QCOMPARE(http->get(users("nope")).status, 404);
        http->token.clear();
        QCOMPARE(http->get(users("acme")).status, 401);
    }

    void updatesAndRemovesMembers()
    {
        const QString id =
            server->members(QStringLiteral("acme")).at(3).value(QLatin1String("id")).toString();
        Response patch = http->patch(users("acme", QLatin1Char('/') + id),
                                     {{QStringLiteral("status"), QStringLiteral("disabled")}});
        QCOMPARE(patch.status, 200);
        QCOMPARE(patch.json().value(QLatin1String("status")).toString(),
                 QStringLiteral("disabled"));
        QCOMPARE(http->patch(users("acme", QLatin1Char('/') + id),
                             {{QStringLiteral("status"), QStringLiteral("gone")}})
                     .status,
                 400);
        QCOMPARE(http->del(users("acme", QLatin1Char('/') + id)).status, 204);
        QCOMPARE(http->get(users("acme", QLatin1Char('/') + id)).status, 404);
    }

    void invitationAcceptedBecomesAKeycardAdministrator()
    {
        QCOMPARE(census(*server, "wayne").activeAdminsViaKeycard, 1);
        Response created =
            http->post(QStringLiteral("/organizations/wayne/invitations"),
                       {{QStringLiteral("email"), QStringLiteral("oracle@wayne.example")},
                        {QStringLiteral("role"), QStringLiteral("org_admin")}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QLatin1String("status")).toString(),
                 QStringLiteral("pending"));
        const QString id = created.json().value(QLatin1String("id")).toString();
        QCOMPARE(http->post(QStringLiteral("/organizations/wayne/invitations"),
                            {{QStringLiteral("email"), QStringLiteral("oracle@wayne.example")},
                             {QStringLiteral("role"), QStringLiteral("org_admin")}})
                     .status,
                 409);
        Response accepted = http->post(
            QStringLiteral("/sandbox/organizations/wayne/invitations/%1/accept").arg(id), {});
        QCOMPARE(accepted.status, 201);
        QCOMPARE(accepted.json().value(QLatin1String("source")).toString(),
                 QLatin1String(demo::kKeycardIssuer));
        QCOMPARE(census(*server, "wayne").activeAdminsViaKeycard, 2);
        QCOMPARE(
            http->post(QStringLiteral("/sandbox/organizations/wayne/invitations/%1/accept").arg(id),
                       {})
                .status,
            409);
        QCOMPARE(http->del(QStringLiteral("/organizations/wayne/invitations/") + id).status, 409);
    }

    void invitationsAreRevoked()
    {
        Response created =
            http->post(QStringLiteral("/organizations/acme/invitations"),
                       {{QStringLiteral("email"), QStringLiteral("temp@acme.example")},
                        {QStringLiteral("role"), QStringLiteral("org_member")}});
        const QString id = created.json().value(QLatin1String("id")).toString();
        QCOMPARE(http->del(QStringLiteral("/organizations/acme/invitations/") + id).status, 204);
        Response list = http->get(QStringLiteral("/organizations/acme/invitations"));
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 2); // the demo invitation and this one
        QCOMPARE(items.last().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(http->post(QStringLiteral("/organizations/acme/invitations"),
                            {{QStringLiteral("email"), QStringLiteral("not an email")},
                             {QStringLiteral("role"), QStringLiteral("org_member")}})
                     .status,
                 400);
    }

    void signInSimulationCreatesAndUpdatesSsoMembers()
    {
        const QString issuer = QLatin1String(demo::kAcmeIdentifier);
        Response created =
            http->post(QStringLiteral("/idp/signin/acme"),
                       {{QStringLiteral("email"), QStringLiteral("new@acme.example")}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QLatin1String("source")).toString(), issuer);
        QCOMPARE(created.json().value(QLatin1String("role")).toString(),
                 QStringLiteral("org_member"));
        // An existing Keycard administrator signing in through SSO now has the SSO source.
        Response updated =
            http->post(QStringLiteral("/idp/signin/acme"),
                       {{QStringLiteral("email"), QStringLiteral("it-admin@acme.example")}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json().value(QLatin1String("source")).toString(), issuer);
        QCOMPARE(census(*server, "acme").activeAdminsViaKeycard, 1);
        // No SSO: no sign-in through it.
        QCOMPARE(http->post(QStringLiteral("/idp/signin/globex"),
                            {{QStringLiteral("email"), QStringLiteral("a@globex.example")}})
                     .status,
                 409);
    }

    void generatesMembersForScaleTests()
    {
        SandboxOptions options;
        options.generatedMembers = 2500;
        options.generatedMembersOrganization = QStringLiteral("initech");
        QVERIFY(serve(server, http, options));
        QCOMPARE(server->members(QStringLiteral("initech")).size(), 2507);
        int seen = 0;
        QString after;
        for (int pages = 0; pages < 10; ++pages) {
            Response r = http->get(users(
                "initech", QStringLiteral("?limit=1000") +
                               (after.isEmpty() ? QString() : QStringLiteral("&after=") + after)));
            QCOMPARE(r.status, 200);
            seen += int(r.json().value(QLatin1String("items")).toArray().size());
            const QJsonObject info = r.json().value(QLatin1String("page_info")).toObject();
            if (!info.value(QLatin1String("has_next_page")).toBool())
                break;
            after = info.value(QLatin1String("end_cursor")).toString();
        }
        QCOMPARE(seen, 2507);

        SandboxOptions bad;
        bad.generatedMembers = 1;
        bad.generatedMembersOrganization = QStringLiteral("nope");
        SandboxServer failing(bad);
        QVERIFY(failing.errorString().contains(QLatin1String("nope")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxMembers)
#include "test_sandbox_members.moc"
