// OrganizationListModel and OrganizationFilterModel against the sandbox, watched by
// QAbstractItemModelTester throughout.
#include "OrganizationFilterModel.h"
#include "OrganizationListModel.h"
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
    void loadAllAsksForTheLargestPages();
    void loadAllStopsOnRepeatedCursor();
    void loadAllStopsWhenCursorMissing();
    void countsIncompleteAndSkippedItems();
    void refinedFilterNarrowsAndWidens();
    void rowsKeepTheListFields();
    void filterFoldsCaseBeyondAscii();
    void pageDecodedAfterAbortIsDropped();
    void filterDuringStreamingKeepsTheCount();
    void sameFilterResultKeepsTheLayout();
    void manyRowsChangingRelayOutOnce();
    void loadAllInsertsPagesInBatches();
    void rowTextCrossingArenaBlocksStaysWhole();
};

namespace {

QJsonObject orgJson(const QString &id, const QString &name, const QString &label)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("label"), label},
            {QStringLiteral("sso_enabled"), false},
            {QStringLiteral("created_at"), QStringLiteral("2024-01-02T03:04:05.000Z")}};
}

// A scripted page of the list: these items, has_next_page, and the cursor (if any).
sandbox::ScriptedResponse page(const QJsonArray &items, bool hasNext,
                               const std::optional<QString> &cursor)
{
    QJsonObject info{{QStringLiteral("has_next_page"), hasNext},
                     {QStringLiteral("has_prev_page"), false}};
    if (cursor)
        info.insert(QStringLiteral("end_cursor"), *cursor);
    const QJsonObject body{{QStringLiteral("items"), items}, {QStringLiteral("page_info"), info}};
    return sandbox::ScriptedResponse{
        200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}, {}};
}

// How many of the server's organizations contain every word in name, label or id.
int expectedMatches(const QList<QJsonObject> &orgs, int loaded, const QStringList &words)
{
    int count = 0;
    for (int i = 0; i < loaded; ++i) {
        const QJsonObject &o = orgs.at(i);
        const bool all = std::all_of(words.cbegin(), words.cend(), [&o](const QString &word) {
            for (const char *key : {"name", "label", "id"}) {
                if (o.value(QLatin1String(key)).toString().contains(word, Qt::CaseInsensitive))
                    return true;
            }
            return false;
        });
        count += all ? 1 : 0;
    }
    return count;
}

} // namespace

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
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.setPageSize(200);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 200);
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
    model.fetchMore();
    QTRY_COMPARE(model.rowCount(), 400);
    QCOMPARE(proxy.rowCount(), expectedMatches(orgs, 400, {QStringLiteral("org-0")}));
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
    QCOMPARE(proxy.rowCount(), expectedMatches(orgs, 400, {QStringLiteral("org-0035")}) - 1);
    QVERIFY(check(QString()));
    QCOMPARE(proxy.rowCount(), 400);
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

namespace {

// Holds every thread of the global pool (where list pages are decoded) until released.
class PoolBlocker
{
public:
    PoolBlocker()
        : m_threads(QThreadPool::globalInstance()->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i) {
            QThreadPool::globalInstance()->start([started = m_started, release = m_release] {
                started->release();
                release->acquire();
            });
        }
    }
    ~PoolBlocker() { release(); }
    bool blocking() { return m_started->tryAcquire(m_threads, 10000); }
    void release()
    {
        if (!std::exchange(m_released, true))
            m_release->release(m_threads);
    }

private:
    int m_threads;
    // Shared with the pool's tasks, which may still hold them when the blocker is gone.
    std::shared_ptr<QSemaphore> m_started = std::make_shared<QSemaphore>();
    std::shared_ptr<QSemaphore> m_release = std::make_shared<QSemaphore>();
    bool m_released = false;
};

// Becomes true once a reply to GET /organizations is in (its body not decoded yet, if the pool
// is blocked).
class ListReplyWatch
{
public:
    explicit ListReplyWatch(QNetworkAccessManager &nam)
    {
        QObject::connect(&nam, &QNetworkAccessManager::finished, &m_context,
                         [this](QNetworkReply *reply) {
                             if (reply->url().path() == QStringLiteral("/organizations"))
                                 m_finished = true;
                         });
    }
    bool finished() const { return m_finished; }

private:
    QObject m_context;
    bool m_finished = false;
};

// Lets every queued decode finish and its (possibly dropped) result be handed over.
void drainDecoding()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents();
}

} // namespace

void TestOrganizationModel::pageDecodedAfterAbortIsDropped()
{
    test::SandboxFixture sandbox;
    // The client: a page whose reply is in but not yet decoded is dropped when aborted.
    {
        PoolBlocker pool;
        QVERIFY(pool.blocking());
        ListReplyWatch reply(*sandbox.nam);
        int pages = 0;
        int cancelled = 0;
        QPointer<PendingCall> call = sandbox.client->listOrganizations(
            {}, this, [&](const Result<OrganizationPage> &result) {
                if (result.ok())
                    ++pages;
                else if (result.error().kind == ApiError::Kind::Cancelled)
                    ++cancelled;
            });
        QTRY_VERIFY(reply.finished());
        QCOMPARE(pages, 0); // waiting for a pool thread
        QVERIFY(call);
        call->abort();
        QCOMPARE(cancelled, 1);
        pool.release();
        drainDecoding();
        QCOMPARE(pages, 0);
        QCOMPARE(cancelled, 1);
    }
    // The model: a reload while the first listing's page waits to be decoded shows only the
    // second listing.
    sandbox.server->scriptResponses(
        "GET", QStringLiteral("/organizations"),
        {page({orgJson(QStringLiteral("old-1"), QStringLiteral("Old"), QStringLiteral("old"))},
              false, std::nullopt)});
    OrganizationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    QSignalSpy loaded(&model, &OrganizationListModel::pageLoaded);
    {
        PoolBlocker pool;
        QVERIFY(pool.blocking());
        ListReplyWatch reply(*sandbox.nam);
        model.reload();
        QTRY_VERIFY(reply.finished());
        model.reload(); // the scripted page is used up: the sandbox's own six follow
        QCOMPARE(loaded.size(), 0);
    }
    QTRY_COMPARE(loaded.size(), 1);
    drainDecoding();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.rowOfLabel(QStringLiteral("old")), -1);
    QCOMPARE(model.state(), OrganizationListModel::State::Idle);
}

void TestOrganizationModel::filterDuringStreamingKeepsTheCount()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(2500 - 6);
    const auto orgs = sandbox.server->organizations();
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.setPageSize(100);
    model.setLoadAllPageSize(300);
    model.setInsertInterval(0); // one insertion (and pageLoaded) per page
    model.reload();
    QTRY_VERIFY(model.rowCount() >= 100);
    // Typed (and widened, and replaced) while the pages stream in; each keystroke is checked
    // against the rows loaded at that moment.
    const QStringList typed{QStringLiteral("o"),      QStringLiteral("or"),
                            QStringLiteral("org-"),   QStringLiteral("org-0"),
                            QStringLiteral("org-00"), QStringLiteral("org-0"),
                            QStringLiteral("acme"),   QStringLiteral("org-01")};
    int next = 0;
    QStringList wrong;
    connect(&model, &OrganizationListModel::pageLoaded, &proxy, [&](int rows) {
        if (next >= typed.size())
            return;
        const QString &text = typed.at(next++);
        proxy.setFilterText(text);
        if (proxy.rowCount() != expectedMatches(orgs, rows, {text}))
            wrong << text;
    });
    model.loadAll();
    QTRY_VERIFY(!model.isLoadingAll());
    QCOMPARE(model.rowCount(), 2500);
    QCOMPARE(next, typed.size()); // every keystroke fell between two pages
    QCOMPARE(wrong, QStringList());
    // Rows that arrived after the last keystroke were filtered too.
    QCOMPARE(proxy.rowCount(), expectedMatches(orgs, 2500, {typed.last()}));
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 2500);
}

void TestOrganizationModel::sameFilterResultKeepsTheLayout()
{
    test::SandboxFixture sandbox;
    sandbox.server->scriptResponses(
        "GET", QStringLiteral("/organizations"),
        {page({orgJson(QStringLiteral("x1"), QStringLiteral("Borg One"), QStringLiteral("b1")),
               orgJson(QStringLiteral("x2"), QStringLiteral("Borg Two"), QStringLiteral("b2")),
               orgJson(QStringLiteral("x3"), QStringLiteral("Borg Three"), QStringLiteral("b3"))},
              false, std::nullopt)});
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), 3);
    QSignalSpy relaid(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    // Every row passes each of these: the view keeps its layout (and its selection).
    for (const QString &text : {QStringLiteral("b"), QStringLiteral("BO"), QStringLiteral("borg"),
                                QStringLiteral("borg o")}) {
        proxy.setFilterText(text);
        QCOMPARE(proxy.rowCount(), 3);
    }
    QCOMPARE(relaid.size() + removed.size() + inserted.size(), 0);
    const QPersistentModelIndex three = proxy.index(2, OrganizationListModel::IdColumn);
    QCOMPARE(three.data().toString(), QStringLiteral("x3"));
    // A few rows going or coming are removed or inserted; the others keep their place.
    proxy.setFilterText(QStringLiteral("borg t")); // Two, Three
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(relaid.size(), 0);
    QCOMPARE(three.row(), 1);
    QCOMPARE(three.data().toString(), QStringLiteral("x3"));
    proxy.setFilterText(QStringLiteral("borg tw"));
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(!three.isValid());
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(inserted.size(), 2); // One and Three, around Two
    QCOMPARE(relaid.size(), 0);
    // A filter every row passes, set after one that hid rows, brings them back.
    proxy.setFilterText(QStringLiteral("one"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("borg"));
    QCOMPARE(proxy.rowCount(), 3);
}

void TestOrganizationModel::manyRowsChangingRelayOutOnce()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(200 - 6);
    const auto orgs = sandbox.server->organizations();
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.setPageSize(200);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 200);
    proxy.sort(OrganizationListModel::LabelColumn, Qt::DescendingOrder);
    QStringList sorted;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sorted.append(proxy.index(row, OrganizationListModel::LabelColumn).data().toString());
    const int kept = model.rowOfLabel(QStringLiteral("org-00150"));
    QVERIFY(kept >= 0);
    const QPersistentModelIndex current = proxy.mapFromSource(model.index(kept, 0));
    QSignalSpy relaid(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    // Scattered rows by the dozen: one re-map, no removal per range.
    for (const QString &text : {QStringLiteral("org-001"), QStringLiteral("org-0015"),
                                QStringLiteral("5"), QStringLiteral("org-001")}) {
        relaid.clear();
        proxy.setFilterText(text);
        QCOMPARE(proxy.rowCount(), expectedMatches(orgs, 200, {text}));
        QCOMPARE(relaid.size(), 1);
        QCOMPARE(removed.size() + inserted.size(), 0);
        // The row kept its place in the sort order and is still the same organization.
        QVERIFY(current.isValid());
        QCOMPARE(model.label(proxy.mapToSource(current).row()), QStringLiteral("org-00150"));
        // The rows shown keep the sort order of the whole list.
        int last = -1;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const int at = sorted.indexOf(
                proxy.index(row, OrganizationListModel::LabelColumn).data().toString());
            QVERIFY(at > last);
            last = at;
        }
    }
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 200);
    QCOMPARE(model.label(proxy.mapToSource(current).row()), QStringLiteral("org-00150"));
}

void TestOrganizationModel::loadAllInsertsPagesInBatches()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(1000 - 6);
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    // (No QAbstractItemModelTester here: it may fetch a page itself, and this test counts them.)
    model.setClient(sandbox.client.get());
    model.setPageSize(100);
    model.setLoadAllPageSize(200);
    model.setInsertInterval(60 * 60 * 1000); // every page comes "quickly"
    model.reload();
    QTRY_COMPARE(model.rowCount(), 100);
    proxy.setFilterText(QStringLiteral("org-00"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy loaded(&model, &OrganizationListModel::pageLoaded);
    model.loadAll();
    QTRY_VERIFY(!model.isLoadingAll());
    // Five pages, one insertion with the last: rows held back were never visible before.
    QCOMPARE(sandbox.requestsTo("GET", QStringLiteral("/organizations")).size(), 1 + 5);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 100);
    QCOMPARE(inserted.first().at(2).toInt(), 999);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().at(0).toInt(), 1000);
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(proxy.rowCount(),
             expectedMatches(sandbox.server->organizations(), 1000, {QStringLiteral("org-00")}));

    // Cancelling "Load all" inserts what was held back.
    model.reload();
    QTRY_COMPARE(model.rowCount(), 100);
    inserted.clear();
    int replies = 0;
    connect(sandbox.nam.get(), &QNetworkAccessManager::finished, &proxy, [&](QNetworkReply *reply) {
        // The reply to the second page of "Load all" is in: the first page is held back.
        if (reply->url().path() == QStringLiteral("/organizations") && ++replies == 2)
            QMetaObject::invokeMethod(
                &model, [&model] { model.cancel(); }, Qt::QueuedConnection);
    });
    model.loadAll();
    QTRY_VERIFY(!model.isLoadingAll());
    QVERIFY(model.rowCount() > 100);
    QVERIFY(model.rowCount() < 1000);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowOfLabel(model.label(model.rowCount() - 1)), model.rowCount() - 1);
}

void TestOrganizationModel::rowTextCrossingArenaBlocksStaysWhole()
{
    // Rows whose text does not fit in what is left of an arena block start a new block (a row's
    // text never straddles two blocks); a row longer than a block gets a block of its own.
    constexpr int kBlockChars = int(TextArena<char16_t>::kBlockChars);
    QList<QJsonObject> orgs;
    QJsonArray items;
    for (int i = 0; i < 40; ++i) {
        // About a tenth of a block each, non-ASCII in every third one; the word at the end
        // of each name is unique.
        const QString filler = QString(kBlockChars / 10 + 7 * i, i % 3 ? u'x' : u'\u00c9');
        const QString name = filler + QStringLiteral(" tail%1end").arg(i, 2, 10, QLatin1Char('0'));
        orgs.append(orgJson(QStringLiteral("id-%1").arg(i), name, QStringLiteral("l%1").arg(i)));
    }
    orgs.append(orgJson(QStringLiteral("id-huge"),
                        QString(kBlockChars + 100, u'y') + QStringLiteral(" hugeend"),
                        QStringLiteral("huge")));
    orgs.append(
        orgJson(QStringLiteral("id-after"), QStringLiteral("After"), QStringLiteral("after")));
    for (const QJsonObject &o : std::as_const(orgs))
        items.append(o);
    test::SandboxFixture sandbox;
    sandbox.server->scriptResponses("GET", QStringLiteral("/organizations"),
                                    {page(items, false, std::nullopt)});
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(sandbox.client.get());
    model.reload();
    QTRY_COMPARE(model.rowCount(), int(orgs.size()));
    QVERIFY(model.textBlocks() >= 6);
    QVERIFY(model.searchTextBlocks() >= 3);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QJsonObject &o = orgs.at(row);
        QCOMPARE(model.id(row), o.value(QStringLiteral("id")).toString());
        QCOMPARE(model.name(row), o.value(QStringLiteral("name")).toString());
        QCOMPARE(model.label(row), o.value(QStringLiteral("label")).toString());
        QCOMPARE(model.index(row, OrganizationListModel::NameColumn).data().toString(),
                 o.value(QStringLiteral("name")).toString());
    }
    // The search text of every row is whole too: each row's last word finds that row alone.
    for (int i = 0; i < 40; ++i) {
        proxy.setFilterText(QStringLiteral("TAIL%1END").arg(i, 2, 10, QLatin1Char('0')));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, OrganizationListModel::IdColumn).data().toString(),
                 QStringLiteral("id-%1").arg(i));
    }
    proxy.setFilterText(QStringLiteral("\u00e9\u00e9\u00e9 tail03end")); // É folded
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("hugeend"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("id-after"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, OrganizationListModel::NameColumn).data().toString(),
             QStringLiteral("After"));
    // An updated row gets new room; the others keep their text.
    Organization renamed = model.organization(5);
    renamed.name = QStringLiteral("Renamed");
    QVERIFY(model.updateOrganization(renamed));
    QCOMPARE(model.name(5), QStringLiteral("Renamed"));
    QCOMPARE(model.name(6), orgs.at(6).value(QStringLiteral("name")).toString());
}

QTEST_GUILESS_MAIN(TestOrganizationModel)
#include "test_organization_model.moc"
