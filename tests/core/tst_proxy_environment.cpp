// The proxy variables read with curl's rules (ProxyEnvironment): which variable counts, the
// value's syntax, no_proxy, loopback, and every value we cannot use refused by name.

#include "ProxyEnvironment.h"

#include <QTest>

using namespace keycard;

namespace {

QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment e;
    for (const auto &[name, value] : vars)
        e.insert(QLatin1String(name), QLatin1String(value));
    return e;
}

const QUrl kApi(QStringLiteral("https://keycard.test/organizations"));

} // namespace

class TestProxyEnvironment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noVariablesMeansDirect()
    {
        const ProxyChoice c = ProxyEnvironment::fromEnvironment({}).choose(kApi);
        QVERIFY(c.isDirect());
        QVERIFY(!c.problem);
        QVERIFY(ProxyEnvironment().choose(kApi).isDirect());
    }

    void whichVariable_data()
    {
        QTest::addColumn<QProcessEnvironment>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("variable"); // empty: direct
        QTest::addColumn<QString>("address");
        QTest::newRow("https_proxy")
            << env({{"https_proxy", "http://10.1.1.1:3128"}}) << kApi.toString() << "https_proxy"
            << "10.1.1.1:3128";
        QTest::newRow("HTTPS_PROXY")
            << env({{"HTTPS_PROXY", "http://10.1.1.2:3128"}}) << kApi.toString() << "HTTPS_PROXY"
            << "10.1.1.2:3128";
        QTest::newRow("lower case wins")
            << env({{"HTTPS_PROXY", "http://10.1.1.2:3128"}, {"https_proxy", "10.1.1.1:8080"}})
            << kApi.toString() << "https_proxy"
            << "10.1.1.1:8080";
        QTest::newRow("empty lower case wins: direct")
            << env({{"HTTPS_PROXY", "http://10.1.1.2:3128"}, {"https_proxy", ""}})
            << kApi.toString() << ""
            << "";
        QTest::newRow("http_proxy not for https")
            << env({{"http_proxy", "http://10.1.1.3:3128"}}) << kApi.toString() << ""
            << "";
        QTest::newRow("http_proxy for http")
            << env({{"http_proxy", "http://10.1.1.3:3128"}}) << "http://keycard.test/x"
            << "http_proxy"
            << "10.1.1.3:3128";
        QTest::newRow("HTTP_PROXY for http")
            << env({{"HTTP_PROXY", "http://10.1.1.3:3128"}}) << "http://keycard.test/x"
            << "HTTP_PROXY"
            << "10.1.1.3:3128";
        QTest::newRow("all_proxy")
            << env({{"all_proxy", "socks5h://10.1.1.4"}}) << kApi.toString() << "all_proxy"
            << "10.1.1.4:1080";
        QTest::newRow("ALL_PROXY")
            << env({{"ALL_PROXY", "10.1.1.5:9"}}) << kApi.toString() << "ALL_PROXY"
            << "10.1.1.5:9";
        QTest::newRow("https_proxy before all_proxy")
            << env({{"all_proxy", "10.1.1.4:1"}, {"HTTPS_PROXY", "10.1.1.2:2"}}) << kApi.toString()
            << "HTTPS_PROXY"
            << "10.1.1.2:2";
        QTest::newRow("no scheme is http, default port 1080")
            << env({{"https_proxy", "proxy.corp"}}) << kApi.toString() << "https_proxy"
            << "proxy.corp:1080";
        QTest::newRow("ipv6 proxy")
            << env({{"https_proxy", "http://[fd00::1]:3128/"}}) << kApi.toString() << "https_proxy"
            << "[fd00::1]:3128";
        // Loopback never goes through a proxy, whatever the variables say.
        for (const char *host :
             {"127.0.0.1", "127.0.0.2", "localhost", "api.localhost", "LOCALHOST", "[::1]"}) {
            QTest::newRow(qPrintable(QStringLiteral("loopback %1").arg(QLatin1String(host))))
                << env({{"https_proxy", "http://10.1.1.1:3128"}, {"all_proxy", "10.1.1.1:1"}})
                << QStringLiteral("https://%1:8443/x").arg(QLatin1String(host)) << ""
                << "";
        }
        QTest::newRow("loopback even with a bad value")
            << env({{"https_proxy", "https://127.0.0.2:3128"}}) << "https://127.0.0.1/"
            << ""
            << "";
    }
    void whichVariable()
    {
        QFETCH(QProcessEnvironment, environment);
        QFETCH(QString, url);
        QFETCH(QString, variable);
        QFETCH(QString, address);
        const ProxyChoice c = ProxyEnvironment::fromEnvironment(environment).choose(QUrl(url));
        QVERIFY2(!c.problem, qPrintable(c.problem.value_or(QString())));
        QCOMPARE(c.variable, variable);
        QCOMPARE(c.address(), address);
        QCOMPARE(c.isDirect(), variable.isEmpty());
    }

    void valueDetails()
    {
        ParsedProxy p = parseProxyValue(QStringLiteral("https_proxy"),
                                        QStringLiteral("http://al%40ice:p%3Ass@10.0.0.1:3128"));
        QVERIFY(!p.problem);
        QCOMPARE(p.proxy.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(p.proxy.user(), QStringLiteral("al@ice"));
        QCOMPARE(p.proxy.password(), QStringLiteral("p:ss"));
        p = parseProxyValue(QStringLiteral("all_proxy"), QStringLiteral("socks5://10.0.0.1"));
        QCOMPARE(p.proxy.type(), QNetworkProxy::Socks5Proxy);
        QVERIFY(!(p.proxy.capabilities() & QNetworkProxy::HostNameLookupCapability));
        p = parseProxyValue(QStringLiteral("all_proxy"), QStringLiteral("SOCKS5H://10.0.0.1"));
        QCOMPARE(p.proxy.type(), QNetworkProxy::Socks5Proxy);
        QVERIFY(p.proxy.capabilities() & QNetworkProxy::HostNameLookupCapability);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("https proxy") << "https://127.0.0.2:3128"
                                     << "https://";
        QTest::newRow("broken ipv6") << "http://[invalid"
                                     << "not a valid URL";
        QTest::newRow("socks4") << "socks4://10.0.0.1:1080"
                                << "SOCKS4";
        QTest::newRow("unknown scheme") << "ftp://10.0.0.1"
                                        << "\"ftp\"";
        QTest::newRow("pac file") << "http://wpad.corp/proxy.pac"
                                  << ".pac";
        QTest::newRow("query") << "http://10.0.0.1:3128?x=1"
                               << "query";
        QTest::newRow("port zero") << "http://10.0.0.1:0"
                                   << "port 0";
        QTest::newRow("port too large") << "10.0.0.1:70000"
                                        << "not a valid URL";
        QTest::newRow("space") << "http://10.0.0.1 :3128"
                               << "spaces";
        QTest::newRow("no host") << "http://:3128"
                                 << "host";
    }
    void refused()
    {
        QFETCH(QString, value);
        QFETCH(QString, reason);
        QProcessEnvironment e;
        e.insert(QStringLiteral("https_proxy"), value);
        const ProxyChoice c = ProxyEnvironment::fromEnvironment(e).choose(kApi);
        QVERIFY(c.problem);
        QCOMPARE(c.variable, QStringLiteral("https_proxy"));
        QVERIFY2(c.problem->startsWith(QStringLiteral("https_proxy=")), qPrintable(*c.problem));
        QVERIFY2(c.problem->contains(reason), qPrintable(*c.problem));
    }

    void refusalNeverShowsThePassword()
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("https://bob:hunter2@10.0.0.1:1"));
        const ProxyChoice c = ProxyEnvironment::fromEnvironment(e).choose(kApi);
        QVERIFY(c.problem);
        QVERIFY2(!c.problem->contains(QStringLiteral("hunter2")), qPrintable(*c.problem));
        QVERIFY2(!c.problem->contains(QStringLiteral("bob")), qPrintable(*c.problem));
        QVERIFY(
            c.problem->contains(QStringLiteral("HTTPS_PROXY=https://<credentials>@10.0.0.1:1")));
    }

    void noProxy_data()
    {
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("bypass");
        QTest::newRow("star") << "*"
                              << "keycard.test" << true;
        QTest::newRow("star in a list") << "corp.example, *"
                                        << "keycard.test" << true;
        QTest::newRow("exact") << "keycard.test"
                               << "keycard.test" << true;
        QTest::newRow("suffix") << "test"
                                << "api.keycard.test" << true;
        QTest::newRow("leading dot") << ".keycard.test"
                                     << "api.keycard.test" << true;
        QTest::newRow("leading dot, the domain itself") << ".keycard.test"
                                                        << "keycard.test" << true;
        QTest::newRow("star dot") << "*.keycard.test"
                                  << "api.keycard.test" << true;
        QTest::newRow("not a label boundary") << "card.test"
                                              << "keycard.test" << false;
        QTest::newRow("case") << "KEYCARD.Test"
                              << "keycard.TEST" << true;
        QTest::newRow("port ignored") << "keycard.test:443"
                                      << "keycard.test" << true;
        QTest::newRow("spaces and commas") << " a.example ,, keycard.test  b.example"
                                           << "keycard.test" << true;
        QTest::newRow("other") << "example.com"
                               << "keycard.test" << false;
        QTest::newRow("ip") << "10.0.0.1"
                            << "10.0.0.1" << true;
        QTest::newRow("cidr") << "10.0.0.0/8"
                              << "10.200.3.4" << true;
        QTest::newRow("cidr outside") << "10.0.0.0/8"
                                      << "11.0.0.1" << false;
        QTest::newRow("ipv6") << "[fd00::1]"
                              << "fd00::1" << true;
        QTest::newRow("ipv6 cidr") << "fd00::/8"
                                   << "fd00::1" << true;
        QTest::newRow("domain does not match ip") << "test"
                                                  << "10.0.0.1" << false;
        QTest::newRow("empty") << ""
                               << "keycard.test" << false;
        QTest::newRow("trailing dot host") << "keycard.test"
                                           << "keycard.test." << true;
    }
    void noProxy()
    {
        QFETCH(QString, noProxy);
        QFETCH(QString, host);
        QFETCH(bool, bypass);
        QCOMPARE(noProxyMatches(noProxy, host), bypass);
    }

    void noProxyVariables()
    {
        // no_proxy wins over NO_PROXY; a bypassed host does not need a usable proxy value.
        QProcessEnvironment e = env({{"https_proxy", "https://10.0.0.1:1"},
                                     {"NO_PROXY", "example.com"},
                                     {"no_proxy", "keycard.test"}});
        ProxyChoice c = ProxyEnvironment::fromEnvironment(e).choose(kApi);
        QVERIFY(c.isDirect());
        QVERIFY(!c.problem);
        e.remove(QStringLiteral("no_proxy"));
        c = ProxyEnvironment::fromEnvironment(e).choose(kApi);
        QVERIFY(c.problem);
        e.insert(QStringLiteral("NO_PROXY"), QStringLiteral(".test"));
        QVERIFY(ProxyEnvironment::fromEnvironment(e).choose(kApi).isDirect());
    }
};

QTEST_GUILESS_MAIN(TestProxyEnvironment)
#include "tst_proxy_environment.moc"
