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
