// libFuzzer: the field rules and the issuer URL rules on arbitrary text. The first byte picks
// a field; the rest is the value as UTF-8 (invalid sequences included). The invariants are
// computed here independently of app/core/FieldRules.cpp: lengths in code points (at most
// 2,048 for an issuer, 255 for an organization), an accepted issuer is https://, or http://
// to a loopback host only, with a host and no query, fragment or white space.
#include "FieldRules.h"

#include <QHostAddress>
#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard;

namespace {

// Code points, a valid surrogate pair counting once and a lone surrogate once.
int countCodePoints(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool loopback(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == QLatin1String("localhost") || lower.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return (address.toIPv4Address() >> 24) == 127;
    bool isV4 = false;
    const quint32 mapped = address.toIPv4Address(&isV4);
    if (isV4)
        return (mapped >> 24) == 127;
    return address == QHostAddress(QHostAddress::LocalHostIPv6);
}

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const rules::Field fields[] = {rules::Field::OrganizationId, rules::Field::Identifier,
                                   rules::Field::ClientId,       rules::Field::ClientSecret,
                                   rules::Field::RequestId,      rules::Field::UserId,
                                   rules::Field::InvitationId,   rules::Field::Email,
                                   rules::Field::Role,           rules::Field::MemberStatus};
    const rules::Field field = fields[data[0] % (sizeof fields / sizeof fields[0])];
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const int length = countCodePoints(text);
    require(rules::codePoints(text) == length);

    const std::optional<rules::Violation> violation = rules::check(field, text);
    if (violation)
        require(!violation->message().isEmpty());
    // The length limits, in code points.
    if (field == rules::Field::Identifier) {
        const bool blank = violation && violation->kind == rules::Violation::Kind::Blank;
        if (length > 2048 && !blank)
            require(violation && violation->kind == rules::Violation::Kind::TooLong &&
                    violation->limit == 2048 && violation->actual == length);
        if (!violation)
            require(length >= 1 && length <= 2048);
    }
    // Path parameters: 1 to 255 code points, never a dot segment.
    const bool pathParameter = field == rules::Field::OrganizationId ||
                               field == rules::Field::UserId || field == rules::Field::InvitationId;
    if (pathParameter && !violation)
        require(length >= 1 && length <= 255 && text != QLatin1String(".") &&
                text != QLatin1String(".."));
    // An email: 3 to 254 code points, one '@' with text on both sides, no white space.
    if (field == rules::Field::Email && !violation) {
        require(length >= 3 && length <= 254 && text.count(QLatin1Char('@')) == 1);
        const qsizetype at = text.indexOf(QLatin1Char('@'));
        require(at > 0 && at < text.size() - 1);
        for (const QChar c : text)
            require(!c.isSpace());
    }
    // A role or status the client sends is one the API names.
    if ((field == rules::Field::Role || field == rules::Field::MemberStatus) && !violation)
        require(rules::allowedValues(field).contains(text));
    // An empty request id is valid: the client then makes one (Operation.cpp).
    if (field == rules::Field::RequestId && !violation)
        require(text.isEmpty() || (rules::isUuid(text) && text.size() == 36));

    // The issuer rules.
    if (const auto problem = rules::checkIssuer(text)) {
        require(!problem->message().isEmpty());
    } else {
        const QUrl url(text, QUrl::StrictMode);
        require(url.isValid() && !url.host().isEmpty() && !url.hasQuery() && !url.hasFragment());
        for (const QChar c : text)
            require(!c.isSpace());
        const qsizetype separator = text.indexOf(QLatin1String("://"));
        require(separator > 0);
        const QString scheme = text.left(separator).toLower();
        require(scheme == QLatin1String("https") || scheme == QLatin1String("http"));
        require(url.scheme().toLower() == scheme);
        if (scheme == QLatin1String("http"))
            require(loopback(url.host())); // plain http only to this machine
    }
    return 0;
}
