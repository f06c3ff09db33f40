#include "OrganizationDetail.h"

#include "ConnectionPane.h"
#include "DetailHeader.h"
#include "EndpointsPane.h"
#include "ErrorBanner.h"
#include "KeycardClient.h"
#include "PermissionsPane.h"
#include "RawPane.h"
#include "StateView.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace keycard {

OrganizationDetail::OrganizationDetail(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new StateView(this))
{
    setObjectName(QStringLiteral("organizationDetail"));
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setState(QStringLiteral("organization"), tr("No organization selected"),
                            tr("Select an organization in the list to see its single sign-on "
                               "connection, permissions and endpoints."));
    m_stack->addWidget(m_placeholder);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void OrganizationDetail::ensureContent()
{
    if (m_content)
        return;
    m_content = new QWidget(this);
    m_content->setObjectName(QStringLiteral("detailContent"));
    m_header = new DetailHeader(m_content);
    m_banner = new ErrorBanner(m_content);
    m_banner->setObjectName(QStringLiteral("detailErrorBanner"));
    m_tabs = new QTabWidget(m_content);
    m_connectionPane = new ConnectionPane(m_tabs);
    m_permissionsPane = new PermissionsPane(m_tabs);
    m_endpointsPane = new EndpointsPane(m_tabs);
    m_rawPane = new RawPane(m_tabs);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Organization details"));
    m_tabs->addTab(m_connectionPane, tr("&Connection"));
    m_tabs->addTab(m_permissionsPane, tr("&Permissions"));
    m_tabs->addTab(m_endpointsPane, tr("E&ndpoints"));
    m_tabs->addTab(m_rawPane, tr("Ra&w"));
    m_tabs->setDocumentMode(true);
    m_connectionPane->setEnableAvailable(m_enableAvailable, m_enableToolTip);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_header);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_content);
    placeContentInFocusChain();

    connect(m_connectionPane, &ConnectionPane::enableSsoRequested, this,
            &OrganizationDetail::enableSsoRequested);
    connect(m_banner, &ErrorBanner::retryRequested, this, &OrganizationDetail::reload);
}

void OrganizationDetail::placeContentInFocusChain()
{
    // Widgets created now join the end of the window's focus chain, after whatever the window
    // added since (toolbar and notice bar controls). Move them back to where Tab expects the
    // details: right after this pane's placeholder, in their own order. Compound widgets (the
    // tab widget) carry their children along, so only the outermost focusable ones move.
    QList<QWidget *> units;
    for (QWidget *w = m_content->nextInFocusChain(); m_content->isAncestorOf(w);
         w = w->nextInFocusChain()) {
        if (w->focusPolicy() == Qt::NoFocus)
            continue;
        const bool inUnit = std::any_of(units.cbegin(), units.cend(),
                                        [w](const QWidget *u) { return u->isAncestorOf(w); });
        if (!inUnit)
            units.append(w);
    }
    QWidget *previous = m_placeholder->button();
    for (QWidget *unit : std::as_const(units)) {
        QWidget::setTabOrder(previous, unit);
        previous = unit;
    }
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
    if (m_banner)
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
    ensureContent();
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
    if (m_client) {
        m_pending = 2;
        m_header->setBusy(true);
    }
    // Last: showing the page lays out everything above at once (each child shown on a visible
    // page would lay it out again).
    m_stack->setCurrentWidget(m_content);
    if (!m_client)
        return;
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
    ensureContent();
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
    showWrittenState(organizationId, connection);
}

void OrganizationDetail::showSsoDisabled(const QString &organizationId)
{
    showWrittenState(organizationId, std::nullopt);
}

void OrganizationDetail::showWrittenState(const QString &organizationId,
                                          const std::optional<SsoConnection> &connection)
{
    if (!m_org || m_org->id != organizationId)
        return;
    ensureContent();
    abortCalls();
    m_connection = connection;
    m_connectionMissing = !connection.has_value();
    m_connectionError.reset();
    m_orgError.reset();
    m_banner->hide();
    render();
    m_loaded = true;
    Q_EMIT organizationRefreshed(*m_org);
}

QTabWidget *OrganizationDetail::tabs()
{
    ensureContent();
    return m_tabs;
}

void OrganizationDetail::setEnableAvailable(bool available, const QString &toolTip)
{
    m_enableAvailable = available;
    m_enableToolTip = toolTip;
    if (m_connectionPane)
        m_connectionPane->setEnableAvailable(available, toolTip);
}

} // namespace keycard
