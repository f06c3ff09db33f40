// The sign-in safety check in the SSO dialogs (issue 21): Edit SSO with a new issuer says who
// would lose sign-in and, when no administrator would be left, wants the organization's label
// typed before anything is sent; the Enable SSO wizard's review counts the administrators who
// keep signing in without SSO and offers "Invite an administrator…" below two.
#include "InviteMemberDialog.h"
#include "KeycardClient.h"
#include "MessageBar.h"
#include "ProviderPresets.h"
#include "SignInImpactBox.h"
#include "SsoDialog.h"
#include "SsoWizardPages.h"
#include "test_sso_support.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

class TestSsoImpact : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> env;

private Q_SLOTS:
    void init() { env = std::make_unique<Env>(); }
    void cleanup()
    {
        deleteOpenDialogs();
        env.reset();
    }

    void newIssuerThatLocksEveryoneOutNeedsTheLabel()
    {
        QPointer<SsoDialog> d = new SsoDialog(env->client.get(), env->organization("initech"),
                                              env->connection("initech"));
        d->show();
        const QString issuer = oidc::sandboxIssuer(env->server->baseUrl());
        QVERIFY(issuer != env->connection("initech").identifier);
        edit(d, "issuerEdit")->setText(issuer);
        button(d, "submitButton")->click(); // to the review
        QVERIFY(d->isReviewing());
        auto *impact = child<SignInImpactBox>(d, "signInImpact");
        QVERIFY(impact->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(impact->impact().has_value(), 10000);
        QCOMPARE(impact->impact()->verdict, ImpactVerdict::NoAdministratorLeft);
        QCOMPARE(child<MessageBar>(impact, "signInImpactBar")->kind(), MessageBar::Kind::Error);
        QLineEdit *confirm = edit(d, "lockoutConfirmEdit");
        QVERIFY(confirm->isVisible());
        QAbstractButton *save = button(d, "submitButton");
        QVERIFY(!save->isEnabled());
        QTest::keyClick(confirm, Qt::Key_Return); // a stray Enter sends nothing
        QTest::keyClicks(confirm, QStringLiteral("initec"));
        QVERIFY(!save->isEnabled());
        QVERIFY(env->requestsTo("PATCH", ssoPath("initech")).isEmpty());
        QTest::keyClicks(confirm, QStringLiteral("h"));
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE_WITH_TIMEOUT(env->requestsTo("PATCH", ssoPath("initech")).size(), 1, 10000);
        const QJsonObject sent =
            QJsonDocument::fromJson(env->requestsTo("PATCH", ssoPath("initech")).first().body)
                .object();
        QCOMPARE(sent.value(QLatin1String("identifier")).toString(), issuer);
    }

    // Acme keeps two Keycard administrators: a new issuer costs the SSO members their sign-in
    // (a warning), and no label is asked for.
    void newIssuerWithEmergencyAdministrators()
    {
        QPointer<SsoDialog> d = new SsoDialog(env->client.get(), env->organization("acme"),
                                              env->connection("acme"));
        d->show();
        edit(d, "issuerEdit")->setText(oidc::sandboxIssuer(env->server->baseUrl()));
        button(d, "submitButton")->click();
        auto *impact = child<SignInImpactBox>(d, "signInImpact");
        QTRY_VERIFY_WITH_TIMEOUT(impact->impact().has_value(), 10000);
        QCOMPARE(impact->impact()->verdict, ImpactVerdict::SomeoneLoses);
        QVERIFY(!edit(d, "lockoutConfirmEdit")->isVisible());
        QTRY_VERIFY(button(d, "submitButton")->isEnabled());
    }

    // Only the client id changes: nobody's sign-in is at stake, no members are read.
    void sameIssuerReadsNoMembers()
    {
        QPointer<SsoDialog> d = new SsoDialog(env->client.get(), env->organization("acme"),
                                              env->connection("acme"));
        d->show();
        edit(d, "clientIdEdit")->setText(QStringLiteral("0oaChangedClient"));
        button(d, "submitButton")->click();
        QVERIFY(d->isReviewing());
        QVERIFY(!child<SignInImpactBox>(d, "signInImpact")->isVisible());
        QVERIFY(button(d, "submitButton")->isEnabled());
        QVERIFY(env->requestsEndingWith("GET", QStringLiteral("/users")).isEmpty());
    }

    // Globex has two Keycard administrators: enabling SSO keeps both, no warning. With one of
    // them disabled, the review warns and "Invite an administrator…" opens the invitation.
    void wizardCountsEmergencyAdministrators()
    {
        SsoEnableWizard *w = openWizard(*env, "globex");
        QVERIFY(fillWizard(w, oidc::sandboxIssuer(env->server->baseUrl()),
                           QStringLiteral("client-1")));
        auto *impact = child<SignInImpactBox>(w, "signInImpact");
        QTRY_VERIFY_WITH_TIMEOUT(impact->impact().has_value(), 10000);
        QCOMPARE(impact->impact()->verdict, ImpactVerdict::NobodyLoses);
        QCOMPARE(impact->impact()->adminsWithoutSso, 2);
        QVERIFY(!button(w, "reviewInviteAdminButton")->isVisible());
        w->close();

        // Frank is disabled on the server.
        QString frank;
        for (const QJsonObject &m : env->server->members(QStringLiteral("globex")))
            if (m.value(QLatin1String("email")).toString() == QLatin1String("frank.grimes@globex.example"))
                frank = m.value(QLatin1String("id")).toString();
        bool done = false;
        MemberUpdate update;
        update.status = QStringLiteral("disabled");
        env->client->updateMember(QStringLiteral("globex"), frank, update, this,
                                  [&done](const Result<OrganizationUser> &r) { done = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);

        w = openWizard(*env, "globex");
        QVERIFY(fillWizard(w, oidc::sandboxIssuer(env->server->baseUrl()),
                           QStringLiteral("client-1")));
        impact = child<SignInImpactBox>(w, "signInImpact");
        QTRY_VERIFY_WITH_TIMEOUT(impact->impact().has_value(), 10000);
        QCOMPARE(impact->impact()->adminsWithoutSso, 1);
        QVERIFY(impact->impact()->fewEmergencyAdmins());
        QVERIFY(impact->text().contains(QStringLiteral("Keep two administrators")));
        QAbstractButton *invite = button(w, "reviewInviteAdminButton");
        QVERIFY(invite->isVisible());
        QVERIFY(enableButton(w)->isEnabled()); // a warning, not a block
        invite->click();
        InviteMemberDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<InviteMemberDialog *>()));
        QCOMPARE(child<QComboBox>(dialog, "inviteRoleCombo")->currentData().toString(),
                 QStringLiteral("org_admin"));
        QTest::keyClicks(edit(dialog, "inviteEmailEdit"), QStringLiteral("ops@globex.example"));
        button(dialog, "inviteButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(env->server->invitations(QStringLiteral("globex")).size(), 1,
                                  10000);
        QTRY_VERIFY(child<QLabel>(w, "reviewInviteNote")->isVisible());
        // Nothing was enabled on the way.
        QVERIFY(env->requestsTo("POST", ssoPath("globex")).isEmpty());
    }
};

QTEST_MAIN(TestSsoImpact)
#include "test_sso_impact.moc"
