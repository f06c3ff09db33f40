#include "SandboxServer.h"
#include "SandboxServerPrivate.h"

#include "Api.h"
#include "ConnectionGuard.h"
#include "Faults.h"
#include "LogFilter.h"
#include "MockIdp.h"
#include "Seed.h"
#include "Store.h"
#include "Tokens.h"
#include "Transport.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace keycard::sandbox {

QJsonObject RecordedRequest::jsonBody() const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() ? document.object() : QJsonObject();
}

SandboxServerPrivate::SandboxServerPrivate(SandboxServer *server, SandboxOptions opts)
    : q(server)
    , options(std::move(opts))
    , tokens(options.tokenLifetimeSeconds)
    , api(store, tokens, options)
    , latencyMs(std::max(0, options.latencyMs))
{
    if (options.seedDemoData)
        seed::addDemoOrganizations(store);
    if (options.extraOrganizations > 0)
        nextGenerated =
            seed::addGeneratedOrganizations(store, nextGenerated, options.extraOrganizations);
    if (options.generatedMembers > 0) {
        const int index = store.indexOf(options.generatedMembersOrganization);
        if (index < 0)
            errorString = QCoreApplication::translate("SandboxServer",
                                                      "No organization %1 to generate members in")
                              .arg(options.generatedMembersOrganization);
        else
            seed::addGeneratedMembers(store, index, options.generatedMembers);
    }
    // What the state file holds is how the data differs from this seed.
    store.markSeeded();
    if (!options.stateFile.isEmpty()) {
        QString error;
        if (!store.load(options.stateFile, error)) {
            // Keep the file as it is: a later save would destroy what could not be read.
            errorString =
                QCoreApplication::translate("SandboxServer", "Cannot load state file %1: %2")
                    .arg(options.stateFile, error);
            saveState = false;
        }
    }
}

namespace {

// The path split at '/' and each segment percent-decoded (an encoded '/' stays in its segment).
QStringList pathSegments(const QUrl &url)
{
    const QString encoded = url.path(QUrl::FullyEncoded);
    QStringList segments = encoded.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.constFirst().isEmpty())
        segments.removeFirst();
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toLatin1());
    return segments;
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get:
        return "GET";
    case M::Put:
        return "PUT";
    case M::Delete:
        return "DELETE";
    case M::Post:
        return "POST";
    case M::Head:
        return "HEAD";
    case M::Options:
        return "OPTIONS";
    case M::Patch:
        return "PATCH";
    case M::Connect:
        return "CONNECT";
    case M::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

RecordedRequest SandboxServerPrivate::record(const QHttpServerRequest &request) const
{
    RecordedRequest recorded;
    recorded.method = methodName(request.method());
    recorded.path = request.url().path(QUrl::FullyDecoded);
    recorded.query = request.query();
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    const auto headers = request.headers();
#else
    const auto headers = request.headers().toListOfPairs(); // a QHttpHeaders since Qt 6.8
#endif
    for (const auto &header : headers)
        recorded.headers.insert(header.first.toLower(), header.second);
    recorded.body = request.body();
    return recorded;
}

void SandboxServerPrivate::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const RecordedRequest recorded = record(request);
    keep(recorded);
    Q_EMIT q->requestRecorded(recorded);
    const bool close = recorded.header("connection").toLower() == "close";

    HttpReply reply;
    Delivery delivery = Delivery::Normal;
    int delayMs = latencyMs;
    const std::optional<Fault> fault = faults.takeFault(recorded.method, recorded.path);
    std::optional<ScriptedResponse> scripted;
    if (!fault)
        scripted = faults.takeScripted(recorded.method, recorded.path);

    if (fault == Fault::DropBeforeCommit) {
        delivery = Delivery::Drop;
    } else if (scripted) {
        if (scripted->body.isEmpty() && scripted->status >= 400) {
            reply = HttpReply::standardError(scripted->status);
        } else {
            reply.status = scripted->status;
            reply.body = scripted->body.isEmpty() ? QByteArray("{}") : scripted->body;
        }
        if (scripted->retryAfter)
            reply.addHeader("Retry-After", scripted->retryAfter->toLatin1());
        if (scripted->shouldRetry)
            reply.addHeader("x-should-retry",
                            QByteArray(*scripted->shouldRetry ? "true" : "false"));
    } else if (auto idp = mockidp::handle(recorded)) { // mock identity providers, /idp/...
        reply = std::move(idp->reply);
        delayMs += idp->delayMs;
    } else {
        Api::Result result = api.handle(recorded, pathSegments(request.url()));
        reply = std::move(result.reply);
        if (result.changed)
            changed();
        if (fault) {
            switch (*fault) {
            case Fault::MalformedBody:
                delivery = Delivery::Malformed;
                break;
            case Fault::TruncatedBody:
                delivery = Delivery::Truncated;
                break;
            case Fault::OversizedBody:
                delivery = Delivery::Oversized;
                break;
            case Fault::CommitThenDrop:
                delivery = Delivery::Drop;
                break;
            case Fault::DropBeforeCommit:
                break;
            }
        }
    }
    const QByteArray requestId = recorded.header("x-client-request-id");
    if (!requestId.isEmpty() && delivery != Delivery::Drop)
        reply.addHeader("X-Client-Request-ID", requestId.left(64));

    Q_EMIT q->requestCompleted(recorded.method, recorded.path,
                               delivery == Delivery::Drop ? 0 : reply.status);
    // Drops always go through the event loop: Qt is still inside its read handler here.
    if (delayMs > 0 || delivery == Delivery::Drop) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delayMs, frontend, [this, guard, reply, delivery, close] {
            if (guard)
                respond(guard, reply, delivery, close);
        });
    } else {
        respond(socket, reply, delivery, close);
    }
}

void SandboxServerPrivate::keep(const RecordedRequest &recorded)
{
    if (options.maxRecordedRequests <= 0 || recorded.body.size() > options.maxRecordedBodyBytes)
        return;
    requests.append(recorded);
    recordedBodyBytes += recorded.body.size();
    while (requests.size() > options.maxRecordedRequests ||
           recordedBodyBytes > options.maxRecordedBodyBytes) {
        recordedBodyBytes -= requests.constFirst().body.size();
        requests.removeFirst();
    }
}

void SandboxServerPrivate::respond(QTcpSocket *socket, const HttpReply &reply, Delivery delivery,
                                   bool close)
{
    if (auto *guarded = qobject_cast<GuardedSocket *>(socket))
        guarded->responded();
    deliver(socket, reply, delivery, close);
}

void SandboxServerPrivate::changed()
{
    if (!options.stateFile.isEmpty() && saveState) {
        QString error;
        if (!store.save(options.stateFile, error)) {
            errorString =
                QCoreApplication::translate("SandboxServer", "Cannot save state file %1: %2")
                    .arg(options.stateFile, error);
            qWarning("keycard-sandbox: %s", qPrintable(errorString));
        }
    }
    Q_EMIT q->stateChanged();
}

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SandboxServerPrivate>(this, std::move(options)))
{
    // Request headers carry credentials and tokens: Qt HttpServer's debug output stays off.
    suppressHttpServerRequestLogging();
    d->frontend = new HttpFrontend([this](const QHttpServerRequest &request,
                                          QTcpSocket *socket) { d->handle(request, socket); },
                                   this);
}

SandboxServer::~SandboxServer()
{
    // Close the listener and every client socket while the data they reach still exists.
    delete d->frontend;
    d->frontend = nullptr;
}

bool SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    auto *server = new GuardedTcpServer;
    if (!server->listen(address, port)) {
        d->errorString = server->errorString();
        delete server;
        return false;
    }
    return listen(server);
}

bool SandboxServer::listenOnDescriptor(qintptr descriptor)
{
    auto *server = new GuardedTcpServer;
    if (!server->setSocketDescriptor(descriptor) || !server->isListening()) {
        d->errorString = server->errorString().isEmpty()
                             ? tr("Descriptor %1 is not a listening socket.").arg(descriptor)
                             : server->errorString();
        delete server;
        return false;
    }
    if (!server->serverAddress().isLoopback()) {
        // The sandbox serves demo credentials: never beyond this machine.
        d->errorString = tr("Descriptor %1 listens on %2, not on a loopback address.")
                             .arg(descriptor)
                             .arg(server->serverAddress().toString());
        delete server;
        return false;
    }
    return listen(server);
}

bool SandboxServer::listen(QTcpServer *listening)
{
    if (!listening) {
        d->errorString = tr("No TCP server to serve on.");
        return false;
    }
    if (listening->thread() != thread()) {
        // Deleting it here would race with its own thread; let that thread do it.
        qWarning("keycard-sandbox: the TCP server lives in another thread than the sandbox");
        d->errorString = tr("The TCP server lives in another thread.");
        listening->deleteLater();
        return false;
    }
    if (!listening->isListening()) {
        d->errorString = listening->errorString().isEmpty() ? tr("The TCP server is not listening.")
                                                            : listening->errorString();
        delete listening;
        return false;
    }
    if (auto *guarded = qobject_cast<GuardedTcpServer *>(listening)) {
        ConnectionLimits limits;
        limits.maxHeadBytes = d->options.maxRequestHeadBytes;
        limits.maxHeadLines = d->options.maxRequestHeadLines;
        limits.maxBodyBytes = d->options.maxRequestBodyBytes;
        limits.maxUnauthenticatedBodyBytes = d->options.maxUnauthenticatedBodyBytes;
        limits.idleTimeoutMs = d->options.idleTimeoutMs;
        limits.requestTimeoutMs = d->options.requestTimeoutMs;
        // Runs in this thread (the sockets live in the listener's thread, checked above).
        limits.authorized = [this](const QByteArray &authorization) {
            return authorization.left(7).toLower() == "bearer " &&
                   d->tokens.isValid(QString::fromLatin1(authorization.mid(7).trimmed()));
        };
        guarded->setLimits(limits);
        guarded->takeOverAccepting();
    }
    d->frontend->bind(listening); // reparents it to the front end
    d->port = listening->serverPort();
    return true;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(d->port);
    return url;
}

QString SandboxServer::errorString() const
{
    return d->errorString;
}

const SandboxOptions &SandboxServer::options() const
{
    return d->options;
}

QString SandboxServer::issueToken()
{
    return d->tokens.issue();
}

void SandboxServer::expireAllTokens()
{
    d->tokens.expireAll();
}

void SandboxServer::setTokenLifetime(int seconds)
{
    d->tokens.setLifetimeSeconds(seconds);
}

void SandboxServer::setLatency(int milliseconds)
{
    d->latencyMs = std::max(0, milliseconds);
}

void SandboxServer::scriptResponses(const QByteArray &method, const QString &path,
                                    const QList<ScriptedResponse> &responses)
{
    d->faults.script(method, path, responses);
}

void SandboxServer::injectFault(const QByteArray &method, const QString &path, Fault fault,
                                int times)
{
    d->faults.inject(method, path, fault, times);
}

void SandboxServer::clearFaults()
{
    d->faults.clear();
}

QList<RecordedRequest> SandboxServer::requests() const
{
    return d->requests;
}

void SandboxServer::clearRequests()
{
    d->requests.clear();
    d->recordedBodyBytes = 0;
}

} // namespace keycard::sandbox
