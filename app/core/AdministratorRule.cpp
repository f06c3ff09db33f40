#include "AdministratorRule.h"

#include "DisplayText.h"

#include <QJsonArray>

#include <algorithm>
#include <climits>

namespace keycard {

namespace {

int count(qint64 n)
{
    return int(std::clamp<qint64>(n, 0, INT_MAX));
}

} // namespace

QString AdminRuleResult::verdictName(AdminRuleVerdict verdict)
{
    switch (verdict) {
    case AdminRuleVerdict::Allowed:
        return QStringLiteral("allowed");
    case AdminRuleVerdict::NoEmergencyAdmin:
        return QStringLiteral("no_emergency_administrator");
    case AdminRuleVerdict::LastAdministrator:
        return QStringLiteral("last_administrator");
    case AdminRuleVerdict::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString AdminRuleResult::changeName(MemberChange change)
{
    switch (change) {
    case MemberChange::Demote:
        return QStringLiteral("demote");
    case MemberChange::Disable:
        return QStringLiteral("disable");
    case MemberChange::Remove:
        break;
    }
    return QStringLiteral("remove");
}

QStringList AdminRuleResult::describe() const
{
    QStringList lines;
    switch (verdict) {
    case AdminRuleVerdict::LastAdministrator:
        lines << (change == MemberChange::Remove
                      ? tr("%1 is the last active administrator: removing them would leave "
                           "nobody able to manage the members and SSO.")
                  : change == MemberChange::Demote
                      ? tr("%1 is the last active administrator: another role would leave "
                           "nobody able to manage the members and SSO.")
                      : tr("%1 is the last active administrator: disabling them would leave "
                           "nobody able to manage the members and SSO."))
                     .arg(targetName);
        lines << tr("Make another member an administrator, or invite one, first.");
        break;
    case AdminRuleVerdict::NoEmergencyAdmin:
        lines << tr("After this change no active administrator signs in without SSO: if single "
                    "sign-on breaks, nobody can sign in to repair it.");
        lines << tr("%n active administrators remain, all signing in through SSO.", nullptr,
                    count(adminsAfter));
        break;
    case AdminRuleVerdict::Allowed:
        if (!targetFound) {
            lines << tr("%1 is not among the organization's members.").arg(targetName);
        } else if (!targetIsActiveAdmin) {
            lines << tr("%1 is not an active administrator: the administrators stay as they "
                        "are.")
                         .arg(targetName);
        } else {
            lines << tr("%n other active administrators remain", nullptr, count(adminsAfter)) +
                         QStringLiteral(", ") +
                         tr("%n of them signing in without SSO.", nullptr,
                            count(emergencyAdminsAfter));
        }
        break;
    case AdminRuleVerdict::Unknown:
        lines << tr("Whether another active administrator remains is unknown.");
        lines << unknownReasons;
        break;
    }
    return lines;
}

QJsonObject AdminRuleResult::toJson() const
{
    return {{QStringLiteral("change"), changeName(change)},
            {QStringLiteral("verdict"), verdictName(verdict)},
            {QStringLiteral("complete"), unknownReasons.isEmpty()},
            {QStringLiteral("member_found"), targetFound},
            {QStringLiteral("member_is_active_admin"), targetIsActiveAdmin},
            {QStringLiteral("members"), members},
            {QStringLiteral("active_admins"), activeAdmins},
            {QStringLiteral("emergency_admins"), emergencyAdmins},
            {QStringLiteral("active_admins_after"), adminsAfter},
            {QStringLiteral("emergency_admins_after"), emergencyAdminsAfter},
            {QStringLiteral("unknown_reasons"), QJsonArray::fromStringList(unknownReasons)}};
}

AdminRuleCheck::AdminRuleCheck(QString memberId, MemberChange change, QString ssoIssuer)
    : m_memberId(std::move(memberId))
    , m_ssoIssuer(std::move(ssoIssuer))
{
    m_result.change = change;
    m_result.targetName = displayText(m_memberId);
}

std::optional<MemberChange> AdminRuleCheck::changeOf(const MemberUpdate &update)
{
    if (update.role && *update.role != QLatin1String(member::kAdmin))
        return MemberChange::Demote;
    if (update.status && *update.status == QLatin1String(member::kDisabled))
        return MemberChange::Disable;
    return std::nullopt;
}

void AdminRuleCheck::addMembers(const QList<OrganizationUser> &members)
{
    for (const OrganizationUser &m : members)
        addMember(m);
}

void AdminRuleCheck::addMember(const OrganizationUser &m)
{
    ++m_result.members;
    const bool activeAdmin = m.isAdmin() && m.isActive();
    const bool viaSso = !m_ssoIssuer.isEmpty() && m.source == m_ssoIssuer;
    if (m.id == m_memberId && !m_result.targetFound) {
        m_result.targetFound = true;
        m_result.targetIsActiveAdmin = activeAdmin;
        m_result.targetName = memberDisplayName(m);
        m_targetViaSso = viaSso;
    }
    if (activeAdmin) {
        ++m_result.activeAdmins;
        if (!viaSso)
            ++m_result.emergencyAdmins;
    }
}

AdminRuleResult AdminRuleCheck::result(const QStringList &incompleteReasons) const
{
    AdminRuleResult r = m_result;
    const bool complete = incompleteReasons.isEmpty();
    const bool counted = r.targetFound && r.targetIsActiveAdmin;
    r.adminsAfter = r.activeAdmins - (counted ? 1 : 0);
    r.emergencyAdminsAfter = r.emergencyAdmins - (counted && !m_targetViaSso ? 1 : 0);
    // Active administrators outside SSO other than the member, among those read (a member
    // not read is not counted).
    const qint64 othersOutsideSso = r.targetFound ? r.emergencyAdminsAfter : r.emergencyAdmins;
    if (r.targetFound && !r.targetIsActiveAdmin) {
        r.verdict = AdminRuleVerdict::Allowed; // the server's own answer on this member
    } else if (othersOutsideSso >= 1) {
        r.verdict = AdminRuleVerdict::Allowed; // read already; more members can only add
    } else if (!complete) {
        r.verdict = AdminRuleVerdict::Unknown;
        r.unknownReasons = incompleteReasons;
    } else if (!r.targetFound) {
        r.verdict = AdminRuleVerdict::Allowed; // no such member: the server will say so
    } else if (r.adminsAfter <= 0) {
        r.verdict = AdminRuleVerdict::LastAdministrator;
    } else {
        r.verdict = AdminRuleVerdict::NoEmergencyAdmin;
    }
    return r;
}

AdminRuleResult AdminRuleCheck::unknown(const QString &reason) const
{
    AdminRuleResult r = m_result;
    r.verdict = AdminRuleVerdict::Unknown;
    r.unknownReasons = {reason};
    return r;
}

} // namespace keycard
