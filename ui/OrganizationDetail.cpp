#include "OrganizationDetail.h"

#include "ConnectionPane.h"
#include "DetailHeader.h"
#include "EndpointsPane.h"
#include "ErrorAdvice.h"
#include "Format.h"
#include "MembersPane.h"
#include "MessageBar.h"
#include "OrganizationState.h"
#include "PermissionsPane.h"
#include "RawPane.h"
#include "StateView.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
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
    showNothingSelected();
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
    m_banner = new MessageBar(QStringLiteral("detailErrorBanner"), m_content);
    m_banner->setClosable(true);
    m_permissionNote = new MessageBar(QStringLiteral("permissionNote"), m_content);
    m_tabs = new QTabWidget(m_content);
    m_connectionPane = new ConnectionPane(m_tabs);
    m_permissionsPane = new PermissionsPane(m_tabs);
    m_endpointsPane = new EndpointsPane(m_tabs);
    m_rawPane = new RawPane(m_tabs);
    m_membersPane = new MembersPane(m_tabs);
    m_membersPane->setClient(m_store ? m_store->client() : nullptr);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Organization details"));
    m_tabs->addTab(m_connectionPane, tr("&Connection"));
    // Alt+P is the Profile menu's.
    m_tabs->addTab(m_permissionsPane, tr("Perm&issions"));
    m_tabs->addTab(m_endpointsPane, tr("E&ndpoints"));
    m_tabs->addTab(m_membersPane, tr("Member&s"));
    m_tabs->addTab(m_rawPane, tr("Ra&w"));
    m_tabs->setDocumentMode(true);
    // A tab's mnemonic (Alt+S for Members) switches tabs without moving the focus: the
    // keyboard would stay in the organization list. It goes into the page too.
    m_tabs->tabBar()->installEventFilter(this);
    m_connectionPane->setEnableAvailable(m_enableAvailable, m_enableToolTip);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_header);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_permissionNote);
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_content);
    placeContentInFocusChain();

    connect(m_connectionPane, &ConnectionPane::enableSsoRequested, this,
            &OrganizationDetail::enableSsoRequested);
    QPushButton *retry = m_banner->addRetryAction();
    retry->setText(tr("Retr&y")); // Alt+R is the list's Retry
    connect(retry, &QPushButton::clicked, this, &OrganizationDetail::reload);
    setPermissionNote(m_permissionReason);
}

bool OrganizationDetail::eventFilter(QObject *watched, QEvent *event)
{
    if (m_tabs && watched == m_tabs->tabBar() && event->type() == QEvent::Shortcut) {
        // After the tab bar has switched: focus the page's focus proxy, else its first control.
        QTimer::singleShot(0, this, [this] {
            QWidget *page = m_tabs ? m_tabs->currentWidget() : nullptr;
            if (!page)
                return;
            if (page->focusProxy()) {
                page->setFocus(Qt::ShortcutFocusReason);
                return;
            }
            for (QWidget *w = page->nextInFocusChain(); w != page && page->isAncestorOf(w);
                 w = w->nextInFocusChain()) {
                if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(page) && w->isEnabled()) {
                    w->setFocus(Qt::ShortcutFocusReason);
                    return;
                }
            }
        });
    }
    return QWidget::eventFilter(watched, event);
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
}

void OrganizationDetail::setStore(OrganizationStateStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    connect(store, &OrganizationStateStore::changed, this, &OrganizationDetail::onStoreChanged);
    connect(store, &OrganizationStateStore::fetched, this, [this](const QString &id, bool ok) {
        if (id == m_id)
            Q_EMIT detailsLoaded(id, ok);
    });
}

const OrganizationState *OrganizationDetail::state() const
{
    if (m_id.isEmpty() || m_hidden || !m_store)
        return nullptr;
    return m_store->state(m_id);
}

std::optional<Organization> OrganizationDetail::organization() const
{
    const OrganizationState *s = state();
    if (!s)
        return std::nullopt;
    return s->organization;
}

std::optional<SsoConnection> OrganizationDetail::connection() const
{
    const OrganizationState *s = state();
    return s ? s->connection : std::nullopt;
}

bool OrganizationDetail::isLoading() const
{
    const OrganizationState *s = m_store && !m_id.isEmpty() ? m_store->state(m_id) : nullptr;
    return s && s->isLoading();
}

bool OrganizationDetail::isLoaded() const
{
    const OrganizationState *s = state();
    return s && !s->isLoading() &&
           (s->organizationFetchedAt.isValid() || s->organizationError ||
            s->connectionFetchedAt.isValid() || s->connectionError);
}

void OrganizationDetail::clear()
{
    const bool wasLoading = isLoading();
    m_id.clear();
    m_hidden = false;
    if (m_banner)
        m_banner->clear();
    showNothingSelected();
    m_stack->setCurrentWidget(m_placeholder);
    m_wasLoading = false;
    if (wasLoading)
        Q_EMIT busyChanged(false);
    Q_EMIT stateChanged();
}

void OrganizationDetail::showNothingSelected()
{
    m_placeholder->setState(QStringLiteral("organization"), tr("No organization selected"),
                            tr("Select an organization in the list to see its single sign-on "
                               "connection, permissions and endpoints."));
}

void OrganizationDetail::setHidden(bool hidden)
{
    if (m_hidden == hidden || m_id.isEmpty())
        return;
    m_hidden = hidden;
    if (hidden) {
        const OrganizationState *s = m_store ? m_store->state(m_id) : nullptr;
        const QString name = format::shortText(s ? displayName(s->organization) : m_id);
        m_placeholder->setState(QStringLiteral("search"),
                                tr("%1 is hidden by the filter").arg(name),
                                tr("Clear the filter to see its details again, or select an "
                                   "organization that matches it."));
        m_stack->setCurrentWidget(m_placeholder);
    } else {
        showNothingSelected();
        render();
        if (m_content)
            m_stack->setCurrentWidget(m_content);
    }
    Q_EMIT stateChanged();
}

void OrganizationDetail::showOrganization(const Organization &listEntry)
{
    if (!m_store)
        return;
    m_id = listEntry.id;
    m_hidden = false;
    m_store->seed(listEntry);
    reload();
}

void OrganizationDetail::reload()
{
    if (m_id.isEmpty() || !m_store)
        return;
    ensureContent();
    m_store->fetch(m_id);
    m_membersPane->refresh(); // the members too: Refresh re-reads everything shown
    render();
    // Last: showing the page lays out everything above at once (each child shown on a visible
    // page would lay it out again).
    if (!m_hidden)
        m_stack->setCurrentWidget(m_content);
    Q_EMIT stateChanged();
}

void OrganizationDetail::onStoreChanged(const QString &id)
{
    if (id != m_id)
        return;
    if (!m_store->contains(id)) {
        clear(); // forgotten (another server)
        return;
    }
    render();
    Q_EMIT stateChanged();
}

void OrganizationDetail::render()
{
    const OrganizationState *s = m_store && !m_id.isEmpty() ? m_store->state(m_id) : nullptr;
    const bool loading = s && s->isLoading();
    if (loading != m_wasLoading) {
        m_wasLoading = loading;
        Q_EMIT busyChanged(loading);
    }
    if (!s || m_hidden)
        return;
    ensureContent();
    m_header->setBusy(loading);
    Organization org = s->organization;
    using Sso = OrganizationState::Sso;
    // The header says what is known now: the list's word only while the server is being asked.
    if (s->sso != Sso::Unknown || !loading)
        org.ssoEnabled = s->ssoEnabled();
    m_header->setOrganization(org);

    const std::optional<ApiError> &orgError = s->organizationError;
    const std::optional<ApiError> &connectionError = s->connectionError;
    if (orgError && orgError->kind == ApiError::Kind::NotFound)
        m_banner->showApiError(tr("The organization no longer exists on the server"), *orgError);
    else if (orgError)
        m_banner->showApiError(tr("Could not load the organization"), *orgError);
    else if (connectionError && s->sso == Sso::Unknown)
        m_banner->showApiError(tr("Could not load the SSO connection"), *connectionError);
    else
        m_banner->clear();

    switch (s->sso) {
    case Sso::Enabled:
        m_connectionPane->showConnection(*s->connection);
        m_endpointsPane->showConnection(*s->connection);
        break;
    case Sso::Absent:
        m_connectionPane->showNoSso(format::shortText(displayName(org)));
        m_endpointsPane->showNoSso();
        break;
    case Sso::Unknown:
        if (loading) {
            m_connectionPane->showLoading();
            m_endpointsPane->showLoading();
        } else {
            // Say what to check, not only that something failed (the banner has the error).
            QString advice = s->connectionError ? errorAdvice(*s->connectionError) : QString();
            if (advice.isEmpty())
                advice = tr("Whether this organization has an SSO connection is unknown until "
                            "it can be read again: refresh (F5) to try again.");
            m_connectionPane->showUnavailable(advice);
            m_endpointsPane->showUnavailable(advice);
        }
        break;
    }
    if (loading && !s->organizationFetchedAt.isValid() && s->sso == Sso::Unknown)
        m_permissionsPane->clear();
    else if (orgError && s->sso == Sso::Unknown)
        m_permissionsPane->clear();
    else
        m_permissionsPane->setPermissions(orgError ? std::nullopt : org.permissions,
                                          s->sso == Sso::Enabled, s->connectionPermissions());
    // Members: read when their tab is shown; who signs in through SSO follows the connection.
    if (m_membersPane->client() != m_store->client())
        m_membersPane->setClient(m_store->client());
    m_membersPane->showOrganization(org, s->sso == Sso::Enabled
                                             ? std::optional(s->connection->identifier)
                                         : s->sso == Sso::Absent ? std::optional(QString())
                                                                 : std::nullopt);
    if (loading && !s->organizationFetchedAt.isValid())
        m_rawPane->clear();
    else
        m_rawPane->setDocuments(org.raw,
                                s->connection ? std::optional(s->connection->raw) : std::nullopt);
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

void OrganizationDetail::setPermissionNote(const QString &reason)
{
    m_permissionReason = reason;
    if (!m_permissionNote)
        return;
    if (reason.isEmpty()) {
        m_permissionNote->clear();
        return;
    }
    const QString text = tr("Read-only: you cannot enable, edit or disable SSO for this "
                            "organization. %1.")
                             .arg(reason);
    if (m_permissionNote->isHidden() || m_permissionNote->text() != text)
        m_permissionNote->showMessage(MessageBar::Kind::Information, text);
}

} // namespace keycard
