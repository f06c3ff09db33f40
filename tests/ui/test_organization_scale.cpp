// OrganizationListModel and OrganizationFilterModel at scale (issue 15): pages decoded off the
// GUI thread, batched insertion during Load all, the row store's text blocks, and filters that
// keep or change many rows; against the sandbox.
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

class TestOrganizationScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageDecodedAfterAbortIsDropped();
    void filterDuringStreamingKeepsTheCount();
    void sameFilterResultKeepsTheLayout();
    void manyRowsChangingRelayOutOnce();
    void loadAllInsertsPagesInBatches();
    void rowTextCrossingArenaBlocksStaysWhole();
    void rowsMadeElsewhereJoinWhole();
};

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

void TestOrganizationScale::pageDecodedAfterAbortIsDropped()
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

void TestOrganizationScale::filterDuringStreamingKeepsTheCount()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(2500 - 6);
    const auto orgs = sandbox.server->organizations();
    CheckedList list(sandbox.client.get());
    OrganizationListModel &model = list.model;
    OrganizationFilterModel &proxy = list.proxy;
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

void TestOrganizationScale::sameFilterResultKeepsTheLayout()
{
    test::SandboxFixture sandbox;
    sandbox.server->scriptResponses(
        "GET", QStringLiteral("/organizations"),
        {page({orgJson(QStringLiteral("x1"), QStringLiteral("Borg One"), QStringLiteral("b1")),
               orgJson(QStringLiteral("x2"), QStringLiteral("Borg Two"), QStringLiteral("b2")),
               orgJson(QStringLiteral("x3"), QStringLiteral("Borg Three"), QStringLiteral("b3"))},
              false, std::nullopt)});
    CheckedList list(sandbox.client.get());
    OrganizationListModel &model = list.model;
    OrganizationFilterModel &proxy = list.proxy;
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

void TestOrganizationScale::manyRowsChangingRelayOutOnce()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(200 - 6);
    const auto orgs = sandbox.server->organizations();
    CheckedList list(sandbox.client.get());
    OrganizationListModel &model = list.model;
    OrganizationFilterModel &proxy = list.proxy;
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

void TestOrganizationScale::loadAllInsertsPagesInBatches()
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

void TestOrganizationScale::rowTextCrossingArenaBlocksStaysWhole()
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
    CheckedList list(sandbox.client.get());
    OrganizationListModel &model = list.model;
    OrganizationFilterModel &proxy = list.proxy;
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

QTEST_GUILESS_MAIN(TestOrganizationScale)

void TestOrganizationScale::rowsMadeElsewhereJoinWhole()
{
    // A page's rows are made on the decoding thread (OrganizationRows::fromItems) and appended
    // to the list's rows, whose own last block may be partly used: the appended text blocks
    // keep their rows' text (block numbers follow), and rows added afterwards go on whole.
    const auto org = [](int i, qsizetype nameLength) {
        Organization o;
        o.id = QStringLiteral("id-%1").arg(i);
        o.name = QString(nameLength, i % 2 ? u'n' : u'\u00d1') +
                 QStringLiteral(" end%1").arg(i, 2, 10, QLatin1Char('0'));
        o.label = QStringLiteral("label-%1").arg(i, 2, 10, QLatin1Char('0'));
        o.ssoEnabled = i % 3 == 0;
        return o;
    };
    QList<Organization> all;
    OrganizationRows rows;
    for (int i = 0; i < 3; ++i) { // made here, one by one: one block, partly used
        all.append(org(i, 10));
        rows.append(all.last());
    }
    QList<Organization> page;
    for (int i = 3; i < 12; ++i) // a quarter of a block each, three to a block: three blocks
        page.append(org(i, TextArena<char16_t>::kBlockChars / 4));
    all.append(page);
    OrganizationRows made = OrganizationRows::fromItems(page);
    QCOMPARE(made.textBlocks(), 3);
    rows.append(std::move(made));
    QCOMPARE(made.size(), 0);
    QCOMPARE(rows.textBlocks(), 4);
    all.append(org(12, 5)); // after the appended rows: the last block was given back its room
    rows.append(all.last());
    QCOMPARE(rows.textBlocks(), 5);
    all[1] = org(1, 20); // replaced: its new text goes to the last block
    rows.replace(1, all.at(1));

    QCOMPARE(rows.size(), all.size());
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(rows.text(i, OrganizationRows::Id), all.at(i).id);
        QCOMPARE(rows.text(i, OrganizationRows::Name), all.at(i).name);
        QCOMPARE(rows.text(i, OrganizationRows::Label), all.at(i).label);
        QCOMPARE(rows.organization(i).ssoEnabled, all.at(i).ssoEnabled);
        const QList<QByteArray> words = OrganizationRows::searchWords(
            {all.at(i).name.right(7).toCaseFolded(), all.at(i).label});
        for (int other = 0; other < all.size(); ++other)
            QCOMPARE(rows.matches(other, words), other == i);
    }
}

#include "test_organization_scale.moc"
