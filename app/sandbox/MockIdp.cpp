#include "MockIdp.h"

#include <QJsonArray>

namespace keycard::sandbox::mockidp {

namespace {

const QString kDiscovery = QStringLiteral(".well-known/openid-configuration");

QJsonArray strings(std::initializer_list<const char *> items)
{
    QJsonArray out;
    for (const char *item : items)
        out.append(QLatin1String(item));
    return out;
}

QString baseOf(const RecordedRequest &request)
{
    const QByteArray host = request.header("host");
    return host.isEmpty() ? QString() : QStringLiteral("http://") + QString::fromLatin1(host);
}

QJsonObject discovery(const QString &scenario, const QString &issuer)
{
    QJsonObject d{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), QString(issuer + QStringLiteral("/authorize"))},
        {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/token"))},
        {QStringLiteral("jwks_uri"), QString(issuer + QStringLiteral("/jwks"))},
        {QStringLiteral("userinfo_endpoint"), QString(issuer + QStringLiteral("/userinfo"))},
        {QStringLiteral("response_types_supported"), strings({"code"})},
        {QStringLiteral("subject_types_supported"), strings({"public"})},
        {QStringLiteral("id_token_signing_alg_values_supported"), strings({"RS256"})},
        {QStringLiteral("grant_types_supported"), strings({"authorization_code"})},
        {QStringLiteral("code_challenge_methods_supported"), strings({"S256"})},
        {QStringLiteral("scopes_supported"), strings({"openid", "email", "profile"})},
    };
    if (scenario == QLatin1String("issuer-mismatch"))
        d.insert(QStringLiteral("issuer"), QString(issuer + QLatin1Char('/')));
    else if (scenario == QLatin1String("no-s256"))
        d.insert(QStringLiteral("code_challenge_methods_supported"), strings({"plain"}));
    else if (scenario == QLatin1String("http-endpoint"))
        d.insert(QStringLiteral("token_endpoint"),
                 QStringLiteral("http://idp.example.com/idp/http-endpoint/token"));
    return d;
}

QJsonObject jwks(const QString &scenario)
{
    if (scenario == QLatin1String("empty-jwks"))
        return QJsonObject{{QStringLiteral("keys"), QJsonArray()}};
    // A placeholder public key: the mock never signs anything.
    const QJsonObject key{
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("kid"), QStringLiteral("sandbox-mock-key")},
        {QStringLiteral("n"), QStringLiteral("sandbox-mock-modulus-not-a-real-key")},
        {QStringLiteral("e"), QStringLiteral("AQAB")},
    };
    return QJsonObject{{QStringLiteral("keys"), QJsonArray{key}}};
}

HttpReply html(int status, const QString &text)
{
    HttpReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = text.toUtf8();
    return reply;
}

HttpReply loginPage(const QString &organization)
{
    QString escaped = organization.toHtmlEscaped();
    return html(200, QStringLiteral("<!doctype html><html><head><title>Sandbox SSO sign-in"
                                    "</title></head><body><h1>Sandbox SSO sign-in</h1><p>This is "
                                    "the login URL of organization %1 on the Keycard sandbox. "
                                    "With a real Keycard organization this address starts a "
                                    "sign-in through the identity provider; the sandbox stops "
                                    "here.</p></body></html>")
                         .arg(escaped));
}

} // namespace

QStringList scenarios()
{
    return {QStringLiteral("good"),          QStringLiteral("issuer-mismatch"),
            QStringLiteral("no-s256"),       QStringLiteral("http-endpoint"),
            QStringLiteral("empty-jwks"),    QStringLiteral("not-json"),
            QStringLiteral("404"),           QStringLiteral("slow"),
            QStringLiteral("redirect-away"), QStringLiteral("huge")};
}

QString loginUrl(const RecordedRequest &request, const QString &organizationId)
{
    const QString base = baseOf(request);
    return base.isEmpty() ? QString() : base + QStringLiteral("/idp/login/") + organizationId;
}

std::optional<Answer> handle(const RecordedRequest &request)
{
    // /idp/signin/<organization>: the sign-in simulation, which changes members (MembersApi).
    if (!request.path.startsWith(QLatin1String("/idp/")) ||
        request.path.startsWith(QLatin1String("/idp/signin/")))
        return std::nullopt;
    const QStringList parts = request.path.mid(5).split(QLatin1Char('/'));
    const QString scenario = parts.value(0);
    const QString rest = parts.mid(1).join(QLatin1Char('/'));
    Answer answer;
    if (scenario == QLatin1String("login") && parts.size() == 2) {
        answer.reply = loginPage(parts.at(1));
        return answer;
    }
    if (request.method != "GET" || !scenarios().contains(scenario)) {
        answer.reply = HttpReply::standardError(404);
        return answer;
    }
    const QString base = baseOf(request);
    const QString issuer = base + QStringLiteral("/idp/") + scenario;
    if (scenario == QLatin1String("404")) {
        answer.reply = HttpReply::standardError(404);
    } else if (rest == kDiscovery) {
        if (scenario == QLatin1String("not-json")) {
            answer.reply = html(200, QStringLiteral("<!doctype html><html><body>Sign in"
                                                    "</body></html>"));
        } else if (scenario == QLatin1String("redirect-away")) {
            // Same port, another host name: another origin (with user info, which a message
            // about the redirect must not repeat).
            QByteArray host = request.header("host");
            host.replace("127.0.0.1", "localhost");
            answer.reply.status = 302;
            answer.reply.addHeader("Location", "http://idp-user:idp-password@" + host +
                                                   "/idp/good/" + kDiscovery.toLatin1());
            answer.reply.body = "{}";
        } else if (scenario == QLatin1String("huge")) {
            QJsonObject d = discovery(scenario, issuer);
            d.insert(QStringLiteral("padding"), QString(1200 * 1024, QLatin1Char('x')));
            answer.reply = HttpReply::json(200, d);
        } else {
            answer.reply = HttpReply::json(200, discovery(scenario, issuer));
        }
    } else if (rest == QLatin1String("jwks")) {
        answer.reply = HttpReply::json(200, jwks(scenario));
    } else if (rest == QLatin1String("authorize") || rest == QLatin1String("token") ||
               rest == QLatin1String("userinfo")) {
        answer.reply = HttpReply::error(400, QStringLiteral("mock_identity_provider"),
                                        QStringLiteral("The sandbox's mock identity provider "
                                                       "only serves discovery and JWKS"));
    } else {
        answer.reply = HttpReply::standardError(404);
    }
    if (scenario == QLatin1String("slow"))
        answer.delayMs = kSlowDelayMs;
    return answer;
}

} // namespace keycard::sandbox::mockidp
