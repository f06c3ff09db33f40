#pragma once

#include "Models.h"

#include <QSet>
#include <QString>

#include <optional>

namespace keycard {

// Why following a list's cursors stopped. A server that keeps answering `has_next_page: true`
// (with no cursor, or with a cursor it already gave) would otherwise be followed forever.
enum class PagingStop {
    None,           // keep going with the returned cursor
    LastPage,       // has_next_page: false — the normal end
    MissingCursor,  // has_next_page: true without an end_cursor
    RepeatedCursor, // a cursor this listing already followed (A, B, A, ... or A, A)
    ItemLimit,      // the caller's item limit was reached
};

// Follows the forward cursors of one listing. Every cursor followed is remembered (one string
// per page), so any cycle ends the listing after at most one page more than the list holds.
class PageCursor
{
public:
    // `maxItems` <= 0: no limit.
    explicit PageCursor(qint64 maxItems = 0)
        : m_maxItems(maxItems)
    {
    }

    // Call once per page that arrived, with the number of items it carried. Returns None and
    // the cursor to request next, or why the listing ends here.
    PagingStop advance(const PageInfo &info, int itemsOnPage, std::optional<QString> &next);

    qint64 itemsSeen() const { return m_items; }
    // How many of a page's items may still be kept under the limit (all of them without one).
    qint64 room() const;

private:
    QSet<QString> m_seen;
    qint64 m_maxItems;
    qint64 m_items = 0;
};

// What a listing lists (the noun of pagingStopMessage()).
enum class PagedItems { Organizations, Members, Invitations };

// Translated sentence for a stop other than None/LastPage ("The server kept sending the same
// page cursor; stopped after 1,200 organizations."). `items` is what was kept.
QString pagingStopMessage(PagingStop stop, qint64 items,
                          PagedItems what = PagedItems::Organizations);

} // namespace keycard
