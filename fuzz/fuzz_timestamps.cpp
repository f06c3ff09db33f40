// libFuzzer: RFC 3339 timestamps. decode::timestamp() reads Keycard's own form digit by digit and
// everything else through the general path (a regular expression and QDateTime::fromString);
// both must give the same instant for every text, and a valid result is always UTC.
#include "Models.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime fast = decode::timestamp(text);
    const QDateTime general = decode::timestampGeneral(text);
    if (fast.isValid() != general.isValid())
        std::abort();
    if (fast.isValid()) {
        if (fast.toMSecsSinceEpoch() != general.toMSecsSinceEpoch())
            std::abort();
        if (fast.timeSpec() != Qt::UTC || general.timeSpec() != Qt::UTC)
            std::abort();
        // What we write reads back as the same instant.
        if (decode::timestamp(formatTimestamp(fast)) != fast)
            std::abort();
    }
    return 0;
}
