#pragma once

#include "AdministratorRule.h"
#include "Members.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QLabel;
class QPushButton;

namespace keycard {

class BusyIndicator;
class KeycardClient;
class MessageBar;
class PendingCall;

// Asks before a member is demoted, disabled or removed. For an active administrator it first
// reads every member (progress shown; Cancel stops the read and closes) and applies the
// administrator rule (app/core AdministratorRule.h): the last active administrator is refused
// with the reason (the confirming button stays disabled), leaving no administrator outside SSO
// is warned about, an unknown answer says why. Cancel is the default button: a stray Enter sends
// nothing. Plain text only. accepted() means the admin confirmed; the caller sends the change.
// objectNames: the caller's (e.g. "memberRemoveConfirm"), "memberChangeText", "adminRuleBusy",
// "adminRuleProgress", "adminRuleBar" (with "adminRuleBarText"), "confirmButton",
// "cancelButton".
class MemberChangeDialog : public QDialog
{
    Q_OBJECT
public:
    struct Question
    {
        QString objectName;
        QString title;
        QString text;
        QString confirmText;
    };

    // `client` is not owned; `ssoIssuer`: the organization's SSO identifier (empty: no SSO).
    MemberChangeDialog(KeycardClient *client, const QString &organizationId,
                       const QString &ssoIssuer, const OrganizationUser &member,
                       MemberChange change, const Question &question, QWidget *parent = nullptr);
    ~MemberChangeDialog() override;

    bool isChecking() const { return m_call != nullptr; }
    // The rule's answer (nullopt while reading, or when the member is no active administrator).
    std::optional<AdminRuleResult> result() const { return m_result; }

private:
    void check(KeycardClient *client, const QString &organizationId, const QString &ssoIssuer,
               const OrganizationUser &member, MemberChange change);
    void show(const AdminRuleResult &result);

    QLabel *m_text;
    BusyIndicator *m_busy;
    QLabel *m_progress;
    MessageBar *m_bar;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    QPointer<PendingCall> m_call;
    std::optional<AdminRuleResult> m_result;
};

} // namespace keycard
