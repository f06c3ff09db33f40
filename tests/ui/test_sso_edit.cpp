// Edit SSO (only changed fields, summary without secrets), Disable SSO (typed label) and the
// permission gating of the three actions, against the in-process sandbox.
#include "DisableSsoDialog.h"
#include "SsoChangeSummary.h"
#include "SsoConnectionForm.h"
#include "SsoController.h"
#include "SsoDialog.h"
#include "SsoIssuerChecklist.h"
#include "SsoPermissions.h"
#include "SsoWorkflow.h"
#include "test_sso_support.h"

#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

class TestSsoEdit : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> env;

    QPointer<SsoDialog> openEdit(const char *label)
    {
        auto *d =
            new SsoDialog(env->client.get(), env->organization(label), env->connection(label));
        d->show();
        return d;
    }

    QStringList reviewLines(SsoDialog *d)
    {
        button(d, "submitButton")->click();
        if (!d->isReviewing())
            return {};
        return child<SsoChangeSummary>(d, "changeSummary")->lines();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        applyScreenshotPalette();
    }
    void init() { env = std::make_unique<Env>(); }
    void cleanup()
    {
        deleteOpenDialogs();
        env.reset();
    }

    void editIsPrefilledAndUnchangedCannotBeSent()
    {
        auto d = openEdit("acme");
        QCOMPARE(d->form()->mode(), SsoConnectionForm::Mode::Edit);
        QCOMPARE(edit(d, "issuerEdit")->text(),
                 QString::fromLatin1(sandbox::demo::kAcmeIdentifier));
        QCOMPARE(edit(d, "clientIdEdit")->text(),
                 QString::fromLatin1(sandbox::demo::kAcmeClientId));
        QVERIFY(edit(d, "clientSecretEdit")->text().isEmpty()); // empty = keep the secret
        QVERIFY(button(d, "keepSecretRadio")->isChecked());
        QVERIFY(button(d, "removeSecretRadio")->isVisible()); // acme has a secret
        QVERIFY(edit(d, "organizationEdit")->isReadOnly());
        QVERIFY(!edit(d, "tokenEndpointEdit")->text().isEmpty()); // protocols prefilled
        QVERIFY(!button(d, "submitButton")->isEnabled());
        QCOMPARE(button(d, "submitButton")->toolTip(),
                 QStringLiteral("Not ready yet:\n• Nothing has changed"));
        screenshot(d, QStringLiteral("edit-prefilled"));
    }

    void updateSendsOnlyChangedFields()
    {
        auto d = openEdit("acme");
        QSignalSpy updated(d.data(), &SsoDialog::ssoUpdated);
        edit(d, "clientIdEdit")->setText(QStringLiteral("0oaNEWCLIENT"));
        // Typing a secret chooses "Replace secret".
        QTest::keyClicks(edit(d, "clientSecretEdit"), QStringLiteral("n3w-s3cret"));
        QVERIFY(button(d, "replaceSecretRadio")->isChecked());
        const QStringList lines = reviewLines(d);
        QCOMPARE(lines, (QStringList{QStringLiteral("Client ID: %1 → 0oaNEWCLIENT")
                                         .arg(QLatin1String(sandbox::demo::kAcmeClientId)),
                                     QStringLiteral("Client secret: set → replaced")}));
        QVERIFY(!lines.join(QString()).contains(QStringLiteral("n3w-s3cret")));
        QCOMPARE(button(d, "submitButton")->text(), QStringLiteral("Save changes"));
        QVERIFY(button(d, "backButton")->isVisible());
        screenshot(d, QStringLiteral("edit-summary"));
        button(d, "submitButton")->click();
        QVERIFY(updated.wait(10000));
        QCOMPARE(updated.at(0).at(1).value<SsoConnection>().clientId.value_or(QString()),
                 QStringLiteral("0oaNEWCLIENT"));

        const auto patches = env->requestsEndingWith("PATCH", ssoPath("acme"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().jsonBody(),
                 (QJsonObject{{QStringLiteral("client_id"), QStringLiteral("0oaNEWCLIENT")},
                              {QStringLiteral("client_secret"), QStringLiteral("n3w-s3cret")}}));
        const auto stored = env->server->connection(QStringLiteral("acme"));
        QCOMPARE(stored->value(QLatin1String("client_id")).toString(),
                 QStringLiteral("0oaNEWCLIENT"));
        QCOMPARE(stored->value(QLatin1String("identifier")).toString(),
                 QString::fromLatin1(sandbox::demo::kAcmeIdentifier));
    }

    void removeSecretAndClientIdSendNull()
    {
        auto d = openEdit("acme");
        QSignalSpy updated(d.data(), &SsoDialog::ssoUpdated);
        button(d, "removeSecretRadio")->click();
        edit(d, "clientIdEdit")->clear();
        QVERIFY(labelText(d, "clientIdMessage").contains(QStringLiteral("removed")));
        const QStringList lines = reviewLines(d);
        QCOMPARE(lines, (QStringList{QStringLiteral("Client ID: %1 → (removed)")
                                         .arg(QLatin1String(sandbox::demo::kAcmeClientId)),
                                     QStringLiteral("Client secret: set → removed")}));
        button(d, "submitButton")->click();
        QVERIFY(updated.wait(10000));
        QCOMPARE(env->requestsEndingWith("PATCH", ssoPath("acme")).first().jsonBody(),
                 (QJsonObject{{QStringLiteral("client_id"), QJsonValue::Null},
                              {QStringLiteral("client_secret"), QJsonValue::Null}}));
        const auto stored = env->server->connection(QStringLiteral("acme"));
        QVERIFY(stored->value(QLatin1String("client_id")).isNull());
        QCOMPARE(stored->value(QLatin1String("client_secret_set")).toBool(), false);
    }

    void backReturnsToTheFormWithEverythingKept()
    {
        auto d = openEdit("initech");
        edit(d, "issuerEdit")
            ->setText(QStringLiteral("https://login.microsoftonline.com/other/v2.0"));
        QVERIFY(!button(d, "removeSecretRadio")->isVisible()); // initech has no secret
        QCOMPARE(button(d, "replaceSecretRadio")->text(), QStringLiteral("Set a secret"));
        QCOMPARE(reviewLines(d).size(), 1);
        button(d, "backButton")->click();
        QVERIFY(!d->isReviewing());
        QCOMPARE(edit(d, "issuerEdit")->text(),
                 QStringLiteral("https://login.microsoftonline.com/other/v2.0"));
        button(d, "replaceSecretRadio")->click();
        QVERIFY(!button(d, "submitButton")->isEnabled()); // Replace needs the new secret
        QTest::keyClicks(edit(d, "clientSecretEdit"), QStringLiteral("first-secret"));
        QCOMPARE(reviewLines(d).last(), QStringLiteral("Client secret: not set → set"));
        QCOMPARE(env->requestsEndingWith("PATCH", ssoPath("initech")).size(),
                 0); // nothing sent yet
    }

    // Tab visits every control of the form in the order shown (no Client secret ↔ Show trap),
    // the secret choices included, then the dialog's buttons, and comes round again.
    void editTabOrderVisitsEveryControl()
    {
        auto d = openEdit("acme");
        d->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(d));
        edit(d, "clientIdEdit")->setText(QStringLiteral("0oaChanged")); // Review enabled
        QWidget *start = edit(d, "organizationEdit");
        start->setFocus();
        QStringList seen{start->objectName()};
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            if (QApplication::focusWidget() == start)
                break;
            seen << QApplication::focusWidget()->objectName();
        }
        // The secret choices are one radio group: Tab enters it at the chosen one, the arrow
        // keys choose (as everywhere else).
        QCOMPARE(seen,
                 (QStringList{"organizationEdit", "issuerEdit", "clientIdEdit", "keepSecretRadio",
                              "clientSecretEdit", "revealSecretButton", "checkIssuerButton",
                              "advancedToggle", "cancelButton", "submitButton"}));
        button(d, "keepSecretRadio")->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(button(d, "replaceSecretRadio")));
        QVERIFY(button(d, "replaceSecretRadio")->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(button(d, "removeSecretRadio")));
        QVERIFY(button(d, "removeSecretRadio")->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edit(d, "clientSecretEdit")));
        // Alt+S reaches the secret.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(edit(d, "clientSecretEdit")));
    }

    // Only what changes is checked: an issuer Keycard accepted earlier that fails today's https
    // rule is a warning, and a secret rotation goes through; a new issuer must follow the rule.
    void anUnchangedLegacyIssuerDoesNotBlockASecretRotation()
    {
        SsoConnection legacy = env->connection("acme");
        legacy.identifier = QStringLiteral("http://idp.acme.example/legacy");
        auto *raw = new SsoDialog(env->client.get(), env->organization("acme"), legacy);
        QPointer<SsoDialog> d(raw);
        d->show();
        QSignalSpy updated(raw, &SsoDialog::ssoUpdated);
        QVERIFY(
            labelText(d, "issuerMessage").contains(QStringLiteral("accepted this value earlier")));
        QVERIFY(labelText(d, "issuerMessage").contains(QStringLiteral("https://")));
        QVERIFY(child(d, "issuerMessage")->property("warning").toBool());
        button(d, "replaceSecretRadio")->click();
        QTest::keyClicks(edit(d, "clientSecretEdit"), QStringLiteral("rotated"));
        QVERIFY2(button(d, "submitButton")->isEnabled(),
                 qPrintable(button(d, "submitButton")->toolTip()));
        screenshot(d, QStringLiteral("edit-legacy-issuer"));
        // A changed issuer is checked against today's rules.
        edit(d, "issuerEdit")->setText(QStringLiteral("http://idp.acme.example/other"));
        QVERIFY(!button(d, "submitButton")->isEnabled());
        QVERIFY(!child(d, "issuerMessage")->property("warning").toBool());
        edit(d, "issuerEdit")->setText(legacy.identifier);
        QCOMPARE(reviewLines(d), QStringList{QStringLiteral("Client secret: set → replaced")});
        QVERIFY(!child(d, "reviewIssuerVerdict")->isVisible()); // the issuer is not changing
        button(d, "submitButton")->click();
        QVERIFY(updated.wait(10000));
        QCOMPARE(env->requestsEndingWith("PATCH", ssoPath("acme")).first().jsonBody(),
                 (QJsonObject{{QStringLiteral("client_secret"), QStringLiteral("rotated")}}));
    }

    // The review names the issuer check's verdict next to a new issuer.
    void theReviewShowsTheIssuerCheckOfANewIssuer()
    {
        auto d = openEdit("acme");
        const QString mismatch =
            env->server->baseUrl().toString() + QStringLiteral("/idp/issuer-mismatch");
        edit(d, "issuerEdit")->setText(mismatch);
        d->form()->checklist()->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(d->form()->checklist()->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        const QStringList lines = reviewLines(d);
        QCOMPARE(lines.size(), 1);
        auto *verdict = child<QLabel>(d, "reviewIssuerVerdict");
        QVERIFY(verdict->isVisible());
        QVERIFY2(verdict->text().contains(QStringLiteral("failed the issuer check")),
                 qPrintable(verdict->text()));
        screenshot(d, QStringLiteral("edit-review-failed-check"));
        QCOMPARE(env->requestsEndingWith("PATCH", ssoPath("acme")).size(), 0);
    }

    void describeChangesCoversProtocols()
    {
        SsoConnection current;
        current.identifier = QStringLiteral("https://a.example.com");
        current.clientSecretSet = true;
        OAuth2Settings o;
        o.tokenEndpoint = QStringLiteral("https://a.example.com/token");
        current.protocols = SsoProtocols{o, std::nullopt};
        SsoConnectionUpdate update;
        OAuth2Settings o2;
        o2.scopesSupported = QStringList{QStringLiteral("openid"), QStringLiteral("email")};
        update.protocols = SsoProtocols{
            o2, OpenIdSettings{QStringLiteral("https://a.example.com/me"), std::nullopt}};
        QStringList lines;
        const auto changes = describeChanges(current, update);
        for (const SsoChange &c : changes)
            lines << c.toString();
        QCOMPARE(
            lines,
            (QStringList{
                QStringLiteral("Token endpoint: https://a.example.com/token → (none)"),
                QStringLiteral("Scopes: (none) → openid email"),
                QStringLiteral("OpenID userinfo endpoint: (none) → https://a.example.com/me")}));
    }

    // Issue 23, point 9: the review says that only the protocol settings it lists are sent
    // (when protocol settings change), and the PATCH carries just those.
    void reviewSaysOnlyChangedProtocolsAreSent()
    {
        auto d = openEdit("acme");
        QTest::keyClicks(edit(d, "clientIdEdit"), QStringLiteral("x"));
        reviewLines(d);
        QVERIFY(d->isReviewing());
        auto *note = child<QLabel>(d, "changeSummaryNote");
        QVERIFY(note->isHidden());
        deleteOpenDialogs();

        d = openEdit("acme");
        edit(d, "scopesEdit")->setText(QStringLiteral("openid email"));
        const QStringList lines = reviewLines(d);
        QVERIFY(d->isReviewing());
        QVERIFY2(lines.contains(QStringLiteral("Scopes: openid profile email groups → openid "
                                               "email")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        note = child<QLabel>(d, "changeSummaryNote");
        QVERIFY(!note->isHidden());
        QVERIFY(note->isVisibleTo(d));
        screenshot(d, QStringLiteral("edit-summary-protocols"));
        QVERIFY2(note->text().startsWith(QStringLiteral("Only the protocol settings listed "
                                                        "here are sent.")),
                 qPrintable(note->text()));

        // What is sent is a merge patch: the changed scopes only; the other protocol settings
        // stay on the server.
        const auto before = env->server->connection(QStringLiteral("acme"));
        const QJsonValue tokenEndpoint = before->value(QLatin1String("protocols"))
                                             .toObject()
                                             .value(QLatin1String("oauth2"))
                                             .toObject()
                                             .value(QLatin1String("token_endpoint"));
        QVERIFY(tokenEndpoint.isString());
        button(d, "submitButton")->click();
        QTRY_COMPARE(env->requestsEndingWith("PATCH", ssoPath("acme")).size(), 1);
        const QJsonObject sent =
            env->requestsEndingWith("PATCH", ssoPath("acme")).first().jsonBody();
        QCOMPARE(sent, (QJsonObject{
                           {QStringLiteral("protocols"),
                            QJsonObject{{QStringLiteral("oauth2"),
                                         QJsonObject{{QStringLiteral("scopes_supported"),
                                                      QJsonArray{QStringLiteral("openid"),
                                                                 QStringLiteral("email")}}}}}}}));
        const auto after = env->server->connection(QStringLiteral("acme"));
        const QJsonObject oauth2 = after->value(QLatin1String("protocols"))
                                       .toObject()
                                       .value(QLatin1String("oauth2"))
                                       .toObject();
        QCOMPARE(oauth2.value(QLatin1String("token_endpoint")), tokenEndpoint);
        QCOMPARE(oauth2.value(QLatin1String("scopes_supported")),
                 QJsonValue(QJsonArray{QStringLiteral("openid"), QStringLiteral("email")}));
    }

    // Issue 23, point 2: the window's reconcile path follows keycardctl's rule (a secret sent
    // over a connection without one is not "already enabled with these settings").
    void enableWithASecretOverOneWithoutIsNotSuccess()
    {
        SsoController controller(env->client.get());
        QSignalSpy enabled(&controller, &SsoController::enabled);
        QSignalSpy already(&controller, &SsoController::alreadyEnabled);
        SsoConnectionCreate body;
        body.identifier = QString::fromLatin1(sandbox::demo::kInitechIdentifier);
        body.clientId = QString::fromLatin1(sandbox::demo::kInitechClientId);
        body.clientSecret = QStringLiteral("gui-secret-9931");
        controller.enable(QStringLiteral("initech"), body, KeycardClient::newRequestId());
        QVERIFY(already.wait(20000));
        QCOMPARE(enabled.size(), 0);
        body.clientSecret.reset();
        controller.enable(QStringLiteral("initech"), body, KeycardClient::newRequestId());
        QVERIFY(enabled.wait(20000));
        QCOMPARE(already.size(), 1);
    }

    void disableRequiresTheTypedLabel()
    {
        auto *raw = new DisableSsoDialog(env->client.get(), env->organization("wayne"));
        QPointer<DisableSsoDialog> d(raw);
        d->show();
        QSignalSpy disabled(raw, &DisableSsoDialog::ssoDisabled);
        QVERIFY(!button(d, "disableButton")->isEnabled());
        QVERIFY(labelText(d, "disableEffect").contains(QStringLiteral("stop signing in")));
        QVERIFY(labelText(d, "disableEffect").contains(QStringLiteral("does not")));
        QTest::keyClicks(edit(d, "confirmLabelEdit"), QStringLiteral("Wayne"));
        QVERIFY(!button(d, "disableButton")->isEnabled());
        QVERIFY(labelText(d, "confirmLabelMessage").contains(QStringLiteral("letter case")));
        screenshot(d, QStringLiteral("disable-mismatch"));
        button(d, "disableButton")->click(); // disabled: nothing happens
        QCOMPARE(env->requestsEndingWith("DELETE", ssoPath("wayne")).size(), 0);

        edit(d, "confirmLabelEdit")->clear();
        QTest::keyClicks(edit(d, "confirmLabelEdit"), QStringLiteral("wayne"));
        QVERIFY(button(d, "disableButton")->isEnabled());
        screenshot(d, QStringLiteral("disable-confirm"));
        button(d, "disableButton")->click();
        QVERIFY(disabled.wait(10000));
        QCOMPARE(disabled.at(0).at(0).value<Organization>().label, QStringLiteral("wayne"));
        QVERIFY(!env->server->connection(QStringLiteral("wayne")));
        QCOMPARE(env->server->organization(QStringLiteral("wayne"))
                     ->value(QLatin1String("sso_enabled"))
                     .toBool(),
                 false);
        QCOMPARE(env->requestsEndingWith("DELETE", ssoPath("wayne")).size(), 1);
        QTRY_VERIFY(d.isNull());
    }

    void disableFailureOffersRetryWithSameRequestId()
    {
        const sandbox::ScriptedResponse unavailable{503, {}, std::nullopt, std::nullopt};
        env->server->scriptResponses("DELETE", ssoPath("initech"),
                                     {unavailable, unavailable, unavailable});
        auto *raw = new DisableSsoDialog(env->client.get(), env->organization("initech"));
        raw->show();
        QSignalSpy disabled(raw, &DisableSsoDialog::ssoDisabled);
        QTest::keyClicks(edit(raw, "confirmLabelEdit"), QStringLiteral("initech"));
        button(raw, "disableButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(button(raw, "retryButton")->isVisible(), 10000);
        QVERIFY(labelText(raw, "bannerText").contains(QStringLiteral("Server error")));
        screenshot(raw, QStringLiteral("disable-error"));
        button(raw, "retryButton")->click();
        QVERIFY(disabled.wait(10000));
        const auto deletes = env->requestsEndingWith("DELETE", ssoPath("initech"));
        QCOMPARE(deletes.size(), 4);
        for (const auto &r : deletes)
            QCOMPARE(r.requestId(), deletes.first().requestId());
        QVERIFY(!env->server->connection(QStringLiteral("initech")));
    }

    void permissionGating()
    {
        // Permissions as the list reports them with expand[]=permissions.
        auto withPermissions = [this](const char *label) {
            Organization o = env->organization(label);
            QJsonObject perms = env->server->organization(QLatin1String(label))
                                    ->value(QLatin1String("permissions"))
                                    .toObject();
            if (perms.isEmpty()) {
                const bool update = QLatin1String(label) != QLatin1String("stark");
                perms = QJsonObject{{QStringLiteral("organizations"),
                                     QJsonObject{{QStringLiteral("read"), true},
                                                 {QStringLiteral("update"), update}}}};
            }
            Permissions p;
            QString error;
            decode::permissions(perms, p, error);
            o.permissions = p;
            return o;
        };
        const Organization stark = withPermissions("stark");
        SsoActionState s = ssoActionState(SsoAction::Enable, &stark);
        QVERIFY(!s.enabled);
        QCOMPARE(s.toolTip, QStringLiteral("Requires the organizations.update permission"));

        const Organization globex = withPermissions("globex");
        QVERIFY(ssoActionState(SsoAction::Enable, &globex).enabled);
        s = ssoActionState(SsoAction::Edit, &globex);
        QVERIFY(!s.enabled);
        QVERIFY(s.toolTip.contains(QStringLiteral("not enabled")));

        const Organization acme = withPermissions("acme");
        QVERIFY(!ssoActionState(SsoAction::Enable, &acme).enabled);
        QVERIFY(ssoActionState(SsoAction::Edit, &acme).enabled);
        QVERIFY(ssoActionState(SsoAction::Disable, &acme).enabled);
        // Permissions reported on the connection win over the organization's.
        Permissions denied;
        denied.grants[QStringLiteral("organizations")][QStringLiteral("update")] = false;
        s = ssoActionState(SsoAction::Disable, &acme, denied);
        QVERIFY(!s.enabled);
        QCOMPARE(s.toolTip, QStringLiteral("Requires the organizations.update permission"));

        Organization unknown = env->organization("umbrella"); // nothing reported: server decides
        unknown.permissions.reset();
        QVERIFY(ssoActionState(SsoAction::Enable, &unknown).enabled);
        QVERIFY(!ssoActionState(SsoAction::Enable, nullptr).enabled);
    }

    void workflowOpensOneDialogAndReportsChanges()
    {
        QWidget window;
        window.show();
        SsoWorkflow workflow(env->client.get(), &window);
        QSignalSpy changed(&workflow, &SsoWorkflow::connectionChanged);
        QSignalSpy disabled(&workflow, &SsoWorkflow::ssoDisabled);

        workflow.editSso(env->organization("wayne")); // loads the connection first
        QTRY_VERIFY_WITH_TIMEOUT(workflow.activeDialog() != nullptr, 10000);
        QDialog *dialog = workflow.activeDialog();
        QCOMPARE(dialog->parentWidget(), &window);
        QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);
        QCOMPARE(edit(dialog, "issuerEdit")->text(),
                 QString::fromLatin1(sandbox::demo::kWayneIdentifier));
        // A second request raises the open dialog instead of stacking another one.
        QVERIFY(!workflow.enableSso(env->organization("globex")));
        QCOMPARE(workflow.activeDialog(), dialog);
        edit(dialog, "issuerEdit")->setText(QStringLiteral("https://accounts.google.com/"));
        button(dialog, "submitButton")->click();
        // Save waits until the review knows who would lose sign-in (the members are read).
        QTRY_VERIFY_WITH_TIMEOUT(button(dialog, "submitButton")->isEnabled(), 10000);
        button(dialog, "submitButton")->click();
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.at(0).at(0).value<Organization>().label, QStringLiteral("wayne"));
        QTRY_VERIFY(workflow.activeDialog() == nullptr);

        DisableSsoDialog *disable = workflow.disableSso(env->organization("wayne"));
        QTest::keyClicks(edit(disable, "confirmLabelEdit"), QStringLiteral("wayne"));
        button(disable, "disableButton")->click();
        QVERIFY(disabled.wait(10000));
        QVERIFY(!env->server->connection(QStringLiteral("wayne")));
    }
};

QTEST_MAIN(TestSsoEdit)
#include "test_sso_edit.moc"
