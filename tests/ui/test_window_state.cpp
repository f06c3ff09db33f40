// The window never shows a state the server does not have (issue 10, items 1-4): the real
// MainWindow with the write path installed, against the in-process sandbox, offscreen.
#include "DemoData.h"
#include "DisableSsoDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "OrganizationBrowser.h"
#include "OrganizationDetail.h"
#include "OrganizationListModel.h"
#include "SsoDialog.h"
#include "SsoEnableWizard.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "WindowTestSupport.h"
#include "test_sso_support.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTreeWidget>

using namespace keycard;
using keycard::test::SandboxFixture;
using keycard::test::screenshot;
using keycard::test::selectAndWait;
using keycard::test::showOnSandbox;
using ssotest::button;
using ssotest::edit;
namespace demo = keycard::sandbox::demo;

namespace {

QString idOf(const demo::DemoOrganization &org)
{
    return QString::fromLatin1(org.id);
}

QString ssoPathOf(const demo::DemoOrganization &org)
{
    return QStringLiteral("/organizations/%1/sso-connection").arg(idOf(org));
}

QString text(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

// The Raw pane's JSON, parsed.
QJsonObject raw(QWidget *root)
{
    auto *view = root->findChild<QPlainTextEdit *>(QStringLiteral("rawJsonView"));
    return view ? QJsonDocument::fromJson(view->toPlainText().toUtf8()).object() : QJsonObject();
}

// Number of permission rows the tree shows under `subject` ("organization" / "connection").
int grantsShown(QWidget *root, const QString &subject)
{
    auto *tree = root->findChild<QTreeWidget *>(QStringLiteral("permissionsTree"));
    int n = 0;
    for (int i = 0; tree && i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *s = tree->topLevelItem(i);
        if (s->data(0, Qt::UserRole).toString() != subject)
            continue;
        for (int r = 0; r < s->childCount(); ++r)
            n += s->child(r)->childCount();
    }
    return n;
}

std::optional<bool> listSso(MainWindow &window, const QString &id)
{
    OrganizationListModel *model = window.browser()->model();
    const int row = model->rowOfId(id);
    if (row < 0)
        return std::nullopt;
    const QVariant v = model->index(row, 0).data(OrganizationListModel::SsoEnabledRole);
    return v.isValid() ? std::optional<bool>(v.toBool()) : std::nullopt;
}

// The id of the row the list shows as current (empty: none).
QString currentRowId(MainWindow &window)
{
    const QModelIndex current = window.browser()->tableView()->currentIndex();
    return current.isValid() ? current.data(OrganizationListModel::IdRole).toString() : QString();
}

} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> sandbox;
    std::unique_ptr<MainWindow> window;
    ui::SsoWorkflow *workflow = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        test::applyScreenshotPalette();
    }
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

    // The list row follows the organization as the details fetched it: renamed on the server
    // since the list was read, the row shows the new name once the organization is selected.
    void theListRowFollowsTheFetchedOrganization()
    {
        QJsonObject globex;
        for (const QJsonObject &o : sandbox->server->organizations()) {
            if (o.value(QStringLiteral("id")).toString() == idOf(demo::kGlobex))
                globex = o;
        }
        QVERIFY(!globex.isEmpty());
        globex.insert(QStringLiteral("name"), QStringLiteral("Globex Renamed"));
        sandbox->server->scriptResponses(
            "GET", QStringLiteral("/organizations/") + idOf(demo::kGlobex),
            {sandbox::ScriptedResponse{
                200, QJsonDocument(globex).toJson(QJsonDocument::Compact), {}, {}}});
        OrganizationListModel *model = window->browser()->model();
        QTRY_VERIFY(model->rowOfId(idOf(demo::kGlobex)) >= 0);
        QCOMPARE(model->name(model->rowOfId(idOf(demo::kGlobex))),
                 QStringLiteral("Globex Corporation"));
        QVERIFY(selectAndWait(*window, QStringLiteral("globex"), idOf(demo::kGlobex)));
        QTRY_COMPARE(model->name(model->rowOfId(idOf(demo::kGlobex))),
                     QStringLiteral("Globex Renamed"));
        QCOMPARE(text(window.get(), "organizationName"), QStringLiteral("Globex Renamed"));
        QCOMPARE(listSso(*window, idOf(demo::kGlobex)), std::optional<bool>(false));
    }

    // 1. The Enable wizard names one organization, read-only, and acts on it only; after a 409,
    //    "Edit it instead" stays on that organization.
    void aDialogIsBoundToOneOrganization()
    {
        QVERIFY(selectAndWait(*window, QStringLiteral("globex"), idOf(demo::kGlobex)));
        window->enableSsoAction()->trigger();
        auto *wizard = qobject_cast<ui::SsoEnableWizard *>(workflow->activeDialog());
        QVERIFY(wizard);
        // The wizard names its organization (title, review) and has no field to change it.
        QVERIFY(wizard->windowTitle().contains(QStringLiteral("Globex Corporation")));
        QVERIFY(!wizard->findChild<QLineEdit *>(QStringLiteral("organizationEdit")));
        QVERIFY(ssotest::fillWizard(wizard, QStringLiteral("https://globex.okta.com"),
                                    QStringLiteral("0oaGlobex")));
        QCOMPARE(ssotest::labelText(wizard, "reviewOrganization"),
                 QStringLiteral("Globex Corporation"));
        ssotest::enableButton(wizard)->click();
        QTRY_VERIFY_WITH_TIMEOUT(workflow->activeDialog() == nullptr, 10000);
        QVERIFY(sandbox->server->connection(QStringLiteral("globex")));
        QVERIFY(!sandbox->server->connection(QStringLiteral("umbrella")));

        // Umbrella gets SSO behind the window's back; the window still says it has none.
        QVERIFY(selectAndWait(*window, QStringLiteral("umbrella"), idOf(demo::kUmbrella)));
        SsoConnectionCreate body;
        body.identifier = QStringLiteral("https://umbrella.example.com");
        body.clientId = QStringLiteral("elsewhere");
        bool done = false;
        sandbox->client->enableSso(QStringLiteral("umbrella"), body, this,
                                   [&](const Result<EnableOutcome> &) { done = true; });
        QTRY_VERIFY(done);
        window->enableSsoAction()->trigger();
        wizard = qobject_cast<ui::SsoEnableWizard *>(workflow->activeDialog());
        QVERIFY(wizard);
        QVERIFY(ssotest::fillWizard(wizard, QStringLiteral("https://umbrella.okta.com"),
                                    QStringLiteral("0oaUmbrella")));
        ssotest::enableButton(wizard)->click();
        QTRY_VERIFY_WITH_TIMEOUT(button(wizard, "editInsteadButton")->isVisible(), 10000);
        // The conflict is news: the list and the details learn that umbrella has SSO.
        QTRY_COMPARE(listSso(*window, idOf(demo::kUmbrella)), std::optional<bool>(true));
        button(wizard, "editInsteadButton")->click();
        ui::SsoDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = qobject_cast<ui::SsoDialog *>(workflow->activeDialog())));
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("Umbrella Research")));
        QCOMPARE(edit(dialog, "organizationEdit")->text(), QStringLiteral("umbrella"));
        QVERIFY(edit(dialog, "organizationEdit")->isReadOnly());
        QCOMPARE(edit(dialog, "issuerEdit")->text(), QStringLiteral("https://umbrella.okta.com"));
        screenshot(dialog, QStringLiteral("edit-instead-umbrella"));
    }

    // 2. After enabling, the list row, header, Connection, Endpoints, Permissions and Raw agree
    //    with the server without selecting the organization again; the same after disabling.
    void aWriteUpdatesEveryPaneAtOnce()
    {
        const QString globex = idOf(demo::kGlobex);
        QVERIFY(selectAndWait(*window, QStringLiteral("globex"), globex));
        QCOMPARE(grantsShown(window.get(), QStringLiteral("connection")), 0);
        window->enableSsoAction()->trigger();
        auto *wizard = qobject_cast<ui::SsoEnableWizard *>(workflow->activeDialog());
        QVERIFY(wizard);
        QVERIFY(ssotest::fillWizard(wizard, QStringLiteral("https://globex.okta.com"),
                                    QStringLiteral("0oaGlobex")));
        ssotest::enableButton(wizard)->click();
        QTRY_VERIFY_WITH_TIMEOUT(workflow->activeDialog() == nullptr, 10000);

        QTRY_COMPARE(listSso(*window, globex), std::optional<bool>(true));
        QCOMPARE(text(window.get(), "ssoState"), QStringLiteral("Enabled"));
        QCOMPARE(text(window.get(), "identifierValue"), QStringLiteral("https://globex.okta.com"));
        QTRY_COMPARE(raw(window.get())
                         .value(QStringLiteral("organization"))
                         .toObject()
                         .value(QStringLiteral("sso_enabled")),
                     QJsonValue(true));
        QCOMPARE(raw(window.get())
                     .value(QStringLiteral("sso_connection"))
                     .toObject()
                     .value(QStringLiteral("identifier"))
                     .toString(),
                 QStringLiteral("https://globex.okta.com"));
        QTRY_VERIFY(grantsShown(window.get(), QStringLiteral("connection")) > 0);
        QVERIFY(grantsShown(window.get(), QStringLiteral("organization")) > 0);
        QTRY_VERIFY(!window->detail()->isLoading());
        QCOMPARE(window->detail()->organizationId(), globex); // nothing was selected again
        QCOMPARE(currentRowId(*window), globex);
        QVERIFY(window->editSsoAction()->isEnabled());
        QVERIFY(!window->enableSsoAction()->isEnabled());
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("enabled")));
        screenshot(window.get(), QStringLiteral("window-after-enable"));

        window->disableSsoAction()->trigger();
        auto *confirm = qobject_cast<ui::DisableSsoDialog *>(workflow->activeDialog());
        QVERIFY(confirm);
        QTest::keyClicks(edit(confirm, "confirmLabelEdit"), QStringLiteral("globex"));
        button(confirm, "disableButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(workflow->activeDialog() == nullptr, 10000);
        QTRY_COMPARE(listSso(*window, globex), std::optional<bool>(false));
        QCOMPARE(text(window.get(), "ssoState"), QStringLiteral("Not enabled"));
        QTRY_COMPARE(raw(window.get())
                         .value(QStringLiteral("organization"))
                         .toObject()
                         .value(QStringLiteral("sso_enabled")),
                     QJsonValue(false));
        QVERIFY(raw(window.get()).value(QStringLiteral("sso_connection")).isNull());
        QCOMPARE(grantsShown(window.get(), QStringLiteral("connection")), 0);
        QVERIFY(window->enableSsoAction()->isEnabled());
    }

    // 3. Refresh keeps the selection by id; the filter hiding the selected organization hides
    //    its details and actions; clearing the filter selects it again.
    void theSelectionIsByIdThroughRefreshAndFilter()
    {
        const QString wayne = idOf(demo::kWayne);
        QVERIFY(selectAndWait(*window, QStringLiteral("wayne"), wayne));
        window->browser()->tableView()->setFocus();
        QSignalSpy loaded(window.get(), &MainWindow::detailsLoaded);
        QSignalSpy pages(window->browser()->model(), &OrganizationListModel::pageLoaded);
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_VERIFY(!pages.isEmpty());
        QTRY_VERIFY(!loaded.isEmpty());
        QCOMPARE(currentRowId(*window), wayne);
        QCOMPARE(window->detail()->organizationId(), wayne);
        QCOMPARE(text(window.get(), "organizationName"), QStringLiteral("Wayne Enterprises"));

        auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QTest::keyClicks(filter, QStringLiteral("glob"));
        QVERIFY(window->detail()->isHidden());
        QCOMPARE(window->detail()->organization(), std::nullopt);
        QVERIFY(!window->editSsoAction()->isEnabled());
        QVERIFY(!window->disableSsoAction()->isEnabled());
        QVERIFY(!window->enableSsoAction()->isEnabled());
        QVERIFY(window->editSsoAction()->toolTip().contains(QStringLiteral("filter")));
        QCOMPARE(window->detail()->findChild<QStackedWidget *>()->currentWidget()->objectName(),
                 QStringLiteral("detailPlaceholder"));
        QVERIFY(currentRowId(*window).isEmpty()); // no other row stands for it
        screenshot(window.get(), QStringLiteral("window-selection-filtered-out"));

        filter->clear();
        QCOMPARE(currentRowId(*window), wayne);
        QVERIFY(!window->detail()->isHidden());
        QCOMPARE(window->detail()->organizationId(), wayne);
        QVERIFY(window->editSsoAction()->isEnabled());
    }

    // 4. With the server failing, SSO is unknown and no write is offered; a failed refresh keeps
    //    the list, marked as not up to date; when the server answers again all agree.
    void aFailingServerLeavesNothingToActOn()
    {
        const QString acme = idOf(demo::kAcme);
        QVERIFY(selectAndWait(*window, QStringLiteral("acme"), acme));
        QVERIFY(window->editSsoAction()->isEnabled());
        const int rows = window->browser()->model()->rowCount();
        const QList<sandbox::ScriptedResponse> failing(3, {503, {}, {}, false});
        sandbox->server->scriptResponses("GET", QStringLiteral("/organizations"), failing);
        sandbox->server->scriptResponses("GET", QStringLiteral("/organizations/") + acme, failing);
        sandbox->server->scriptResponses("GET", ssoPathOf(demo::kAcme), failing);

        QSignalSpy listError(window->browser()->model(), &OrganizationListModel::errorOccurred);
        QSignalSpy failed(window.get(), &MainWindow::detailsLoaded);
        window->refresh();
        QTRY_VERIFY(!listError.isEmpty());
        QTRY_VERIFY(!failed.isEmpty());
        QVERIFY(!failed.constLast().at(1).toBool());
        QCOMPARE(window->browser()->model()->rowCount(), rows); // kept, not emptied
        QVERIFY(text(window.get(), "countLabel").contains(QStringLiteral("not up to date")));
        QVERIFY(window->findChild<MessageBar *>(QStringLiteral("listErrorBanner"))->isVisible());
        QCOMPARE(currentRowId(*window), acme);
        QCOMPARE(text(window.get(), "ssoState"), QStringLiteral("Unknown"));
        for (QAction *a :
             {window->enableSsoAction(), window->editSsoAction(), window->disableSsoAction()}) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("F5")), qPrintable(a->toolTip()));
        }
        window->enableSsoAction()->trigger();
        QVERIFY(!workflow->activeDialog());
        screenshot(window.get(), QStringLiteral("window-stale-unknown"));

        sandbox->server->clearFaults(); // answering again
        QSignalSpy loaded(window.get(), &MainWindow::detailsLoaded);
        window->refresh();
        QTRY_VERIFY(!loaded.isEmpty() && loaded.constLast().at(1).toBool());
        QTRY_VERIFY(!window->browser()->model()->isStale());
        QCOMPARE(text(window.get(), "ssoState"), QStringLiteral("Enabled"));
        QCOMPARE(listSso(*window, acme), std::optional<bool>(true));
        QVERIFY(!text(window.get(), "countLabel").contains(QStringLiteral("not up to date")));
        QVERIFY(!window->findChild<MessageBar *>(QStringLiteral("detailErrorBanner"))->isVisible());
        QVERIFY(window->editSsoAction()->isEnabled());
    }
};

QTEST_MAIN(TestWindowState)
#include "test_window_state.moc"
