#include "ProfileController.h"

#include "ConnectDialog.h"
#include "EnvironmentOverride.h"
#include "KeycardClient.h"
#include "MainWindow.h"
#include "ProfileSwitcher.h"
#include "SessionChoice.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QToolBar>
#include <QVBoxLayout>

namespace keycard::ui {

using profiles::ProfileLoad;
using profiles::SecretResult;

namespace {
const QString kConnectOffered = QStringLiteral("Connection/connectDialogOffered");
}

ProfileController::ProfileController(MainWindow *window, KeycardClient *defaultClient,
                                     SessionInfo defaultInfo, Options options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_defaultClient(defaultClient)
    , m_defaultInfo(std::move(defaultInfo))
    , m_options(std::move(options))
    , m_secrets(m_options.keychainService)
    , m_profileSession(&m_store, &m_secrets)
{
    connect(&m_secrets, &profiles::SecretStore::availabilityChanged, this,
            &ProfileController::updateNotice);
    connect(&m_profileSession, &profiles::ProfileSession::profilesChanged, this,
            &ProfileController::refreshSwitcher);
}

ProfileController::~ProfileController()
{
    // The window must not keep pointing at the client destroyed with this controller.
    if (m_client && m_window->client() == m_client.get())
        m_window->setClient(m_defaultClient, m_defaultInfo);
}

ConnectDialog *ProfileController::connectDialog() const
{
    return m_dialog;
}

void ProfileController::install()
{
    m_switcher = new ProfileSwitcher(m_window);
    auto *label = new QLabel(tr("Connection:"), m_window);
    label->setBuddy(m_switcher);
    label->setContentsMargins(6, 0, 4, 0);
    QToolBar *toolBar = m_window->mainToolBar();
    toolBar->addSeparator();
    toolBar->addWidget(label);
    toolBar->addWidget(m_switcher);
    connect(m_switcher, &ProfileSwitcher::profileChosen, this, &ProfileController::switchToProfile);
    connect(m_switcher, &ProfileSwitcher::sandboxChosen, this, &ProfileController::switchToSession);
    connect(m_switcher, &ProfileSwitcher::connectRequested, this, [this] { openConnectDialog(); });

    m_menu = new QMenu(tr("&Profile"), m_window);
    m_menu->setObjectName(QStringLiteral("profileMenu"));
    m_connect = m_menu->addAction(tr("&Connect to Keycard…"));
    m_connect->setObjectName(QStringLiteral("connectAction"));
    m_connect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_edit = m_menu->addAction(tr("&Edit Profile…"));
    m_edit->setObjectName(QStringLiteral("editProfileAction"));
    m_menu->addSeparator();
    m_signOut = m_menu->addAction(tr("&Sign Out"));
    m_signOut->setObjectName(QStringLiteral("signOutAction"));
    m_signOut->setToolTip(tr("Forget this profile's secret in the keychain; keep its settings"));
    m_signOut->setStatusTip(m_signOut->toolTip());
    m_remove = m_menu->addAction(tr("&Remove Profile…"));
    m_remove->setObjectName(QStringLiteral("removeProfileAction"));
    connect(m_connect, &QAction::triggered, this, [this] { openConnectDialog(); });
    connect(m_edit, &QAction::triggered, this, [this] { openConnectDialog(m_activeProfile); });
    connect(m_signOut, &QAction::triggered, this, &ProfileController::signOut);
    connect(m_remove, &QAction::triggered, this, &ProfileController::removeActiveProfile);
    QAction *before = m_window->helpMenu() ? m_window->helpMenu()->menuAction() : nullptr;
    m_window->menuBar()->insertMenu(before, m_menu);

    m_notice = new MessageBar(QStringLiteral("profileNotice"), m_window);
    m_notice->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_notice->setClosable(true);
    m_noticeAction = m_notice->addAction(QStringLiteral("profileNoticeAction"), QString());
    connect(m_noticeAction, &QPushButton::clicked, this, [this] { openConnectDialog(); });
    connect(m_notice, &MessageBar::dismissed, this,
            [this] { m_dismissedNotice = m_notice->text(); });
    // The notice goes over the window's content: its central widget moves into a column
    // under the notice (MainWindow does not hold on to centralWidget()).
    QWidget *content = m_window->takeCentralWidget();
    auto *column = new QWidget(m_window);
    column->setObjectName(QStringLiteral("profileNoticeColumn"));
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    if (content)
        layout->addWidget(content, 1);
    m_window->setCentralWidget(column);
    refreshSwitcher();
}

void ProfileController::start()
{
    install();
    if (!SessionChoice::startsWithProfile(m_defaultInfo, m_options.allowProfiles)) {
        m_window->setClient(m_defaultClient, m_defaultInfo);
        if (!m_defaultInfo.isSandbox())
            m_switcher->setCurrentExternal(m_defaultInfo.source == SessionInfo::Source::CommandLine
                                               ? tr("Command-line server")
                                               : tr("Environment variables"),
                                           m_defaultInfo.describe());
        updateActions();
        updateNotice();
        return;
    }
    const QString last = m_store.lastUsed();
    if (!last.isEmpty()) {
        // The window stays empty for the moment the keychain needs, rather than flashing
        // the sandbox's demo data first.
        showNotice(MessageBar::Kind::Information,
                   tr("Signing in to “%1”: reading its secret from the keychain…").arg(last));
        m_profileSession.load(last, this, [this](const ProfileLoad &load) { activate(load); });
        return;
    }
    switchToSession();
    QSettings settings;
    if (m_options.connectDialogOnFirstRun && m_store.names().isEmpty() &&
        !settings.value(kConnectOffered).toBool()) {
        settings.setValue(kConnectOffered, true);
        openConnectDialog();
    }
}

void ProfileController::activate(const ProfileLoad &load)
{
    // A base URL the profile cannot use is the profile's fault, whatever the keychain said:
    // the Connect dialog opens on it to be corrected (nothing is sent to it).
    if (load.outcome != ProfileLoad::Outcome::NoSuchProfile) {
        if (const auto problem =
                profiles::environment::savedBaseUrlProblem(load.profile, m_options.environment)) {
            if (!m_window->client())
                switchToSession();
            openConnectDialog(load.profile.name, *problem);
            return;
        }
    }
    if (!load.ok()) {
        if (!m_window->client())
            switchToSession();
        if (load.outcome != ProfileLoad::Outcome::NoSuchProfile)
            openConnectDialog(load.profile.name, load.message);
        return;
    }
    const ClientConfig config = SessionChoice::profileConfig(load.config, m_options.environment);
    auto client = std::make_unique<KeycardClient>(&m_nam, config);
    const SessionInfo info = SessionChoice::profileSession(load.profile.name, config);
    m_window->setClient(client.get(), info);
    m_client = std::move(client); // the previous profile's client goes only now
    m_activeProfile = load.profile.name;
    m_sessionOnly = load.sessionOnly;
    m_switcher->setCurrentProfile(m_activeProfile);
    updateActions();
    updateNotice();
    Q_EMIT activeChanged(info);
}

void ProfileController::switchToProfile(const QString &name)
{
    m_profileSession.load(name, this, [this](const ProfileLoad &load) { activate(load); });
}

void ProfileController::switchToSession()
{
    m_window->setClient(m_defaultClient, m_defaultInfo);
    m_client.reset();
    m_activeProfile.clear();
    m_sessionOnly = false;
    if (m_defaultInfo.isSandbox())
        m_switcher->setCurrentSandbox();
    updateActions();
    updateNotice();
    Q_EMIT activeChanged(m_defaultInfo);
}

void ProfileController::signOut()
{
    const QString name = m_activeProfile;
    if (name.isEmpty())
        return;
    m_profileSession.signOut(name, this, [this, name](const SecretResult &result) {
        if (m_activeProfile == name)
            switchToSession();
        m_loadMessage = result.outcome == SecretResult::Outcome::Failed
                            ? result.message
                            : tr("Signed out of “%1”: its secret was removed from the keychain. "
                                 "Choose it again to sign in.")
                                  .arg(name);
        updateNotice();
    });
}

void ProfileController::removeActiveProfile()
{
    const QString name = m_activeProfile;
    if (name.isEmpty())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove Profile"),
                        tr("Remove the connection profile “%1” and its stored secret?").arg(name),
                        QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("removeProfileConfirmation"));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveProfileButton"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this, name] {
        if (m_activeProfile == name)
            switchToSession();
        m_profileSession.removeProfile(name, this, {});
    });
    box->open();
}

void ProfileController::openConnectDialog(const QString &profileName, const QString &notice)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ConnectDialog(&m_profileSession, &m_nam, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setSandboxAvailable(m_defaultInfo.isSandbox());
    // Test connection checks what the form says; the window will use the environment's values.
    m_dialog->setNotice(
        notice.isEmpty() ? profiles::environment::profileOverrideNotice({}, m_options.environment)
                         : notice);
    if (const auto profile = m_store.profile(profileName)) {
        m_dialog->setProfile(*profile, false);
        m_secrets.read(profile->name, m_dialog, [dialog = m_dialog](const SecretResult &r) {
            if (dialog)
                dialog->setSecretStored(r.hasSecret());
        });
    }
    // Back in the window, keyboard work continues in the list.
    connect(m_dialog, &QDialog::finished, m_window, &MainWindow::focusList);
    connect(m_dialog, &ConnectDialog::sandboxRequested, this, [this] {
        if (SessionChoice::profileReplaces(m_defaultInfo))
            switchToSession();
    });
    connect(m_dialog, &ConnectDialog::saved, this,
            [this](const profiles::Profile &profile, const SecretResult &) {
                refreshSwitcher();
                m_loadMessage.clear();
                if (SessionChoice::profileReplaces(m_defaultInfo))
                    switchToProfile(profile.name);
                else
                    updateNotice();
            });
    m_dialog->open();
}

void ProfileController::refreshSwitcher()
{
    if (m_switcher)
        m_switcher->setProfiles(m_store.names());
    updateActions();
}

void ProfileController::updateActions()
{
    if (!m_menu)
        return;
    const bool active = !m_activeProfile.isEmpty();
    m_edit->setEnabled(active);
    m_signOut->setEnabled(active);
    m_remove->setEnabled(active);
    QString escaped = m_activeProfile;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&&"));
    // Say whose secret goes: the menu is read without the switcher in view.
    m_signOut->setText(active ? tr("&Sign Out of “%1”").arg(escaped) : tr("&Sign Out"));
    const QString none = tr("No profile is in use");
    m_signOut->setToolTip(active ? tr("Forget the secret of “%1” in the keychain; keep its "
                                      "settings")
                                       .arg(m_activeProfile)
                                 : none);
}

void ProfileController::updateNotice()
{
    if (!m_notice)
        return;
    using Kind = MessageBar::Kind;
    const SessionInfo &info = m_defaultInfo;
    // A settings file that was cut short on reading (hand-edited, damaged) comes first: the
    // profiles the user misses are explained by it.
    if (const QString problem = m_store.problem(); !problem.isEmpty()) {
        showNotice(Kind::Warning, problem);
    } else if (info.source == SessionInfo::Source::Environment) {
        showNotice(Kind::Information, profiles::environment::notice(m_options.environment));
    } else if (info.source == SessionInfo::Source::CommandLine) {
        showNotice(Kind::Information,
                   tr("Using %1 as given on the command line for this run: saved "
                      "connection profiles are not used.")
                       .arg(info.baseUrl.toDisplayString()));
    } else if (!m_activeProfile.isEmpty() &&
               (m_sessionOnly ||
                m_secrets.availability() == profiles::SecretStore::Availability::Unavailable)) {
        // Both facts matter while a profile is in use: join them.
        const QString overrides =
            profiles::environment::profileOverrideNotice(m_activeProfile, m_options.environment);
        const QString keychain =
            tr("No keychain available: the secret is kept for this session only");
        showNotice(Kind::Warning,
                   overrides.isEmpty() ? keychain : keychain + QStringLiteral(". ") + overrides);
    } else if (!m_activeProfile.isEmpty() &&
               profiles::environment::isActive(m_options.environment)) {
        showNotice(Kind::Information, profiles::environment::profileOverrideNotice(
                                          m_activeProfile, m_options.environment));
    } else if (m_activeProfile.isEmpty() && !m_defaultSessionLost.isEmpty()) {
        showNotice(Kind::Error, m_defaultSessionLost, tr("Connect to Keycard…"));
    } else if (!m_loadMessage.isEmpty() && m_activeProfile.isEmpty()) {
        showNotice(Kind::Information, m_loadMessage, tr("Connect to Keycard…"));
    } else if (m_activeProfile.isEmpty() && info.isSandbox() &&
               profiles::environment::isActive(m_options.environment)) {
        showNotice(Kind::Information,
                   profiles::environment::profileOverrideNotice({}, m_options.environment),
                   tr("Connect to Keycard…"));
    } else if (m_activeProfile.isEmpty() && info.isSandbox()) {
        showNotice(Kind::Information,
                   tr("You are exploring demo data in a local sandbox; changes you make "
                      "here are forgotten when Keycard Admin closes. Connect to your Keycard "
                      "account to manage your organizations."),
                   tr("Connect to Keycard…"));
    } else {
        m_notice->clear();
    }
    // A notice the user closed stays closed until there is something else to say.
    if (!m_dismissedNotice.isEmpty() && m_notice->text() == m_dismissedNotice)
        m_notice->hide();
}

void ProfileController::setDefaultSessionLost(const QString &reason)
{
    m_defaultSessionLost =
        reason + QLatin1Char(' ') +
        tr("Restart Keycard Admin to explore the demo again, or connect to your Keycard account.");
    updateNotice();
}

void ProfileController::showNotice(MessageBar::Kind kind, const QString &text,
                                   const QString &actionText)
{
    if (text.isEmpty()) {
        m_notice->clear();
        return;
    }
    m_noticeAction->setText(actionText);
    m_noticeAction->setAccessibleName(actionText);
    m_notice->showMessage(kind, text);
    m_notice->setActions(actionText.isEmpty() ? QList<QPushButton *>{}
                                              : QList<QPushButton *>{m_noticeAction});
}

} // namespace keycard::ui
