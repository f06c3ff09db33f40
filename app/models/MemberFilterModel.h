#pragma once

#include <QByteArray>
#include <QCollator>
#include <QSortFilterProxyModel>
#include <QTimer>

#include <vector>

namespace keycard {

class MemberListModel;

// Sorts the Members tab and keeps the rows whose filter text (MemberListModel::FilterRole:
// email, role, status and how the member signs in) contains the filter, ignoring case: what
// QSortFilterProxyModel with setFilterFixedString() did, fast enough for 100,000 members (each
// keystroke within a frame).
//
// The text is searched as case-folded bytes the model keeps per row (MemberListModel::
// matches()), not made again per row and keystroke. Each row's verdict is kept: a filter that
// contains the previous one ("mem" -> "member") only re-tests the rows that matched before,
// and the rows come or go in one re-map. Text columns sort in the user's language through
// collation keys made once per row (QCollatorSortKey), when a sort first needs them, so a
// comparison makes no string. (OrganizationFilterModel does the same for organizations.) Once
// rows stop coming, each row's rank in that order is worked out on the thread pool: a filter
// that leaves 10,000 of 100,000 members then sorts them by comparing two integers.
class MemberFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MemberFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Whether the rows' ranks in the current sort column are known (for tests).
    bool ranked() const { return m_rankColumn >= 0 && m_rankColumn == sortColumn(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    static constexpr int kTextColumns = 4; // email, role, sign-in, status (MemberListModel)
    const QCollatorSortKey &sortKey(int column, int sourceRow) const;
    void forgetSortKeys();
    bool test(int sourceRow) const;
    void forgetVerdicts() { m_verdicts.clear(); }
    void forgetRanks();
    void makeRanks(); // starts the work on the pool (the keys are copied for it)

    const MemberListModel *m_list = nullptr; // the source, when it is one
    QString m_text;
    QByteArray m_needle; // m_text case-folded, in UTF-8
    // Verdict per source row for m_needle, kept in step with the source's appended rows; empty
    // when unknown (the next filter then tests every row).
    mutable std::vector<bool> m_verdicts;
    bool m_useVerdicts = false;
    QCollator m_collator;
    // Per text column, the keys of source rows 0..n-1 (made on demand, in row order).
    mutable std::vector<QCollatorSortKey> m_sortKeys[kTextColumns];
    // Per source row, its position when every row is sorted on m_rankColumn (ties in row
    // order); -1, or past the end: not known (appended or changed since), compared by key.
    std::vector<qint32> m_ranks;
    int m_rankColumn = -1;
    quint64 m_rankGeneration = 0; // a result of an older generation is dropped
    QTimer m_rankTimer;           // ranks once rows stopped coming for a moment
};

} // namespace keycard
