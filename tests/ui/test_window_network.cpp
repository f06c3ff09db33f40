// keycard-admin on enterprise networks: a proxy variable that cannot be used, and a server
// whose certificate comes from a private CA, are explained in the window's message bar, in
// the same words keycardctl prints.

#include "MessageBar.h"
#include "PrivateCa.h"
#include "TlsStub.h"
#include "WindowTestSupport.h"

#include <QNetworkAccessManager>

using namespace keycard;
using namespace keycard::test;

class TestWindowNetwork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        useTemporarySettings(m_settings, QStringLiteral("test_window_network"));
    }

    void unusableProxyIsNamedInTheWindow()
    {
        // As keycard-admin starts: the configuration from the process environment.
        qputenv("https_proxy", "https://127.0.0.2:3128");
        qputenv("KEYCARD_API_BASE_URL", "https://keycard.test");
        qputenv("KEYCARD_API_API_KEY", "ready-token");
        const ClientConfig config = ClientConfig::fromEnvironment();
        qunsetenv("https_proxy");
        qunsetenv("KEYCARD_API_BASE_URL");
        qunsetenv("KEYCARD_API_API_KEY");
        QNetworkAccessManager nam;
        KeycardClient client(&nam, config);
        MainWindow window;
        window.setPersistSettings(false);
        SessionInfo session;
        session.source = SessionInfo::Source::Environment;
        session.baseUrl = config.baseUrl;
        window.setClient(&client, session);
        window.show();
        auto *banner = window.findChild<MessageBar *>(QStringLiteral("listErrorBanner"));
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("https_proxy=https://127.0.0.2:3128")),
                 qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("cannot be used as a proxy")),
                 qPrintable(banner->text()));
        screenshot(&window, QStringLiteral("proxy-refused"));
    }

    void privateCaIsExplainedInTheWindow()
    {
        testsupport::PrivateCa ca;
        QString why;
        QVERIFY2(ca.make(&why), qPrintable(why));
        testsupport::TlsStub stub(ca.serverCertificate(), ca.serverKey(), QByteArray());
        ClientConfig config;
        config.baseUrl = stub.baseUrl();
        config.credentials = Credentials::bearerToken(Secret(QStringLiteral("ready-token")));
        config.proxies = ProxyEnvironment();
        config.tls = TlsTrust();
        QNetworkAccessManager nam;
        KeycardClient client(&nam, config);
        MainWindow window;
        window.setPersistSettings(false);
        SessionInfo session;
        session.source = SessionInfo::Source::Environment;
        session.baseUrl = config.baseUrl;
        window.setClient(&client, session);
        window.show();
        auto *banner = window.findChild<MessageBar *>(QStringLiteral("listErrorBanner"));
        QTRY_VERIFY(banner->isVisible());
        const QString text = banner->text();
        QVERIFY2(text.contains(QLatin1String(testsupport::PrivateCa::kCaName)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("does not trust")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Additional CA certificates")), qPrintable(text));
        screenshot(&window, QStringLiteral("private-ca"));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWindowNetwork)
#include "test_window_network.moc"
