// keycard-admin's demo server as a child process (app/session/SandboxProcess): it serves on the
// port bound here, with a secret nobody else sees, reports its death and ends with us.
#include "KeycardClient.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <optional>

#include <signal.h>

using namespace keycard;

namespace {

const QString kProgram = QStringLiteral(KEYCARD_SANDBOX_EXECUTABLE);

SandboxProcess::Options options()
{
    SandboxProcess::Options o;
    o.program = kProgram;
    return o;
}

// What /proc says of a process: its arguments or its environment (NUL-separated).
QByteArray procFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool refusesConnections(const QUrl &baseUrl)
{
    QTcpSocket socket;
    socket.connectToHost(baseUrl.host(), quint16(baseUrl.port()));
    QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    if (!QTest::qWaitFor([&] { return !failed.isEmpty() || !connected.isEmpty(); }, 5000))
        return false;
    return connected.isEmpty() && socket.error() == QAbstractSocket::ConnectionRefusedError;
}

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesWithAFreshSecret();
    void secretNeverInArgumentsOrEnvironment();
    void stopsWhenDestroyed();
    void deathIsReported();
    void missingProgramIsRefused();
    void endsWhenStandardInputCloses();
    void refusesADescriptorThatIsNotAListeningSocket();
};

void TestSandboxProcess::servesWithAFreshSecret()
{
    SandboxProcess first;
    SandboxProcess second;
    QString error;
    QVERIFY2(first.start(options(), &error), qPrintable(error));
    QVERIFY2(second.start(options(), &error), qPrintable(error));
    QCOMPARE(first.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(first.baseUrl() != second.baseUrl());
    QVERIFY(first.clientSecret().reveal().size() >= 40);
    QVERIFY(first.clientSecret() != second.clientSecret());

    QNetworkAccessManager nam;
    ClientConfig config;
    config.baseUrl = first.baseUrl();
    config.credentials = Credentials::serviceAccount(first.clientId(), first.clientSecret());
    KeycardClient client(&nam, config);
    std::optional<Result<OrganizationPage>> page;
    client.listOrganizations({}, this, [&page](const Result<OrganizationPage> &r) { page = r; });
    QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 20000);
    QVERIFY2(page->ok(), qPrintable(page->error().message));
    QCOMPARE(page->value().items.value(0).label, QStringLiteral("acme"));

    // The fixed demo secret of a hand-started sandbox is not accepted by this one.
    config.credentials = Credentials::serviceAccount(first.clientId(),
                                                     Secret(QStringLiteral("sandbox-demo-secret")));
    KeycardClient stranger(&nam, config);
    std::optional<Result<OrganizationPage>> refused;
    stranger.listOrganizations({}, this,
                               [&refused](const Result<OrganizationPage> &r) { refused = r; });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 20000);
    QVERIFY(!refused->ok());
}

void TestSandboxProcess::secretNeverInArgumentsOrEnvironment()
{
    SandboxProcess sandbox;
    QString error;
    QVERIFY2(sandbox.start(options(), &error), qPrintable(error));
    const QByteArray secret = sandbox.clientSecret().reveal().toUtf8();
    // Once the child has run keycard-sandbox (right after the fork it is still a copy of us).
    QTRY_VERIFY(procFile(sandbox.processId(), "cmdline").contains("--client-secret-stdin"));
    const QByteArray arguments = procFile(sandbox.processId(), "cmdline");
    QVERIFY(!arguments.contains(secret));
    QVERIFY(!procFile(sandbox.processId(), "environ").contains(secret));
}

void TestSandboxProcess::stopsWhenDestroyed()
{
    QUrl baseUrl;
    qint64 pid = 0;
    {
        SandboxProcess sandbox;
        QString error;
        QVERIFY2(sandbox.start(options(), &error), qPrintable(error));
        baseUrl = sandbox.baseUrl();
        pid = sandbox.processId();
        QVERIFY(!refusesConnections(baseUrl));
    }
    QVERIFY(procFile(pid, "cmdline").isEmpty()); // reaped: no such process
    QVERIFY(refusesConnections(baseUrl));
}

void TestSandboxProcess::deathIsReported()
{
    SandboxProcess sandbox;
    QSignalSpy stopped(&sandbox, &SandboxProcess::stopped);
    QString error;
    QVERIFY2(sandbox.start(options(), &error), qPrintable(error));
    QVERIFY(!refusesConnections(sandbox.baseUrl()));
    ::kill(pid_t(sandbox.processId()), SIGKILL);
    QVERIFY(stopped.wait(10000));
    QCOMPARE(stopped.size(), 1);
    QVERIFY2(stopped.at(0).at(0).toString().contains(QStringLiteral("stopped unexpectedly")),
             qPrintable(stopped.at(0).at(0).toString()));
    QVERIFY(!sandbox.isRunning());
    QVERIFY(refusesConnections(sandbox.baseUrl()));
}

void TestSandboxProcess::missingProgramIsRefused()
{
    SandboxProcess sandbox;
    QSignalSpy stopped(&sandbox, &SandboxProcess::stopped);
    SandboxProcess::Options o;
    o.program = QStringLiteral("/nonexistent/keycard-sandbox");
    QString error;
    QVERIFY(!sandbox.start(o, &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/keycard-sandbox")), qPrintable(error));
    QVERIFY(stopped.isEmpty());
}

void TestSandboxProcess::endsWhenStandardInputCloses()
{
    QProcess child;
    child.start(kProgram, {QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--exit-with-stdin"), QStringLiteral("--quiet")});
    QSignalSpy finished(&child, &QProcess::finished);
    QSignalSpy ready(&child, &QProcess::readyReadStandardOutput);
    QVERIFY(ready.wait(20000)); // its banner: it is serving
    QVERIFY(finished.isEmpty());
    child.closeWriteChannel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

void TestSandboxProcess::refusesADescriptorThatIsNotAListeningSocket()
{
    QProcess child;
    child.start(kProgram, {QStringLiteral("--listen-fd"), QStringLiteral("0")});
    child.closeWriteChannel();
    QSignalSpy finished(&child, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(child.exitCode(), 1);
    QVERIFY2(child.readAllStandardError().contains("cannot serve on descriptor 0"),
             "keycard-sandbox should say why");
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "test_sandbox_process.moc"
