#pragma once

#include "ApiError.h"
#include "KeycardClient.h"
#include "Models.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QStackedWidget;
class QTabWidget;

namespace keycard {

class ConnectionPane;
class DetailHeader;
class EndpointsPane;
class ErrorBanner;
class KeycardClient;
class PendingCall;
class PermissionsPane;
class RawPane;
class StateView;

// Everything about the selected organization: header and the Connection, Permissions,
// Endpoints and Raw panes. Fetches the organization and its SSO connection (both with
// expand[]=permissions) on selection; replies for an earlier selection are dropped.
class OrganizationDetail : public QWidget
{
    Q_OBJECT
public:
    explicit OrganizationDetail(QWidget *parent = nullptr);
    ~OrganizationDetail() override;

    void setClient(KeycardClient *client);
    // Shows `listEntry` at once and fetches its details.
    void showOrganization(const Organization &listEntry);
    void clear();
    void reload();

    // For the write path: show a connection the server returned (enable / update) or that SSO
    // is now disabled, without fetching again. Ignored when another organization is shown.
    void showConnection(const QString &organizationId, const SsoConnection &connection);
    void showSsoDisabled(const QString &organizationId);

    bool hasOrganization() const { return m_org.has_value(); }
    std::optional<Organization> organization() const { return m_org; }
    std::optional<SsoConnection> connection() const { return m_connection; }
    bool isLoading() const { return m_pending > 0; }
    bool isLoaded() const { return m_loaded; }

    // The Connection / Permissions / Endpoints / Raw tabs (created with the content page, on
    // the first organization shown or here).
    QTabWidget *tabs();
    void setEnableAvailable(bool available, const QString &toolTip);

Q_SIGNALS:
    void enableSsoRequested();
    // Both requests finished (successfully or not) for this organization.
    void detailsLoaded(const QString &organizationId, bool ok);
    // The organization as the server returned it (may differ from the list entry).
    void organizationRefreshed(const keycard::Organization &organization);
    void busyChanged(bool busy);

private:
    void ensureContent();
    void placeContentInFocusChain();
    void abortCalls();
    void finishOne();
    void render();
    // After a write: the connection as it now is (nullopt: SSO was disabled).
    void showWrittenState(const QString &organizationId,
                          const std::optional<SsoConnection> &connection);

    QStackedWidget *m_stack;
    StateView *m_placeholder;
    // The content page: built when first needed, so start-up only pays for the placeholder.
    QWidget *m_content = nullptr;
    DetailHeader *m_header = nullptr;
    ErrorBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    ConnectionPane *m_connectionPane = nullptr;
    PermissionsPane *m_permissionsPane = nullptr;
    EndpointsPane *m_endpointsPane = nullptr;
    RawPane *m_rawPane = nullptr;
    bool m_enableAvailable = true;
    QString m_enableToolTip;

    QPointer<KeycardClient> m_client;
    QPointer<PendingCall> m_orgCall;
    QPointer<PendingCall> m_connectionCall;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_loaded = false;
    std::optional<Organization> m_org;
    std::optional<SsoConnection> m_connection;
    bool m_connectionMissing = false; // 404: SSO not enabled
    std::optional<ApiError> m_orgError;
    std::optional<ApiError> m_connectionError;
};

} // namespace keycard
