#include "MainWindow.h"

#include "BusyIndicator.h"
#include "Format.h"
#include "Icons.h"
#include "KeycardClient.h"
#include "MainWindowActions.h"
#include "OrganizationBrowser.h"
#include "OrganizationDetail.h"
#include "OrganizationState.h"
#include "SandboxBadge.h"
#include "Version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QUrl>

#include <utility>

namespace keycard {

namespace {
constexpr auto kGeometry = "mainWindow/geometry";
constexpr auto kState = "mainWindow/state";
constexpr auto kSplitter = "mainWindow/splitter";
constexpr auto kListHeader = "mainWindow/listHeader";
constexpr auto kLastOrganization = "mainWindow/lastOrganization/";
constexpr int kRefreshMessageMs = 8000;

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

    m_actions = new MainWindowActions(this, m_badge);
    connectActions();
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
    connect(m_browser->model(), &OrganizationListModel::pageLoaded, this,
            [this] { onRefreshEnded(true); });
    connect(m_browser->model(), &OrganizationListModel::errorOccurred, this,
            [this] { onRefreshEnded(false); });
    connect(m_browser->model(), &OrganizationListModel::loadAllChanged, this,
            &MainWindow::updateActions);
    connect(m_detail, &OrganizationDetail::busyChanged, this, &MainWindow::updateBusy);
    connect(m_detail, &OrganizationDetail::detailsLoaded, this, [this](const QString &id, bool ok) {
        updateActions();
        Q_EMIT detailsLoaded(id, ok);
    });
    connect(m_detail, &OrganizationDetail::stateChanged, this, &MainWindow::updateActions);
    // The list follows what is known about each organization: its fetched name and label, and
    // its SSO column.
    connect(m_store, &OrganizationStateStore::changed, this, [this](const QString &id) {
        // Known: show it. Made unknown by a failed read: show unknown. Not asked yet: the list
        // entry's own value stands.
        if (const OrganizationState *state = m_store->state(id)) {
            // The organization as last fetched: its row shows the same name and label.
            if (state->organizationFetchedAt.isValid() && state->organization.id == id)
                m_browser->model()->updateOrganization(state->organization);
            if (state->ssoEnabled() || state->connectionError)
                m_browser->model()->setSsoEnabled(id, state->ssoEnabled());
        }
    });
    connect(m_browser, &OrganizationBrowser::selectionHiddenChanged, this, [this](bool hidden) {
        m_detail->setHidden(hidden);
        updateActions();
    });
    connect(m_detail, &OrganizationDetail::enableSsoRequested, m_actions->enableSso(),
            &QAction::trigger);

    m_detail->setStore(m_store);
    setTabOrder(m_browser, m_detail);
    resize(1180, 740);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    connect(m_actions->refresh(), &QAction::triggered, this, &MainWindow::refresh);
    connect(m_actions->loadAll(), &QAction::triggered, this, &MainWindow::loadAll);
    connect(m_actions->find(), &QAction::triggered, this, &MainWindow::focusFilter);
    connect(m_actions->enableSso(), &QAction::triggered, this, [this] {
        if (const auto org = selectedOrganization(); org && m_actions->enableSso()->isEnabled())
            Q_EMIT enableSsoRequested(*org);
    });
    connect(m_actions->editSso(), &QAction::triggered, this, [this] {
        const auto org = selectedOrganization();
        const auto connection = selectedConnection();
        if (org && connection && m_actions->editSso()->isEnabled())
            Q_EMIT editSsoRequested(*org, *connection);
    });
    connect(m_actions->disableSso(), &QAction::triggered, this, [this] {
        if (const auto org = selectedOrganization(); org && m_actions->disableSso()->isEnabled())
            Q_EMIT disableSsoRequested(*org);
    });
    connect(m_actions->about(), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->quit(), &QAction::triggered, this, &QWidget::close);
}

void MainWindow::setClient(KeycardClient *client, const SessionInfo &session)
{
    if (m_persist && m_client)
        saveSettings();
    m_client = client;
    m_session = session;
    m_initialSelectionDone = false;
    m_refreshing = false;
    m_restoreSelection.clear();
    if (m_persist) {
        QSettings settings;
        m_restoreSelection =
            settings.value(QLatin1String(kLastOrganization) + settingsServerKey()).toString();
    }
    m_detail->clear();
    m_store->setClient(client);
    m_browser->setClient(client);
    // A long profile name or address is cut in the middle: the status bar never widens the
    // window (the tooltip has the address).
    m_sessionLabel->setText(tr("Server: %1").arg(format::shortText(session.describe(), 60)));
    if (!session.isSandbox() && session.baseUrl.isValid())
        m_sessionLabel->setToolTip(format::plainToolTip(session.baseUrl.toDisplayString()));
    m_actions->badgeAction()->setVisible(session.isSandbox());
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
    if (!m_client)
        return;
    // Say that it ran: a refresh that changes nothing would otherwise look like no refresh.
    m_refreshing = true;
    statusBar()->showMessage(tr("Refreshing…"));
    m_browser->reload();
    m_detail->reload();
}

void MainWindow::onRefreshEnded(bool ok)
{
    if (!std::exchange(m_refreshing, false))
        return;
    const QString when = QLocale().toString(QTime::currentTime(), QLocale::LongFormat);
    statusBar()->showMessage(
        ok ? tr("Refreshed at %1").arg(when)
           : tr("Refresh failed at %1: see the message over the list").arg(when),
        kRefreshMessageMs);
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
                     .arg(QStringLiteral(KEYCARD_VERSION), QString::fromLatin1(qVersion())) +
                 documentationParagraph());
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

QString MainWindow::documentationParagraph()
{
    // What the package installs (packaging/CMakeLists.txt): the README in its documentation
    // folder and the manual page. Linked only where it is on this system.
    const QString folder = QStringLiteral(KEYCARD_DOC_DIR);
    const QString readme = folder + QStringLiteral("/README.md");
    const QString manual = tr("the manual page (<code>man keycard-admin</code>)");
    if (QFileInfo::exists(readme))
        return tr("<p>Documentation: <a href=\"%1\">%2</a> and %3.</p>")
            .arg(QUrl::fromLocalFile(readme).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                 readme.toHtmlEscaped(), manual);
    return tr("<p>Documentation: %1. Installed packages also have the README in %2.</p>")
        .arg(manual, folder.toHtmlEscaped());
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
    const bool filterByDefault =
        filter && m_browser->isAncestorOf(filter) && filter->text().isEmpty() && !m_filterAskedFor;
    const bool takeFocus = !focus || !focus->isVisible() ||
                           m_actions->toolBar()->isAncestorOf(focus) || filterByDefault;
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
    const QList<QAction *> sso{m_actions->enableSso(), m_actions->editSso(),
                               m_actions->disableSso()};
    QStringList tipsBefore;
    for (const QAction *action : sso)
        tipsBefore << action->statusTip();
    const MainWindowActions::SsoReasons reasons =
        m_actions->updateSso(m_detail->state(), m_detail->isHidden(), m_ssoAvailable);
    m_detail->setEnableAvailable(reasons.enable.isEmpty(), reasons.enable);
    // Read-only: say so in the pane, not only in tooltips.
    m_detail->setPermissionNote(reasons.permission);
    // A status tip shown for the previous selection (the pointer rested on an SSO action) is
    // replaced by what the action says now, never left standing.
    const QString shown = statusBar()->currentMessage();
    const qsizetype stale = shown.isEmpty() ? -1 : tipsBefore.indexOf(shown);
    if (stale >= 0 && sso.at(stale)->statusTip() != shown)
        statusBar()->showMessage(sso.at(stale)->statusTip());
    m_actions->loadAll()->setEnabled(m_client && m_browser->model()->hasLoadedOnce() &&
                                     m_browser->model()->hasMore() &&
                                     !m_browser->model()->isLoadingAll());
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
