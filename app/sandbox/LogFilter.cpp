#include "LogFilter.h"

#include <QLoggingCategory>

#include <atomic>
#include <cstring>

namespace keycard::sandbox {

namespace {

std::atomic<QLoggingCategory::CategoryFilter> previousFilter = nullptr;

void httpServerFilter(QLoggingCategory *category)
{
    // While installFilter() runs this over the categories already registered, the previous
    // filter is not known yet; those categories keep the levels it gave them.
    if (const QLoggingCategory::CategoryFilter previous = previousFilter.load())
        previous(category);
    // "qt.httpserver", "qt.httpserver.request", "qt.httpserver.response", ...
    static constexpr char kPrefix[] = "qt.httpserver";
    const char *name = category->categoryName();
    if (name && std::strncmp(name, kPrefix, sizeof(kPrefix) - 1) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

} // namespace

void suppressHttpServerRequestLogging()
{
    // Thread-safe, once per process; Qt runs the new filter over every category at once and
    // over each category registered later (Qt HttpServer registers its own on first use).
    static const bool installed = [] {
        previousFilter = QLoggingCategory::installFilter(&httpServerFilter);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace keycard::sandbox
