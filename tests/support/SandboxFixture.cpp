#include "SandboxFixture.h"

#include <QtGlobal>

namespace keycard::test {

ClientConfig sandboxClientConfig(const sandbox::SandboxServer &server)
{
    ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.credentials = Credentials::serviceAccount(server.options().clientId,
                                                     Secret(server.options().clientSecret));
    config.retry.delayScale = 0.001;
    config.requestTimeoutMs = 15000;
    return config;
}

SandboxFixture::SandboxFixture(int maxRetries, sandbox::SandboxOptions options)
    : server(std::make_unique<sandbox::SandboxServer>(std::move(options)))
    , nam(std::make_unique<QNetworkAccessManager>())
{
    if (!server->listen(QHostAddress::LocalHost, 0))
        qFatal("sandbox cannot listen: %s", qPrintable(server->errorString()));
    ClientConfig config = sandboxClientConfig(*server);
    if (maxRetries != kClientRetries)
        config.retry.maxRetries = maxRetries;
    client = std::make_unique<KeycardClient>(nam.get(), config);
}

SandboxFixture::~SandboxFixture()
{
    client.reset();
    nam.reset();
    server.reset();
}

QList<sandbox::RecordedRequest> SandboxFixture::requestsTo(const QByteArray &method,
                                                           const QString &path) const
{
    QList<sandbox::RecordedRequest> out;
    const auto all = server->requests();
    for (const auto &r : all) {
        if (r.method == method && r.path == path)
            out.append(r);
    }
    return out;
}

QList<sandbox::RecordedRequest> SandboxFixture::requestsEndingWith(const QByteArray &method,
                                                                   const QString &pathSuffix) const
{
    QList<sandbox::RecordedRequest> out;
    const auto all = server->requests();
    for (const auto &r : all) {
        if (r.method == method && r.path.endsWith(pathSuffix))
            out.append(r);
    }
    return out;
}

int SandboxFixture::tokenRequests() const
{
    return int(requestsTo("POST", QStringLiteral("/service-account-token")).size());
}

int SandboxFixture::apiRequests() const
{
    return int(server->requests().size()) - tokenRequests();
}

Organization SandboxFixture::organization(const char *label) const
{
    Organization o;
    QString error;
    const auto json = server->organization(QLatin1String(label));
    if (!json || !decode::organization(*json, o, error))
        qFatal("no organization %s", label);
    return o;
}

SsoConnection SandboxFixture::connection(const char *label) const
{
    SsoConnection c;
    QString error;
    const auto json = server->connection(QLatin1String(label));
    if (!json || !decode::ssoConnection(*json, c, error))
        qFatal("no connection for %s (%s)", label, qPrintable(error));
    return c;
}

} // namespace keycard::test
