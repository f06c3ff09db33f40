// The Enable SSO wizard walked with the keyboard only (issue 20): Tab order of every page, Enter
// never sends, presets recompute or clear the issuer, a failed check on the Review page, the
// review equals what the server receives, Escape asks before discarding, every page fits
// 1024×768, accessible names and announcements.
#include "Announce.h"
#include "SsoAdvancedSection.h"
#include "Theme.h"
#include "test_sso_support.h"

#include <QAccessible>
#include <QComboBox>
#include <QJsonArray>
#include <QMessageBox>
#include <QScrollArea>
#include <QSignalSpy>
#include <QToolButton>

using namespace keycard;
using namespace keycard::ui;
using namespace ssotest;

namespace {

QStringList g_announced;

void recordAnnouncement(QWidget *source, const QString &message)
{
    g_announced << message;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    // Before Qt 6.8 the alert carries the message as the source's description.
    QCOMPARE(source->accessibleDescription(), message);
#else
    Q_UNUSED(source);
#endif
}

} // namespace

class TestSsoWizard : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> env;

    QString issuer(const char *scenario) const
    {
        return env->server->baseUrl().toString() + QStringLiteral("/idp/") +
               QLatin1String(scenario);
    }

    SsoEnableWizard *open(const char *label = "globex")
    {
        SsoSetupContext context;
        context.sandboxBase = env->server->baseUrl();
        context.redirectUri =
            env->server->baseUrl().toString() + QStringLiteral("/oauth/2/redirect");
        context.saveRedirectUri = [](const QString &) {};
        SsoEnableWizard *w = openWizard(*env, label, context);
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w))
            qWarning("wizard not active");
        return w;
    }

    static QString nameOf(const QWidget *w)
    {
        return w ? w->objectName() : QStringLiteral("<none>");
    }

    // Tab from the focused control until the focus comes back to it (bounded): the names seen.
    static QStringList tabCycle(QWidget *start)
    {
        QStringList seen{nameOf(start)};
        for (int i = 0; i < 60; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            if (now == start)
                return seen;
            seen << nameOf(now);
        }
        seen << QStringLiteral("<no cycle>");
        return seen;
    }

    // Waits until `name` has the focus (focus moves after the page is shown).
    static bool focusIs(const char *name)
    {
        return QTest::qWaitFor(
            [name] { return nameOf(QApplication::focusWidget()) == QLatin1String(name); }, 3000);
    }

    int posts(const char *label) const
    {
        return int(env->requestsEndingWith("POST", ssoPath(label)).size());
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

    void tabCyclesThroughEveryControlInVisualOrder()
    {
        SsoEnableWizard *w = open();
        auto *combo = child<QComboBox>(w, "providerCombo");
        QVERIFY(focusIs("providerCombo")); // focus starts on the page's first field
        combo->setCurrentIndex(combo->findData(QStringLiteral("okta")));
        QTest::keyClick(combo, Qt::Key_Tab);
        QVERIFY2(focusIs("presetField_domain"), qPrintable(nameOf(QApplication::focusWidget())));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("acme.okta.com"));
        combo->setFocus();
        QCOMPARE(tabCycle(combo),
                 (QStringList{"providerCombo", "presetField_domain", "presetField_server",
                              "issuerEdit", "nextButton", "cancelButton"}));
        QCOMPARE(edit(w, "presetField_domain")->text(), QStringLiteral("acme.okta.com"));

        w->next();
        QVERIFY(focusIs("redirectUriEdit"));
        QCOMPARE(tabCycle(QApplication::focusWidget()),
                 (QStringList{"redirectUriEdit", "copyRedirectUriButton", "resetRedirectUriButton",
                              "scopesValue", "copyScopesButton", "backButton", "nextButton",
                              "cancelButton"}));

        w->next();
        QVERIFY(focusIs("clientIdEdit"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("0oaAcme"));
        button(w, "advancedToggle")->click();
        edit(w, "clientIdEdit")->setFocus();
        qWarning("%s", qPrintable(tabCycle(QApplication::focusWidget()).join(QLatin1Char(' '))));
        QCOMPARE(tabCycle(QApplication::focusWidget()),
                 (QStringList{"clientIdEdit", "clientSecretEdit", "revealSecretButton",
                              "advancedToggle", "requestIdEdit", "regenerateRequestIdButton",
                              "authorizationEndpointEdit", "tokenEndpointEdit", "jwksUriEdit",
                              "registrationEndpointEdit", "scopesEdit", "pkceMethodsEdit",
                              "userinfoEndpointEdit", "backButton", "nextButton", "cancelButton"}));
        button(w, "advancedToggle")->click();

        edit(w, "issuerEdit")->setText(issuer("good")); // the sandbox's mock IdP
        w->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        button(w, "checkIssuerButton")->setFocus();
        QCOMPARE(tabCycle(QApplication::focusWidget()),
                 (QStringList{"checkIssuerButton", "backButton", "nextButton", "cancelButton"}));

        w->next();
        QVERIFY(focusIs("submitButton")); // the Review page starts on its Enable SSO button
        QCOMPARE(tabCycle(QApplication::focusWidget()),
                 (QStringList{"submitButton", "cancelButton", "backButton"}));
        QCOMPARE(posts("globex"), 0);
    }

    void keyboardOnlyEnterNeverSends()
    {
        SsoEnableWizard *w = open();
        QVERIFY(focusIs("providerCombo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // "Sandbox IdP"
        QCOMPARE(edit(w, "issuerEdit")->text(), issuer("good"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(SsoEnableWizard::IdpPageId));
        QVERIFY(focusIs("redirectUriEdit"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(SsoEnableWizard::ClientPageId));
        QVERIFY(focusIs("clientIdEdit"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // no client ID: stays
        QCOMPARE(w->currentId(), int(SsoEnableWizard::ClientPageId));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("sandbox-client"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY2(focusIs("clientSecretEdit"), qPrintable(nameOf(QApplication::focusWidget())));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("s3cret"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(SsoEnableWizard::CheckPageId));
        QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        qWarning("focus %s", qPrintable(nameOf(QApplication::focusWidget())));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(SsoEnableWizard::ReviewPageId));
        QVERIFY(focusIs("submitButton"));
        // Enter anywhere on the Review page sends nothing; only the button does.
        QTest::keyClick(w, Qt::Key_Return);
        QTest::keyClick(w, Qt::Key_Enter);
        QCOMPARE(posts("globex"), 0);
        QCOMPARE(w->currentId(), int(SsoEnableWizard::ReviewPageId));
        QCOMPARE(env->server->requests().size() > 0, true);

        QSignalSpy enabled(w, &SsoEnableWizard::ssoEnabled);
        const QStringList review = w->reviewPage()->lines();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(enabled.wait(10000));
        QCOMPARE(posts("globex"), 1);
        const QJsonObject body =
            env->requestsEndingWith("POST", ssoPath("globex")).first().jsonBody();
        QCOMPARE(body, (QJsonObject{{QStringLiteral("identifier"), issuer("good")},
                                    {QStringLiteral("client_id"), QStringLiteral("sandbox-client")},
                                    {QStringLiteral("client_secret"), QStringLiteral("s3cret")}}));
        QVERIFY2(review.contains(QStringLiteral("Issuer URL: ") + issuer("good")),
                 qPrintable(review.join(QLatin1Char('\n'))));
        QVERIFY(review.contains(QStringLiteral("Client ID: sandbox-client")));
        QVERIFY(review.contains(QStringLiteral("Client secret: Set (not shown)")));
    }

    void switchingPresetsRecomputesOrClearsTheIssuer()
    {
        SsoEnableWizard *w = open();
        auto *combo = child<QComboBox>(w, "providerCombo");
        QLineEdit *issuerEdit = edit(w, "issuerEdit");
        auto choose = [combo](const char *id) {
            combo->setCurrentIndex(combo->findData(QLatin1String(id)));
        };
        choose("google");
        QCOMPARE(issuerEdit->text(), QStringLiteral("https://accounts.google.com"));
        // Keycloak with Host and Realm empty has no issuer: never Google's.
        choose("keycloak");
        QCOMPARE(issuerEdit->text(), QString());
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QTest::keyClick(issuerEdit, Qt::Key_Return);
        QCOMPARE(w->currentId(), int(SsoEnableWizard::ProviderPageId));
        edit(w, "presetField_host")->setText(QStringLiteral("sso.example.com"));
        QCOMPARE(issuerEdit->text(), QString()); // the realm is still missing
        edit(w, "presetField_realm")->setText(QStringLiteral("staff"));
        QCOMPARE(issuerEdit->text(), QStringLiteral("https://sso.example.com/realms/staff"));
        edit(w, "presetField_realm")->clear();
        QCOMPARE(issuerEdit->text(), QString());
        // A provider whose issuer is typed starts empty too, and keeps what is typed.
        choose("okta");
        edit(w, "presetField_domain")->setText(QStringLiteral("acme.okta.com"));
        QCOMPARE(issuerEdit->text(), QStringLiteral("https://acme.okta.com"));
        choose("ping");
        QCOMPARE(issuerEdit->text(), QString());
        issuerEdit->setText(QStringLiteral("https://auth.pingone.eu/abc/as"));
        QCOMPARE(issuerEdit->text(), QStringLiteral("https://auth.pingone.eu/abc/as"));
        choose("google");
        QCOMPARE(issuerEdit->text(), QStringLiteral("https://accounts.google.com"));
        choose("");
        QCOMPARE(issuerEdit->text(), QString());
        QCOMPARE(posts("globex"), 0);
    }

    void aFailedCheckShowsOnTheReviewPage()
    {
        SsoEnableWizard *w = open();
        edit(w, "issuerEdit")->setText(issuer("empty-jwks"));
        QVERIFY(goToPage(w, SsoEnableWizard::ClientPageId));
        edit(w, "clientIdEdit")->setText(QStringLiteral("c1"));
        QVERIFY(goToPage(w, SsoEnableWizard::CheckPageId, false));
        QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        QVERIFY(wizardChecklist(w)->hasFailure());
        QVERIFY(goToPage(w, SsoEnableWizard::ReviewPageId, false));
        auto *verdict = child<QLabel>(w, "reviewVerdict");
        QVERIFY2(verdict->text().contains(QStringLiteral("failed the check")),
                 qPrintable(verdict->text()));
        QCOMPARE(verdict->palette().color(QPalette::WindowText),
                 theme::outcomeColor(w->palette(), theme::Outcome::Fail));
        // "Enable anyway" is the only way on; nothing else on the page sends.
        QCOMPARE(enableButton(w)->text(), QStringLiteral("Enable &anyway"));
        QVERIFY(!w->button(QWizard::NextButton)->isVisible());
        screenshot(w, QStringLiteral("wizard-review-failed"));
        QCOMPARE(posts("globex"), 0);
        QSignalSpy enabled(w, &SsoEnableWizard::ssoEnabled);
        enableButton(w)->click();
        QVERIFY(enabled.wait(10000));
        QCOMPARE(env->requestsEndingWith("POST", ssoPath("globex"))
                     .first()
                     .jsonBody()
                     .value(QLatin1String("identifier"))
                     .toString(),
                 issuer("empty-jwks"));
    }

    void theReviewEqualsWhatTheServerReceives()
    {
        SsoEnableWizard *w = open("umbrella");
        auto *combo = child<QComboBox>(w, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("entra")));
        edit(w, "presetField_tenant")
            ->setText(QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47"));
        QVERIFY(goToPage(w, SsoEnableWizard::ClientPageId));
        edit(w, "clientIdEdit")->setText(QStringLiteral("app-umbrella"));
        edit(w, "clientSecretEdit")->setText(QStringLiteral("umbrella-secret"));
        button(w, "advancedToggle")->click();
        edit(w, "tokenEndpointEdit")->setText(QStringLiteral("https://login.example.com/token"));
        QVERIFY(goToPage(w, SsoEnableWizard::ReviewPageId));
        const QString requestId = labelText(w, "reviewRequestId");
        screenshot(w, QStringLiteral("wizard-review"));
        QSignalSpy enabled(w, &SsoEnableWizard::ssoEnabled);
        const QString org = labelText(w, "reviewOrganization");
        const QString provider = labelText(w, "reviewProvider");
        const QString issuerShown = labelText(w, "reviewIssuer");
        const QString clientId = labelText(w, "reviewClientId");
        const QString secret = labelText(w, "reviewClientSecret");
        const QString claim = labelText(w, "reviewExternalIdClaim");
        const QString protocols = labelText(w, "reviewProtocols");
        enableButton(w)->click();
        QVERIFY(enabled.wait(10000));
        const auto post = env->requestsEndingWith("POST", ssoPath("umbrella")).first();
        const QJsonObject body = post.jsonBody();
        QCOMPARE(org, QStringLiteral("Umbrella Research"));
        QCOMPARE(provider, QStringLiteral("Microsoft Entra ID"));
        QCOMPARE(issuerShown, body.value(QLatin1String("identifier")).toString());
        QCOMPARE(clientId, body.value(QLatin1String("client_id")).toString());
        QCOMPARE(secret, QStringLiteral("Set (not shown)"));
        QVERIFY(body.contains(QLatin1String("client_secret")));
        const QJsonObject p = body.value(QLatin1String("protocols")).toObject();
        QCOMPARE(claim, p.value(QLatin1String("openid"))
                            .toObject()
                            .value(QLatin1String("external_id_claim"))
                            .toString());
        QCOMPARE(protocols,
                 QStringLiteral("Token endpoint: ") + p.value(QLatin1String("oauth2"))
                                                          .toObject()
                                                          .value(QLatin1String("token_endpoint"))
                                                          .toString());
        QCOMPARE(requestId, post.requestId());
    }

    void escapeWithTypedValuesAsksBeforeDiscarding()
    {
        QPointer<SsoEnableWizard> w = open();
        QTest::keyClick(w, Qt::Key_Escape); // nothing typed: closes at once
        QTRY_VERIFY(w.isNull());

        w = open();
        QVERIFY(focusIs("providerCombo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("https://idp.example.com"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardBox"))));
        QTRY_VERIFY(box->isVisible());
        QVERIFY(w->isVisible());
        QTest::keyClick(box, Qt::Key_Escape); // Keep editing
        QTRY_VERIFY(!box || !box->isVisible());
        QVERIFY(w);
        QVERIFY(w->isVisible());
        QCOMPARE(edit(w, "issuerEdit")->text(), QStringLiteral("https://idp.example.com"));
        w->reject();
        QTRY_VERIFY((box = w->findChild<QMessageBox *>(QStringLiteral("discardBox"))));
        box->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(w.isNull());
        QCOMPARE(posts("globex"), 0);
    }

    void everyPageFits1024x768()
    {
        SsoEnableWizard *w = open();
        auto *combo = child<QComboBox>(w, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("sandbox")));
        auto fits = [w](const char *what) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            const QSize need = w->minimumSizeHint().expandedTo(w->minimumSize());
            if (need.width() > 1024 || need.height() > 768)
                qWarning("%s needs %dx%d", what, need.width(), need.height());
            return need.width() <= 1024 && need.height() <= 768;
        };
        QVERIFY(fits("provider"));
        w->next();
        QVERIFY(fits("idp"));
        w->next();
        edit(w, "clientIdEdit")->setText(QStringLiteral("c1"));
        button(w, "advancedToggle")->click();
        QVERIFY(fits("client with Advanced"));
        w->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        QVERIFY(fits("check"));
        w->next();
        QVERIFY(fits("review"));
    }

    void controlsAreNamedByTheirLabels()
    {
        SsoEnableWizard *w = open();
        auto *combo = child<QComboBox>(w, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("sandbox")));
        for (int page = SsoEnableWizard::ProviderPageId; page <= SsoEnableWizard::ReviewPageId;
             ++page) {
            if (page == SsoEnableWizard::ClientPageId) {
                edit(w, "clientIdEdit")->setText(QStringLiteral("c1"));
                button(w, "advancedToggle")->click();
            }
            if (page == SsoEnableWizard::CheckPageId)
                QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(),
                                          SsoIssuerChecklist::State::Done, 10000);
            const auto widgets = w->currentPage()->findChildren<QWidget *>();
            for (QWidget *c : widgets) {
                // A selectable label is a stop for assistive technology: never an empty one.
                if (auto *l = qobject_cast<QLabel *>(c);
                    l && l->isVisible() && (l->textInteractionFlags() & Qt::TextSelectableByMouse))
                    QVERIFY2(!l->text().isEmpty(), qPrintable(nameOf(l)));
                if (!c->isVisible() || !(c->focusPolicy() & Qt::TabFocus))
                    continue;
                QAccessibleInterface *a = QAccessible::queryAccessibleInterface(c);
                QVERIFY(a);
                const QString name = a->text(QAccessible::Name);
                QVERIFY2(!name.isEmpty(), qPrintable(nameOf(c)));
                if (auto *e = qobject_cast<QLineEdit *>(c))
                    QVERIFY2(e->text().isEmpty() || name != e->text(), qPrintable(nameOf(c)));
                if (auto *b = qobject_cast<QToolButton *>(c);
                    b && b->text() == QLatin1String("Copy"))
                    QVERIFY2(name.startsWith(QLatin1String("Copy the ")), qPrintable(name));
                QVERIFY2(!qobject_cast<QLabel *>(c) || !qobject_cast<QLabel *>(c)->text().isEmpty(),
                         qPrintable(nameOf(c)));
                QVERIFY2(!qobject_cast<QAbstractScrollArea *>(c), qPrintable(nameOf(c)));
            }
            if (page < SsoEnableWizard::ReviewPageId)
                w->next();
        }
    }

    // Every page walked with the sandbox preset; pictures of them for docs/ on demand
    // (KEYCARD_SCREENSHOT_DIR). Under xvfb-run with a
    // window manager and QT_QPA_PLATFORM=xcb, KEYCARD_SCREENSHOT_SCREEN=1 grabs the window with
    // its frame from the screen and names the pictures after the screen's size.
    void picturesOfEveryPage()
    {
        // Without KEYCARD_SCREENSHOT_DIR the walk runs all the same (and asserts), saving nothing.
        const QString dir = qEnvironmentVariable("KEYCARD_SCREENSHOT_DIR");
        SsoEnableWizard *w = open();
        const bool fromScreen =
            !dir.isEmpty() && qEnvironmentVariableIsSet("KEYCARD_SCREENSHOT_SCREEN");
        const QRect available = w->screen()->availableGeometry();
        w->move(available.center() - w->rect().center());
        // An accessibility walk (AT-SPI) may look at each page meanwhile.
        const int pause = qEnvironmentVariableIntValue("KEYCARD_WIZARD_PAUSE_MS");
        auto shot = [&](const char *name) {
            if (pause > 0)
                QTest::qWait(pause);
            if (!fromScreen) {
                screenshot(w, QLatin1String(name));
                return;
            }
            QTest::qWait(400);
            const QRect frame = w->frameGeometry();
            const QSize screen = w->screen()->geometry().size();
            const QString file =
                QStringLiteral("%1/%2-%3x%4%5.png")
                    .arg(dir, QLatin1String(name))
                    .arg(screen.width())
                    .arg(screen.height())
                    .arg(keycard::test::darkScreenshots() ? QStringLiteral("-dark") : QString());
            w->screen()
                ->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
                .save(file);
        };
        auto *combo = child<QComboBox>(w, "providerCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("sandbox")));
        shot("wizard-1-provider");
        w->next();
        shot("wizard-2-idp");
        w->next();
        QTest::keyClicks(edit(w, "clientIdEdit"), QStringLiteral("sandbox-client"));
        QTest::keyClicks(edit(w, "clientSecretEdit"), QStringLiteral("secret"));
        shot("wizard-3-client");
        w->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        shot("wizard-4-check");
        w->next();
        shot("wizard-5-review");
        QCOMPARE(posts("globex"), 0);
    }

    void outcomesAreAnnounced()
    {
        setAnnouncementObserver(recordAnnouncement);
        g_announced.clear();
        SsoEnableWizard *w = open();
        edit(w, "issuerEdit")->setText(issuer("good"));
        QVERIFY(goToPage(w, SsoEnableWizard::IdpPageId));
        button(w, "copyRedirectUriButton")->click();
        QVERIFY2(g_announced.contains(QStringLiteral("Copied")),
                 qPrintable(g_announced.join(QLatin1Char('|'))));
        QVERIFY(goToPage(w, SsoEnableWizard::ClientPageId));
        edit(w, "clientIdEdit")->setText(QStringLiteral("c1"));
        QVERIFY(goToPage(w, SsoEnableWizard::CheckPageId, false));
        QTRY_COMPARE_WITH_TIMEOUT(wizardChecklist(w)->state(), SsoIssuerChecklist::State::Done,
                                  10000);
        setAnnouncementObserver(nullptr);
        QVERIFY2(g_announced.contains(issuer("good") + QStringLiteral(" passed the check.")),
                 qPrintable(g_announced.join(QLatin1Char('|'))));
    }
};

QTEST_MAIN(TestSsoWizard)
#include "test_sso_wizard.moc"
