#include "SsoValidation.h"

#include "FieldRules.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QUrl>

namespace keycard::sandbox {

namespace {

FieldError fieldError(const QString &field, const QString &problem)
{
    return FieldError{field, field + QStringLiteral(": ") + problem};
}

// "identifier: at most 2,048 characters — 2,051 entered" from the shared rule's message.
std::optional<FieldError> checkRule(rules::Field rule, const QString &value)
{
    const auto violation = rules::check(rule, value);
    if (!violation)
        return std::nullopt;
    QString message = violation->message();
    if (!message.isEmpty())
        message[0] = message.at(0).toLower();
    return fieldError(QLatin1String(rules::rule(rule).jsonName), message);
}

std::optional<FieldError> checkString(const QJsonObject &body, rules::Field rule, bool nullable)
{
    const QString name = QLatin1String(rules::rule(rule).jsonName);
    const QJsonValue value = body.value(name);
    if (value.isUndefined())
        return std::nullopt;
    if (value.isNull()) {
        if (nullable)
            return std::nullopt;
        return fieldError(name, QStringLiteral("must not be null"));
    }
    if (!value.isString())
        return fieldError(name, QStringLiteral("must be a string"));
    return checkRule(rule, value.toString());
}

std::optional<FieldError> checkUrl(const QJsonObject &object, const QString &prefix,
                                   const char *member)
{
    const QString field = prefix + QLatin1Char('.') + QLatin1String(member);
    const QJsonValue value = object.value(QLatin1String(member));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        return fieldError(field, QStringLiteral("must be a string"));
    const QUrl url(value.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fieldError(field, QStringLiteral("must be an absolute http(s) URL"));
    return std::nullopt;
}

std::optional<FieldError> checkStringArray(const QJsonObject &object, const QString &prefix,
                                           const char *member)
{
    const QString field = prefix + QLatin1Char('.') + QLatin1String(member);
    const QJsonValue value = object.value(QLatin1String(member));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray())
        return fieldError(field, QStringLiteral("must be an array of strings"));
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return fieldError(field, QStringLiteral("must be an array of strings"));
    }
    return std::nullopt;
}

std::optional<FieldError> checkProtocols(const QJsonObject &body)
{
    const QJsonValue value = body.value(QLatin1String("protocols"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return fieldError(QStringLiteral("protocols"), QStringLiteral("must be an object or null"));
    const QJsonObject protocols = value.toObject();

    const QJsonValue oauth2Value = protocols.value(QLatin1String("oauth2"));
    if (!oauth2Value.isUndefined() && !oauth2Value.isNull()) {
        const QString prefix = QStringLiteral("protocols.oauth2");
        if (!oauth2Value.isObject())
            return fieldError(prefix, QStringLiteral("must be an object or null"));
        const QJsonObject oauth2 = oauth2Value.toObject();
        for (const char *member :
             {"authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"}) {
            if (auto error = checkUrl(oauth2, prefix, member))
                return error;
        }
        for (const char *member : {"scopes_supported", "code_challenge_methods_supported"}) {
            if (auto error = checkStringArray(oauth2, prefix, member))
                return error;
        }
    }

    const QJsonValue openidValue = protocols.value(QLatin1String("openid"));
    if (!openidValue.isUndefined() && !openidValue.isNull()) {
        const QString prefix = QStringLiteral("protocols.openid");
        if (!openidValue.isObject())
            return fieldError(prefix, QStringLiteral("must be an object or null"));
        const QJsonObject openid = openidValue.toObject();
        if (auto error = checkUrl(openid, prefix, "userinfo_endpoint"))
            return error;
        const QJsonValue claim = openid.value(QLatin1String("external_id_claim"));
        if (!claim.isUndefined() && !claim.isNull() && !claim.isString())
            return fieldError(prefix + QStringLiteral(".external_id_claim"),
                              QStringLiteral("must be a string"));
    }
    return std::nullopt;
}

} // namespace

std::optional<FieldError> validateSsoCreate(const QJsonObject &body)
{
    for (const rules::Field required : {rules::Field::Identifier, rules::Field::ClientId}) {
        const QString name = QLatin1String(rules::rule(required).jsonName);
        const QJsonValue value = body.value(name);
        if (value.isUndefined() || value.isNull())
            return checkRule(required, QString()); // "<name>: required"
    }
    if (auto error = checkString(body, rules::Field::Identifier, false))
        return error;
    if (auto error = checkString(body, rules::Field::ClientId, false))
        return error;
    if (auto error = checkString(body, rules::Field::ClientSecret, true))
        return error;
    return checkProtocols(body);
}

std::optional<FieldError> validateSsoUpdate(const QJsonObject &body)
{
    if (auto error = checkString(body, rules::Field::Identifier, false))
        return error;
    if (auto error = checkString(body, rules::Field::ClientId, true))
        return error;
    if (auto error = checkString(body, rules::Field::ClientSecret, true))
        return error;
    return checkProtocols(body);
}

std::optional<FieldError> validateRequestId(const QString &value)
{
    if (value.isEmpty())
        return std::nullopt;
    return checkRule(rules::Field::RequestId, value);
}

std::optional<FieldError> validateField(rules::Field field, const QString &value)
{
    return checkRule(field, value);
}

std::optional<FieldError> validateOrganizationId(const QString &value)
{
    return checkRule(rules::Field::OrganizationId, value);
}

} // namespace keycard::sandbox
