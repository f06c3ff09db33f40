#pragma once

#include "ApiError.h"
#include "MemberChangeDialog.h"
#include "Members.h"
#include "Models.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;

namespace keycard {

class InvitationsSection;
class KeycardClient;
class MemberFilterModel;
class MemberListModel;
class MessageBar;
class PendingCall;

// The Members tab: who belongs to the organization and how each signs in (this organization's
// SSO, a Keycard account, another issuer), with a summary of sign-in and "emergency access"
// administrators above the list, a filter, sorting, a count line and the pending invitations.
// Change role, disable / re-enable, remove, invite and revoke, each enabled only when the
// server's permissions allow it (the missing permission is named under the buttons), each
// confirmed where it cannot be undone; demoting, disabling or removing an active administrator
// first applies the administrator rule (MemberChangeDialog: the last one is refused, leaving
// none outside SSO is warned about); the server's answer goes into the list and summary.
// Members are read when the tab is first shown for an organization (and again when its SSO
// issuer changes). objectNames: "membersSummary", "membersWarning", "membersFilter",
// "membersCount", "membersView", "memberRoleButton", "memberStatusButton",
// "memberRemoveButton", "inviteMemberButton", "membersPermissionNote", "membersError" (and
// InvitationsSection's).
class MembersPane : public QWidget
{
    Q_OBJECT
public:
    explicit MembersPane(QWidget *parent = nullptr);
    ~MembersPane() override;

    void setClient(KeycardClient *client);
    KeycardClient *client() const { return m_client; }
    // `ssoIssuer`: the connection's identifier, empty without SSO, nullopt while unknown.
    void showOrganization(const Organization &organization,
                          const std::optional<QString> &ssoIssuer);
    void clear();
    void reload();
    // The window's Refresh: reads the members again, keeping the list shown until the server
    // answers (a failed refresh leaves it, and says it is the one read before).
    void refresh();

    MemberListModel *model() const { return m_model; }
    QString summaryText() const;

    // Opens the invitation dialog (role preset to `role`).
    void invite(const QString &role = QStringLiteral("org_admin"));

Q_SIGNALS:
    void invitationSent(const QString &organizationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void loadIfNeeded();
    // The email column stretches, or keeps 24 characters and the table scrolls sideways.
    void fitEmailColumn();
    void updateSummary();
    void updateActions();
    void updateCount();
    const OrganizationUser *selectedMember() const;
    std::optional<bool> allowed(const char *resource, const char *permission) const;
    void changeMember(const QString &id, const MemberUpdate &update);
    // Opens the confirmation (with the administrator rule for an active administrator); `send`
    // runs once the admin confirmed, for the same organization.
    void askAbout(const OrganizationUser &member, MemberChange change,
                  const MemberChangeDialog::Question &question, const std::function<void()> &send);
    void confirmDemotion(const OrganizationUser &member, const MemberUpdate &update);
    void confirmStatusChange();
    void confirmRemove();
    void showActionError(const QString &title, const ApiError &error);

    QPointer<KeycardClient> m_client;
    Organization m_organization;
    std::optional<QString> m_issuer;
    QString m_loadedKey; // organization id + issuer last read

    MemberListModel *m_model;
    MemberFilterModel *m_proxy;
    QLabel *m_summary;
    MessageBar *m_warning;
    QPushButton *m_inviteAdmin = nullptr;
    MessageBar *m_error;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
    QPushButton *m_role;
    QMenu *m_roleMenu;
    QPushButton *m_status;
    QPushButton *m_remove;
    QPushButton *m_invite;
    QLabel *m_permissionNote;
    InvitationsSection *m_invitations;
    QPointer<PendingCall> m_actionCall;
};

} // namespace keycard
