// libFuzzer: the Retry-After and retry-after-ms readers on arbitrary bytes. Invariants: a value
// is in range or rejected (no infinity, NaN, exponent or overflow reaches a conversion), a
// number is exactly its digits, and only digits and one dot make a number.
#include "RetryAfter.h"

#include <QTimeZone>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard::http;

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// The whole-number value of `v` when it is only digits (at most 64) with at most 15
// significant ones.
bool plainNumber(QByteArrayView v, qint64 &out)
{
    if (v.isEmpty() || v.size() > 64) // longer values are refused whatever they hold
        return false;
    qint64 n = 0;
    int significant = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        if (n > 0 || c != '0')
            ++significant;
        if (significant > 15)
            return false;
        n = n * 10 + (c - '0');
    }
    out = n;
    return true;
}

void checkNumberShape(QByteArrayView v)
{
    int dots = 0;
    for (char c : v) {
        if (c == '.')
            ++dots;
        else if (c < '0' || c > '9')
            std::abort(); // an accepted number has digits and one dot only
    }
    if (dots > 1)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime now(QDate(2026, 12, 6), QTime(3, 0, 0), QTimeZone::utc());
    const QByteArrayView t = trimmed(input);

    if (const auto ms = parseRetryAfter(input, now)) {
        if (*ms < 0 || *ms > kMaxRetryAfterSeconds * 1000)
            std::abort();
        if (!t.isEmpty() && t.front() >= '0' && t.front() <= '9')
            checkNumberShape(t);
    }
    qint64 n = 0;
    if (plainNumber(t, n)) {
        const auto ms = parseRetryAfter(input, now);
        if (n <= kMaxRetryAfterSeconds ? (!ms || *ms != n * 1000) : ms.has_value())
            std::abort();
    }

    if (const auto ms = parseRetryAfterMs(input)) {
        if (*ms < 0 || *ms > kMaxRetryAfterSeconds * 1000)
            std::abort();
        checkNumberShape(t);
    }
    if (plainNumber(t, n)) {
        const auto ms = parseRetryAfterMs(input);
        if (n <= kMaxRetryAfterSeconds * 1000 ? (!ms || *ms != n) : ms.has_value())
            std::abort();
    }
    return 0;
}
