#pragma once

#include <QString>

#include <optional>

namespace keycard::oidc {

// An issuer implied by something pasted into the issuer field, offered to the admin (never
// applied silently).
struct IssuerSuggestion
{
    QString issuer;
    QString reason; // translated, e.g. "This is Okta's admin console; the issuer is the org host"
};

// Recognises, in this order:
// - a discovery-document URL (".../.well-known/openid-configuration") -> the part before it;
// - an Okta admin-console URL ("https://acme-admin.okta.com/...") -> "https://acme.okta.com";
// - an endpoint URL of a known provider: Okta (".../oauth2[/<server>]/v1/authorize|token|
//   keys|userinfo"), Entra ID (".../<tenant>/oauth2/v2.0/authorize|token"), Keycloak
//   (".../realms/<realm>/protocol/openid-connect/..."), Auth0 ("https://<tenant>.auth0.com/
//   authorize", issuer with its trailing slash), Google ("https://accounts.google.com/o/oauth2/
//   v2/auth");
// - a bare Entra ID tenant id (a GUID) -> "https://login.microsoftonline.com/<guid>/v2.0".
// nullopt when the text implies nothing else than itself.
std::optional<IssuerSuggestion> suggestIssuer(const QString &pasted);

} // namespace keycard::oidc
