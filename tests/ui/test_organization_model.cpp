// OrganizationListModel and OrganizationFilterModel against the sandbox, watched by
// QAbstractItemModelTester throughout.
#include "OrganizationFilterModel.h"
#include "OrganizationListModel.h"
#include "OrganizationModelTestSupport.h"
#include "SandboxFixture.h"

#include "DemoData.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <utility>

using namespace keycard;
using namespace keycard::test;

class TestOrganizationModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fetchesPageByPage();
    void loadAllReachesEveryOrganization();
    void filterMatchesNameLabelAndId();
    void sortsByCreatedTime();
    void sortsNamesByNumber();
    void errorThenRetry();
    void ssoFlagUpdatesInPlace();
    void loadAllAsksForTheLargestPages();
    void loadAllStopsOnRepeatedCursor();
    void loadAllStopsWhenCursorMissing();
    void countsIncompleteAndSkippedItems();
    void refinedFilterNarrowsAndWidens();
    void rowsKeepTheListFields();
    void filterFoldsCaseBeyondAscii();
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
    // At least the first page: the model testers call fetchMore() while they check the model,
    // so a second page may already be in when this looks (seen with Qt 6.8).
    QTRY_VERIFY(model.rowCount() >= 100);
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
    CheckedList list(sandbox.client.get());
    OrganizationListModel &model = list.model;
    OrganizationFilterModel &proxy = list.proxy;
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

// Names sort number-aware ("Org 2" before "Org 10"), ignoring case, and a renamed row moves to
// its new place (its collation key is made again).
void TestOrganizationModel::sortsNamesByNumber()
{
    test::SandboxFixture sandbox;
    const QStringList names{QStringLiteral("Org 10"), QStringLiteral("Org 2"),
                            QStringLiteral("org 1"), QStringLiteral("Org 20")};
    QStringList ids;
    for (const QString &name : names)
        ids << sandbox.server->addOrganization(name, QStringLiteral("n-") + name.mid(4));
    CheckedList list(sandbox.client.get());
    list.model.reload();
    QTRY_COMPARE(list.model.rowCount(), 10);
    list.proxy.sort(OrganizationListModel::NameColumn, Qt::AscendingOrder);
    auto order = [&list] {
        QStringList shown;
        for (int row = 0; row < list.proxy.rowCount(); ++row) {
            const QString name =
                list.proxy.index(row, OrganizationListModel::NameColumn).data().toString();
            if (name.startsWith(QLatin1String("Org"), Qt::CaseInsensitive))
                shown << name;
        }
        return shown;
    };
    QCOMPARE(order(), QStringList({QStringLiteral("org 1"), QStringLiteral("Org 2"),
                                   QStringLiteral("Org 10"), QStringLiteral("Org 20")}));
    list.proxy.sort(OrganizationListModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(order(), QStringList({QStringLiteral("Org 20"), QStringLiteral("Org 10"),
                                   QStringLiteral("Org 2"), QStringLiteral("org 1")}));

    Organization renamed = list.model.organization(list.model.rowOfId(ids.at(3)));
    renamed.name = QStringLiteral("Org 3");
    QVERIFY(list.model.updateOrganization(renamed));
    QCOMPARE(order(), QStringList({QStringLiteral("Org 10"), QStringLiteral("Org 3"),
                                   QStringLiteral("Org 2"), QStringLiteral("org 1")}));
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

void TestOrganizationModel::loadAllAsksForTheLargestPages()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(1500 - 6);
    OrganizationListModel model;
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 100);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1500, 30000);
    QTRY_VERIFY(!model.isLoadingAll());
    const auto pages = sandbox.requestsTo("GET", QStringLiteral("/organizations"));
    QCOMPARE(pages.size(), 3); // 100, then 1000 and the remaining 400
    QCOMPARE(pages[1].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
    QCOMPARE(pages[2].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
    QCOMPARE(model.stopReason(), PagingStop::None);
    QVERIFY(model.stopMessage().isEmpty());
}

void TestOrganizationModel::loadAllStopsOnRepeatedCursor()
{
    test::SandboxFixture sandbox;
    // A server that cycles: A, B, A, ... with has_next_page true for ever.
    sandbox.server->scriptResponses(
        "GET", QStringLiteral("/organizations"),
        {page({orgJson(QStringLiteral("o1"), QStringLiteral("One"), QStringLiteral("one")),
               orgJson(QStringLiteral("o2"), QStringLiteral("Two"), QStringLiteral("two"))},
              true, QStringLiteral("A")),
         page({orgJson(QStringLiteral("o3"), QStringLiteral("Three"), QStringLiteral("three"))},
              true, QStringLiteral("B")),
         page({orgJson(QStringLiteral("o4"), QStringLiteral("Four"), QStringLiteral("four"))}, true,
              QStringLiteral("A")),
         page({orgJson(QStringLiteral("o5"), QStringLiteral("Five"), QStringLiteral("five"))}, true,
              QStringLiteral("B"))});
    OrganizationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy stopped(&model, &OrganizationListModel::pagingStopped);
    QSignalSpy loadAll(&model, &OrganizationListModel::loadAllChanged);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 2);
    model.loadAll();
    QTRY_COMPARE(loadAll.size(), 2); // on, then off again: "Load all" ended by itself
    QCOMPARE(stopped.size(), 1);
    // What arrived is kept; nothing after the repeated cursor was asked for.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOfId(QStringLiteral("o4")), 3);
    QCOMPARE(sandbox.requestsTo("GET", QStringLiteral("/organizations")).size(), 3);
    QCOMPARE(model.stopReason(), PagingStop::RepeatedCursor);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore());
    QCOMPARE(model.state(), OrganizationListModel::State::Idle);
    const QString message = stopped.at(0).at(0).toString();
    QCOMPARE(message, model.stopMessage());
    QVERIFY2(message.contains(QStringLiteral("4")), qPrintable(message));
    // A reload starts a new listing: the earlier cursors and the stop are forgotten.
    model.reload();
    QTRY_COMPARE(model.rowCount(), 1); // the 4th scripted answer, asked for without a cursor
    QCOMPARE(model.stopReason(), PagingStop::None);
}

void TestOrganizationModel::loadAllStopsWhenCursorMissing()
{
    test::SandboxFixture sandbox;
    sandbox.server->scriptResponses(
        "GET", QStringLiteral("/organizations"),
        {page({orgJson(QStringLiteral("o1"), QStringLiteral("One"), QStringLiteral("one"))}, true,
              QStringLiteral("A")),
         page({orgJson(QStringLiteral("o2"), QStringLiteral("Two"), QStringLiteral("two"))}, true,
              std::nullopt)});
    OrganizationListModel model;
    QSignalSpy stopped(&model, &OrganizationListModel::pagingStopped);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 1);
    model.loadAll();
    QTRY_COMPARE(stopped.size(), 1);
    QTRY_VERIFY(!model.isLoadingAll());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.stopReason(), PagingStop::MissingCursor);
    QVERIFY(!model.hasMore());
    QCOMPARE(sandbox.requestsTo("GET", QStringLiteral("/organizations")).size(), 2);
}

void TestOrganizationModel::countsIncompleteAndSkippedItems()
{
    test::SandboxFixture sandbox;
    QJsonObject noName = orgJson(QStringLiteral("o2"), QString(), QStringLiteral("two"));
    noName.remove(QStringLiteral("name"));
    QJsonObject oddSso =
        orgJson(QStringLiteral("o3"), QStringLiteral("Three"), QStringLiteral("three"));
    oddSso.insert(QStringLiteral("sso_enabled"), QStringLiteral("yes"));
    QJsonObject noId = orgJson(QString(), QStringLiteral("Four"), QStringLiteral("four"));
    noId.remove(QStringLiteral("id"));
    sandbox.server->scriptResponses(
        "GET", QStringLiteral("/organizations"),
        {page({orgJson(QStringLiteral("o1"), QStringLiteral("One"), QStringLiteral("one")), noName,
               oddSso, noId, 42},
              true, QStringLiteral("A")),
         page({noName}, false, std::nullopt)});
    OrganizationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.incompleteItems(), 2);
    QCOMPARE(model.skippedItems(), 2);
    const int row = model.rowOfId(QStringLiteral("o3"));
    QCOMPARE(model.index(row, OrganizationListModel::SsoColumn).data().toString(),
             OrganizationListModel::tr("Unknown"));
    QVERIFY(!model.organization(row).ssoEnabled.has_value());
    // The counts run over the pages of one listing...
    model.fetchMore();
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(model.incompleteItems(), 3);
    QCOMPARE(model.stopReason(), PagingStop::None); // the normal last page
    // ...and start again with the next one.
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6); // the sandbox's own list: complete
    QCOMPARE(model.incompleteItems(), 0);
    QCOMPARE(model.skippedItems(), 0);
}

void TestOrganizationModel::refinedFilterNarrowsAndWidens()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(600 - 6);
    const auto orgs = sandbox.server->organizations();
    CheckedList list(sandbox.client.get());
    OrganizationListModel &model = list.model;
    OrganizationFilterModel &proxy = list.proxy;
    model.setPageSize(200);
    model.reload();
    // At least the first page: the model tester calls fetchMore() while it checks the proxy, so
    // another page may already be in (seen with Qt 6.8). Every count below follows what is
    // loaded.
    QTRY_VERIFY(model.rowCount() >= 200);
    const auto check = [&](const QString &text) {
        proxy.setFilterText(text);
        const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return proxy.rowCount() == expectedMatches(orgs, model.rowCount(), words);
    };
    // Typed key by key (each a refinement), then widened and replaced.
    for (const QString &text :
         {QStringLiteral("o"), QStringLiteral("or"), QStringLiteral("org-"),
          QStringLiteral("org-00"), QStringLiteral("org-001"), QStringLiteral("org-001 1"),
          QStringLiteral("org-00"), QStringLiteral("ACME"), QStringLiteral("acme corp"),
          QStringLiteral("corp")})
        QVERIFY2(check(text), qPrintable(text));
    // Rows that arrive while a filter is set take part in the next refinement.
    QVERIFY(check(QStringLiteral("org-0")));
    const int loadedBefore = model.rowCount();
    model.fetchMore();
    QTRY_VERIFY(model.rowCount() >= loadedBefore + 200);
    QCOMPARE(proxy.rowCount(), expectedMatches(orgs, model.rowCount(), {QStringLiteral("org-0")}));
    QVERIFY(check(QStringLiteral("org-003")));
    QVERIFY(proxy.rowCount() > 0);
    // A changed row is tested again.
    const int row = model.rowOfLabel(QStringLiteral("org-00350"));
    QVERIFY(row >= 0);
    Organization renamed = model.organization(row);
    renamed.label = QStringLiteral("renamed");
    const int before = proxy.rowCount();
    QVERIFY(model.updateOrganization(renamed));
    QCOMPARE(proxy.rowCount(), before - 1);
    proxy.setFilterText(QStringLiteral("org-0035")); // the server still has the old label
    QCOMPARE(proxy.rowCount(),
             expectedMatches(orgs, model.rowCount(), {QStringLiteral("org-0035")}) - 1);
    QVERIFY(check(QString()));
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TestOrganizationModel::rowsKeepTheListFields()
{
    test::SandboxFixture sandbox;
    OrganizationListModel model;
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6);
    const auto orgs = sandbox.server->organizations();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QJsonObject &o = orgs.at(row);
        const Organization org = model.organization(row);
        QCOMPARE(org.id, o.value(QStringLiteral("id")).toString());
        QCOMPARE(org.name, o.value(QStringLiteral("name")).toString());
        QCOMPARE(org.label, o.value(QStringLiteral("label")).toString());
        QCOMPARE(org.ssoEnabled, std::optional(o.value(QStringLiteral("sso_enabled")).toBool()));
        QCOMPARE(formatTimestamp(org.createdAt), o.value(QStringLiteral("created_at")).toString());
        QCOMPARE(model.rowOfLabel(org.label), row);
        QCOMPARE(model.index(row, OrganizationListModel::IdColumn)
                     .data(OrganizationListModel::IdRole)
                     .toString(),
                 org.id);
    }
    QCOMPARE(model.rowOfLabel(QStringLiteral("no-such-label")), -1);
}

void TestOrganizationModel::filterFoldsCaseBeyondAscii()
{
    test::SandboxFixture sandbox;
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 6);
    Organization org = model.organization(0);
    org.name = QStringLiteral("Ölmühle Ärger ΣΊΣΥΦΟΣ");
    QVERIFY(model.updateOrganization(org));
    QCOMPARE(model.name(0), org.name); // shown as sent
    for (const QString &text : {QStringLiteral("ölmühle"), QStringLiteral("ÖLMÜHLE ärger"),
                                QStringLiteral("σίσυφος"), QStringLiteral("Ölm")}) {
        proxy.setFilterText(text);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.data(proxy.index(0, OrganizationListModel::NameColumn)).toString(),
                 org.name);
    }
    proxy.setFilterText(QStringLiteral("olmuhle")); // folding is not accent stripping
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestOrganizationModel)
#include "test_organization_model.moc"
