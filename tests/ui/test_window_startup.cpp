// The main window as it starts: what is built lazily (detail page, icons, fonts) still shows
// and behaves as before, the first page is painted before the first selection, and the filter's
// own clear action. Against an in-process sandbox, offscreen.
#include "MainWindow.h"
#include "MessageBar.h"
#include "OrganizationBrowser.h"
#include "OrganizationDetail.h"
#include "StateView.h"
#include "WindowTestSupport.h"

#include "DemoData.h"

#include <QAction>
#include <QApplication>
#include <QFontMetrics>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace keycard;
using keycard::test::sandboxSession;
using keycard::test::screenshot;
using keycard::test::showOnSandbox;
using keycard::test::useTemporarySettings;
namespace demo = keycard::sandbox::demo;

class TestWindowStartup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void detailPanesAppearWithTheFirstOrganization();
    void tabOrderRunsFromTheListIntoTheDetails();
    void listPaintsBeforeTheFirstSelection();
    void selectionAsTheFirstPageArrivesWins();
    void clearFilterButton();

private:
    QTemporaryDir m_config;
};

void TestWindowStartup::initTestCase()
{
    QVERIFY(m_config.isValid());
    useTemporarySettings(m_config, QStringLiteral("test_window_startup"));
}

void TestWindowStartup::clearFilterButton()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    auto *model = window.browser()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("organizationTable"));
    auto *clear = filter->findChild<QAction *>(QStringLiteral("clearFilterAction"));
    QVERIFY(clear);
    QVERIFY(!clear->toolTip().isEmpty());
    // The button that shows the action in the line edit.
    QToolButton *button = nullptr;
    for (QToolButton *candidate : filter->findChildren<QToolButton *>()) {
        if (candidate->defaultAction() == clear)
            button = candidate;
    }
    QVERIFY(button);
    QCOMPARE(button->accessibleName().isEmpty() ? button->text() : button->accessibleName(),
             QStringLiteral("Clear filter"));

    // Nothing to clear: no button.
    QVERIFY(!clear->isVisible());
    QVERIFY(!button->isVisible());
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("glob"));
    QVERIFY(clear->isVisible());
    QTRY_VERIFY(button->isVisible());
    QVERIFY(button->geometry().right() > filter->width() / 2); // at the trailing end
    QCOMPARE(table->model()->rowCount(), 1);
    screenshot(&window, QStringLiteral("filter-typed"));

    // Clicking it empties the filter, shows every organization again and keeps typing there.
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(table->model()->rowCount(), 6);
    QVERIFY(!clear->isVisible());
    QTRY_VERIFY(!button->isVisible());
    QVERIFY(filter->hasFocus());

    // Esc in the filter does the same; with nothing typed it does nothing.
    QTest::keyClicks(filter, QStringLiteral("zzz"));
    QCOMPARE(table->model()->rowCount(), 0);
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(table->model()->rowCount(), 6);
    QVERIFY(!clear->isVisible());
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QVERIFY(filter->hasFocus());
}

// The detail page is built when the first organization is shown, after the window and whatever
// was added to it since (here: a control in the toolbar, like the connection switcher). Tab
// still goes from the list into the details before reaching that control.
void TestWindowStartup::tabOrderRunsFromTheListIntoTheDetails()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    window.setPersistSettings(false);
    auto *late = new QLineEdit(&window);
    late->setObjectName(QStringLiteral("lateControl"));
    window.mainToolBar()->addWidget(late);
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QTRY_COMPARE(loaded.size(), 1);
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("organizationTable"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    auto *copyId = window.findChild<QWidget *>(QStringLiteral("organizationIdCopy"));
    QVERIFY(tabs && copyId);
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QList<QWidget *> visited{filter};
    for (int i = 0; i < 60 && (visited.size() == 1 || visited.last() != filter); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(QApplication::focusWidget());
    }
    QCOMPARE(visited.last(), filter); // went all the way round
    const auto indexOf = [&](QWidget *w) { return visited.indexOf(w); };
    const qsizetype tabBar = indexOf(tabs->findChild<QTabBar *>());
    QCOMPARE(indexOf(table), 1);
    QVERIFY(indexOf(copyId) > indexOf(table));
    QVERIFY(tabBar > indexOf(copyId));
    QVERIFY(indexOf(late) > tabBar);
    // Everything between the list and the late control belongs to the details.
    for (qsizetype i = indexOf(table) + 1; i < indexOf(late); ++i)
        QVERIFY2(window.detail()->isAncestorOf(visited.at(i)),
                 qPrintable(visited.at(i)->objectName()));
}

void TestWindowStartup::detailPanesAppearWithTheFirstOrganization()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    window.setPersistSettings(false);
    window.show();
    // Nothing selected yet: the placeholder says so.
    auto *placeholder = window.findChild<StateView *>(QStringLiteral("detailPlaceholder"));
    QVERIFY(placeholder && placeholder->isVisible());
    QCOMPARE(placeholder->title(), QStringLiteral("No organization selected"));
    screenshot(&window, QStringLiteral("no-selection"));

    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(!placeholder->isVisible());
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    QVERIFY(tabs && tabs->isVisible());
    QCOMPARE(tabs->count(), 5);
    for (const char *name :
         {"connectionPane", "permissionsPane", "endpointsPane", "membersPane", "rawPane"})
        QVERIFY2(window.findChild<QWidget *>(QLatin1String(name)), name);
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("detailHeader"))->isVisible());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("organizationName"))->text(),
             QString::fromLatin1(demo::kAcme.name));
    QVERIFY(!window.findChild<MessageBar *>(QStringLiteral("detailErrorBanner"))->isVisible());
    // The Raw tab shows the documents in a fixed-width font.
    tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("rawPane")));
    auto *raw = window.findChild<QPlainTextEdit *>(QStringLiteral("rawJsonView"));
    QVERIFY(raw->isVisible());
    const QFontMetrics metrics(raw->font());
    QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')),
             metrics.horizontalAdvance(QLatin1Char('M')));
    QVERIFY(raw->toPlainText().contains(QString::fromLatin1(demo::kAcme.id)));

    // Another server: back to the placeholder, and the panes are reused for the next one.
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    QVERIFY(placeholder->isVisible());
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(window.findChildren<QTabWidget *>(QStringLiteral("detailTabs")).size(), 1);
}

namespace {
// Notes, at the first paint of the table with rows in it, whether an organization was selected.
class FirstRowsPaint : public QObject
{
public:
    FirstRowsPaint(MainWindow *window)
        : m_window(window)
    {
        window->browser()->tableView()->viewport()->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted &&
            m_window->browser()->model()->rowCount() > 0) {
            painted = true;
            selectedAtPaint = m_window->selectedOrganization().has_value();
        }
        return QObject::eventFilter(watched, event);
    }
    bool painted = false;
    bool selectedAtPaint = false;

private:
    MainWindow *m_window;
};
} // namespace

// The first page is painted before the first organization is selected and its details are
// built and requested; then the first row is selected as always.
void TestWindowStartup::listPaintsBeforeTheFirstSelection()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    window.setPersistSettings(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    FirstRowsPaint probe(&window);
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    QTRY_VERIFY(probe.painted);
    QVERIFY(!probe.selectedAtPaint);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().at(0).toString(), QString::fromLatin1(demo::kAcme.id));
    QCOMPARE(window.browser()->tableView()->currentIndex().row(), 0);
}

// An organization asked for just as the first page arrives (before the window's own first
// selection has run) is the one selected, even when it is further down than the first page.
void TestWindowStartup::selectionAsTheFirstPageArrivesWins()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(350);
    const QString farId =
        sandbox.server->organizations().at(250).value(QStringLiteral("id")).toString();
    MainWindow window;
    window.setPersistSettings(false);
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    connect(
        window.browser()->model(), &OrganizationListModel::pageLoaded, &window,
        [&window, farId] { window.selectOrganization(farId); }, Qt::SingleShotConnection);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().at(0).toString(), farId);
    QCOMPARE(window.selectedOrganization()->id, farId);
    QCOMPARE(window.browser()->tableView()->currentIndex().data(OrganizationListModel::IdRole),
             QVariant(farId));
}

QTEST_MAIN(TestWindowStartup)
#include "test_window_startup.moc"
