#pragma once

#include "CliOptions.h"
#include "ClientConfig.h"
#include "KeycardClient.h"
#include "SignInImpact.h"

#include <QObject>

#include <memory>

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

// "The members could not be read: <error>" (the error's message made printable).
QString membersUnreadable(const ApiError &error);

// Reads every member of `organization` (500 a page, at most `maxMembers`) into `check` (a
// SignInImpactCheck or an AdminRuleCheck) and calls done(result, error) once: `error` is set
// only when there is no such organization (404); members that could not be read give
// check->unknown() with why.
template<typename Check, typename Done>
void readEveryMember(KeycardClient *client, const QString &organization, QObject *context,
                     std::shared_ptr<Check> check, qint64 maxMembers, Done done)
{
    ListMembersRequest request;
    // 500 a page: 100,000 members in 29.5 MiB peak (1,000 a page: 30.4 MiB; bench/impact-bench.sh).
    request.limit = 500;
    client->listAllMembers(
        organization, request, context,
        [check](const MemberPage &page) { check->addMembers(page.items); },
        [check, done](const Result<ListAllMembersOutcome> &result) {
            if (result.ok()) {
                done(check->result(result.value().incompleteReasons()), ApiError());
            } else if (result.error().kind == ApiError::Kind::NotFound &&
                       result.error().httpStatus == 404) {
                done(decltype(check->result()){}, result.error()); // no such organization
            } else {
                done(check->unknown(membersUnreadable(result.error())), ApiError());
            }
        },
        {}, maxMembers);
}

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
