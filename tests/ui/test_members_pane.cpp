// The Members tab and the sign-in safety check in the window (issue 21): the real window on the
// in-process sandbox, offscreen. What the list, the summary and the dialogs show is compared
// with what the sandbox holds, and every change with what it received.
#include "DemoData.h"
#include "DisableSsoDialog.h"
#include "InviteMemberDialog.h"
#include "MainWindow.h"
#include "MemberChangeDialog.h"
#include "MemberFilterModel.h"
#include "MemberListModel.h"
#include "MembersPane.h"
#include "MessageBar.h"
#include "OrganizationDetail.h"
#include "SignInImpactBox.h"
#include "SsoWorkflow.h"
#include "WindowTestSupport.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkReply>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace keycard;
using keycard::test::SandboxFixture;
using keycard::test::selectAndWait;
using keycard::test::showOnSandbox;
using keycard::ui::DisableSsoDialog;
using keycard::ui::SsoWorkflow;
namespace demo = keycard::sandbox::demo;

namespace {

struct Counts
{
    int members = 0, viaSso = 0, activeAdmins = 0, emergencyAdmins = 0;
};

// What the summary should say, counted from what the sandbox holds.
Counts countsOnServer(const SandboxFixture &env, const char *label)
{
    Counts c;
    const auto connection = env.server->connection(QString::fromLatin1(label));
    const QString issuer =
        connection ? connection->value(QLatin1String("identifier")).toString() : QString();
    for (const QJsonObject &m : env.server->members(QString::fromLatin1(label))) {
        ++c.members;
        const QString source = m.value(QLatin1String("source")).toString();
        if (!issuer.isEmpty() && source == issuer)
            ++c.viaSso;
        if (m.value(QLatin1String("role")).toString() == QLatin1String("org_admin") &&
            m.value(QLatin1String("status")).toString() == QLatin1String("active")) {
            ++c.activeAdmins;
            if (issuer.isEmpty() || source != issuer)
                ++c.emergencyAdmins;
        }
    }
    return c;
}

QJsonObject memberOnServer(const SandboxFixture &env, const char *label, const QString &email)
{
    for (const QJsonObject &m : env.server->members(QString::fromLatin1(label)))
        if (m.value(QLatin1String("email")).toString() == email)
            return m;
    return {};
}

} // namespace

class TestMembersPane : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> env;
    std::unique_ptr<MainWindow> window;
    QTemporaryDir settings;

    MembersPane *openMembers(const char *label, const demo::DemoOrganization &org)
    {
        if (!selectAndWait(*window, QString::fromLatin1(label), QString::fromLatin1(org.id)))
            return nullptr;
        auto *detail = window->findChild<OrganizationDetail *>();
        auto *pane = window->findChild<MembersPane *>(QStringLiteral("membersPane"));
        if (!detail || !pane)
            return nullptr;
        detail->tabs()->setCurrentWidget(pane);
        if (!QTest::qWaitFor(
                [&] { return pane->model()->state() == MemberListModel::State::Loaded; }, 10000))
            return nullptr;
        return pane;
    }

    QTableView *view(MembersPane *pane)
    {
        return pane->findChild<QTableView *>(QStringLiteral("membersView"));
    }

    bool selectMember(MembersPane *pane, const QString &email)
    {
        QTableView *v = view(pane);
        for (int row = 0; row < v->model()->rowCount(); ++row) {
            const QModelIndex i = v->model()->index(row, MemberListModel::EmailColumn);
            if (i.data().toString() == email) {
                v->selectRow(row);
                return true;
            }
        }
        return false;
    }

    QString rowText(MembersPane *pane, const QString &email, int column)
    {
        QTableView *v = view(pane);
        for (int row = 0; row < v->model()->rowCount(); ++row)
            if (v->model()->index(row, MemberListModel::EmailColumn).data().toString() == email)
                return v->model()->index(row, column).data().toString();
        return QStringLiteral("<no row>");
    }

    // The sandbox's "the invited person accepted" endpoint (with a token of the demo account).
    int accept(const char *label, const QString &invitationId)
    {
        QNetworkRequest tokenRequest(
            QUrl(env->server->baseUrl().toString() + QStringLiteral("/service-account-token")));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArray("application/x-www-form-urlencoded"));
        const QByteArray credentials = (env->server->options().clientId + QLatin1Char(':') +
                                        env->server->options().clientSecret)
                                           .toUtf8()
                                           .toBase64();
        tokenRequest.setRawHeader("Authorization", "Basic " + credentials);
        QNetworkReply *tokenReply =
            env->nam->post(tokenRequest, QByteArray("grant_type=client_credentials"));
        QSignalSpy tokenDone(tokenReply, &QNetworkReply::finished);
        tokenDone.wait(10000);
        const QByteArray token = QJsonDocument::fromJson(tokenReply->readAll())
                                     .object()
                                     .value(QLatin1String("access_token"))
                                     .toString()
                                     .toUtf8();
        tokenReply->deleteLater();
        QUrl url = env->server->baseUrl();
        url.setPath(url.path() + QStringLiteral("/sandbox/organizations/%1/invitations/%2/accept")
                                     .arg(QLatin1String(label), invitationId));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = env->nam->post(request, QByteArray("{}"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

private Q_SLOTS:
    void init()
    {
        keycard::test::useTemporarySettings(settings, QStringLiteral("test_members_pane"));
        env = std::make_unique<SandboxFixture>();
        window = std::make_unique<MainWindow>();
        showOnSandbox(*window, *env);
    }

    void cleanup()
    {
        window.reset();
        env.reset();
    }

    // Initech: every active administrator signs in through SSO. The list, the counts and the
    // warning say so, as the server has it.
    void summaryAgreesWithTheServer()
    {
        MembersPane *pane = openMembers("initech", demo::kInitech);
        QVERIFY(pane);
        const Counts c = countsOnServer(*env, "initech");
        QVERIFY(c.members > 0);
        QCOMPARE(view(pane)->model()->rowCount(), c.members);
        const QString summary = pane->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("%1 members: %2 sign in through this "
                                                 "organization's SSO")
                                      .arg(c.members)
                                      .arg(c.viaSso)),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("%1 of %2 active administrators")
                                      .arg(c.emergencyAdmins)
                                      .arg(c.activeAdmins)),
                 qPrintable(summary));
        auto *warning = pane->findChild<MessageBar *>(QStringLiteral("membersWarning"));
        QCOMPARE(c.emergencyAdmins < 2, true); // the demo's dangerous organization
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("Keep two administrators")));
        QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("inviteAdminButton"))->isVisible());
        QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("membersCount"))->text(),
                 QStringLiteral("%1 members").arg(c.members));

        // The filter narrows the list and the count says so.
        auto *filter = pane->findChild<QLineEdit *>(QStringLiteral("membersFilter"));
        filter->setText(QStringLiteral("Keycard account"));
        const int shown = view(pane)->model()->rowCount();
        QVERIFY(shown > 0 && shown < c.members);
        QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("membersCount"))->text(),
                 QStringLiteral("%1 of %2 members").arg(shown).arg(c.members));
        // Its clear button has a name (a screen reader says it), and Esc does the same.
        auto *clear = filter->findChild<QAction *>(QStringLiteral("clearMembersFilterAction"));
        QVERIFY(clear && clear->isVisible());
        QCOMPARE(clear->text(), QStringLiteral("Clear filter"));
        filter->activateWindow();
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClick(filter, Qt::Key_Escape);
        QTRY_VERIFY(filter->text().isEmpty());
        QVERIFY(!clear->isVisible());
        QCOMPARE(view(pane)->model()->rowCount(), c.members);
    }

    // Many members: the filter finds any part of a row's text in any case, across fields, as
    // the fixed-string filter before it did; it narrows and widens again, and the list stays
    // sorted by email, also once the tab sorts by the ranks it works out for long lists.
    void filterAndSortManyMembers()
    {
        env->server->addGeneratedMembers(QStringLiteral("acme"), 5000);
        int activeViewers = 0;
        for (const QJsonObject &m : env->server->members(QStringLiteral("acme")))
            activeViewers += m.value(QLatin1String("role")) == QLatin1String("org_viewer") &&
                             m.value(QLatin1String("status")) == QLatin1String("active");
        MembersPane *pane = openMembers("acme", demo::kAcme);
        QVERIFY(pane);
        QTableView *v = view(pane);
        auto *proxy = qobject_cast<MemberFilterModel *>(v->model());
        QVERIFY(proxy);
        auto *filter = pane->findChild<QLineEdit *>(QStringLiteral("membersFilter"));
        const int all = v->model()->rowCount();
        QCOMPARE(all, 9 + 5000);
        // The list model's own index() (no hasIndex()): indexes only inside the table.
        const MemberListModel *list = pane->model();
        QVERIFY(list->index(all - 1, MemberListModel::ColumnCount - 1).isValid());
        QVERIFY(!list->index(all, 0).isValid());
        QVERIFY(!list->index(-1, 0).isValid());
        QVERIFY(!list->index(0, MemberListModel::ColumnCount).isValid());
        QVERIFY(!list->index(0, -1).isValid());
        QVERIFY(!list->index(0, 0, list->index(0, 0)).isValid());
        const auto sorted = [&] {
            QString previous;
            for (int row = 0; row < v->model()->rowCount(); ++row) {
                const QString email =
                    v->model()->index(row, MemberListModel::EmailColumn).data().toString();
                if (row > 0 && QString::localeAwareCompare(previous, email) > 0)
                    return false;
                previous = email;
            }
            return true;
        };
        const auto typeAndCheck = [&] {
            filter->setText(QStringLiteral("MEMBER0012"));
            QCOMPARE(v->model()->rowCount(), 100); // member001200 to member001299
            QVERIFY(sorted());
            filter->setText(QStringLiteral("member00123"));
            QCOMPARE(v->model()->rowCount(), 10);
            QVERIFY(sorted());
            filter->setText(QStringLiteral("Org_Viewer active")); // the role, then the status
            QCOMPARE(v->model()->rowCount(), activeViewers);
            filter->setText(QStringLiteral("keycard account"));
            QVERIFY(v->model()->rowCount() > 200 && v->model()->rowCount() < all);
            QVERIFY(sorted());
            filter->clear();
            QCOMPARE(v->model()->rowCount(), all);
            QVERIFY(sorted());
        };
        typeAndCheck();
        QTRY_VERIFY_WITH_TIMEOUT(proxy->ranked(), 10000);
        typeAndCheck();
        v->sortByColumn(MemberListModel::EmailColumn, Qt::DescendingOrder);
        QCOMPARE(v->model()->index(0, MemberListModel::EmailColumn).data().toString(),
                 QStringLiteral("wile.coyote@acme.example"));
    }

    // A role change is sent for the selected member only; the row and the summary then show
    // the server's answer without reselecting.
    void roleChangeFollowsTheServer()
    {
        MembersPane *pane = openMembers("initech", demo::kInitech);
        QVERIFY(pane);
        const QString email = QStringLiteral("joanna@initech.example");
        QCOMPARE(memberOnServer(*env, "initech", email).value(QLatin1String("role")).toString(),
                 QStringLiteral("org_member"));
        const Counts before = countsOnServer(*env, "initech");
        QVERIFY(selectMember(pane, email));
        auto *roleButton = pane->findChild<QPushButton *>(QStringLiteral("memberRoleButton"));
        QVERIFY(roleButton->isEnabled());
        QAction *makeAdmin = nullptr;
        for (QAction *a : roleButton->menu()->actions())
            if (a->data().toString() == QLatin1String("org_admin"))
                makeAdmin = a;
        QVERIFY(makeAdmin);
        makeAdmin->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            memberOnServer(*env, "initech", email).value(QLatin1String("role")).toString(),
            QStringLiteral("org_admin"), 10000);
        const auto patches = env->requestsEndingWith(
            "PATCH",
            QStringLiteral("/users/") +
                memberOnServer(*env, "initech", email).value(QLatin1String("id")).toString());
        QCOMPARE(patches.size(), 1);
        QTRY_COMPARE(rowText(pane, email, MemberListModel::RoleColumn),
                     QStringLiteral("Administrator"));
        const Counts after = countsOnServer(*env, "initech");
        QCOMPARE(after.emergencyAdmins, before.emergencyAdmins + 1);
        QTRY_VERIFY2(pane->summaryText().contains(QStringLiteral("%1 of %2 active administrators")
                                                      .arg(after.emergencyAdmins)
                                                      .arg(after.activeAdmins)),
                     qPrintable(pane->summaryText()));
    }

    // Removing asks first (it cannot be undone); Cancel sends nothing.
    void removeIsConfirmed()
    {
        MembersPane *pane = openMembers("acme", demo::kAcme);
        QVERIFY(pane);
        const int before = int(env->server->members(QStringLiteral("acme")).size());
        const QString email = view(pane)->model()->index(0, 0).data().toString();
        QVERIFY(selectMember(pane, email));
        pane->findChild<QPushButton *>(QStringLiteral("memberRemoveButton"))->click();
        MemberChangeDialog *box = nullptr;
        QTRY_VERIFY(
            (box = pane->findChild<MemberChangeDialog *>(QStringLiteral("memberRemoveConfirm"))));
        auto *cancel = box->findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel->isDefault());
        QVERIFY(!box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->isDefault());
        QTRY_VERIFY(!box->isChecking());
        cancel->click();
        QTest::qWait(0);
        QCOMPARE(int(env->server->members(QStringLiteral("acme")).size()), before);
        QVERIFY(env->requestsEndingWith("DELETE", QString()).isEmpty());

        pane->findChild<QPushButton *>(QStringLiteral("memberRemoveButton"))->click();
        QTRY_VERIFY(
            (box = pane->findChild<MemberChangeDialog *>(QStringLiteral("memberRemoveConfirm"))));
        QTRY_VERIFY(box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->isEnabled());
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(env->server->members(QStringLiteral("acme")).size()),
                                  before - 1, 10000);
        QTRY_COMPARE(view(pane)->model()->rowCount(), before - 1);
        QCOMPARE(rowText(pane, email, 0), QStringLiteral("<no row>"));
    }

    // Wayne: alfred (a Keycard account) and bruce (SSO) are the active administrators. Disabling
    // alfred is warned about (no administrator outside SSO would remain); bruce, then the last,
    // cannot be removed or demoted: the dialogs say why and nothing is sent.
    void lastAdministratorIsRefused()
    {
        MembersPane *pane = openMembers("wayne", demo::kWayne);
        QVERIFY(pane);
        const QString alfred = QStringLiteral("alfred.pennyworth@wayne.example");
        const QString bruce = QStringLiteral("bruce.wayne@wayne.example");
        QVERIFY(selectMember(pane, alfred));
        pane->findChild<QPushButton *>(QStringLiteral("memberStatusButton"))->click();
        MemberChangeDialog *dialog = nullptr;
        QTRY_VERIFY((
            dialog = pane->findChild<MemberChangeDialog *>(QStringLiteral("memberStatusConfirm"))));
        auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmButton"));
        QVERIFY(!confirm->isEnabled()); // not before the check has answered
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 10000);
        QCOMPARE(dialog->result()->verdict, AdminRuleVerdict::NoEmergencyAdmin);
        auto *bar = dialog->findChild<MessageBar *>(QStringLiteral("adminRuleBar"));
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QStringLiteral("no active administrator signs in without "
                                                     "SSO")),
                 qPrintable(bar->text()));
        QVERIFY(confirm->isEnabled());
        confirm->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            memberOnServer(*env, "wayne", alfred).value(QLatin1String("status")).toString(),
            QStringLiteral("disabled"), 10000);
        QTRY_COMPARE(rowText(pane, alfred, MemberListModel::StatusColumn),
                     MemberListModel::statusText(QStringLiteral("disabled")));

        QVERIFY(selectMember(pane, bruce));
        const QString bruceId =
            memberOnServer(*env, "wayne", bruce).value(QLatin1String("id")).toString();
        pane->findChild<QPushButton *>(QStringLiteral("memberRemoveButton"))->click();
        QTRY_VERIFY((
            dialog = pane->findChild<MemberChangeDialog *>(QStringLiteral("memberRemoveConfirm"))));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 10000);
        QCOMPARE(dialog->result()->verdict, AdminRuleVerdict::LastAdministrator);
        bar = dialog->findChild<MessageBar *>(QStringLiteral("adminRuleBar"));
        QVERIFY2(bar->text().contains(bruce + QStringLiteral(" is the last active administrator")),
                 qPrintable(bar->text()));
        confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmButton"));
        QVERIFY(!confirm->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Return); // a stray Enter: Cancel, nothing sent
        QTRY_VERIFY(!pane->findChild<MemberChangeDialog *>(QStringLiteral("memberRemoveConfirm")));

        // A demotion from the role menu asks the same.
        QAction *makeMember = nullptr;
        for (QAction *a :
             pane->findChild<QPushButton *>(QStringLiteral("memberRoleButton"))->menu()->actions())
            if (a->data().toString() == QLatin1String("org_member"))
                makeMember = a;
        QVERIFY(makeMember);
        makeMember->trigger();
        QTRY_VERIFY(
            (dialog = pane->findChild<MemberChangeDialog *>(QStringLiteral("memberRoleConfirm"))));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 10000);
        QVERIFY(dialog->result()->refused());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("confirmButton"))->isEnabled());
        dialog->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();

        QVERIFY(env->requestsEndingWith("DELETE", QStringLiteral("/users/") + bruceId).isEmpty());
        QVERIFY(env->requestsEndingWith("PATCH", QStringLiteral("/users/") + bruceId).isEmpty());
        QCOMPARE(memberOnServer(*env, "wayne", bruce).value(QLatin1String("role")).toString(),
                 QStringLiteral("org_admin"));
    }

    // The window's Refresh reads the members again; a refresh that fails keeps the list read
    // before and says so (it is not emptied, and not passed off as fresh).
    void refreshReadsAgainAndKeepsTheListWhenItFails()
    {
        MembersPane *pane = openMembers("initech", demo::kInitech);
        QVERIFY(pane);
        const QString path =
            QStringLiteral("/organizations/%1/users").arg(QLatin1String(demo::kInitech.id));
        const QJsonObject only{
            {QStringLiteral("id"), QStringLiteral("usr_only")},
            {QStringLiteral("email"), QStringLiteral("only@initech.example")},
            {QStringLiteral("role"), QStringLiteral("org_admin")},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("source"), QStringLiteral("https://id.keycard.ai")},
            {QStringLiteral("created_at"), QStringLiteral("2024-01-01T00:00:00Z")},
            {QStringLiteral("updated_at"), QStringLiteral("2024-01-01T00:00:00Z")}};
        keycard::sandbox::ScriptedResponse page;
        page.body =
            QJsonDocument(QJsonObject{{QStringLiteral("items"), QJsonArray{only}},
                                      {QStringLiteral("page_info"),
                                       QJsonObject{{QStringLiteral("has_next_page"), false}}}})
                .toJson(QJsonDocument::Compact);
        env->server->scriptResponses("GET", path, {page});
        window->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(view(pane)->model()->rowCount(), 1, 10000);
        QTRY_COMPARE(pane->model()->state(), MemberListModel::State::Loaded);
        QCOMPARE(rowText(pane, QStringLiteral("only@initech.example"), 0),
                 QStringLiteral("only@initech.example"));
        // The filter searches the rows now shown, not those read before.
        auto *filter = pane->findChild<QLineEdit *>(QStringLiteral("membersFilter"));
        filter->setText(QStringLiteral("bill.lumbergh"));
        QCOMPARE(view(pane)->model()->rowCount(), 0);
        filter->setText(QStringLiteral("only@"));
        QCOMPARE(view(pane)->model()->rowCount(), 1);
        filter->clear();

        keycard::sandbox::ScriptedResponse denied;
        denied.status = 403;
        env->server->scriptResponses("GET", path, {denied});
        window->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(pane->model()->state(), MemberListModel::State::Error, 10000);
        QVERIFY(pane->model()->stale());
        QCOMPARE(view(pane)->model()->rowCount(), 1); // kept, not emptied
        auto *error = pane->findChild<MessageBar *>(QStringLiteral("membersError"));
        QVERIFY(error->isVisible());
        const QString title =
            error->findChild<QLabel *>(QStringLiteral("membersErrorTitle"))->text();
        QVERIFY2(title.contains(QStringLiteral("the list shown is the one read before")),
                 qPrintable(title));

        // The whole server gone (the connection turns unknown too): still the list read before.
        keycard::sandbox::ScriptedResponse down;
        down.status = 503;
        down.shouldRetry = false;
        env->server->scriptResponses("GET",
                                     QStringLiteral("/organizations/%1/sso-connection")
                                         .arg(QLatin1String(demo::kInitech.id)),
                                     {down});
        env->server->scriptResponses("GET", path, {down});
        window->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(pane->model()->state(), MemberListModel::State::Error, 10000);
        QVERIFY(pane->model()->stale());
        QCOMPARE(view(pane)->model()->rowCount(), 1);

        // The next refresh that works replaces the list and the message goes.
        window->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(pane->model()->state(), MemberListModel::State::Loaded, 10000);
        QCOMPARE(view(pane)->model()->rowCount(), countsOnServer(*env, "initech").members);
        QVERIFY(!error->isVisible());
    }

    // Stark: the caller may list members but not change them. The buttons are disabled and the
    // reason is on screen, not only in a tooltip.
    void missingPermissionIsShown()
    {
        MembersPane *pane = openMembers("stark", demo::kStark);
        QVERIFY(pane);
        QVERIFY(view(pane)->model()->rowCount() > 0);
        view(pane)->selectRow(0);
        auto *role = pane->findChild<QPushButton *>(QStringLiteral("memberRoleButton"));
        auto *remove = pane->findChild<QPushButton *>(QStringLiteral("memberRemoveButton"));
        QVERIFY(!role->isEnabled());
        QVERIFY(role->toolTip().contains(QStringLiteral("users.update")));
        QVERIFY(!remove->isEnabled());
        auto *note = pane->findChild<QLabel *>(QStringLiteral("membersPermissionNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("users.update")), qPrintable(note->text()));

        // Another organization: the reason does not stay behind.
        pane = openMembers("acme", demo::kAcme);
        QVERIFY(pane);
        view(pane)->selectRow(0);
        QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("memberRoleButton"))->isEnabled());
        QVERIFY(!pane->findChild<QLabel *>(QStringLiteral("membersPermissionNote"))->isVisible());
    }

    // "Invite an administrator…" from the warning; two accepted invitations give Initech two
    // emergency access administrators and the warning goes.
    void invitingAdministratorsClearsTheWarning()
    {
        MembersPane *pane = openMembers("initech", demo::kInitech);
        QVERIFY(pane);
        auto *warning = pane->findChild<MessageBar *>(QStringLiteral("membersWarning"));
        QVERIFY(warning->isVisible());
        const Counts before = countsOnServer(*env, "initech");
        const QStringList emails = {QStringLiteral("ops1@initech.example"),
                                    QStringLiteral("ops2@initech.example")};
        for (int i = before.emergencyAdmins; i < 2; ++i) {
            pane->findChild<QPushButton *>(QStringLiteral("inviteAdminButton"))->click();
            InviteMemberDialog *dialog = nullptr;
            QTRY_VERIFY((dialog = pane->findChild<InviteMemberDialog *>()));
            auto *send = dialog->findChild<QPushButton *>(QStringLiteral("inviteButton"));
            QVERIFY(!send->isEnabled()); // nothing typed: nothing to send on Enter
            auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("inviteEmailEdit"));
            QTest::keyClicks(email, QStringLiteral("not an email"));
            QVERIFY(!send->isEnabled());
            QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("inviteEmailMessage"))
                         ->text()
                         .isEmpty());
            email->clear();
            QTest::keyClicks(email, emails.at(i));
            QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("inviteRoleCombo"))
                         ->currentData()
                         .toString(),
                     QStringLiteral("org_admin"));
            QVERIFY(send->isEnabled());
            send->click();
            QTRY_VERIFY_WITH_TIMEOUT(pane->findChild<InviteMemberDialog *>() == nullptr, 10000);
            QString invitationId;
            for (const QJsonObject &inv : env->server->invitations(QStringLiteral("initech")))
                if (inv.value(QLatin1String("email")).toString() == emails.at(i))
                    invitationId = inv.value(QLatin1String("id")).toString();
            QVERIFY(!invitationId.isEmpty());
            QTRY_VERIFY(pane->findChild<QLabel *>(QStringLiteral("invitationsHeading"))
                            ->text()
                            .contains(QStringLiteral("Pending invitations: 1")));
            QCOMPARE(accept("initech", invitationId), 201);
        }
        pane->reload();
        QTRY_COMPARE_WITH_TIMEOUT(pane->model()->state(), MemberListModel::State::Loaded, 10000);
        QCOMPARE(countsOnServer(*env, "initech").emergencyAdmins, 2);
        QVERIFY(!warning->isVisible());
        QVERIFY(pane->summaryText().contains(QStringLiteral("Emergency access administrators "
                                                            "(active, not signing in through "
                                                            "SSO): 2")));
    }

    // Revoke is enabled for a selected invitation, asks first (Cancel is the default: Enter
    // sends nothing), and the list then shows what the server has.
    void revokeAsksFirstAndFollowsTheServer()
    {
        MembersPane *pane = openMembers("acme", demo::kAcme);
        QVERIFY(pane);
        const auto pendingOnServer = [&] {
            int pending = 0;
            for (const QJsonObject &inv : env->server->invitations(QStringLiteral("acme")))
                pending += inv.value(QLatin1String("status")) == QLatin1String("pending");
            return pending;
        };
        QCOMPARE(pendingOnServer(), 1);
        auto *heading = pane->findChild<QLabel *>(QStringLiteral("invitationsHeading"));
        auto *list = pane->findChild<QTreeWidget *>(QStringLiteral("invitationsView"));
        auto *revoke = pane->findChild<QPushButton *>(QStringLiteral("revokeInvitationButton"));
        QTRY_COMPARE(heading->text(), QStringLiteral("Pending invitations: 1"));
        QVERIFY(list->isVisible());
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("new.hire@acme.example"));
        QVERIFY(!revoke->isEnabled()); // nothing selected
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(revoke->isEnabled());

        revoke->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = pane->findChild<QMessageBox *>(QStringLiteral("revokeConfirm"))));
        QVERIFY(box->text().contains(QStringLiteral("new.hire@acme.example")));
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_VERIFY(!pane->findChild<QMessageBox *>(QStringLiteral("revokeConfirm")));
        QCOMPARE(pendingOnServer(), 1);

        revoke->click();
        QTRY_VERIFY((box = pane->findChild<QMessageBox *>(QStringLiteral("revokeConfirm"))));
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE(heading->text(), QStringLiteral("Pending invitations: 0"));
        QCOMPARE(pendingOnServer(), 0);
        QVERIFY(!list->isVisible());
        QVERIFY(!revoke->isEnabled());
    }

    // Disable SSO on Initech: the dialog names who would be locked out, in red, before anything
    // can be sent; the typed label is still required.
    void disableSaysWhoIsLockedOut()
    {
        SsoWorkflow workflow(env->client.get(), window.get());
        DisableSsoDialog *dialog = workflow.disableSso(env->organization("initech"));
        QVERIFY(dialog);
        auto *impact = dialog->findChild<SignInImpactBox *>(QStringLiteral("signInImpact"));
        QVERIFY(impact);
        QTRY_VERIFY_WITH_TIMEOUT(impact->impact().has_value(), 10000);
        QCOMPARE(impact->impact()->verdict, ImpactVerdict::NoAdministratorLeft);
        auto *bar = impact->findChild<MessageBar *>(QStringLiteral("signInImpactBar"));
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        const Counts c = countsOnServer(*env, "initech");
        QVERIFY2(bar->text().contains(QStringLiteral("%1 members sign in through").arg(c.viaSso)),
                 qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QStringLiteral("locked out")));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("disableButton"))->isEnabled());
        QVERIFY(env->requestsEndingWith("DELETE", QStringLiteral("/sso-connection")).isEmpty());
        dialog->reject();
    }

    // Acme keeps two Keycard administrators: disabling SSO leaves them; the box says who loses
    // sign-in as a warning, not an error.
    void disableWithEmergencyAdministrators()
    {
        SsoWorkflow workflow(env->client.get(), window.get());
        DisableSsoDialog *dialog = workflow.disableSso(env->organization("acme"));
        auto *impact = dialog->findChild<SignInImpactBox *>(QStringLiteral("signInImpact"));
        QTRY_VERIFY_WITH_TIMEOUT(impact->impact().has_value(), 10000);
        QCOMPARE(impact->impact()->verdict, ImpactVerdict::SomeoneLoses);
        QCOMPARE(impact->findChild<MessageBar *>(QStringLiteral("signInImpactBar"))->kind(),
                 MessageBar::Kind::Warning);
        dialog->reject();
    }

    // What a careless or hostile server may send: shown as plain text, bounded, counted.
    void hostileMembersAreText()
    {
        const QString longEmail = QString(1000, QLatin1Char('a')) + QStringLiteral("@x.example");
        QVERIFY(env->server->addRawMember(QStringLiteral("acme"),
                                          {{"id", "m-long"},
                                           {"email", longEmail},
                                           {"role", "org_member"},
                                           {"status", "active"},
                                           {"source", "https://id.keycard.ai"},
                                           {"created_at", "2024-01-01T00:00:00Z"},
                                           {"updated_at", "2024-01-01T00:00:00Z"}}));
        QVERIFY(env->server->addRawMember(
            QStringLiteral("acme"), {{"id", "m-rtl"},
                                     {"email", QStringLiteral("<b>x</b>\u202Eevil@x.example")},
                                     {"role", "org_owner"},
                                     {"status", "suspended"},
                                     {"source", "not a url"},
                                     {"created_at", "2024-01-01T00:00:00Z"},
                                     {"updated_at", "2024-01-01T00:00:00Z"}}));
        QVERIFY(env->server->addRawMember(QStringLiteral("acme"),
                                          {{"id", "m-none"},
                                           {"role", "org_viewer"},
                                           {"status", "active"},
                                           {"source", "https://id.keycard.ai"},
                                           {"created_at", "2024-01-01T00:00:00Z"},
                                           {"updated_at", "2024-01-01T00:00:00Z"}}));
        MembersPane *pane = openMembers("acme", demo::kAcme);
        QVERIFY(pane);
        QTableView *v = view(pane);
        QString rtlRow, longRow, noneRow, unknownRole, unknownStatus;
        for (int row = 0; row < v->model()->rowCount(); ++row) {
            const QModelIndex i = v->model()->index(row, 0);
            const QString id = i.data(MemberListModel::IdRole).toString();
            if (id == QLatin1String("m-rtl")) {
                rtlRow = i.data().toString();
                unknownRole = v->model()->index(row, MemberListModel::RoleColumn).data().toString();
                unknownStatus =
                    v->model()->index(row, MemberListModel::StatusColumn).data().toString();
            } else if (id == QLatin1String("m-long")) {
                longRow = i.data().toString();
            } else if (id == QLatin1String("m-none")) {
                noneRow = i.data().toString();
            }
        }
        QVERIFY2(!rtlRow.contains(QChar(0x202E)), qPrintable(rtlRow)); // made visible
        QVERIFY(rtlRow.startsWith(QStringLiteral("<b>x</b>")));        // literally
        QCOMPARE(unknownRole, QStringLiteral("org_owner"));            // kept as received
        QCOMPARE(unknownStatus, QStringLiteral("suspended"));
        QVERIFY(longRow.size() <= 121);
        QVERIFY(longRow.contains(QChar(0x2026)));
        QVERIFY(noneRow.contains(QStringLiteral("m-none")));
        QVERIFY(window->frameGeometry().width() <= window->screen()->availableGeometry().width());
    }
};

QTEST_MAIN(TestMembersPane)
#include "test_members_pane.moc"
