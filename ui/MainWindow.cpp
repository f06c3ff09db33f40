#include "MainWindow.h"

#include "BusyIndicator.h"
#include "Icons.h"
#include "KeycardClient.h"
#include "OrganizationBrowser.h"
#include "OrganizationDetail.h"
#include "OrganizationState.h"
#include "SandboxBadge.h"
#include "SsoPermissions.h"
#include "Version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

#include <utility>

namespace keycard {

namespace {
constexpr auto kGeometry = "mainWindow/geometry";
constexpr auto kState = "mainWindow/state";
constexpr auto kSplitter = "mainWindow/splitter";
constexpr auto kListHeader = "mainWindow/listHeader";
constexpr auto kLastOrganization = "mainWindow/lastOrganization/";

QEvent::Type initialSelectionEvent()
{
    static const auto type = static_cast<QEvent::Type>(QEvent::registerEventType());
    return type;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_browser(new OrganizationBrowser(this))
    , m_detail(new OrganizationDetail(this))
    , m_store(new OrganizationStateStore(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_badge(new SandboxBadge(this))
    , m_sessionLabel(new QLabel(this))
    , m_busy(new BusyIndicator(this))
    , m_busyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icons::application());
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));

    createActions();
    createMenus();
    createToolBar();
    statusBar()->addWidget(m_busy);
    statusBar()->addWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_sessionLabel);

    connect(m_browser, &OrganizationBrowser::currentOrganizationChanged, this,
            &MainWindow::onOrganizationChanged);
    connect(m_browser, &OrganizationBrowser::organizationActivated, this,
            [this] { m_detail->tabs()->setFocus(Qt::OtherFocusReason); });
    connect(m_browser, &OrganizationBrowser::busyChanged, this, &MainWindow::updateBusy);
    // The remembered or requested organization is gone: start at the top instead.
    connect(m_browser, &OrganizationBrowser::selectionNotFound, this, &MainWindow::selectFirstRow);
    connect(m_browser->model(), &OrganizationListModel::pageLoaded, this, &MainWindow::onFirstPage);
    connect(m_browser->model(), &OrganizationListModel::loadAllChanged, this,
            &MainWindow::updateActions);
    connect(m_detail, &OrganizationDetail::busyChanged, this, &MainWindow::updateBusy);
    connect(m_detail, &OrganizationDetail::detailsLoaded, this, [this](const QString &id, bool ok) {
        updateActions();
        Q_EMIT detailsLoaded(id, ok);
    });
    connect(m_detail, &OrganizationDetail::stateChanged, this, &MainWindow::updateActions);
    // The list's SSO column follows what is known about each organization.
    connect(m_store, &OrganizationStateStore::changed, this, [this](const QString &id) {
        // Known: show it. Made unknown by a failed read: show unknown. Not asked yet: the list
        // entry's own value stands.
        if (const OrganizationState *state = m_store->state(id)) {
            if (state->ssoEnabled() || state->connectionError)
                m_browser->model()->setSsoEnabled(id, state->ssoEnabled());
        }
    });
    connect(m_browser, &OrganizationBrowser::selectionHiddenChanged, this, [this](bool hidden) {
        m_detail->setHidden(hidden);
        updateActions();
    });
    connect(m_detail, &OrganizationDetail::enableSsoRequested, m_enableSso, &QAction::trigger);

    m_detail->setStore(m_store);
    setTabOrder(m_browser, m_detail);
    resize(1180, 740);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QString &icon) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!icon.isEmpty())
            action->setIcon(icons::get(icon));
        return action;
    };
    m_refresh = make(QStringLiteral("refreshAction"), tr("&Refresh"), QStringLiteral("refresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(
        tr("Reload the organization list and the selected organization (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);

    m_loadAll = make(QStringLiteral("loadAllAction"), tr("Load &All Organizations"),
                     QStringLiteral("load-all"));
    m_loadAll->setToolTip(tr("Fetch every remaining page of organizations"));
    connect(m_loadAll, &QAction::triggered, this, &MainWindow::loadAll);

    m_find = make(QStringLiteral("findAction"), tr("&Find…"), QStringLiteral("search"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setToolTip(tr("Filter organizations by name, label or ID"));
    connect(m_find, &QAction::triggered, this, &MainWindow::focusFilter);

    m_enableSso =
        make(QStringLiteral("enableSsoAction"), tr("&Enable SSO…"), QStringLiteral("sso-enable"));
    m_editSso = make(QStringLiteral("editSsoAction"), tr("Ed&it SSO…"), QStringLiteral("sso-edit"));
    m_disableSso = make(QStringLiteral("disableSsoAction"), tr("&Disable SSO…"),
                        QStringLiteral("sso-disable"));
    connect(m_enableSso, &QAction::triggered, this, [this] {
        if (const auto org = selectedOrganization(); org && m_enableSso->isEnabled())
            Q_EMIT enableSsoRequested(*org);
    });
    connect(m_editSso, &QAction::triggered, this, [this] {
        const auto org = selectedOrganization();
        const auto connection = selectedConnection();
        if (org && connection && m_editSso->isEnabled())
            Q_EMIT editSsoRequested(*org, *connection);
    });
    connect(m_disableSso, &QAction::triggered, this, [this] {
        if (const auto org = selectedOrganization(); org && m_disableSso->isEnabled())
            Q_EMIT disableSsoRequested(*org);
    });

    m_about =
        make(QStringLiteral("aboutAction"), tr("&About Keycard Admin"), QStringLiteral("about"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    m_quit = make(QStringLiteral("quitAction"), tr("&Quit"), QStringLiteral("quit"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_refresh);
    m_fileMenu->addAction(m_loadAll);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_find);
    m_orgMenu = menuBar()->addMenu(tr("&Organization"));
    m_orgMenu->setObjectName(QStringLiteral("organizationMenu"));
    m_orgMenu->addAction(m_enableSso);
    m_orgMenu->addAction(m_editSso);
    m_orgMenu->addAction(m_disableSso);
    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_about);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->addAction(m_refresh);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_enableSso);
    m_toolBar->addAction(m_editSso);
    m_toolBar->addAction(m_disableSso);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setObjectName(QStringLiteral("toolBarSpacer"));
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_badgeAction = m_toolBar->addWidget(m_badge);
    m_badgeAction->setObjectName(QStringLiteral("sandboxBadgeAction"));
}

void MainWindow::setClient(KeycardClient *client, const SessionInfo &session)
{
    if (m_persist && m_client)
        saveSettings();
    m_client = client;
    m_session = session;
    m_initialSelectionDone = false;
    m_restoreSelection.clear();
    if (m_persist) {
        QSettings settings;
        m_restoreSelection =
            settings.value(QLatin1String(kLastOrganization) + settingsServerKey()).toString();
    }
    m_detail->clear();
    m_store->setClient(client);
    m_browser->setClient(client);
    m_sessionLabel->setText(tr("Server: %1").arg(session.describe()));
    if (!session.isSandbox() && session.baseUrl.isValid())
        m_sessionLabel->setToolTip(session.baseUrl.toDisplayString());
    m_badgeAction->setVisible(session.isSandbox());
    updateTitle();
    updateActions();
    if (client)
        m_browser->reload();
    Q_EMIT sessionChanged(session);
}

std::optional<Organization> MainWindow::selectedOrganization() const
{
    return m_detail->organization();
}

std::optional<SsoConnection> MainWindow::selectedConnection() const
{
    return m_detail->connection();
}

void MainWindow::setSsoActionsAvailable(bool available)
{
    m_ssoAvailable = available;
    updateActions();
}

void MainWindow::refresh()
{
    m_browser->reload();
    m_detail->reload();
}

void MainWindow::loadAll()
{
    m_browser->loadAll();
}

void MainWindow::focusFilter()
{
    m_filterAskedFor = true;
    m_browser->focusFilter();
}

void MainWindow::focusList()
{
    m_browser->tableView()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::selectOrganization(const QString &idOrLabel)
{
    m_initialSelectionDone = true;
    m_restoreSelection.clear();
    m_browser->selectOrganization(idOrLabel);
}

void MainWindow::showConnection(const QString &organizationId, const SsoConnection &connection)
{
    // The reply carries the connection; the organization (its permissions, its JSON) is asked
    // for again so that every pane agrees with the server.
    m_store->setConnection(organizationId, connection);
    // Writes carry no permissions (no expand[] on POST / PATCH): ask for the connection too.
    if (connection.permissions)
        m_store->fetchOrganization(organizationId);
    else
        m_store->fetch(organizationId);
    updateActions();
}

void MainWindow::showSsoDisabled(const QString &organizationId)
{
    m_store->setConnectionAbsent(organizationId);
    m_store->fetchOrganization(organizationId);
    updateActions();
}

void MainWindow::setOrganizationSsoEnabled(const QString &organizationId, bool enabled)
{
    m_browser->model()->setSsoEnabled(organizationId, enabled);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Keycard Admin"));
    box->setIconPixmap(icons::application().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>Keycard Admin %1</h3>"
                    "<p>Set up and inspect single sign-on for Keycard organizations.</p>"
                    "<p>Built with Qt %2.</p>"
                    "<p>Source code under the Apache License 2.0. This program links Qt "
                    "HttpServer (GPL-3.0 only), so it is distributed under the GNU General "
                    "Public License version 3.</p>")
                     .arg(QStringLiteral(KEYCARD_VERSION), QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

void MainWindow::onOrganizationChanged(const Organization &organization)
{
    if (std::exchange(m_focusListWhenSelected, false))
        focusList();
    m_detail->showOrganization(organization);
    if (m_persist) {
        QSettings settings;
        settings.setValue(QLatin1String(kLastOrganization) + settingsServerKey(), organization.id);
    }
    updateActions();
}

void MainWindow::onFirstPage()
{
    if (m_initialSelectionDone)
        return;
    // Let the list paint its first page before the details are built and requested: the
    // window's repaint request is a posted event of low priority, and this one queues behind it.
    QCoreApplication::postEvent(this, new QEvent(initialSelectionEvent()), Qt::LowEventPriority);
}

void MainWindow::makeInitialSelection()
{
    // Skipped when something was selected meanwhile, or when the list was reset (another
    // server) and waits for its own first page.
    if (m_initialSelectionDone || !m_browser->model()->hasLoadedOnce())
        return;
    m_initialSelectionDone = true;
    // The list was hidden behind "Loading…" when the window showed: focus it now, unless the
    // admin already went somewhere else.
    // (Qt gives the filter box the focus when the window activates while the list is hidden:
    // that is not the admin's choice unless they asked for the filter or typed in it.)
    QWidget *focus = focusWidget();
    const auto *filter = qobject_cast<QLineEdit *>(focus);
    const bool filterByDefault = filter && m_browser->isAncestorOf(filter) &&
                                 filter->text().isEmpty() && !m_filterAskedFor;
    const bool takeFocus =
        !focus || !focus->isVisible() || m_toolBar->isAncestorOf(focus) || filterByDefault;
    // Restore the last selection: right away when it is on the first page, otherwise the
    // browser fetches the following pages until it arrives (selectFirstRow if it never does).
    // The list takes the focus once a row is current: focusing a list without one would make
    // its first row current.
    if (!m_restoreSelection.isEmpty() &&
        !m_browser->selectOrganization(std::exchange(m_restoreSelection, QString())) &&
        m_browser->hasPendingSelection()) {
        m_focusListWhenSelected = takeFocus;
        return;
    }
    selectFirstRow();
    if (takeFocus)
        focusList();
}

void MainWindow::selectFirstRow()
{
    QTableView *table = m_browser->tableView();
    if (table->model()->rowCount() > 0 && !table->currentIndex().isValid())
        table->setCurrentIndex(table->model()->index(0, 0));
}

void MainWindow::updateActions()
{
    const OrganizationState *state = m_detail->state();
    using Sso = OrganizationState::Sso;
    const QString notInBuild =
        tr("Changing SSO settings is not available in this build of Keycard Admin");
    // Permissions reported on the connection win over the organization's (ui/sso).
    const std::optional<QString> missingPermission =
        state ? ui::missingSsoPermission(state->permissions(), state->connectionPermissions())
              : std::nullopt;
    QString name;
    if (state)
        name =
            state->organization.name.isEmpty() ? state->organization.id : state->organization.name;

    auto apply = [&](QAction *action, bool wantsSso, const QString &toolTipWhenAvailable) {
        QString why;
        if (m_detail->isHidden())
            why = tr("The selected organization is hidden by the filter");
        else if (!state)
            why = tr("Select an organization first");
        else if (!m_ssoAvailable)
            why = notInBuild;
        else if (state->sso == Sso::Unknown && state->isLoading())
            why = tr("Loading the organization…");
        else if (state->sso == Sso::Unknown && state->connectionError)
            why = tr("Whether SSO is enabled for %1 is not known: %2. Refresh (F5) to ask the "
                     "server again.")
                      .arg(name, state->connectionError->toString());
        else if (state->sso == Sso::Unknown)
            why = tr("Whether SSO is enabled for %1 is not known yet: refresh (F5) to ask the "
                     "server again")
                      .arg(name);
        else if (missingPermission)
            why = *missingPermission;
        else if (wantsSso && state->sso != Sso::Enabled)
            why = tr("SSO is not enabled for this organization");
        else if (!wantsSso && state->sso == Sso::Enabled)
            why = tr("SSO is already enabled for this organization");
        action->setEnabled(why.isEmpty());
        action->setToolTip(why.isEmpty() ? toolTipWhenAvailable : why);
        action->setStatusTip(action->toolTip());
        return why;
    };
    const QString enableWhy =
        apply(m_enableSso, false, tr("Enable single sign-on for the selected organization"));
    apply(m_editSso, true, tr("Change the selected organization's SSO connection"));
    apply(m_disableSso, true, tr("Turn off single sign-on for the selected organization"));
    m_detail->setEnableAvailable(enableWhy.isEmpty(), enableWhy);
    m_loadAll->setEnabled(m_client && m_browser->model()->hasLoadedOnce() &&
                          m_browser->model()->hasMore() && !m_browser->model()->isLoadingAll());
}

void MainWindow::updateTitle()
{
    if (!m_client)
        setWindowTitle(tr("Keycard Admin"));
    else if (m_session.isSandbox())
        setWindowTitle(tr("Keycard Admin — Sandbox (demo data)"));
    else
        setWindowTitle(tr("Keycard Admin — %1").arg(m_session.describe()));
}

void MainWindow::updateBusy()
{
    const bool listBusy = m_browser->model()->state() == OrganizationListModel::State::Loading;
    const bool detailBusy = m_detail->isLoading();
    m_busy->setRunning(listBusy || detailBusy);
    m_busyLabel->setText(listBusy     ? tr("Loading organizations…")
                         : detailBusy ? tr("Loading organization details…")
                                      : QString());
    updateActions();
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == initialSelectionEvent()) {
        makeInitialSelection();
        return true;
    }
    return QMainWindow::event(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!m_restored) {
        m_restored = true;
        if (!restoreSettings())
            fitToScreen();
        // Keyboard work starts in the list (not on the first toolbar control).
        focusList();
    }
    QMainWindow::showEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::fitToScreen()
{
    // The first window: its default size, but never larger than the screen's free area
    // (whatever the scale factor), and placed inside it.
    const QScreen *s = screen();
    if (!s)
        return;
    const QRect available = s->availableGeometry();
    const QSize frameExtra(16, 48); // title bar and borders, before the window manager says
    const QSize room = (available.size() * 0.92) - frameExtra;
    const QSize wanted = size().boundedTo(room).expandedTo(minimumSizeHint().boundedTo(room));
    resize(wanted);
    const QPoint topLeft(
        available.x() + qMax(0, (available.width() - wanted.width()) / 2),
        available.y() + qMax(0, (available.height() - wanted.height() - frameExtra.height()) / 2));
    move(topLeft);
}

bool MainWindow::restoreSettings()
{
    if (!m_persist)
        return false;
    QSettings settings;
    const bool restored = restoreGeometry(settings.value(QLatin1String(kGeometry)).toByteArray());
    restoreState(settings.value(QLatin1String(kState)).toByteArray());
    const QByteArray splitter = settings.value(QLatin1String(kSplitter)).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_browser->restoreHeaderState(settings.value(QLatin1String(kListHeader)).toByteArray());
    return restored;
}

void MainWindow::saveSettings()
{
    if (!m_persist)
        return;
    QSettings settings;
    settings.setValue(QLatin1String(kGeometry), saveGeometry());
    settings.setValue(QLatin1String(kState), saveState());
    settings.setValue(QLatin1String(kSplitter), m_splitter->saveState());
    settings.setValue(QLatin1String(kListHeader), m_browser->saveHeaderState());
    if (const auto org = m_detail->organization())
        settings.setValue(QLatin1String(kLastOrganization) + settingsServerKey(), org->id);
}

QString MainWindow::settingsServerKey() const
{
    // The sandbox runs on a new port each time; its organizations are always the same.
    if (m_session.isSandbox())
        return QStringLiteral("sandbox");
    return QString::fromLatin1(
        m_session.baseUrl.toString(QUrl::RemoveUserInfo)
            .toUtf8()
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace keycard
