#pragma once

// Which proxy a request goes through, decided by us from the usual environment variables with
// curl's rules, never by Qt's own reading of them (which silently goes direct on a value it
// cannot use). Widget-free; the parser is unit-tested and fuzzed (fuzz/fuzz_proxy_env.cpp).
//
// - https:// URLs: https_proxy, else HTTPS_PROXY; http:// URLs: http_proxy, else HTTP_PROXY;
//   when neither is set: all_proxy, else ALL_PROXY. The lower-case name wins when both are set;
//   a variable set to the empty string means "no proxy".
// - A value without a scheme is an http:// proxy (as curl); without a port, port 1080 (as curl).
//   http:// and socks5:// (socks5h://: the proxy resolves names) are used; anything we cannot
//   use (https:// proxies, socks4, a path, a bad URL or port) is refused, naming the variable:
//   nothing is sent rather than going direct without a word.
// - no_proxy, else NO_PROXY: comma- or space-separated; `*` bypasses everything; a domain
//   bypasses itself and its subdomains (a leading "." or "*." is ignored); an IP address or a
//   CIDR block (10.0.0.0/8) bypasses matching IP literals; ports are ignored.
// - Loopback hosts (localhost, *.localhost, 127.0.0.0/8, ::1) never go through a proxy.

#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace keycard {

// The decision for one URL.
struct ProxyChoice
{
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    QString variable;               // where the proxy came from ("https_proxy"); empty: direct
    std::optional<QString> problem; // the variable's value cannot be used: nothing may be sent

    bool isDirect() const { return proxy.type() == QNetworkProxy::NoProxy; }
    // "127.0.0.2:3128" ("[::1]:3128"); empty when direct.
    QString address() const;
};

// One variable's value parsed: a proxy, or a translated problem naming `variable`.
struct ParsedProxy
{
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    std::optional<QString> problem;
};
ParsedProxy parseProxyValue(const QString &variable, const QString &value);

// True when `noProxy` (the value of no_proxy) says `host` is reached directly.
bool noProxyMatches(const QString &noProxy, const QString &host);

// `value` as it may be shown: credentials (anything before the last '@' of the authority)
// replaced, control and format characters shown as U+FFFD.
QString displayProxyValue(const QString &value);

class ProxyEnvironment
{
public:
    // No proxy variables: everything direct.
    ProxyEnvironment() = default;
    static ProxyEnvironment fromEnvironment(const QProcessEnvironment &env);
    // The process environment (read when called).
    static ProxyEnvironment system();

    ProxyChoice choose(const QUrl &url) const;

private:
    struct Variable
    {
        QString name;
        QString value;
        bool set = false;
    };
    Variable m_https, m_http, m_all, m_noProxy;
};

// Makes `nam` ask `environment` for the proxy of every request it sends (replacing any factory
// or proxy it had, and Qt's reading of the environment). A choice with a problem never goes
// direct: such a request fails in Qt (callers refuse it before sending).
void useProxyEnvironment(QNetworkAccessManager *nam, const ProxyEnvironment &environment);

} // namespace keycard
