#include "MembersPane.h"

#include "DisplayText.h"
#include "Format.h"
#include "Icons.h"
#include "InviteMemberDialog.h"
#include "KeycardClient.h"
#include "MemberChangeDialog.h"
#include "MemberFilterModel.h"
#include "MemberListModel.h"
#include "MessageBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace keycard {

namespace {

QLabel *plainLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *button(const QString &name, const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

// A question that answers itself only with its own button: Cancel is the default (a stray
// Enter sends nothing), the text is plain. `confirmed` runs on the confirming button.
template<typename Slot>
void askFirst(QWidget *parent, const QString &name, QMessageBox::Icon icon, const QString &title,
              const QString &text, const QString &confirmText, QMessageBox::ButtonRole role,
              Slot confirmed)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(name);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(confirmText, role);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(yes, &QPushButton::clicked, parent, confirmed);
    box->open();
}

} // namespace

MembersPane::MembersPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new MemberListModel(this))
    , m_proxy(new MemberFilterModel(this))
    , m_summary(plainLabel(QStringLiteral("membersSummary"), this))
    , m_warning(new MessageBar(QStringLiteral("membersWarning"), this))
    , m_error(new MessageBar(QStringLiteral("membersError"), this))
    , m_filter(new QLineEdit(this))
    , m_count(plainLabel(QStringLiteral("membersCount"), this))
    , m_view(new QTableView(this))
    , m_role(button(QStringLiteral("memberRoleButton"), tr("Chan&ge role"), this))
    , m_roleMenu(new QMenu(this))
    , m_status(button(QStringLiteral("memberStatusButton"), tr("&Disable…"), this))
    , m_remove(button(QStringLiteral("memberRemoveButton"), tr("Remo&ve…"), this))
    , m_invite(button(QStringLiteral("inviteMemberButton"), tr("Invi&te…"), this))
    , m_permissionNote(plainLabel(QStringLiteral("membersPermissionNote"), this))
    , m_invitationsHeading(plainLabel(QStringLiteral("invitationsHeading"), this))
    , m_invitations(new QTreeWidget(this))
    , m_revoke(button(QStringLiteral("revokeInvitationButton"), tr("Revo&ke…"), this))
{
    setObjectName(QStringLiteral("membersPane"));
    m_proxy->setSourceModel(m_model); // filters and sorts as MemberFilterModel says

    m_filter->setObjectName(QStringLiteral("membersFilter"));
    m_filter->setPlaceholderText(tr("Filter by email, role or sign-in"));
    m_filter->setAccessibleName(tr("Filter members"));
    // A clear button of our own, as the organization filter has (QLineEdit's built-in one
    // loads every image format plugin for its PNG icon, and screen readers get no name for it).
    QAction *clearFilter =
        m_filter->addAction(icons::get(QStringLiteral("clear")), QLineEdit::TrailingPosition);
    clearFilter->setObjectName(QStringLiteral("clearMembersFilterAction"));
    clearFilter->setText(tr("Clear filter"));
    clearFilter->setToolTip(tr("Clear the filter (Esc)"));
    clearFilter->setShortcut(QKeySequence(Qt::Key_Escape));
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    clearFilter->setVisible(false);
    connect(clearFilter, &QAction::triggered, m_filter, &QLineEdit::clear);
    connect(m_filter, &QLineEdit::textChanged, clearFilter,
            [clearFilter](const QString &text) { clearFilter->setVisible(!text.isEmpty()); });

    m_view->setObjectName(QStringLiteral("membersView"));
    m_view->setAccessibleName(tr("Members"));
    m_view->setTabKeyNavigation(false); // rows are chosen, not cells: Tab leaves the list
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MemberListModel::EmailColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The email takes what the others leave; they are as wide as their (short) texts. In a
    // narrow window the email keeps room for its start and end, and the table scrolls sideways.
    QHeaderView *header = m_view->horizontalHeader();
    header->setMinimumSectionSize(m_view->fontMetrics().averageCharWidth() * 12);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MemberListModel::EmailColumn, QHeaderView::Stretch);
    // Fitted to the rows in view: every filter keystroke re-fits the columns, and laying out
    // 100 rows' texts in four columns took 1.5 ms of the worst keystroke at 100,000 members.
    header->setResizeContentsPrecision(0);

    for (const char *role : {member::kAdmin, member::kMember, member::kViewer}) {
        const QString value = QLatin1String(role);
        QAction *action = m_roleMenu->addAction(MemberListModel::roleText(value));
        action->setData(value);
        connect(action, &QAction::triggered, this, [this, value] {
            if (const OrganizationUser *m = selectedMember()) {
                MemberUpdate update;
                update.role = value;
                if (AdminRuleCheck::changeOf(update) && m->isAdmin() && m->isActive())
                    confirmDemotion(*m, update);
                else
                    changeMember(m->id, update);
            }
        });
    }
    // Where Alt+S (the tab's mnemonic) puts the keyboard: the filter, then Tab to the list.
    setFocusProxy(m_filter);
    m_role->setMenu(m_roleMenu);

    m_inviteAdmin =
        m_warning->addAction(QStringLiteral("inviteAdminButton"), tr("Invite an administrator…"));
    QPushButton *retry = m_error->addRetryAction();
    retry->setText(tr("Retry")); // Alt+R and Alt+Y are the list's and the details' Retry

    m_invitations->setObjectName(QStringLiteral("invitationsView"));
    m_invitations->setAccessibleName(tr("Pending invitations"));
    m_invitations->setRootIsDecorated(false);
    m_invitations->setHeaderLabels({tr("Email"), tr("Role"), tr("Expires")});
    m_invitations->setTextElideMode(Qt::ElideMiddle);
    m_invitations->setMaximumHeight(m_invitations->fontMetrics().height() * 7);
    m_invitations->hide(); // shown when there are pending invitations

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_count);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_role);
    actions->addWidget(m_status);
    actions->addWidget(m_remove);
    actions->addStretch(1);
    actions->addWidget(m_invite);
    auto *invitationRow = new QHBoxLayout;
    invitationRow->addWidget(m_invitationsHeading, 1);
    invitationRow->addWidget(m_revoke);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_permissionNote);
    layout->addLayout(invitationRow);
    layout->addWidget(m_invitations);

    // Tab follows what the eye reads: the warning's invite button and the error's Retry above
    // the filter, the list, its buttons, then the invitations (the message bars' buttons are
    // made after the rest and would come last).
    {
        QWidget *previous = m_inviteAdmin;
        for (QWidget *next :
             {static_cast<QWidget *>(retry), static_cast<QWidget *>(m_filter),
              static_cast<QWidget *>(m_view), static_cast<QWidget *>(m_role),
              static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_remove),
              static_cast<QWidget *>(m_invite), static_cast<QWidget *>(m_invitations),
              static_cast<QWidget *>(m_revoke)}) {
            setTabOrder(previous, next);
            previous = next;
        }
    }

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &MemberFilterModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &MembersPane::updateCount);
    connect(m_model, &MemberListModel::summaryChanged, this, &MembersPane::updateSummary);
    connect(m_model, &MemberListModel::stateChanged, this, [this] {
        if (m_model->state() == MemberListModel::State::Error)
            m_error->showApiError(m_model->stale()
                                      ? tr("Could not refresh the members: the list shown is "
                                           "the one read before")
                                      : tr("Could not read the members"),
                                  m_model->error());
        else if (m_model->state() == MemberListModel::State::Loading)
            m_error->clear();
        updateSummary();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MembersPane::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MembersPane::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MembersPane::updateCount);
    // Tab into the list makes its first row current without selecting it (Qt), and Down on a
    // one-row list moves nowhere: the row the keyboard is on is the one the buttons act on.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && !m_view->selectionModel()->hasSelection())
                    m_view->selectionModel()->select(current, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MembersPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MembersPane::updateActions);
    connect(m_status, &QPushButton::clicked, this, &MembersPane::confirmStatusChange);
    connect(m_remove, &QPushButton::clicked, this, &MembersPane::confirmRemove);
    connect(m_invite, &QPushButton::clicked, this,
            [this] { invite(QLatin1String(member::kMember)); });
    connect(m_inviteAdmin, &QPushButton::clicked, this, [this] { invite(); });
    connect(retry, &QPushButton::clicked, this, &MembersPane::reload);
    connect(m_revoke, &QPushButton::clicked, this, &MembersPane::confirmRevoke);
    connect(m_invitations, &QTreeWidget::itemSelectionChanged, this, &MembersPane::updateActions);
    clear();
}

MembersPane::~MembersPane()
{
    // The model (a child) outlives this destructor's body: nothing it says reaches us now.
    disconnect(m_model, nullptr, this, nullptr);
    if (m_invitationCall)
        m_invitationCall->abort();
    if (m_actionCall)
        m_actionCall->abort();
}

void MembersPane::setClient(KeycardClient *client)
{
    m_client = client;
    m_model->setClient(client);
    const Organization organization = m_organization;
    const std::optional<QString> issuer = m_issuer;
    clear();
    if (!organization.id.isEmpty())
        showOrganization(organization, issuer);
}

void MembersPane::showOrganization(const Organization &organization,
                                   const std::optional<QString> &ssoIssuer)
{
    if (organization.id != m_organization.id)
        clear(); // nothing of the previous organization stays on screen
    m_organization = organization;
    // The issuer turning unknown (a refresh of the connection failed) is no change of issuer:
    // the list and its counts stay those read with the last known one, not read again empty.
    // (Another organization starts from clear(), with no issuer known.)
    if (ssoIssuer || !m_issuer)
        m_issuer = ssoIssuer;
    updateSummary();
    updateActions();
    loadIfNeeded();
}

void MembersPane::clear()
{
    m_organization = {};
    m_issuer.reset();
    m_loadedKey.clear();
    m_model->clear();
    m_pending.clear();
    m_invitations->clear();
    m_invitationPermissions.reset();
    m_warning->clear();
    m_error->clear();
    updateSummary();
    updateActions();
}

void MembersPane::reload()
{
    m_loadedKey.clear();
    loadIfNeeded();
}

void MembersPane::refresh()
{
    if (m_loadedKey.isEmpty() || !isVisible()) {
        m_loadedKey.clear(); // read afresh when next shown
        return;
    }
    m_model->refresh();
    loadInvitations();
}

void MembersPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadIfNeeded();
}

void MembersPane::loadIfNeeded()
{
    if (!isVisible() || m_organization.id.isEmpty())
        return;
    // Without SSO or with its issuer unknown, the issuer is empty: nobody counts as signing in
    // through SSO, and the summary says whether that is because SSO is off or unknown.
    const QString issuer = m_issuer.value_or(QString());
    const QString key = m_organization.id + QChar(0) + issuer + QChar(0) +
                        (m_issuer ? QLatin1Char('k') : QLatin1Char('u'));
    if (key == m_loadedKey)
        return;
    m_loadedKey = key;
    m_error->clear();
    m_model->load(m_organization.id, issuer);
    loadInvitations();
}

void MembersPane::loadInvitations()
{
    if (m_invitationCall)
        m_invitationCall->abort();
    m_pending.clear();
    m_invitations->clear();
    m_invitations->hide();
    m_invitationsHeading->setText(tr("Pending invitations: reading…"));
    if (!m_client)
        return;
    ListInvitationsRequest request;
    request.limit = 100;
    request.expandPermissions = true;
    const QString id = m_organization.id;
    m_invitationCall = m_client->listInvitations(
        id, request, this, [this, id](const Result<InvitationPage> &result) {
            m_invitationCall = nullptr;
            if (id != m_organization.id)
                return;
            if (!result.ok()) {
                if (result.error().kind != ApiError::Kind::Cancelled)
                    m_invitationsHeading->setText(tr("Pending invitations: could not be read (%1)")
                                                      .arg(displayText(result.error().message)));
                updateActions();
                return;
            }
            const InvitationPage &page = result.value();
            m_invitationPermissions = page.permissions;
            for (const Invitation &inv : page.items) {
                if (!inv.isPending())
                    continue;
                m_pending.append(inv);
                auto *item = new QTreeWidgetItem(
                    m_invitations,
                    {format::shortText(displayText(inv.email), 80),
                     MemberListModel::roleText(inv.role),
                     inv.expiresAt.isValid() ? format::localTime(inv.expiresAt) : tr("Unknown")});
                item->setToolTip(0, format::plainToolTip(displayText(inv.email)));
                item->setData(0, Qt::UserRole, inv.id);
            }
            m_invitations->setVisible(!m_pending.isEmpty());
            m_invitationsHeading->setText(
                page.pageInfo.hasNextPage
                    ? tr("Pending invitations: %1 of the first %2 shown")
                          .arg(format::number(m_pending.size()), format::number(page.items.size()))
                    : tr("Pending invitations: %1").arg(format::number(m_pending.size())));
            updateActions();
        });
}

QString MembersPane::summaryText() const
{
    return m_summary->text();
}

void MembersPane::updateSummary()
{
    const MemberSummary s = m_model->summary();
    const auto state = m_model->state();
    QString text;
    if (m_organization.id.isEmpty()) {
        text.clear();
    } else if (state == MemberListModel::State::Loading && s.members == 0) {
        text = tr("Reading the members…");
    } else {
        QStringList lines;
        lines << tr("%1 members: %2 sign in through this organization's SSO, %3 with Keycard "
                    "accounts, %4 through other issuers.")
                     .arg(format::number(s.members), format::number(s.viaSso),
                          format::number(s.viaKeycard), format::number(s.viaOther));
        if (!m_issuer)
            lines << tr("Whether this organization has SSO is not known yet: nobody is counted "
                        "as signing in through it.");
        lines << tr("Emergency access administrators (active, not signing in through SSO): %1 "
                    "of %2 active administrators.")
                     .arg(format::number(s.emergencyAdmins), format::number(s.activeAdmins));
        if (state == MemberListModel::State::Loading)
            lines << tr("Still reading: these counts grow until every member is read.");
        for (const QString &reason : m_model->incompleteReasons())
            lines << tr("Incomplete: %1").arg(displayText(reason));
        text = lines.join(QLatin1Char('\n'));
    }
    m_summary->setText(text);
    const bool settled = state == MemberListModel::State::Loaded;
    if (settled && m_issuer && !m_issuer->isEmpty() && s.emergencyAdmins < 2) {
        m_warning->showMessage(
            MessageBar::Kind::Warning,
            tr("Keep two administrators who do not sign in through SSO: if the identity "
               "provider fails, they are the only way in (now %1).")
                .arg(format::number(s.emergencyAdmins)));
        m_warning->setActions({m_inviteAdmin});
    } else {
        m_warning->clear();
    }
}

void MembersPane::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(m_filter->text().isEmpty()
                         ? tr("%1 members").arg(format::number(all))
                         : tr("%1 of %2 members").arg(format::number(shown), format::number(all)));
}

const OrganizationUser *MembersPane::selectedMember() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->member(m_proxy->mapToSource(rows.first()).row());
}

std::optional<bool> MembersPane::allowed(const char *resource, const char *permission) const
{
    const std::optional<Permissions> &p = QLatin1String(resource) == QLatin1String("invitations")
                                              ? m_invitationPermissions
                                              : m_model->permissions();
    if (!p)
        return std::nullopt;
    return p->allows(QLatin1String(resource), QLatin1String(permission));
}

void MembersPane::updateActions()
{
    const OrganizationUser *m = selectedMember();
    const bool idle = !m_actionCall && !m_organization.id.isEmpty();
    QStringList missing;
    auto gate = [&](QPushButton *b, const char *resource, const char *permission, bool ready) {
        const bool denied = allowed(resource, permission) == false;
        const QString name =
            QStringLiteral("%1.%2").arg(QLatin1String(resource), QLatin1String(permission));
        if (denied && !missing.contains(name))
            missing << name;
        b->setEnabled(idle && ready && !denied);
        b->setToolTip(denied ? tr("The server does not grant you %1.").arg(name) : QString());
    };
    gate(m_role, "users", "update", m != nullptr);
    gate(m_status, "users", "update", m != nullptr);
    m_status->setText(m && !m->isActive() && m->status == QLatin1String(member::kDisabled)
                          ? tr("Re-enab&le…")
                          : tr("&Disable…"));
    gate(m_remove, "users", "delete", m != nullptr);
    gate(m_invite, "invitations", "create", true);
    gate(m_revoke, "invitations", "delete", !m_invitations->selectedItems().isEmpty());
    m_permissionNote->setVisible(!missing.isEmpty());
    m_permissionNote->setText(missing.isEmpty() ? QString()
                                                : tr("Some actions are unavailable: the server "
                                                     "does not grant you %1.")
                                                      .arg(missing.join(QStringLiteral(", "))));
}

void MembersPane::changeMember(const QString &id, const MemberUpdate &update)
{
    if (!m_client || m_actionCall)
        return;
    const QString org = m_organization.id;
    m_actionCall = m_client->updateMember(
        org, id, update, this, [this, org](const Result<OrganizationUser> &result) {
            m_actionCall = nullptr;
            if (org == m_organization.id) {
                if (result.ok())
                    m_model->upsert(result.value()); // the server's answer, not our request
                else if (result.error().kind != ApiError::Kind::Cancelled)
                    showActionError(tr("The member was not changed"), result.error());
            }
            updateActions();
        });
    updateActions();
}

void MembersPane::askAbout(const OrganizationUser &member, MemberChange change,
                           const MemberChangeDialog::Question &question,
                           const std::function<void()> &send)
{
    auto *dialog = new MemberChangeDialog(m_client, m_organization.id, m_model->ssoIssuer(), member,
                                          change, question, this);
    const QString org = m_organization.id;
    connect(dialog, &QDialog::accepted, this, [this, org, send] {
        if (org == m_organization.id) // another organization since: not what was confirmed
            send();
    });
    dialog->open();
}

void MembersPane::confirmDemotion(const OrganizationUser &m, const MemberUpdate &update)
{
    const QString id = m.id;
    askAbout(m, MemberChange::Demote,
             {QStringLiteral("memberRoleConfirm"), tr("Change role"),
              tr("Make %1 %2? They are no longer an administrator of %3.")
                  .arg(format::shortText(memberDisplayName(m)),
                       MemberListModel::roleText(update.role.value_or(QString())),
                       format::shortText(displayName(m_organization))),
              tr("Change role")},
             [this, id, update] { changeMember(id, update); });
}

void MembersPane::confirmStatusChange()
{
    const OrganizationUser *m = selectedMember();
    if (!m)
        return;
    const QString id = m->id;
    const QString name = format::shortText(memberDisplayName(*m));
    if (m->status == QLatin1String(member::kDisabled)) {
        askFirst(this, QStringLiteral("memberStatusConfirm"), QMessageBox::Question,
                 tr("Re-enable member"), tr("Re-enable %1? They can sign in again.").arg(name),
                 tr("Re-enable"), QMessageBox::AcceptRole, [this, id] {
                     MemberUpdate update;
                     update.status = QLatin1String(member::kActive);
                     changeMember(id, update);
                 });
        return;
    }
    askAbout(*m, MemberChange::Disable,
             {QStringLiteral("memberStatusConfirm"), tr("Disable member"),
              tr("Disable %1? They can no longer sign in until re-enabled.").arg(name),
              tr("Disable")},
             [this, id] {
                 MemberUpdate update;
                 update.status = QLatin1String(member::kDisabled);
                 changeMember(id, update);
             });
}

void MembersPane::confirmRemove()
{
    const OrganizationUser *m = selectedMember();
    if (!m || !m_client)
        return;
    const QString id = m->id;
    const QString name = format::shortText(memberDisplayName(*m));
    askAbout(*m, MemberChange::Remove,
             {QStringLiteral("memberRemoveConfirm"), tr("Remove member"),
              tr("Remove %1 from %2? This cannot be undone: they lose access to the organization "
                 "and must be invited again.")
                  .arg(name, format::shortText(displayName(m_organization))),
              tr("Remove")},
             [this, id] {
                 if (!m_client || m_actionCall)
                     return;
                 const QString org = m_organization.id;
                 m_actionCall = m_client->removeMember(
                     org, id, this, [this, org, id](const Result<Done> &result) {
                         m_actionCall = nullptr;
                         if (org == m_organization.id && result.ok())
                             m_model->remove(id);
                         else if (org == m_organization.id &&
                                  result.error().kind != ApiError::Kind::Cancelled)
                             showActionError(tr("The member was not removed"), result.error());
                         updateActions();
                     });
                 updateActions();
             });
}

void MembersPane::confirmRevoke()
{
    const QList<QTreeWidgetItem *> items = m_invitations->selectedItems();
    if (items.isEmpty() || !m_client)
        return;
    const QString id = items.first()->data(0, Qt::UserRole).toString();
    askFirst(this, QStringLiteral("revokeConfirm"), QMessageBox::Warning, tr("Revoke invitation"),
             tr("Revoke the invitation for %1? The link in it stops working.")
                 .arg(items.first()->text(0)),
             tr("Revoke"), QMessageBox::DestructiveRole, [this, id] {
                 if (!m_client || m_actionCall)
                     return;
                 m_actionCall = m_client->revokeInvitation(
                     m_organization.id, id, this, [this](const Result<Done> &result) {
                         m_actionCall = nullptr;
                         if (!result.ok() && result.error().kind != ApiError::Kind::Cancelled)
                             showActionError(tr("The invitation was not revoked"), result.error());
                         loadInvitations();
                     });
                 updateActions();
             });
}

void MembersPane::invite(const QString &role)
{
    if (!m_client || m_organization.id.isEmpty())
        return;
    auto *dialog = new InviteMemberDialog(m_client, m_organization.id, displayName(m_organization),
                                          role, this);
    const QString org = m_organization.id;
    connect(dialog, &InviteMemberDialog::invited, this, [this, org] {
        if (org == m_organization.id)
            loadInvitations();
        Q_EMIT invitationSent(org);
    });
    dialog->open();
}

void MembersPane::showActionError(const QString &title, const ApiError &error)
{
    m_error->showApiError(title, error);
}

} // namespace keycard
