// The main window with the keyboard and at a glance (issue 20, points 5 and 7): no mnemonic used
// twice in the window (English and German), shortcuts for Enable / Edit / Disable SSO, Down in
// the filter goes on into the list, F5 says that it ran, a missing permission is said in the
// pane and never left standing in the status bar, the sandbox says that it forgets, the About
// box points at the documentation the package installs.
//
// The window as keycard-admin builds it (profiles and the SSO write path installed), against
// the in-process sandbox, offscreen.
#include "DemoData.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "OrganizationBrowser.h"
#include "OrganizationFilterModel.h"
#include "ProfileController.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "Translations.h"
#include "WindowTestSupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>

using namespace keycard;
using keycard::test::SandboxFixture;
using keycard::test::sandboxSession;
using keycard::test::selectAndWait;
namespace demo = keycard::sandbox::demo;

namespace {

// Every Alt+letter the window answers to without a menu open: menu bar titles, tab titles,
// buttons, group boxes and buddy labels, shown or not (a state may show any of them), each
// with who uses it.
QMultiMap<QString, QString> windowMnemonics(QMainWindow &window)
{
    QMultiMap<QString, QString> out;
    auto add = [&out](const QString &text, const QString &owner) {
        const QKeySequence mnemonic = QKeySequence::mnemonic(text);
        if (!mnemonic.isEmpty())
            out.insert(mnemonic.toString(),
                       owner + QStringLiteral(" “") + text + QStringLiteral("”"));
    };
    const QList<QAction *> menus = window.menuBar()->actions();
    for (const QAction *menu : menus)
        add(menu->text(), QStringLiteral("menu"));
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->window() != &window)
            continue; // a menu's items only count while it is open
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), QStringLiteral("tab"));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            add(button->text(), button->objectName());
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            add(box->title(), box->objectName());
        } else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy()) {
            add(label->text(), label->objectName());
        }
    }
    return out;
}

QStringList clashes(const QMultiMap<QString, QString> &mnemonics)
{
    QStringList out;
    const QStringList keys = mnemonics.uniqueKeys();
    for (const QString &key : keys) {
        const QStringList owners = mnemonics.values(key);
        if (owners.size() > 1)
            out << key + QStringLiteral(": ") + owners.join(QStringLiteral(", "));
    }
    return out;
}

} // namespace

class TestWindowKeyboard : public QObject
{
    Q_OBJECT

    QTemporaryDir settings;
    std::unique_ptr<SandboxFixture> sandbox;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ui::ProfileController> profiles;
    ui::SsoWorkflow *workflow = nullptr;

    void openWindow()
    {
        sandbox = std::make_unique<SandboxFixture>();
        window = std::make_unique<MainWindow>();
        window->setPersistSettings(false);
        ui::ProfileController::Options options;
        options.allowProfiles = false;
        options.connectDialogOnFirstRun = false;
        options.keychainService = QStringLiteral("keycard-admin-test-keyboard");
        options.environment = QProcessEnvironment();
        profiles = std::make_unique<ui::ProfileController>(window.get(), sandbox->client.get(),
                                                           sandboxSession(*sandbox), options);
        profiles->start();
        workflow = ui::installSsoWritePath(window.get());
        window->show();
    }

    // Visits an organization with SSO and one without, every tab of each: every widget a
    // state can show has been made.
    void visitEveryState()
    {
        for (const auto *org : {&demo::kAcme, &demo::kGlobex}) {
            QVERIFY(selectAndWait(*window, QLatin1String(org->label), QLatin1String(org->id)));
            auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
            QVERIFY(tabs);
            for (int i = 0; i < tabs->count(); ++i)
                tabs->setCurrentIndex(i);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        keycard::test::useTemporarySettings(settings, QStringLiteral("test_window_keyboard"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { openWindow(); }

    void cleanup()
    {
        const QList<QWidget *> tops = QApplication::topLevelWidgets();
        for (QWidget *w : tops) {
            if (qobject_cast<QDialog *>(w))
                w->deleteLater();
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        profiles.reset();
        window.reset();
        sandbox.reset();
    }

    // Alt+E opened the Edit menu, never the "Enable SSO" button; Alt+P selected the
    // Permissions tab, so the Profile menu could not be opened.
    void noMnemonicTwice()
    {
        visitEveryState();
        const QMultiMap<QString, QString> mnemonics = windowMnemonics(*window);
        QVERIFY(mnemonics.size() >= 10);
        const QStringList found = clashes(mnemonics);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void noMnemonicTwiceInGerman()
    {
        cleanup();
        const QLocale german(QLocale::German, QLocale::Germany);
        QLocale::setDefault(german);
        const QList<QTranslator *> translators = i18n::loadTranslators(german, this);
        for (QTranslator *t : translators)
            QCoreApplication::installTranslator(t);
        openWindow();
        visitEveryState();
        const QMultiMap<QString, QString> mnemonics = windowMnemonics(*window);
        const QStringList found = clashes(mnemonics);
        for (QTranslator *t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(mnemonics.values(QStringLiteral("Alt+D"))
                    .join(QString())
                    .contains(QStringLiteral("&Datei")));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // Enable, Edit and Disable SSO have shortcuts of their own, named in their tooltips, and
    // the shortcut opens the dialog.
    void ssoActionsHaveShortcuts()
    {
        const QList<QAction *> sso{window->enableSsoAction(), window->editSsoAction(),
                                   window->disableSsoAction()};
        QSet<QKeySequence> keys;
        for (const QAction *action : sso) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
            keys.insert(action->shortcut());
        }
        QCOMPARE(keys.size(), 3);
        // None is taken by another action of the window.
        const QList<QAction *> actions = window->findChildren<QAction *>();
        for (const QAction *action : actions) {
            if (!sso.contains(action) && !action->shortcut().isEmpty())
                QVERIFY2(!keys.contains(action->shortcut()), qPrintable(action->objectName()));
        }
        QVERIFY(
            selectAndWait(*window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));
        QVERIFY(window->editSsoAction()->toolTip().contains(
            window->editSsoAction()->shortcut().toString(QKeySequence::NativeText)));
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keySequence(window.get(), window->disableSsoAction()->shortcut());
        QTRY_VERIFY(workflow->activeDialog() != nullptr);
        QCOMPARE(workflow->activeDialog()->objectName(), QStringLiteral("disableSsoDialog"));
    }

    // Down in the filter moves into the list, on its first matching row.
    void downInTheFilterGoesToTheList()
    {
        QTRY_VERIFY_WITH_TIMEOUT(window->browser()->model()->hasLoadedOnce(), 10000);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->focusFilter();
        auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("globex"));
        QTest::keyClick(filter, Qt::Key_Down);
        QTableView *table = window->browser()->tableView();
        QVERIFY(table->hasFocus());
        QCOMPARE(table->currentIndex().data(OrganizationListModel::IdRole).toString(),
                 QString::fromLatin1(demo::kGlobex.id));
    }

    // A tab's mnemonic takes the keyboard into the page: Alt+S from the list lands in the
    // Members filter, Alt+N on the Endpoints pane's first control; Tab then goes on from there.
    void tabMnemonicMovesTheFocusIntoThePage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(window->browser()->model()->hasLoadedOnce(), 10000);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(selectAndWait(*window, QLatin1String(demo::kWayne.label),
                              QLatin1String(demo::kWayne.id)));
        QTableView *list = window->browser()->tableView();
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        QTest::keyClick(list, Qt::Key_S, Qt::AltModifier);
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Member&s"));
        auto *filter = window->findChild<QLineEdit *>(QStringLiteral("membersFilter"));
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClick(filter, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("membersView"));
        // Back above the filter: the warning's "Invite an administrator…" (Wayne has one
        // administrator outside SSO), as the eye reads it.
        QTRY_VERIFY_WITH_TIMEOUT(
            window->findChild<QWidget *>(QStringLiteral("inviteAdminButton"))->isVisible(), 10000);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(),
                     QStringLiteral("inviteAdminButton"));

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("E&ndpoints"));
        QTRY_VERIFY(tabs->currentWidget()->isAncestorOf(QApplication::focusWidget()));
    }

    // F5 says that the refresh ran and when it ended.
    void refreshSaysItRan()
    {
        QTRY_VERIFY_WITH_TIMEOUT(window->browser()->model()->hasLoadedOnce(), 10000);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->statusBar()->clearMessage();
        QTest::keyClick(window->browser()->tableView(), Qt::Key_F5);
        QVERIFY2(window->statusBar()->currentMessage().startsWith(QStringLiteral("Refreshing")),
                 qPrintable(window->statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(
            window->statusBar()->currentMessage().startsWith(QStringLiteral("Refreshed at")),
            10000);
    }

    // Without the permission, the pane says why SSO cannot be changed (no hovering needed);
    // the status bar does not keep that reason once another organization is selected.
    void readOnlyReasonIsShownAndNotLeftStanding()
    {
        // Stark: the account may read it, not update it (DemoData.h).
        QVERIFY(
            selectAndWait(*window, QStringLiteral("stark"), QString::fromLatin1(demo::kStark.id)));
        QVERIFY(!window->enableSsoAction()->isEnabled());
        auto *note = window->findChild<MessageBar *>(QStringLiteral("permissionNote"));
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("organizations.update")),
                 qPrintable(note->text()));

        // The pointer rests on Enable SSO: its status tip (the reason) is in the status bar.
        QAction *action = window->enableSsoAction();
        const QString reason = action->statusTip();
        QVERIFY(reason.contains(QStringLiteral("organizations.update")));
        action->showStatusText(window.get());
        QCOMPARE(window->statusBar()->currentMessage(), reason);

        QVERIFY(
            selectAndWait(*window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));
        QVERIFY(!note->isVisible());
        QVERIFY2(window->statusBar()->currentMessage() != reason,
                 qPrintable(window->statusBar()->currentMessage()));
    }

    // The built-in sandbox keeps nothing: its notice says so.
    void sandboxSaysItForgets()
    {
        MessageBar *notice = profiles->noticeBar();
        QVERIFY(notice);
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("forgotten when Keycard Admin closes")),
                 qPrintable(notice->text()));
    }

    // The About box names the documentation the package installs, never a web address.
    void aboutPointsAtTheInstalledDocumentation()
    {
        window->showAbout();
        auto *box = window->findChild<QMessageBox *>(QStringLiteral("aboutBox"));
        QVERIFY(box);
        const QString text = box->text();
        QVERIFY2(text.contains(QStringLiteral("man keycard-admin")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("/doc/keycard-admin")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("http")));
        box->close();
    }
};

QTEST_MAIN(TestWindowKeyboard)
#include "test_window_keyboard.moc"
