#pragma once

// Runs the built keycardctl as a child process against an in-process sandbox. The sandbox
// answers from this thread's event loop, so the child is awaited with QSignalSpy::wait, never
// with QProcess::waitForFinished.

#include "SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#ifndef KEYCARDCTL_PATH
#error "KEYCARDCTL_PATH must name the keycardctl executable"
#endif

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool completed = false;

    // The last line of stderr (--json errors) as a JSON object.
    QJsonObject errorJson() const
    {
        const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return lines.isEmpty() ? QJsonObject()
                               : QJsonDocument::fromJson(lines.last().toUtf8()).object();
    }
    QJsonArray outArray() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
    QJsonObject outObject() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

class CliHarness
{
public:
    std::unique_ptr<keycard::sandbox::SandboxServer> sandbox;

    bool startSandbox()
    {
        sandbox = std::make_unique<keycard::sandbox::SandboxServer>();
        return sandbox->listen(QHostAddress::LocalHost, 0);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"KEYCARD_API_API_KEY", "KEYCARD_SSO_CLIENT_SECRET", "LANG",
                                 "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("KEYCARD_API_BASE_URL"), sandbox->baseUrl().toString());
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_ID"), sandbox->options().clientId);
        env.insert(QStringLiteral("KEYCARD_API_CLIENT_SECRET"), sandbox->options().clientSecret);
        return env;
    }

    CliRun run(const QStringList &arguments, const QByteArray &input = {})
    {
        return run(arguments, environment(), input);
    }

    CliRun run(const QStringList &arguments, const QProcessEnvironment &env,
               const QByteArray &input = {})
    {
        CliRun result;
        QProcess process;
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(KEYCARDCTL_PATH), arguments);
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(60000)) {
            process.kill();
            finished.wait(5000);
            return result;
        }
        result.completed = process.exitStatus() == QProcess::NormalExit;
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    // The requests for one method and path.
    QList<keycard::sandbox::RecordedRequest> requests(const QByteArray &method,
                                                      const QString &path) const
    {
        QList<keycard::sandbox::RecordedRequest> out;
        const auto all = sandbox->requests();
        for (const auto &request : all) {
            if (request.method == method && request.path == path)
                out << request;
        }
        return out;
    }

    // Requests other than the token endpoint.
    QList<keycard::sandbox::RecordedRequest> apiRequests() const
    {
        QList<keycard::sandbox::RecordedRequest> out;
        const auto all = sandbox->requests();
        for (const auto &request : all) {
            if (request.path != QLatin1String("/service-account-token"))
                out << request;
        }
        return out;
    }
};

namespace clitest {

// keycardctl's arguments, written as string literals.
inline QStringList args(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out << QString::fromUtf8(word);
    return out;
}

} // namespace clitest

// Fails the test with the child's output when it did not end normally.
#define CLI_RUN(result, ...)                                                                       \
    const CliRun result = harness.run(__VA_ARGS__);                                                \
    QVERIFY2(result.completed,                                                                     \
             qPrintable(QStringLiteral("keycardctl did not finish: ") + result.err))
