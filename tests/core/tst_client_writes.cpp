// Write operations against the in-process sandbox (enable with 409 reconcile, update, disable),
// field rules and configuration checked before sending, abort, contexts.

#include "ClientTestSupport.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>

using namespace testsupport;
namespace demo = keycard::sandbox::demo;

class TestClientWrites : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enableSso()
    {
        Fixture f;
        const int before = f.server->connectionCount();
        const SsoConnectionCreate body =
            ssoCreate(QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobexClient"),
                      QStringLiteral("idp-secret-value"));
        const auto rec = f.enableSso(QStringLiteral("globex"), body);
        VERIFY_OK(rec);
        QVERIFY(!rec.value().alreadyEnabled);
        QVERIFY(rec.value().matchesRequest);
        QCOMPARE(rec.value().connection.identifier, body.identifier);
        QVERIFY(rec.value().connection.clientSecretSet);
        QCOMPARE(f.server->connectionCount(), before + 1);
        const auto stored = f.server->connection(QStringLiteral("globex"));
        QVERIFY(stored);
        QCOMPARE(stored->value(QStringLiteral("client_id")).toString(), body.clientId);
        const auto posts = f.requestsTo("POST", orgPath("globex", "/sso-connection"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.at(0).header("content-type"), "application/json");
        QCOMPARE(posts.at(0).jsonBody(), body.toJson());
        QCOMPARE(f.server->organization(QStringLiteral("globex"))
                     ->value(QStringLiteral("sso_enabled"))
                     .toBool(),
                 true);
    }

    void enableConflictReconciled_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<bool>("matches");
        QTest::newRow("same") << QString::fromLatin1(demo::kAcmeIdentifier)
                              << QString::fromLatin1(demo::kAcmeClientId) << true;
        QTest::newRow("other identifier") << QStringLiteral("https://other.okta.com")
                                          << QString::fromLatin1(demo::kAcmeClientId) << false;
        QTest::newRow("other client id")
            << QString::fromLatin1(demo::kAcmeIdentifier) << QStringLiteral("another") << false;
    }

    void enableConflictReconciled()
    {
        QFETCH(QString, identifier);
        QFETCH(QString, clientId);
        QFETCH(bool, matches);
        Fixture f;
        QSignalSpy retries(f.client.get(), &KeycardClient::retryScheduled);
        const SsoConnectionCreate body = ssoCreate(identifier, clientId);
        const auto rec = f.enableSso(QStringLiteral("acme"), body);
        VERIFY_OK(rec);
        QVERIFY(rec.value().alreadyEnabled);
        QCOMPARE(rec.value().matchesRequest, matches);
        QCOMPARE(rec.value().connection.identifier, QLatin1String(demo::kAcmeIdentifier));
        // 409 is not retried: one POST, then one GET reading the connection back.
        const auto posts = f.requestsTo("POST", orgPath("acme", "/sso-connection"));
        const auto gets = f.requestsTo("GET", orgPath("acme", "/sso-connection"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(gets.size(), 1);
        QCOMPARE(gets.at(0).requestId(), posts.at(0).requestId());
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.server->connectionCount(), 3);
    }

    // Issue 23, point 2: "these settings" are everything the request sends that the server
    // reflects; a secret sent is always a difference (not set, or not comparable).
    void enableConflictComparesEverythingSent_data()
    {
        QTest::addColumn<QString>("organization");
        QTest::addColumn<bool>("withSecret");
        QTest::addColumn<QStringList>("scopes"); // empty: no protocols sent
        QTest::addColumn<QStringList>("differences");
        QTest::newRow("initech, a secret while none is set")
            << QStringLiteral("initech") << true << QStringList{}
            << QStringList{QStringLiteral("client_secret")};
        QTest::newRow("acme, a secret while one is set")
            << QStringLiteral("acme") << true << QStringList{}
            << QStringList{QStringLiteral("client_secret")};
        QTest::newRow("acme, other scopes")
            << QStringLiteral("acme") << false << QStringList{QStringLiteral("openid")}
            << QStringList{QStringLiteral("protocols.oauth2.scopes_supported")};
        QTest::newRow("acme, the same scopes in another order")
            << QStringLiteral("acme") << false
            << QStringList{QStringLiteral("groups"), QStringLiteral("openid"),
                           QStringLiteral("email"), QStringLiteral("profile")}
            << QStringList{};
        QTest::newRow("initech, scopes it does not have")
            << QStringLiteral("initech") << false << QStringList{QStringLiteral("openid")}
            << QStringList{QStringLiteral("protocols.oauth2.scopes_supported")};
    }
    void enableConflictComparesEverythingSent()
    {
        QFETCH(QString, organization);
        QFETCH(bool, withSecret);
        QFETCH(QStringList, scopes);
        QFETCH(QStringList, differences);
        Fixture f;
        const bool acme = organization == QLatin1String("acme");
        SsoConnectionCreate body =
            ssoCreate(QString::fromLatin1(acme ? demo::kAcmeIdentifier : demo::kInitechIdentifier),
                      QString::fromLatin1(acme ? demo::kAcmeClientId : demo::kInitechClientId));
        const QString secret = QStringLiteral("new-idp-secret-4417");
        if (withSecret)
            body.clientSecret = secret;
        if (!scopes.isEmpty()) {
            body.protocols = SsoProtocols{};
            body.protocols->oauth2 = OAuth2Settings{};
            body.protocols->oauth2->scopesSupported = scopes;
        }
        const auto rec = f.enableSso(organization, body);
        VERIFY_OK(rec);
        QVERIFY(rec.value().alreadyEnabled);
        QStringList fields;
        for (const SsoDifference &d : rec.value().differences) {
            fields << d.field;
            QVERIFY(!d.toString().contains(secret));
        }
        QCOMPARE(fields, differences);
        QCOMPARE(rec.value().matchesRequest, differences.isEmpty());
    }

    void enableValidationFromServer()
    {
        Fixture f;
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://globex.okta.com");
        body.clientId = QStringLiteral("abc");
        SsoProtocols protocols;
        protocols.oauth2 = OAuth2Settings{};
        protocols.oauth2->jwksUri = QStringLiteral("not a url");
        body.protocols = protocols;
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("globex"), body, this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Validation);
        QCOMPARE(rec.error().httpStatus, 400);
        QCOMPARE(rec.error().field, QStringLiteral("protocols.oauth2.jwks_uri"));
        QVERIFY(rec.error().message.contains(QStringLiteral("jwks_uri")));
        QCOMPARE(rec.error().attempts, 1);
        QVERIFY(!f.server->connection(QStringLiteral("globex")));
    }

    void enableForbiddenOnStark()
    {
        Fixture f;
        const SsoConnectionCreate body =
            ssoCreate(QStringLiteral("https://stark.okta.com"), QStringLiteral("abc"));
        const auto rec = f.enableSso(QStringLiteral("stark"), body);
        QCOMPARE(rec.error().kind, ApiError::Kind::Permission);
        QCOMPARE(rec.error().httpStatus, 403);
        QVERIFY(!f.server->connection(QStringLiteral("stark")));
        Recorder<Done> disable;
        f.client->disableSso(QStringLiteral("stark"), this, disable.callback());
        AWAIT(disable);
        QVERIFY(disable.error().kind == ApiError::Kind::Permission ||
                disable.error().kind == ApiError::Kind::NotFound);
    }

    void enableNotFound()
    {
        Fixture f;
        const SsoConnectionCreate body =
            ssoCreate(QStringLiteral("https://x.okta.com"), QStringLiteral("abc"));
        const auto rec = f.enableSso(QStringLiteral("nobody"), body);
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
    }

    void updateSso()
    {
        Fixture f;
        SsoConnectionUpdate update;
        update.clientId = QStringLiteral("new-client-id");
        update.clientSecret = QString(); // remove the secret
        Recorder<SsoConnection> rec;
        f.client->updateSso(QStringLiteral("acme"), update, this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(rec.value().clientId, std::optional<QString>(QStringLiteral("new-client-id")));
        QVERIFY(!rec.value().clientSecretSet);
        QCOMPARE(rec.value().identifier, QLatin1String(demo::kAcmeIdentifier));
        const auto patches = f.requestsTo("PATCH", orgPath("acme", "/sso-connection"));
        QCOMPARE(patches.size(), 1);
        QVERIFY(patches.at(0).jsonBody().value(QStringLiteral("client_secret")).isNull());
        QVERIFY(!patches.at(0).jsonBody().contains(QStringLiteral("identifier")));

        Recorder<SsoConnection> missing;
        f.client->updateSso(QStringLiteral("globex"), update, this, missing.callback());
        AWAIT(missing);
        QCOMPARE(missing.error().kind, ApiError::Kind::NotFound);
    }

    void updateNothingIsRefused()
    {
        Fixture f;
        Recorder<SsoConnection> rec;
        f.client->updateSso(QStringLiteral("acme"), SsoConnectionUpdate{}, this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(f.server->requests().size(), 0);
    }

    void disableSso()
    {
        Fixture f;
        Recorder<Done> rec;
        f.client->disableSso(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(!f.server->connection(QStringLiteral("acme")));
        QCOMPARE(f.server->organization(QStringLiteral("acme"))
                     ->value(QStringLiteral("sso_enabled"))
                     .toBool(),
                 false);
        Recorder<Done> again;
        f.client->disableSso(QStringLiteral("acme"), this, again.callback());
        AWAIT(again);
        QCOMPARE(again.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(again.error().httpStatus, 404);
    }

    void fieldRulesBeforeSending_data()
    {
        QTest::addColumn<QString>("organization");
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("requestId");
        QTest::addColumn<QString>("field");
        const QString okOrg = QStringLiteral("globex");
        const QString okIdentifier = QStringLiteral("https://globex.okta.com");
        const QString okClient = QStringLiteral("abc");
        QTest::newRow("org empty")
            << QString() << okIdentifier << okClient << QString() << "organization_id";
        QTest::newRow("org 256") << QStringLiteral("a").repeated(256) << okIdentifier << okClient
                                 << QString() << "organization_id";
        QTest::newRow("identifier empty")
            << okOrg << QString() << okClient << QString() << "identifier";
        QTest::newRow("identifier 2049")
            << okOrg << QStringLiteral("h").repeated(2049) << okClient << QString() << "identifier";
        QTest::newRow("identifier 2049 non-BMP")
            << okOrg << QStringLiteral("\U0001D518").repeated(2049) << okClient << QString()
            << "identifier";
        QTest::newRow("client id blank")
            << okOrg << okIdentifier << QStringLiteral("  ") << QString() << "client_id";
        QTest::newRow("request id not uuid")
            << okOrg << okIdentifier << okClient << QStringLiteral("not-a-uuid")
            << "x_client_request_id";
    }

    void fieldRulesBeforeSending()
    {
        QFETCH(QString, organization);
        QFETCH(QString, identifier);
        QFETCH(QString, clientId);
        QFETCH(QString, requestId);
        QFETCH(QString, field);
        Fixture f;
        SsoConnectionCreate body;
        body.identifier = identifier;
        body.clientId = clientId;
        CallOptions options;
        options.requestId = requestId;
        Recorder<EnableOutcome> rec;
        f.client->enableSso(organization, body, this, rec.callback(), options);
        QVERIFY(!rec.done()); // delivered asynchronously
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(rec.error().field, field);
        QVERIFY(!rec.error().message.isEmpty());
        QCOMPARE(rec.error().attempts, 0);
        QCOMPARE(f.server->requests().size(), 0);
        QCOMPARE(rec.calls(), 1);
    }

    void nonBmpIdentifierAtLimitIsSent()
    {
        Fixture f;
        SsoConnectionCreate body;
        // 2,048 code points (2,024 of them 2 UTF-16 units each): valid, and an issuer URL.
        const QString origin = QStringLiteral("https://idp.example.com/");
        body.identifier = origin + QStringLiteral("\U0001D518").repeated(2048 - origin.size());
        body.clientId = QStringLiteral("abc");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("globex"), body, this, rec.callback());
        AWAIT(rec);
        QVERIFY(rec.result().ok() || rec.error().kind == ApiError::Kind::Validation);
        QCOMPARE(f.requestsTo("POST", orgPath("globex", "/sso-connection")).size(), 1);
    }

    void configurationErrorsSendNothing()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials{};
        f.client->setConfig(config);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        QVERIFY(!rec.done());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Configuration);
        QCOMPARE(f.server->requests().size(), 0);
    }

    void abortInFlight()
    {
        Fixture f;
        f.server->setLatency(300);
        Recorder<Organization> rec;
        QPointer<PendingCall> call =
            f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        QSignalSpy done(call.data(), &PendingCall::finished);
        QTRY_VERIFY_WITH_TIMEOUT(!f.requestsTo("GET", orgPath("acme")).isEmpty(), kWaitMs);
        call->abort();
        QVERIFY(rec.done()); // delivered right away
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(done.size(), 1);
        QVERIFY(call->isFinished());
        call->abort(); // no-op once finished
        QTRY_VERIFY(call.isNull());
        // A later call on the same connection completes after the aborted one's reply was due:
        // the aborted callback still ran only once.
        const auto later = f.getOrganization(QStringLiteral("globex"));
        VERIFY_OK(later);
        QCOMPARE(rec.calls(), 1);
    }

    void destroyedContextDropsCallback()
    {
        Fixture f;
        auto *context = new QObject;
        int calls = 0;
        QPointer<PendingCall> call = f.client->getOrganization(
            QStringLiteral("acme"), context, [&](const Result<Organization> &) { ++calls; });
        QSignalSpy done(call.data(), &PendingCall::finished);
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        QCOMPARE(calls, 0);
    }

    void clientDestroyedCancelsCalls()
    {
        Fixture f;
        f.server->setLatency(200);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        f.client.reset();
        QVERIFY(rec.done());
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(rec.calls(), 1);
    }

    void callbackMayDestroyClient()
    {
        // A profile switch replaces the client from inside a callback: the other call in
        // flight ends Cancelled, nothing touches the destroyed client afterwards.
        Fixture f;
        Recorder<Organization> other;
        int calls = 0;
        f.server->setLatency(50);
        f.client->getOrganization(QStringLiteral("acme"), this, [&](const Result<Organization> &) {
            ++calls;
            f.client.reset();
        });
        f.client->getSsoConnection(
            QStringLiteral("acme"), this, [&](const Result<SsoConnection> &r) {
                ++calls;
                // Cancelled, unless its reply happened to come first.
                QVERIFY(r.ok() || r.error().kind == ApiError::Kind::Cancelled);
            });
        QTRY_COMPARE_WITH_TIMEOUT(calls, 2, kWaitMs);
        QVERIFY(!f.client);
    }

    void retrySlotMayDestroyClient()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme"), {status(503)});
        Recorder<Organization> rec;
        connect(f.client.get(), &KeycardClient::retryScheduled, this, [&] { f.client.reset(); });
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(rec.calls(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientWrites)
#include "tst_client_writes.moc"
