#pragma once

#include "CliOptions.h"
#include "ClientConfig.h"
#include "KeycardClient.h"
#include "Output.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

class QNetworkAccessManager;

namespace keycard::cli {

// Runs one validated keycardctl command through the asynchronous client and prints its result.
// Emits finished() exactly once with the exit status; never blocks.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    // `ssoSecret`: the IdP client secret for sso enable/update, when one was supplied.
    CommandRunner(Invocation invocation, ClientConfig config, std::optional<Secret> ssoSecret,
                  QObject *parent = nullptr);
    ~CommandRunner() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void listOrganizations();
    void printPage(const OrganizationPage &page);
    // After the last page: closes the JSON array (or says there was nothing) and notes the
    // skipped and incomplete items on standard error.
    void endListing(qint64 skipped, qint64 incomplete);
    void getOrganization();
    void getConnection();
    void enable();
    void update();
    void sendUpdate(const SsoConnectionUpdate &body);
    void disable();

    // A failed operation on the SSO connection; a 404 goes to reportMissingConnection().
    void failOnConnection(const ApiError &error);
    // A 404 on the connection: tells "no such organization" from "SSO not enabled".
    void reportMissingConnection(const ApiError &error);
    void fail(const ApiError &error, const QJsonObject &extra = {});
    void succeed(const QString &requestId);
    void finish(int exitCode);

    CallOptions callOptions(bool expandPermissions) const;
    std::optional<SsoProtocols> requestedProtocols() const;

    Invocation m_inv;
    std::optional<Secret> m_ssoSecret;
    QNetworkAccessManager *m_nam;
    KeycardClient *m_client;
    OrganizationTable m_table;
    JsonArrayStream m_stream;
    bool m_finished = false;
};

} // namespace keycard::cli
