// End to end through the real MainWindow: the write path installed as keycard-admin does,
// driven with the mouse and keyboard against the in-process sandbox.
#include "Announce.h"
#include "DisableSsoDialog.h"
#include "MainWindow.h"
#include "OrganizationBrowser.h"
#include "OrganizationListModel.h"
#include "SsoDialog.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "WindowTestSupport.h"
#include "test_sso_support.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

class TestSsoMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> env;
    std::unique_ptr<MainWindow> window;
    SsoWorkflow *workflow = nullptr;

    void selectAndWait(const char *label)
    {
        QVERIFY(test::selectAndWait(*window, QLatin1String(label), env->organization(label).id));
    }

    bool badge(const char *label) const
    {
        OrganizationListModel *model = window->browser()->model();
        const int row = model->rowOfId(env->organization(label).id);
        return model->index(row, 0).data(OrganizationListModel::SsoEnabledRole).toBool();
    }

    int listRequests() const
    {
        return int(env->requestsEndingWith("GET", QStringLiteral("/organizations")).size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KeycardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_sso_main_window"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        applyScreenshotPalette();
    }
    void init()
    {
        env = std::make_unique<Env>();
        window = std::make_unique<MainWindow>();
        window->setPersistSettings(false);
        SessionInfo session;
        session.baseUrl = env->server->baseUrl();
        window->setClient(env->client.get(), session);
        workflow = installSsoWritePath(window.get());
        window->show();
    }
    void cleanup()
    {
        window.reset();
        env.reset();
    }

    void enableGlobexFromTheEmptyState()
    {
        selectAndWait("globex");
        QVERIFY(!badge("globex"));
        QVERIFY(window->enableSsoAction()->isEnabled());
        const int listBefore = listRequests();

        auto *cta = window->findChild<QPushButton *>(QStringLiteral("enableSsoButton"));
        QVERIFY(cta && cta->isVisible() && cta->isEnabled());
        QTest::mouseClick(cta, Qt::LeftButton);
        auto *dialog = qobject_cast<SsoEnableWizard *>(workflow->activeDialog());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("Globex Corporation")));

        // Keyboard only: Enter moves on from page to page and never sends.
        QTest::keyClicks(edit(dialog, "issuerEdit"), QStringLiteral("https://globex.okta.com"));
        QTest::keyClick(edit(dialog, "issuerEdit"), Qt::Key_Return);
        QTRY_COMPARE(dialog->currentId(), int(SsoEnableWizard::IdpPageId));
        QTest::keyClick(edit(dialog, "redirectUriEdit"), Qt::Key_Return);
        QTRY_COMPARE(dialog->currentId(), int(SsoEnableWizard::ClientPageId));
        QTest::keyClicks(edit(dialog, "clientIdEdit"), QStringLiteral("0oaGlobexAdmin"));
        QTest::keyClicks(edit(dialog, "clientSecretEdit"), QStringLiteral("globex-secret"));
        screenshot(dialog, QStringLiteral("window-enable-globex"));
        QTest::keyClick(edit(dialog, "clientSecretEdit"), Qt::Key_Return);
        QTRY_COMPARE(dialog->currentId(), int(SsoEnableWizard::CheckPageId));
        wizardChecklist(dialog)->cancel(); // no network for globex.okta.com here
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_COMPARE(dialog->currentId(), int(SsoEnableWizard::ReviewPageId));
        QTest::keyClick(dialog, Qt::Key_Return); // the Review page: Enter sends nothing
        QVERIFY(!env->server->connection(QStringLiteral("globex")));
        QVERIFY(dialog->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(enableButton(dialog)));
        static QStringList announced;
        announced.clear();
        setAnnouncementObserver([](QWidget *, const QString &message) { announced << message; });
        QTest::keyClick(enableButton(dialog), Qt::Key_Space); // the button itself
        QTRY_VERIFY_WITH_TIMEOUT(workflow->activeDialog() == nullptr, 10000);
        setAnnouncementObserver(nullptr);
        // The status bar's line is announced to a screen reader too.
        QVERIFY2(announced.contains(window->statusBar()->currentMessage()),
                 qPrintable(announced.join(QLatin1Char('|'))));
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("SSO enabled")));

        QVERIFY(env->server->connection(QStringLiteral("globex")));
        QTRY_VERIFY(badge("globex"));
        QCOMPARE(window->findChild<QLabel *>(QStringLiteral("identifierValue"))->text(),
                 QStringLiteral("https://globex.okta.com"));
        QCOMPARE(listRequests(), listBefore); // the badge flipped without reloading the list
        QVERIFY(!window->enableSsoAction()->isEnabled());
        QVERIFY(window->editSsoAction()->isEnabled());
        QVERIFY(window->disableSsoAction()->isEnabled());
        screenshot(window.get(), QStringLiteral("window-globex-enabled"));
    }

    void editThenDisableThroughTheActions()
    {
        selectAndWait("acme");
        QVERIFY(badge("acme"));
        window->editSsoAction()->trigger();
        auto *dialog = qobject_cast<SsoDialog *>(workflow->activeDialog());
        QVERIFY(dialog);
        QCOMPARE(edit(dialog, "issuerEdit")->text(),
                 QString::fromLatin1(sandbox::demo::kAcmeIdentifier));
        edit(dialog, "clientIdEdit")->setText(QStringLiteral("0oaRotated"));
        button(dialog, "submitButton")->click();
        button(dialog, "submitButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(workflow->activeDialog() == nullptr, 10000);
        QTRY_COMPARE(window->findChild<QLabel *>(QStringLiteral("clientIdValue"))->text(),
                     QStringLiteral("0oaRotated"));

        window->disableSsoAction()->trigger();
        auto *confirm = qobject_cast<DisableSsoDialog *>(workflow->activeDialog());
        QVERIFY(confirm);
        QVERIFY(!button(confirm, "disableButton")->isEnabled());
        QTest::keyClicks(edit(confirm, "confirmLabelEdit"), QStringLiteral("acme"));
        button(confirm, "disableButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(workflow->activeDialog() == nullptr, 10000);
        QVERIFY(!env->server->connection(QStringLiteral("acme")));
        QTRY_VERIFY(!badge("acme"));
        QVERIFY(window->enableSsoAction()->isEnabled());
    }

    void starkActionsSayWhichPermissionIsMissing()
    {
        selectAndWait("stark");
        QVERIFY(!window->enableSsoAction()->isEnabled());
        QVERIFY2(
            window->enableSsoAction()->toolTip().contains(QStringLiteral("organizations.update")),
            qPrintable(window->enableSsoAction()->toolTip()));
    }
};

QTEST_MAIN(TestSsoMainWindow)
#include "test_sso_main_window.moc"
