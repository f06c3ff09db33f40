#include "OrganizationDetail.h"

#include "ConnectionPane.h"
#include "DetailHeader.h"
#include "EndpointsPane.h"
#include "ErrorBanner.h"
#include "KeycardClient.h"
#include "PermissionsPane.h"
#include "RawPane.h"
#include "StateView.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keycard {

OrganizationDetail::OrganizationDetail(QWidget *parent)
    : QWidget(parent)
    , m_header(new DetailHeader(this))
    , m_banner(new ErrorBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new StateView(this))
    , m_tabs(new QTabWidget(this))
    , m_connectionPane(new ConnectionPane(this))
    , m_permissionsPane(new PermissionsPane(this))
    , m_endpointsPane(new EndpointsPane(this))
    , m_rawPane(new RawPane(this))
{
    setObjectName(QStringLiteral("organizationDetail"));
    m_banner->setObjectName(QStringLiteral("detailErrorBanner"));
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setState(QStringLiteral("organization"), tr("No organization selected"),
                            tr("Select an organization in the list to see its single sign-on "
                               "connection, permissions and endpoints."));
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Organization details"));
    m_tabs->addTab(m_connectionPane, tr("&Connection"));
    m_tabs->addTab(m_permissionsPane, tr("&Permissions"));
    m_tabs->addTab(m_endpointsPane, tr("E&ndpoints"));
    m_tabs->addTab(m_rawPane, tr("Ra&w"));
    m_tabs->setDocumentMode(true);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_header);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_connectionPane, &ConnectionPane::enableSsoRequested, this,
            &OrganizationDetail::enableSsoRequested);
    connect(m_banner, &ErrorBanner::retryRequested, this, &OrganizationDetail::reload);
}

OrganizationDetail::~OrganizationDetail()
{
    blockSignals(true); // the window listening may already be half destroyed
    ++m_generation;
    abortCalls();
}

void OrganizationDetail::setClient(KeycardClient *client)
{
    abortCalls();
    m_client = client;
    clear();
}

void OrganizationDetail::clear()
{
    abortCalls();
    ++m_generation;
    m_org.reset();
    m_connection.reset();
    m_loaded = false;
    m_banner->hide();
    m_stack->setCurrentWidget(m_placeholder);
}

void OrganizationDetail::showOrganization(const Organization &listEntry)
{
    m_org = listEntry;
    reload();
}

void OrganizationDetail::reload()
{
    if (!m_org)
        return;
    abortCalls();
    const quint64 generation = ++m_generation;
    m_connection.reset();
    m_connectionMissing = false;
    m_orgError.reset();
    m_connectionError.reset();
    m_loaded = false;
    m_banner->hide();
    m_header->setOrganization(*m_org);
    m_connectionPane->showLoading();
    m_permissionsPane->clear();
    m_endpointsPane->showLoading();
    m_rawPane->clear();
    m_stack->setCurrentIndex(1);
    if (!m_client)
        return;
    m_pending = 2;
    m_header->setBusy(true);
    Q_EMIT busyChanged(true);

    CallOptions options;
    options.expandPermissions = true;
    const QString id = m_org->id;
    m_orgCall = m_client->getOrganization(
        id, this,
        [this, generation](const Result<Organization> &result) {
            if (generation != m_generation)
                return; // a later selection replaced this one
            if (result.ok())
                m_org = result.value();
            else
                m_orgError = result.error();
            finishOne();
        },
        options);
    m_connectionCall = m_client->getSsoConnection(
        id, this,
        [this, generation](const Result<SsoConnection> &result) {
            if (generation != m_generation)
                return;
            if (result.ok())
                m_connection = result.value();
            else if (result.error().kind == ApiError::Kind::NotFound)
                m_connectionMissing = true; // 404 on the connection: SSO is not enabled
            else
                m_connectionError = result.error();
            finishOne();
        },
        options);
}

void OrganizationDetail::abortCalls()
{
    // Bump the generation first so the Cancelled callbacks are ignored.
    ++m_generation;
    if (m_orgCall)
        m_orgCall->abort();
    if (m_connectionCall)
        m_connectionCall->abort();
    m_orgCall = nullptr;
    m_connectionCall = nullptr;
    if (m_pending > 0) {
        m_pending = 0;
        m_header->setBusy(false);
        Q_EMIT busyChanged(false);
    }
}

void OrganizationDetail::finishOne()
{
    if (--m_pending > 0)
        return;
    m_header->setBusy(false);
    Q_EMIT busyChanged(false);
    render();
    m_loaded = true;
    const bool ok = !m_orgError && !m_connectionError;
    if (!m_orgError)
        Q_EMIT organizationRefreshed(*m_org);
    Q_EMIT detailsLoaded(m_org->id, ok);
}

void OrganizationDetail::render()
{
    if (m_orgError && m_orgError->kind == ApiError::Kind::NotFound) {
        m_banner->showError(tr("The organization no longer exists on the server"), *m_orgError);
    } else if (m_orgError) {
        m_banner->showError(tr("Could not load the organization"), *m_orgError);
    } else if (m_connectionError) {
        m_banner->showError(tr("Could not load the SSO connection"), *m_connectionError);
    }
    if (m_connectionMissing && !m_orgError) {
        // The organization may have been changed elsewhere: trust the newest answer.
        m_org->ssoEnabled = false;
    } else if (m_connection) {
        m_org->ssoEnabled = true;
    }
    m_header->setOrganization(*m_org);
    if (m_connection) {
        m_connectionPane->showConnection(*m_connection);
        m_endpointsPane->showConnection(*m_connection);
    } else if (m_connectionMissing) {
        m_connectionPane->showNoSso(m_org->name);
        m_endpointsPane->showNoSso();
    } else {
        m_connectionPane->showUnavailable();
        m_endpointsPane->showUnavailable();
    }
    if (m_orgError && !m_connection && !m_connectionMissing)
        m_permissionsPane->clear();
    else
        m_permissionsPane->setPermissions(m_orgError ? std::nullopt : m_org->permissions,
                                          m_connection.has_value(),
                                          m_connection ? m_connection->permissions : std::nullopt);
    m_rawPane->setDocuments(m_org->raw,
                            m_connection ? std::optional(m_connection->raw) : std::nullopt);
}

void OrganizationDetail::showConnection(const QString &organizationId,
                                        const SsoConnection &connection)
{
    if (!m_org || m_org->id != organizationId)
        return;
    abortCalls();
    m_connection = connection;
    m_connectionMissing = false;
    m_connectionError.reset();
    m_orgError.reset();
    m_banner->hide();
    render();
    m_loaded = true;
    Q_EMIT organizationRefreshed(*m_org);
}

void OrganizationDetail::showSsoDisabled(const QString &organizationId)
{
    if (!m_org || m_org->id != organizationId)
        return;
    abortCalls();
    m_connection.reset();
    m_connectionMissing = true;
    m_connectionError.reset();
    m_orgError.reset();
    m_banner->hide();
    render();
    m_loaded = true;
    Q_EMIT organizationRefreshed(*m_org);
}

void OrganizationDetail::setEnableAvailable(bool available, const QString &toolTip)
{
    m_connectionPane->setEnableAvailable(available, toolTip);
}

} // namespace keycard
