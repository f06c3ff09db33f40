#pragma once

#include "Members.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace keycard {

class KeycardClient;
class MessageBar;
class PendingCall;

// Invites someone to an organization: email (app/core FieldRules' Email rule) and role, then
// POST .../invitations on "Send invitation" only (Enter does nothing until the email is valid).
// objectNames: "inviteMemberDialog", "inviteEmailEdit", "inviteEmailMessage", "inviteRoleCombo",
// "inviteButton", "cancelButton", "inviteBanner". Open with open()/show().
class InviteMemberDialog : public QDialog
{
    Q_OBJECT
public:
    InviteMemberDialog(KeycardClient *client, const QString &organizationId,
                       const QString &organizationName, const QString &role,
                       QWidget *parent = nullptr);
    ~InviteMemberDialog() override;

Q_SIGNALS:
    void invited(const keycard::Invitation &invitation);

private:
    void refresh();
    void send();

    QPointer<KeycardClient> m_client;
    QString m_organizationId;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
    QComboBox *m_role;
    MessageBar *m_banner;
    QPushButton *m_invite;
    QPointer<PendingCall> m_call;
};

} // namespace keycard
