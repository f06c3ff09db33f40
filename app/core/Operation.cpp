#include "Operation.h"

#include <QStringList>

namespace keycard::detail {

ApiError fieldError(rules::Field field, const rules::Violation &violation)
{
    return ApiError::make(ApiError::Kind::InvalidArgument,
                          rules::fieldLabel(field) + QStringLiteral(": ") + violation.message(),
                          QString::fromLatin1(rules::rule(field).jsonName));
}

std::optional<ApiError> issuerError(const QString &identifier)
{
    const auto problem = rules::checkIssuer(identifier);
    if (!problem)
        return std::nullopt;
    return ApiError::make(ApiError::Kind::InvalidArgument,
                          rules::fieldLabel(rules::Field::Identifier) + QStringLiteral(": ") +
                              problem->message(),
                          QString::fromLatin1(rules::rule(rules::Field::Identifier).jsonName));
}

std::optional<ApiError> preflight(const ClientConfig &config, const CallOptions &options,
                                  std::initializer_list<std::pair<rules::Field, QString>> fields,
                                  std::initializer_list<QString> issuers)
{
    if (auto error = config.validate())
        return error;
    if (auto v = rules::check(rules::Field::RequestId, options.requestId))
        return fieldError(rules::Field::RequestId, *v);
    for (const auto &[field, value] : fields) {
        if (auto v = rules::check(field, value))
            return fieldError(field, *v);
    }
    for (const QString &issuer : issuers) {
        if (auto e = issuerError(issuer))
            return e;
    }
    return std::nullopt;
}

std::optional<ApiError> listPreflight(const ClientConfig &config, const CallOptions &options,
                                      const ListOrganizationsRequest &request)
{
    if (auto error = preflight(config, options, {}))
        return error;
    if (request.limit < 1 || request.limit > 1000)
        return ApiError::make(ApiError::Kind::InvalidArgument,
                              trc("limit: must be between 1 and 1000"), QStringLiteral("limit"));
    return std::nullopt;
}

QString requestIdFor(const CallOptions &options)
{
    return options.requestId.isEmpty() ? KeycardClient::newRequestId() : options.requestId;
}

QString organizationPath(const QString &organization, const char *suffix)
{
    return QStringLiteral("/organizations/") + http::encodeComponent(organization) +
           QLatin1String(suffix);
}

QString expandQuery(bool expandPermissions)
{
    return expandPermissions ? QStringLiteral("expand[]=permissions") : QString();
}

QString listQuery(const ListOrganizationsRequest &request)
{
    QStringList parts{QStringLiteral("limit=%1").arg(request.limit)};
    if (request.after && !request.after->isEmpty())
        parts << QStringLiteral("after=") + http::encodeComponent(*request.after);
    if (request.before && !request.before->isEmpty())
        parts << QStringLiteral("before=") + http::encodeComponent(*request.before);
    if (request.expandPermissions)
        parts << expandQuery(true);
    return parts.join(QLatin1Char('&'));
}

} // namespace keycard::detail
