#pragma once

#include "ProxyEnvironment.h"
#include "TlsTrust.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// OpenID Connect Discovery check of an identity provider's issuer, before SSO is enabled with
// it. Shared by the Enable SSO form and `keycardctl sso check`.
namespace keycard::oidc {

enum class CheckStatus { Pass, Warn, Fail };
QString statusName(CheckStatus status); // "pass", "warn", "fail"

struct CheckItem
{
    QString
        id; // reachable, issuer_match, endpoints_https, jwks, code_flow, pkce_s256, openid_scope
    CheckStatus status = CheckStatus::Fail;
    QString message;      // one line, translated
    bool skipped = false; // could not be evaluated (no discovery document): status is Fail
};

// The check ids in the order they are reported.
QStringList checkIds();
// "Discovery document", "Issuer matches", ... (translated) for a check id.
QString checkTitle(const QString &id);

// What the discovery document said (only what the check uses and shows).
struct DiscoveredProvider
{
    QString issuer;
    QString authorizationEndpoint;
    QString tokenEndpoint;
    QString jwksUri;
    QString userinfoEndpoint;
    QStringList responseTypes;
    QStringList codeChallengeMethods;
    QStringList scopes;
    int signingKeys = -1; // -1: the JWKS was not read
};

struct IssuerCheckResult
{
    QString issuer;                          // exactly as entered
    std::optional<QString> discoveredIssuer; // the document's `issuer`, when one was read
    DiscoveredProvider discovered;
    QList<CheckItem> checks; // every id of checkIds(), in that order
    bool anyFailed() const;
    std::optional<CheckItem> item(const QString &id) const;
    // {"issuer", "discovered_issuer" (when read), "checks": [{"id","status","message"}]}
    QJsonObject toJson() const;
};

// `{issuer without a trailing /}/.well-known/openid-configuration` (OpenID Connect Discovery 1.0).
QUrl discoveryUrl(const QString &issuer);

// Evaluates a discovery document (and the JWKS, when it was read) into the checklist. Pure:
// the network part of IssuerCheck feeds it. `jwksProblem` set: the JWKS could not be read.
void evaluateDocument(IssuerCheckResult &result, const QJsonObject &document,
                      const std::optional<QJsonObject> &jwks,
                      const std::optional<QString> &jwksProblem);

// Fetches the discovery document and the JWKS it names and reports the checklist. Requests
// carry no credential and no Authorization header (a network access manager of its own, no
// cookies, no cache), follow redirects only within the same origin, read at most maxBytes()
// per document, give up after deadlineMs() in total, and can be cancelled. http:// only for
// loopback hosts (rules::checkIssuer()).
class IssuerCheck : public QObject
{
    Q_OBJECT
public:
    explicit IssuerCheck(QObject *parent = nullptr);
    ~IssuerCheck() override;

    static constexpr int kDefaultDeadlineMs = 15000;
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024;
    void setDeadlineMs(int ms) { m_deadlineMs = ms; }
    int deadlineMs() const { return m_deadlineMs; }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    // The proxy variables and SSL_CERT_* (default: the process environment when constructed):
    // the same decision as the Keycard client's.
    void setNetworkEnvironment(const ProxyEnvironment &proxies, const TlsTrust &tls);
    qint64 maxBytes() const { return m_maxBytes; }

    // Starts a check (cancelling one in flight). Returns the reason and fetches nothing when
    // `issuer` is not a valid issuer URL.
    std::optional<QString> start(const QString &issuer);
    // Stops the check in flight; cancelled() follows, finished() does not.
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }
    QString issuer() const { return m_result.issuer; }

Q_SIGNALS:
    void finished(const keycard::oidc::IssuerCheckResult &result);
    void cancelled();

private:
    enum class Stage { Discovery, Jwks };
    void fetch(const QUrl &url, Stage stage);
    void onReplyFinished(QNetworkReply *reply);
    void onDeadline();
    void finishWith(const QString &failure); // a failure of the current stage
    void finishDocument(const std::optional<QJsonObject> &jwks,
                        const std::optional<QString> &jwksProblem);
    void stop();

    QNetworkAccessManager *m_nam;
    QTimer *m_deadline;
    QNetworkReply *m_reply = nullptr;
    Stage m_stage = Stage::Discovery;
    QUrl m_origin; // scheme/host/port redirects must keep
    int m_redirects = 0;
    bool m_tooLarge = false;
    ProxyEnvironment m_proxies;
    TlsTrust m_tls;
    ProxyChoice m_proxy;  // of the request in flight
    QString m_tlsProblem; // explained TLS errors of the request in flight
    QJsonObject m_document;
    IssuerCheckResult m_result;
    int m_deadlineMs = kDefaultDeadlineMs;
    qint64 m_maxBytes = kDefaultMaxBytes;
};

} // namespace keycard::oidc

Q_DECLARE_METATYPE(keycard::oidc::IssuerCheckResult)
