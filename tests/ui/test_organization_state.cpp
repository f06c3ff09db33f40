// OrganizationStateStore without any widget: what it knows about an organization, how a fetch,
// a failure and a write's result change it, and that it says so (changed / fetched).
#include "DemoData.h"
#include "OrganizationState.h"
#include "SandboxFixture.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace keycard;
using keycard::test::SandboxFixture;
using Sso = OrganizationState::Sso;
namespace demo = keycard::sandbox::demo;

namespace {

QString id(const demo::DemoOrganization &org)
{
    return QString::fromLatin1(org.id);
}

QString ssoPath(const demo::DemoOrganization &org)
{
    return QStringLiteral("/organizations/%1/sso-connection").arg(id(org));
}

// Waits for the store's next `fetched` of `orgId`; returns its ok flag (false on timeout).
bool fetchAndWait(OrganizationStateStore &store, const QString &orgId, bool *ok = nullptr)
{
    QSignalSpy fetched(&store, &OrganizationStateStore::fetched);
    store.fetch(orgId);
    const bool arrived = QTest::qWaitFor([&] { return !fetched.isEmpty(); }, 5000);
    if (arrived && ok)
        *ok = fetched.constLast().at(1).toBool();
    return arrived && fetched.constLast().at(0).toString() == orgId;
}

} // namespace

class TestOrganizationState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsFromTheListEntryWithSsoUnknown()
    {
        OrganizationStateStore store;
        QSignalSpy changed(&store, &OrganizationStateStore::changed);
        Organization entry;
        entry.id = id(demo::kAcme);
        entry.name = QStringLiteral("Acme Corporation");
        entry.ssoEnabled = true; // what the list said: not yet asked about the connection
        store.seed(entry);
        QCOMPARE(changed.size(), 1);
        const OrganizationState *s = store.state(entry.id);
        QVERIFY(s);
        QCOMPARE(s->organization.name, entry.name);
        QCOMPARE(s->sso, Sso::Unknown);
        QCOMPARE(s->ssoEnabled(), std::nullopt);
        QVERIFY(!s->organizationFetchedAt.isValid());
        QVERIFY(!store.state(QStringLiteral("nobody")));
    }

    void fetchLearnsTheConnectionAndThePermissions()
    {
        SandboxFixture sandbox;
        OrganizationStateStore store;
        store.setClient(sandbox.client.get());
        bool ok = false;
        QVERIFY(fetchAndWait(store, id(demo::kAcme), &ok));
        QVERIFY(ok);
        const OrganizationState *s = store.state(id(demo::kAcme));
        QCOMPARE(s->sso, Sso::Enabled);
        QCOMPARE(s->ssoEnabled(), std::optional<bool>(true));
        QCOMPARE(s->connection->identifier, QString::fromLatin1(demo::kAcmeIdentifier));
        QVERIFY(s->permissions().has_value());
        QVERIFY(s->connectionPermissions().has_value());
        QVERIFY(s->organizationFetchedAt.isValid());
        QVERIFY(s->connectionFetchedAt.isValid());
        QVERIFY(!s->isLoading());
        // Both requests asked for the permissions.
        const auto conn = sandbox.requestsTo("GET", ssoPath(demo::kAcme));
        QCOMPARE(conn.size(), 1);
        QVERIFY(conn.constFirst().query.toString().contains(QStringLiteral("permissions")));

        QVERIFY(fetchAndWait(store, id(demo::kGlobex), &ok));
        QVERIFY(ok);
        QCOMPARE(store.state(id(demo::kGlobex))->sso, Sso::Absent); // 404: known absent
        QCOMPARE(store.state(id(demo::kGlobex))->ssoEnabled(), std::optional<bool>(false));
        QVERIFY(!store.state(id(demo::kGlobex))->connectionError);
    }

    void aFailedFetchMakesSsoUnknownWithItsError()
    {
        SandboxFixture sandbox;
        OrganizationStateStore store;
        store.setClient(sandbox.client.get());
        QVERIFY(fetchAndWait(store, id(demo::kAcme)));
        QCOMPARE(store.state(id(demo::kAcme))->sso, Sso::Enabled);

        sandbox.server->scriptResponses("GET", ssoPath(demo::kAcme), {{503, {}, {}, false}});
        bool ok = true;
        QVERIFY(fetchAndWait(store, id(demo::kAcme), &ok));
        QVERIFY(!ok);
        const OrganizationState *s = store.state(id(demo::kAcme));
        // The last known connection is no longer shown as if it were current.
        QCOMPARE(s->sso, Sso::Unknown);
        QVERIFY(!s->connection);
        QVERIFY(s->connectionError);
        QCOMPARE(s->connectionError->httpStatus, 503);

        QVERIFY(fetchAndWait(store, id(demo::kAcme), &ok)); // the server answers again
        QVERIFY(ok);
        QCOMPARE(store.state(id(demo::kAcme))->sso, Sso::Enabled);
        QVERIFY(!store.state(id(demo::kAcme))->connectionError);
    }

    void aWriteResultAppliesAtOnceAndTheOrganizationIsFetchedAgain()
    {
        SandboxFixture sandbox;
        OrganizationStateStore store;
        store.setClient(sandbox.client.get());
        const QString globex = id(demo::kGlobex);
        QVERIFY(fetchAndWait(store, globex));
        QCOMPARE(store.state(globex)->organization.raw.value(QStringLiteral("sso_enabled")),
                 QJsonValue(false));

        // Enable on the server, as the dialog would, then hand the reply to the store.
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://globex.okta.com");
        body.clientId = QStringLiteral("0oaGlobex");
        std::optional<SsoConnection> written;
        sandbox.client->enableSso(globex, body, this, [&](const Result<EnableOutcome> &r) {
            if (r.ok())
                written = r.value().connection;
        });
        QTRY_VERIFY(written.has_value());

        QSignalSpy changed(&store, &OrganizationStateStore::changed);
        store.setConnection(globex, *written);
        QCOMPARE(changed.size(), 1); // at once, before any request
        QCOMPARE(store.state(globex)->sso, Sso::Enabled);
        QCOMPARE(store.state(globex)->organization.ssoEnabled, std::optional<bool>(true));

        store.fetchOrganization(globex);
        QVERIFY(store.state(globex)->isLoading());
        QTRY_VERIFY(!store.state(globex)->isLoading());
        // The organization as the server now has it: its JSON says SSO is on.
        QCOMPARE(store.state(globex)->organization.raw.value(QStringLiteral("sso_enabled")),
                 QJsonValue(true));
        QVERIFY(store.state(globex)->permissions().has_value());
        QCOMPARE(store.state(globex)->sso, Sso::Enabled);

        store.setConnectionAbsent(globex);
        QCOMPARE(store.state(globex)->sso, Sso::Absent);
        QVERIFY(!store.state(globex)->connection);
    }

    void aWriteWinsOverAFetchStillInFlight()
    {
        SandboxFixture sandbox;
        OrganizationStateStore store;
        store.setClient(sandbox.client.get());
        const QString acme = id(demo::kAcme);
        QSignalSpy fetched(&store, &OrganizationStateStore::fetched);
        store.fetch(acme);
        QVERIFY(store.state(acme)->isLoading());
        // The connection was deleted by a write meanwhile: the older answer must not undo it.
        store.setConnectionAbsent(acme);
        QVERIFY(fetched.wait(5000));
        QCOMPARE(store.state(acme)->sso, Sso::Absent);
        QVERIFY(!store.state(acme)->isLoading());
    }

    void anotherClientForgetsEverything()
    {
        SandboxFixture sandbox;
        OrganizationStateStore store;
        store.setClient(sandbox.client.get());
        QVERIFY(fetchAndWait(store, id(demo::kAcme)));
        QSignalSpy changed(&store, &OrganizationStateStore::changed);
        store.setClient(nullptr);
        QVERIFY(!store.state(id(demo::kAcme)));
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_MAIN(TestOrganizationState)
#include "test_organization_state.moc"
