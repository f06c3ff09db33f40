// The real MainWindow against an in-process sandbox, offscreen: what the window shows.
// Set KEYCARD_SCREENSHOT_DIR to also save a PNG of the window at the interesting moments.
#include "AppSession.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "OrganizationBrowser.h"
#include "OrganizationDetail.h"
#include "OrganizationFilterModel.h"
#include "StateView.h"
#include "WindowTestSupport.h"

#include "DemoData.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace keycard;
using keycard::test::sandboxSession;
using keycard::test::screenshot;
using keycard::test::selectAndWait;
using keycard::test::showOnSandbox;
using keycard::test::useTemporarySettings;
using keycard::test::valueText;
namespace demo = keycard::sandbox::demo;

namespace {

// subject/resource.permission -> granted, read back from the tree.
QMap<QString, bool> treePermissions(QTreeWidget *tree, const QString &subject)
{
    QMap<QString, bool> out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *s = tree->topLevelItem(i);
        if (s->data(0, Qt::UserRole).toString() != subject)
            continue;
        for (int r = 0; r < s->childCount(); ++r) {
            QTreeWidgetItem *resource = s->child(r);
            for (int p = 0; p < resource->childCount(); ++p) {
                QTreeWidgetItem *perm = resource->child(p);
                out.insert(perm->data(0, Qt::UserRole).toString(),
                           perm->data(1, Qt::UserRole).toBool());
            }
        }
    }
    return out;
}

QMap<QString, bool> flatten(const std::optional<Permissions> &permissions)
{
    QMap<QString, bool> out;
    if (!permissions)
        return out;
    for (auto r = permissions->grants.cbegin(); r != permissions->grants.cend(); ++r)
        for (auto p = r->cbegin(); p != r->cend(); ++p)
            out.insert(r.key() + QLatin1Char('.') + p.key(), p.value());
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listLoads();
    void loadAllPagesTo2345();
    void filterNarrowsAsTyped();
    void acmeShowsConnectionAsSent();
    void globexShowsEmptyState();
    void wayneShowsFieldsThisVersionDoesNotKnow();
    void clientSecretSentBackIsNeverShown();
    void listErrorShowsRequestIdAndRetryRecovers();
    void connectionErrorShowsRequestIdAndRetryRecovers();
    void writePathHooks();

private:
    QTemporaryDir m_config;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_config.isValid());
    useTemporarySettings(m_config, QStringLiteral("test_main_window"));
}

void TestMainWindow::listLoads()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    auto *model = window.browser()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model->rowCount(), 6);
    for (int row = 0; row < 6; ++row)
        QCOMPARE(model->organization(row).label, QString::fromLatin1(demo::kAll[row].label));
    auto *count = window.findChild<QLabel *>(QStringLiteral("countLabel"));
    QCOMPARE(count->text(), QStringLiteral("6 organizations"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Sandbox")));
    auto *badge = window.findChild<QLabel *>(QStringLiteral("sandboxBadge"));
    QVERIFY(badge && badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("Sandbox — demo data"));
    QCOMPARE(badge->accessibleName(), QStringLiteral("Sandbox — demo data"));
    QVERIFY(badge->toolTip().contains(QStringLiteral("sandbox")));
    // The whole text fits, with room around it.
    QVERIFY(badge->width() > badge->fontMetrics().horizontalAdvance(badge->text()) + 10);
    // Icons come from the compiled-in SVG resources.
    QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("refreshAction"))
                 ->icon()
                 .pixmap(16, 16)
                 .isNull());
    // The first organization is selected and its details load.
    QTRY_COMPARE(valueText(&window, QStringLiteral("identifier")),
                 QString::fromLatin1(demo::kAcmeIdentifier));
    auto *table = window.findChild<QTableView *>(QStringLiteral("organizationTable"));
    QVERIFY(table->isVisible());
    // SSO column: text and an icon.
    const QModelIndex sso = model->index(0, OrganizationListModel::SsoColumn);
    QCOMPARE(sso.data().toString(), QStringLiteral("On"));
    QVERIFY(!sso.data(Qt::DecorationRole).value<QIcon>().isNull());
    screenshot(&window, QStringLiteral("list-loaded"));
}

void TestMainWindow::loadAllPagesTo2345()
{
    test::SandboxFixture sandbox;
    sandbox.server->addGeneratedOrganizations(2345 - 6);
    MainWindow window;
    showOnSandbox(window, sandbox);
    auto *model = window.browser()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *count = window.findChild<QLabel *>(QStringLiteral("countLabel"));
    QTRY_COMPARE(
        count->text(),
        QStringLiteral("%1 loaded, more available").arg(QLocale().toString(model->rowCount())));
    QVERIFY(model->rowCount() < 2345);
    auto *loadAll = window.findChild<QPushButton *>(QStringLiteral("loadAllButton"));
    QVERIFY(loadAll->isEnabled());
    auto *progress = window.findChild<QWidget *>(QStringLiteral("loadProgress"));
    QVERIFY(!progress->isVisible());
    QTest::mouseClick(loadAll, Qt::LeftButton);
    QVERIFY(progress->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2345, 60000);
    QTRY_VERIFY(!progress->isVisible());
    QCOMPARE(count->text(), QStringLiteral("%1 organizations").arg(QLocale().toString(2345)));
    QVERIFY(!loadAll->isEnabled());
    // The last row is the server's last organization.
    QCOMPARE(model->organization(2344).id,
             sandbox.server->organizations().constLast().value(QStringLiteral("id")).toString());
}

void TestMainWindow::filterNarrowsAsTyped()
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
    table->setFocus();
    // Ctrl+F focuses the filter.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), filter);

    const auto orgs = sandbox.server->organizations();
    const QString typed = QStringLiteral("Initech");
    int previous = 6;
    for (int i = 1; i <= typed.size(); ++i) {
        QTest::keyClick(filter, typed.at(i - 1).toLatin1());
        const QString prefix = typed.left(i);
        int expected = 0;
        for (const QJsonObject &o : orgs) {
            for (const char *key : {"name", "label", "id"}) {
                if (o.value(QLatin1String(key)).toString().contains(prefix, Qt::CaseInsensitive)) {
                    ++expected;
                    break;
                }
            }
        }
        QCOMPARE(table->model()->rowCount(), expected);
        QVERIFY(expected <= previous);
        previous = expected;
    }
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("initech"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("countLabel"))
                ->text()
                .startsWith(QStringLiteral("1 shown")));
    // Nothing matches: the list area says so.
    QTest::keyClicks(filter, QStringLiteral("zzz"));
    QCOMPARE(table->model()->rowCount(), 0);
    auto *state = window.findChild<StateView *>(QStringLiteral("listStateView"));
    QTRY_VERIFY(state->isVisible());
    QCOMPARE(state->title(), QStringLiteral("No matching organizations"));
    screenshot(&window, QStringLiteral("filter-no-match"));
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 6);
    QVERIFY(table->isVisible());
}

void TestMainWindow::acmeShowsConnectionAsSent()
{
    test::SandboxFixture sandbox;
    // Distinctive permissions, so the tree can only match if it shows what the server sent.
    sandbox.server->setPermissions(
        QStringLiteral("acme"),
        QJsonObject{{QStringLiteral("organizations"),
                     QJsonObject{{QStringLiteral("read"), true}, {QStringLiteral("update"), true}}},
                    {QStringLiteral("users"), QJsonObject{{QStringLiteral("list"), false}}}});
    MainWindow window;
    showOnSandbox(window, sandbox);
    QVERIFY(selectAndWait(window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));

    // What the server sends, fetched independently.
    CallOptions expand;
    expand.expandPermissions = true;
    std::optional<SsoConnection> sent;
    std::optional<Organization> sentOrg;
    sandbox.client->getSsoConnection(
        QStringLiteral("acme"), this,
        [&](const Result<SsoConnection> &r) { sent = r.ok() ? r.value() : SsoConnection{}; },
        expand);
    sandbox.client->getOrganization(
        QStringLiteral("acme"), this,
        [&](const Result<Organization> &r) { sentOrg = r.ok() ? r.value() : Organization{}; },
        expand);
    QTRY_VERIFY(sent && sentOrg);
    QCOMPARE(sent->identifier, QString::fromLatin1(demo::kAcmeIdentifier));

    QCOMPARE(valueText(&window, QStringLiteral("identifier")), sent->identifier);
    QCOMPARE(valueText(&window, QStringLiteral("clientId")), sent->clientId.value());
    QVERIFY(sent->clientSecretSet);
    QVERIFY(valueText(&window, QStringLiteral("clientSecret")).startsWith(QStringLiteral("Set")));
    QCOMPARE(valueText(&window, QStringLiteral("connectionId")), sent->id);
    QCOMPARE(valueText(&window, QStringLiteral("organizationId")),
             QString::fromLatin1(demo::kAcme.id));
    QVERIFY(
        !window.findChild<QLabel *>(QStringLiteral("connectionCreatedValue"))->toolTip().isEmpty());

    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("permissionsTree"));
    QCOMPARE(treePermissions(tree, QStringLiteral("organization")), flatten(sentOrg->permissions));
    QCOMPARE(treePermissions(tree, QStringLiteral("organization"))
                 .value(QStringLiteral("users.list"), true),
             false);
    QCOMPARE(treePermissions(tree, QStringLiteral("connection")), flatten(sent->permissions));

    const OAuth2Settings oauth = sent->protocols.value().oauth2.value();
    QCOMPARE(valueText(&window, QStringLiteral("authorizationEndpoint")),
             *oauth.authorizationEndpoint);
    QCOMPARE(valueText(&window, QStringLiteral("tokenEndpoint")), *oauth.tokenEndpoint);
    QCOMPARE(valueText(&window, QStringLiteral("jwksUri")), *oauth.jwksUri);
    QCOMPARE(valueText(&window, QStringLiteral("scopesSupported")),
             oauth.scopesSupported.value().join(QStringLiteral(", ")));
    QCOMPARE(valueText(&window, QStringLiteral("pkceMethods")),
             oauth.codeChallengeMethodsSupported.value().join(QStringLiteral(", ")));
    QCOMPARE(valueText(&window, QStringLiteral("userinfoEndpoint")),
             *sent->protocols->openid.value().userinfoEndpoint);
    if (!oauth.registrationEndpoint)
        QCOMPARE(valueText(&window, QStringLiteral("registrationEndpoint")),
                 QStringLiteral("Not provided"));

    // Raw: the documents as received.
    const QString raw =
        window.findChild<QPlainTextEdit *>(QStringLiteral("rawJsonView"))->toPlainText();
    QVERIFY(raw.contains(QStringLiteral("\"identifier\": \"%1\"").arg(sent->identifier)));
    QVERIFY(raw.contains(QStringLiteral("\"sso_connection\"")));
    QVERIFY(!window.findChild<MessageBar *>(QStringLiteral("detailErrorBanner"))->isVisible());
    screenshot(&window, QStringLiteral("acme"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    for (int i = 1; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        screenshot(&window, QStringLiteral("acme-tab%1").arg(i));
    }
}

void TestMainWindow::globexShowsEmptyState()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    bool ok = false;
    QVERIFY(selectAndWait(window, QStringLiteral("globex"), QString::fromLatin1(demo::kGlobex.id),
                          &ok));
    QCOMPARE(ok, true); // a 404 on the connection is no error
    auto *state = window.findChild<StateView *>(QStringLiteral("connectionStateView"));
    QVERIFY(state->isVisible());
    QVERIFY(state->title().contains(QStringLiteral("not enabled")));
    QVERIFY(state->text().contains(QStringLiteral("identity provider")));
    auto *enable = window.findChild<QPushButton *>(QStringLiteral("enableSsoButton"));
    QVERIFY(enable->isVisible());
    QVERIFY(!window.findChild<MessageBar *>(QStringLiteral("detailErrorBanner"))->isVisible());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("ssoState"))->text(),
             QStringLiteral("Not enabled"));
    auto *endpoints = window.findChild<StateView *>(QStringLiteral("endpointsStateView"));
    QCOMPARE(endpoints->title(), QStringLiteral("No endpoints"));
    screenshot(&window, QStringLiteral("globex"));
}

// wayne's connection carries fields newer servers add; the panes show them as they came.
void TestMainWindow::wayneShowsFieldsThisVersionDoesNotKnow()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    QVERIFY(selectAndWait(window, QStringLiteral("wayne"), QString::fromLatin1(demo::kWayne.id)));
    const QJsonObject raw = window.selectedConnection()->raw;
    const QJsonValue claim = raw.value(QStringLiteral("protocols"))
                                 .toObject()
                                 .value(QStringLiteral("openid"))
                                 .toObject()
                                 .value(QStringLiteral("external_id_claim"));
    QVERIFY(claim.isString());
    QCOMPARE(valueText(&window, QStringLiteral("openid_external_id_claim")), claim.toString());
    QCOMPARE(valueText(&window, QStringLiteral("userinfoEndpoint")),
             window.selectedConnection()->protocols->openid->userinfoEndpoint.value_or(
                 QStringLiteral("Not provided")));
    QCOMPARE(valueText(&window, QStringLiteral("loginUrl")),
             raw.value(QStringLiteral("login_url")).toString());
    QVERIFY(!raw.value(QStringLiteral("login_url")).toString().isEmpty());
}

void TestMainWindow::clientSecretSentBackIsNeverShown()
{
    // The API never returns a client secret; a server that does must not get it on screen
    // (the Raw pane shows the connection as received otherwise).
    test::SandboxFixture sandbox;
    sandbox::ScriptedResponse connection;
    connection.body =
        R"({"id":"conn_1","identifier":"https://acme.okta.com","client_id":"abc",)"
        R"("client_secret_set":true,"client_secret":"server-sent-secret",)"
        R"("created_at":"2024-01-01T00:00:00Z","extra":{"client_secret":"nested-secret"}})";
    for (const QString &key : {QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)})
        sandbox.server->scriptResponses("GET",
                                        QStringLiteral("/organizations/%1/sso-connection").arg(key),
                                        {connection, connection, connection});
    MainWindow window;
    showOnSandbox(window, sandbox);
    QVERIFY(selectAndWait(window, QStringLiteral("acme"), QString::fromLatin1(demo::kAcme.id)));
    QCOMPARE(valueText(&window, QStringLiteral("identifier")),
             QStringLiteral("https://acme.okta.com"));
    const QString raw =
        window.findChild<QPlainTextEdit *>(QStringLiteral("rawJsonView"))->toPlainText();
    QVERIFY2(raw.contains(QLatin1String("\"client_secret_set\": true")), qPrintable(raw));
    QVERIFY2(raw.contains(QLatin1String("\"extra\"")), qPrintable(raw));
    for (const char *secret : {"server-sent-secret", "nested-secret"}) {
        QVERIFY2(!raw.contains(QLatin1String(secret)), qPrintable(raw));
        const auto labels = window.findChildren<QLabel *>();
        for (const QLabel *label : labels)
            QVERIFY2(!label->text().contains(QLatin1String(secret)), qPrintable(label->text()));
    }
}

void TestMainWindow::listErrorShowsRequestIdAndRetryRecovers()
{
    test::SandboxFixture sandbox(0);
    sandbox.server->scriptResponses("GET", QStringLiteral("/organizations"),
                                    {sandbox::ScriptedResponse{500, {}, {}, {}}});
    MainWindow window;
    showOnSandbox(window, sandbox);
    auto *banner = window.findChild<MessageBar *>(QStringLiteral("listErrorBanner"));
    QTRY_VERIFY(banner->isVisible());
    const auto attempts = sandbox.requestsTo("GET", QStringLiteral("/organizations"));
    QCOMPARE(attempts.size(), 1);
    const QString requestId = attempts.first().requestId();
    QVERIFY(!requestId.isEmpty());
    QCOMPARE(banner->requestId(), requestId);
    QVERIFY(banner->findChild<QLabel *>(QStringLiteral("listErrorBannerRequestId"))
                ->text()
                .contains(requestId));
    QVERIFY(banner->text().contains(QStringLiteral("500")));
    auto *state = window.findChild<StateView *>(QStringLiteral("listStateView"));
    QVERIFY(state->isVisible());
    QCOMPARE(state->title(), QStringLiteral("Organizations could not be loaded"));
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("loadAllButton"))->isEnabled());
    screenshot(&window, QStringLiteral("list-error"));

    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("retryButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(window.browser()->model()->rowCount(), 6);
    QVERIFY(!banner->isVisible());
    QVERIFY(window.findChild<QTableView *>(QStringLiteral("organizationTable"))->isVisible());
}

void TestMainWindow::connectionErrorShowsRequestIdAndRetryRecovers()
{
    test::SandboxFixture sandbox(0);
    const QString path =
        QStringLiteral("/organizations/%1/sso-connection").arg(QString::fromLatin1(demo::kAcme.id));
    sandbox.server->scriptResponses("GET", path, {sandbox::ScriptedResponse{500, {}, {}, {}}});
    MainWindow window;
    window.setPersistSettings(false);
    QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
    window.setClient(sandbox.client.get(), sandboxSession(sandbox));
    window.show();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().at(1).toBool(), false);
    auto *banner = window.findChild<MessageBar *>(QStringLiteral("detailErrorBanner"));
    QVERIFY(banner->isVisible());
    const auto attempts = sandbox.requestsTo("GET", path);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(banner->requestId(), attempts.first().requestId());
    QVERIFY(banner->findChild<QLabel *>(QStringLiteral("detailErrorBannerRequestId"))
                ->text()
                .contains(attempts.first().requestId()));
    // The organization itself loaded; the connection pane says it could not be loaded.
    auto *state = window.findChild<StateView *>(QStringLiteral("connectionStateView"));
    QCOMPARE(state->title(), QStringLiteral("The SSO connection could not be loaded"));
    screenshot(&window, QStringLiteral("detail-error"));

    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("retryButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(loaded.last().at(1).toBool(), true);
    QVERIFY(!banner->isVisible());
    QCOMPARE(valueText(&window, QStringLiteral("identifier")),
             QString::fromLatin1(demo::kAcmeIdentifier));
}

void TestMainWindow::writePathHooks()
{
    test::SandboxFixture sandbox;
    MainWindow window;
    showOnSandbox(window, sandbox);
    QVERIFY(selectAndWait(window, QStringLiteral("globex"), QString::fromLatin1(demo::kGlobex.id)));
    // Without the write path the actions are disabled and say why.
    QVERIFY(!window.enableSsoAction()->isEnabled());
    QVERIFY(window.enableSsoAction()->toolTip().contains(QStringLiteral("not available")));
    auto *enable = window.findChild<QPushButton *>(QStringLiteral("enableSsoButton"));
    QVERIFY(!enable->isEnabled());

    window.setSsoActionsAvailable(true);
    QVERIFY(window.enableSsoAction()->isEnabled());
    QVERIFY(!window.editSsoAction()->isEnabled());
    QVERIFY(!window.disableSsoAction()->isEnabled());
    QSignalSpy enableRequested(&window, &MainWindow::enableSsoRequested);
    QTest::mouseClick(enable, Qt::LeftButton);
    QCOMPARE(enableRequested.size(), 1);
    QCOMPARE(enableRequested.first().at(0).value<Organization>().label, QStringLiteral("globex"));

    // The write path reports a new connection: panes, badge and actions follow.
    SsoConnection connection;
    connection.id = QStringLiteral("conn-test");
    connection.identifier = QStringLiteral("https://globex.example.com");
    connection.clientId = QStringLiteral("globex-client");
    connection.raw = QJsonObject{{QStringLiteral("id"), connection.id}};
    window.showConnection(QString::fromLatin1(demo::kGlobex.id), connection);
    QCOMPARE(valueText(&window, QStringLiteral("identifier")), connection.identifier);
    auto *model = window.browser()->model();
    const int row = model->rowOfId(QString::fromLatin1(demo::kGlobex.id));
    QCOMPARE(model->index(row, 0).data(OrganizationListModel::SsoEnabledRole).toBool(), true);
    QVERIFY(!window.enableSsoAction()->isEnabled());
    QVERIFY(window.editSsoAction()->isEnabled());
    QSignalSpy editRequested(&window, &MainWindow::editSsoRequested);
    window.editSsoAction()->trigger();
    QCOMPARE(editRequested.size(), 1);
    QCOMPARE(editRequested.first().at(1).value<SsoConnection>().id, QStringLiteral("conn-test"));

    window.showSsoDisabled(QString::fromLatin1(demo::kGlobex.id));
    QCOMPARE(model->index(row, 0).data(OrganizationListModel::SsoEnabledRole).toBool(), false);
    QVERIFY(window.enableSsoAction()->isEnabled());

    // stark: the account lacks organizations.update; the tooltip names the permission.
    QVERIFY(selectAndWait(window, QStringLiteral("stark"), QString::fromLatin1(demo::kStark.id)));
    QVERIFY(!window.enableSsoAction()->isEnabled());
    QVERIFY(window.enableSsoAction()->toolTip().contains(QStringLiteral("organizations.update")));
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
