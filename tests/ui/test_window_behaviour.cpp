// What a desktop user expects of the window and its dialogs (issue 10, items 6, 7, 8, 9, 10, 13):
// the real MainWindow with the write path installed, against the in-process sandbox, offscreen.
#include "DemoData.h"
#include "DisableSsoDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "OrganizationBrowser.h"
#include "OrganizationListModel.h"
#include "SsoDialog.h"
#include "SsoEnableWizard.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "WindowTestSupport.h"
#include "test_sso_support.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

using namespace keycard;
using keycard::test::SandboxFixture;
using keycard::test::screenshot;
using keycard::test::selectAndWait;
using keycard::test::showOnSandbox;
using ssotest::button;
using ssotest::edit;
namespace demo = keycard::sandbox::demo;

class TestWindowBehaviour : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> sandbox;
    std::unique_ptr<MainWindow> window;
    ui::SsoWorkflow *workflow = nullptr;

    // Selects globex (no SSO), opens its Enable SSO wizard and goes on to the Client page.
    bool openEnableOnGlobex(ui::SsoEnableWizard *&dialog)
    {
        if (!selectAndWait(*window, QStringLiteral("globex"),
                           QString::fromLatin1(demo::kGlobex.id)))
            return false;
        window->enableSsoAction()->trigger();
        dialog = qobject_cast<ui::SsoEnableWizard *>(workflow->activeDialog());
        if (!dialog)
            return false;
        edit(dialog, "issuerEdit")->setText(QStringLiteral("https://globex.okta.com"));
        return ssotest::goToPage(dialog, ui::SsoEnableWizard::ClientPageId);
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init()
    {
        sandbox = std::make_unique<SandboxFixture>();
        window = std::make_unique<MainWindow>();
        showOnSandbox(*window, *sandbox);
        workflow = ui::installSsoWritePath(window.get());
    }
    void cleanup()
    {
        ssotest::deleteOpenDialogs();
        window.reset();
        sandbox.reset();
    }

    // 6. Enter in the Disable dialog confirms once the label matches; before, it does nothing.
    //    The paragraph above keeps its room when the hint appears.
    void enterConfirmsDisable()
    {
        QVERIFY(
            selectAndWait(*window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));
        window->disableSsoAction()->trigger();
        auto *dialog = qobject_cast<ui::DisableSsoDialog *>(workflow->activeDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QLineEdit *confirm = edit(dialog, "confirmLabelEdit");
        QTest::keyClicks(confirm, QStringLiteral("ACME"));
        auto *effect = dialog->findChild<QLabel *>(QStringLiteral("disableEffect"));
        QVERIFY(
            !dialog->findChild<QLabel *>(QStringLiteral("confirmLabelMessage"))->text().isEmpty());
        QCoreApplication::sendPostedEvents();
        QVERIFY2(effect->height() >= effect->heightForWidth(effect->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(effect->height())
                                .arg(effect->heightForWidth(effect->width()))));
        screenshot(dialog, QStringLiteral("disable-hint"));
        QTest::keyClick(confirm, Qt::Key_Return); // not matching yet: nothing happens
        QVERIFY(dialog->isVisible());
        QVERIFY(sandbox->server->connection(QStringLiteral("acme")));
        confirm->clear();
        QTest::keyClicks(confirm, QStringLiteral("acme"));
        QTest::keyClick(confirm, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!sandbox->server->connection(QStringLiteral("acme")), 10000);
        QTRY_VERIFY(workflow->activeDialog() == nullptr);
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("disabled")));
    }

    // 9. Copy says it copied.
    void copySaysCopied()
    {
        QVERIFY(
            selectAndWait(*window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));
        auto *copy = window->findChild<QToolButton *>(QStringLiteral("organizationIdCopy"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(demo::kAcme.id));
        QCOMPARE(copy->toolTip(), QStringLiteral("Copied"));
    }

    // 10. Errors say what to check and offer only what can help.
    void errorsSayWhatToCheck()
    {
        QVERIFY(selectAndWait(*window, QStringLiteral("globex"),
                              QString::fromLatin1(demo::kGlobex.id)));
        // A 404 on a write: no "Retry with the same request ID".
        const QString path =
            QStringLiteral("/organizations/%1/sso-connection").arg(QStringLiteral("globex"));
        sandbox->server->scriptResponses("POST", path, {{404, {}, {}, false}});
        window->enableSsoAction()->trigger();
        auto *dialog = qobject_cast<ui::SsoEnableWizard *>(workflow->activeDialog());
        QVERIFY(dialog);
        QVERIFY(ssotest::fillWizard(dialog, QStringLiteral("https://globex.okta.com"),
                                    QStringLiteral("0oaGlobex")));
        ssotest::enableButton(dialog)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
        QVERIFY(!button(dialog, "retryButton")->isVisible());
        QVERIFY(!ssotest::labelText(dialog, "bannerText").contains(QStringLiteral("Retry")));

        // A 403 names the permission once.
        sandbox->server->scriptResponses(
            "POST", path,
            {{403,
              R"({"code":"forbidden","message":"Requires the organizations.update permission"})",
              {},
              false}});
        ssotest::enableButton(dialog)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
        const QString text = ssotest::labelText(dialog, "bannerText");
        QCOMPARE(text.count(QStringLiteral("organizations.update")), 1);
        delete dialog;

        // The server stops answering: the list says what to check, and Retry can help.
        sandbox->server.reset();
        window->refresh();
        auto *banner = window->findChild<MessageBar *>(QStringLiteral("listErrorBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY2(banner->text().contains(QStringLiteral("proxy")), qPrintable(banner->text()));
        QVERIFY(button(banner, "retryButton")->isVisible());
        screenshot(window.get(), QStringLiteral("window-network-error"));
    }

    // 7. A problem inside the collapsed Advanced section is shown: the section opens and the
    //    field says what is wrong.
    void anInvalidAdvancedFieldIsPointedAt()
    {
        ui::SsoEnableWizard *dialog = nullptr;
        QVERIFY(openEnableOnGlobex(dialog));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        edit(dialog, "clientIdEdit")->setText(QStringLiteral("0oaGlobex"));
        QWidget *body = dialog->findChild<QWidget *>(QStringLiteral("advancedBody"));
        QVERIFY(!body->isVisible());
        edit(dialog, "requestIdEdit")->setText(QStringLiteral("not-a-uuid"));
        QVERIFY(body->isVisible());
        QVERIFY(!ssotest::labelText(dialog, "requestIdMessage").isEmpty());
        QVERIFY(!dialog->button(QWizard::NextButton)->isEnabled());
        screenshot(dialog, QStringLiteral("enable-advanced-invalid"));
    }

    // 8. Hints coming and going under a field do not move the fields below it.
    void hintsDoNotMoveTheFields()
    {
        ui::SsoEnableWizard *dialog = nullptr;
        QVERIFY(openEnableOnGlobex(dialog));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        edit(dialog, "clientIdEdit")->setText(QStringLiteral("0oaGlobex"));
        QLineEdit *secret = edit(dialog, "clientSecretEdit");
        auto where = [&] {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            return secret->mapTo(dialog, QPoint(0, 0)).y();
        };
        const int before = where();
        QVERIFY(ssotest::labelText(dialog, "clientIdMessage").isEmpty());
        edit(dialog, "clientIdEdit")->clear(); // "Required" appears under the field
        QVERIFY(!ssotest::labelText(dialog, "clientIdMessage").isEmpty());
        QCOMPARE(where(), before);
        edit(dialog, "clientIdEdit")->setText(QStringLiteral("0oaGlobex"));
        QCOMPARE(where(), before);
    }

    // 9. When no browser can be started, Open says so and shows the address to copy.
    void openFailureShowsTheAddress()
    {
        QVERIFY(
            selectAndWait(*window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));
        auto *open = window->findChild<QToolButton *>(QStringLiteral("identifierOpen"));
        QVERIFY(open);
        // No xdg-open, no $BROWSER: nothing can open the address.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        qunsetenv("BROWSER");
        qunsetenv("DEFAULT_BROWSER");
        QTest::mouseClick(open, Qt::LeftButton);
        qputenv("PATH", path);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("openFailedBox"))));
        QCOMPARE(box->informativeText(), QStringLiteral("https://acme.okta.com"));
        box->close();
    }

    // 5. After start-up the keyboard is in the organization list (Down moves in the list, not
    //    in the toolbar's Connection combo).
    void focusStartsInTheList()
    {
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTableView *list = window->browser()->tableView();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(list));
        const QModelIndex before = list->currentIndex();
        QTest::keyClick(list, Qt::Key_Down);
        QTRY_VERIFY(list->currentIndex().row() == before.row() + 1);
    }

    // 7. Opening Advanced shows its fields: the dialog grows (within the screen) or scrolls
    //    them into view, never leaving them squeezed out of sight.
    void advancedOpensIntoView()
    {
        ui::SsoEnableWizard *dialog = nullptr;
        QVERIFY(openEnableOnGlobex(dialog));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *toggle = dialog->findChild<QToolButton *>(QStringLiteral("advancedToggle"));
        QVERIFY(toggle);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QLineEdit *requestId = edit(dialog, "requestIdEdit");
        QTRY_VERIFY(requestId->isVisible());
        QTRY_VERIFY(!requestId->visibleRegion().isEmpty());
        QCOMPARE(requestId->visibleRegion().boundingRect().size(), requestId->size());
    }

    // 11. Every form label has an Alt mnemonic that moves the focus to its field, on its page.
    void mnemonicsMoveTheFocus()
    {
        ui::SsoEnableWizard *dialog = nullptr;
        QVERIFY(openEnableOnGlobex(dialog));
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QLineEdit *secret = edit(dialog, "clientSecretEdit");
        QLineEdit *clientId = edit(dialog, "clientIdEdit");
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(clientId));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(secret));
        QVERIFY(clientId->text().isEmpty()); // the "s" was not typed into the client ID
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(clientId));
        // A mnemonic of another page (Issuer URL, Alt+I) does not reach behind this one.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_I, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(clientId));
    }

    // 13. The first window fits the screen's free area and lies inside it.
    void firstWindowFitsTheScreen()
    {
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const QRect available = window->screen()->availableGeometry();
        QVERIFY2(available.contains(window->geometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4 not inside %5x%6")
                                .arg(window->x())
                                .arg(window->y())
                                .arg(window->width())
                                .arg(window->height())
                                .arg(available.width())
                                .arg(available.height())));
    }
};

QTEST_MAIN(TestWindowBehaviour)
#include "test_window_behaviour.moc"
