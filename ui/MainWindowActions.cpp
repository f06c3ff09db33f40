#include "MainWindowActions.h"

#include "Format.h"
#include "Icons.h"
#include "OrganizationState.h"
#include "SsoPermissions.h"

#include <QAction>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>

#include <optional>

namespace keycard {

MainWindowActions::MainWindowActions(QMainWindow *window, QWidget *badge)
    : QObject(window)
    , m_window(window)
{
    createActions();
    createMenus();
    createToolBar(badge);
}

void MainWindowActions::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QString &icon) {
        auto *action = new QAction(text, m_window);
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

    m_loadAll = make(QStringLiteral("loadAllAction"), tr("Load &All Organizations"),
                     QStringLiteral("load-all"));
    m_loadAll->setToolTip(tr("Fetch every remaining page of organizations"));

    m_find = make(QStringLiteral("findAction"), tr("&Find…"), QStringLiteral("search"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setToolTip(tr("Filter organizations by name, label or ID"));

    m_enableSso =
        make(QStringLiteral("enableSsoAction"), tr("&Enable SSO…"), QStringLiteral("sso-enable"));
    m_editSso = make(QStringLiteral("editSsoAction"), tr("Ed&it SSO…"), QStringLiteral("sso-edit"));
    m_disableSso = make(QStringLiteral("disableSsoAction"), tr("&Disable SSO…"),
                        QStringLiteral("sso-disable"));
    // Keyboard shortcuts (each also in the action's tooltip). Ctrl+Shift+K is the Profile
    // menu's Connect.
    m_enableSso->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_editSso->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_disableSso->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));

    m_about =
        make(QStringLiteral("aboutAction"), tr("&About Keycard Admin"), QStringLiteral("about"));
    m_about->setMenuRole(QAction::AboutRole);
    m_quit = make(QStringLiteral("quitAction"), tr("&Quit"), QStringLiteral("quit"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
}

void MainWindowActions::createMenus()
{
    m_fileMenu = m_window->menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_refresh);
    m_fileMenu->addAction(m_loadAll);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);
    m_editMenu = m_window->menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_find);
    m_orgMenu = m_window->menuBar()->addMenu(tr("&Organization"));
    m_orgMenu->setObjectName(QStringLiteral("organizationMenu"));
    m_orgMenu->addAction(m_enableSso);
    m_orgMenu->addAction(m_editSso);
    m_orgMenu->addAction(m_disableSso);
    m_helpMenu = m_window->menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_about);
}

void MainWindowActions::createToolBar(QWidget *badge)
{
    m_toolBar = m_window->addToolBar(tr("Main toolbar"));
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
    m_badgeAction = m_toolBar->addWidget(badge);
    m_badgeAction->setObjectName(QStringLiteral("sandboxBadgeAction"));
}

QString MainWindowActions::withShortcut(const QString &toolTip, const QAction *action)
{
    if (action->shortcut().isEmpty())
        return toolTip;
    return tr("%1 (%2)").arg(toolTip, action->shortcut().toString(QKeySequence::NativeText));
}

MainWindowActions::SsoReasons MainWindowActions::updateSso(const OrganizationState *state,
                                                           bool selectionHidden,
                                                           bool writePathAvailable)
{
    using Sso = OrganizationState::Sso;
    const QString notInBuild =
        tr("Changing SSO settings is not available in this build of Keycard Admin");
    // Permissions reported on the connection win over the organization's.
    const std::optional<QString> missingPermission =
        state ? missingSsoPermission(state->permissions(), state->connectionPermissions())
              : std::nullopt;
    QString name;
    if (state)
        name = format::shortText(displayName(state->organization));

    auto apply = [&](QAction *action, bool wantsSso, const QString &toolTipWhenAvailable) {
        QString why;
        if (selectionHidden)
            why = tr("The selected organization is hidden by the filter");
        else if (!state)
            why = tr("Select an organization first");
        else if (!writePathAvailable)
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
        const QString tip = why.isEmpty() ? withShortcut(toolTipWhenAvailable, action) : why;
        // Status tips are plain text; tooltips that look like HTML are shown as rich text.
        action->setStatusTip(tip);
        action->setToolTip(format::plainToolTip(tip));
        return why;
    };
    SsoReasons reasons;
    reasons.enable =
        apply(m_enableSso, false, tr("Enable single sign-on for the selected organization"));
    reasons.edit = apply(m_editSso, true, tr("Change the selected organization's SSO connection"));
    reasons.disable =
        apply(m_disableSso, true, tr("Turn off single sign-on for the selected organization"));
    if (missingPermission && state && !selectionHidden && writePathAvailable &&
        state->sso != Sso::Unknown)
        reasons.permission = *missingPermission;
    return reasons;
}

} // namespace keycard
