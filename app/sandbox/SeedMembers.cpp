// The demo organizations' members and invitations, and generated members (--org-members N).
#include "DemoData.h"
#include "Models.h"
#include "Seed.h"

namespace keycard::sandbox::seed {

namespace {

enum class Via { Sso, Keycard, OldIssuer };

struct DemoMember
{
    const char *email;
    const char *role;
    bool active;
    Via via;
};

constexpr DemoMember kAcmeMembers[] = {
    {"it-admin@acme.example", "org_admin", true, Via::Keycard},
    {"breakglass@acme.example", "org_admin", true, Via::Keycard},
    {"wile.coyote@acme.example", "org_admin", true, Via::Sso},
    {"road.runner@acme.example", "org_member", true, Via::Sso},
    {"marvin.martian@acme.example", "org_member", true, Via::Sso},
    {"daffy.duck@acme.example", "org_viewer", true, Via::Sso},
    {"elmer.fudd@acme.example", "org_member", false, Via::Sso},
    {"porky.pig@acme.example", "org_member", true, Via::Sso},
    {"tweety.bird@acme.example", "org_viewer", true, Via::Sso},
};

constexpr DemoMember kInitechMembers[] = {
    {"bill.lumbergh@initech.example", "org_admin", true, Via::Sso},
    {"michael.bolton@initech.example", "org_admin", true, Via::Sso},
    {"peter.gibbons@initech.example", "org_member", true, Via::Sso},
    {"samir.nagheenanajar@initech.example", "org_member", true, Via::Sso},
    {"milton.waddams@initech.example", "org_viewer", true, Via::Sso},
    {"tom.smykowski@initech.example", "org_admin", false, Via::Keycard},
    {"joanna@initech.example", "org_member", true, Via::Keycard},
};

constexpr DemoMember kWayneMembers[] = {
    {"alfred.pennyworth@wayne.example", "org_admin", true, Via::Keycard},
    {"bruce.wayne@wayne.example", "org_admin", true, Via::Sso},
    {"lucius.fox@wayne.example", "org_member", true, Via::Sso},
    {"dick.grayson@wayne.example", "org_member", true, Via::Sso},
    {"barbara.gordon@wayne.example", "org_viewer", true, Via::OldIssuer},
};

constexpr DemoMember kGlobexMembers[] = {
    {"hank.scorpio@globex.example", "org_admin", true, Via::Keycard},
    {"frank.grimes@globex.example", "org_admin", true, Via::Keycard},
    {"homer.simpson@globex.example", "org_member", true, Via::Keycard},
    {"lenny.leonard@globex.example", "org_viewer", true, Via::Keycard},
};

constexpr DemoMember kUmbrellaMembers[] = {
    {"albert.wesker@umbrella.example", "org_admin", true, Via::Keycard},
    {"jill.valentine@umbrella.example", "org_admin", true, Via::Keycard},
    {"chris.redfield@umbrella.example", "org_member", true, Via::Keycard},
};

constexpr DemoMember kStarkMembers[] = {
    {"tony.stark@stark.example", "org_admin", true, Via::Keycard},
    {"pepper.potts@stark.example", "org_admin", true, Via::Keycard},
    {"happy.hogan@stark.example", "org_member", true, Via::Keycard},
};

quint64 hashOf(const QString &text)
{
    quint64 h = 1469598103934665603ULL; // FNV-1a: stable across runs and platforms
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

QString ssoIssuer(const Store &store, int index)
{
    const auto &connection = store.at(index).connection;
    return connection ? connection->json.value(QLatin1String("identifier")).toString()
                      : QString::fromLatin1(demo::kKeycardIssuer);
}

template<std::size_t N>
void addMembers(Store &store, const demo::DemoOrganization &org, const DemoMember (&members)[N])
{
    const int index = store.indexOf(QLatin1String(org.id));
    if (index < 0)
        return;
    const QString sso = ssoIssuer(store, index);
    const QDateTime base = store.at(index).createdAt;
    int n = 0;
    for (const DemoMember &m : members) {
        Store::Member member;
        member.email = QString::fromLatin1(m.email);
        member.id = stableId(hashOf(member.email));
        member.role = QString::fromLatin1(m.role);
        member.status = m.active ? QStringLiteral("active") : QStringLiteral("disabled");
        switch (m.via) {
        case Via::Sso:
            member.source = sso;
            break;
        case Via::Keycard:
            member.source = QString::fromLatin1(demo::kKeycardIssuer);
            break;
        case Via::OldIssuer:
            member.source = QString::fromLatin1(demo::kWayneOldIssuer);
            break;
        }
        member.createdAt = base.addDays(3 * n + 1).addSecs(3671 * n);
        member.updatedAt = member.createdAt.addDays(n % 4);
        store.addMember(index, std::move(member));
        ++n;
    }
}

} // namespace

void addDemoMembers(Store &store)
{
    addMembers(store, demo::kAcme, kAcmeMembers);
    addMembers(store, demo::kGlobex, kGlobexMembers);
    addMembers(store, demo::kInitech, kInitechMembers);
    addMembers(store, demo::kUmbrella, kUmbrellaMembers);
    addMembers(store, demo::kStark, kStarkMembers);
    addMembers(store, demo::kWayne, kWayneMembers);
    const int acme = store.indexOf(QLatin1String(demo::kAcme.id));
    if (acme >= 0 && !store.members(acme).isEmpty())
        store.addInvitation(acme, QStringLiteral("new.hire@acme.example"),
                            QStringLiteral("org_member"), store.members(acme).constFirst().id);
}

void addGeneratedMembers(Store &store, int index, int count)
{
    const QString sso = ssoIssuer(store, index);
    const QString keycard = QString::fromLatin1(demo::kKeycardIssuer);
    const QString label = store.at(index).label;
    const QString admin = QStringLiteral("org_admin");
    const QString viewer = QStringLiteral("org_viewer");
    const QString plain = QStringLiteral("org_member");
    const QString active = QStringLiteral("active");
    const QString disabled = QStringLiteral("disabled");
    const QDateTime base = store.at(index).createdAt;
    const quint64 salt = hashOf(store.at(index).id);
    for (int n = 1; n <= count; ++n) {
        Store::Member m;
        m.id = stableId(salt ^ (quint64(n) * 0x9E3779B97F4A7C15ULL));
        m.email =
            QStringLiteral("member%1@%2.example.com").arg(n, 6, 10, QLatin1Char('0')).arg(label);
        m.role = n % 500 == 0 ? admin : (n % 10 == 0 ? viewer : plain);
        m.status = n % 50 == 7 ? disabled : active;
        m.source = n % 20 == 3 ? keycard : sso;
        m.createdAt = base.addSecs(qint64(n) * 97);
        m.updatedAt = m.createdAt;
        store.addMember(index, std::move(m));
    }
}

} // namespace keycard::sandbox::seed
