#include "OrganizationFilterModel.h"

#include "OrganizationListModel.h"

#include <algorithm>

namespace keycard {

namespace {

// At most this many rows coming or going are removed or inserted as such (each range costs
// QSortFilterProxyModel a pass over every row); more re-map the whole list at once.
constexpr qsizetype kFewRows = 16;

// True when every row `after` accepts is one `before` accepted: each earlier word occurs in
// some word now ("ac" -> "acme", "acme" -> "acme corp").
bool refines(const QStringList &after, const QStringList &before)
{
    if (before.isEmpty())
        return false; // no filter before: every row was accepted without being tested
    for (const QString &old : before) {
        const bool kept = std::any_of(after.cbegin(), after.cend(),
                                      [&old](const QString &word) { return word.contains(old); });
        if (!kept)
            return false;
    }
    return true;
}

} // namespace

OrganizationFilterModel::OrganizationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OrganizationListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Qt's collator compares code units in the C locale (numeric mode and case are ignored
    // there): sort like English then.
    if (QLocale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
}

void OrganizationFilterModel::forgetSortKeys()
{
    for (auto &keys : m_sortKeys)
        keys.clear();
}

const QCollatorSortKey &OrganizationFilterModel::sortKey(int field, int sourceRow) const
{
    std::vector<QCollatorSortKey> &keys = m_sortKeys[field];
    const auto f = static_cast<OrganizationRows::Field>(field);
    if (keys.size() <= size_t(sourceRow)) {
        keys.reserve(size_t(m_list->rowCount()));
        for (int row = int(keys.size()); row <= sourceRow; ++row)
            keys.push_back(m_collator.sortKey(m_list->text(row, f).toString()));
    }
    return keys[size_t(sourceRow)];
}

bool OrganizationFilterModel::lessThan(const QModelIndex &sourceLeft,
                                       const QModelIndex &sourceRight) const
{
    int field = -1;
    switch (sourceLeft.column()) {
    case OrganizationListModel::NameColumn:
        field = OrganizationRows::Name;
        break;
    case OrganizationListModel::LabelColumn:
        field = OrganizationRows::Label;
        break;
    case OrganizationListModel::IdColumn:
        field = OrganizationRows::Id;
        break;
    default:
        break;
    }
    if (!m_list || field < 0 || sourceLeft.parent().isValid())
        return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
    return sortKey(field, sourceLeft.row()).compare(sortKey(field, sourceRight.row())) < 0;
}

void OrganizationFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    forgetVerdicts();
    forgetSortKeys();
    m_list = qobject_cast<const OrganizationListModel *>(model);
    if (model) {
        // Sort keys follow the rows: gone with them, made again for a row whose text changed.
        // Connected before the proxy's own handlers, which sort with them.
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                &OrganizationFilterModel::forgetSortKeys);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &OrganizationFilterModel::forgetSortKeys);
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this,
                &OrganizationFilterModel::forgetSortKeys);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &OrganizationFilterModel::forgetSortKeys);
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &parent, int first) {
                    if (!parent.isValid() && first < sourceModel()->rowCount())
                        forgetSortKeys(); // not an append: rows move
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (!m_list || topLeft.parent().isValid())
                        return;
                    // The text columns are 0..2, in the order of OrganizationRows::Field.
                    for (int field = topLeft.column(); field <= bottomRight.column() && field < 3;
                         ++field) {
                        std::vector<QCollatorSortKey> &keys = m_sortKeys[field];
                        const auto f = static_cast<OrganizationRows::Field>(field);
                        const int last = qMin(bottomRight.row(), int(keys.size()) - 1);
                        for (int row = topLeft.row(); row <= last; ++row)
                            keys[size_t(row)] = m_collator.sortKey(m_list->text(row, f).toString());
                    }
                });
    }
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    // Anything but appended rows and changed data invalidates the kept verdicts (appended and
    // changed rows are re-tested by filterAcceptsRow, which records their verdict).
    connect(model, &QAbstractItemModel::modelReset, this, &OrganizationFilterModel::forgetVerdicts);
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            &OrganizationFilterModel::forgetVerdicts);
    connect(model, &QAbstractItemModel::rowsMoved, this, &OrganizationFilterModel::forgetVerdicts);
    connect(model, &QAbstractItemModel::layoutChanged, this,
            &OrganizationFilterModel::forgetVerdicts);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &parent, int first) {
                if (!parent.isValid() && size_t(first) != m_verdicts.size())
                    forgetVerdicts(); // not an append after the recorded rows: start over
            });
}

void OrganizationFilterModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    const QStringList words =
        simplified.isEmpty() ? QStringList() : simplified.toCaseFolded().split(QLatin1Char(' '));
    const QList<QByteArray> search = OrganizationListModel::searchWords(words);
    const OrganizationListModel *model = m_list;
    const int rows = model ? model->rowCount() : 0;
    // What the proxy shows now: every row (no filter), or the rows of the kept verdicts.
    const bool wasAll = m_words.isEmpty();
    const bool knewShown = wasAll || m_verdicts.size() == size_t(rows);
    // How many rows come or go (-1: unknown).
    qsizetype changed = knewShown ? 0 : -1;
    if (model && !words.isEmpty()) {
        // Narrow within the previous result when the new filter refines it: rows it hid stay
        // hidden, and the verdicts are what the proxy shows.
        const bool narrow = refines(words, m_words) && m_verdicts.size() == size_t(rows);
        std::vector<bool> shown;
        if (!narrow && !wasAll && knewShown)
            shown = m_verdicts;
        if (!narrow)
            m_verdicts.assign(size_t(rows), true);
        for (int row = 0; row < rows; ++row) {
            if (!m_verdicts[size_t(row)])
                continue;
            const bool match = model->matches(row, search);
            if (match)
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
    m_text = simplified;
    m_words = words;
    m_search = search;
    // The same rows as before ("o" -> "or" when every row has both): nothing to re-map.
    if (changed == 0)
        return;
    m_useVerdicts = model && !words.isEmpty();
    if (changed > 0 && changed <= kFewRows) {
        // A few rows come or go ("o" hides the three rows without an o): removing or inserting
        // them keeps the view's layout of all the others.
        invalidateFilter();
    } else {
        // A full re-map is much cheaper than invalidateFilter() when thousands of rows come or
        // go in scattered ranges (one rowsRemoved per range, each re-mapping every row);
        // selection survives via layoutChanged.
        invalidate();
    }
    m_useVerdicts = false;
}

bool OrganizationFilterModel::test(int sourceRow) const
{
    const bool accepted = m_list->matches(sourceRow, m_search);
    // Record the verdict of appended rows so that the next refinement can narrow.
    if (size_t(sourceRow) < m_verdicts.size())
        m_verdicts[size_t(sourceRow)] = accepted;
    else if (size_t(sourceRow) == m_verdicts.size())
        m_verdicts.push_back(accepted);
    else
        m_verdicts.clear(); // a gap: these verdicts are not kept in step any more
    return accepted;
}

bool OrganizationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty() || sourceParent.isValid() || !m_list)
        return true;
    if (m_useVerdicts && size_t(sourceRow) < m_verdicts.size())
        return m_verdicts[size_t(sourceRow)];
    return test(sourceRow);
}

} // namespace keycard
