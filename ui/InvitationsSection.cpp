#include "InvitationsSection.h"

#include "AskFirst.h"
#include "DisplayText.h"
#include "Format.h"
#include "KeycardClient.h"
#include "MemberListModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace keycard {

InvitationsSection::InvitationsSection(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_revoke(new QPushButton(tr("Revo&ke…"), this))
    , m_view(new QTreeWidget(this))
{
    m_heading->setObjectName(QStringLiteral("invitationsHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revoke->setObjectName(QStringLiteral("revokeInvitationButton"));
    m_revoke->setAutoDefault(false);

    m_view->setObjectName(QStringLiteral("invitationsView"));
    m_view->setAccessibleName(tr("Pending invitations"));
    m_view->setRootIsDecorated(false);
    m_view->setHeaderLabels({tr("Email"), tr("Role"), tr("Expires")});
    m_view->setTextElideMode(Qt::ElideRight); // as the members' emails
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->hide(); // shown when there are pending invitations

    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_revoke);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(headingRow);
    layout->addWidget(m_view);
    // The list before its button, as the eye reads them.
    setTabOrder(m_view, m_revoke);

    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &InvitationsSection::changed);
    connect(m_revoke, &QPushButton::clicked, this, &InvitationsSection::confirmRevoke);
}

InvitationsSection::~InvitationsSection()
{
    if (m_listCall)
        m_listCall->abort();
    if (m_revokeCall)
        m_revokeCall->abort();
}

QWidget *InvitationsSection::view() const
{
    return m_view;
}

bool InvitationsSection::hasSelection() const
{
    return !m_view->selectedItems().isEmpty();
}

void InvitationsSection::clear()
{
    if (m_listCall)
        m_listCall->abort();
    m_organizationId.clear();
    m_pending.clear();
    m_view->clear();
    m_view->hide();
    m_heading->clear();
    m_permissions.reset();
    Q_EMIT changed();
}

void InvitationsSection::load(const QString &organizationId)
{
    if (m_listCall)
        m_listCall->abort();
    m_organizationId = organizationId;
    m_pending.clear();
    m_view->clear();
    m_view->hide();
    m_heading->setText(tr("Pending invitations: reading…"));
    if (!m_client)
        return;
    ListInvitationsRequest request;
    request.limit = 100;
    request.expandPermissions = true;
    const QString id = organizationId;
    m_listCall = m_client->listInvitations(
        id, request, this, [this, id](const Result<InvitationPage> &result) {
            m_listCall = nullptr;
            if (id != m_organizationId)
                return;
            if (!result.ok()) {
                if (result.error().kind != ApiError::Kind::Cancelled)
                    m_heading->setText(tr("Pending invitations: could not be read (%1)")
                                           .arg(displayText(result.error().message)));
                Q_EMIT changed();
                return;
            }
            const InvitationPage &page = result.value();
            m_permissions = page.permissions;
            for (const Invitation &inv : page.items) {
                if (!inv.isPending())
                    continue;
                m_pending.append(inv);
                auto *item = new QTreeWidgetItem(
                    m_view,
                    {format::shortText(displayText(inv.email), 80),
                     MemberListModel::roleText(inv.role),
                     inv.expiresAt.isValid() ? format::localTime(inv.expiresAt) : tr("Unknown")});
                item->setToolTip(0, format::plainToolTip(displayText(inv.email)));
                item->setData(0, Qt::UserRole, inv.id);
            }
            // As tall as its rows, up to five (then it scrolls): the members list keeps the room.
            const int rows = std::min<int>(int(m_pending.size()), 5);
            m_view->setFixedHeight(rows > 0 ? m_view->header()->sizeHint().height() +
                                                  rows * m_view->sizeHintForRow(0) +
                                                  2 * m_view->frameWidth()
                                            : 0);
            m_view->setVisible(!m_pending.isEmpty());
            m_heading->setText(
                page.pageInfo.hasNextPage
                    ? tr("Pending invitations: %1 of the first %2 shown")
                          .arg(format::number(m_pending.size()), format::number(page.items.size()))
                    : tr("Pending invitations: %1").arg(format::number(m_pending.size())));
            Q_EMIT changed();
        });
}

void InvitationsSection::confirmRevoke()
{
    const QList<QTreeWidgetItem *> items = m_view->selectedItems();
    if (items.isEmpty() || !m_client)
        return;
    const QString id = items.first()->data(0, Qt::UserRole).toString();
    const QString org = m_organizationId;
    askFirst(
        this, QStringLiteral("revokeConfirm"), QMessageBox::Warning, tr("Revoke invitation"),
        tr("Revoke the invitation for %1? The link in it stops working.")
            .arg(items.first()->text(0)),
        tr("Revoke"), QMessageBox::DestructiveRole, [this, id, org] {
            if (!m_client || m_revokeCall || org != m_organizationId)
                return;
            m_revokeCall =
                m_client->revokeInvitation(org, id, this, [this, org](const Result<Done> &result) {
                    m_revokeCall = nullptr;
                    if (org != m_organizationId)
                        return;
                    if (!result.ok() && result.error().kind != ApiError::Kind::Cancelled)
                        Q_EMIT actionFailed(tr("The invitation was not revoked"), result.error());
                    load(org); // the server's list, whatever the answer
                    Q_EMIT changed();
                });
            Q_EMIT changed();
        });
}

} // namespace keycard
