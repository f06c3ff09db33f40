// The "done", through the real window and a real keychain (run by
// tests/profiles/run-with-keyring.sh: private session bus, unlocked gnome-keyring, throw-away
// HOME and XDG directories): on first run the Connect dialog opens; the admin fills in a
// production-style profile, tests it against an in-process sandbox and saves; the window is
// destroyed; a new window signs in from the keychain without the secret being typed again; then
// every file under the temporary home (settings, window state, the keyring itself) and every log
// message is scanned for the secret. With CI=true a missing keychain is a failure, not a skip.

#include "../profiles/KeychainProbe.h"
#include "../profiles/TempHome.h"
#include "ConnectDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "ProfileController.h"
#include "ProfileSwitcher.h"
#include "SandboxServer.h"
#include "SecretStore.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace keycard;
using keycard::ui::ConnectDialog;
using keycard::ui::ProfileController;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestProfileRestart : public QObject
{
    Q_OBJECT
public:
    explicit TestProfileRestart(testing::TempHome *home)
        : m_home(home)
    {
    }

private:
    // The window as keycard-admin builds it when started without options: the sandbox is the
    // default connection, profiles allowed, the Connect dialog on first run.
    struct AppWindow
    {
        AppWindow(sandbox::SandboxServer *demo, QNetworkAccessManager *nam)
        {
            ClientConfig config;
            config.baseUrl = demo->baseUrl();
            config.credentials = Credentials::serviceAccount(demo->options().clientId,
                                                             Secret(demo->options().clientSecret));
            demoClient = std::make_unique<KeycardClient>(nam, config);
            SessionInfo info;
            info.source = SessionInfo::Source::Sandbox;
            info.baseUrl = demo->baseUrl();
            ProfileController::Options options;
            options.environment = QProcessEnvironment();
            controller =
                std::make_unique<ProfileController>(&window, demoClient.get(), info, options);
            controller->start();
            window.show();
        }
        ~AppWindow() { controller.reset(); }
        std::unique_ptr<KeycardClient> demoClient;
        MainWindow window;
        std::unique_ptr<ProfileController> controller;
    };

    static void type(ConnectDialog *dialog, const char *name, const QString &text)
    {
        auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY2(edit, name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    // Requests the "production" server received (it accepts only the profile's client id).
    int requestsTo(const QByteArray &method, const QString &path) const
    {
        int n = 0;
        const auto all = m_production->requests();
        for (const auto &r : all) {
            if (r.method == method && r.path == path)
                ++n;
        }
        return n;
    }
    int tokenRequests() const
    {
        return requestsTo("POST", QStringLiteral("/service-account-token"));
    }

    testing::TempHome *m_home;
    // Stands in for production: its own client id and a secret that appears nowhere else.
    std::unique_ptr<sandbox::SandboxServer> m_production;
    std::unique_ptr<sandbox::SandboxServer> m_demo;
    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(recordMessage);
        KEYCARD_REQUIRE_KEYCHAIN(this);
    }

    void savedProfileSignsInAfterRestartAndNoSecretIsWritten()
    {
        const QString clientId = QStringLiteral("svc-production-") +
                                 QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const QString secret =
            QStringLiteral("kc-prod-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        sandbox::SandboxOptions prodOptions;
        prodOptions.clientId = clientId;
        prodOptions.clientSecret = secret;
        m_production = std::make_unique<sandbox::SandboxServer>(prodOptions);
        QVERIFY(m_production->listen(QHostAddress::LocalHost, 0));
        m_demo = std::make_unique<sandbox::SandboxServer>();
        QVERIFY(m_demo->listen(QHostAddress::LocalHost, 0));

        {
            AppWindow app(m_demo.get(), &m_nam);
            QCOMPARE(app.window.session().source, SessionInfo::Source::Sandbox);
            QTRY_VERIFY(app.controller->connectDialog() &&
                        app.controller->connectDialog()->isVisible());
            ConnectDialog *dialog = app.controller->connectDialog();
            type(dialog, "profileNameEdit", QStringLiteral("Production"));
            type(dialog, "baseUrlEdit", m_production->baseUrl().toString());
            type(dialog, "clientIdEdit", clientId);
            type(dialog, "clientSecretEdit", secret);

            // Test connection: a token and one organization, then success.
            auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
            QVERIFY(test && test->isEnabled());
            test->click();
            auto *status = dialog->findChild<QWidget *>(QStringLiteral("connectStatus"));
            QTRY_COMPARE_WITH_TIMEOUT(status->property("statusKind").toString(),
                                      QStringLiteral("success"), 20000);
            QCOMPARE(tokenRequests(), 1);
            QCOMPARE(requestsTo("GET", QStringLiteral("/organizations")), 1);

            // Save and connect: settings plus the keychain, and the window switches to it.
            auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfileButton"));
            QVERIFY(save && save->isEnabled());
            save->click();
            QTRY_COMPARE_WITH_TIMEOUT(app.window.session().source, SessionInfo::Source::Profile,
                                      20000);
            QCOMPARE(app.window.session().profileName, QStringLiteral("Production"));
            QTRY_VERIFY(!app.controller->connectDialog());
            // Stored in the keychain, not kept in memory for the session only.
            QVERIFY(!app.controller->secrets()->hasSessionSecret(QStringLiteral("Production")));
            QCOMPARE(app.controller->secrets()->availability(),
                     profiles::SecretStore::Availability::Available);
            auto *table = app.window.findChild<QTableView *>(QStringLiteral("organizationTable"));
            QVERIFY(table);
            QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 20000);
        }

        // Restart: a new window, nothing typed.
        const int tokensBefore = tokenRequests();
        {
            AppWindow app(m_demo.get(), &m_nam);
            QTRY_COMPARE_WITH_TIMEOUT(app.window.session().source, SessionInfo::Source::Profile,
                                      20000);
            QCOMPARE(app.window.session().profileName, QStringLiteral("Production"));
            QCOMPARE(app.window.session().baseUrl, m_production->baseUrl());
            QCOMPARE(app.controller->switcher()->currentText(), QStringLiteral("Production"));
            QVERIFY(!app.controller->connectDialog());
            auto *table = app.window.findChild<QTableView *>(QStringLiteral("organizationTable"));
            QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 20000);
            QVERIFY(tokenRequests() > tokensBefore);
            // The window's notice does not claim a session-only secret or ask to connect.
            QVERIFY2(!app.controller->noticeBar()->text().contains(QLatin1String("keychain")),
                     qPrintable(app.controller->noticeBar()->text()));
        }
        QSettings().sync();

        // Every file the app wrote, and every message it logged: no secret.
        const QStringList files = m_home->allFiles();
        const QString settingsFile = QSettings().fileName();
        QVERIFY2(files.contains(settingsFile), qPrintable(files.join(QLatin1Char('\n'))));
        QVERIFY2(!m_home->filesContaining(clientId).isEmpty(), "the scan can find plain text");
        QCOMPARE(m_home->filesContaining(secret), QStringList());
        QMutexLocker lock(&g_logMutex);
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(secret), "a log message carries the secret");
    }

    void cleanupTestCase()
    {
        m_production.reset();
        m_demo.reset();
        qInstallMessageHandler(g_previousHandler);
    }
};

int main(int argc, char **argv)
{
    // Not test mode: the same settings paths as keycard-admin, under the temporary home.
    keycard::testing::TempHome home(false);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QString::fromLatin1(profiles::ProfileStore::kOrganization));
    QApplication::setApplicationName(QString::fromLatin1(profiles::ProfileStore::kApplication));
    TestProfileRestart test(&home);
    return QTest::qExec(&test, argc, argv);
}

#include "test_profile_restart.moc"
