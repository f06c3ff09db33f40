// Every KeycardClient operation against the in-process sandbox: success, documented failures,
// field rules checked before sending, request ids, paths, pagination, abort and contexts.

#include "ClientTestSupport.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>

using namespace testsupport;
namespace demo = keycard::sandbox::demo;

class TestClientOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listFirstPage()
    {
        Fixture f;
        Recorder<OrganizationPage> rec;
        ListOrganizationsRequest request;
        request.limit = 2;
        f.client->listOrganizations(request, this, rec.callback());
        QVERIFY(!rec.done()); // never synchronous
        AWAIT(rec);
        VERIFY_OK(rec);
        const OrganizationPage &page = rec.value();
        QCOMPARE(page.items.size(), 2);
        QCOMPARE(page.items.at(0).id, QLatin1String(demo::kAcme.id));
        QCOMPARE(page.items.at(1).label, QLatin1String(demo::kGlobex.label));
        QVERIFY(page.pageInfo.hasNextPage);
        QVERIFY(page.pageInfo.endCursor);
        QVERIFY(!page.items.at(0).permissions);

        // What went over the wire: one token request (Basic, form body), one API call.
        const auto token = f.recorded("POST", QStringLiteral("/service-account-token"));
        QCOMPARE(token.size(), 1);
        QCOMPARE(token.at(0).header("authorization"),
                 "Basic " + QByteArray("demo-admin:sandbox-demo-secret").toBase64());
        QCOMPARE(token.at(0).header("content-type"), "application/x-www-form-urlencoded");
        QCOMPARE(token.at(0).body, "grant_type=client_credentials");
        const auto calls = f.recorded("GET", QStringLiteral("/organizations"));
        QCOMPARE(calls.size(), 1);
        QVERIFY(calls.at(0).header("authorization").startsWith("Bearer kcs_"));
        QCOMPARE(calls.at(0).query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
        QVERIFY(isLowerUuid(rec.result().requestId()));
        QCOMPARE(calls.at(0).requestId(), rec.result().requestId());
        QCOMPARE(rec.calls(), 1);
    }

    void listNextPageWithPermissions()
    {
        Fixture f;
        Recorder<OrganizationPage> first;
        ListOrganizationsRequest request;
        request.limit = 3;
        f.client->listOrganizations(request, this, first.callback());
        AWAIT(first);
        VERIFY_OK(first);
        request.after = first.value().pageInfo.endCursor;
        request.expandPermissions = true;
        Recorder<OrganizationPage> second;
        f.client->listOrganizations(request, this, second.callback());
        AWAIT(second);
        VERIFY_OK(second);
        QCOMPARE(second.value().items.size(), 3);
        QCOMPARE(second.value().items.at(0).label, QLatin1String(demo::kUmbrella.label));
        QCOMPARE(second.value().items.at(1).label, QLatin1String(demo::kStark.label));
        QVERIFY(second.value().pageInfo.hasPrevPage);
        const auto &stark = second.value().items.at(1);
        QVERIFY(stark.permissions);
        QCOMPARE(
            stark.permissions->allows(QStringLiteral("organizations"), QStringLiteral("update")),
            std::optional<bool>(false));
        const auto calls = f.recorded("GET", QStringLiteral("/organizations"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(1).query.queryItemValue(QStringLiteral("after")), *request.after);
        QCOMPARE(calls.at(1).query.queryItemValue(QStringLiteral("expand[]")),
                 QStringLiteral("permissions"));
        QVERIFY(calls.at(0).requestId() != calls.at(1).requestId());
    }

    void listLimitCheckedBeforeSending()
    {
        Fixture f;
        for (int limit : {0, 1001}) {
            Recorder<OrganizationPage> rec;
            ListOrganizationsRequest request;
            request.limit = limit;
            f.client->listOrganizations(request, this, rec.callback());
            QVERIFY(!rec.done());
            AWAIT(rec);
            QCOMPARE(rec.error().kind, ApiError::Kind::InvalidArgument);
            QCOMPARE(rec.error().field, QStringLiteral("limit"));
        }
        QCOMPARE(f.server->requests().size(), 0);
    }

    void listAllPaginates2345()
    {
        sandbox::SandboxOptions options;
        options.seedDemoData = false;
        options.extraOrganizations = 2345;
        Fixture f(options);
        QStringList expected;
        const auto orgs = f.server->organizations();
        for (const QJsonObject &o : orgs)
            expected << o.value(QStringLiteral("id")).toString();
        QCOMPARE(expected.size(), 2345);

        QStringList ids;
        int pages = 0;
        int largest = 0;
        Recorder<int> rec;
        const QString firstId = KeycardClient::newRequestId();
        CallOptions callOptions;
        callOptions.requestId = firstId;
        f.client->listAllOrganizations(
            ListOrganizationsRequest{}, this,
            [&](const OrganizationPage &page) {
                ++pages;
                largest = std::max(largest, int(page.items.size()));
                for (const Organization &o : page.items)
                    ids << o.id;
            },
            rec.callback(), callOptions);
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(rec.value(), 2345);
        QCOMPARE(pages, 24);
        QCOMPARE(largest, 100);
        QCOMPARE(ids, expected);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 2345);
        QCOMPARE(rec.result().requestId(), firstId);

        const auto calls = f.recorded("GET", QStringLiteral("/organizations"));
        QCOMPARE(calls.size(), 24);
        QCOMPARE(calls.at(0).requestId(), firstId);
        QSet<QString> requestIds;
        for (const auto &call : calls) {
            requestIds.insert(call.requestId());
            QCOMPARE(call.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
        }
        QCOMPARE(requestIds.size(), 24); // each page is its own logical operation
        QCOMPARE(f.tokenRequests(), 1);
    }

    void listAllAbortStops()
    {
        sandbox::SandboxOptions options;
        options.extraOrganizations = 500;
        Fixture f(options);
        Recorder<int> rec;
        int pages = 0;
        QPointer<PendingCall> call;
        ListOrganizationsRequest request;
        request.limit = 50;
        call = f.client->listAllOrganizations(
            request, this,
            [&](const OrganizationPage &) {
                if (++pages == 2)
                    call->abort();
            },
            rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(pages, 2);
        QTRY_VERIFY(call.isNull()); // deleted after finishing
        QCOMPARE(f.recorded("GET", QStringLiteral("/organizations")).size(), 2);
        QCOMPARE(rec.calls(), 1);
    }

    void getOrganizationByIdAndLabel()
    {
        Fixture f;
        Recorder<Organization> byLabel;
        Recorder<Organization> byId;
        f.client->getOrganization(QStringLiteral("acme"), this, byLabel.callback());
        f.client->getOrganization(QLatin1String(demo::kWayne.id), this, byId.callback());
        AWAIT(byLabel);
        AWAIT(byId);
        VERIFY_OK(byLabel);
        VERIFY_OK(byId);
        QCOMPARE(byLabel.value().id, QLatin1String(demo::kAcme.id));
        QCOMPARE(byLabel.value().name, QLatin1String(demo::kAcme.name));
        QVERIFY(byLabel.value().ssoEnabled);
        QVERIFY(byLabel.value().createdAt.isValid());
        QCOMPARE(byId.value().label, QLatin1String(demo::kWayne.label));
        QCOMPARE(f.tokenRequests(), 1); // both calls shared one token fetch
    }

    void getOrganizationNotFound()
    {
        Fixture f;
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("no-such-org"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(rec.error().httpStatus, 404);
        QVERIFY(!rec.error().code.isEmpty());
        QVERIFY(!rec.error().message.isEmpty());
        QCOMPARE(rec.error().attempts, 1);
        QVERIFY(isLowerUuid(rec.error().requestId));
        QCOMPARE(rec.result().requestId(), rec.error().requestId);
        QCOMPARE(f.recorded("GET", orgPath("no-such-org")).size(), 1); // 404 is not retried
    }

    void getOrganizationWithPermissions()
    {
        Fixture f;
        Recorder<Organization> rec;
        CallOptions options;
        options.expandPermissions = true;
        f.client->getOrganization(QStringLiteral("stark"), this, rec.callback(), options);
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(rec.value().permissions);
        QCOMPARE(rec.value().permissions->allows(QStringLiteral("organizations"),
                                                 QStringLiteral("update")),
                 std::optional<bool>(false));
        QCOMPARE(f.recorded("GET", orgPath("stark"))
                     .at(0)
                     .query.queryItemValue(QStringLiteral("expand[]")),
                 QStringLiteral("permissions"));
    }

    void organizationPathIsEncoded()
    {
        Fixture f;
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme?limit=1#x y"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
        const auto all = f.server->requests();
        QCOMPARE(all.last().path, QStringLiteral("/organizations/acme?limit=1#x y"));
        QVERIFY(all.last().query.isEmpty());
    }

    void basePathPrefixKept()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        QUrl base = f.server->baseUrl();
        base.setPath(QStringLiteral("/api/v1/"));
        config.baseUrl = base;
        config.credentials = Credentials::bearerToken(Secret(f.server->issueToken()));
        f.client->setConfig(config);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        QCOMPARE(f.server->requests().size(), 1);
        QCOMPARE(f.server->requests().at(0).path, QStringLiteral("/api/v1/organizations/acme"));
    }

    void getSsoConnection()
    {
        Fixture f;
        Recorder<SsoConnection> acme;
        Recorder<SsoConnection> wayne;
        Recorder<SsoConnection> globex;
        CallOptions expand;
        expand.expandPermissions = true;
        f.client->getSsoConnection(QStringLiteral("acme"), this, acme.callback(), expand);
        f.client->getSsoConnection(QStringLiteral("wayne"), this, wayne.callback());
        f.client->getSsoConnection(QStringLiteral("globex"), this, globex.callback());
        AWAIT(acme);
        AWAIT(wayne);
        AWAIT(globex);
        VERIFY_OK(acme);
        QCOMPARE(acme.value().identifier, QLatin1String(demo::kAcmeIdentifier));
        QCOMPARE(acme.value().clientId, std::optional<QString>(QLatin1String(demo::kAcmeClientId)));
        QVERIFY(acme.value().clientSecretSet);
        QVERIFY(!acme.value().raw.contains(QStringLiteral("client_secret")));
        QVERIFY(acme.value().protocols && acme.value().protocols->oauth2);
        QVERIFY(acme.value().permissions);
        VERIFY_OK(wayne);
        QVERIFY(wayne.value().raw.contains(QStringLiteral("login_url")));
        QVERIFY(!wayne.value().permissions);
        QCOMPARE(globex.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(globex.error().httpStatus, 404);
    }

    void enableSso()
    {
        Fixture f;
        const int before = f.server->connectionCount();
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://globex.okta.com");
        body.clientId = QStringLiteral("0oaGlobexClient");
        body.clientSecret = QStringLiteral("idp-secret-value");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("globex"), body, this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(!rec.value().alreadyEnabled);
        QVERIFY(rec.value().matchesRequest);
        QCOMPARE(rec.value().connection.identifier, body.identifier);
        QVERIFY(rec.value().connection.clientSecretSet);
        QCOMPARE(f.server->connectionCount(), before + 1);
        const auto stored = f.server->connection(QStringLiteral("globex"));
        QVERIFY(stored);
        QCOMPARE(stored->value(QStringLiteral("client_id")).toString(), body.clientId);
        const auto posts = f.recorded("POST", orgPath("globex", "/sso-connection"));
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
        SsoConnectionCreate body;
        body.identifier = identifier;
        body.clientId = clientId;
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("acme"), body, this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(rec.value().alreadyEnabled);
        QCOMPARE(rec.value().matchesRequest, matches);
        QCOMPARE(rec.value().connection.identifier, QLatin1String(demo::kAcmeIdentifier));
        // 409 is not retried: one POST, then one GET reading the connection back.
        const auto posts = f.recorded("POST", orgPath("acme", "/sso-connection"));
        const auto gets = f.recorded("GET", orgPath("acme", "/sso-connection"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(gets.size(), 1);
        QCOMPARE(gets.at(0).requestId(), posts.at(0).requestId());
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.server->connectionCount(), 3);
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
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://stark.okta.com");
        body.clientId = QStringLiteral("abc");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("stark"), body, this, rec.callback());
        AWAIT(rec);
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
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://x.okta.com");
        body.clientId = QStringLiteral("abc");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("nobody"), body, this, rec.callback());
        AWAIT(rec);
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
        const auto patches = f.recorded("PATCH", orgPath("acme", "/sso-connection"));
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
        // 2,048 code points = 4,096 UTF-16 units: valid.
        body.identifier = QStringLiteral("\U0001D518").repeated(2048);
        body.clientId = QStringLiteral("abc");
        Recorder<EnableOutcome> rec;
        f.client->enableSso(QStringLiteral("globex"), body, this, rec.callback());
        AWAIT(rec);
        QVERIFY(rec.result().ok() || rec.error().kind == ApiError::Kind::Validation);
        QCOMPARE(f.recorded("POST", orgPath("globex", "/sso-connection")).size(), 1);
    }

    void configurationErrorsSendNothing()
    {
        Fixture f;
        ClientConfig config = configFor(*f.server);
        config.credentials = Credentials{};
        f.client->setConfig(config);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        QVERIFY(!rec.done());
        AWAIT(rec);
        QCOMPARE(rec.error().kind, ApiError::Kind::Configuration);
        QCOMPARE(f.server->requests().size(), 0);
    }

    void requestIdOption()
    {
        Fixture f;
        const QString id = QStringLiteral("0b6f8a2e-4c1d-4e5f-9a7b-3c2d1e0f9a8b");
        CallOptions options;
        options.requestId = id;
        Recorder<Organization> rec;
        PendingCall *call =
            f.client->getOrganization(QStringLiteral("acme"), this, rec.callback(), options);
        QCOMPARE(call->requestId(), id);
        AWAIT(rec);
        QCOMPARE(rec.result().requestId(), id);
        QCOMPARE(f.recorded("GET", orgPath("acme")).at(0).requestId(), id);
    }

    void bearerTokenUsedAsIs()
    {
        Fixture f;
        const QString token = f.server->issueToken();
        ClientConfig config = configFor(*f.server);
        config.credentials = Credentials::bearerToken(Secret(token));
        f.client->setConfig(config);
        Recorder<Organization> rec;
        f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        AWAIT(rec);
        VERIFY_OK(rec);
        QCOMPARE(f.tokenRequests(), 0);
        QCOMPARE(f.recorded("GET", orgPath("acme")).at(0).header("authorization"),
                 "Bearer " + token.toLatin1());
    }

    void abortInFlight()
    {
        Fixture f;
        f.server->setLatency(300);
        Recorder<Organization> rec;
        QPointer<PendingCall> call =
            f.client->getOrganization(QStringLiteral("acme"), this, rec.callback());
        QSignalSpy done(call.data(), &PendingCall::finished);
        QTRY_VERIFY_WITH_TIMEOUT(!f.recorded("GET", orgPath("acme")).isEmpty(), kWaitMs);
        call->abort();
        QVERIFY(rec.done()); // delivered right away
        QCOMPARE(rec.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(done.size(), 1);
        QVERIFY(call->isFinished());
        call->abort(); // no-op once finished
        QTRY_VERIFY(call.isNull());
        // A later call on the same connection completes after the aborted one's reply was due:
        // the aborted callback still ran only once.
        Recorder<Organization> later;
        f.client->getOrganization(QStringLiteral("globex"), this, later.callback());
        AWAIT(later);
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
};

QTEST_GUILESS_MAIN(TestClientOperations)
#include "tst_client_operations.moc"
