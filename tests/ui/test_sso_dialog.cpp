// The Enable / Edit SSO dialog driven offscreen against the in-process sandbox.
#include "FieldRules.h"
#include "SsoChangeSummary.h"
#include "SsoConnectionForm.h"
#include "SsoDialog.h"
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

    QPointer<SsoDialog> openEnable(const char *label)
    {
        auto *d = new SsoDialog(env->client.get(), env->organization(label));
        d->show();
        return d;
    }

    static void fill(QWidget *d, const QString &issuer, const QString &clientId,
                     const QString &secret = {})
    {
        edit(d, "issuerEdit")->setText(issuer);
        edit(d, "clientIdEdit")->setText(clientId);
        edit(d, "clientSecretEdit")->setText(secret);
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
        QCOMPARE(edit(d, "organizationEdit")->text(), QStringLiteral("globex"));
        QVERIFY(!button(d, "submitButton")->isEnabled());
        const QString tip = button(d, "submitButton")->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("Issuer URL: Required")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Client ID: Required")), qPrintable(tip));
        QVERIFY(edit(d, "issuerEdit")->placeholderText().contains(QStringLiteral("okta.com")));
        QCOMPARE(edit(d, "clientSecretEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(labelText(d, "clientSecretNote").contains(QStringLiteral("encrypted")));
        QVERIFY(!child(d, "advancedBody")->isVisible()); // Advanced is collapsed
        QVERIFY(rules::isUuid(edit(d, "requestIdEdit")->text()));
        screenshot(d, QStringLiteral("enable-empty"));

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
        issuer->setFocus();
        QTest::keyClicks(issuer, QStringLiteral("http://globex.okta.com"));
        QCOMPARE(issuer->text(), QStringLiteral("http://globex.okta.com")); // nothing swallowed
        QTest::keyClicks(edit(d, "clientIdEdit"), QStringLiteral("0oaGlobex"));
        QVERIFY(!button(d, "submitButton")->isEnabled());
        QCOMPARE(labelText(d, "issuerMessage"),
                 QStringLiteral("Must use https:// (http:// only for localhost)"));
        QVERIFY(child(d, "issuerMessage")->isVisible());
        QVERIFY(button(d, "submitButton")
                    ->toolTip()
                    .contains(QStringLiteral("Issuer URL: Must use https://")));
        screenshot(d, QStringLiteral("enable-invalid-http"));

        QVERIFY(button(d, "issuerFix")->isVisible());
        button(d, "issuerFix")->click();
        QCOMPARE(issuer->text(), QStringLiteral("https://globex.okta.com"));
        QVERIFY(labelText(d, "issuerMessage").isEmpty()); // its line stays reserved
        QVERIFY(button(d, "submitButton")->isEnabled());

        // A pasted discovery-document address is offered as the bare issuer.
        issuer->setText(QStringLiteral("https://globex.okta.com/.well-known/openid-configuration"));
        QVERIFY(!button(d, "submitButton")->isEnabled());
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
        QVERIFY(!button(d, "submitButton")->isEnabled());

        // A malformed request id blocks submitting too.
        issuer->setText(QStringLiteral("https://globex.okta.com"));
        QVERIFY(button(d, "submitButton")->isEnabled());
        button(d, "advancedToggle")->click();
        edit(d, "requestIdEdit")->setText(QStringLiteral("not-a-uuid"));
        QCOMPARE(labelText(d, "requestIdMessage"), QStringLiteral("Not a UUID"));
        QVERIFY(!button(d, "submitButton")->isEnabled());
        QVERIFY(button(d, "submitButton")
                    ->toolTip()
                    .contains(QStringLiteral("Request ID: Not a UUID")));
        screenshot(d, QStringLiteral("enable-invalid-advanced"));
        QCOMPARE(env->requestsEndingWith("POST", ssoPath("globex")).size(), 0);
    }

    void validSubmitCreatesConnectionWithExactlyTheFilledFields()
    {
        auto d = openEnable("globex");
        QSignalSpy enabled(d.data(), &SsoDialog::ssoEnabled);
        fill(d, QStringLiteral(" https://globex.okta.com "), QStringLiteral("0oaGlobex123"),
             QStringLiteral("globex-secret"));
        edit(d, "issuerEdit")->setText(edit(d, "issuerEdit")->text().trimmed());
        const QString requestId = edit(d, "requestIdEdit")->text();
        button(d, "submitButton")->click();
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
        QSignalSpy enabled(d.data(), &SsoDialog::ssoEnabled);
        fill(d, QStringLiteral("https://umbrella.example.com"), QStringLiteral("umbrella-app"));
        button(d, "advancedToggle")->click();
        edit(d, "tokenEndpointEdit")->setText(QStringLiteral("https://umbrella.example.com/token"));
        edit(d, "scopesEdit")->setText(QStringLiteral("openid, email profile"));
        edit(d, "userinfoEndpointEdit")->setText(QStringLiteral("https://umbrella.example.com/me"));
        screenshot(d, QStringLiteral("enable-advanced"));
        button(d, "submitButton")->click();
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
        QSignalSpy enabled(d.data(), &SsoDialog::ssoEnabled);
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"),
             QStringLiteral("keep-me"));
        button(d, "advancedToggle")->click();
        edit(d, "jwksUriEdit")->setText(QStringLiteral("https://globex.okta.com/keys"));
        const QString requestId = edit(d, "requestIdEdit")->text();
        button(d, "submitButton")->click();
        QVERIFY(d->isBusy());
        QVERIFY(child(d, "busyIndicator")->isVisible());
        QVERIFY(edit(d, "issuerEdit")->isReadOnly());
        QVERIFY(!button(d, "submitButton")->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(button(d, "retryButton")->isVisible(), 10000);
        QVERIFY(!d->isBusy());
        // What the banner says, as a screen reader reads it (the request id on its own line).
        const QString banner = child(d, "banner")->accessibleDescription();
        QVERIFY2(banner.contains(QStringLiteral("Server error")), qPrintable(banner));
        QVERIFY2(banner.contains(requestId), qPrintable(banner));
        QVERIFY(!banner.contains(QStringLiteral("keep-me")));
        // Nothing typed was lost, and the form is editable again.
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://globex.okta.com"));
        QCOMPARE(edit(d, "clientIdEdit")->text(), QStringLiteral("0oaGlobex"));
        QCOMPARE(edit(d, "clientSecretEdit")->text(), QStringLiteral("keep-me"));
        QCOMPARE(edit(d, "jwksUriEdit")->text(), QStringLiteral("https://globex.okta.com/keys"));
        QCOMPARE(edit(d, "requestIdEdit")->text(), requestId);
        QVERIFY(!edit(d, "issuerEdit")->isReadOnly());
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
        QSignalSpy enabled(d.data(), &SsoDialog::ssoEnabled);
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        const QString requestId = edit(d, "requestIdEdit")->text();
        button(d, "submitButton")->click();
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
        QSignalSpy found(d.data(), &SsoDialog::existingConnectionFound);
        QSignalSpy view(d.data(), &SsoDialog::viewConnectionRequested);
        fill(d, QStringLiteral("https://acme.example.org"), QStringLiteral("other-client"));
        button(d, "submitButton")->click();
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
        auto d = openEnable("acme");
        QSignalSpy found(d.data(), &SsoDialog::existingConnectionFound);
        QSignalSpy updated(d.data(), &SsoDialog::ssoUpdated);
        fill(d, QStringLiteral("https://acme.example.org"),
             QString::fromLatin1(sandbox::demo::kAcmeClientId));
        button(d, "submitButton")->click();
        QVERIFY(found.wait(10000));
        button(d, "editInsteadButton")->click();
        QCOMPARE(d->form()->mode(), SsoConnectionForm::Mode::Edit);
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://acme.example.org"));
        QVERIFY(edit(d, "organizationEdit")->isReadOnly());
        QCOMPARE(button(d, "submitButton")->text(), QStringLiteral("Review changes…"));
        button(d, "submitButton")->click();
        QVERIFY(d->isReviewing());
        const QStringList lines = child<SsoChangeSummary>(d, "changeSummary")->lines();
        QCOMPARE(lines, QStringList{QStringLiteral(
                            "Issuer URL: https://acme.okta.com → https://acme.example.org")});
        button(d, "submitButton")->click();
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
        QSignalSpy enabled(d.data(), &SsoDialog::ssoEnabled);
        fill(d, QStringLiteral("https://globex.okta.com"), QStringLiteral("0oaGlobex"));
        button(d, "submitButton")->click();
        QVERIFY(d->isBusy());
        QCOMPARE(labelText(d, "busyLabel"), QStringLiteral("Enabling SSO…"));
        screenshot(d, QStringLiteral("enable-busy"));
        button(d, "cancelButton")->click();
        QTRY_VERIFY(!d->isBusy());
        QVERIFY(d->isVisible()); // Cancel while busy stops the request, not the dialog
        QVERIFY(labelText(d, "bannerText").contains(QStringLiteral("Cancelled")));
        QVERIFY(button(d, "retryButton")->isVisible());
        QCOMPARE(edit(d, "issuerEdit")->text(), QStringLiteral("https://globex.okta.com"));
        QVERIFY(!edit(d, "issuerEdit")->isReadOnly());
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
        button(d, "submitButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child(d, "banner")->isVisible(), 10000);
        QCOMPARE(labelText(d, "issuerMessage"), QStringLiteral("Issuer is not reachable"));
        QVERIFY(!button(d, "retryButton")->isVisible());
        QVERIFY(!button(d, "submitButton")->isEnabled());
        QCOMPARE(edit(d, "clientIdEdit")->text(), QStringLiteral("0oaGlobex"));
        screenshot(d, QStringLiteral("enable-server-validation"));
        edit(d, "issuerEdit")->setText(QStringLiteral("https://globex.okta.com/"));
        QVERIFY(labelText(d, "issuerMessage").isEmpty());
        QVERIFY(button(d, "submitButton")->isEnabled());
    }

    void permissionDeniedExplainsWhy()
    {
        auto d = openEnable("stark");
        fill(d, QStringLiteral("https://stark.okta.com"), QStringLiteral("0oaStark"));
        button(d, "submitButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child(d, "banner")->isVisible(), 10000);
        QVERIFY(labelText(d, "bannerText").contains(QStringLiteral("organizations.update")));
        QVERIFY(!env->server->connection(QStringLiteral("stark")));
    }
};

QTEST_MAIN(TestSsoDialog)
#include "test_sso_dialog.moc"
