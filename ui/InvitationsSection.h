#pragma once

#include "ApiError.h"
#include "Members.h"
#include "Models.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace keycard {

class KeycardClient;
class PendingCall;

// The Members tab's pending invitations: a heading with how many there are (or why they could
// not be read), the list (email, role, expiry; shown when there is one) and Revoke, which asks
// first (Cancel is the default) and reads the list again with the server's answer. The pane
// enables Revoke with its other buttons, from permissions(), hasSelection() and busy().
// objectNames: "invitationsHeading", "invitationsView", "revokeInvitationButton",
// "revokeConfirm" (the question).
class InvitationsSection : public QWidget
{
    Q_OBJECT
public:
    explicit InvitationsSection(QWidget *parent = nullptr);
    ~InvitationsSection() override;

    void setClient(KeycardClient *client) { m_client = client; }
    // Reads the organization's first 100 invitations (what an earlier read showed goes first).
    void load(const QString &organizationId);
    void clear();

    // The permissions the server sent with the list (invitations.*); nullopt until read.
    const std::optional<Permissions> &permissions() const { return m_permissions; }
    bool hasSelection() const;
    bool busy() const { return !m_revokeCall.isNull(); }
    QPushButton *revokeButton() const { return m_revoke; }
    QWidget *view() const;

Q_SIGNALS:
    // Read, failed, selected or a revoke started or ended: what the pane's buttons follow.
    void changed();
    void actionFailed(const QString &title, const ApiError &error);

private:
    void confirmRevoke();

    QPointer<KeycardClient> m_client;
    QString m_organizationId;
    QLabel *m_heading;
    QPushButton *m_revoke;
    QTreeWidget *m_view;
    QList<Invitation> m_pending;
    std::optional<Permissions> m_permissions;
    QPointer<PendingCall> m_listCall;
    QPointer<PendingCall> m_revokeCall;
};

} // namespace keycard
