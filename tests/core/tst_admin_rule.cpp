// The administrator rule for member changes (AdministratorRule.h), without network: which
// changes count, every verdict, what an incomplete read can and cannot settle.
#include "AdministratorRule.h"

#include <QTest>

using namespace keycard;

namespace {

const QString kSso = QStringLiteral("https://acme.okta.com");
const QString kKeycard = QStringLiteral("https://id.keycard.ai");

OrganizationUser user(const QString &name, const char *role, const QString &source,
                      bool active = true)
{
    OrganizationUser u;
    u.id = QStringLiteral("id-") + name;
    u.email = name + QStringLiteral("@x.example");
    u.role = QLatin1String(role);
    u.status = active ? QStringLiteral("active") : QStringLiteral("disabled");
    u.source = source;
    return u;
}

AdminRuleResult run(const QString &target, MemberChange change,
                    const QList<OrganizationUser> &members, const QString &issuer = kSso,
                    const QStringList &incomplete = {})
{
    AdminRuleCheck check(QStringLiteral("id-") + target, change, issuer);
    check.addMembers(members);
    return check.result(incomplete);
}

} // namespace

class TestAdminRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whichChangesCount()
    {
        MemberUpdate update;
        update.role = QStringLiteral("org_member");
        QCOMPARE(AdminRuleCheck::changeOf(update), MemberChange::Demote);
        update.role = QStringLiteral("org_admin");
        QCOMPARE(AdminRuleCheck::changeOf(update), std::nullopt); // a promotion
        update.status = QStringLiteral("disabled");
        QCOMPARE(AdminRuleCheck::changeOf(update), MemberChange::Disable);
        update.status = QStringLiteral("active");
        QCOMPARE(AdminRuleCheck::changeOf(update), std::nullopt);
        update.role = QStringLiteral("org_viewer");
        update.status = QStringLiteral("disabled");
        QCOMPARE(AdminRuleCheck::changeOf(update), MemberChange::Demote);
        update.role = QStringLiteral("a_new_role"); // unknown to us: not org_admin, so a demotion
        update.status.reset();
        QCOMPARE(AdminRuleCheck::changeOf(update), MemberChange::Demote);
    }

    void notAnAdministrator()
    {
        const QList<OrganizationUser> members = {user(QStringLiteral("a"), "org_admin", kKeycard),
                                                 user(QStringLiteral("m"), "org_member", kSso)};
        const AdminRuleResult r = run(QStringLiteral("m"), MemberChange::Remove, members);
        QCOMPARE(r.verdict, AdminRuleVerdict::Allowed);
        QVERIFY(r.targetFound);
        QVERIFY(!r.targetIsActiveAdmin);
        QCOMPARE(r.adminsAfter, 1);
        QVERIFY(r.describe().join(QLatin1Char(' ')).contains(QStringLiteral("m@x.example")));
        // A disabled administrator is no active one either.
        const AdminRuleResult disabled =
            run(QStringLiteral("d"), MemberChange::Remove,
                {user(QStringLiteral("a"), "org_admin", kSso),
                 user(QStringLiteral("d"), "org_admin", kKeycard, false)});
        QCOMPARE(disabled.verdict, AdminRuleVerdict::Allowed);
        QVERIFY(!disabled.targetIsActiveAdmin);
    }

    void anotherAdministratorOutsideSsoRemains()
    {
        const QList<OrganizationUser> members = {user(QStringLiteral("k1"), "org_admin", kKeycard),
                                                 user(QStringLiteral("k2"), "org_admin", kKeycard),
                                                 user(QStringLiteral("s"), "org_admin", kSso)};
        const AdminRuleResult r = run(QStringLiteral("k1"), MemberChange::Demote, members);
        QCOMPARE(r.verdict, AdminRuleVerdict::Allowed);
        QCOMPARE(r.activeAdmins, 3);
        QCOMPARE(r.emergencyAdmins, 2);
        QCOMPARE(r.adminsAfter, 2);
        QCOMPARE(r.emergencyAdminsAfter, 1);
        QCOMPARE(r.describe().join(QLatin1Char(' ')),
                 QStringLiteral("2 other active administrators remain, 1 of them signing in "
                                "without SSO."));
    }

    // The last administrator outside SSO goes, SSO administrators remain: allowed, warned.
    void noEmergencyAdministratorLeft()
    {
        const QList<OrganizationUser> members = {user(QStringLiteral("k"), "org_admin", kKeycard),
                                                 user(QStringLiteral("s"), "org_admin", kSso)};
        for (MemberChange change :
             {MemberChange::Demote, MemberChange::Disable, MemberChange::Remove}) {
            const AdminRuleResult r = run(QStringLiteral("k"), change, members);
            QCOMPARE(r.verdict, AdminRuleVerdict::NoEmergencyAdmin);
            QVERIFY(!r.refused());
            QCOMPARE(r.adminsAfter, 1);
            QCOMPARE(r.emergencyAdminsAfter, 0);
        }
        // An SSO administrator going changes nothing for the one outside SSO.
        QCOMPARE(run(QStringLiteral("s"), MemberChange::Remove, members).verdict,
                 AdminRuleVerdict::Allowed);
    }

    void lastAdministratorIsRefused()
    {
        const QList<OrganizationUser> members = {
            user(QStringLiteral("a"), "org_admin", kSso),
            user(QStringLiteral("m"), "org_member", kKeycard),
            user(QStringLiteral("old"), "org_admin", kKeycard, false)};
        for (MemberChange change :
             {MemberChange::Demote, MemberChange::Disable, MemberChange::Remove}) {
            const AdminRuleResult r = run(QStringLiteral("a"), change, members);
            QCOMPARE(r.verdict, AdminRuleVerdict::LastAdministrator);
            QVERIFY(r.refused());
            QCOMPARE(r.adminsAfter, 0);
            const QString text = r.describe().join(QLatin1Char(' '));
            QVERIFY2(text.contains(QStringLiteral("a@x.example is the last active administrator")),
                     qPrintable(text));
        }
        // Without SSO every administrator signs in without it; the last one is still refused.
        QCOMPARE(run(QStringLiteral("a"), MemberChange::Remove, members, QString()).verdict,
                 AdminRuleVerdict::LastAdministrator);
    }

    // What was read settles it when another administrator outside SSO is among it; otherwise
    // the answer is unknown, never "allowed" and never "refused".
    void incompleteRead()
    {
        const QStringList reasons = {QStringLiteral("The list stopped early.")};
        const AdminRuleResult settled = run(QStringLiteral("k1"), MemberChange::Remove,
                                            {user(QStringLiteral("k1"), "org_admin", kKeycard),
                                             user(QStringLiteral("k2"), "org_admin", kKeycard)},
                                            kSso, reasons);
        QCOMPARE(settled.verdict, AdminRuleVerdict::Allowed);
        QVERIFY(settled.unknownReasons.isEmpty());

        const AdminRuleResult open = run(QStringLiteral("k1"), MemberChange::Remove,
                                         {user(QStringLiteral("k1"), "org_admin", kKeycard),
                                          user(QStringLiteral("s"), "org_admin", kSso)},
                                         kSso, reasons);
        QCOMPARE(open.verdict, AdminRuleVerdict::Unknown);
        QCOMPARE(open.unknownReasons, reasons);
        QVERIFY(open.describe().contains(reasons.first()));

        // The member not read at all: an administrator outside SSO read is someone else.
        QCOMPARE(run(QStringLiteral("gone"), MemberChange::Remove,
                     {user(QStringLiteral("k"), "org_admin", kKeycard)}, kSso, reasons)
                     .verdict,
                 AdminRuleVerdict::Allowed);
        QCOMPARE(run(QStringLiteral("gone"), MemberChange::Remove,
                     {user(QStringLiteral("s"), "org_admin", kSso)}, kSso, reasons)
                     .verdict,
                 AdminRuleVerdict::Unknown);
    }

    void memberNotFound()
    {
        const AdminRuleResult r = run(QStringLiteral("gone"), MemberChange::Remove,
                                      {user(QStringLiteral("s"), "org_admin", kSso)});
        QCOMPARE(r.verdict, AdminRuleVerdict::Allowed); // the server answers 404 for it
        QVERIFY(!r.targetFound);
        QVERIFY(r.describe().join(QLatin1Char(' ')).contains(QStringLiteral("not among")));
    }

    void unreadable()
    {
        AdminRuleCheck check(QStringLiteral("id-a"), MemberChange::Disable, kSso);
        const AdminRuleResult r = check.unknown(QStringLiteral("403 Forbidden"));
        QCOMPARE(r.verdict, AdminRuleVerdict::Unknown);
        QCOMPARE(r.unknownReasons, QStringList{QStringLiteral("403 Forbidden")});
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QLatin1String("verdict")).toString(), QStringLiteral("unknown"));
        QCOMPARE(json.value(QLatin1String("change")).toString(), QStringLiteral("disable"));
        QCOMPARE(json.value(QLatin1String("complete")).toBool(), false);
    }

    // An id with control characters is named as display-safe text.
    void hostileIdIsPlainText()
    {
        AdminRuleCheck check(QStringLiteral("evil\x1b[31m\u202e"), MemberChange::Remove, kSso);
        const AdminRuleResult r = check.unknown(QStringLiteral("x"));
        QVERIFY(!r.targetName.contains(QChar(0x1b)));
        QVERIFY(!r.targetName.contains(QChar(0x202e)));
    }
};

QTEST_GUILESS_MAIN(TestAdminRule)
#include "tst_admin_rule.moc"
