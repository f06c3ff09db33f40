#include "SsoComparison.h"

#include "FieldRules.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace keycard {

namespace {

QString trc(const char *text)
{
    return QCoreApplication::translate("keycard", text);
}

QString none()
{
    return trc("(none)");
}

QString shown(const std::optional<QString> &value)
{
    return value ? *value : none();
}

QString shown(const std::optional<QStringList> &value)
{
    return value ? value->join(QLatin1Char(' ')) : none();
}

QStringList asSet(QStringList list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

struct Collector
{
    QList<SsoDifference> out;

    // A member the request sent (engaged `sent`) compared with the connection's.
    void member(const char *field, const QString &label, const std::optional<QString> &sent,
                const std::optional<QString> &existing)
    {
        if (sent && sent != existing)
            out.append({QLatin1String(field), label, *sent, shown(existing)});
    }
    void member(const char *field, const QString &label, const std::optional<QStringList> &sent,
                const std::optional<QStringList> &existing)
    {
        if (sent && (!existing || asSet(*sent) != asSet(*existing)))
            out.append({QLatin1String(field), label, shown(sent), shown(existing)});
    }
};

} // namespace

QString SsoDifference::toString() const
{
    return QCoreApplication::translate("keycard", "%1: sent %2, the connection has %3")
        .arg(label, sent, existing);
}

QList<SsoDifference> enableDifferences(const SsoConnectionCreate &request,
                                       const SsoConnection &existing)
{
    using rules::Field;
    Collector c;
    c.member("identifier", rules::fieldLabel(Field::Identifier), request.identifier,
             existing.identifier);
    c.member("client_id", rules::fieldLabel(Field::ClientId), request.clientId, existing.clientId);
    if (request.clientSecret && !request.clientSecret->isEmpty()) {
        c.out.append({QStringLiteral("client_secret"), rules::fieldLabel(Field::ClientSecret),
                      trc("a secret"),
                      existing.clientSecretSet
                          ? trc("a secret that cannot be compared (Keycard never returns it)")
                          : trc("none set")});
    }
    if (request.protocols) {
        const SsoProtocols have = existing.protocols.value_or(SsoProtocols{});
        if (const auto &o = request.protocols->oauth2) {
            const OAuth2Settings h = have.oauth2.value_or(OAuth2Settings{});
            c.member("protocols.oauth2.authorization_endpoint", trc("Authorization endpoint"),
                     o->authorizationEndpoint, h.authorizationEndpoint);
            c.member("protocols.oauth2.token_endpoint", trc("Token endpoint"), o->tokenEndpoint,
                     h.tokenEndpoint);
            c.member("protocols.oauth2.jwks_uri", trc("JWKS URI"), o->jwksUri, h.jwksUri);
            c.member("protocols.oauth2.registration_endpoint", trc("Registration endpoint"),
                     o->registrationEndpoint, h.registrationEndpoint);
            c.member("protocols.oauth2.scopes_supported", trc("Scopes"), o->scopesSupported,
                     h.scopesSupported);
            c.member("protocols.oauth2.code_challenge_methods_supported", trc("PKCE methods"),
                     o->codeChallengeMethodsSupported, h.codeChallengeMethodsSupported);
        }
        if (const auto &i = request.protocols->openid) {
            const OpenIdSettings h = have.openid.value_or(OpenIdSettings{});
            c.member("protocols.openid.userinfo_endpoint", trc("OpenID userinfo endpoint"),
                     i->userinfoEndpoint, h.userinfoEndpoint);
            c.member("protocols.openid.external_id_claim", trc("External ID claim"),
                     i->externalIdClaim, h.externalIdClaim);
        }
    }
    return c.out;
}

QString describeDifferences(const QList<SsoDifference> &differences)
{
    QStringList parts;
    for (const SsoDifference &d : differences)
        parts << d.toString();
    return parts.join(QStringLiteral("; "));
}

QJsonArray differencesToJson(const QList<SsoDifference> &differences)
{
    QJsonArray out;
    for (const SsoDifference &d : differences) {
        out.append(QJsonObject{{QStringLiteral("field"), d.field},
                               {QStringLiteral("sent"), d.sent},
                               {QStringLiteral("existing"), d.existing}});
    }
    return out;
}

} // namespace keycard
