#include "FieldRules.h"

#include "ClientConfig.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace keycard::rules {

namespace {

constexpr Rule kRules[] = {
    {Field::OrganizationId, "organization_id", 1, 255, true, true},
    {Field::Identifier, "identifier", 1, 2048, true, true},
    {Field::ClientId, "client_id", 1, 0, true, true},
    {Field::ClientSecret, "client_secret", 0, 0, false, false},
    {Field::RequestId, "x_client_request_id", 36, 36, false, true},
    {Field::UserId, "user_id", 1, 255, true, true},
    {Field::InvitationId, "invitation_id", 1, 255, true, true},
    {Field::Email, "email", 3, 254, true, true},
    {Field::Role, "role", 1, 0, true, true},
    {Field::MemberStatus, "status", 1, 0, true, true},
};

bool isPathSegment(Field field)
{
    return field == Field::OrganizationId || field == Field::UserId || field == Field::InvitationId;
}

// local@domain: exactly one '@' with text on both sides, a domain without empty labels, and no
// white space, control or format character anywhere (RFC 5321 mailboxes as people type them;
// quoted local parts are not accepted).
bool isEmailAddress(const QString &text)
{
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != text.lastIndexOf(QLatin1Char('@')) || at == text.size() - 1)
        return false;
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format || c.isSurrogate())
            return false;
    }
    const QStringView domain = QStringView(text).mid(at + 1);
    for (const QStringView label : domain.split(u'.')) {
        if (label.isEmpty())
            return false;
    }
    return true;
}

bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

const QRegularExpression &uuidPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re;
}

// QChar::isDigit() would also take other scripts' digits ("٣"), which no UUID contains.
bool isAsciiHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

// A prefix of a UUID: hex digits and dashes in the right places so far.
bool isUuidPrefix(const QString &text)
{
    static const QString shape = QStringLiteral("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    if (text.size() > shape.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (shape.at(i) == QLatin1Char('-')) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!isAsciiHexDigit(c)) {
            return false;
        }
    }
    return true;
}

// Where the authority of "scheme://authority/path" ends: at the first '/', '?' or '#'.
qsizetype authorityEnd(const QString &text, qsizetype start)
{
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#'))
            return i;
    }
    return text.size();
}

// A "." or ".." segment of `path` (raw text up to '?' or '#'), percent-encoded or not: QUrl
// decodes "%2e" to "." and resolves the segment when the URL is used.
bool hasDotSegment(QStringView path)
{
    for (const QStringView segment : path.split(u'/')) {
        if (!segment.contains(u'.') && !segment.contains(u'%'))
            continue;
        const QString decoded = QUrl::fromPercentEncoding(segment.toUtf8());
        if (decoded == QLatin1String(".") || decoded == QLatin1String(".."))
            return true;
    }
    return false;
}

// Capital letters outside "%XX" escapes (whose hex digits may be upper case).
bool hasCapitals(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'%') {
            i += 2;
            continue;
        }
        if (text.at(i).isUpper())
            return true;
    }
    return false;
}

} // namespace

const Rule &rule(Field field)
{
    for (const Rule &r : kRules) {
        if (r.field == field)
            return r;
    }
    Q_UNREACHABLE();
}

int codePoints(const QString &text)
{
    int count = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isUuid(const QString &text)
{
    return uuidPattern().match(text).hasMatch() && !QUuid::fromString(text).isNull();
}

std::optional<Violation> check(Field field, const QString &value)
{
    const Rule &r = rule(field);
    const int length = codePoints(value);
    if (value.isEmpty()) {
        if (r.required)
            return Violation{field, Violation::Kind::Required, r.minLength, 0};
        return std::nullopt;
    }
    if (r.rejectBlank && isBlank(value))
        return Violation{field, Violation::Kind::Blank, r.minLength, length};
    if (field == Field::RequestId) {
        if (!isUuid(value))
            return Violation{field, Violation::Kind::NotUuid, 0, length};
        return std::nullopt;
    }
    if (length < r.minLength)
        return Violation{field, Violation::Kind::TooShort, r.minLength, length};
    if (r.maxLength > 0 && length > r.maxLength)
        return Violation{field, Violation::Kind::TooLong, r.maxLength, length};
    if (field == Field::Email && !isEmailAddress(value))
        return Violation{field, Violation::Kind::NotEmail, 0, length};
    if ((field == Field::Role || field == Field::MemberStatus) &&
        !allowedValues(field).contains(value))
        return Violation{field, Violation::Kind::NotAllowed, 0, length};
    if (isPathSegment(field)) {
        // A path segment: "." and ".." would be resolved away (percent-encoding leaves them as
        // they are, and "%2E" is decoded back by QUrl).
        if (value == QLatin1String(".") || value == QLatin1String(".."))
            return Violation{field, Violation::Kind::DotSegment, 0, length};
        if (!value.isValidUtf16())
            return Violation{field, Violation::Kind::InvalidCharacter, 0, length};
    }
    return std::nullopt;
}

bool canBecomeValid(Field field, const QString &value)
{
    const Rule &r = rule(field);
    if (r.maxLength > 0 && codePoints(value) > r.maxLength && field != Field::RequestId)
        return false;
    if (field == Field::RequestId)
        return value.isEmpty() || isUuidPrefix(value);
    if (isPathSegment(field) && !value.isValidUtf16())
        return false;
    if (field == Field::Role || field == Field::MemberStatus) {
        const QStringList allowed = allowedValues(field);
        for (const QString &candidate : allowed) {
            if (candidate.startsWith(value))
                return true;
        }
        return false;
    }
    return true;
}

QStringList allowedValues(Field field)
{
    switch (field) {
    case Field::Role:
        return {QStringLiteral("org_admin"), QStringLiteral("org_member"),
                QStringLiteral("org_viewer")};
    case Field::MemberStatus:
        return {QStringLiteral("active"), QStringLiteral("disabled")};
    default:
        break;
    }
    return {};
}

QString Violation::message() const
{
    const QLocale locale;
    switch (kind) {
    case Kind::Required:
        return QCoreApplication::translate("FieldRules", "Required");
    case Kind::Blank:
        return QCoreApplication::translate("FieldRules", "Must not be blank");
    case Kind::TooShort:
        return QCoreApplication::translate("FieldRules", "At least %1 characters — %2 entered")
            .arg(locale.toString(limit), locale.toString(actual));
    case Kind::TooLong:
        return QCoreApplication::translate("FieldRules", "At most %1 characters — %2 entered")
            .arg(locale.toString(limit), locale.toString(actual));
    case Kind::NotUuid:
        return QCoreApplication::translate("FieldRules", "Not a UUID");
    case Kind::DotSegment:
        return QCoreApplication::translate(
            "FieldRules", "“.” and “..” cannot be used: they would change the request's address");
    case Kind::InvalidCharacter:
        return QCoreApplication::translate("FieldRules",
                                           "Contains an invalid character (a lone surrogate)");
    case Kind::NotEmail:
        return QCoreApplication::translate("FieldRules", "Not an email address (name@example.com)");
    case Kind::NotAllowed:
        return QCoreApplication::translate("FieldRules", "Must be one of: %1")
            .arg(allowedValues(field).join(QStringLiteral(", ")));
    }
    return {};
}

QString fieldLabel(Field field)
{
    switch (field) {
    case Field::OrganizationId:
        return QCoreApplication::translate("FieldRules", "Organization");
    case Field::Identifier:
        return QCoreApplication::translate("FieldRules", "Issuer URL");
    case Field::ClientId:
        return QCoreApplication::translate("FieldRules", "Client ID");
    case Field::ClientSecret:
        return QCoreApplication::translate("FieldRules", "Client secret");
    case Field::RequestId:
        return QCoreApplication::translate("FieldRules", "Request ID");
    case Field::UserId:
        return QCoreApplication::translate("FieldRules", "Member");
    case Field::InvitationId:
        return QCoreApplication::translate("FieldRules", "Invitation");
    case Field::Email:
        return QCoreApplication::translate("FieldRules", "Email");
    case Field::Role:
        return QCoreApplication::translate("FieldRules", "Role");
    case Field::MemberStatus:
        return QCoreApplication::translate("FieldRules", "Status");
    }
    return {};
}

std::optional<IssuerProblem> checkIssuer(const QString &text)
{
    using Kind = IssuerProblem::Kind;
    for (const QChar c : text) {
        if (c.isSpace())
            return IssuerProblem{Kind::Spaces};
    }
    for (const QChar c : text) {
        // Bidi controls (U+202E), zero-width characters, soft hyphens, C0/C1 controls: an
        // issuer that reads as another, or one no identity provider writes.
        if (c.category() == QChar::Other_Format || c.category() == QChar::Other_Control)
            return IssuerProblem{Kind::FormatCharacter};
    }
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return IssuerProblem{Kind::NotUrl};
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return IssuerProblem{Kind::Scheme};
    if (text.size() == schemeEnd + 3)
        return IssuerProblem{Kind::NoHost};
    // Any '@' in the authority, whatever QUrl makes of it: "https://host%2F@evil.com" is a
    // user name "host/" at evil.com.
    const qsizetype hostEnd = authorityEnd(text, schemeEnd + 3);
    if (QStringView(text).mid(schemeEnd + 3, hostEnd - (schemeEnd + 3)).contains(u'@'))
        return IssuerProblem{Kind::UserInfo};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return IssuerProblem{Kind::NotUrl};
    if (!url.userInfo().isEmpty())
        return IssuerProblem{Kind::UserInfo};
    if (url.host().isEmpty())
        return IssuerProblem{Kind::NoHost};
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return IssuerProblem{Kind::HttpNotLoopback};
    qsizetype pathEnd = hostEnd;
    while (pathEnd < text.size() && text.at(pathEnd) != QLatin1Char('?') &&
           text.at(pathEnd) != QLatin1Char('#'))
        ++pathEnd;
    if (hasDotSegment(QStringView(text).mid(hostEnd, pathEnd - hostEnd)))
        return IssuerProblem{Kind::DotSegment};
    if (url.hasQuery() || url.hasFragment())
        return IssuerProblem{Kind::QueryOrFragment};
    return std::nullopt;
}

QString IssuerProblem::message() const
{
    switch (kind) {
    case Kind::Spaces:
        return QCoreApplication::translate("FieldRules", "Must not contain spaces");
    case Kind::NotUrl:
        return QCoreApplication::translate("FieldRules", "Not a valid URL");
    case Kind::Scheme:
        return QCoreApplication::translate("FieldRules", "Must start with https://");
    case Kind::HttpNotLoopback:
        return QCoreApplication::translate("FieldRules",
                                           "Must use https:// (http:// only for localhost)");
    case Kind::NoHost:
        return QCoreApplication::translate("FieldRules", "Enter the host name after https://");
    case Kind::QueryOrFragment:
        return QCoreApplication::translate("FieldRules",
                                           "An issuer URL has no query (?…) or fragment (#…)");
    case Kind::UserInfo:
        return QCoreApplication::translate(
            "FieldRules", "Must not contain a user name or password (“…@” before the host)");
    case Kind::FormatCharacter:
        return QCoreApplication::translate(
            "FieldRules", "Contains an invisible control or text-direction character");
    case Kind::DotSegment:
        return QCoreApplication::translate("FieldRules",
                                           "Must not contain “.” or “..” path segments");
    }
    return {};
}

QList<IssuerWarning> issuerWarnings(const QString &text)
{
    QList<IssuerWarning> out;
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return out;
    if (hasCapitals(QStringView(text).left(schemeEnd)))
        out.append(IssuerWarning{IssuerWarning::Kind::UppercaseScheme});
    const qsizetype start = schemeEnd + 3;
    QStringView authority = QStringView(text).mid(start, authorityEnd(text, start) - start);
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0)
        authority = authority.mid(at + 1);
    if (hasCapitals(authority))
        out.append(IssuerWarning{IssuerWarning::Kind::UppercaseHost});
    return out;
}

QString IssuerWarning::message() const
{
    switch (kind) {
    case Kind::UppercaseScheme:
        return QCoreApplication::translate(
            "FieldRules", "The scheme has capital letters: issuers are compared exactly, so the "
                          "identity provider must write it the same way (usually “https://”)");
    case Kind::UppercaseHost:
        return QCoreApplication::translate(
            "FieldRules", "The host name has capital letters: issuers are compared exactly, so "
                          "the identity provider must write it the same way (usually lower case)");
    }
    return {};
}

} // namespace keycard::rules
