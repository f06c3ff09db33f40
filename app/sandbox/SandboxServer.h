#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTcpServer;
QT_END_NAMESPACE

namespace keycard::sandbox {

// One HTTP request as the sandbox received it, for tests to assert what a client really sent.
struct RecordedRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, e.g. "/organizations/acme/sso-connection"
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString requestId() const { return QString::fromLatin1(header("x-client-request-id")); }
    QJsonObject jsonBody() const; // empty when the body is not a JSON object
};

// A canned answer used instead of the normal handler (see scriptResponses).
struct ScriptedResponse
{
    int status = 200;
    QByteArray body;                   // empty: the standard Error body for `status`
    std::optional<QString> retryAfter; // Retry-After header value, e.g. "1"
    std::optional<bool> shouldRetry;   // x-should-retry: true|false
};

enum class Fault {
    MalformedBody,    // handle normally, then answer 200 with a body that is not JSON
    TruncatedBody,    // handle normally, send headers and half the body, close the connection
    OversizedBody,    // handle normally, answer with a valid JSON body padded beyond 64 MiB
    CommitThenDrop,   // apply the request (e.g. create the connection), then close without replying
    DropBeforeCommit, // close the connection without applying the request
};
// Note for tests: QNetworkAccessManager silently re-sends a request once when its connection
// closes before any byte of a reply. A single CommitThenDrop therefore usually reaches a
// QNAM-based client as the 409 of Qt's re-send, and a single DropBeforeCommit as plain success;
// every attempt is recorded (requests()). Inject a drop 2 times to make it visible to the
// client's own retry logic.

struct SandboxOptions
{
    bool seedDemoData = true;   // the named demo organizations (see README / DemoData.h)
    int extraOrganizations = 0; // generated organizations after the demo ones
    // Generated members (keycard-sandbox --org-members N) appended to this organization's
    // members (id or label; --org-members-in). An unknown organization is an errorString().
    int generatedMembers = 0;
    QString generatedMembersOrganization = QStringLiteral("acme");
    QString stateFile; // when set: loaded at start if present, saved after each change
    int tokenLifetimeSeconds = 3600;
    QString clientId = QStringLiteral("demo-admin");
    QString clientSecret = QStringLiteral("sandbox-demo-secret");
    int latencyMs = 0; // added before every response (setLatency changes it later)
    // Limits of the server itself (see ConnectionGuard.h): request line and headers, request
    // bodies (smaller without a valid bearer token), how long a connection may sit idle, and
    // how long one request may take to arrive in full (head and body together).
    qint64 maxRequestHeadBytes = 32 * 1024;
    int maxRequestHeadLines = 100;
    qint64 maxRequestBodyBytes = 1024 * 1024;
    qint64 maxUnauthenticatedBodyBytes = 64 * 1024;
    int idleTimeoutMs = 30000;
    int requestTimeoutMs = 30000;
    // What requests() keeps: the most recent requests, at most this many (0: none; the
    // keycard-sandbox executable and keycard-admin's demo mode record nothing) and at most
    // maxRecordedBodyBytes of bodies together. requestRecorded() is emitted for every request.
    int maxRecordedRequests = 1000;
    qint64 maxRecordedBodyBytes = 16 * 1024 * 1024;
};

class SandboxServerPrivate;

// A local server that speaks the API of docs/api.md on 127.0.0.1. Runs in the thread that creates
// it, in-process (GUI demo mode, tests) or from the keycard-sandbox executable. SandboxHost runs
// one on a thread of its own.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Port 0 picks a free port. Returns false (and sets errorString) when it cannot listen.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    // Serves on a QTcpServer that is already listening (e.g. bound in another thread, then
    // moved to this server's thread). Takes ownership, also when it returns false. `listening`
    // must live in this server's thread. The request limits of SandboxOptions apply only when
    // it is a GuardedTcpServer (ConnectionGuard.h), as listen(address, port) creates.
    bool listen(QTcpServer *listening);
    // Serves on a socket this process inherited already bound and listening (keycard-sandbox
    // --listen-fd, as keycard-admin starts its demo server). It must listen on a loopback
    // address. Returns false (and sets errorString) otherwise.
    bool listenOnDescriptor(qintptr descriptor);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    QString errorString() const;

    const SandboxOptions &options() const;
    // A valid bearer token, as if issued by the token endpoint (for "ready token" tests).
    QString issueToken();
    // Every token issued so far stops working (the next API call with one gets 401).
    void expireAllTokens();
    void setTokenLifetime(int seconds); // for tokens issued from now on

    // --- data -----------------------------------------------------------------------------
    // Organizations in list order, as JSON objects (no permissions member).
    QList<QJsonObject> organizations() const;
    std::optional<QJsonObject> organization(const QString &idOrLabel) const;
    // The stored connection (without permissions), or nullopt when SSO is not enabled.
    std::optional<QJsonObject> connection(const QString &idOrLabel) const;
    int connectionCount() const;
    // Adds `count` generated organizations at the end (ids stay unique and stable).
    void addGeneratedOrganizations(int count);
    // Adds one organization at the end with exactly this name and label (a new random id),
    // without SSO, or with a connection made of `connectionFields` (identifier, client_id, ...,
    // as in an enable request). Serves what a careless or hostile server could send (names with
    // markup, bidi overrides, very long names) to tests of how it is shown. Returns the id, or
    // an empty string when the label is taken.
    QString addOrganization(const QString &name, const QString &label,
                            const std::optional<QJsonObject> &connectionFields = std::nullopt);
    // Members of an organization as the API returns them (no permissions), in list order.
    QList<QJsonObject> members(const QString &idOrLabel) const;
    // Appends a member served exactly as `raw` (which should carry an "id"): what a careless
    // or hostile server could send (no email, a 1,000-character email, bidi characters, an
    // unknown role, a source that is not a URL), for tests of how it is shown. Returns false
    // when there is no such organization.
    bool addRawMember(const QString &idOrLabel, const QJsonObject &raw);
    // Appends `count` generated members (as --org-members).
    void addGeneratedMembers(const QString &idOrLabel, int count);
    QList<QJsonObject> invitations(const QString &idOrLabel) const;
    // Replaces the permissions reported for (and enforced on) one organization.
    void setPermissions(const QString &idOrLabel, const QJsonObject &permissions);

    // --- faults ---------------------------------------------------------------------------
    void setLatency(int milliseconds); // added before every response
    // The next requests with this method and exact path get these answers, in order; after the
    // list is used up the normal handler answers again. Path without query ("/organizations").
    void scriptResponses(const QByteArray &method, const QString &path,
                         const QList<ScriptedResponse> &responses);
    // The next `times` requests with this method and path suffer `fault`.
    void injectFault(const QByteArray &method, const QString &path, Fault fault, int times = 1);
    void clearFaults();

    // --- recording ------------------------------------------------------------------------
    // Oldest first, token endpoint included; only the recent window that
    // SandboxOptions::maxRecordedRequests and maxRecordedBodyBytes allow.
    QList<RecordedRequest> requests() const;
    void clearRequests();

Q_SIGNALS:
    void requestRecorded(const keycard::sandbox::RecordedRequest &request);
    void stateChanged(); // data changed (connection enabled/updated/disabled)
    // A request was answered (status 0: the connection was dropped without a reply). For
    // request logs: carries no body and no header.
    void requestCompleted(const QByteArray &method, const QString &path, int status);

private:
    std::unique_ptr<SandboxServerPrivate> d;
};

} // namespace keycard::sandbox
