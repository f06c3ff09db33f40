#pragma once

#include "FieldRules.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace keycard::sandbox {

// A request body member that breaks a rule: `field` is the JSON member ("identifier",
// "protocols.oauth2.jwks_uri"), `message` begins with it ("identifier: at most 2,048 ...").
struct FieldError
{
    QString field;
    QString message;
};

// Validation of SSOConnectionCreate / SSOConnectionUpdate bodies. Length and blank rules come
// from keycard_core's rules::check (FieldRules.h), the single source of those constraints.
std::optional<FieldError> validateSsoCreate(const QJsonObject &body);
std::optional<FieldError> validateSsoUpdate(const QJsonObject &body);
// X-Client-Request-ID header value; an empty value means the header was absent.
std::optional<FieldError> validateRequestId(const QString &value);
// A value checked against keycard_core's rules (FieldRules.h): members' and invitations' path
// ids, emails, roles and statuses.
std::optional<FieldError> validateField(rules::Field field, const QString &value);
// The organization id or label of the path ("organization_id: at most 255 characters ...").
std::optional<FieldError> validateOrganizationId(const QString &value);

} // namespace keycard::sandbox
