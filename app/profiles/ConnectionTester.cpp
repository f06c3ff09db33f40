#include "ConnectionTester.h"

#include "KeycardClient.h"

#include <QCoreApplication>
#include <QTimer>

namespace keycard::profiles {

QString ConnectionTestResult::summary() const
{
    if (ok) {
        if (organizationsSeen == 0)
            return tr("Connected to %1 and signed in, but these credentials see no "
                      "organizations.")
                .arg(host);
        if (moreOrganizations)
            return tr("Connected: signed in to %1, organizations are visible (first: %2).")
                .arg(host, firstOrganization);
        return tr("Connected: signed in to %1, 1 organization visible (%2).")
            .arg(host, firstOrganization);
    }
    QString text;
    switch (error.kind) {
    case ApiError::Kind::Configuration:
        text = error.message;
        break;
    case ApiError::Kind::Network:
        text = tr("Cannot reach %1: %2. Check the base URL and your network or proxy.")
                   .arg(host, error.message);
        break;
    case ApiError::Kind::Timeout:
        text = tr("%1 did not answer in time. Check the base URL and your network.").arg(host);
        break;
    case ApiError::Kind::Tls:
        text = tr("The secure (TLS) connection to %1 failed: %2").arg(host, error.message);
        break;
    case ApiError::Kind::Authentication:
        text =
            credentialKind == Credentials::Kind::BearerToken
                ? tr("%1 refused the token: check that it is complete and not expired.").arg(host)
                : tr("%1 refused the credentials: check the client ID and secret.").arg(host);
        break;
    case ApiError::Kind::Permission:
        text = tr("Signed in, but these credentials have no permission to list organizations "
                  "on %1.")
                   .arg(host);
        break;
    case ApiError::Kind::NotFound:
        text = tr("%1 does not answer like the Keycard API (not found). Check the base URL.")
                   .arg(host);
        break;
    default:
        text = error.toString();
        return text;
    }
    if (!error.requestId.isEmpty() && error.kind != ApiError::Kind::Configuration)
        text += QLatin1Char(' ') + tr("(request id %1)").arg(error.requestId);
    return text;
}

ConnectionTester::ConnectionTester(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

ConnectionTester::~ConnectionTester()
{
    cancel();
}

void ConnectionTester::start(ClientConfig config)
{
    cancel();
    const quint64 generation = ++m_generation;
    m_running = true;
    Q_EMIT started();

    ConnectionTestResult base;
    base.host =
        config.baseUrl.host().isEmpty() ? config.baseUrl.toDisplayString() : config.baseUrl.host();
    base.credentialKind = config.credentials.kind;

    if (auto error = config.validate()) {
        base.error = *error;
        // Always answer asynchronously, like a real test.
        QTimer::singleShot(0, this, [this, generation, base]() {
            if (generation == m_generation)
                finish(base);
        });
        return;
    }

    config.retry.maxRetries = 0;
    config.requestTimeoutMs = kTimeoutMs;
    m_client = std::make_unique<KeycardClient>(m_nam, std::move(config));
    ListOrganizationsRequest request;
    request.limit = 1;
    m_call = m_client->listOrganizations(
        request, this, [this, generation, base](const Result<OrganizationPage> &result) {
            if (generation != m_generation)
                return;
            ConnectionTestResult out = base;
            if (result.ok()) {
                out.ok = true;
                const OrganizationPage &page = result.value();
                out.organizationsSeen = int(page.items.size());
                out.moreOrganizations = page.pageInfo.hasNextPage;
                if (!page.items.isEmpty()) {
                    const Organization &first = page.items.first();
                    out.firstOrganization = displayName(first);
                }
            } else {
                out.error = result.error();
            }
            // Finish after the client's callback has returned: the client may be deleted.
            QTimer::singleShot(0, this, [this, generation, out]() {
                if (generation == m_generation)
                    finish(out);
            });
        });
}

void ConnectionTester::cancel()
{
    ++m_generation;
    m_running = false;
    if (m_call)
        m_call->abort();
    m_call.clear();
}

void ConnectionTester::finish(const ConnectionTestResult &result)
{
    m_running = false;
    m_call.clear();
    Q_EMIT finished(result);
}

} // namespace keycard::profiles
