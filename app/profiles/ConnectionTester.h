#pragma once

#include "ApiError.h"
#include "ClientConfig.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace keycard {
class KeycardClient;
class PendingCall;
} // namespace keycard

namespace keycard::profiles {

struct ConnectionTestResult
{
    bool ok = false;
    QString host;              // the base URL's host, for messages
    int organizationsSeen = 0; // in the one-item page that was requested (0 or 1)
    bool moreOrganizations = false;
    QString firstOrganization; // its name, when one was seen
    ApiError error;            // when !ok
    Credentials::Kind credentialKind = Credentials::Kind::None;

    // One translated sentence: "Connected: …" or exactly what failed and what to check.
    QString summary() const;

    Q_DECLARE_TR_FUNCTIONS(ConnectionTester)
};

// "Test connection": obtains a token and lists one organization with the given settings, then
// reports success or which step failed (unreachable, TLS, bad credentials, no permission,
// refused configuration). Does not retry: a test should answer quickly. One test at a time;
// starting a new one cancels the previous.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    // `nam` is not owned and must outlive the tester.
    explicit ConnectionTester(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ConnectionTester() override;

    void start(ClientConfig config);
    void cancel();
    bool isRunning() const { return m_running; }

    static constexpr int kTimeoutMs = 15000;

Q_SIGNALS:
    void started();
    void finished(const keycard::profiles::ConnectionTestResult &result);

private:
    void finish(const ConnectionTestResult &result);

    QNetworkAccessManager *m_nam;
    std::unique_ptr<KeycardClient> m_client;
    QPointer<PendingCall> m_call;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace keycard::profiles
