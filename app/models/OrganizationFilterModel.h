#pragma once

#include <QByteArray>
#include <QCollator>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace keycard {

class OrganizationListModel;

// Sorts the organization list and keeps the rows whose name, label or id contain the filter
// text (case-insensitive, every whitespace-separated word must match).
//
// Names, labels and ids sort in the user's language, ignoring case, and number-aware ("Org 2"
// before "Org 10"): each row's collation key is made once (QCollatorSortKey), when a sort first
// needs it, and a comparison is a comparison of two keys (100,000 rows sort without a string
// made per comparison).
//
// Each row's verdict is kept; a filter that refines the previous one (every earlier word is
// part of a word now) only re-tests the rows that matched before.
class OrganizationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OrganizationFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    // The collation key of a source row's text in a text column (0 name, 1 label, 2 id).
    const QCollatorSortKey &sortKey(int field, int sourceRow) const;
    void forgetSortKeys();
    bool test(int sourceRow) const;
    void forgetVerdicts() { m_verdicts.clear(); }

    const OrganizationListModel *m_list = nullptr; // the source, when it is one
    QString m_text;
    QStringList m_words;
    QList<QByteArray> m_search; // m_words as OrganizationListModel::matches() takes them
    // Verdict per source row for m_words, kept in step with the source's appended rows; empty
    // when unknown (the next filter then tests every row).
    mutable std::vector<bool> m_verdicts;
    bool m_useVerdicts = false;
    QCollator m_collator;
    // Per text column, the keys of source rows 0..n-1 (made on demand, in row order).
    mutable std::vector<QCollatorSortKey> m_sortKeys[3];
};

} // namespace keycard
