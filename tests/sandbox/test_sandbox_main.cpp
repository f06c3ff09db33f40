// The keycard-sandbox executable: options, the start banner a person pastes from, request log.
#include "SandboxTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <iterator>
#include <memory>
#include <vector>

using sandboxtest::Http;
using sandboxtest::Response;

namespace {

const QString kExecutable = QStringLiteral(KEYCARD_SANDBOX_EXECUTABLE);

// Runs the executable to completion (for --version, --help and bad options).
struct Finished
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(kExecutable, arguments);
    Finished result;
    if (!finished.wait(20000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// CPU time (user + system) the process `pid` has used so far, in clock ticks; -1 if unknown.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // pid (comm) state ppid ...: utime and stime are the 14th and 15th fields; comm may hold
    // spaces, so count from its closing parenthesis.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

} // namespace

class TestSandboxMain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Finished r = runToEnd({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(KEYCARD_SANDBOX_VERSION));
    }

    void help()
    {
        const Finished r = runToEnd({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *option : {"--port", "--orgs", "--state", "--latency", "--version", "8765"})
            QVERIFY2(r.out.contains(option), option);
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("port text") << QStringList{"--port", "http"};
        QTest::newRow("port too big") << QStringList{"--port", "70000"};
        QTest::newRow("negative orgs") << QStringList{"--orgs", "-1"};
        QTest::newRow("latency text") << QStringList{"--latency", "slow"};
    }
    void badOptions()
    {
        QFETCH(QStringList, arguments);
        const Finished r = runToEnd(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    // Out of file descriptors (a low RLIMIT_NOFILE and more clients than it allows), the
    // sandbox says so once, retries at its timer's pace instead of spinning on the listening
    // socket, and serves again once descriptors are free.
    void fileDescriptorExhaustionDoesNotSpin()
    {
        QProcess process;
        process.setChildProcessModifier([] {
            const rlimit limit{32, 32};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("keycard.sandbox.accept.debug=true"));
        process.setProcessEnvironment(env);
        QByteArray out;
        QByteArray err;
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                         [&] { out += process.readAllStandardOutput(); });
        QObject::connect(&process, &QProcess::readyReadStandardError, &process,
                         [&] { err += process.readAllStandardError(); });
        process.start(kExecutable, {QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--orgs"), QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("KEYCARD_API_CLIENT_SECRET="), 20000);
        static const QRegularExpression urlLine(
            QStringLiteral("export KEYCARD_API_BASE_URL=(http://127\\.0\\.0\\.1:(\\d+))"));
        const auto match = urlLine.match(QString::fromUtf8(out));
        QVERIFY2(match.hasMatch(), out.constData());
        const quint16 port = quint16(match.captured(2).toUInt());

        // One request served first: the server has accepted before and drained its backlog
        // (Qt's own accept path then keeps "try again" as its error for good and treats running
        // out of descriptors as that, polling in a busy loop; the sandbox accepts itself).
        Http http{QUrl(match.captured(1))};
        const auto token = [&http] {
            return http.tokenRequest(
                "grant_type=client_credentials",
                {{"Authorization", sandboxtest::basic(QStringLiteral("demo-admin"),
                                                      QStringLiteral("sandbox-demo-secret"))}});
        };
        QCOMPARE(token().status, 200);

        // More connections than 32 descriptors allow: the rest wait in the listen backlog.
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 60; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        const auto state = [&] {
            int connected = 0;
            for (const auto &client : clients)
                connected += client->state() == QAbstractSocket::ConnectedState;
            std::error_code ignored;
            const auto fds = std::distance(
                std::filesystem::directory_iterator(
                    QStringLiteral("/proc/%1/fd").arg(process.processId()).toStdString(), ignored),
                std::filesystem::directory_iterator());
            QFile limits(QStringLiteral("/proc/%1/limits").arg(process.processId()));
            limits.open(QIODevice::ReadOnly);
            QByteArray openFiles;
            for (const QByteArray &line : limits.readAll().split('\n'))
                if (line.startsWith("Max open files"))
                    openFiles = line.simplified();
            return QStringLiteral("%1 of 60 clients connected; the sandbox holds %2 descriptors "
                                  "(%3); it printed: %4")
                .arg(connected)
                .arg(qint64(fds))
                .arg(QString::fromLatin1(openFiles), QString::fromUtf8(err.right(2000)));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(err.contains("cannot accept a connection"), qPrintable(state()),
                                  20000);
        const qint64 ticksAtFirstFailure = cpuTicks(process.processId());
        QElapsedTimer held;
        held.start();
        QVERIFY(ticksAtFirstFailure >= 0);
        // Four retries are four of the server's timer periods (250 ms each): the time in which
        // a busy loop would have burnt a core.
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("accept attempt 5 failed"), 20000);
        const qint64 ticksUsed = cpuTicks(process.processId()) - ticksAtFirstFailure;
        const qint64 heldMs = held.elapsed();
        const qint64 usedMs = ticksUsed * 1000 / ::sysconf(_SC_CLK_TCK);
        // Paced by the timer (a coarse timer fires at most 5 % early)...
        QVERIFY2(heldMs >= 4 * 200, qPrintable(QStringLiteral("4 retries in %1 ms").arg(heldMs)));
        // ...and mostly idle in between (a busy loop would use all of the time; the margin is
        // for a loaded machine, where the retries themselves take longer).
        QVERIFY2(usedMs * 2 < heldMs,
                 qPrintable(QStringLiteral("the sandbox used %1 ms of CPU in %2 ms while out of "
                                           "descriptors")
                                .arg(usedMs)
                                .arg(heldMs)));
        QCOMPARE(err.count("cannot accept a connection"), 1); // said once, not per attempt

        // Descriptors free again: accepted and served.
        clients.clear();
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("accepting connections again after"), 20000);
        QCOMPARE(token().status, 200);

        QSignalSpy finished(&process, &QProcess::finished);
        process.terminate();
        QVERIFY(finished.wait(20000));
    }

    void servesAndLogs()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("state.json"));
        QProcess process;
        // Debug output of every category on, as someone chasing a problem would: request
        // headers (credentials, tokens) must still stay out of it.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        process.setProcessEnvironment(env);
        QByteArray out;
        QByteArray err;
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                         [&] { out += process.readAllStandardOutput(); });
        QObject::connect(&process, &QProcess::readyReadStandardError, &process,
                         [&] { err += process.readAllStandardError(); });
        process.start(kExecutable,
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--orgs"),
                       QStringLiteral("50"), QStringLiteral("--state"), state});
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("KEYCARD_API_CLIENT_SECRET="), 20000);

        static const QRegularExpression urlLine(
            QStringLiteral("export KEYCARD_API_BASE_URL=(http://127\\.0\\.0\\.1:(\\d+))"));
        const auto match = urlLine.match(QString::fromUtf8(out));
        QVERIFY2(match.hasMatch(), out.constData());
        QVERIFY(match.captured(2).toInt() > 0);
        QVERIFY(out.contains("export KEYCARD_API_CLIENT_ID=demo-admin"));
        QVERIFY(out.contains("export KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret"));

        Http http{QUrl(match.captured(1))};
        const Response token = http.tokenRequest(
            "grant_type=client_credentials",
            {{"Authorization", sandboxtest::basic(QStringLiteral("demo-admin"),
                                                  QStringLiteral("sandbox-demo-secret"))}});
        QCOMPARE(token.status, 200);
        http.token = token.json().value("access_token").toString();
        QCOMPARE(http.get(QStringLiteral("/organizations?limit=1000"))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 56);
        QCOMPARE(http.post(QStringLiteral("/organizations/globex/sso-connection"),
                           QJsonObject{{"identifier", "https://globex.okta.com"},
                                       {"client_id", "abc"},
                                       {"client_secret", "logged-nowhere-secret"}})
                     .status,
                 201);
        // A path with an escape sequence and a forged line: logged escaped, one line.
        QVERIFY(http.get(QStringLiteral("/organizations/x%1B%5D0%3Bpwned%07%0D%0Aforged")).status >=
                400);
        QTRY_VERIFY(out.contains("POST /organizations/globex/sso-connection 201"));
        QTRY_VERIFY(out.contains("GET /organizations/x\\x1b]0;pwned\\x07\\x0d\\x0aforged "));
        QVERIFY(!out.contains('\x1b'));
        QVERIFY(!out.contains("\nforged"));
        QVERIFY(out.contains("GET /organizations 200"));
        QVERIFY(out.contains("POST /service-account-token 200"));
        QVERIFY(!out.contains("logged-nowhere-secret"));
        QVERIFY(!out.contains(http.token.toLatin1()));
        QVERIFY(!out.contains("Bearer"));
        const QByteArray basic =
            sandboxtest::basic(QStringLiteral("demo-admin"), QStringLiteral("sandbox-demo-secret"));
        for (const QByteArray &secret :
             {QByteArray("logged-nowhere-secret"), http.token.toLatin1(), basic.mid(6),
              QByteArray("sandbox-demo-secret"), QByteArray("uthorization")})
            QVERIFY2(!err.contains(secret), err.constData());

        QFile file(state);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("https://globex.okta.com"));
        QVERIFY(!saved.contains("logged-nowhere-secret"));

        QSignalSpy finished(&process, &QProcess::finished);
        process.terminate();
        QVERIFY(finished.wait(20000));
    }
};

QTEST_GUILESS_MAIN(TestSandboxMain)
#include "test_sandbox_main.moc"
