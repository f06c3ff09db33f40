#include "MembersPane.h"

#include "AskFirst.h"
#include "DisplayText.h"
#include "Format.h"
#include "Icons.h"
#include "InvitationsSection.h"
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
#include <QPushButton>
#include <QTableView>
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
    , m_invitations(new InvitationsSection(this))
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
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The email takes what the others leave; they are as wide as their (short) texts. In a
    // narrow window the email keeps room for 24 characters and the table scrolls sideways
    // (fitEmailColumn()); elided, it shows its start (the domain is mostly everyone's).
    QHeaderView *header = m_view->horizontalHeader();
    header->setMinimumSectionSize(m_view->fontMetrics().averageCharWidth() * 8);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MemberListModel::EmailColumn, QHeaderView::Stretch);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (column != MemberListModel::EmailColumn)
            fitEmailColumn();
    });
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

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_count);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_role);
    actions->addWidget(m_status);
    actions->addWidget(m_remove);
    actions->addStretch(1);
    actions->addWidget(m_invite);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_permissionNote);
    layout->addWidget(m_invitations);

    // Tab follows what the eye reads: the warning's invite button and the error's Retry above
    // the filter, the list, its buttons, then the invitations (the message bars' buttons are
    // made after the rest and would come last).
    {
        QWidget *previous = m_inviteAdmin;
        for (QWidget *next : {static_cast<QWidget *>(retry), static_cast<QWidget *>(m_filter),
                              static_cast<QWidget *>(m_view), static_cast<QWidget *>(m_role),
                              static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_remove),
                              static_cast<QWidget *>(m_invite), m_invitations->view(),
                              static_cast<QWidget *>(m_invitations->revokeButton())}) {
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
    connect(m_invitations, &InvitationsSection::changed, this, &MembersPane::updateActions);
    connect(m_invitations, &InvitationsSection::actionFailed, this, &MembersPane::showActionError);
    clear();
}

MembersPane::~MembersPane()
{
    // The model (a child) outlives this destructor's body: nothing it says reaches us now.
    disconnect(m_model, nullptr, this, nullptr);
    disconnect(m_invitations, nullptr, this, nullptr);
    if (m_actionCall)
        m_actionCall->abort();
}

void MembersPane::setClient(KeycardClient *client)
{
    m_client = client;
    m_model->setClient(client);
    m_invitations->setClient(client);
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
    m_invitations->clear();
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
    m_invitations->load(m_organization.id);
}

bool MembersPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitEmailColumn();
    return QWidget::eventFilter(watched, event);
}

void MembersPane::fitEmailColumn()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int email = MemberListModel::EmailColumn;
    int others = 0;
    for (int column = 0; column < header->count(); ++column)
        others +=
            column == email || header->isSectionHidden(column) ? 0 : header->sectionSize(column);
    const int least = m_view->fontMetrics().averageCharWidth() * 24;
    const bool narrow = m_view->viewport()->width() - others < least;
    if (narrow == (header->sectionResizeMode(email) == QHeaderView::Interactive))
        return;
    header->setSectionResizeMode(email, narrow ? QHeaderView::Interactive : QHeaderView::Stretch);
    if (narrow)
        header->resizeSection(email, least);
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
    m_invitations->load(m_organization.id);
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
                                              ? m_invitations->permissions()
                                              : m_model->permissions();
    if (!p)
        return std::nullopt;
    return p->allows(QLatin1String(resource), QLatin1String(permission));
}

void MembersPane::updateActions()
{
    const OrganizationUser *m = selectedMember();
    const bool idle = !m_actionCall && !m_invitations->busy() && !m_organization.id.isEmpty();
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
    gate(m_invitations->revokeButton(), "invitations", "delete", m_invitations->hasSelection());
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

void MembersPane::invite(const QString &role)
{
    if (!m_client || m_organization.id.isEmpty())
        return;
    auto *dialog = new InviteMemberDialog(m_client, m_organization.id, displayName(m_organization),
                                          role, this);
    const QString org = m_organization.id;
    connect(dialog, &InviteMemberDialog::invited, this, [this, org] {
        if (org == m_organization.id)
            m_invitations->load(org);
        Q_EMIT invitationSent(org);
    });
    dialog->open();
}

void MembersPane::showActionError(const QString &title, const ApiError &error)
{
    m_error->showApiError(title, error);
}

} // namespace keycard
