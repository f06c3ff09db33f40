#include "OrganizationFilterModel.h"

#include "OrganizationListModel.h"

namespace keycard {

OrganizationFilterModel::OrganizationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OrganizationListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void OrganizationFilterModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    m_text = simplified;
    m_words =
        simplified.isEmpty() ? QStringList() : simplified.toCaseFolded().split(QLatin1Char(' '));
    // A full re-map is much cheaper than invalidateFilter() when thousands of rows come or go
    // in scattered ranges (one rowsRemoved per range); selection survives via layoutChanged.
    invalidate();
}

bool OrganizationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const auto *model = qobject_cast<const OrganizationListModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const Organization &org = model->organization(sourceRow);
    for (const QString &word : m_words) {
        if (!org.name.contains(word, Qt::CaseInsensitive) &&
            !org.label.contains(word, Qt::CaseInsensitive) &&
            !org.id.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace keycard
