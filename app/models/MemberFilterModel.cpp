#include "MemberFilterModel.h"

#include "MemberListModel.h"
#include "SearchKey.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

namespace keycard {

namespace {

// At most this many rows coming or going are removed or inserted as such (each range costs
// QSortFilterProxyModel a pass over every row); more re-map the whole list at once.
constexpr qsizetype kFewRows = 16;
// Below this many rows comparing keys is fast enough: no ranks.
constexpr int kRankedRows = 4096;

template<typename T> void eraseRows(std::vector<T> &rows, int first, int last)
{
    if (size_t(first) >= rows.size())
        return;
    const size_t end = std::min(rows.size(), size_t(last) + 1);
    rows.erase(rows.begin() + first, rows.begin() + qsizetype(end));
}

} // namespace

MemberFilterModel::MemberFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // What setSortLocaleAware(true) compared with (QString::localeAwareCompare()): the
    // default locale's collation, case-sensitive.
    setSortRole(MemberListModel::SortRole);
    setSortLocaleAware(true);
    m_rankTimer.setSingleShot(true);
    m_rankTimer.setInterval(250);
    connect(&m_rankTimer, &QTimer::timeout, this, &MemberFilterModel::makeRanks);
}

void MemberFilterModel::forgetRanks()
{
    ++m_rankGeneration;
    m_ranks.clear();
    m_rankColumn = -1;
}

void MemberFilterModel::sort(int column, Qt::SortOrder order)
{
    QSortFilterProxyModel::sort(column, order);
    if (column != m_rankColumn)
        m_rankTimer.start();
}

void MemberFilterModel::makeRanks()
{
    const int column = sortColumn();
    const int rows = m_list ? m_list->rowCount() : 0;
    if (column < 0 || column >= kTextColumns || rows < kRankedRows)
        return;
    if (column == m_rankColumn && m_ranks.size() == size_t(rows) &&
        std::find(m_ranks.cbegin(), m_ranks.cend(), -1) == m_ranks.cend())
        return;                // known for every row
    sortKey(column, rows - 1); // every key (made here: they come from the model)
    // Copies share the keys' data, which only the pool reads until the copies are gone.
    auto keys = std::make_shared<const std::vector<QCollatorSortKey>>(
        m_sortKeys[column].cbegin(), m_sortKeys[column].cbegin() + rows);
    const quint64 generation = ++m_rankGeneration;
    auto *watcher = new QFutureWatcher<std::vector<qint32>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, column] {
        std::vector<qint32> ranks = watcher->result();
        watcher->deleteLater();
        // Rows removed, changed or re-sorted meanwhile made a new generation; rows appended
        // since are past the end of these ranks.
        if (generation != m_rankGeneration || column != sortColumn())
            return;
        m_ranks = std::move(ranks);
        m_rankColumn = column;
    });
    auto promise = std::make_shared<QPromise<std::vector<qint32>>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, keys] {
        std::vector<qint32> order(keys->size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&keys](qint32 a, qint32 b) {
            return (*keys)[size_t(a)].compare((*keys)[size_t(b)]) < 0;
        });
        std::vector<qint32> ranks(order.size());
        for (size_t i = 0; i < order.size(); ++i)
            ranks[size_t(order[i])] = qint32(i);
        promise->addResult(std::move(ranks));
        promise->finish();
    });
}

void MemberFilterModel::forgetSortKeys()
{
    for (auto &keys : m_sortKeys)
        keys.clear();
}

const QCollatorSortKey &MemberFilterModel::sortKey(int column, int sourceRow) const
{
    std::vector<QCollatorSortKey> &keys = m_sortKeys[column];
    if (keys.size() <= size_t(sourceRow)) {
        // Grown geometrically: reserving the row count each time a page arrives would copy
        // every key made so far once per page.
        if (keys.capacity() <= size_t(sourceRow))
            keys.reserve(std::max(keys.capacity() * 2, size_t(m_list->rowCount())));
        for (int row = int(keys.size()); row <= sourceRow; ++row) {
            const QModelIndex index = m_list->index(row, column);
            keys.push_back(
                m_collator.sortKey(m_list->data(index, MemberListModel::SortRole).toString()));
        }
    }
    return keys[size_t(sourceRow)];
}

bool MemberFilterModel::lessThan(const QModelIndex &sourceLeft,
                                 const QModelIndex &sourceRight) const
{
    // (The source is a table: its indexes have no parent.)
    const int column = sourceLeft.column();
    const int left = sourceLeft.row();
    const int right = sourceRight.row();
    if (column == m_rankColumn && size_t(left) < m_ranks.size() && size_t(right) < m_ranks.size()) {
        const qint32 a = m_ranks[size_t(left)];
        const qint32 b = m_ranks[size_t(right)];
        if (a >= 0 && b >= 0)
            return a < b;
    }
    if (!m_list || column < 0 || column >= kTextColumns)
        return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
    // Equal keys in row order, as the ranks have them: both ways agree on every pair.
    const int order = sortKey(column, left).compare(sortKey(column, right));
    return order < 0 || (order == 0 && left < right);
}

void MemberFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    forgetVerdicts();
    forgetSortKeys();
    forgetRanks();
    m_list = qobject_cast<const MemberListModel *>(model);
    if (model) {
        // Sort keys and verdicts follow the rows. Connected before the proxy's own handlers,
        // which sort and filter with them.
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            forgetSortKeys();
            forgetVerdicts();
            forgetRanks();
        });
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &parent, int first, int last) {
                    if (parent.isValid())
                        return;
                    for (auto &keys : m_sortKeys)
                        eraseRows(keys, first, last);
                    eraseRows(m_verdicts, first, last);
                    // The other rows' ranks keep their order (with a gap).
                    ++m_rankGeneration;
                    eraseRows(m_ranks, first, last);
                    m_rankTimer.start();
                });
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, [this] {
            forgetSortKeys();
            forgetVerdicts();
            forgetRanks();
        });
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] {
            forgetSortKeys();
            forgetVerdicts();
            forgetRanks();
        });
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &parent, int first) {
                    if (parent.isValid() || first >= sourceModel()->rowCount())
                        return;
                    forgetSortKeys(); // not an append: rows move
                    forgetVerdicts();
                    forgetRanks();
                });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this] { m_rankTimer.start(); });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (!m_list || topLeft.parent().isValid())
                        return;
                    ++m_rankGeneration;
                    const int lastRanked = qMin(bottomRight.row(), int(m_ranks.size()) - 1);
                    for (int row = topLeft.row(); row <= lastRanked; ++row)
                        m_ranks[size_t(row)] = -1; // compared by its new key
                    m_rankTimer.start();
                    for (int column = 0; column < kTextColumns; ++column) {
                        std::vector<QCollatorSortKey> &keys = m_sortKeys[column];
                        const int last = qMin(bottomRight.row(), int(keys.size()) - 1);
                        for (int row = topLeft.row(); row <= last; ++row) {
                            keys[size_t(row)] = m_collator.sortKey(
                                m_list->data(m_list->index(row, column), MemberListModel::SortRole)
                                    .toString());
                        }
                    }
                    // The proxy tests the changed rows again (filterAcceptsRow records them).
                });
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void MemberFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    std::string folded;
    search::appendFolded(folded, text);
    const QByteArray needle(folded.data(), qsizetype(folded.size()));
    const MemberListModel *model = m_list;
    const int rows = model ? model->rowCount() : 0;
    // What the proxy shows now: every row (no filter), or the rows of the kept verdicts.
    const bool wasAll = m_needle.isEmpty();
    const bool knewShown = wasAll || m_verdicts.size() == size_t(rows);
    qsizetype changed = knewShown ? 0 : -1; // how many rows come or go (-1: unknown)
    if (model && !needle.isEmpty()) {
        // A filter that contains the previous one only hides rows: test the shown ones.
        const bool narrow =
            !wasAll && needle.contains(m_needle) && m_verdicts.size() == size_t(rows);
        std::vector<bool> shown;
        if (!narrow && !wasAll && knewShown)
            shown = m_verdicts;
        if (!narrow)
            m_verdicts.assign(size_t(rows), true);
        for (int row = 0; row < rows; ++row) {
            if (!m_verdicts[size_t(row)] || model->matches(row, needle))
                continue;
            m_verdicts[size_t(row)] = false;
            // A row hidden now that was shown before (always, when narrowing).
            if (narrow || wasAll || (knewShown && shown[size_t(row)]))
                ++changed;
        }
        if (!narrow && !wasAll && knewShown) {
            for (size_t row = 0; row < shown.size(); ++row)
                changed += !shown[row] && m_verdicts[row] ? 1 : 0; // shown again
        }
    } else {
        if (!wasAll && knewShown) // every row passes now
            changed = qsizetype(std::count(m_verdicts.cbegin(), m_verdicts.cend(), false));
        m_verdicts.clear();
    }
    m_text = text;
    m_needle = needle;
    if (changed == 0)
        return; // the same rows as before ("m" -> "me" when every row has both)
    m_useVerdicts = model && !needle.isEmpty();
    if (changed > 0 && changed <= kFewRows) {
        // A few rows come or go: removing or inserting them keeps the view's layout.
        invalidateFilter();
    } else {
        // Thousands of rows in scattered ranges: one re-map (one rowsRemoved per range would
        // re-map every row each time); the selection survives via layoutChanged.
        invalidate();
    }
    m_useVerdicts = false;
}

bool MemberFilterModel::test(int sourceRow) const
{
    const bool accepted = m_list->matches(sourceRow, m_needle);
    // Record the verdict of appended (or changed) rows so that the next filter can narrow.
    if (size_t(sourceRow) < m_verdicts.size())
        m_verdicts[size_t(sourceRow)] = accepted;
    else if (size_t(sourceRow) == m_verdicts.size())
        m_verdicts.push_back(accepted);
    else
        m_verdicts.clear(); // a gap: these verdicts are not kept in step any more
    return accepted;
}

bool MemberFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty() || sourceParent.isValid() || !m_list)
        return true;
    if (m_useVerdicts && size_t(sourceRow) < m_verdicts.size())
        return m_verdicts[size_t(sourceRow)];
    return test(sourceRow);
}

} // namespace keycard
