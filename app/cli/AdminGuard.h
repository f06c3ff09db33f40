#pragma once

#include "AdministratorRule.h"
#include "CliOptions.h"
#include "ClientConfig.h"
#include "KeycardClient.h"

#include <QObject>

class QCoreApplication;

namespace keycard::cli {

// Reads an organization's SSO connection and every page of its members (at most kMaxMembers)
// and applies the administrator rule (AdministratorRule.h) to one member change. Never blocks;
// finished() once.
class AdminRuleRun : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxMembers = 1000000;

    AdminRuleRun(KeycardClient *client, QString organization, QString memberId, MemberChange change,
                 QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    // `error` (kind None on success) when the organization could not be found: then `result`
    // means nothing. Every other failure to read gives an Unknown result that says why.
    void finished(const keycard::AdminRuleResult &result, const keycard::ApiError &error);

private:
    void readConnection();
    void readMembers(const QString &ssoIssuer);

    KeycardClient *m_client;
    QString m_organization;
    QString m_memberId;
    MemberChange m_change;
};

// users set (a demotion or a disable) and users remove: the administrator rule first, reported
// on standard error. Returns ExitOk when the change may go ahead (not an administrator, another
// one remains, a warning was said, the answer is unknown and that was said, or --force), else
// ExitImpactNoAdminLeft: the member is the last active administrator and nothing was changed.
// Runs on the application's event loop.
int runAdminGuard(QCoreApplication &app, const Invocation &invocation, const ClientConfig &config);

} // namespace keycard::cli
