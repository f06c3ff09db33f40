#pragma once

#include <QString>

#include <optional>

// The single source of truth for the API's field constraints (CONTRACT.md, seed page).
// Used by the client before sending, by keycardctl before any request, and by the GUI's
// QValidator subclasses. Lengths count Unicode code points, as JSON Schema does.
namespace keycard::rules {

enum class Field {
    OrganizationId, // path parameter: an organization's id or label
    Identifier,     // SSO identifier (the IdP's issuer URL)
    ClientId,       // OAuth 2.0 client id issued by the IdP
    ClientSecret,   // optional
    RequestId,      // X-Client-Request-ID, a UUID
};

struct Rule
{
    Field field;
    const char *jsonName; // "identifier", "client_id", ... ("organization_id" for the path)
    int minLength;        // code points; 0 = may be empty
    int maxLength;        // code points; 0 = no limit
    bool required;
    bool rejectBlank;     // all-whitespace counts as missing
};

const Rule &rule(Field field);

struct Violation
{
    enum class Kind { Required, Blank, TooShort, TooLong, NotUuid };
    Field field;
    Kind kind;
    int limit = 0;  // the bound that was crossed (TooShort/TooLong)
    int actual = 0; // code points entered
    // "Required", "At most 2,048 characters — 2,051 entered", "Not a UUID" (translated,
    // numbers in the current locale).
    QString message() const;
};

// Number of Unicode code points (a surrogate pair counts once).
int codePoints(const QString &text);

// nullopt when `value` satisfies the rule. An empty optional field (client secret) is valid.
std::optional<Violation> check(Field field, const QString &value);

// Whether `value` could still become valid by typing more (for QValidator::Intermediate):
// true for empty/blank/too-short input, false for input already too long or a UUID that can
// no longer be completed.
bool canBecomeValid(Field field, const QString &value);

// Translated field label: "Organization", "Issuer URL", "Client ID", "Client secret", "Request ID".
QString fieldLabel(Field field);

bool isUuid(const QString &text);

} // namespace keycard::rules
