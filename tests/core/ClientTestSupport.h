#pragma once

// Shared helpers of the client tests: an in-process sandbox on a random port, a client
// configured for it, and a recorder for operation callbacks.

#include "DemoData.h"
#include "KeycardClient.h"
#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <optional>

namespace testsupport {

using namespace keycard;
using sandbox::SandboxServer;

inline constexpr int kWaitMs = 20000;

inline const QString kClientId = QStringLiteral("demo-admin");
inline const QString kClientSecret = QStringLiteral("sandbox-demo-secret");

// Records what an operation callback received; counts calls to prove "exactly once".
template<typename T> class Recorder
{
public:
    KeycardClient::Callback<T> callback()
    {
        return [this](const Result<T> &result) {
            ++m_calls;
            m_result = result;
        };
    }
    bool done() const { return m_calls > 0; }
    int calls() const { return m_calls; }
    const Result<T> &result() const { return *m_result; }
    const ApiError &error() const { return m_result->error(); }
    const T &value() const { return m_result->value(); }

private:
    int m_calls = 0;
    std::optional<Result<T>> m_result;
};

// Waits (event loop running) until the recorder has its result.
#define AWAIT(recorder) QTRY_VERIFY_WITH_TIMEOUT((recorder).done(), testsupport::kWaitMs)

// Fails the test with the error text unless the result is a success.
#define VERIFY_OK(recorder)                                                                        \
    QVERIFY2((recorder).result().ok(), qPrintable((recorder).error().toString()))

inline ClientConfig configFor(const SandboxServer &server)
{
    ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.credentials = Credentials::serviceAccount(kClientId, Secret(kClientSecret));
    config.retry.delayScale = 0.001; // decided delays stay real, waits are 1/1000 of them
    config.requestTimeoutMs = 15000;
    return config;
}

// A sandbox, a network access manager and a client for it.
struct Fixture
{
    explicit Fixture(sandbox::SandboxOptions options = {})
        : server(std::make_unique<SandboxServer>(std::move(options)))
    {
        if (!server->listen())
            qFatal("sandbox cannot listen: %s", qPrintable(server->errorString()));
        nam = std::make_unique<QNetworkAccessManager>();
        client = std::make_unique<KeycardClient>(nam.get(), configFor(*server));
    }
    ~Fixture()
    {
        client.reset();
        nam.reset();
        server.reset();
    }

    // Requests the sandbox recorded for `method` and `path`.
    QList<sandbox::RecordedRequest> recorded(const QByteArray &method, const QString &path) const
    {
        QList<sandbox::RecordedRequest> list;
        const auto all = server->requests();
        for (const auto &r : all) {
            if (r.method == method && r.path == path)
                list.append(r);
        }
        return list;
    }
    int tokenRequests() const
    {
        return int(recorded("POST", QStringLiteral("/service-account-token")).size());
    }
    // Every request except the token endpoint's.
    int apiRequests() const { return int(server->requests().size()) - tokenRequests(); }

    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<KeycardClient> client;
};

inline QString orgPath(const char *label, const char *suffix = "")
{
    return QStringLiteral("/organizations/") + QLatin1String(label) + QLatin1String(suffix);
}

inline sandbox::ScriptedResponse status(int code, std::optional<QString> retryAfter = std::nullopt,
                                        std::optional<bool> shouldRetry = std::nullopt,
                                        QByteArray body = {})
{
    sandbox::ScriptedResponse r;
    r.status = code;
    r.retryAfter = std::move(retryAfter);
    r.shouldRetry = shouldRetry;
    r.body = std::move(body);
    return r;
}

inline QStringList requestIds(const QList<sandbox::RecordedRequest> &requests)
{
    QStringList ids;
    for (const auto &r : requests)
        ids << r.requestId();
    return ids;
}

inline bool isLowerUuid(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(text).hasMatch();
}

} // namespace testsupport
