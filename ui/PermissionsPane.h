#pragma once

#include "Models.h"

#include <QWidget>

#include <optional>

class QTreeWidget;
class QTreeWidgetItem;

namespace keycard {

// What the signed-in account may do, as the server reported it with expand[]=permissions:
// subject (organization, SSO connection) → resource → permission → granted / denied.
class PermissionsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PermissionsPane(QWidget *parent = nullptr);

    void clear();
    // `connectionExists` false: the organization has no SSO connection to report on.
    void setPermissions(const std::optional<Permissions> &organization, bool connectionExists,
                        const std::optional<Permissions> &connection);
    QTreeWidget *tree() const { return m_tree; }

private:
    void addSubject(const QString &title, const QString &key,
                    const std::optional<Permissions> &permissions, const QString &absentText);

    QTreeWidget *m_tree;
};

} // namespace keycard
