#pragma once

// The fixture every client and window test shares: the sandbox in-process on a random port,
// the real KeycardClient pointed at it with its demo service account and short retry delays,
// and what the sandbox recorded.
#include "ClientConfig.h"
#include "KeycardClient.h"
#include "Models.h"
#include "SandboxServer.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QString>

#include <memory>

namespace keycard::test {

// A client configuration for `server`: its demo service account; retries wait 1/1000 of the
// delays the client decides (the decisions stay real).
ClientConfig sandboxClientConfig(const sandbox::SandboxServer &server);

struct SandboxFixture
{
    // Keeps the client's own number of retries.
    static constexpr int kClientRetries = -1;

    explicit SandboxFixture(int maxRetries = 0, sandbox::SandboxOptions options = {});
    ~SandboxFixture();

    // Requests recorded for `method` and exactly `path`, oldest first.
    QList<sandbox::RecordedRequest> requestsTo(const QByteArray &method, const QString &path) const;
    // Requests recorded for `method` whose path ends with `pathSuffix`, oldest first.
    QList<sandbox::RecordedRequest> requestsEndingWith(const QByteArray &method,
                                                       const QString &pathSuffix) const;
    int tokenRequests() const;
    // Every request except the token endpoint's.
    int apiRequests() const;

    // The sandbox's organization / SSO connection with this label (the test fails hard when
    // there is none).
    Organization organization(const char *label) const;
    SsoConnection connection(const char *label) const;

    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<KeycardClient> client;
};

} // namespace keycard::test
