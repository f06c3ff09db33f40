#pragma once

#include <QSortFilterProxyModel>

namespace keycard {

// Sorts the organization list and keeps the rows whose name, label or id contain the filter
// text (case-insensitive, every whitespace-separated word must match).
class OrganizationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OrganizationFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
};

} // namespace keycard
