#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The single source of truth for the API's field constraints (docs/api.md, "SSO connection").
// Used by the client before sending, by keycardctl before any request, and by the GUI's
// QValidator subclasses. Lengths count Unicode code points, as JSON Schema does.
namespace keycard::rules {

enum class Field {
    OrganizationId, // path parameter: an organization's id or label
    Identifier,     // SSO identifier (the IdP's issuer URL)
    ClientId,       // OAuth 2.0 client id issued by the IdP
    ClientSecret,   // optional
    RequestId,      // X-Client-Request-ID, a UUID
    UserId,         // path parameter: a member's id (one path segment, like OrganizationId)
    InvitationId,   // path parameter: an invitation's id
    Email,          // an invitation's email: 3 to 254 code points, one '@', no white space
    Role,           // a member's role: org_admin, org_member or org_viewer
    MemberStatus,   // a member's status: active or disabled
};

struct Rule
{
    Field field;
    const char *jsonName; // "identifier", "client_id", ... ("organization_id" for the path)
    int minLength;        // code points; 0 = may be empty
    int maxLength;        // code points; 0 = no limit
    bool required;
    bool rejectBlank; // all-whitespace counts as missing
};

const Rule &rule(Field field);

struct Violation
{
    enum class Kind {
        Required,
        Blank,
        TooShort,
        TooLong,
        NotUuid,
        DotSegment,       // an organization "." or "..": a URL path would resolve it away
        InvalidCharacter, // a lone UTF-16 surrogate: not sent as it was entered
        NotEmail,         // not of the form local@domain (white space, controls, no '@')
        NotAllowed,       // a role or status the API does not name (allowedValues())
    };
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
// An organization (a path parameter) must also survive as one path segment: "." and ".." are
// refused (HTTP clients, Qt's included, resolve them, so "sso disable .." would DELETE
// {base}/sso-connection), and so is text that is not valid UTF-16 (it would be sent changed).
std::optional<Violation> check(Field field, const QString &value);

// Whether `value` could still become valid by typing more (for QValidator::Intermediate):
// true for empty/blank/too-short input, false for input already too long or a UUID that can
// no longer be completed.
bool canBecomeValid(Field field, const QString &value);

// Translated field label: "Organization", "Issuer URL", "Client ID", "Client secret", "Request ID",
// "Member", "Invitation", "Email", "Role", "Status".
QString fieldLabel(Field field);

// The values a field may take when the API names them (Role, MemberStatus), else empty. What a
// client sends must be one of these; what a server sends is kept as it is (Members.h).
QStringList allowedValues(Field field);

bool isUuid(const QString &text);

// What makes a complete value unusable as an identity provider's issuer URL. The API itself
// takes any 1–2,048 characters; these are OpenID Connect's rules for an issuer, applied by the
// client before sending so that keycardctl and the window agree (the sandbox, like the real
// API, does not apply them).
struct IssuerProblem
{
    enum class Kind {
        Spaces,          // white space anywhere
        NotUrl,          // no scheme, or not a parsable absolute URL
        Scheme,          // a scheme other than https (or http)
        HttpNotLoopback, // http:// to anything but localhost / 127.0.0.0/8 / ::1
        NoHost,          // "https://" with nothing after it
        QueryOrFragment, // "?…" or "#…"
        UserInfo,        // "user:pw@" before the host ("https://host%2F@evil.com" is evil.com)
        FormatCharacter, // a control, bidi or other format character (U+202E, U+200B, ...)
        DotSegment,      // a "." or ".." path segment, also percent-encoded ("%2e%2e")
    };
    Kind kind;
    QString message() const; // translated, e.g. "Must use https:// (http:// only for localhost)"
};

// nullopt when `text` is a usable issuer URL (length rules are check(Field::Identifier)'s).
std::optional<IssuerProblem> checkIssuer(const QString &text);

// What is worth a word about an issuer URL that checkIssuer() accepts, without refusing it.
struct IssuerWarning
{
    enum class Kind {
        UppercaseScheme, // "HTTPS://…": issuers are compared exactly, character for character
        UppercaseHost,   // "https://Acme.Okta.com"
    };
    Kind kind;
    QString message() const; // translated
};

// The warnings for `text` (empty when there is nothing to say, or when it is no URL at all).
QList<IssuerWarning> issuerWarnings(const QString &text);

} // namespace keycard::rules
