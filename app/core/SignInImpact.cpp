#include "SignInImpact.h"

#include "DisplayText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace keycard {

namespace {

int count(qint64 n)
{
    return int(std::min<qint64>(n, INT_MAX));
}

// A name as listed: display-safe and at most kMaxNameLength characters (cut in the middle, so
// that both the start and the domain of a long email stay visible).
constexpr int kMaxNameLength = 80;

QString listedName(const OrganizationUser &member)
{
    QString name = memberDisplayName(member);
    if (name.size() <= kMaxNameLength)
        return name;
    const int half = kMaxNameLength / 2 - 1;
    qsizetype left = half;
    if (name.at(left - 1).isHighSurrogate())
        --left;
    qsizetype right = name.size() - half;
    if (name.at(right).isLowSurrogate())
        ++right;
    return name.left(left) + QChar(0x2026) + name.mid(right);
}

QString withoutTrailingSlash(const QString &text)
{
    return text.endsWith(QLatin1Char('/')) ? text.chopped(1) : text;
}

} // namespace

bool SignInImpact::fewEmergencyAdmins() const
{
    return known() && change != SsoChange::Disable && adminsWithoutSso < 2;
}

QString SignInImpact::verdictName(ImpactVerdict verdict)
{
    switch (verdict) {
    case ImpactVerdict::NobodyLoses:
        return QStringLiteral("nobody_loses");
    case ImpactVerdict::SomeoneLoses:
        return QStringLiteral("someone_loses");
    case ImpactVerdict::NoAdministratorLeft:
        return QStringLiteral("no_administrator_left");
    case ImpactVerdict::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString SignInImpact::changeName(SsoChange change)
{
    switch (change) {
    case SsoChange::Enable:
        return QStringLiteral("enable");
    case SsoChange::ChangeIssuer:
        return QStringLiteral("change_issuer");
    case SsoChange::Disable:
        break;
    }
    return QStringLiteral("disable");
}

QStringList SignInImpact::describe() const
{
    const QLocale locale;
    QStringList lines;
    const QString going = displayText(currentIssuer);
    if (!known()) {
        lines << tr("The sign-in impact is unknown: not every member could be read, so this "
                    "cannot say who would lose sign-in.");
        for (const QString &reason : unknownReasons)
            lines << QStringLiteral("  ") + displayText(reason);
        if (members > 0)
            lines << tr("Of the %n members read so far:", nullptr, count(members));
    }
    if (change == SsoChange::Enable) {
        if (known())
            lines << tr("Nobody loses sign-in: members keep signing in as they do now.");
        lines << tr("%n active administrators will keep signing in without SSO.", nullptr,
                    count(adminsWithoutSso));
    } else if (losing == 0) {
        if (known())
            lines << tr("Nobody loses sign-in: no member signs in through %1.").arg(going);
    } else {
        lines << tr("%n members sign in through %1 and would lose sign-in.", nullptr, count(losing))
                     .arg(going);
        lines << tr("Of them active: %1, active administrators: %2.")
                     .arg(locale.toString(losingActive), locale.toString(losingAdmins));
        QStringList names = firstLosing;
        if (losing > names.size())
            names << tr("and %n more", nullptr, count(losing - names.size()));
        lines << tr("Affected: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (change != SsoChange::Enable)
        lines << tr("%n active administrators would still be able to sign in.", nullptr,
                    count(adminsKeeping));
    if (verdict == ImpactVerdict::NoAdministratorLeft)
        lines << tr("No active administrator would be left able to sign in: the organization "
                    "would be locked out.");
    if (fewEmergencyAdmins())
        lines << tr("Keep two administrators who do not sign in through SSO (now %n).", nullptr,
                    count(adminsWithoutSso));
    if (nearMatches > 0)
        lines << tr("%n members sign in through an issuer that differs from the SSO issuer "
                    "only by a trailing slash or letter case; they do not count as signing in "
                    "through SSO.",
                    nullptr, count(nearMatches));
    return lines;
}

QJsonObject SignInImpact::toJson() const
{
    QJsonArray names;
    for (const QString &name : firstLosing)
        names.append(name);
    return QJsonObject{
        {QStringLiteral("change"), changeName(change)},
        {QStringLiteral("verdict"), verdictName(verdict)},
        {QStringLiteral("complete"), known()},
        {QStringLiteral("current_issuer"),
         currentIssuer.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(currentIssuer)},
        {QStringLiteral("new_issuer"),
         newIssuer.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(newIssuer)},
        {QStringLiteral("members"), members},
        {QStringLiteral("active_admins"), activeAdmins},
        {QStringLiteral("losing"), losing},
        {QStringLiteral("losing_active"), losingActive},
        {QStringLiteral("losing_admins"), losingAdmins},
        {QStringLiteral("first_losing"), names},
        {QStringLiteral("admins_keeping"), adminsKeeping},
        {QStringLiteral("admins_without_sso"), adminsWithoutSso},
        {QStringLiteral("few_emergency_admins"), fewEmergencyAdmins()},
        {QStringLiteral("near_matches"), nearMatches},
        {QStringLiteral("incomplete_members"), incompleteMembers},
        {QStringLiteral("unknown_reasons"), QJsonArray::fromStringList(unknownReasons)},
    };
}

SignInImpactCheck::SignInImpactCheck(SsoChange change, QString currentIssuer, QString newIssuer)
{
    m_impact.change = change;
    m_impact.currentIssuer = std::move(currentIssuer);
    m_impact.newIssuer = std::move(newIssuer);
    // Changing to the same issuer takes nobody's sign-in away.
    if (change != SsoChange::Enable &&
        !(change == SsoChange::ChangeIssuer && m_impact.currentIssuer == m_impact.newIssuer))
        m_goingAway = m_impact.currentIssuer;
}

bool SignInImpactCheck::nearlyEqual(const QString &source, const QString &issuer)
{
    return !issuer.isEmpty() && source != issuer &&
           withoutTrailingSlash(source).compare(withoutTrailingSlash(issuer),
                                                Qt::CaseInsensitive) == 0;
}

bool SignInImpactCheck::isSso(const QString &source) const
{
    // After the change: Enable/ChangeIssuer sign in through the new issuer; Disable: nobody.
    return m_impact.change != SsoChange::Disable && !m_impact.newIssuer.isEmpty() &&
           source == m_impact.newIssuer;
}

void SignInImpactCheck::addMembers(const QList<OrganizationUser> &members)
{
    for (const OrganizationUser &member : members)
        addMember(member);
}

void SignInImpactCheck::addMember(const OrganizationUser &member)
{
    SignInImpact &r = m_impact;
    ++r.members;
    if (member.role.isEmpty() || member.status.isEmpty() || member.source.isEmpty())
        ++r.incompleteMembers;
    const bool activeAdmin = member.isAdmin() && member.isActive();
    if (activeAdmin)
        ++r.activeAdmins;
    const QString &relevant = m_impact.change == SsoChange::Enable ? r.newIssuer : m_goingAway;
    if (nearlyEqual(member.source, relevant))
        ++r.nearMatches;
    const bool loses = !m_goingAway.isEmpty() && member.source == m_goingAway;
    if (loses) {
        ++r.losing;
        if (member.isActive())
            ++r.losingActive;
        if (activeAdmin)
            ++r.losingAdmins;
        if (r.firstLosing.size() < SignInImpact::kMaxNames)
            r.firstLosing << listedName(member);
        return;
    }
    if (activeAdmin) {
        ++r.adminsKeeping;
        if (!isSso(member.source))
            ++r.adminsWithoutSso;
    }
}

void SignInImpactCheck::addIncomplete(qint64 count)
{
    m_impact.incompleteMembers += std::max<qint64>(0, count);
}

SignInImpact SignInImpactCheck::result(const QStringList &incompleteReasons) const
{
    SignInImpact r = m_impact;
    r.unknownReasons = incompleteReasons;
    if (r.incompleteMembers > 0)
        r.unknownReasons << SignInImpact::tr("%n members were listed without a role, status or "
                                             "source that could be read.",
                                             nullptr, count(r.incompleteMembers));
    if (!r.unknownReasons.isEmpty()) {
        r.verdict = ImpactVerdict::Unknown;
    } else if (r.change == SsoChange::Enable) {
        r.verdict = ImpactVerdict::NobodyLoses;
    } else if (r.losingAdmins > 0 && r.adminsKeeping == 0) {
        r.verdict = ImpactVerdict::NoAdministratorLeft;
    } else if (r.losingActive > 0) {
        r.verdict = ImpactVerdict::SomeoneLoses;
    } else {
        r.verdict = ImpactVerdict::NobodyLoses;
    }
    return r;
}

SignInImpact SignInImpactCheck::unknown(const QString &reason) const
{
    SignInImpact r;
    r.change = m_impact.change;
    r.currentIssuer = m_impact.currentIssuer;
    r.newIssuer = m_impact.newIssuer;
    r.verdict = ImpactVerdict::Unknown;
    r.unknownReasons << reason;
    return r;
}

} // namespace keycard
