#include "PermissionsPane.h"

#include "DisplayText.h"
#include "Format.h"
#include "Icons.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace keycard {

PermissionsPane::PermissionsPane(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("permissionsPane"));
    m_tree->setObjectName(QStringLiteral("permissionsTree"));
    m_tree->setAccessibleName(tr("Permissions"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Permission"), tr("Status")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_tree);
}

void PermissionsPane::clear()
{
    m_tree->clear();
}

void PermissionsPane::setPermissions(const std::optional<Permissions> &organization,
                                     bool connectionExists,
                                     const std::optional<Permissions> &connection)
{
    m_tree->clear();
    addSubject(tr("Organization"), QStringLiteral("organization"), organization,
               tr("Not reported by the server"));
    addSubject(tr("SSO connection"), QStringLiteral("connection"), connection,
               connectionExists ? tr("Not reported by the server")
                                : tr("No SSO connection: SSO is not enabled"));
    m_tree->expandAll();
}

void PermissionsPane::addSubject(const QString &title, const QString &key,
                                 const std::optional<Permissions> &permissions,
                                 const QString &absentText)
{
    auto *subject = new QTreeWidgetItem(m_tree, {title});
    subject->setData(0, Qt::UserRole, key);
    QFont bold = subject->font(0);
    bold.setBold(true);
    subject->setFont(0, bold);
    if (!permissions || permissions->grants.isEmpty()) {
        auto *absent = new QTreeWidgetItem(subject, {absentText});
        absent->setIcon(0, icons::get(QStringLiteral("unknown")));
        absent->setDisabled(true);
        return;
    }
    // Resource and permission names come from the server: shown through displayText(), and
    // tooltips literally.
    for (auto res = permissions->grants.cbegin(); res != permissions->grants.cend(); ++res) {
        auto *resource = new QTreeWidgetItem(subject, {displayText(res.key())});
        resource->setData(0, Qt::UserRole, res.key());
        for (auto perm = res->cbegin(); perm != res->cend(); ++perm) {
            const bool granted = perm.value();
            auto *item = new QTreeWidgetItem(
                resource, {displayText(perm.key()), granted ? tr("Granted") : tr("Denied")});
            item->setData(0, Qt::UserRole, QStringLiteral("%1.%2").arg(res.key(), perm.key()));
            item->setData(1, Qt::UserRole, granted);
            item->setIcon(
                1, icons::get(granted ? QStringLiteral("granted") : QStringLiteral("denied")));
            const QString resourceName = displayText(res.key());
            const QString permissionName = displayText(perm.key());
            item->setToolTip(1, format::plainToolTip(
                                    granted
                                        ? tr("%1.%2 is granted").arg(resourceName, permissionName)
                                        : tr("%1.%2 is denied").arg(resourceName, permissionName)));
        }
    }
}

} // namespace keycard
