// SSO connection lifecycle, validation, permissions and secrecy.
#include "DemoData.h"
#include "SandboxTestSupport.h"

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

namespace {

const QString kGlobex = QStringLiteral("/organizations/globex/sso-connection");

QJsonObject createBody()
{
    return QJsonObject{
        {"identifier", "https://globex.okta.com"},
        {"client_id", "0oaGlobexClient"},
        {"client_secret", "globex-very-secret-value"},
        {"protocols",
         QJsonObject{{"oauth2", QJsonObject{{"authorization_endpoint",
                                             "https://globex.okta.com/oauth2/v1/authorize"},
                                            {"scopes_supported", QJsonArray{"openid", "email"}}}},
                     {"openid", QJsonValue(QJsonValue::Null)}}},
    };
}

} // namespace

class TestSandboxSso : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Http> m_http;

    bool orgSsoEnabled(const QString &label)
    {
        return m_http->get(QStringLiteral("/organizations/") + label)
            .json()
            .value("sso_enabled")
            .toBool();
    }

private Q_SLOTS:
    void init() { QVERIFY(sandboxtest::serve(m_server, m_http)); }
    void cleanup() { sandboxtest::stop(m_server, m_http); }

    void seededConnections()
    {
        const Response acme = m_http->get(QStringLiteral("/organizations/acme/sso-connection"));
        QCOMPARE(acme.status, 200);
        QJsonObject o = acme.json();
        QCOMPARE(o.value("identifier").toString(), QLatin1String(demo::kAcmeIdentifier));
        QCOMPARE(o.value("client_id").toString(), QLatin1String(demo::kAcmeClientId));
        QCOMPARE(o.value("client_secret_set").toBool(), true);
        const QJsonObject oauth2 = o.value("protocols").toObject().value("oauth2").toObject();
        QCOMPARE(oauth2.value("authorization_endpoint").toString(),
                 QStringLiteral("https://acme.okta.com/oauth2/v1/authorize"));
        QCOMPARE(oauth2.value("scopes_supported").toArray(),
                 (QJsonArray{"openid", "profile", "email", "groups"}));
        QCOMPARE(oauth2.value("code_challenge_methods_supported").toArray(), QJsonArray{"S256"});
        QVERIFY(o.value("protocols")
                    .toObject()
                    .value("openid")
                    .toObject()
                    .contains("userinfo_endpoint"));
        QVERIFY(!o.contains("permissions"));

        o = m_http->get(QStringLiteral("/organizations/initech/sso-connection")).json();
        QCOMPARE(o.value("client_secret_set").toBool(), false);
        QCOMPARE(o.value("protocols").toObject().keys(), QStringList{"openid"});

        o = m_http
                ->get(QStringLiteral("/organizations/") + QLatin1String(demo::kWayne.id) +
                      QStringLiteral("/sso-connection"))
                .json();
        QCOMPARE(o.value("client_secret_set").toBool(), true);
        QVERIFY(o.value("login_url").toString().startsWith(QStringLiteral("https://")));
        QCOMPARE(o.value("protocols")
                     .toObject()
                     .value("openid")
                     .toObject()
                     .value("external_id_claim")
                     .toString(),
                 QStringLiteral("sub"));
    }

    void notEnabled()
    {
        const Response r = m_http->get(kGlobex);
        QCOMPARE(r.status, 404);
        QVERIFY(r.json().value("message").toString().contains(QStringLiteral("not enabled")));
        const Response unknown =
            m_http->get(QStringLiteral("/organizations/nobody/sso-connection"));
        QCOMPARE(unknown.status, 404);
        QVERIFY(unknown.json().value("message").toString().contains(QStringLiteral("not found")));
        QCOMPARE(m_http->patch(kGlobex, QJsonObject{{"client_id", "x"}}).status, 404);
        QCOMPARE(m_http->del(kGlobex).status, 404);
    }

    void lifecycle()
    {
        QSignalSpy changed(m_server.get(), &SandboxServer::stateChanged);
        QVERIFY(!orgSsoEnabled(QStringLiteral("globex")));
        const int before = m_server->connectionCount();

        const Response created = m_http->post(kGlobex, createBody());
        QCOMPARE(created.status, 201);
        QJsonObject c = created.json();
        QCOMPARE(c.value("identifier").toString(), QStringLiteral("https://globex.okta.com"));
        QCOMPARE(c.value("client_id").toString(), QStringLiteral("0oaGlobexClient"));
        QCOMPARE(c.value("client_secret_set").toBool(), true);
        QVERIFY(!c.contains("client_secret"));
        QVERIFY(!created.body.contains("globex-very-secret-value"));
        QVERIFY(!c.value("id").toString().isEmpty());
        QCOMPARE(c.value("created_at"), c.value("updated_at"));
        QCOMPARE(c.value("protocols")
                     .toObject()
                     .value("oauth2")
                     .toObject()
                     .value("scopes_supported")
                     .toArray(),
                 (QJsonArray{"openid", "email"}));
        QVERIFY(orgSsoEnabled(QStringLiteral("globex")));
        QCOMPARE(m_server->connectionCount(), before + 1);
        QCOMPARE(changed.count(), 1);

        const Response again = m_http->post(kGlobex, createBody());
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value("status").toInt(), 409);
        QCOMPARE(m_server->connectionCount(), before + 1);

        const Response got = m_http->get(kGlobex);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json(), c);

        const Response patched =
            m_http->patch(kGlobex, QJsonObject{{"identifier", "https://globex2.okta.com"},
                                               {"client_secret", QJsonValue(QJsonValue::Null)}});
        QCOMPARE(patched.status, 200);
        const QJsonObject p = patched.json();
        QCOMPARE(p.value("identifier").toString(), QStringLiteral("https://globex2.okta.com"));
        QCOMPARE(p.value("client_id").toString(), QStringLiteral("0oaGlobexClient"));
        QCOMPARE(p.value("client_secret_set").toBool(), false);
        QVERIFY(p.value("updated_at").toString() > c.value("updated_at").toString());
        QCOMPARE(p.value("created_at"), c.value("created_at"));
        QCOMPARE(p.value("id"), c.value("id"));
        QCOMPARE(changed.count(), 2);

        // Removing the client id; an empty PATCH changes nothing, not even updated_at.
        const Response removed =
            m_http->patch(kGlobex, QJsonObject{{"client_id", QJsonValue(QJsonValue::Null)}});
        QCOMPARE(removed.status, 200);
        QVERIFY(removed.json().value("client_id").isNull());
        const Response empty = m_http->patch(kGlobex, QJsonObject{});
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.json(), removed.json());

        const Response deleted = m_http->del(kGlobex);
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        QVERIFY(!orgSsoEnabled(QStringLiteral("globex")));
        QCOMPARE(m_server->connectionCount(), before);
        QCOMPARE(m_http->get(kGlobex).status, 404);
        QCOMPARE(m_http->del(kGlobex).status, 404);
        QVERIFY(!m_server->connection(QStringLiteral("globex")).has_value());
    }

    void enableByIdTouchesOrganization()
    {
        const QString before = m_http->get(QStringLiteral("/organizations/umbrella"))
                                   .json()
                                   .value("updated_at")
                                   .toString();
        const Response r =
            m_http->post(QStringLiteral("/organizations/") + QLatin1String(demo::kUmbrella.id) +
                             QStringLiteral("/sso-connection"),
                         QJsonObject{{"identifier", "https://accounts.google.com"},
                                     {"client_id", "umbrella-client"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("client_secret_set").toBool(), false);
        const QJsonObject org = m_http->get(QStringLiteral("/organizations/umbrella")).json();
        QVERIFY(org.value("sso_enabled").toBool());
        QVERIFY(org.value("updated_at").toString() > before);
        QCOMPARE(m_server->connection(QStringLiteral("umbrella"))->value("client_id").toString(),
                 QStringLiteral("umbrella-client"));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QString acme = QStringLiteral("/organizations/acme/sso-connection");
        QJsonObject b = createBody();
        b.remove("identifier");
        QTest::newRow("identifier missing") << QByteArray("POST") << kGlobex << b << "identifier";
        b = createBody();
        b["identifier"] = QString();
        QTest::newRow("identifier empty") << QByteArray("POST") << kGlobex << b << "identifier";
        b["identifier"] = QStringLiteral("   ");
        QTest::newRow("identifier blank") << QByteArray("POST") << kGlobex << b << "identifier";
        b["identifier"] = QString(2049, QLatin1Char('a'));
        QTest::newRow("identifier 2049") << QByteArray("POST") << kGlobex << b << "identifier";
        b["identifier"] = 42;
        QTest::newRow("identifier number") << QByteArray("POST") << kGlobex << b << "identifier";
        b = createBody();
        b.remove("client_id");
        QTest::newRow("client_id missing") << QByteArray("POST") << kGlobex << b << "client_id";
        b["client_id"] = QStringLiteral(" \t ");
        QTest::newRow("client_id blank") << QByteArray("POST") << kGlobex << b << "client_id";
        b = createBody();
        b["client_secret"] = 7;
        QTest::newRow("client_secret number")
            << QByteArray("POST") << kGlobex << b << "client_secret";
        b = createBody();
        b["protocols"] = QStringLiteral("oauth2");
        QTest::newRow("protocols string") << QByteArray("POST") << kGlobex << b << "protocols";
        b["protocols"] = QJsonObject{{"oauth2", QJsonObject{{"scopes_supported", "openid"}}}};
        QTest::newRow("scopes not array")
            << QByteArray("POST") << kGlobex << b << "protocols.oauth2.scopes_supported";
        b["protocols"] = QJsonObject{{"openid", QJsonObject{{"userinfo_endpoint", 5}}}};
        QTest::newRow("userinfo number")
            << QByteArray("POST") << kGlobex << b << "protocols.openid.userinfo_endpoint";
        QTest::newRow("patch identifier too long")
            << QByteArray("PATCH") << acme
            << QJsonObject{{"identifier", QString(2049, QLatin1Char('a'))}} << "identifier";
        QTest::newRow("patch identifier null")
            << QByteArray("PATCH") << acme
            << QJsonObject{{"identifier", QJsonValue(QJsonValue::Null)}} << "identifier";
        QTest::newRow("patch client_id blank")
            << QByteArray("PATCH") << acme << QJsonObject{{"client_id", " "}} << "client_id";
    }
    void validation()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto acmeBefore = m_server->connection(QStringLiteral("acme"));
        const Response r = m_http->send(method, path, QJsonDocument(body).toJson());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("status").toInt(), 400);
        QCOMPARE(r.errorCode(), QStringLiteral("validation_error"));
        QCOMPARE(r.errorField(), field);
        QVERIFY2(r.json().value("message").toString().startsWith(field + QLatin1Char(':')),
                 r.body.constData());
        QVERIFY(!m_server->connection(QStringLiteral("globex")).has_value());
        QCOMPARE(m_server->connection(QStringLiteral("acme")), acmeBefore);
    }

    void lengthCountsCodePoints()
    {
        // 2048 non-BMP characters are 4096 UTF-16 units but 2048 code points: valid.
        QString identifier;
        for (int i = 0; i < 2048; ++i)
            identifier += QString::fromUcs4(U"\U0001F511");
        QJsonObject body = createBody();
        body["identifier"] = identifier;
        QCOMPARE(m_http->post(kGlobex, body).status, 201);
        QCOMPARE(m_http
                     ->patch(kGlobex,
                             QJsonObject{{"identifier", QString(identifier + QStringLiteral("x"))}})
                     .status,
                 400);
        QCOMPARE(m_http->patch(kGlobex, QJsonObject{{"identifier", QStringLiteral("x")}}).status,
                 200);
    }

    void notJson()
    {
        QCOMPARE(m_http->send("POST", kGlobex, "identifier=x").status, 400);
        QCOMPARE(m_http->send("POST", kGlobex, "[1,2]").status, 400);
        QCOMPARE(
            m_http->send("PATCH", QStringLiteral("/organizations/acme/sso-connection"), "{").status,
            400);
        QVERIFY(!m_server->connection(QStringLiteral("globex")).has_value());
    }

    void requestIdHeader()
    {
        const Response bad = m_http->send("POST", kGlobex, QJsonDocument(createBody()).toJson(),
                                          {{"X-Client-Request-ID", "not-a-uuid"}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorField(), QStringLiteral("x_client_request_id"));
        QVERIFY(!m_server->connection(QStringLiteral("globex")).has_value());
        const QByteArray id = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
        const Response good = m_http->send("POST", kGlobex, QJsonDocument(createBody()).toJson(),
                                           {{"X-Client-Request-ID", id}});
        QCOMPARE(good.status, 201);
        QCOMPARE(good.headers.value("x-client-request-id"), id);
    }

    void forbiddenOnStark()
    {
        const QString stark = QStringLiteral("/organizations/stark/sso-connection");
        QCOMPARE(m_http->post(stark, createBody()).status, 403);
        QCOMPARE(m_http->patch(stark, QJsonObject{{"client_id", "x"}}).status, 403);
        const Response r = m_http->del(stark);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value("status").toInt(), 403);
        QVERIFY(!r.errorCode().isEmpty());
        QVERIFY(!m_server->connection(QStringLiteral("stark")).has_value());
        QCOMPARE(m_http->get(stark).status, 404);

        // Permissions set at run time are enforced, and reported on the connection.
        m_server->setPermissions(
            QStringLiteral("acme"),
            QJsonObject{{"organizations", QJsonObject{{"read", true}, {"update", false}}}});
        QCOMPARE(m_http->del(QStringLiteral("/organizations/acme/sso-connection")).status, 403);
        QVERIFY(m_server->connection(QStringLiteral("acme")).has_value());
        const QJsonObject perms =
            m_http->get(QStringLiteral("/organizations/acme/sso-connection?expand[]=permissions"))
                .json()
                .value("permissions")
                .toObject();
        QCOMPARE(perms.value("organizations").toObject().value("update").toBool(true), false);
        QCOMPARE(perms.value("sso_connection").toObject().value("delete").toBool(true), false);
    }

    void connectionPermissions()
    {
        const Response r = m_http->get(
            QStringLiteral("/organizations/acme/sso-connection?expand%5B%5D=permissions"));
        QCOMPARE(r.status, 200);
        const QJsonObject perms = r.json().value("permissions").toObject();
        QCOMPARE(perms.value("organizations").toObject().value("update").toBool(), true);
        QCOMPARE(perms.value("sso_connection").toObject().value("read").toBool(), true);
        QCOMPARE(perms.value("sso_connection").toObject().value("update").toBool(), true);
        QCOMPARE(perms.value("sso_connection").toObject().value("delete").toBool(), true);
        // The stored connection never carries permissions.
        QVERIFY(!m_server->connection(QStringLiteral("acme"))->contains("permissions"));
    }

    void secretNeverReturned()
    {
        const QByteArray secret = "globex-very-secret-value";
        QList<QByteArray> bodies;
        bodies << m_http->post(kGlobex, createBody()).body;
        bodies << m_http->get(kGlobex).body;
        bodies << m_http->get(kGlobex + QStringLiteral("?expand[]=permissions")).body;
        bodies
            << m_http->patch(kGlobex, QJsonObject{{"client_secret", "another-secret-value"}}).body;
        bodies << m_http->get(QStringLiteral("/organizations?expand[]=permissions")).body;
        for (const QByteArray &body : std::as_const(bodies)) {
            QVERIFY(!body.isEmpty());
            QVERIFY(!body.contains(secret));
            QVERIFY(!body.contains("another-secret-value"));
            QVERIFY(!body.contains("\"client_secret\""));
        }
        QVERIFY(
            m_server->connection(QStringLiteral("globex"))->value("client_secret_set").toBool());
    }
};

QTEST_GUILESS_MAIN(TestSandboxSso)
#include "test_sandbox_sso.moc"
