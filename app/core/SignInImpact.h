#pragma once

#include "Members.h"

#include <QCoreApplication>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The sign-in safety check: what enabling SSO, changing its issuer or disabling it does to the
// people of an organization, computed from its members (every page) and the SSO connection.
// Widget-free and network-free: the caller reads the members (KeycardClient::listAllMembers)
// and feeds them here page by page; nothing is kept per member but the first few names, so
// 100,000 members cost no more memory than 10.
//
// A member signs in through SSO when their `source` is the connection's identifier, compared
// exactly, character for character (OpenID Connect compares issuers so, trailing slash
// included, and the API writes the identifier into `source` as it is). A source that differs
// only by a trailing slash or letter case is counted apart (nearMatches) and named in the
// notes: it is not the issuer, but it may be a mistake worth a look.
//
// It lives in keycard_core, not keycard_models, because keycardctl (which may not link
// keycard_models and its QtGui) runs the same check: one home for the rules.
namespace keycard {

enum class SsoChange {
    Enable,       // no connection yet; `newIssuer` is the one being enabled
    ChangeIssuer, // `currentIssuer` replaced by `newIssuer`
    Disable,      // `currentIssuer` removed
};

enum class ImpactVerdict {
    NobodyLoses,         // no active member loses their way to sign in
    SomeoneLoses,        // some active members lose it; an active administrator remains
    NoAdministratorLeft, // no active administrator would be left able to sign in (critical)
    Unknown,             // the members could not be read, or not all of them
};

struct SignInImpact
{
    Q_DECLARE_TR_FUNCTIONS(SignInImpact)

public:
    static constexpr int kMaxNames = 5; // names listed of those who lose sign-in

    SsoChange change = SsoChange::Enable;
    ImpactVerdict verdict = ImpactVerdict::Unknown;
    QString currentIssuer;
    QString newIssuer;
    // Why the verdict is Unknown (translated sentences): members unreadable, incomplete list.
    // Counts below are then what was read, never a claim about the whole organization.
    QStringList unknownReasons;

    qint64 members = 0;      // members read
    qint64 activeAdmins = 0; // active org_admin members
    // Who loses their way to sign in (source == the issuer that goes away).
    qint64 losing = 0;       // all of them
    qint64 losingActive = 0; // of them, active
    qint64 losingAdmins = 0; // of them, active administrators
    QStringList firstLosing; // display-safe names (email or id) of the first kMaxNames
    // Active administrators able to sign in after the change.
    qint64 adminsKeeping = 0;
    // Active administrators who sign in without SSO after the change ("emergency access"
    // administrators; for Enable: those whose source is not the new issuer).
    qint64 adminsWithoutSso = 0;
    qint64 nearMatches = 0;       // sources that differ from the issuer only in '/' or case
    qint64 incompleteMembers = 0; // members kept with role/status/source unknown

    bool known() const { return verdict != ImpactVerdict::Unknown; }
    // Fewer than 2 active administrators who do not sign in through SSO once the change is
    // made (the usual "emergency access" advice). Never set for Disable (no SSO remains) nor
    // for an unknown impact.
    bool fewEmergencyAdmins() const;

    // Translated lines for people: the verdict first, then counts, first names, warnings and
    // why the impact is unknown.
    QStringList describe() const;
    // {"change", "verdict", "complete", "members", "losing", ..., "first_losing": [...],
    //  "unknown_reasons": [...]}
    QJsonObject toJson() const;
    static QString verdictName(ImpactVerdict verdict); // "nobody_loses", ...
    static QString changeName(SsoChange change);       // "enable", "change_issuer", "disable"
};

// Accumulates members page by page.
class SignInImpactCheck
{
public:
    // For Enable: `newIssuer`; ChangeIssuer: both; Disable: `currentIssuer`.
    SignInImpactCheck(SsoChange change, QString currentIssuer, QString newIssuer = {});

    void addMembers(const QList<OrganizationUser> &members);
    void addMember(const OrganizationUser &member);
    // Members left out or unreadable (skipped list items count so).
    void addIncomplete(qint64 count);

    // The impact of every member added so far, complete when `incompleteReasons` is empty.
    SignInImpact result(const QStringList &incompleteReasons = {}) const;
    // The members could not be read at all (`reason`: why, e.g. the error's message).
    SignInImpact unknown(const QString &reason) const;

private:
    bool isSso(const QString &source) const;
    static bool nearlyEqual(const QString &source, const QString &issuer);

    SignInImpact m_impact;
    QString m_goingAway; // the issuer whose members lose sign-in (empty for Enable)
};

} // namespace keycard
