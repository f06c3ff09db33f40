#include "ProxyEnvironment.h"

#include "ClientConfig.h"
#include "DisplayText.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QRegularExpression>

namespace keycard {

namespace {

constexpr quint16 kDefaultProxyPort = 1080; // curl's default for a proxy without a port

QString refusal(const QString &variable, const QString &value, const QString &reason)
{
    return QCoreApplication::translate(
               "keycard::net",
               "%1=%2 cannot be used as a proxy: %3. Nothing was sent; correct or unset %1.")
        .arg(variable, displayProxyValue(value), reason);
}

class EnvironmentProxyFactory : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(ProxyEnvironment environment)
        : m_environment(std::move(environment))
    {
    }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        const ProxyChoice choice = m_environment.choose(query.url());
        if (choice.problem) {
            // Never direct: a proxy without a host fails before any byte leaves.
            return {QNetworkProxy(QNetworkProxy::HttpProxy, QString(), 0)};
        }
        return {choice.proxy};
    }

private:
    ProxyEnvironment m_environment;
};

} // namespace

QString ProxyChoice::address() const
{
    if (isDirect())
        return {};
    const QString host = proxy.hostName();
    return (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host) +
           QLatin1Char(':') + QString::number(proxy.port());
}

QString displayProxyValue(const QString &value)
{
    QString shown = value;
    const qsizetype schemeEnd = shown.indexOf(QLatin1String("://"));
    const qsizetype start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    qsizetype end = shown.indexOf(QLatin1Char('/'), start);
    if (end < 0)
        end = shown.size();
    const qsizetype at = shown.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at >= start)
        shown.replace(start, at - start, QStringLiteral("<credentials>"));
    return displayText(shown);
}

ParsedProxy parseProxyValue(const QString &variable, const QString &value)
{
    ParsedProxy parsed;
    const QString text = value.trimmed();
    if (text.isEmpty())
        return parsed; // set but empty: no proxy
    const auto refuse = [&](const QString &reason) {
        parsed.problem = refusal(variable, value, reason);
        return parsed;
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() >= 0x7f)
            return refuse(QCoreApplication::translate(
                "keycard::net", "it contains spaces, control or non-ASCII characters"));
    }
    const bool hasScheme = text.contains(QLatin1String("://"));
    const QUrl url(hasScheme ? text : QStringLiteral("http://") + text, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(QCoreApplication::translate("keycard::net", "not a valid URL"));
    const QString scheme = url.scheme().toLower();
    QNetworkProxy proxy;
    if (scheme == QLatin1String("http")) {
        proxy.setType(QNetworkProxy::HttpProxy);
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
        // socks5h: the proxy resolves host names; socks5: we do.
        QNetworkProxy::Capabilities caps = proxy.capabilities();
        caps.setFlag(QNetworkProxy::HostNameLookupCapability, scheme == QLatin1String("socks5h"));
        proxy.setCapabilities(caps);
    } else if (scheme == QLatin1String("https")) {
        return refuse(QCoreApplication::translate(
            "keycard::net", "a proxy reached over TLS (https://) is not supported; most proxies "
                            "take http://HOST:PORT, and the connection to the server is still "
                            "encrypted end to end through them"));
    } else if (scheme.startsWith(QLatin1String("socks4"))) {
        return refuse(QCoreApplication::translate(
            "keycard::net", "SOCKS4 proxies are not supported; use socks5:// or http://"));
    } else {
        return refuse(QCoreApplication::translate(
                          "keycard::net",
                          "the scheme \"%1\" is not a proxy scheme (use http:// or socks5://)")
                          .arg(displayText(scheme)));
    }
    if (url.host().isEmpty())
        return refuse(QCoreApplication::translate("keycard::net", "it names no host"));
    if (url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return refuse(QCoreApplication::translate(
            "keycard::net", "a proxy address has no path, query or fragment (a .pac file cannot "
                            "be used here)"));
    const int port = url.port(kDefaultProxyPort);
    if (port <= 0 || port > 65535)
        return refuse(
            QCoreApplication::translate("keycard::net", "port %1 is out of range (1 to 65535)")
                .arg(port));
    proxy.setHostName(url.host());
    proxy.setPort(quint16(port));
    proxy.setUser(url.userName(QUrl::FullyDecoded));
    proxy.setPassword(url.password(QUrl::FullyDecoded));
    parsed.proxy = proxy;
    return parsed;
}

bool noProxyMatches(const QString &noProxy, const QString &hostIn)
{
    QString host = hostIn.toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.isEmpty())
        return false;
    QHostAddress hostAddress;
    const bool hostIsIp = hostAddress.setAddress(host);
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    const QStringList entries = noProxy.split(separators, Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.toLower();
        if (entry == QLatin1String("*"))
            return true;
        if (entry.startsWith(QLatin1Char('['))) { // [::1] or [::1]:8080
            const qsizetype close = entry.indexOf(QLatin1Char(']'));
            if (close < 0)
                continue;
            entry = entry.mid(1, close - 1);
        } else if (entry.count(QLatin1Char(':')) == 1) { // host:port
            entry = entry.left(entry.indexOf(QLatin1Char(':')));
        }
        if (hostIsIp) {
            if (entry.contains(QLatin1Char('/'))) {
                const auto subnet = QHostAddress::parseSubnet(entry);
                if (subnet.second >= 0 && hostAddress.isInSubnet(subnet))
                    return true;
                continue;
            }
            QHostAddress entryAddress;
            if (entryAddress.setAddress(entry) && entryAddress.isEqual(hostAddress))
                return true;
            continue;
        }
        if (entry.startsWith(QLatin1String("*.")))
            entry = entry.mid(1);
        while (entry.startsWith(QLatin1Char('.')))
            entry = entry.mid(1);
        while (entry.endsWith(QLatin1Char('.')))
            entry.chop(1);
        if (entry.isEmpty())
            continue;
        if (host == entry || host.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

ProxyEnvironment ProxyEnvironment::fromEnvironment(const QProcessEnvironment &env)
{
    const auto pick = [&env](const char *lower, const char *upper) {
        Variable v;
        for (const char *name : {lower, upper}) {
            const QString n = QLatin1String(name);
            if (env.contains(n)) {
                v.name = n;
                v.value = env.value(n);
                v.set = true;
                break;
            }
        }
        return v;
    };
    ProxyEnvironment e;
    e.m_https = pick("https_proxy", "HTTPS_PROXY");
    e.m_http = pick("http_proxy", "HTTP_PROXY");
    e.m_all = pick("all_proxy", "ALL_PROXY");
    e.m_noProxy = pick("no_proxy", "NO_PROXY");
    return e;
}

ProxyEnvironment ProxyEnvironment::system()
{
    return fromEnvironment(QProcessEnvironment::systemEnvironment());
}

ProxyChoice ProxyEnvironment::choose(const QUrl &url) const
{
    ProxyChoice choice;
    const QString host = url.host();
    if (host.isEmpty() || isLoopbackHost(host))
        return choice;
    const QString scheme = url.scheme().toLower();
    const Variable *variable = nullptr;
    if (scheme == QLatin1String("https") && m_https.set)
        variable = &m_https;
    else if (scheme == QLatin1String("http") && m_http.set)
        variable = &m_http;
    else if (m_all.set)
        variable = &m_all;
    if (!variable)
        return choice;
    if (m_noProxy.set && noProxyMatches(m_noProxy.value, host))
        return choice;
    const ParsedProxy parsed = parseProxyValue(variable->name, variable->value);
    choice.problem = parsed.problem;
    choice.proxy = parsed.proxy;
    if (!choice.isDirect() || choice.problem)
        choice.variable = variable->name;
    return choice;
}

void useProxyEnvironment(QNetworkAccessManager *nam, const ProxyEnvironment &environment)
{
    nam->setProxyFactory(new EnvironmentProxyFactory(environment)); // owned by nam
}

} // namespace keycard
