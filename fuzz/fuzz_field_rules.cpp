// libFuzzer: the field rules and the issuer URL rules on arbitrary text. The first byte picks
// a field; the rest is the value as UTF-8 (invalid sequences included).
#include "FieldRules.h"

#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const rules::Field fields[] = {rules::Field::OrganizationId, rules::Field::Identifier,
                                   rules::Field::ClientId, rules::Field::ClientSecret,
                                   rules::Field::RequestId};
    const rules::Field field = fields[data[0] % 5];
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (auto v = rules::check(field, text))
        (void)v->message();
    (void)rules::codePoints(text);
    (void)rules::isUuid(text);
    if (auto problem = rules::checkIssuer(text)) {
        if (problem->message().isEmpty())
            std::abort();
    } else {
        // An accepted issuer is an absolute http(s) URL with a host, no spaces, no query.
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
            text.contains(QLatin1Char(' ')))
            std::abort();
    }
    return 0;
}
