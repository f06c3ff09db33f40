// The main window with connection profiles, offscreen against an in-process sandbox and with
// no keychain reachable: first run (Connect dialog, call to action), saving a profile switches
// the window to it, the switcher, sign out, restart without a keychain, environment notice.

#include "../profiles/TempHome.h"
#include "ConnectDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "ProfileController.h"
#include "ProfileSwitcher.h"
#include "SandboxFixture.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace keycard;
using keycard::ui::ConnectDialog;
using keycard::ui::ProfileController;

class TestProfileWindow : public QObject
{
    Q_OBJECT
public:
    explicit TestProfileWindow(testing::TempHome *home)
        : m_home(home)
    {
    }

private:
    struct Fixture
    {
        explicit Fixture(ProfileController::Options options,
                         SessionInfo::Source source = SessionInfo::Source::Sandbox)
            : sandbox(0)
        {
            info.source = source;
            info.baseUrl = sandbox.server->baseUrl();
            window.setPersistSettings(false);
            options.keychainService = QStringLiteral("ai.keycard.KeycardAdmin.test");
            controller =
                std::make_unique<ProfileController>(&window, sandbox.client.get(), info, options);
            controller->start();
            window.show();
        }
        ~Fixture() { controller.reset(); }
        test::SandboxFixture sandbox;
        SessionInfo info;
        MainWindow window;
        std::unique_ptr<ProfileController> controller;
    };

    // The notice's call to action ("Connect to Keycard…") is offered.
    static bool noticeActionShown(const Fixture &f)
    {
        return !f.controller->noticeBar()
                    ->findChild<QPushButton *>(QStringLiteral("profileNoticeAction"))
                    ->isHidden();
    }

    static ProfileController::Options noEnvironment()
    {
        ProfileController::Options o;
        o.environment = QProcessEnvironment();
        return o;
    }

    static void fillAndSave(ConnectDialog *dialog, const QUrl &baseUrl)
    {
        auto set = [dialog](const char *name, const QString &text) {
            auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name));
            QVERIFY(edit);
            edit->clear();
            QTest::keyClicks(edit, text);
        };
        set("profileNameEdit", QStringLiteral("Staging"));
        set("baseUrlEdit", baseUrl.toString());
        set("clientIdEdit", QStringLiteral("demo-admin"));
        set("clientSecretEdit", QStringLiteral("sandbox-demo-secret"));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfileButton"));
        QVERIFY(save && save->isEnabled());
        save->click();
    }

    testing::TempHome *m_home;

private Q_SLOTS:
    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    void firstRunOffersToConnectOverTheSandbox()
    {
        Fixture f(noEnvironment());
        QCOMPARE(f.window.session().source, SessionInfo::Source::Sandbox);
        QTRY_VERIFY(f.controller->connectDialog() && f.controller->connectDialog()->isVisible());
        QVERIFY(f.controller->noticeBar()->isVisible());
        QVERIFY(f.controller->noticeBar()->text().contains(QLatin1String("sandbox")));
        QVERIFY(noticeActionShown(f));
        QCOMPARE(f.controller->switcher()->currentText(), QStringLiteral("Sandbox (demo data)"));
        QVERIFY(!f.controller->signOutAction()->isEnabled());
        // The Profile menu sits in the menu bar.
        auto *menu = f.window.findChild<QMenu *>(QStringLiteral("profileMenu"));
        QVERIFY(menu);
        QVERIFY(f.window.menuBar()->actions().contains(menu->menuAction()));
        QVERIFY(menu->actions().contains(f.controller->connectAction()));
        // Dismissing the dialog leaves the sandbox; the next start does not nag again.
        f.controller->connectDialog()->reject();
        QTRY_VERIFY(!f.controller->connectDialog());
        Fixture again(noEnvironment());
        QVERIFY(!again.controller->connectDialog());
        QVERIFY(noticeActionShown(again)); // the call to action stays
    }

    // keycard-admin's demo server is a child process: when it stops, the window says so (and
    // says it again when the sandbox is chosen after a profile), not just "connection refused".
    void aStoppedDemoServerIsReported()
    {
        Fixture f(noEnvironment());
        QTRY_VERIFY(f.controller->connectDialog());
        f.controller->connectDialog()->reject();
        f.controller->setDefaultSessionLost(
            QStringLiteral("The demo server stopped unexpectedly (exit code 1)."));
        QVERIFY(f.controller->noticeBar()->isVisible());
        QCOMPARE(f.controller->noticeBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(f.controller->noticeBar()->text().startsWith(
                     QStringLiteral("The demo server stopped unexpectedly (exit code 1). "
                                    "Restart Keycard Admin")),
                 qPrintable(f.controller->noticeBar()->text()));
        QVERIFY(noticeActionShown(f)); // "Connect to Keycard…"
    }

    void savingAProfileSwitchesTheWindowToIt()
    {
        Fixture f(noEnvironment());
        QTRY_VERIFY(f.controller->connectDialog());
        QSignalSpy changed(f.controller.get(), &ProfileController::activeChanged);
        fillAndSave(f.controller->connectDialog(), f.sandbox.server->baseUrl());
        QTRY_COMPARE(f.window.session().source, SessionInfo::Source::Profile);
        QCOMPARE(f.window.session().profileName, QStringLiteral("Staging"));
        QVERIFY(f.window.client() != f.sandbox.client.get());
        QCOMPARE(f.controller->switcher()->currentText(), QStringLiteral("Staging"));
        QVERIFY(f.controller->signOutAction()->isEnabled());
        QCOMPARE(f.controller->signOutAction()->text(), QStringLiteral("&Sign Out of “Staging”"));
        // No keychain in this test: the window says the secret lives for this session only.
        QCOMPARE(f.controller->noticeBar()->text(),
                 QStringLiteral("No keychain available: the secret is kept for this session only"));
        // The profile's client really talks to the server (a token request with its id).
        QTRY_VERIFY(
            !f.sandbox.requestsTo("POST", QStringLiteral("/service-account-token")).isEmpty());
        QCOMPARE(m_home->filesContaining(QStringLiteral("sandbox-demo-secret")), QStringList());

        // Switch to the sandbox and back with the toolbar's switcher.
        auto *switcher = f.controller->switcher();
        switcher->activated(0);
        QTRY_COMPARE(f.window.session().source, SessionInfo::Source::Sandbox);
        QCOMPARE(f.window.client(), f.sandbox.client.get());
        const int staging = switcher->findText(QStringLiteral("Staging"));
        QVERIFY(staging > 0);
        switcher->activated(staging);
        QTRY_COMPARE(f.window.session().source, SessionInfo::Source::Profile);

        // Sign out: back to the sandbox, the secret forgotten, the profile kept.
        f.controller->signOutAction()->trigger();
        QTRY_COMPARE(f.window.session().source, SessionInfo::Source::Sandbox);
        QVERIFY(!f.controller->secrets()->hasSessionSecret(QStringLiteral("Staging")));
        QVERIFY(f.controller->store()->contains(QStringLiteral("Staging")));
        QVERIFY(f.controller->noticeBar()->text().contains(QLatin1String("Signed out")));
        // Choosing it again asks for the secret, in the Connect dialog, filled in.
        switcher->activated(switcher->findText(QStringLiteral("Staging")));
        QTRY_VERIFY(f.controller->connectDialog());
        auto *name = f.controller->connectDialog()->findChild<QLineEdit *>(
            QStringLiteral("profileNameEdit"));
        QCOMPARE(name->text(), QStringLiteral("Staging"));
        QCOMPARE(f.window.session().source, SessionInfo::Source::Sandbox);
    }

    // Profile › Edit Profile… with another name renames the profile: one entry in the switcher,
    // the secret moved (left empty in the dialog), the window on the renamed profile.
    void editDialogRenamesTheProfile()
    {
        Fixture f(noEnvironment());
        QTRY_VERIFY(f.controller->connectDialog());
        fillAndSave(f.controller->connectDialog(), f.sandbox.server->baseUrl());
        QTRY_COMPARE(f.window.session().profileName, QStringLiteral("Staging"));
        QTRY_VERIFY(!f.controller->connectDialog());

        auto *edit = f.window.findChild<QAction *>(QStringLiteral("editProfileAction"));
        QVERIFY(edit && edit->isEnabled());
        edit->trigger();
        QTRY_VERIFY(f.controller->connectDialog());
        ConnectDialog *dialog = f.controller->connectDialog();
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("profileNameEdit"));
        auto *secret = dialog->findChild<QLineEdit *>(QStringLiteral("clientSecretEdit"));
        QCOMPARE(name->text(), QStringLiteral("Staging"));
        QVERIFY(secret->text().isEmpty());
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Production"));
        // The stored secret may stay empty: it moves with the rename.
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfileButton"));
        QTRY_VERIFY(save->isEnabled());
        const auto tokens =
            f.sandbox.requestsTo("POST", QStringLiteral("/service-account-token")).size();
        save->click();

        QTRY_COMPARE(f.window.session().profileName, QStringLiteral("Production"));
        QCOMPARE(f.controller->store()->names(), QStringList{QStringLiteral("Production")});
        auto *switcher = f.controller->switcher();
        QCOMPARE(switcher->findText(QStringLiteral("Staging")), -1);
        QVERIFY(switcher->findText(QStringLiteral("Production")) > 0);
        QCOMPARE(switcher->currentText(), QStringLiteral("Production"));
        QVERIFY(f.controller->secrets()->hasSessionSecret(QStringLiteral("Production")));
        QVERIFY(!f.controller->secrets()->hasSessionSecret(QStringLiteral("Staging")));
        // The renamed profile's new client signs in with the moved secret.
        QTRY_VERIFY(f.sandbox.requestsTo("POST", QStringLiteral("/service-account-token")).size() >
                    tokens);
    }

    void restartWithoutKeychainAsksForTheSecret()
    {
        {
            Fixture f(noEnvironment());
            QTRY_VERIFY(f.controller->connectDialog());
            fillAndSave(f.controller->connectDialog(), f.sandbox.server->baseUrl());
            QTRY_COMPARE(f.window.session().source, SessionInfo::Source::Profile);
        }
        Fixture restarted(noEnvironment());
        QTRY_VERIFY(restarted.controller->connectDialog());
        auto *notice = restarted.controller->connectDialog()->findChild<QLabel *>(
            QStringLiteral("connectNotice"));
        QVERIFY(notice && !notice->isHidden());
        QVERIFY2(notice->text().contains(QLatin1String("No keychain available")),
                 qPrintable(notice->text()));
        QCOMPARE(restarted.window.session().source, SessionInfo::Source::Sandbox);
    }

    void absurdSettingsFileIsCappedAndReported()
    {
        // size=3000000 cost 51 s of settings lookups at start-up before anything showed.
        {
            QSettings settings;
            settings.setValue(QStringLiteral("Profiles/size"), 3000000);
            settings.setValue(QStringLiteral("Profiles/1/name"), QStringLiteral("Staging"));
            settings.setValue(QStringLiteral("Profiles/1/baseUrl"),
                              QStringLiteral("https://api.keycard.example"));
            settings.setValue(QStringLiteral("Profiles/1/credentialKind"),
                              QStringLiteral("service-account"));
            settings.sync();
        }
        Fixture f(noEnvironment());
        QTRY_VERIFY(f.controller->noticeBar()->isVisible());
        const QString text = f.controller->noticeBar()->text();
        QVERIFY2(text.contains(QLatin1String("3000000")), qPrintable(text));
        QCOMPARE(f.controller->store()->names(), QStringList{QStringLiteral("Staging")});
    }

    // A saved profile whose base URL cannot be used (plain http to another machine, written by
    // hand or by an older version): the Connect dialog opens on that profile and blames it, not
    // KEYCARD_API_BASE_URL (which is not set) nor the keychain; the window stays on the sandbox.
    void unusableSavedBaseUrlIsBlamedOnTheProfile()
    {
        {
            QSettings settings;
            settings.setValue(QStringLiteral("Profiles/size"), 1);
            settings.setValue(QStringLiteral("Profiles/1/name"), QStringLiteral("Staging"));
            settings.setValue(QStringLiteral("Profiles/1/baseUrl"),
                              QStringLiteral("http://api.keycard.example"));
            settings.setValue(QStringLiteral("Profiles/1/credentialKind"),
                              QStringLiteral("service-account"));
            settings.setValue(QStringLiteral("Profiles/1/clientId"), QStringLiteral("svc"));
            settings.setValue(QStringLiteral("Connection/lastProfile"), QStringLiteral("Staging"));
            settings.sync();
        }
        Fixture f(noEnvironment());
        QTRY_VERIFY(f.controller->connectDialog() && f.controller->connectDialog()->isVisible());
        auto *notice =
            f.controller->connectDialog()->findChild<QLabel *>(QStringLiteral("connectNotice"));
        QVERIFY(notice && !notice->isHidden());
        const QString text = notice->text();
        QVERIFY2(text.contains(QStringLiteral("“Staging”")) &&
                     text.contains(QLatin1String("base URL saved")) &&
                     text.contains(QLatin1String("api.keycard.example")) &&
                     !text.contains(QLatin1String("KEYCARD_API_BASE_URL")) &&
                     !text.contains(QLatin1String("keychain")),
                 qPrintable(text));
        auto *baseUrl =
            f.controller->connectDialog()->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
        QVERIFY(baseUrl);
        QCOMPARE(baseUrl->text(), QStringLiteral("http://api.keycard.example"));
        QCOMPARE(f.window.session().source, SessionInfo::Source::Sandbox);

        // With KEYCARD_API_BASE_URL set, the saved URL is not used: nothing to blame it for.
        ProfileController::Options o;
        o.environment = QProcessEnvironment();
        o.environment.insert(QStringLiteral("KEYCARD_API_BASE_URL"),
                             f.sandbox.server->baseUrl().toString());
        Fixture overridden(o);
        QTRY_VERIFY(overridden.controller->connectDialog());
        const QString overriddenText = overridden.controller->connectDialog()
                                           ->findChild<QLabel *>(QStringLiteral("connectNotice"))
                                           ->text();
        QVERIFY2(!overriddenText.contains(QLatin1String("base URL saved")),
                 qPrintable(overriddenText));
    }

    // Only KEYCARD_API_BASE_URL set: the sandbox runs (no credentials), and the window, the
    // Connect dialog and then the profile's notice say that the variable overrides the profile.
    void environmentBaseUrlOverridesTheProfile()
    {
        Fixture probe(noEnvironment()); // only to learn a free sandbox URL for the variable
        ProfileController::Options o;
        o.environment = QProcessEnvironment();
        o.environment.insert(QStringLiteral("KEYCARD_API_BASE_URL"),
                             probe.sandbox.server->baseUrl().toString());
        Fixture f(o);
        QCOMPARE(f.window.session().source, SessionInfo::Source::Sandbox);
        QVERIFY2(f.controller->noticeBar()->text().contains(QLatin1String("KEYCARD_API_BASE_URL")),
                 qPrintable(f.controller->noticeBar()->text()));
        f.controller->openConnectDialog();
        QTRY_VERIFY(f.controller->connectDialog());
        auto *notice =
            f.controller->connectDialog()->findChild<QLabel *>(QStringLiteral("connectNotice"));
        QVERIFY(notice && !notice->isHidden());
        QVERIFY(notice->text().contains(QLatin1String("KEYCARD_API_BASE_URL")));
        fillAndSave(f.controller->connectDialog(),
                    QUrl(QStringLiteral("https://api.keycard.example")));
        QTRY_COMPARE(f.window.session().source, SessionInfo::Source::Profile);
        // The variable's URL, not the saved one, for this run; the notice names both.
        QCOMPARE(f.window.session().baseUrl, probe.sandbox.server->baseUrl());
        QTRY_VERIFY(
            !probe.sandbox.requestsTo("POST", QStringLiteral("/service-account-token")).isEmpty());
        const QString text = f.controller->noticeBar()->text();
        QVERIFY2(text.contains(QLatin1String("Staging")) &&
                     text.contains(QLatin1String("KEYCARD_API_BASE_URL")) &&
                     !text.contains(QLatin1String("not used")),
                 qPrintable(text));
        QCOMPARE(f.controller->store()->profile(QStringLiteral("Staging"))->baseUrl,
                 QUrl(QStringLiteral("https://api.keycard.example")));
    }

    void environmentVariablesWinAndTheWindowSaysSo()
    {
        ProfileController::Options o;
        o.environment.insert(QStringLiteral("KEYCARD_API_CLIENT_ID"), QStringLiteral("svc"));
        o.environment.insert(QStringLiteral("KEYCARD_API_CLIENT_SECRET"), QStringLiteral("env-s3"));
        o.allowProfiles = false;
        Fixture f(o, SessionInfo::Source::Environment);
        QCOMPARE(f.window.session().source, SessionInfo::Source::Environment);
        QVERIFY(!f.controller->switcher()->isEnabled());
        QCOMPARE(f.controller->switcher()->currentText(), QStringLiteral("Environment variables"));
        const QString text = f.controller->noticeBar()->text();
        QVERIFY2(text.contains(QLatin1String("KEYCARD_API_CLIENT_ID")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("KEYCARD_API_CLIENT_SECRET")));
        QVERIFY(!text.contains(QLatin1String("env-s3")));
        QVERIFY(f.controller->noticeBar()->isVisible());
        QVERIFY(!f.controller->connectDialog()); // no first-run dialog over the env's server
    }

    void commandLineServerIsNamedAsSuch()
    {
        ProfileController::Options o = noEnvironment();
        o.allowProfiles = false;
        Fixture f(o, SessionInfo::Source::CommandLine);
        QVERIFY(!f.controller->switcher()->isEnabled());
        // --base-url without credentials in the environment: not "Environment variables".
        QCOMPARE(f.controller->switcher()->currentText(), QStringLiteral("Command-line server"));
        QCOMPARE(f.controller->switcher()->toolTip(), f.info.baseUrl.toDisplayString());
        const QString text = f.controller->noticeBar()->text();
        QVERIFY2(text.contains(QLatin1String("command line")), qPrintable(text));
    }
};

KEYCARD_TEMP_HOME_GUI_MAIN(TestProfileWindow)

#include "test_profile_window.moc"
