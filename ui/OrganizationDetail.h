#pragma once

#include "ApiError.h"
#include "Models.h"
#include "OrganizationState.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QStackedWidget;
class QTabWidget;

namespace keycard {

class ConnectionPane;
class DetailHeader;
class EndpointsPane;
class MembersPane;
class MessageBar;
class PermissionsPane;
class RawPane;
class StateView;

// Everything about the selected organization: header and the Connection, Permissions,
// Endpoints, Members and Raw panes. Shows what the OrganizationStateStore knows about it and
// follows the store's changes (fetches, writes); fetches it (organization and SSO connection, both
// with expand[]=permissions) on selection and on reload.
class OrganizationDetail : public QWidget
{
    Q_OBJECT
public:
    explicit OrganizationDetail(QWidget *parent = nullptr);
    ~OrganizationDetail() override;

    // The store is not owned; the window sets it once, before anything is shown.
    void setStore(OrganizationStateStore *store);
    OrganizationStateStore *store() const { return m_store; }
    // Shows `listEntry` at once and fetches its details.
    void showOrganization(const Organization &listEntry);
    void clear();
    void reload();
    // The selected organization is hidden by the list's filter: say so instead of its details
    // (nothing is offered for it). showOrganization() or setHidden(false) shows it again.
    void setHidden(bool hidden);
    bool isHidden() const { return m_hidden; }

    bool hasOrganization() const { return !m_id.isEmpty() && !m_hidden; }
    QString organizationId() const { return m_id; }
    // The organization shown (nullopt: none, or hidden by the filter).
    std::optional<Organization> organization() const;
    std::optional<SsoConnection> connection() const;
    // The state shown (nullptr: none, or hidden by the filter).
    const OrganizationState *state() const;
    bool isLoading() const;
    bool isLoaded() const;

    // The Connection / Permissions / Endpoints / Raw tabs (created with the content page, on
    // the first organization shown or here).
    QTabWidget *tabs();
    void setEnableAvailable(bool available, const QString &toolTip);
    // Why SSO cannot be changed for the shown organization (a missing permission), shown over
    // the tabs ("permissionNote"); empty hides it.
    void setPermissionNote(const QString &reason);

Q_SIGNALS:
    void enableSsoRequested();
    // Both requests finished (successfully or not) for this organization.
    void detailsLoaded(const QString &organizationId, bool ok);
    // What is shown changed (loaded, written, hidden, cleared).
    void stateChanged();
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ensureContent();
    void placeContentInFocusChain();
    void render();
    void onStoreChanged(const QString &id);
    void showNothingSelected();

    QStackedWidget *m_stack;
    StateView *m_placeholder;
    // The content page: built when first needed, so start-up only pays for the placeholder.
    QWidget *m_content = nullptr;
    DetailHeader *m_header = nullptr;
    MessageBar *m_banner = nullptr;
    MessageBar *m_permissionNote = nullptr;
    QString m_permissionReason;
    QTabWidget *m_tabs = nullptr;
    ConnectionPane *m_connectionPane = nullptr;
    PermissionsPane *m_permissionsPane = nullptr;
    EndpointsPane *m_endpointsPane = nullptr;
    RawPane *m_rawPane = nullptr;
    MembersPane *m_membersPane = nullptr;
    bool m_enableAvailable = true;
    QString m_enableToolTip;

    QPointer<OrganizationStateStore> m_store;
    QString m_id;
    bool m_hidden = false;
    bool m_wasLoading = false;
};

} // namespace keycard
