// OrganizationListModel and OrganizationFilterModel against the sandbox, watched by
// QAbstractItemModelTester throughout.
#include "OrganizationFilterModel.h"
#include "OrganizationListModel.h"
#include "UiTestSupport.h"

#include "DemoData.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace keycard;

class TestOrganizationModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fetchesPageByPage();
    void loadAllReachesEveryOrganization();
    void filterMatchesNameLabelAndId();
    void sortsByCreatedTime();
    void errorThenRetry();
    void ssoFlagUpdatesInPlace();
};

void TestOrganizationModel::fetchesPageByPage()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(244); // 250 in all
    OrganizationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.setPageSize(100);
    QVERIFY(model.canFetchMore());
    model.fetchMore();
    QTRY_COMPARE(model.rowCount(), 100);
    QCOMPARE(model.data(model.index(0, OrganizationListModel::LabelColumn)).toString(),
             QStringLiteral("acme"));
    QVERIFY(model.hasMore());
    model.fetchMore();
    QTRY_COMPARE(model.rowCount(), 200);
    model.fetchMore();
    QTRY_COMPARE(model.rowCount(), 250);
    QTRY_COMPARE(model.state(), OrganizationListModel::State::Idle);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore());

    // Each page asked for the cursor the previous one ended with.
    const auto pages = sandbox.requestsTo("GET", QStringLiteral("/organizations"));
    // (QAbstractItemModelTester may have asked for a page itself; it is no different.)
    QVERIFY(pages.size() >= 3);
    QVERIFY(!pages[0].query.hasQueryItem(QStringLiteral("after")));
    QSet<QString> cursors;
    for (qsizetype i = 1; i < pages.size(); ++i) {
        const QString after = pages[i].query.queryItemValue(QStringLiteral("after"));
        QVERIFY(!after.isEmpty());
        cursors.insert(after);
    }
    QCOMPARE(pages[1].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));

    // Every row matches the server's list, in order.
    const auto orgs = sandbox.server->organizations();
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.organization(row).id, orgs[row].value(QStringLiteral("id")).toString());
}

void TestOrganizationModel::loadAllReachesEveryOrganization()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(2345 - 6);
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterText(QStringLiteral("corp"));
    model.setClient(sandbox.client.get());
    QSignalSpy loadAll(&model, &OrganizationListModel::loadAllChanged);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 100);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2345, 60000);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.isLoadingAll());
    QCOMPARE(loadAll.size(), 2);
    QCOMPARE(loadAll.at(0).at(0).toBool(), true);
    QCOMPARE(loadAll.at(1).at(0).toBool(), false);
    int expected = 0;
    for (const QJsonObject &o : sandbox.server->organizations()) {
        if (o.value(QStringLiteral("name"))
                .toString()
                .contains(QStringLiteral("corp"), Qt::CaseInsensitive) ||
            o.value(QStringLiteral("label"))
                .toString()
                .contains(QStringLiteral("corp"), Qt::CaseInsensitive) ||
            o.value(QStringLiteral("id"))
                .toString()
                .contains(QStringLiteral("corp"), Qt::CaseInsensitive))
            ++expected;
    }
    QCOMPARE(proxy.rowCount(), expected);
}

void TestOrganizationModel::filterMatchesNameLabelAndId()
{
    test::SandboxFixture sandbox;
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6);
    proxy.setFilterText(QStringLiteral("Wayne")); // name
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("UMBRELLA")); // label, case-insensitive
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.data(proxy.index(0, OrganizationListModel::LabelColumn)).toString(),
             QStringLiteral("umbrella"));
    proxy.setFilterText(QString::fromLatin1(sandbox::demo::kStark.id).left(10)); // id
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("corporation acme")); // every word must match
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("no-such-organization"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 6);
}

void TestOrganizationModel::sortsByCreatedTime()
{
    test::SandboxFixture sandbox;
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6);
    proxy.sort(OrganizationListModel::CreatedColumn, Qt::DescendingOrder);
    QDateTime previous;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QDateTime created = proxy
                                      .data(proxy.index(row, OrganizationListModel::CreatedColumn),
                                            OrganizationListModel::SortRole)
                                      .toDateTime();
        QVERIFY(created.isValid());
        if (previous.isValid())
            QVERIFY(created <= previous);
        previous = created;
        // The tooltip carries the UTC timestamp, the display the local time.
        QVERIFY(proxy.data(proxy.index(row, OrganizationListModel::CreatedColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Z (UTC)")));
    }
}

void TestOrganizationModel::errorThenRetry()
{
    test::SandboxFixture sandbox;
    OrganizationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &OrganizationListModel::errorOccurred);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6);
    sandbox.server->scriptResponses("GET", QStringLiteral("/organizations"),
                                    {sandbox::ScriptedResponse{503, {}, {}, {}}});
    model.reload();
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(model.state(), OrganizationListModel::State::Error);
    QCOMPARE(model.lastError().httpStatus, 503);
    QVERIFY(!model.canFetchMore()); // views must not hammer a failing server
    // A failed reload keeps the rows it would have replaced, marked as stale.
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(model.isStale());
    model.retry();
    QTRY_COMPARE(model.state(), OrganizationListModel::State::Idle);
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(!model.isStale());
}

void TestOrganizationModel::ssoFlagUpdatesInPlace()
{
    test::SandboxFixture sandbox;
    OrganizationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6);
    const int row = model.rowOfId(QString::fromLatin1(sandbox::demo::kGlobex.id));
    QVERIFY(row >= 0);
    const QModelIndex sso = model.index(row, OrganizationListModel::SsoColumn);
    QCOMPARE(sso.data(OrganizationListModel::SsoEnabledRole).toBool(), false);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setSsoEnabled(QString::fromLatin1(sandbox::demo::kGlobex.id), true));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(sso.data(OrganizationListModel::SsoEnabledRole).toBool(), true);
    QCOMPARE(sso.data().toString(), OrganizationListModel::tr("On"));
    QVERIFY(!model.setSsoEnabled(QStringLiteral("unknown-id"), true));
}

QTEST_GUILESS_MAIN(TestOrganizationModel)
#include "test_organization_model.moc"
