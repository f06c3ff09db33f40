#pragma once

#include "SignInImpact.h"

#include <QPointer>
#include <QWidget>

#include <optional>

namespace keycard {

class BusyIndicator;
class KeycardClient;
class MessageBar;
class PendingCall;

// The sign-in safety check as a dialog shows it: reads every member of the organization
// (app/core SignInImpactCheck over KeycardClient::listAllMembers) and says what the change does
// to them: nobody loses sign-in (information), some members do (warning), no administrator
// would be left able to sign in (error, in red), or the impact is unknown (warning, with why).
// Plain text only. objectNames: "signInImpact" (this), "signInImpactBar" (its MessageBar,
// with "signInImpactBarText"), "signInImpactBusy".
class SignInImpactBox : public QWidget
{
    Q_OBJECT
public:
    explicit SignInImpactBox(QWidget *parent = nullptr);
    ~SignInImpactBox() override;

    // Starts the check (a running one is abandoned). `client` is not owned.
    void check(KeycardClient *client, const QString &organizationId, SsoChange change,
               const QString &currentIssuer, const QString &newIssuer = {});
    bool isChecking() const { return m_call != nullptr; }
    // The last result (nullopt while checking or before the first check).
    std::optional<SignInImpact> impact() const { return m_impact; }
    QString text() const;

Q_SIGNALS:
    void finished(const keycard::SignInImpact &impact);

private:
    void show(const SignInImpact &impact);

    BusyIndicator *m_busy;
    MessageBar *m_bar;
    QPointer<PendingCall> m_call;
    std::optional<SignInImpact> m_impact;
    quint64 m_generation = 0;
};

} // namespace keycard
