// The sign-in safety check's rules (SignInImpact.h), without network: every verdict, the
// counts, the bounded names, "impact unknown" and the issuer comparison.
#include "SignInImpact.h"

#include <QTest>

using namespace keycard;

namespace {

const QString kSso = QStringLiteral("https://acme.okta.com");
const QString kKeycard = QStringLiteral("https://id.keycard.ai");
const QString kNew = QStringLiteral("https://login.example.com");

OrganizationUser user(const QString &email, const char *role, const QString &source,
                      bool active = true)
{
    OrganizationUser u;
    u.id = QStringLiteral("id-") + email;
    u.email = email;
    u.role = QLatin1String(role);
    u.status = active ? QStringLiteral("active") : QStringLiteral("disabled");
    u.source = source;
    return u;
}

// Two SSO admins, one Keycard admin, three SSO members, one disabled Keycard admin.
QList<OrganizationUser> mixed()
{
    return {user(QStringLiteral("a1@x"), "org_admin", kSso),
            user(QStringLiteral("a2@x"), "org_admin", kSso),
            user(QStringLiteral("k1@x"), "org_admin", kKeycard),
            user(QStringLiteral("m1@x"), "org_member", kSso),
            user(QStringLiteral("m2@x"), "org_viewer", kSso),
            user(QStringLiteral("m3@x"), "org_member", kSso, false),
            user(QStringLiteral("k2@x"), "org_admin", kKeycard, false)};
}

SignInImpact run(SsoChange change, const QList<OrganizationUser> &members,
                 const QString &current = kSso, const QString &next = {})
{
    SignInImpactCheck check(change, current, next);
    check.addMembers(members);
    return check.result();
}

} // namespace

class TestSignInImpact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enableNobodyLosesAndCountsEmergencyAdmins()
    {
        // Before enabling, nobody has the new issuer as source.
        const SignInImpact r = run(SsoChange::Enable, mixed(), {}, kSso);
        QCOMPARE(r.verdict, ImpactVerdict::NobodyLoses);
        QCOMPARE(r.losing, 0);
        QCOMPARE(r.activeAdmins, 3);
        // a1/a2 already have the new issuer as source: they sign in through SSO.
        QCOMPARE(r.adminsWithoutSso, 1);
        QVERIFY(r.fewEmergencyAdmins());
        QVERIFY(r.describe().join(QLatin1Char('\n')).contains(QLatin1String("Keep two")));
    }

    void enableWithTwoEmergencyAdminsHasNoWarning()
    {
        QList<OrganizationUser> members = mixed();
        members << user(QStringLiteral("k3@x"), "org_admin", kKeycard);
        const SignInImpact r = run(SsoChange::Enable, members, {}, kSso);
        QCOMPARE(r.adminsWithoutSso, 2);
        QVERIFY(!r.fewEmergencyAdmins());
    }

    void disableSomeoneLosesButAnAdministratorRemains()
    {
        const SignInImpact r = run(SsoChange::Disable, mixed());
        QCOMPARE(r.verdict, ImpactVerdict::SomeoneLoses);
        QCOMPARE(r.losing, 5);
        QCOMPARE(r.losingActive, 4);
        QCOMPARE(r.losingAdmins, 2);
        QCOMPARE(r.adminsKeeping, 1);
        QVERIFY(!r.fewEmergencyAdmins()); // no SSO remains to warn about
        QCOMPARE(r.firstLosing.size(), 5);
        QCOMPARE(r.firstLosing.first(), QStringLiteral("a1@x"));
    }

    void disableLeavesNoAdministrator()
    {
        // The only Keycard administrator is disabled: every active one signs in through SSO.
        QList<OrganizationUser> members = mixed();
        members.removeAt(2);
        const SignInImpact r = run(SsoChange::Disable, members);
        QCOMPARE(r.verdict, ImpactVerdict::NoAdministratorLeft);
        QCOMPARE(r.adminsKeeping, 0);
        QVERIFY(r.describe().join(QLatin1Char('\n')).contains(QLatin1String("locked out")));
        QCOMPARE(r.toJson().value(QLatin1String("verdict")).toString(),
                 QStringLiteral("no_administrator_left"));
    }

    void changeIssuerCountsWhoUsesTheOldOne()
    {
        QList<OrganizationUser> members = mixed();
        members << user(QStringLiteral("n1@x"), "org_admin", kNew); // already on the new issuer
        const SignInImpact r = run(SsoChange::ChangeIssuer, members, kSso, kNew);
        QCOMPARE(r.verdict, ImpactVerdict::SomeoneLoses);
        QCOMPARE(r.losingAdmins, 2);
        QCOMPARE(r.adminsKeeping, 2);
        QCOMPARE(r.adminsWithoutSso, 1); // n1 signs in through the new issuer
        QVERIFY(r.fewEmergencyAdmins());
    }

    void changeIssuerLeavesNoAdministrator()
    {
        const QList<OrganizationUser> members{user(QStringLiteral("a@x"), "org_admin", kSso),
                                              user(QStringLiteral("m@x"), "org_member", kKeycard)};
        const SignInImpact r = run(SsoChange::ChangeIssuer, members, kSso, kNew);
        QCOMPARE(r.verdict, ImpactVerdict::NoAdministratorLeft);
    }

    void changeToTheSameIssuerTakesNothing()
    {
        const SignInImpact r = run(SsoChange::ChangeIssuer, mixed(), kSso, kSso);
        QCOMPARE(r.verdict, ImpactVerdict::NobodyLoses);
        QCOMPARE(r.losing, 0);
    }

    void onlyDisabledMembersAffectedIsNobodyLoses()
    {
        const QList<OrganizationUser> members{
            user(QStringLiteral("k@x"), "org_admin", kKeycard),
            user(QStringLiteral("d@x"), "org_member", kSso, false)};
        const SignInImpact r = run(SsoChange::Disable, members);
        QCOMPARE(r.verdict, ImpactVerdict::NobodyLoses);
        QCOMPARE(r.losing, 1);
        QCOMPARE(r.losingActive, 0);
    }

    void issuersAreComparedExactly()
    {
        // A trailing slash or capitals make another issuer: not losing, but counted apart.
        const QList<OrganizationUser> members{
            user(QStringLiteral("k@x"), "org_admin", kKeycard),
            user(QStringLiteral("s@x"), "org_member", kSso + QLatin1Char('/')),
            user(QStringLiteral("c@x"), "org_member", QStringLiteral("HTTPS://ACME.okta.com"))};
        const SignInImpact r = run(SsoChange::Disable, members);
        QCOMPARE(r.losing, 0);
        QCOMPARE(r.nearMatches, 2);
        QVERIFY(r.describe().join(QLatin1Char('\n')).contains(QLatin1String("trailing slash")));
    }

    void unknownRoleIsKeptAndNotAnAdministrator()
    {
        const QList<OrganizationUser> members{user(QStringLiteral("o@x"), "org_owner", kKeycard),
                                              user(QStringLiteral("a@x"), "org_admin", kSso)};
        const SignInImpact r = run(SsoChange::Disable, members);
        QCOMPARE(r.activeAdmins, 1);
        QCOMPARE(r.verdict, ImpactVerdict::NoAdministratorLeft);
    }

    void namesAreBoundedAndDisplaySafe()
    {
        QList<OrganizationUser> members;
        const QString longEmail = QString(1000, QLatin1Char('a')) + QStringLiteral("@x.example");
        members << user(longEmail, "org_member", kSso);
        members << user(QStringLiteral("evil\u202Etxt.exe@x"), "org_member", kSso);
        OrganizationUser noEmail = user(QString(), "org_member", kSso);
        noEmail.email.reset();
        noEmail.id = QStringLiteral("usr_123");
        members << noEmail;
        for (int i = 0; i < 20; ++i)
            members << user(QStringLiteral("m%1@x").arg(i), "org_member", kSso);
        members << user(QStringLiteral("k@x"), "org_admin", kKeycard);
        const SignInImpact r = run(SsoChange::Disable, members);
        QCOMPARE(r.losing, 23);
        QCOMPARE(r.firstLosing.size(), SignInImpact::kMaxNames);
        QVERIFY(r.firstLosing.at(0).size() <= 80);
        QVERIFY(r.firstLosing.at(0).endsWith(QLatin1String("@x.example")));
        QVERIFY(!r.firstLosing.at(1).contains(QChar(0x202E)));
        QCOMPARE(r.firstLosing.at(2), QStringLiteral("usr_123"));
        QVERIFY(r.describe().join(QLatin1Char('\n')).contains(QLatin1String("and 18 more")));
    }

    void unreadableMembersMakeTheImpactUnknown()
    {
        SignInImpactCheck check(SsoChange::Disable, kSso);
        const SignInImpact r = check.unknown(QStringLiteral("Permission denied (HTTP 403)"));
        QCOMPARE(r.verdict, ImpactVerdict::Unknown);
        QVERIFY(!r.known());
        QVERIFY(!r.fewEmergencyAdmins());
        const QString text = r.describe().join(QLatin1Char('\n'));
        QVERIFY(text.contains(QLatin1String("unknown")));
        QVERIFY(text.contains(QLatin1String("HTTP 403")));
        QVERIFY(!text.contains(QLatin1String("Nobody loses")));
        QCOMPARE(r.toJson().value(QLatin1String("complete")).toBool(true), false);
    }

    void anIncompleteListMakesTheImpactUnknown()
    {
        SignInImpactCheck check(SsoChange::Disable, kSso);
        check.addMembers({user(QStringLiteral("k@x"), "org_admin", kKeycard)});
        const SignInImpact r =
            check.result({QStringLiteral("The server sent a page cursor it had already sent")});
        QCOMPARE(r.verdict, ImpactVerdict::Unknown);
        QCOMPARE(r.members, 1);
        QVERIFY(!r.describe().join(QLatin1Char('\n')).contains(QLatin1String("Nobody loses")));
    }

    void aMemberWithoutSourceMakesTheImpactUnknown()
    {
        OrganizationUser odd = user(QStringLiteral("o@x"), "org_admin", QString());
        const SignInImpact r =
            run(SsoChange::Disable, {odd, user(QStringLiteral("k@x"), "org_admin", kKeycard)});
        QCOMPARE(r.verdict, ImpactVerdict::Unknown);
        QCOMPARE(r.incompleteMembers, 1);
    }

    void enableWithUnreadableMembersIsUnknown()
    {
        SignInImpactCheck check(SsoChange::Enable, {}, kSso);
        const SignInImpact r = check.unknown(QStringLiteral("no users.list"));
        QVERIFY(!r.known());
        QVERIFY(!r.fewEmergencyAdmins());
    }
};

QTEST_GUILESS_MAIN(TestSignInImpact)
#include "tst_sign_in_impact.moc"
