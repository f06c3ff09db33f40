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
};

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
    return std::nullopt;
}

bool canBecomeValid(Field field, const QString &value)
{
    const Rule &r = rule(field);
    if (r.maxLength > 0 && codePoints(value) > r.maxLength && field != Field::RequestId)
        return false;
    if (field == Field::RequestId)
        return value.isEmpty() || isUuidPrefix(value);
    return true;
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
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return IssuerProblem{Kind::NotUrl};
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return IssuerProblem{Kind::Scheme};
    if (text.size() == schemeEnd + 3)
        return IssuerProblem{Kind::NoHost};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return IssuerProblem{Kind::NotUrl};
    if (url.host().isEmpty())
        return IssuerProblem{Kind::NoHost};
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return IssuerProblem{Kind::HttpNotLoopback};
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
    }
    return {};
}

} // namespace keycard::rules
