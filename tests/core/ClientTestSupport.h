#pragma once

// Shared helpers of the client tests: the shared sandbox fixture (tests/support) with awaited
// operations, and a recorder for operation callbacks.

#include "DemoData.h"
#include "SandboxFixture.h"

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

// Records what an operation callback received; counts calls to prove "exactly once". Copies
// share what was recorded, so a recorder may be returned while its callback is still held.
template<typename T> class Recorder
{
public:
    KeycardClient::Callback<T> callback()
    {
        return [state = m_state](const Result<T> &result) {
            ++state->calls;
            state->result = result;
        };
    }
    bool done() const { return m_state->calls > 0; }
    int calls() const { return m_state->calls; }
    // Before the callback ran: a failure saying so, which no assertion on a result passes.
    const Result<T> &result() const { return m_state->result ? *m_state->result : m_state->none; }
    const ApiError &error() const { return result().error(); }
    const T &value() const { return result().value(); }

private:
    struct State
    {
        int calls = 0;
        std::optional<Result<T>> result;
        // Kind None: no test expects it.
        Result<T> none = Result<T>::failure(ApiError::make(ApiError::Kind::None, {}));
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

// Waits (event loop running) until the recorder has its result.
#define AWAIT(recorder) QTRY_VERIFY_WITH_TIMEOUT((recorder).done(), testsupport::kWaitMs)

// Fails the test with the error text unless the result is a success.
#define VERIFY_OK(recorder)                                                                        \
    QVERIFY2((recorder).result().ok(), qPrintable((recorder).error().toString()))

// Starts an operation with `start(callback)` and runs the event loop until the callback ran
// (at most kWaitMs; the test fails when it did not).
template<typename T, typename Start> Recorder<T> awaitCall(const char *operation, Start start)
{
    Recorder<T> rec;
    start(rec.callback());
    if (!QTest::qWaitFor([&rec] { return rec.done(); }, kWaitMs))
        QTest::qFail(operation, __FILE__, __LINE__);
    return rec;
}

// The body of an enable request.
inline SsoConnectionCreate ssoCreate(const QString &identifier, const QString &clientId,
                                     std::optional<QString> clientSecret = std::nullopt)
{
    SsoConnectionCreate body;
    body.identifier = identifier;
    body.clientId = clientId;
    body.clientSecret = std::move(clientSecret);
    return body;
}

using test::sandboxClientConfig;

// The shared sandbox fixture (tests/support) with the client's own number of retries, and
// operations awaited.
struct Fixture : test::SandboxFixture
{
    explicit Fixture(sandbox::SandboxOptions options = {})
        : SandboxFixture(kClientRetries, std::move(options))
    {
    }

    // getOrganization(`organization`), awaited (event loop running, at most kWaitMs).
    Recorder<Organization> getOrganization(const QString &organization)
    {
        return awaitCall<Organization>("getOrganization", [&](auto callback) {
            client->getOrganization(organization, nullptr, callback);
        });
    }
    // enableSso(`organization`, `body`), awaited.
    Recorder<EnableOutcome> enableSso(const QString &organization, const SsoConnectionCreate &body)
    {
        return awaitCall<EnableOutcome>("enableSso", [&](auto callback) {
            client->enableSso(organization, body, nullptr, callback);
        });
    }
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
