// The Endpoints pane's comparison with the identity provider: what the issuer check learned,
// next to what Keycard returns. Fetches only on request (or reuses a check the Enable SSO form
// made), never with credentials; cancel and unreachable providers.

#include "EndpointsPane.h"
#include "IssuerCheck.h"
#include "IssuerComparison.h"
#include "SandboxServer.h"
#include "Translations.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace keycard;

class TestEndpointsComparison : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<EndpointsPane> pane;

    QString issuer(const QString &scenario) const
    {
        return server->baseUrl().toString() + QStringLiteral("/idp/") + scenario;
    }

    // Keycard's connection for this issuer: the mock provider's endpoints, except the token
    // endpoint, and no JWKS URI.
    SsoConnection connection(const QString &identifier) const
    {
        SsoConnection c;
        c.id = QStringLiteral("conn_1");
        c.identifier = identifier;
        OAuth2Settings oauth;
        oauth.authorizationEndpoint = identifier + QStringLiteral("/authorize");
        oauth.tokenEndpoint = QStringLiteral("https://elsewhere.example/token");
        oauth.codeChallengeMethodsSupported = QStringList{QStringLiteral("S256")};
        c.protocols = SsoProtocols{oauth, std::nullopt};
        return c;
    }

    int idpRequests() const
    {
        int count = 0;
        for (const auto &r : server->requests())
            count += r.path.startsWith(QLatin1String("/idp/")) ? 1 : 0;
        return count;
    }

    QString text(const char *name) const
    {
        auto *label = pane->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }
    QPushButton *button(const char *name) const
    {
        return pane->findChild<QPushButton *>(QLatin1String(name));
    }
    bool tableShown() const
    {
        auto *verdict = pane->findChild<QLabel *>(QStringLiteral("idpIssuerVerdict"));
        return verdict && verdict->isVisible();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The English catalogue, as the application loads it: plurals read right.
        QCOMPARE(i18n::installTranslations(qApp, QLocale(QLocale::English)), QStringLiteral("en"));
    }
    void init()
    {
        oidc::CheckHistory::clear();
        server = std::make_unique<sandbox::SandboxServer>();
        QVERIFY(server->listen());
        pane = std::make_unique<EndpointsPane>();
        pane->resize(900, 900);
        pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
    }
    void cleanup()
    {
        pane.reset();
        server.reset();
    }

    void nothingIsFetchedUntilAsked()
    {
        pane->showConnection(connection(issuer(QStringLiteral("good"))));
        QVERIFY(text("idpComparisonStatus").startsWith(QLatin1String("Not compared yet")));
        QVERIFY(text("idpComparisonStatus")
                    .contains(QLatin1String("/.well-known/openid-configuration")));
        QVERIFY(!tableShown());
        QVERIFY(button("idpCompareButton")->isVisible());
        QCOMPARE(idpRequests(), 0);
    }

    void compareShowsEachRowNextToKeycard()
    {
        pane->showConnection(connection(issuer(QStringLiteral("good"))));
        button("idpCompareButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(tableShown(), 10000);
        QCOMPARE(text("idpIssuerVerdict"), QStringLiteral("✓ Same as Keycard"));
        QCOMPARE(text("idpAuthorizationEndpointVerdict"), QStringLiteral("✓ Same as Keycard"));
        QCOMPARE(text("idpTokenEndpointVerdict"), QStringLiteral("≠ Keycard has another value"));
        QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("idpTokenEndpointVerdict"))->toolTip(),
                 QStringLiteral("Keycard: https://elsewhere.example/token"));
        QCOMPARE(text("idpTokenEndpointValue"),
                 issuer(QStringLiteral("good")) + QStringLiteral("/token"));
        QCOMPARE(text("idpJwksUriVerdict"), QStringLiteral("Keycard has none"));
        QCOMPARE(text("idpCodeChallengeMethodsSupportedVerdict"),
                 QStringLiteral("✓ Same as Keycard"));
        QVERIFY(text("idpComparisonStatus").contains(QLatin1String("1 value differs")));
        // One sentence says whether the rows Keycard leaves empty ask for anything.
        QVERIFY2(text("idpComparisonStatus")
                     .contains(QStringLiteral("“Keycard has none” needs no action: Keycard "
                                              "discovers these values")),
                 qPrintable(text("idpComparisonStatus")));
        QCOMPARE(button("idpCompareButton")->text(), QStringLiteral("Co&mpare again"));
        QVERIFY(idpRequests() > 0);
        for (const auto &r : server->requests()) {
            if (r.path.startsWith(QLatin1String("/idp/")))
                QVERIFY(!r.headers.contains("authorization"));
        }
    }

    void aCheckMadeEarlierIsShownWithoutFetching()
    {
        // As the Enable SSO form does before the connection exists.
        oidc::IssuerCheck check;
        QSignalSpy finished(&check, &oidc::IssuerCheck::finished);
        QVERIFY(!check.start(issuer(QStringLiteral("no-s256"))));
        QVERIFY(finished.wait(10000));
        const int before = idpRequests();

        pane->showConnection(connection(issuer(QStringLiteral("no-s256"))));
        QVERIFY(tableShown());
        QCOMPARE(text("idpCodeChallengeMethodsSupportedValue"), QStringLiteral("plain"));
        QCOMPARE(text("idpCodeChallengeMethodsSupportedVerdict"),
                 QStringLiteral("≠ Keycard has another value"));
        QCOMPARE(idpRequests(), before);

        QCOMPARE(button("idpCompareButton")->text(), QStringLiteral("Co&mpare again"));

        // Another connection, with an issuer never checked: not compared, and the button does
        // not offer to compare "again".
        pane->showConnection(connection(issuer(QStringLiteral("good"))));
        QVERIFY(!tableShown());
        QVERIFY(text("idpComparisonStatus").startsWith(QLatin1String("Not compared yet")));
        QCOMPARE(button("idpCompareButton")->text(), QStringLiteral("Co&mpare"));
    }

    void unreachableProviderSaysWhy()
    {
        pane->showConnection(connection(issuer(QStringLiteral("404"))));
        button("idpCompareButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            text("idpComparisonStatus").contains(QLatin1String("could not be read")), 10000);
        QVERIFY(text("idpComparisonStatus").contains(QLatin1String("404")));
        QVERIFY(!tableShown());
    }

    void slowComparisonCanBeCancelled()
    {
        pane->showConnection(connection(issuer(QStringLiteral("slow"))));
        button("idpCompareButton")->click();
        QTRY_VERIFY(button("idpCompareCancel")->isVisible());
        QVERIFY(!button("idpCompareButton")->isVisible());
        QVERIFY(text("idpComparisonStatus").startsWith(QLatin1String("Reading ")));
        button("idpCompareCancel")->click();
        QCOMPARE(text("idpComparisonStatus"), QStringLiteral("Comparison cancelled."));
        QVERIFY(button("idpCompareButton")->isVisible());
        QVERIFY(!tableShown());
    }
};

QTEST_MAIN(TestEndpointsComparison)
#include "test_endpoints_comparison.moc"
