// The state file: changes survive a restart, and no client secret is ever written to it.
#include "SandboxTestSupport.h"

#include <QCryptographicHash>

#include <QFile>
#include <QTemporaryDir>

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

namespace {

const QString kGlobex = QStringLiteral("/organizations/globex/sso-connection");
const QByteArray kSecret = "state-file-must-not-hold-this";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSandboxState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("sandbox-state.json"));
        options.extraOrganizations = 20;

        QJsonObject created;
        QJsonObject patchedAcme;
        {
            SandboxServer server(options);
            QVERIFY(server.errorString().isEmpty());
            QVERIFY(!QFile::exists(options.stateFile)); // nothing changed yet, nothing written
            QVERIFY(server.listen());
            Http http(server.baseUrl());
            http.token = server.issueToken();
            Response r =
                http.post(kGlobex, QJsonObject{{"identifier", "https://globex.okta.com"},
                                               {"client_id", "globex-client"},
                                               {"client_secret", QString::fromLatin1(kSecret)}});
            QCOMPARE(r.status, 201);
            created = r.json();
            QVERIFY(QFile::exists(options.stateFile));
            QCOMPARE(http.del(QStringLiteral("/organizations/wayne/sso-connection")).status, 204);
            r = http.patch(QStringLiteral("/organizations/acme/sso-connection"),
                           QJsonObject{{"client_id", "acme-new-client"},
                                       {"client_secret", QStringLiteral("acme-rotated-secret")}});
            QCOMPARE(r.status, 200);
            patchedAcme = r.json();
            QCOMPARE(http.post(QStringLiteral("/organizations/org-00003/sso-connection"),
                               QJsonObject{{"identifier", "https://org-00003.okta.com"},
                                           {"client_id", "c3"}})
                         .status,
                     201);
        }

        const QByteArray file = readAll(options.stateFile);
        QVERIFY(!file.isEmpty());
        QVERIFY(QJsonDocument::fromJson(file).isObject());
        QVERIFY(!file.contains(kSecret));
        QVERIFY(!file.contains("acme-rotated-secret"));
        QVERIFY(!file.contains("sandbox-demo-secret"));
        QVERIFY(!file.contains("\"client_secret\""));
        // Nothing derived from a secret either: no hash of it, salted or not.
        QVERIFY(!file.contains("sha256"));
        QVERIFY(!file.contains(
            QCryptographicHash::hash(QByteArray(kSecret), QCryptographicHash::Sha256).toHex()));
        QVERIFY(!file.contains(
            QCryptographicHash::hash("acme-rotated-secret", QCryptographicHash::Sha256).toHex()));
        QVERIFY((QFile::permissions(options.stateFile) &
                 (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);

        SandboxServer restarted(options);
        QVERIFY(restarted.errorString().isEmpty());
        QVERIFY(restarted.listen());
        Http http(restarted.baseUrl());
        http.token = restarted.issueToken();
        Response r = http.get(kGlobex);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), created);
        QCOMPARE(r.json().value("client_secret_set").toBool(), true);
        QVERIFY(
            http.get(QStringLiteral("/organizations/globex")).json().value("sso_enabled").toBool());
        QCOMPARE(http.get(QStringLiteral("/organizations/wayne/sso-connection")).status, 404);
        QVERIFY(
            !http.get(QStringLiteral("/organizations/wayne")).json().value("sso_enabled").toBool());
        QCOMPARE(http.get(QStringLiteral("/organizations/acme/sso-connection")).json(),
                 patchedAcme);
        QCOMPARE(http.get(QStringLiteral("/organizations/org-00003/sso-connection")).status, 200);
        // 3 demo connections - wayne + globex, plus the generated ones (every 7th: org-00007,
        // org-00014) and org-00003.
        QCOMPARE(restarted.connectionCount(), 3 - 1 + 1 + 2 + 1);
    }

    // Members and invitations survive a restart: a role change, a removal, a new and an
    // accepted invitation, SSO sign-ins (a new member, a generated member's source), while the
    // 1,000 generated members are made again rather than written to the file.
    void membersRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("sandbox-state.json"));
        options.generatedMembers = 1000;
        options.generatedMembersOrganization = QStringLiteral("initech");

        QList<QJsonObject> acmeMembers;
        QList<QJsonObject> initechMembers;
        QList<QJsonObject> acmeInvitations;
        QList<QJsonObject> wayneInvitations;
        QString pendingId;
        {
            SandboxServer server(options);
            QVERIFY(server.errorString().isEmpty());
            QVERIFY(server.listen());
            Http http(server.baseUrl());
            http.token = server.issueToken();
            const QList<QJsonObject> acme = server.members(QStringLiteral("acme"));
            const auto idOf = [&](const QString &email) {
                for (const QJsonObject &m : acme) {
                    if (m.value("email").toString() == email)
                        return m.value("id").toString();
                }
                return QString();
            };
            const QString road = idOf(QStringLiteral("road.runner@acme.example"));
            const QString porky = idOf(QStringLiteral("porky.pig@acme.example"));
            QVERIFY(!road.isEmpty() && !porky.isEmpty());
            Response r = http.patch(QStringLiteral("/organizations/acme/users/%1").arg(road),
                                    QJsonObject{{"role", "org_admin"}});
            QCOMPARE(r.status, 200);
            QVERIFY(QFile::exists(options.stateFile));
            QCOMPARE(http.del(QStringLiteral("/organizations/acme/users/%1").arg(porky)).status,
                     204);
            r = http.post(QStringLiteral("/organizations/acme/invitations"),
                          QJsonObject{{"email", "later@acme.example"}, {"role", "org_viewer"}});
            QCOMPARE(r.status, 201);
            pendingId = r.json().value("id").toString();
            r = http.post(
                QStringLiteral("/organizations/wayne/invitations"),
                QJsonObject{{"email", "selina.kyle@wayne.example"}, {"role", "org_admin"}});
            QCOMPARE(r.status, 201);
            QCOMPARE(http.post(QStringLiteral("/sandbox/organizations/wayne/invitations/%1/accept")
                                   .arg(r.json().value("id").toString()),
                               {})
                         .status,
                     201);
            QCOMPARE(http.post(QStringLiteral("/idp/signin/acme"),
                               QJsonObject{{"email", "new.coyote@acme.example"}})
                         .status,
                     201);
            // A generated member with a Keycard account (n % 20 == 3) signs in through SSO.
            r = http.post(QStringLiteral("/idp/signin/initech"),
                          QJsonObject{{"email", "member000023@initech.example.com"}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value("source").toString(),
                     server.connection(QStringLiteral("initech"))->value("identifier").toString());
            acmeMembers = server.members(QStringLiteral("acme"));
            initechMembers = server.members(QStringLiteral("initech"));
            acmeInvitations = server.invitations(QStringLiteral("acme"));
            wayneInvitations = server.invitations(QStringLiteral("wayne"));
        }
        QCOMPARE(acmeInvitations.size(), 2);
        QCOMPARE(initechMembers.size(), 7 + 1000);

        // The generated members are not in the file, only the one that changed.
        const QByteArray file = readAll(options.stateFile);
        QVERIFY(file.contains("member000023@initech.example.com"));
        QVERIFY(!file.contains("member000024@initech.example.com"));
        QVERIFY(file.size() < 20000);

        SandboxServer restarted(options);
        QVERIFY(restarted.errorString().isEmpty());
        QVERIFY(restarted.listen());
        Http http(restarted.baseUrl());
        http.token = restarted.issueToken();
        QCOMPARE(restarted.members(QStringLiteral("acme")), acmeMembers);
        QCOMPARE(restarted.members(QStringLiteral("initech")), initechMembers);
        QCOMPARE(restarted.invitations(QStringLiteral("acme")), acmeInvitations);
        QCOMPARE(restarted.invitations(QStringLiteral("wayne")), wayneInvitations);
        // And the server serves them: the new role, the accepted invitation's member, the
        // member made by a sign-in, the pending invitation (which can still be revoked).
        Response r = http.get(QStringLiteral("/organizations/acme/users?limit=1000"));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), acmeMembers.size());
        QStringList emails;
        for (const QJsonValue &item : items) {
            emails.append(item.toObject().value("email").toString());
            if (emails.constLast() == QLatin1String("road.runner@acme.example"))
                QCOMPARE(item.toObject().value("role").toString(), QStringLiteral("org_admin"));
        }
        QVERIFY(emails.contains(QStringLiteral("road.runner@acme.example")));
        QVERIFY(emails.contains(QStringLiteral("new.coyote@acme.example")));
        QVERIFY(!emails.contains(QStringLiteral("porky.pig@acme.example")));
        r = http.get(QStringLiteral("/organizations/wayne/users"));
        QVERIFY(r.body.contains("selina.kyle@wayne.example"));
        r = http.get(QStringLiteral("/organizations/acme/invitations"));
        QVERIFY(r.body.contains("later@acme.example"));
        QCOMPARE(
            http.del(QStringLiteral("/organizations/acme/invitations/%1").arg(pendingId)).status,
            204);
        // Changes after the restart are saved on top of what was loaded.
        SandboxServer again(options);
        QVERIFY(again.errorString().isEmpty());
        QCOMPARE(again.members(QStringLiteral("acme")), acmeMembers);
        QCOMPARE(again.invitations(QStringLiteral("acme")).constLast().value("status").toString(),
                 QStringLiteral("revoked"));
    }

    // A state file of the previous version (organizations and SSO only) still loads, and the
    // demo members are served as seeded.
    void versionOneStateFile()
    {
        QTemporaryDir dir;
        SandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("v1.json"));
        const QList<QJsonObject> seeded = SandboxServer(SandboxOptions()).members("wayne");
        const QString wayneId =
            SandboxServer(SandboxOptions()).organization("wayne")->value("id").toString();
        QFile file(options.stateFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(
                       QJsonObject{{"version", 1},
                                   {"organizations", QJsonArray{QJsonObject{
                                                         {"id", wayneId},
                                                         {"updated_at", "2026-01-02T03:04:05.000Z"},
                                                         {"sso_connection", QJsonValue::Null}}}}})
                       .toJson());
        file.close();
        SandboxServer server(options);
        QVERIFY(server.errorString().isEmpty());
        QVERIFY(!server.connection(QStringLiteral("wayne")).has_value());
        QCOMPARE(server.members(QStringLiteral("wayne")), seeded);
        QCOMPARE(server.invitations(QStringLiteral("acme")).size(), 1);
    }

    void withoutStateFileChangesAreNotKept()
    {
        SandboxServer server;
        QVERIFY(server.listen());
        Http http(server.baseUrl());
        http.token = server.issueToken();
        QCOMPARE(http.del(QStringLiteral("/organizations/acme/sso-connection")).status, 204);
        SandboxServer fresh;
        QVERIFY(fresh.connection(QStringLiteral("acme")).has_value());
    }

    void unreadableStateFile()
    {
        QTemporaryDir dir;
        SandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("broken.json"));
        QFile file(options.stateFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        SandboxServer server(options);
        QVERIFY(!server.errorString().isEmpty());
        QVERIFY(server.errorString().contains(options.stateFile));
        // The seeded data is still served, and the unreadable file is never overwritten.
        QVERIFY(server.listen());
        Http http(server.baseUrl());
        http.token = server.issueToken();
        QCOMPARE(http.del(QStringLiteral("/organizations/acme/sso-connection")).status, 204);
        QCOMPARE(readAll(options.stateFile), QByteArray("{ not json"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxState)
#include "test_sandbox_state.moc"
