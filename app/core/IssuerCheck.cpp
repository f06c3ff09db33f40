#include "IssuerCheck.h"

#include "ClientConfig.h"
#include "FieldRules.h"
#include "HttpSupport.h"
#include "IssuerComparison.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace keycard::oidc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::oidc", text);
}

// A URL as a message shows it: without user name or password (a redirect may carry them).
QString shownUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo).toString();
}

const QString kReachable = QStringLiteral("reachable");
const QString kIssuerMatch = QStringLiteral("issuer_match");
const QString kEndpoints = QStringLiteral("endpoints_https");
const QString kJwks = QStringLiteral("jwks");
const QString kCodeFlow = QStringLiteral("code_flow");
const QString kPkce = QStringLiteral("pkce_s256");
const QString kOpenIdScope = QStringLiteral("openid_scope");

// https://, or http:// to this machine only.
bool isAllowedUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && isLoopbackHost(url.host());
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultA = a.scheme().toLower() == QLatin1String("https") ? 443 : 80;
    const int defaultB = b.scheme().toLower() == QLatin1String("https") ? 443 : 80;
    return a.scheme().toLower() == b.scheme().toLower() &&
           a.host().toLower() == b.host().toLower() && a.port(defaultA) == b.port(defaultB);
}

QStringList stringList(const QJsonValue &value, bool *present)
{
    QStringList out;
    *present = value.isArray();
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

CheckItem make(const QString &id, CheckStatus status, const QString &message)
{
    CheckItem item;
    item.id = id;
    item.status = status;
    item.message = message;
    return item;
}

int countSigningKeys(const QJsonObject &jwks)
{
    int count = 0;
    const QJsonArray keys = jwks.value(QLatin1String("keys")).toArray();
    for (const QJsonValue &k : keys) {
        const QJsonObject key = k.toObject();
        if (!key.value(QLatin1String("kty")).isString())
            continue;
        const QJsonValue use = key.value(QLatin1String("use"));
        if (!use.isUndefined() && use.toString() != QLatin1String("sig"))
            continue;
        const QJsonValue ops = key.value(QLatin1String("key_ops"));
        if (ops.isArray() && !ops.toArray().contains(QJsonValue(QStringLiteral("verify"))))
            continue;
        ++count;
    }
    return count;
}

CheckItem endpointsItem(const QJsonObject &document, DiscoveredProvider &found)
{
    struct Endpoint
    {
        const char *key;
        bool required;
        QString *store;
    };
    const Endpoint endpoints[] = {
        {"authorization_endpoint", true, &found.authorizationEndpoint},
        {"token_endpoint", true, &found.tokenEndpoint},
        {"jwks_uri", true, &found.jwksUri},
        {"userinfo_endpoint", false, &found.userinfoEndpoint},
    };
    QStringList problems;
    bool plainLoopback = false;
    for (const Endpoint &e : endpoints) {
        const QString key = QLatin1String(e.key);
        const QJsonValue value = document.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (e.required)
                problems << tr("no %1").arg(key);
            continue;
        }
        if (!value.isString()) {
            problems << tr("%1 is not a string").arg(key);
            continue;
        }
        *e.store = value.toString();
        const QUrl url(value.toString(), QUrl::StrictMode);
        if (!isAllowedUrl(url))
            problems << tr("%1 is not https:// (%2)").arg(key, value.toString());
        else if (url.scheme().toLower() == QLatin1String("http"))
            plainLoopback = true;
    }
    if (!problems.isEmpty())
        return make(kEndpoints, CheckStatus::Fail, problems.join(QStringLiteral("; ")));
    const QString which = found.userinfoEndpoint.isEmpty()
                              ? tr("Authorization, token and JWKS endpoints")
                              : tr("Authorization, token, JWKS and userinfo endpoints");
    return make(kEndpoints, CheckStatus::Pass,
                plainLoopback ? tr("%1 use https:// or http:// on this machine").arg(which)
                              : tr("%1 use https://").arg(which));
}

} // namespace

QString statusName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("pass");
    case CheckStatus::Warn:
        return QStringLiteral("warn");
    case CheckStatus::Fail:
        break;
    }
    return QStringLiteral("fail");
}

QStringList checkIds()
{
    return {kReachable, kIssuerMatch, kEndpoints, kJwks, kCodeFlow, kPkce, kOpenIdScope};
}

QString checkTitle(const QString &id)
{
    if (id == kReachable)
        return tr("Discovery document");
    if (id == kIssuerMatch)
        return tr("Issuer matches");
    if (id == kEndpoints)
        return tr("Endpoints use HTTPS");
    if (id == kJwks)
        return tr("Signing keys (JWKS)");
    if (id == kCodeFlow)
        return tr("Authorization code flow");
    if (id == kPkce)
        return tr("PKCE with S256");
    if (id == kOpenIdScope)
        return tr("openid scope");
    return id;
}

bool IssuerCheckResult::anyFailed() const
{
    for (const CheckItem &c : checks) {
        if (c.status == CheckStatus::Fail)
            return true;
    }
    return false;
}

std::optional<CheckItem> IssuerCheckResult::item(const QString &id) const
{
    for (const CheckItem &c : checks) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

QJsonObject IssuerCheckResult::toJson() const
{
    QJsonObject o{{QStringLiteral("issuer"), issuer}};
    if (discoveredIssuer)
        o.insert(QStringLiteral("discovered_issuer"), *discoveredIssuer);
    QJsonArray list;
    for (const CheckItem &c : checks)
        list.append(QJsonObject{{QStringLiteral("id"), c.id},
                                {QStringLiteral("status"), statusName(c.status)},
                                {QStringLiteral("message"), c.message}});
    o.insert(QStringLiteral("checks"), list);
    return o;
}

QUrl discoveryUrl(const QString &issuer)
{
    QString base = issuer;
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"), QUrl::StrictMode);
}

void evaluateDocument(IssuerCheckResult &result, const QJsonObject &document,
                      const std::optional<QJsonObject> &jwks,
                      const std::optional<QString> &jwksProblem)
{
    DiscoveredProvider &found = result.discovered;
    QList<CheckItem> &checks = result.checks;
    checks.clear();
    checks << make(kReachable, CheckStatus::Pass,
                   tr("Fetched %1: a JSON object").arg(shownUrl(discoveryUrl(result.issuer))));

    const QJsonValue issuer = document.value(QLatin1String("issuer"));
    if (!issuer.isString()) {
        checks << make(kIssuerMatch, CheckStatus::Fail, tr("The document has no issuer"));
    } else {
        found.issuer = issuer.toString();
        result.discoveredIssuer = found.issuer;
        if (found.issuer == result.issuer)
            checks << make(kIssuerMatch, CheckStatus::Pass,
                           tr("The document's issuer is exactly %1").arg(result.issuer));
        else
            checks << make(kIssuerMatch, CheckStatus::Fail,
                           tr("The document's issuer is %1, not %2 (they must be equal, "
                              "trailing slash included)")
                               .arg(found.issuer, result.issuer));
    }

    checks << endpointsItem(document, found);

    if (jwksProblem) {
        checks << make(kJwks, CheckStatus::Fail, *jwksProblem);
    } else {
        found.signingKeys = jwks ? countSigningKeys(*jwks) : 0;
        if (found.signingKeys == 0)
            checks << make(kJwks, CheckStatus::Fail,
                           tr("The JWKS at %1 has no signing key").arg(found.jwksUri));
        else
            checks << make(
                kJwks, CheckStatus::Pass,
                found.signingKeys == 1
                    ? tr("1 signing key at %1").arg(found.jwksUri)
                    : tr("%1 signing keys at %2").arg(found.signingKeys).arg(found.jwksUri));
    }

    bool present = false;
    found.responseTypes =
        stringList(document.value(QLatin1String("response_types_supported")), &present);
    if (found.responseTypes.contains(QLatin1String("code")))
        checks << make(kCodeFlow, CheckStatus::Pass, tr("response_types_supported includes code"));
    else if (!present)
        checks << make(kCodeFlow, CheckStatus::Fail,
                       tr("The document has no response_types_supported"));
    else
        checks << make(kCodeFlow, CheckStatus::Fail,
                       tr("response_types_supported lacks code (lists: %1)")
                           .arg(found.responseTypes.join(QStringLiteral(", "))));

    found.codeChallengeMethods =
        stringList(document.value(QLatin1String("code_challenge_methods_supported")), &present);
    if (found.codeChallengeMethods.contains(QLatin1String("S256")))
        checks << make(kPkce, CheckStatus::Pass, tr("PKCE with S256 is supported"));
    else if (!present)
        checks << make(kPkce, CheckStatus::Warn,
                       tr("No code_challenge_methods_supported: PKCE with S256 is not advertised"));
    else
        checks << make(kPkce, CheckStatus::Warn,
                       tr("code_challenge_methods_supported lacks S256 (lists: %1)")
                           .arg(found.codeChallengeMethods.join(QStringLiteral(", "))));

    found.scopes = stringList(document.value(QLatin1String("scopes_supported")), &present);
    if (found.scopes.contains(QLatin1String("openid")))
        checks << make(kOpenIdScope, CheckStatus::Pass, tr("scopes_supported includes openid"));
    else if (!present)
        checks << make(kOpenIdScope, CheckStatus::Warn,
                       tr("The document does not list scopes_supported"));
    else
        checks << make(kOpenIdScope, CheckStatus::Warn, tr("scopes_supported lacks openid"));
}

IssuerCheck::IssuerCheck(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_deadline(new QTimer(this))
{
    qRegisterMetaType<keycard::oidc::IssuerCheckResult>();
    // A manager of its own: no cookie jar, cache or credentials shared with the Keycard client.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setCookieJar(nullptr);
    setNetworkEnvironment(ProxyEnvironment::system(), TlsTrust::system());
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &IssuerCheck::onDeadline);
}

IssuerCheck::~IssuerCheck()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void IssuerCheck::setNetworkEnvironment(const ProxyEnvironment &proxies, const TlsTrust &tls)
{
    m_proxies = proxies;
    m_tls = tls;
    useProxyEnvironment(m_nam, m_proxies);
}

std::optional<QString> IssuerCheck::start(const QString &issuer)
{
    stop();
    if (const auto violation = rules::check(rules::Field::Identifier, issuer))
        return violation->message();
    if (const auto problem = rules::checkIssuer(issuer))
        return problem->message();
    // A proxy variable or CA setting that cannot be used: nothing is fetched (never direct).
    if (const ProxyChoice proxy = m_proxies.choose(discoveryUrl(issuer)); proxy.problem)
        return proxy.problem;
    if (const TlsTrust::Loaded trust = m_tls.load(); trust.problem)
        return trust.problem;
    m_result = IssuerCheckResult{};
    m_result.issuer = issuer;
    m_document = {};
    m_redirects = 0;
    m_stage = Stage::Discovery;
    m_deadline->start(m_deadlineMs);
    fetch(discoveryUrl(issuer), Stage::Discovery);
    return std::nullopt;
}

void IssuerCheck::cancel()
{
    if (!isRunning())
        return;
    stop();
    Q_EMIT cancelled();
}

void IssuerCheck::stop()
{
    m_deadline->stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void IssuerCheck::fetch(const QUrl &url, Stage stage)
{
    if (stage != m_stage || m_redirects == 0)
        m_origin = url;
    m_stage = stage;
    m_tooLarge = false;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Accept", "application/json");
    m_proxy = m_proxies.choose(url);
    m_tlsProblem.clear();
    if (m_proxy.problem)
        return finishWith(*m_proxy.problem);
    m_tls.apply(request);
    m_reply = m_nam->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (reply == m_reply && m_tlsProblem.isEmpty())
            m_tlsProblem = explainTlsErrors(errors, reply->url().host());
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, reply](qint64 received, qint64 total) {
                if (reply != m_reply || (received <= m_maxBytes && total <= m_maxBytes))
                    return;
                m_tooLarge = true;
                m_reply = nullptr;
                reply->disconnect(this);
                reply->abort();
                reply->deleteLater();
                finishWith(tr("%1 is larger than %2 KiB; not read")
                               .arg(shownUrl(reply->url()))
                               .arg(m_maxBytes / 1024));
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void IssuerCheck::onDeadline()
{
    if (!m_reply)
        return;
    const QUrl url = m_reply->url();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    finishWith(tr("No answer from %1 within %2 s")
                   .arg(shownUrl(url))
                   .arg(double(m_deadlineMs) / 1000.0, 0, 'g', 3));
}

void IssuerCheck::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const QUrl url = reply->url();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400 && status != 304) {
        const QByteArray location = reply->rawHeader("Location");
        const QUrl target = url.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
        if (location.isEmpty() || !target.isValid())
            return finishWith(
                tr("HTTP %1 from %2 without a usable Location").arg(status).arg(shownUrl(url)));
        if (!sameOrigin(target, m_origin) || !isAllowedUrl(target))
            return finishWith(tr("%1 redirects to another origin (%2); not followed")
                                  .arg(shownUrl(url), shownUrl(target)));
        if (++m_redirects > 3)
            return finishWith(tr("Too many redirects from %1").arg(shownUrl(m_origin)));
        return fetch(target, m_stage);
    }
    if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 300)) {
        QString why = reply->errorString();
        if (!m_tlsProblem.isEmpty()) {
            why = m_tlsProblem;
        } else if (!m_proxy.isDirect()) {
            ApiError e = ApiError::make(ApiError::Kind::Network, why);
            http::proxyFailure(e, reply->error(), m_proxy);
            why = e.message;
        }
        return finishWith(tr("Could not fetch %1: %2").arg(shownUrl(url), why));
    }
    if (status != 200)
        return finishWith(tr("HTTP %1 from %2").arg(status).arg(shownUrl(url)));
    const QByteArray body = reply->readAll();
    if (body.size() > m_maxBytes)
        return finishWith(
            tr("%1 is larger than %2 KiB; not read").arg(shownUrl(url)).arg(m_maxBytes / 1024));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject())
        return finishWith(tr("%1 did not return a JSON object").arg(shownUrl(url)));

    if (m_stage == Stage::Jwks)
        return finishDocument(json.object(), std::nullopt);
    m_document = json.object();
    const QJsonValue jwksValue = m_document.value(QLatin1String("jwks_uri"));
    if (!jwksValue.isString())
        return finishDocument(std::nullopt, tr("The document has no jwks_uri"));
    const QUrl jwksUrl(jwksValue.toString(), QUrl::StrictMode);
    if (!isAllowedUrl(jwksUrl))
        return finishDocument(std::nullopt,
                              tr("Not fetched: %1 is not https://").arg(jwksValue.toString()));
    m_redirects = 0;
    fetch(jwksUrl, Stage::Jwks);
}

void IssuerCheck::finishWith(const QString &failure)
{
    if (m_stage == Stage::Jwks)
        return finishDocument(std::nullopt, failure);
    m_deadline->stop();
    m_result.checks.clear();
    m_result.checks << make(kReachable, CheckStatus::Fail, failure);
    const QStringList ids = checkIds();
    for (const QString &id : ids) {
        if (id == kReachable)
            continue;
        CheckItem skipped =
            make(id, CheckStatus::Fail, tr("Not checked: no discovery document was read"));
        skipped.skipped = true;
        m_result.checks << skipped;
    }
    CheckHistory::record(m_result);
    Q_EMIT finished(m_result);
}

void IssuerCheck::finishDocument(const std::optional<QJsonObject> &jwks,
                                 const std::optional<QString> &jwksProblem)
{
    m_deadline->stop();
    evaluateDocument(m_result, m_document, jwks, jwksProblem);
    CheckHistory::record(m_result);
    Q_EMIT finished(m_result);
}

} // namespace keycard::oidc
