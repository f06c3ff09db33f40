// Read operations against the in-process sandbox: one page and every page of organizations,
// an organization, an SSO connection; paths, queries, request ids, bearer tokens.

#include "ClientTestSupport.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QThread>

#include <any>
#include <atomic>

using namespace testsupport;
namespace demo = keycard::sandbox::demo;

class TestClientReads : public QObject
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
        const auto token = f.requestsTo("POST", QStringLiteral("/service-account-token"));
        QCOMPARE(token.size(), 1);
        QCOMPARE(token.at(0).header("authorization"),
                 "Basic " + QByteArray("demo-admin:sandbox-demo-secret").toBase64());
        QCOMPARE(token.at(0).header("content-type"), "application/x-www-form-urlencoded");
        QCOMPARE(token.at(0).body, "grant_type=client_credentials");
        const auto calls = f.requestsTo("GET", QStringLiteral("/organizations"));
        QCOMPARE(calls.size(), 1);
        QVERIFY(calls.at(0).header("authorization").startsWith("Bearer kcs_"));
        QCOMPARE(calls.at(0).query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
        QVERIFY(isLowerUuid(rec.result().requestId()));
        QCOMPARE(calls.at(0).requestId(), rec.result().requestId());
        QCOMPARE(rec.calls(), 1);
    }

    // A caller's page preparation runs on the decoding thread, with the decoded items, and what
    // it leaves in the page is what the callback gets; a page that fails to decode is not
    // prepared.
    void listPagePreparedOnTheDecodingThread()
    {
        Fixture f;
        std::atomic<QThread *> preparedOn = nullptr;
        const auto prepare = [&preparedOn](OrganizationPage &page) {
            preparedOn = QThread::currentThread();
            QStringList labels;
            for (const Organization &org : std::as_const(page.items))
                labels.append(org.label);
            page.prepared = labels;
            page.items = {};
        };
        Recorder<OrganizationPage> rec;
        ListOrganizationsRequest request;
        request.limit = 3;
        f.client->listOrganizations(request, this, rec.callback(), {}, prepare);
        AWAIT(rec);
        VERIFY_OK(rec);
        QVERIFY(preparedOn.load() != nullptr);
        QVERIFY(preparedOn.load() != QThread::currentThread());
        QVERIFY(rec.value().items.isEmpty());
        QCOMPARE(std::any_cast<QStringList>(rec.value().prepared),
                 QStringList({QLatin1String(demo::kAcme.label), QLatin1String(demo::kGlobex.label),
                              QLatin1String(demo::kInitech.label)}));
        QVERIFY(rec.value().pageInfo.hasNextPage);

        preparedOn = nullptr;
        f.server->scriptResponses("GET", QStringLiteral("/organizations"),
                                  {status(200, {}, {}, "{\"items\": 5}")});
        Recorder<OrganizationPage> broken;
        f.client->listOrganizations(request, this, broken.callback(), {}, prepare);
        AWAIT(broken);
        QCOMPARE(broken.error().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(preparedOn.load(), nullptr);
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
        const auto calls = f.requestsTo("GET", QStringLiteral("/organizations"));
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
        Recorder<ListAllOutcome> rec;
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
        QCOMPARE(rec.value().items, 2345);
        QCOMPARE(rec.value().stop, PagingStop::LastPage);
        QCOMPARE(pages, 24);
        QCOMPARE(largest, 100);
        QCOMPARE(ids, expected);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 2345);
        QCOMPARE(rec.result().requestId(), firstId);

        const auto calls = f.requestsTo("GET", QStringLiteral("/organizations"));
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
        Recorder<ListAllOutcome> rec;
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
        QCOMPARE(f.requestsTo("GET", QStringLiteral("/organizations")).size(), 2);
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
        QCOMPARE(byLabel.value().ssoEnabled, std::optional<bool>(true));
        QVERIFY(byLabel.value().createdAt.isValid());
        QCOMPARE(byId.value().label, QLatin1String(demo::kWayne.label));
        QCOMPARE(f.tokenRequests(), 1); // both calls shared one token fetch
    }

    void getOrganizationNotFound()
    {
        Fixture f;
        const auto rec = f.getOrganization(QStringLiteral("no-such-org"));
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(rec.error().httpStatus, 404);
        QVERIFY(!rec.error().code.isEmpty());
        QVERIFY(!rec.error().message.isEmpty());
        QCOMPARE(rec.error().attempts, 1);
        QVERIFY(isLowerUuid(rec.error().requestId));
        QCOMPARE(rec.result().requestId(), rec.error().requestId);
        QCOMPARE(f.requestsTo("GET", orgPath("no-such-org")).size(), 1); // 404 is not retried
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
        QCOMPARE(f.requestsTo("GET", orgPath("stark"))
                     .at(0)
                     .query.queryItemValue(QStringLiteral("expand[]")),
                 QStringLiteral("permissions"));
    }

    void organizationPathIsEncoded()
    {
        Fixture f;
        const auto rec = f.getOrganization(QStringLiteral("acme?limit=1#x y"));
        QCOMPARE(rec.error().kind, ApiError::Kind::NotFound);
        const auto all = f.server->requests();
        QCOMPARE(all.last().path, QStringLiteral("/organizations/acme?limit=1#x y"));
        QVERIFY(all.last().query.isEmpty());
    }

    void basePathPrefixKept()
    {
        Fixture f;
        ClientConfig config = sandboxClientConfig(*f.server);
        QUrl base = f.server->baseUrl();
        base.setPath(QStringLiteral("/api/v1/"));
        config.baseUrl = base;
        config.credentials = Credentials::bearerToken(Secret(f.server->issueToken()));
        f.client->setConfig(config);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
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
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).at(0).requestId(), id);
    }

    void bearerTokenUsedAsIs()
    {
        Fixture f;
        const QString token = f.server->issueToken();
        ClientConfig config = sandboxClientConfig(*f.server);
        config.credentials = Credentials::bearerToken(Secret(token));
        f.client->setConfig(config);
        const auto rec = f.getOrganization(QStringLiteral("acme"));
        VERIFY_OK(rec);
        QCOMPARE(f.tokenRequests(), 0);
        QCOMPARE(f.requestsTo("GET", orgPath("acme")).at(0).header("authorization"),
                 "Bearer " + token.toLatin1());
    }
};

QTEST_GUILESS_MAIN(TestClientReads)
#include "tst_client_reads.moc"
