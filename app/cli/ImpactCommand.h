#pragma once

#include "CliOptions.h"
#include "ClientConfig.h"
#include "KeycardClient.h"
#include "SignInImpact.h"

#include <QObject>

class QCoreApplication;

namespace keycard::cli {

// Reads an organization's SSO connection and every page of its members (at most kMaxMembers)
// and computes the sign-in safety check (SignInImpact.h). Never blocks; finished() once.
class ImpactRun : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxMembers = 1000000;

    enum class Mode {
        Current,      // no change: who signs in how (as an Enable of the current issuer)
        ChangeIssuer, // to `newIssuer` (without SSO: the impact of enabling it with that issuer)
        Disable,
    };
    ImpactRun(KeycardClient *client, QString organization, Mode mode, QString newIssuer,
              QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    // `error` (kind None on success) when the organization or its connection could not be read:
    // then `impact` means nothing. SSO not enabled is an error only for Disable (404).
    void finished(const keycard::SignInImpact &impact, const keycard::ApiError &error);

private:
    void readMembers(SsoChange change, const QString &current, const QString &next);

    KeycardClient *m_client;
    QString m_organization;
    Mode m_mode;
    QString m_newIssuer;
};

// The impact in keycardctl's words: "keycardctl: <line>" per line of SignInImpact::describe().
QString describeImpact(const SignInImpact &impact, const QString &prefix);

// The exit status `sso impact` ends with for a verdict.
int exitCodeForImpact(const SignInImpact &impact);

// sso disable / sso update --identifier: the same check first, reported on standard error.
// Returns ExitOk when the change may go ahead (nobody loses sign-in, some members do and it
// was said, the impact is unknown and that was said, or --force), else the exit status
// (ExitImpactNoAdminLeft: nothing was changed). Runs on the application's event loop.
int runImpactGuard(QCoreApplication &app, const Invocation &invocation, const ClientConfig &config);

} // namespace keycard::cli
