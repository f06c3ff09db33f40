// The Enable SSO wizard's fields, the request it sends and what it does with each answer,
// driven offscreen against the in-process sandbox (formerly the Enable form of SsoDialog).
#include "FieldRules.h"
#include "SsoAdvancedSection.h"
#include "SsoChangeSummary.h"
#include "SsoConnectionForm.h"
#include "SsoDialog.h"
#include "SsoWorkflow.h"
#include "test_sso_support.h"

#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

class TestSsoDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> env;

    QPointer<SsoEnableWizard> openEnable(const char *label) { return openWizard(*env, label); }

    // Fills the wizard and stops on the Review page.
    static void fill(SsoEnableWizard *d, const QString &issuer, const QString &clientId,
                     const QString &secret = {})
    {
        QVERIFY(fillWizard(d, issuer, clientId, secret));
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

    void emptyFormOffersNothingToSubmit()
    {
        auto d = openEnable("globex");
        QVERIFY(d->windowTitle().contains(QStringLiteral("Globex")));
        QCOMPARE(d->currentId(), int(SsoEnableWizard::ProviderPageId));
        // Nothing chosen, nothing typed: the wizard cannot go on, and says why under the field.
        QVERIFY(!d->button(QWizard::NextButton)->isEnabled());
        QVERIFY(!enableButton(d)->isVisible());
        QCOMPARE(labelText(d, "issuerMessage"), QStringLiteral("Required"));
        QVERIFY(edit(d, "issuerEdit")->placeholderText().contains(QStringLiteral("okta.com")));
        screenshot(d, QStringLiteral("enable-empty"));

        edit(d, "issuerEdit")->setText(QStringLiteral("https://globex.okta.com"));
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        QVERIFY(!d->button(QWizard::NextButton)->isEnabled()); // the client ID is required
        QCOMPARE(labelText(d, "clientIdMessage"), QStringLiteral("Required"));
        QCOMPARE(edit(d, "clientSecretEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(labelText(d, "clientSecretNote").contains(QStringLiteral("encrypted")));
        QVERIFY(!child(d, "advancedBody")->isVisible()); // Advanced is collapsed
        QVERIFY(rules::isUuid(edit(d, "requestIdEdit")->text()));

        button(d, "revealSecretButton")->click();
        QCOMPARE(edit(d, "clientSecretEdit")->echoMode(), QLineEdit::Normal);
        button(d, "revealSecretButton")->click();
        QCOMPARE(edit(d, "clientSecretEdit")->echoMode(), QLineEdit::Password);

        const QString before = edit(d, "requestIdEdit")->text();
        button(d, "advancedToggle")->click();
        QVERIFY(child(d, "advancedBody")->isVisible());
        button(d, "regenerateRequestIdButton")->click();
        QVERIFY(edit(d, "requestIdEdit")->text() != before);
        QVERIFY(rules::isUuid(edit(d, "requestIdEdit")->text()));
    }

    void invalidInputKeepsSubmitDisabledAndExplains()
    {
        auto d = openEnable("globex");
        QLineEdit *issuer = edit(d, "issuerEdit");
        QAbstractButton *next = d->button(QWizard::NextButton);
        issuer->setFocus();
        QTest::keyClicks(issuer, QStringLiteral("http://globex.okta.com"));
        QCOMPARE(issuer->text(), QStringLiteral("http://globex.okta.com")); // nothing swallowed
        QVERIFY(!next->isEnabled());
        QCOMPARE(labelText(d, "issuerMessage"),
                 QStringLiteral("Must use https:// (http:// only for localhost)"));
        QVERIFY(child(d, "issuerMessage")->isVisible());
        screenshot(d, QStringLiteral("enable-invalid-http"));

        QVERIFY(button(d, "issuerFix")->isVisible());
        button(d, "issuerFix")->click();
        QCOMPARE(issuer->text(), QStringLiteral("https://globex.okta.com"));
        QVERIFY(labelText(d, "issuerMessage").isEmpty()); // its line stays reserved
        QVERIFY(next->isEnabled());

        // A pasted discovery-document address is offered as the bare issuer.
        issuer->setText(QStringLiteral("https://globex.okta.com/.well-known/openid-configuration"));
        QVERIFY(!next->isEnabled());
        QVERIFY(labelText(d, "issuerMessage").contains(QStringLiteral("discovery document")));
        QCOMPARE(button(d, "issuerFix")->toolTip(), QStringLiteral("Use https://globex.okta.com"));
        screenshot(d, QStringLiteral("enable-invalid-wellknown"));
        button(d, "issuerFix")->click();
        QCOMPARE(issuer->text(), QStringLiteral("https://globex.okta.com"));

        // 2,049 characters: kept in the field (not rejected silently), explained, not sendable.
        const QString prefix = QStringLiteral("https://globex.okta.com/");
        const QString tooLong = prefix + QString(2049 - prefix.size(), QLatin1Char('x'));
        issuer->setText(tooLong);
        QCOMPARE(issuer->text(), tooLong);
        QCOMPARE(labelText(d, "issuerMessage"),
                 QStringLiteral("At most 2,048 characters — 2,049 entered"));
        QVERIFY(!next->isEnabled());

        // A malformed request id keeps the Client page from going on.
        issuer->setText(QStringLiteral("https://globex.okta.com"));
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        edit(d, "clientIdEdit")->setText(QStringLiteral("0oaGlobex"));
        QVERIFY(next->isEnabled());
        button(d, "advancedToggle")->click();
        edit(d, "requestIdEdit")->setText(QStringLiteral("not-a-uuid"));
        QCOMPARE(labelText(d, "requestIdMessage"), QStringLiteral("Not a UUID"));
        QVERIFY(!next->isEnabled());
        screenshot(d, QStringLiteral("enable-invalid-advanced"));
        QCOMPARE(env->requestsEndingWith("POST", ssoPath("globex")).size(), 0);
    }

    void validSubmitCreatesConnectionWithExactlyTheFilledFields()
    {
        auto d = openEnable("globex");
        QSignalSpy enabled(d.data(), &SsoEnableWizard::ssoEnabled);
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex123"),
             QStringLiteral("globex-secret"));
        const QString requestId = edit(d, "requestIdEdit")->text();
        QCOMPARE(labelText(d, "reviewIssuer"), QStringLiteral("https://globex.okta.com"));
        QCOMPARE(labelText(d, "reviewClientSecret"), QStringLiteral("Set (not shown)"));
        QCOMPARE(env->requestsEndingWith("POST", ssoPath("globex")).size(), 0);
        enableButton(d)->click();
        QVERIFY(enabled.wait(10000));
        const auto conn = enabled.at(0).at(1).value<SsoConnection>();
        QCOMPARE(conn.identifier, QStringLiteral("https://globex.okta.com"));
        QCOMPARE(enabled.at(0).at(0).value<Organization>().label, QStringLiteral("globex"));

        const auto stored = env->server->connection(QStringLiteral("globex"));
        QVERIFY(stored);
        QCOMPARE(stored->value(QLatin1String("identifier")).toString(),
                 QStringLiteral("https://globex.okta.com"));
        QCOMPARE(stored->value(QLatin1String("client_secret_set")).toBool(), true);

        const auto posts = env->requestsEndingWith("POST", ssoPath("globex"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = posts.first().jsonBody();
        QCOMPARE(
            body,
            (QJsonObject{{QStringLiteral("identifier"), QStringLiteral("https://globex.okta.com")},
                         {QStringLiteral("client_id"), QStringLiteral("0oaGlobex123")},
                         {QStringLiteral("client_secret"), QStringLiteral("globex-secret")}}));
        QCOMPARE(posts.first().requestId(), requestId);
        QTRY_VERIFY(d.isNull()); // closed (and deleted) after success
    }

    void protocolsAreSentOnlyAsFilledIn()
    {
        auto d = openEnable("umbrella");
        QSignalSpy enabled(d.data(), &SsoEnableWizard::ssoEnabled);
        edit(d, "issuerEdit")->setText(QStringLiteral("https://umbrella.example.com"));
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        edit(d, "clientIdEdit")->setText(QStringLiteral("umbrella-app"));
        button(d, "advancedToggle")->click();
        edit(d, "tokenEndpointEdit")->setText(QStringLiteral("https://umbrella.example.com/token"));
        edit(d, "scopesEdit")->setText(QStringLiteral("openid, email profile"));
        edit(d, "userinfoEndpointEdit")->setText(QStringLiteral("https://umbrella.example.com/me"));
        screenshot(d, QStringLiteral("enable-advanced"));
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId));
        QCOMPARE(labelText(d, "reviewProtocols"),
                 QStringLiteral("Token endpoint: https://umbrella.example.com/token\n"
                                "Scopes: openid email profile\n"
                                "OpenID userinfo endpoint: https://umbrella.example.com/me"));
        enableButton(d)->click();
        QVERIFY(enabled.wait(10000));
        const QJsonObject body =
            env->requestsEndingWith("POST", ssoPath("umbrella")).first().jsonBody();
        QCOMPARE(body.keys(),
                 (QStringList{QStringLiteral("client_id"), QStringLiteral("identifier"),
                              QStringLiteral("protocols")}));
        const QJsonObject expected{
            {QStringLiteral("oauth2"),
             QJsonObject{{QStringLiteral("token_endpoint"),
                          QStringLiteral("https://umbrella.example.com/token")},
                         {QStringLiteral("scopes_supported"),
                          QJsonArray{QStringLiteral("openid"), QStringLiteral("email"),
                                     QStringLiteral("profile")}}}},
            {QStringLiteral("openid"),
             QJsonObject{{QStringLiteral("userinfo_endpoint"),
                          QStringLiteral("https://umbrella.example.com/me")}}}};
        QCOMPARE(body.value(QLatin1String("protocols")).toObject(), expected);
    }

    void serverErrorThenRetryReusesRequestIdAndKeepsInput()
    {
        // Three 503s use up the client's automatic retries; the admin's Retry then succeeds.
        const sandbox::ScriptedResponse unavailable{503, {}, std::nullopt, std::nullopt};
        env->server->scriptResponses("POST", ssoPath("globex"),
                                     {unavailable, unavailable, unavailable});
        auto d = openEnable("globex");
        QSignalSpy enabled(d.data(), &SsoEnableWizard::ssoEnabled);
        edit(d, "issuerEdit")->setText(QStringLiteral("https://globex.okta.com"));
        QVERIFY(goToPage(d, SsoEnableWizard::ClientPageId));
        edit(d, "clientIdEdit")->setText(QStringLiteral("0oaGlobex"));
        edit(d, "clientSecretEdit")->setText(QStringLiteral("keep-me"));
        button(d, "advancedToggle")->click();
        edit(d, "jwksUriEdit")->setText(QStringLiteral("https://globex.okta.com/keys"));
        const QString requestId = edit(d, "requestIdEdit")->text();
        QVERIFY(goToPage(d, SsoEnableWizard::ReviewPageId));
        enableButton(d)->click();
        QVERIFY(d->isBusy());
        QVERIFY(child(d, "busyIndicator")->isVisible());
        QVERIFY(!enableButton(d)->isEnabled());
        QVERIFY(!d->button(QWizard::BackButton)->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(button(d, "retryButton")->isVisible(), 10000);
        QVERIFY(!d->isBusy());
        // What the banner says, as a screen reader reads it (the request id on its own line).
        const QString banner = child(d, "banner")->accessibleDescription();
        QVERIFY2(banner.contains(QStringLiteral("Server error")), qPrintable(banner));
        QVERIFY2(banner.contains(requestId), qPrintable(banner));
        QVERIFY(!banner.contains(QStringLiteral("keep-me")));
        // Nothing typed was lost, and the wizard can go back to it.
        QVERIFY(d->button(QWizard::BackButton)->isEnabled());
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://globex.okta.com"));
        QCOMPARE(edit(d, "clientIdEdit")->text(), QStringLiteral("0oaGlobex"));
        QCOMPARE(edit(d, "clientSecretEdit")->text(), QStringLiteral("keep-me"));
        QCOMPARE(edit(d, "jwksUriEdit")->text(), QStringLiteral("https://globex.okta.com/keys"));
        QCOMPARE(edit(d, "requestIdEdit")->text(), requestId);
        screenshot(d, QStringLiteral("enable-error-retry"));

        button(d, "retryButton")->click();
        QVERIFY(enabled.wait(10000));
        const auto posts = env->requestsEndingWith("POST", ssoPath("globex"));
        QCOMPARE(posts.size(), 4);
        for (const auto &post : posts)
            QCOMPARE(post.requestId(), requestId);
        QVERIFY(env->server->connection(QStringLiteral("globex")));
    }

    void lostReplyEndsAsSuccessWithOneConnection()
    {
        const int before = env->server->connectionCount();
        env->server->injectFault("POST", ssoPath("globex"), sandbox::Fault::CommitThenDrop);
        auto d = openEnable("globex");
        QSignalSpy enabled(d.data(), &SsoEnableWizard::ssoEnabled);
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        const QString requestId = edit(d, "requestIdEdit")->text();
        enableButton(d)->click();
        // The client retries the dropped POST itself; should it give up, the admin's Retry
        // (same request id) must reach the same end.
        QTRY_VERIFY_WITH_TIMEOUT(
            enabled.size() == 1 || (d && button(d, "retryButton")->isVisible()), 10000);
        if (enabled.isEmpty()) {
            button(d, "retryButton")->click();
            QVERIFY(enabled.wait(10000));
        }
        QCOMPARE(enabled.at(0).at(1).value<SsoConnection>().identifier,
                 QStringLiteral("https://globex.okta.com"));
        QCOMPARE(env->server->connectionCount(), before + 1);
        const auto posts = env->requestsEndingWith("POST", ssoPath("globex"));
        QVERIFY(posts.size() >= 2);
        for (const auto &post : posts)
            QCOMPARE(post.requestId(), requestId);
    }

    void conflictOffersExistingConnection()
    {
        auto d = openEnable("acme");
        QSignalSpy found(d.data(), &SsoEnableWizard::existingConnectionFound);
        QSignalSpy view(d.data(), &SsoEnableWizard::viewConnectionRequested);
        fill(d, QStringLiteral("https://acme.example.org"), QStringLiteral("other-client"));
        enableButton(d)->click();
        QVERIFY(found.wait(10000));
        QCOMPARE(found.at(0).at(1).value<SsoConnection>().identifier,
                 QString::fromLatin1(sandbox::demo::kAcmeIdentifier));
        QVERIFY(button(d, "viewExistingButton")->isVisible());
        QVERIFY(button(d, "editInsteadButton")->isVisible());
        QVERIFY(!button(d, "retryButton")->isVisible());
        QVERIFY(labelText(d, "bannerText").contains(QStringLiteral("already enabled")));
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://acme.example.org"));
        screenshot(d, QStringLiteral("enable-409"));

        button(d, "viewExistingButton")->click();
        QCOMPARE(view.size(), 1);
        QCOMPARE(view.at(0).at(1).value<SsoConnection>().identifier,
                 QString::fromLatin1(sandbox::demo::kAcmeIdentifier));
        QTRY_VERIFY(d.isNull());
        QCOMPARE(env->server->connection(QStringLiteral("acme"))
                     ->value(QLatin1String("identifier"))
                     .toString(),
                 QString::fromLatin1(sandbox::demo::kAcmeIdentifier));
    }

    void conflictEditInsteadKeepsWhatWasTyped()
    {
        QWidget window;
        window.show();
        SsoWorkflow workflow(env->client.get(), &window);
        QPointer<SsoEnableWizard> d = workflow.enableSso(env->organization("acme"));
        QVERIFY(d);
        QSignalSpy found(d.data(), &SsoEnableWizard::existingConnectionFound);
        QSignalSpy updated(&workflow, &SsoWorkflow::connectionChanged);
        fill(d, QStringLiteral("https://acme.example.org"),
             QString::fromLatin1(sandbox::demo::kAcmeClientId));
        enableButton(d)->click();
        QVERIFY(found.wait(10000));
        updated.clear(); // the 409 itself reported the existing connection
        button(d, "editInsteadButton")->click();
        QTRY_VERIFY(d.isNull());
        auto *edit = qobject_cast<SsoDialog *>(workflow.activeDialog());
        QVERIFY(edit);
        QCOMPARE(edit->form()->mode(), SsoConnectionForm::Mode::Edit);
        QCOMPARE(ssotest::edit(edit, "issuerEdit")->text(),
                 QStringLiteral("https://acme.example.org"));
        QVERIFY(ssotest::edit(edit, "organizationEdit")->isReadOnly());
        QCOMPARE(button(edit, "submitButton")->text(), QStringLiteral("Review changes…"));
        button(edit, "submitButton")->click();
        QVERIFY(edit->isReviewing());
        const QStringList lines = child<SsoChangeSummary>(edit, "changeSummary")->lines();
        QCOMPARE(lines, QStringList{QStringLiteral(
                            "Issuer URL: https://acme.okta.com → https://acme.example.org")});
        edit->form()->checklist()->cancel(); // no network for acme.example.org here
        // Save once the review knows who would lose sign-in (acme keeps two administrators).
        QTRY_VERIFY_WITH_TIMEOUT(button(edit, "submitButton")->isEnabled(), 10000);
        button(edit, "submitButton")->click();
        QVERIFY(updated.wait(10000));
        const auto patches = env->requestsEndingWith("PATCH", ssoPath("acme"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().jsonBody(),
                 (QJsonObject{
                     {QStringLiteral("identifier"), QStringLiteral("https://acme.example.org")}}));
    }

    void cancelAbortsAndKeepsTheForm()
    {
        env->server->setLatency(3000);
        auto d = openEnable("globex");
        QSignalSpy enabled(d.data(), &SsoEnableWizard::ssoEnabled);
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        enableButton(d)->click();
        QVERIFY(d->isBusy());
        QCOMPARE(labelText(d, "busyLabel"), QStringLiteral("Enabling SSO…"));
        screenshot(d, QStringLiteral("enable-busy"));
        button(d, "cancelButton")->click();
        QTRY_VERIFY(!d->isBusy());
        QVERIFY(d->isVisible()); // Cancel while busy stops the request, not the wizard
        QVERIFY(labelText(d, "bannerText").contains(QStringLiteral("Cancelled")));
        QVERIFY(button(d, "retryButton")->isVisible());
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://globex.okta.com"));
        env->server->setLatency(0);
        button(d, "retryButton")->click();
        QVERIFY(enabled.wait(10000));
        QVERIFY(env->server->connection(QStringLiteral("globex")));
    }

    void serverValidationErrorIsShownAtItsField()
    {
        const sandbox::ScriptedResponse rejected{
            400,
            R"({"message":"identifier: issuer is not reachable","code":"validation_error","status":400,"field":"identifier"})",
            std::nullopt, std::nullopt};
        env->server->scriptResponses("POST", ssoPath("globex"), {rejected});
        auto d = openEnable("globex");
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        enableButton(d)->click();
        // Back on the Provider page, at the field the server named.
        QTRY_COMPARE_WITH_TIMEOUT(d->currentId(), int(SsoEnableWizard::ProviderPageId), 10000);
        QCOMPARE(labelText(d, "issuerMessage"), QStringLiteral("Issuer is not reachable"));
        QVERIFY(!d->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(edit(d, "clientIdEdit")->text(), QStringLiteral("0oaGlobex"));
        screenshot(d, QStringLiteral("enable-server-validation"));
        edit(d, "issuerEdit")->setText(QStringLiteral("https://globex.okta.com/"));
        QVERIFY(labelText(d, "issuerMessage").isEmpty());
        QVERIFY(d->button(QWizard::NextButton)->isEnabled());
    }

    void permissionDeniedExplainsWhy()
    {
        auto d = openEnable("stark");
        fill(d, QStringLiteral("https://stark.okta.com"), QStringLiteral("0oaStark"));
        enableButton(d)->click();
        QTRY_VERIFY_WITH_TIMEOUT(child(d, "banner")->isVisible(), 10000);
        QVERIFY(labelText(d, "bannerText").contains(QStringLiteral("organizations.update")));
        QVERIFY(!env->server->connection(QStringLiteral("stark")));
    }
};

QTEST_MAIN(TestSsoDialog)
#include "test_sso_dialog.moc"
