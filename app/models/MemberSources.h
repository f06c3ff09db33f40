#pragma once

#include <QString>

// Where a member signs in, from their `source` (the issuer they sign in through) and the
// organization's SSO connection. Keycard does not document the issuer of its own accounts; a
// source on keycard.ai (the host of Keycard's sign-in and redirect pages, and of the sandbox's
// stand-in, https://id.keycard.ai) counts as a Keycard account. Widget-free.
namespace keycard {

enum class SignInVia {
    Sso,     // the organization's SSO connection: source == its identifier, exactly
    Keycard, // a Keycard account
    Other,   // another issuer
    Unknown, // no source (the server left it out)
};

SignInVia signInVia(const QString &source, const QString &ssoIssuer);
// For people: "SSO" (this organization's connection), "Keycard account", the provider's name when
// the issuer is one a preset builds (Okta, Microsoft Entra ID, ...), else the issuer's host
// ("Other: idp.example"); "Unknown". Display-safe (server text through displayText()).
QString signInViaText(const QString &source, const QString &ssoIssuer);
// The provider's name for a known identity provider's issuer, else empty.
QString providerNameForIssuer(const QString &issuer);

} // namespace keycard
