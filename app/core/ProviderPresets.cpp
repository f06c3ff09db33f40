#include "ProviderPresets.h"

#include "FieldRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace keycard::oidc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::oidc", text);
}

QString value(const QMap<QString, QString> &values, const char *id)
{
    return values.value(QLatin1String(id)).trimmed();
}

// "acme.okta.com", "https://acme.okta.com/" -> "acme.okta.com"; nullopt when it is not a host
// name (with an optional port, and a path when `allowPath`).
std::optional<QString> hostOf(QString text, bool allowPath)
{
    text = text.trimmed();
    for (const char *prefix : {"https://", "http://"}) {
        if (text.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            text = text.mid(qsizetype(qstrlen(prefix)));
    }
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    if (text.isEmpty())
        return std::nullopt;
    for (const QChar c : std::as_const(text)) {
        if (c.isSpace() || c == QLatin1Char('?') || c == QLatin1Char('#') || c == QLatin1Char('@'))
            return std::nullopt;
    }
    const QUrl url(QStringLiteral("https://") + text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    if (!allowPath && !url.path().isEmpty())
        return std::nullopt;
    if (!url.host().contains(QLatin1Char('.')) && url.host() != QLatin1String("localhost"))
        return std::nullopt;
    return text;
}

bool isPathSegment(const QString &text)
{
    static const QRegularExpression segment(QStringLiteral("^[A-Za-z0-9._~-]+$"));
    return segment.match(text).hasMatch();
}

IssuerBuild missing(const QString &problem)
{
    return IssuerBuild{std::nullopt, problem, {}};
}

IssuerBuild fixed(const QString &issuer)
{
    return IssuerBuild{issuer, {}, {}};
}

// --- builders -----------------------------------------------------------------------------

IssuerBuild buildOkta(const QMap<QString, QString> &values, const PresetContext &)
{
    const QString domain = value(values, "domain");
    if (domain.isEmpty())
        return missing(tr("Enter your Okta domain, e.g. your-org.okta.com"));
    const auto host = hostOf(domain, false);
    if (!host)
        return missing(tr("Enter the Okta domain alone, e.g. your-org.okta.com"));
    static const QRegularExpression admin(QStringLiteral("^(.+)-admin\\.(okta[a-z-]*\\.com)$"));
    if (const auto m = admin.match(host->toLower()); m.hasMatch())
        return missing(
            tr("%1 is the admin console; enter %2.%3").arg(*host, m.captured(1), m.captured(2)));
    const QString server = value(values, "server");
    if (server.isEmpty())
        return fixed(QStringLiteral("https://") + *host);
    if (!isPathSegment(server))
        return missing(tr("The authorization server id has letters, digits, '-', '_' or '.' only"));
    return fixed(QStringLiteral("https://%1/oauth2/%2").arg(*host, server));
}

IssuerBuild buildEntra(const QMap<QString, QString> &values, const PresetContext &)
{
    const QString tenant = value(values, "tenant");
    if (tenant.isEmpty())
        return missing(tr("Enter the directory (tenant) id or a domain of the tenant"));
    if (rules::isUuid(tenant))
        return fixed(
            QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(tenant.toLower()));
    if (!hostOf(tenant, false) || tenant.contains(QLatin1Char('/')) ||
        tenant.contains(QLatin1Char(':')))
        return missing(tr("Enter the tenant id (a GUID) or a domain such as "
                          "contoso.onmicrosoft.com"));
    // A domain finds the tenant's sign-in page, but the discovery document Entra ID serves for
    // it names the issuer with the tenant's GUID: the issuer built here would not match.
    IssuerBuild built =
        fixed(QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(tenant.toLower()));
    built.warning = tr("%1 is a domain, and the issuer Entra ID publishes names the tenant by its "
                       "ID instead: enter the Directory (tenant) ID from the Overview page of the "
                       "Microsoft Entra admin center.")
                        .arg(tenant);
    return built;
}

IssuerBuild buildGoogle(const QMap<QString, QString> &, const PresetContext &)
{
    return fixed(QStringLiteral("https://accounts.google.com"));
}

IssuerBuild buildAuth0(const QMap<QString, QString> &values, const PresetContext &)
{
    const QString domain = value(values, "domain");
    if (domain.isEmpty())
        return missing(tr("Enter your Auth0 tenant domain, e.g. your-tenant.us.auth0.com"));
    const auto host = hostOf(domain, false);
    if (!host)
        return missing(tr("Enter the tenant domain alone, e.g. your-tenant.us.auth0.com"));
    // Auth0's issuer keeps its trailing slash.
    return fixed(QStringLiteral("https://%1/").arg(*host));
}

IssuerBuild buildKeycloak(const QMap<QString, QString> &values, const PresetContext &)
{
    const QString hostText = value(values, "host");
    const QString realm = value(values, "realm");
    if (hostText.isEmpty())
        return missing(tr("Enter the Keycloak host, e.g. sso.example.com"));
    const auto host = hostOf(hostText, true);
    if (!host)
        return missing(tr("Enter the Keycloak host name (with a port or path prefix if it has "
                          "one)"));
    if (realm.isEmpty())
        return missing(tr("Enter the realm's name"));
    if (!isPathSegment(realm))
        return missing(tr("The realm name has letters, digits, '-', '_' or '.' only"));
    return fixed(QStringLiteral("https://%1/realms/%2").arg(*host, realm));
}

IssuerBuild buildTyped(const QMap<QString, QString> &, const PresetContext &)
{
    return missing(tr("Enter the issuer URL the provider shows"));
}

IssuerBuild buildSandbox(const QMap<QString, QString> &, const PresetContext &context)
{
    if (context.sandboxBase.isEmpty())
        return missing(tr("Only available on the sandbox"));
    return fixed(sandboxIssuer(context.sandboxBase));
}

// --- console steps --------------------------------------------------------------------------

PresetStep step(const QString &text, const QString &v = {})
{
    return PresetStep{text, v};
}

QList<PresetStep> oktaSteps(const PresetContext &c)
{
    return {step(tr("In the Okta Admin Console, open Applications › Applications and choose "
                    "Create App Integration.")),
            step(tr("Choose OIDC - OpenID Connect and the application type Web Application.")),
            step(tr("Under Sign-in redirect URIs, enter:"), c.redirectUri),
            step(tr("Keep the grant type Authorization Code and assign the people or groups who "
                    "will sign in.")),
            step(tr("Copy the Client ID and the client secret into this form. Your Okta domain is "
                    "the org's address without -admin."))};
}

QList<PresetStep> entraSteps(const PresetContext &c)
{
    return {step(tr("In the Microsoft Entra admin center, open App registrations and choose New "
                    "registration.")),
            step(tr("Under Redirect URI, choose the platform Web and enter:"), c.redirectUri),
            step(tr("On the Overview page, copy the Application (client) ID into this form and "
                    "the Directory (tenant) ID into the field above.")),
            step(tr("Under Certificates & secrets, create a new client secret and copy its "
                    "Value into this form.")),
            step(tr("Keycard identifies members by the oid claim, as Entra ID recommends: this "
                    "preset sets external_id_claim to oid."))};
}

QList<PresetStep> googleSteps(const PresetContext &c)
{
    return {step(tr("In the Google Cloud console, choose a project of your organization and "
                    "open APIs & Services › Credentials.")),
            step(tr("Choose Create credentials › OAuth client ID, application type Web "
                    "application.")),
            step(tr("Under Authorized redirect URIs, add:"), c.redirectUri),
            step(tr("Copy the Client ID and the Client secret into this form."))};
}

QList<PresetStep> auth0Steps(const PresetContext &c)
{
    return {step(tr("In the Auth0 Dashboard, open Applications › Applications and choose Create "
                    "Application, type Regular Web Applications.")),
            step(tr("In the application's Settings, add to Allowed Callback URLs:"), c.redirectUri),
            step(tr("Copy the Domain into the field above (the issuer keeps a trailing slash), "
                    "and the Client ID and Client Secret into this form."))};
}

QList<PresetStep> keycloakSteps(const PresetContext &c)
{
    return {step(tr("In the Keycloak admin console, select the realm and open Clients › Create "
                    "client, client type OpenID Connect.")),
            step(tr("Turn on Client authentication and keep Standard flow (the authorization code "
                    "flow) enabled.")),
            step(tr("Under Valid redirect URIs, enter:"), c.redirectUri),
            step(tr("Copy the Client ID, and the client secret from the Credentials tab, into this "
                    "form."))};
}

QList<PresetStep> genericSteps(const PresetContext &c)
{
    return {step(tr("In the provider's admin console, create an OpenID Connect application for a "
                    "web (confidential) client.")),
            step(tr("Register this redirect URI:"), c.redirectUri),
            step(tr("Allow the authorization code grant and the scopes:"),
                 QString::fromLatin1(kRequestedScopes)),
            step(tr("Copy the issuer URL the provider gives for it into Issuer URL below (its "
                    "discovery document is at <issuer>/.well-known/openid-configuration), and the "
                    "client ID and secret."))};
}

QList<PresetStep> sandboxSteps(const PresetContext &c)
{
    return {step(tr("The sandbox serves a mock identity provider with this issuer, so the whole "
                    "form can be tried offline:"),
                 c.sandboxBase.isEmpty() ? QString() : sandboxIssuer(c.sandboxBase)),
            step(tr("It has no console: any client ID is accepted, e.g. sandbox-client.")),
            step(tr("The sandbox profile's redirect URI:"), c.redirectUri)};
}

PresetField field(const char *id, const QString &label, const QString &placeholder,
                  bool optional = false)
{
    return PresetField{QLatin1String(id), label, placeholder, optional};
}

ProviderPreset typed(const char *id, const QString &name)
{
    ProviderPreset p;
    p.id = QLatin1String(id);
    p.name = name;
    p.asksIssuer = true;
    p.build = buildTyped;
    p.stepList = genericSteps;
    return p;
}

} // namespace

IssuerBuild ProviderPreset::buildIssuer(const QMap<QString, QString> &values,
                                        const PresetContext &context) const
{
    return build ? build(values, context) : IssuerBuild{};
}

QList<PresetStep> ProviderPreset::steps(const PresetContext &context) const
{
    return stepList ? stepList(context) : QList<PresetStep>{};
}

QString ProviderPreset::setsDescription() const
{
    if (!externalIdClaim)
        return {};
    return QCoreApplication::translate("keycard::oidc",
                                       "Sets protocols.openid.external_id_claim to %1")
        .arg(*externalIdClaim);
}

QList<ProviderPreset> providerPresets(bool includeSandbox)
{
    QList<ProviderPreset> out;
    if (includeSandbox) {
        ProviderPreset sandbox;
        sandbox.id = QStringLiteral("sandbox");
        sandbox.name = tr("Sandbox IdP");
        sandbox.build = buildSandbox;
        sandbox.stepList = sandboxSteps;
        out << sandbox;
    }
    ProviderPreset okta;
    okta.id = QStringLiteral("okta");
    okta.name = QStringLiteral("Okta");
    okta.fields = {field("domain", tr("Okta domain"), tr("your-org.okta.com")),
                   field("server", tr("Custom authorization server id"),
                         tr("Optional, e.g. default; empty for the org authorization server"),
                         true)};
    okta.build = buildOkta;
    okta.stepList = oktaSteps;
    out << okta;

    ProviderPreset entra;
    entra.id = QStringLiteral("entra");
    entra.name = QStringLiteral("Microsoft Entra ID");
    entra.fields = {field("tenant", tr("Tenant ID or domain"),
                          tr("Directory (tenant) ID, or e.g. contoso.onmicrosoft.com"))};
    entra.externalIdClaim = QStringLiteral("oid");
    entra.build = buildEntra;
    entra.stepList = entraSteps;
    out << entra;

    ProviderPreset google;
    google.id = QStringLiteral("google");
    google.name = QStringLiteral("Google Workspace");
    google.build = buildGoogle;
    google.stepList = googleSteps;
    out << google;

    ProviderPreset auth0;
    auth0.id = QStringLiteral("auth0");
    auth0.name = QStringLiteral("Auth0");
    auth0.fields = {field("domain", tr("Tenant domain"), tr("your-tenant.us.auth0.com"))};
    auth0.build = buildAuth0;
    auth0.stepList = auth0Steps;
    out << auth0;

    ProviderPreset keycloak;
    keycloak.id = QStringLiteral("keycloak");
    keycloak.name = QStringLiteral("Keycloak");
    keycloak.fields = {field("host", tr("Host"), tr("sso.example.com")),
                       field("realm", tr("Realm"), tr("e.g. employees"))};
    keycloak.build = buildKeycloak;
    keycloak.stepList = keycloakSteps;
    out << keycloak;

    // Issuer formats not stated by Keycard's guides: the admin types the issuer itself.
    out << typed("ping", QStringLiteral("Ping Identity"));
    out << typed("onelogin", QStringLiteral("OneLogin"));
    out << typed("jumpcloud", QStringLiteral("JumpCloud"));
    out << typed("oidc", tr("Other OpenID Connect provider"));
    return out;
}

std::optional<ProviderPreset> findPreset(const QString &id)
{
    const QList<ProviderPreset> all = providerPresets(true);
    for (const ProviderPreset &p : all) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

QString sandboxRedirectUri(const QUrl &sandboxBase)
{
    return sandboxBase.toString(QUrl::StripTrailingSlash) + QStringLiteral("/oauth/2/redirect");
}

QString sandboxIssuer(const QUrl &sandboxBase, const QString &scenario)
{
    return sandboxBase.toString(QUrl::StripTrailingSlash) + QStringLiteral("/idp/") + scenario;
}

} // namespace keycard::oidc
