#pragma once

#include "Members.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The administrator rule for changes to one member: demoting, disabling or removing an active
// administrator must leave another active administrator (refused otherwise: nobody could manage
// the members and SSO any more), and should leave one who signs in without SSO (warned
// otherwise: if single sign-on breaks, nobody can sign in to repair it).
//
// Computed from every member, read fresh from the server page by page (the member's own role
// and status included: what the server has, not what a list showed earlier). What was read
// settles it when it already holds another active administrator outside SSO; otherwise an
// incomplete read makes the answer unknown, never "allowed". Widget-free and network-free, in
// keycard_core next to SignInImpact, for the window and keycardctl alike.
namespace keycard {

enum class MemberChange {
    Demote,  // a role other than org_admin
    Disable, // status disabled
    Remove,
};

enum class AdminRuleVerdict {
    Allowed,           // not an active administrator, or another one outside SSO remains
    NoEmergencyAdmin,  // allowed; no active administrator outside SSO would remain (warning)
    LastAdministrator, // refused: no active administrator would remain
    Unknown,           // the members could not all be read, and what was read does not settle it
};

struct AdminRuleResult
{
    Q_DECLARE_TR_FUNCTIONS(AdminRuleResult)

public:
    MemberChange change = MemberChange::Remove;
    AdminRuleVerdict verdict = AdminRuleVerdict::Unknown;
    QString targetName;               // display-safe (email or id)
    bool targetFound = false;         // the member was among those read
    bool targetIsActiveAdmin = false; // as the server has it now
    qint64 members = 0;               // members read
    qint64 activeAdmins = 0;          // before the change
    qint64 emergencyAdmins = 0;       // active administrators outside SSO, before the change
    qint64 adminsAfter = 0;
    qint64 emergencyAdminsAfter = 0;
    QStringList unknownReasons; // translated; why the verdict is Unknown

    bool refused() const { return verdict == AdminRuleVerdict::LastAdministrator; }
    // Translated sentences for people: the verdict and the counts behind it.
    QStringList describe() const;
    // {"change", "verdict", "member", "active_admins_after", ...}
    QJsonObject toJson() const;
    static QString verdictName(AdminRuleVerdict verdict); // "allowed", "last_administrator", ...
    static QString changeName(MemberChange change);       // "demote", "disable", "remove"
};

// Accumulates the members page by page.
class AdminRuleCheck
{
public:
    // `ssoIssuer`: the organization's SSO connection identifier (empty without SSO): members
    // whose source is exactly it sign in through SSO.
    AdminRuleCheck(QString memberId, MemberChange change, QString ssoIssuer);

    // What `update` does to an administrator, if anything the rule is about: a role other than
    // org_admin demotes, status "disabled" disables (a demotion wins when both are asked).
    static std::optional<MemberChange> changeOf(const MemberUpdate &update);

    void addMembers(const QList<OrganizationUser> &members);
    void addMember(const OrganizationUser &member);

    // The answer from every member added so far; complete when `incompleteReasons` is empty.
    AdminRuleResult result(const QStringList &incompleteReasons = {}) const;
    // The members could not be read at all (`reason`: why).
    AdminRuleResult unknown(const QString &reason) const;

private:
    QString m_memberId;
    QString m_ssoIssuer;
    AdminRuleResult m_result;
    bool m_targetViaSso = false;
};

} // namespace keycard
