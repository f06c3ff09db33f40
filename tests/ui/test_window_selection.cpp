// The real MainWindow against an in-process sandbox, offscreen: which organization is selected
// and shown, by mouse, keyboard and fast clicks, and across restarts (the remembered selection).
#include "MainWindow.h"
#include "OrganizationBrowser.h"
#include "OrganizationListModel.h"
#include "WindowTestSupport.h"

#include "DemoData.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace keycard;
using keycard::test::sandboxSession;
using keycard::test::selectAndWait;
using keycard::test::showOnSandbox;
using keycard::test::useTemporarySettings;
using keycard::test::valueText;
namespace demo = keycard::sandbox::demo;

namespace {

// Selects an organization in a window of its own (settings kept), which is then closed: what
// it remembers is in the settings. False when the details did not arrive.
bool selectInAClosedWindow(const keycard::test::SandboxFixture &sandbox, const QString &idOrLabel,
                           const QString &id)
{
    MainWindow window;
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
    const bool selected = selectAndWait(window, idOrLabel, id);
    window.close();
    return selected;
}

// Shows `window` on the sandbox and returns the id of the first details it loads (empty when
// none arrive within 10 seconds).
QString firstDetailsLoaded(MainWindow &window, const keycard::test::SandboxFixture &sandbox)
{
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
    if (!QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10000))
        return {};
    return loaded.first().at(0).toString();
}

} // namespace

class TestWindowSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rapidSelectionEndsOnTheRightOrganization();
    void keyboardNavigation();
    void remembersLastSelection();
    void remembersSelectionBeyondTheFirstPage();
    void forgetsASelectionThatIsGone();

private:
    QTemporaryDir m_config;
};

void TestWindowSelection::initTestCase()
{
    QVERIFY(m_config.isValid());
    useTemporarySettings(m_config, QStringLiteral("test_window_selection"));
}

void TestWindowSelection::rapidSelectionEndsOnTheRightOrganization()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    QTRY_COMPARE(window.browser()->model()->rowCount(), 6);
    QTRY_COMPARE(loaded.size(), 1); // acme, selected first
    sandbox.server->setLatency(120);
    QSignalSpy answered(sandbox.server.get(), &sandbox::SandboxServer::requestCompleted);
    const int before = int(sandbox.server->requests().size());
    loaded.clear();
    auto *table = window.findChild<QTableView *>(QStringLiteral("organizationTable"));
    // initech (SSO) → wayne (SSO) → globex (none) → initech, faster than the server answers.
    for (int row : {2, 5, 1, 2, 5, 1, 2})
        table->setCurrentIndex(table->model()->index(row, 0));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    QCOMPARE(loaded.size(), 1); // only the last selection finished
    QCOMPARE(loaded.first().at(0).toString(), QString::fromLatin1(demo::kInitech.id));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("organizationName"))->text(),
             QStringLiteral("Initech"));
    QCOMPARE(valueText(&window, QStringLiteral("identifier")),
             QString::fromLatin1(demo::kInitechIdentifier));
    QCOMPARE(valueText(&window, QStringLiteral("clientId")),
             QString::fromLatin1(demo::kInitechClientId));
    QVERIFY(
        valueText(&window, QStringLiteral("clientSecret")).startsWith(QStringLiteral("Not set")));
    // Let every straggling reply arrive: the server has answered all it received, then one more
    // call through the same client comes back after them. The window must stay on initech.
    sandbox.server->setLatency(0);
    QTRY_COMPARE_WITH_TIMEOUT(int(answered.size()), int(sandbox.server->requests().size()) - before,
                              10000);
    bool roundTrip = false;
    sandbox.client->getOrganization(QStringLiteral("globex"), &window,
                                    [&](const Result<Organization> &) { roundTrip = true; });
    QTRY_VERIFY(roundTrip);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(valueText(&window, QStringLiteral("identifier")),
             QString::fromLatin1(demo::kInitechIdentifier));
}

void TestWindowSelection::keyboardNavigation()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    QTRY_COMPARE(loaded.size(), 1);
    auto *table = window.findChild<QTableView *>(QStringLiteral("organizationTable"));
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Down);
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(loaded.last().at(0).toString(), QString::fromLatin1(demo::kGlobex.id));
    QTest::keyClick(table, Qt::Key_Down);
    QTRY_COMPARE(loaded.size(), 3);
    QCOMPARE(loaded.last().at(0).toString(), QString::fromLatin1(demo::kInitech.id));
    // Enter moves to the details.
    QTest::keyClick(table, Qt::Key_Return);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    QTRY_VERIFY(QApplication::focusWidget() && (QApplication::focusWidget() == tabs ||
                                                tabs->isAncestorOf(QApplication::focusWidget())));
    // F5 reloads the list.
    const int before = sandbox.requestsTo("GET", QStringLiteral("/organizations")).size();
    QTest::keyClick(&window, Qt::Key_F5);
    QTRY_COMPARE(sandbox.requestsTo("GET", QStringLiteral("/organizations")).size(), before + 1);
}

void TestWindowSelection::remembersLastSelection()
{
    test::SandboxFixture sandbox;
    QVERIFY(selectInAClosedWindow(sandbox, QStringLiteral("wayne"),
                                  QString::fromLatin1(demo::kWayne.id)));
    MainWindow again;
    QCOMPARE(firstDetailsLoaded(again, sandbox), QString::fromLatin1(demo::kWayne.id));
}

// The remembered organization is on page 3 of 4: the window fetches pages until it arrives and
// selects it, instead of falling back to the top of the list.
void TestWindowSelection::remembersSelectionBeyondTheFirstPage()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(350);
    const QString farId =
        sandbox.server->organizations().at(250).value(QStringLiteral("id")).toString();
    QVERIFY(selectInAClosedWindow(sandbox, farId, farId));
    MainWindow again;
    QCOMPARE(firstDetailsLoaded(again, sandbox), farId);
    QCOMPARE(again.selectedOrganization()->id, farId);
    auto *table = again.browser()->tableView();
    QCOMPARE(table->currentIndex().data(OrganizationListModel::IdRole).toString(), farId);
    QVERIFY(again.browser()->model()->rowCount() > 250);
}

void TestWindowSelection::forgetsASelectionThatIsGone()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(150);
    {
        QSettings settings;
        settings.setValue(QStringLiteral("mainWindow/lastOrganization/sandbox"),
                          QStringLiteral("org_deleted_since"));
    }
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
    QTRY_VERIFY(!loaded.isEmpty());
    QCOMPARE(loaded.first().at(0).toString(), QString::fromLatin1(demo::kAcme.id));
    QCOMPARE(window.browser()->model()->rowCount(), 156); // looked through every page
}

QTEST_MAIN(TestWindowSelection)
#include "test_window_selection.moc"
