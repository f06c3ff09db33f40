// SandboxHost: the sandbox on a thread of its own, talked to over HTTP from this (main) thread.
#include "DemoData.h"
#include "SandboxHost.h"
#include "SandboxTestSupport.h"

#include <QMutex>
#include <QMutexLocker>
#include <QTcpServer>
#include <QThread>

#include <atomic>

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

namespace {

const QString kDemoId = QStringLiteral("demo-admin");
const QString kDemoSecret = QStringLiteral("sandbox-demo-secret");

// A bearer token from the token endpoint (HTTP Basic), or an empty string.
QString fetchToken(Http &http, const QString &id = kDemoId, const QString &secret = kDemoSecret)
{
    const Response r = http.tokenRequest("grant_type=client_credentials",
                                         {{"Authorization", sandboxtest::basic(id, secret)}});
    if (r.status != 200)
        return {};
    return r.json().value("access_token").toString();
}

QStringList labels(const Response &r)
{
    QStringList list;
    const QJsonArray items = r.json().value("items").toArray();
    for (const QJsonValue &item : items)
        list.append(item.toObject().value("label").toString());
    return list;
}

// The threads SandboxHost::requestCompleted was emitted in (direct connection: recorded in the
// emitting thread, hence the mutex).
class ThreadRecorder
{
public:
    void connectTo(SandboxHost &host)
    {
        QObject::connect(
            &host, &SandboxHost::requestCompleted, &host,
            [this](const QByteArray &, const QString &, int) {
                const QMutexLocker lock(&m_mutex);
                m_threads.append(QThread::currentThread());
            },
            Qt::DirectConnection);
    }
    QList<QThread *> threads() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_threads;
    }

private:
    mutable QMutex m_mutex;
    QList<QThread *> m_threads;
};

} // namespace

class TestSandboxHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portKnownWhenStartReturns()
    {
        SandboxOptions options;
        options.extraOrganizations = 2;
        SandboxHost host(options);
        QCOMPARE(host.port(), quint16(0));
        QVERIFY(host.baseUrl().isEmpty());
        QVERIFY(!host.serverThread());
        QVERIFY(!host.isStarted());

        QString error;
        QVERIFY2(host.start(&error), qPrintable(error));
        QVERIFY(host.isStarted());
        QVERIFY(host.port() != 0);
        QCOMPARE(host.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(host.port())));
        QCOMPARE(host.options().extraOrganizations, 2);
        QCOMPARE(host.options().clientId, kDemoId);

        QVERIFY(!host.start(&error));
        QVERIFY(!error.isEmpty());
    }

    void servesTokenAndOrganizations()
    {
        SandboxHost host;
        QVERIFY(host.start());
        // The first request goes out at once: it may reach the port before the worker serves.
        Http http(host.baseUrl());
        const Response token =
            http.tokenRequest("grant_type=client_credentials",
                              {{"Authorization", sandboxtest::basic(kDemoId, kDemoSecret)}});
        QCOMPARE(token.status, 200);
        QCOMPARE(token.json().value("token_type").toString(), QStringLiteral("Bearer"));
        http.token = token.json().value("access_token").toString();
        QVERIFY(http.token.size() >= 32);

        const Response page = http.get(QStringLiteral("/organizations"));
        QCOMPARE(page.status, 200);
        QStringList expected;
        for (const auto &organization : demo::kAll)
            expected.append(QLatin1String(organization.label));
        QCOMPARE(labels(page), expected);

        http.token.clear();
        QCOMPARE(http.get(QStringLiteral("/organizations")).status, 401);
    }

    void servesFromItsOwnThread()
    {
        ThreadRecorder recorder; // outlives the host: the host's thread writes to it
        int deliveredHere = 0;
        QThread *deliveredIn = nullptr;
        SandboxHost host;
        recorder.connectTo(host);
        // The default connection type delivers in the receiver's thread (here: this one).
        connect(&host, &SandboxHost::requestCompleted, this,
                [&](const QByteArray &method, const QString &path, int status) {
                    QCOMPARE(method, QByteArray("POST"));
                    QCOMPARE(path, QStringLiteral("/service-account-token"));
                    QCOMPARE(status, 200);
                    ++deliveredHere;
                    deliveredIn = QThread::currentThread();
                });
        QVERIFY(host.start());
        QVERIFY(host.serverThread());
        QVERIFY(host.serverThread() != QThread::currentThread());

        Http http(host.baseUrl());
        QVERIFY(!fetchToken(http).isEmpty());
        QVERIFY(host.serverThread()->isRunning());
        const QList<QThread *> threads = recorder.threads();
        QCOMPARE(threads.size(), 1);
        QCOMPARE(threads.constFirst(), host.serverThread());
        QTRY_COMPARE(deliveredHere, 1);
        QCOMPARE(deliveredIn, QThread::currentThread());
    }

    void usesItsOptions()
    {
        SandboxOptions options;
        options.seedDemoData = false;
        options.extraOrganizations = 3;
        options.clientId = QStringLiteral("host-test");
        options.clientSecret = QStringLiteral("host-test-secret");
        SandboxHost host(options);
        QVERIFY(host.start());
        Http http(host.baseUrl());
        QVERIFY(fetchToken(http).isEmpty()); // the demo credentials are not these
        http.token = fetchToken(http, options.clientId, options.clientSecret);
        QVERIFY(!http.token.isEmpty());
        const Response page = http.get(QStringLiteral("/organizations"));
        QCOMPARE(page.status, 200);
        QCOMPARE(labels(page).size(), 3);
        QVERIFY(!labels(page).contains(QStringLiteral("acme")));
    }

    void destroyedWithRequestInFlight()
    {
        std::atomic<int> answered = 0; // outlives the host: its thread writes to it
        SandboxOptions options;
        options.latencyMs = 60000; // the answer is held back far longer than the test runs
        auto host = std::make_unique<SandboxHost>(options);
        connect(
            host.get(), &SandboxHost::requestCompleted, host.get(), [&answered] { ++answered; },
            Qt::DirectConnection);
        QVERIFY(host->start());
        const QUrl base = host->baseUrl();

        QNetworkAccessManager nam;
        std::unique_ptr<QNetworkReply> reply(
            nam.get(QNetworkRequest(QUrl(base.toString() + QStringLiteral("/organizations")))));
        // The server has handled the request and waits out the latency before answering.
        QTRY_COMPARE_WITH_TIMEOUT(answered.load(), 1, 20000);
        QVERIFY(!reply->isFinished());

        host.reset(); // joins the thread; the held-back answer is never sent
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        QVERIFY(reply->error() != QNetworkReply::NoError);
        QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
        QCOMPARE(answered.load(), 1);
    }

    void destroyedWithOpenConnections()
    {
        auto host = std::make_unique<SandboxHost>();
        QVERIFY(host->start());
        const QUrl base = host->baseUrl();

        // Keep-alive connections of a client that made a few calls.
        Http http(base);
        http.token = fetchToken(http);
        QVERIFY(!http.token.isEmpty());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http.get(QStringLiteral("/organizations/acme")).status, 200);

        // A connection that sent nothing, and one stuck in the middle of a request body.
        QTcpSocket idle;
        QTcpSocket partial;
        QSignalSpy idleConnected(&idle, &QTcpSocket::connected);
        QSignalSpy partialConnected(&partial, &QTcpSocket::connected);
        idle.connectToHost(base.host(), quint16(base.port()));
        partial.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(idleConnected.wait(20000));
        if (partialConnected.isEmpty())
            QVERIFY(partialConnected.wait(20000));
        partial.write("POST /organizations/acme/sso-connection HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"iden");

        host.reset(); // closes every connection in the server's thread, then joins it
        QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(partial.state(), QAbstractSocket::UnconnectedState, 20000);

        // Nothing listens on the port any more.
        const Response after = http.get(QStringLiteral("/organizations"));
        QVERIFY(after.finished);
        QCOMPARE(after.status, 0);
        QCOMPARE(after.error, QNetworkReply::ConnectionRefusedError);
    }

    void destroyedRightAfterStart()
    {
        // The worker may still be creating the server when the host asks it to quit.
        for (int i = 0; i < 5; ++i) {
            SandboxHost host;
            QVERIFY(host.start());
        }
        // And one that never started has no thread to stop.
        SandboxHost idle;
        QVERIFY(!idle.serverThread());
    }

    void serverAdoptsAListeningSocket()
    {
        // Bound first, served by a server created later (what the host does across threads).
        auto *listening = new QTcpServer;
        QVERIFY(listening->listen(QHostAddress::LocalHost, 0));
        const quint16 port = listening->serverPort();
        SandboxServer server;
        QVERIFY2(server.listen(listening), qPrintable(server.errorString()));
        QCOMPARE(server.port(), port);
        QCOMPARE(listening->parent()->thread(), server.thread());
        Http http(server.baseUrl());
        http.token = server.issueToken();
        QCOMPARE(http.get(QStringLiteral("/organizations/acme")).status, 200);

        SandboxServer refusing;
        QVERIFY(!refusing.listen(static_cast<QTcpServer *>(nullptr)));
        QVERIFY(!refusing.errorString().isEmpty());
        QVERIFY(!refusing.listen(new QTcpServer)); // not listening; deleted by listen()
        QVERIFY(!refusing.errorString().isEmpty());
        QCOMPARE(refusing.port(), quint16(0));
    }

    void twoHostsAreIndependent()
    {
        SandboxHost first;
        SandboxHost second;
        QVERIFY(first.start());
        QVERIFY(second.start());
        QVERIFY(first.port() != second.port());
        QVERIFY(first.serverThread() != second.serverThread());

        Http a(first.baseUrl());
        Http b(second.baseUrl());
        a.token = fetchToken(a);
        b.token = fetchToken(b);
        QVERIFY(!a.token.isEmpty());
        QVERIFY(!b.token.isEmpty());
        QCOMPARE(a.get(QStringLiteral("/organizations/globex")).status, 200);
        QCOMPARE(b.get(QStringLiteral("/organizations/globex")).status, 200);

        // Each has its own tokens: one host does not accept the other's.
        b.token = a.token;
        QCOMPARE(b.get(QStringLiteral("/organizations/globex")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHost)
#include "test_sandbox_host.moc"
