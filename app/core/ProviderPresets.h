#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

#include <optional>

// Identity provider presets of the Enable SSO form: what each provider asks for, how its issuer
// URL is built, what to do in its console, and what the preset sets besides the issuer.
// Table-driven (ProviderPresets.cpp); no widgets here.
namespace keycard::oidc {

// The default redirect URI Keycard's Terraform guide gives, as docs/api.md ("The identity
// provider side") records it; newer consoles show a per-organization one, so the value is a
// setting.
inline constexpr const char *kDefaultRedirectUri = "https://id.keycard.ai/oauth/2/redirect";
// The scopes Keycard asks the identity provider for.
inline constexpr const char *kRequestedScopes = "openid email profile";

struct PresetField
{
    QString id;          // "domain", "server", "tenant", "host", "realm"
    QString label;       // translated
    QString placeholder; // translated example
    bool optional = false;
};

struct PresetStep
{
    QString text;  // translated, one sentence
    QString value; // a value to paste at that step (empty: none)
};

struct PresetContext
{
    QString redirectUri = QString::fromLatin1(kDefaultRedirectUri);
    QUrl sandboxBase; // the sandbox's base URL (the "Sandbox IdP" preset); empty elsewhere
};

struct IssuerBuild
{
    std::optional<QString> issuer; // set when every required field is usable
    QString problem;               // otherwise: what to enter or correct (translated)
    // With an issuer: why it may still not be the one the provider publishes, and what to
    // enter instead (translated; empty: nothing to say). The form shows it next to the fields.
    QString warning;
};

struct ProviderPreset
{
    QString id;   // "okta", "entra", "google", "auth0", "keycloak", "ping", "onelogin",
                  // "jumpcloud", "oidc", "sandbox"
    QString name; // "Okta", "Microsoft Entra ID", ...
    QList<PresetField> fields; // empty with asksIssuer or a fixed issuer
    // The issuer is typed into the form's issuer field itself (no format is assumed).
    bool asksIssuer = false;
    // protocols.openid.external_id_claim the provider needs (Entra ID: "oid").
    std::optional<QString> externalIdClaim;

    IssuerBuild buildIssuer(const QMap<QString, QString> &values,
                            const PresetContext &context = {}) const;
    QList<PresetStep> steps(const PresetContext &context) const;
    // "Sets protocols.openid.external_id_claim to oid", or empty.
    QString setsDescription() const;

    IssuerBuild (*build)(const QMap<QString, QString> &, const PresetContext &) = nullptr;
    QList<PresetStep> (*stepList)(const PresetContext &) = nullptr;
};

// Every preset, in the order the chooser shows them. With `includeSandbox` the "Sandbox IdP"
// preset comes first (the demo's mock identity provider).
QList<ProviderPreset> providerPresets(bool includeSandbox = false);
std::optional<ProviderPreset> findPreset(const QString &id);

// The sandbox's redirect URI and mock identity provider issuer for a sandbox base URL.
QString sandboxRedirectUri(const QUrl &sandboxBase);
QString sandboxIssuer(const QUrl &sandboxBase, const QString &scenario = QStringLiteral("good"));

} // namespace keycard::oidc
