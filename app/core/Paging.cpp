#include "Paging.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace keycard {

PagingStop PageCursor::advance(const PageInfo &info, int itemsOnPage, std::optional<QString> &next)
{
    next.reset();
    m_items += itemsOnPage;
    if (m_maxItems > 0 && m_items >= m_maxItems)
        return info.hasNextPage || m_items > m_maxItems ? PagingStop::ItemLimit
                                                        : PagingStop::LastPage;
    if (!info.hasNextPage)
        return PagingStop::LastPage;
    if (!info.endCursor || info.endCursor->isEmpty())
        return PagingStop::MissingCursor;
    if (m_seen.contains(*info.endCursor))
        return PagingStop::RepeatedCursor;
    m_seen.insert(*info.endCursor);
    next = info.endCursor;
    return PagingStop::None;
}

qint64 PageCursor::room() const
{
    if (m_maxItems <= 0)
        return std::numeric_limits<qint64>::max();
    return std::max<qint64>(0, m_maxItems - m_items);
}

QString pagingStopMessage(PagingStop stop, qint64 items, PagedItems what)
{
    if (what != PagedItems::Organizations) {
        const QString count = QLocale().toString(items);
        const bool members = what == PagedItems::Members;
        switch (stop) {
        case PagingStop::None:
        case PagingStop::LastPage:
            return {};
        case PagingStop::MissingCursor:
            return members ? QCoreApplication::translate(
                                 "Paging", "The server said more pages follow but sent no cursor "
                                           "for the next one; stopped after %1 members.")
                                 .arg(count)
                           : QCoreApplication::translate(
                                 "Paging", "The server said more pages follow but sent no cursor "
                                           "for the next one; stopped after %1 invitations.")
                                 .arg(count);
        case PagingStop::RepeatedCursor:
            return members ? QCoreApplication::translate(
                                 "Paging", "The server sent a page cursor it had already sent; "
                                           "stopped after %1 members.")
                                 .arg(count)
                           : QCoreApplication::translate(
                                 "Paging", "The server sent a page cursor it had already sent; "
                                           "stopped after %1 invitations.")
                                 .arg(count);
        case PagingStop::ItemLimit:
            return members ? QCoreApplication::translate("Paging",
                                                         "Stopped at the limit of %1 members.")
                                 .arg(count)
                           : QCoreApplication::translate("Paging",
                                                         "Stopped at the limit of %1 invitations.")
                                 .arg(count);
        }
        return {};
    }
    switch (stop) {
    case PagingStop::None:
    case PagingStop::LastPage:
        return {};
    case PagingStop::MissingCursor:
        return QCoreApplication::translate(
                   "Paging", "The server said more pages follow but sent no cursor for the next "
                             "one; stopped after %1 organizations.")
            .arg(QLocale().toString(items));
    case PagingStop::RepeatedCursor:
        return QCoreApplication::translate("Paging", "The server sent a page cursor it had already "
                                                     "sent; stopped after %1 organizations.")
            .arg(QLocale().toString(items));
    case PagingStop::ItemLimit:
        return QCoreApplication::translate("Paging", "Stopped at the limit of %1 organizations.")
            .arg(QLocale().toString(items));
    }
    return {};
}

} // namespace keycard
