#pragma once

// Shared by the GUI read-path tests: an in-process sandbox on a random port and a client
// configured for it with short retry delays.
#include "ClientConfig.h"
#include "KeycardClient.h"
#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace keycard::test {

struct SandboxFixture
{
    explicit SandboxFixture(int maxRetries = 0, sandbox::SandboxOptions options = {})
        : server(std::make_unique<sandbox::SandboxServer>(options))
    {
        if (!server->listen(QHostAddress::LocalHost, 0))
            qFatal("sandbox cannot listen: %s", qPrintable(server->errorString()));
        ClientConfig config;
        config.baseUrl = server->baseUrl();
        config.credentials = Credentials::serviceAccount(server->options().clientId,
                                                         Secret(server->options().clientSecret));
        config.retry.delayScale = 0.001;
        config.retry.maxRetries = maxRetries;
        config.requestTimeoutMs = 10000;
        client = std::make_unique<KeycardClient>(&nam, config);
    }
    ~SandboxFixture()
    {
        client.reset();
        server.reset();
    }

    QList<sandbox::RecordedRequest> requestsTo(const QByteArray &method, const QString &path) const
    {
        QList<sandbox::RecordedRequest> out;
        const auto all = server->requests();
        for (const auto &r : all) {
            if (r.method == method && r.path == path)
                out.append(r);
        }
        return out;
    }

    QNetworkAccessManager nam;
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<KeycardClient> client;
};

} // namespace keycard::test
