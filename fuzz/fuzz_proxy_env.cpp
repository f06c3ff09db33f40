// libFuzzer: the proxy variables (ProxyEnvironment) on arbitrary text. The input is split at
// newlines into: which variables are set (first byte), the proxy value, no_proxy, and a host.
// Invariants: loopback is always direct; a refusal names its variable and never shows the
// credentials; a proxy that is used has a host and a port in range; "*" bypasses everything
// and a host name bypasses itself.
#include "ProxyEnvironment.h"

#include <QHostAddress>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QStringList parts = text.split(QLatin1Char('\n'));
    const QString value = parts.value(0);
    const QString noProxy = parts.value(1);
    const QString host = parts.value(2);

    static const char *const names[] = {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
    const QString variable = QLatin1String(names[data[0] % 4]);
    QProcessEnvironment env;
    env.insert(variable, value);
    if (data[0] & 0x10)
        env.insert(QStringLiteral("no_proxy"), noProxy);
    const ProxyEnvironment proxies = ProxyEnvironment::fromEnvironment(env);

    // Loopback: direct, whatever the variables say.
    for (const char *loopback : {"https://127.0.0.1/x", "https://localhost/x",
                                 "https://a.localhost:1/x", "https://[::1]/x"}) {
        const ProxyChoice c = proxies.choose(QUrl(QLatin1String(loopback)));
        if (!c.isDirect() || c.problem)
            std::abort();
    }

    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host.isEmpty() ? QStringLiteral("keycard.test") : host);
    const ProxyChoice c =
        proxies.choose(url.isValid() ? url : QUrl(QStringLiteral("https://keycard.test")));
    if (c.problem) {
        if (c.variable != variable || !c.problem->startsWith(variable + QLatin1Char('=')))
            std::abort();
    } else if (!c.isDirect()) {
        if (c.variable != variable || c.proxy.hostName().isEmpty() || c.proxy.port() == 0)
            std::abort();
        if (c.proxy.type() != QNetworkProxy::HttpProxy &&
            c.proxy.type() != QNetworkProxy::Socks5Proxy)
            std::abort();
    }

    // Credentials are never shown: whatever stands before the authority's last '@'.
    const QString shown = displayProxyValue(value);
    const qsizetype schemeEnd = value.indexOf(QLatin1String("://"));
    const qsizetype start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    qsizetype end = value.indexOf(QLatin1Char('/'), start);
    if (end < 0)
        end = value.size();
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at >= start && !shown.contains(QStringLiteral("<credentials>@")))
        std::abort();

    // no_proxy: "*" bypasses every host; a plain host name bypasses itself.
    if (!noProxyMatches(QStringLiteral("*"), QStringLiteral("keycard.test")))
        std::abort();
    const QString h = host.trimmed().toLower();
    QHostAddress address;
    const bool plainName = !h.isEmpty() && !address.setAddress(h) &&
                           !h.startsWith(QLatin1Char('.')) && !h.endsWith(QLatin1Char('.')) &&
                           !h.startsWith(QLatin1Char('*')) && !h.startsWith(QLatin1Char('[')) &&
                           !h.contains(QLatin1Char(':')) && !h.contains(QLatin1Char(',')) &&
                           !h.contains(QLatin1Char(' ')) &&
                           h.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() == 1;
    bool ws = false;
    for (const QChar ch : h)
        ws = ws || ch.isSpace();
    if (plainName && !ws && !noProxyMatches(h, h))
        std::abort();
    (void)noProxyMatches(noProxy, host);
    return 0;
}
