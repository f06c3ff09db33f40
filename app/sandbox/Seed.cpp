#include "Seed.h"

#include "DemoData.h"
#include "Models.h"

#include <QJsonArray>

namespace keycard::sandbox::seed {

namespace {

QDateTime utc(const char *text)
{
    return decode::timestamp(QString::fromLatin1(text));
}

Store::Organization demoOrganization(const demo::DemoOrganization &demo, const char *createdAt,
                                     const char *updatedAt)
{
    Store::Organization org;
    org.id = QString::fromLatin1(demo.id);
    org.name = QString::fromLatin1(demo.name);
    org.label = QString::fromLatin1(demo.label);
    org.createdAt = utc(createdAt);
    org.updatedAt = utc(updatedAt);
    return org;
}

Store::Connection connection(const char *id, const char *identifier, const char *clientId,
                             const char *secret, const char *createdAt, const char *updatedAt,
                             const QJsonObject &protocols)
{
    Store::Connection c;
    c.json = QJsonObject{
        {QStringLiteral("id"), QString::fromLatin1(id)},
        {QStringLiteral("identifier"), QString::fromLatin1(identifier)},
        {QStringLiteral("client_id"), QString::fromLatin1(clientId)},
        {QStringLiteral("client_secret_set"), secret != nullptr},
        {QStringLiteral("created_at"), QString::fromLatin1(createdAt)},
        {QStringLiteral("updated_at"), QString::fromLatin1(updatedAt)},
    };
    if (!protocols.isEmpty())
        c.json.insert(QStringLiteral("protocols"), protocols);
    return c;
}

QJsonArray strings(std::initializer_list<const char *> values)
{
    QJsonArray array;
    for (const char *v : values)
        array.append(QString::fromLatin1(v));
    return array;
}

// splitmix64: a tiny, fast, well-distributed generator; the same input gives the same output.
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

QString nanoid(quint64 seed)
{
    QString id(26, Qt::Uninitialized);
    quint64 state = seed;
    for (int i = 0; i < 26; ++i) {
        state = mix(state);
        id[i] = QLatin1Char(kAlphabet[state % 62]);
    }
    return id;
}

constexpr const char *kFirstWords[] = {
    "Northwind",   "Contoso", "Fabrikam",  "Tailspin", "Litware",    "Proseware",  "Adventure",
    "Blue Yonder", "Coho",    "Alpine",    "Fourth",   "Lucerne",    "Margie's",   "Wingtip",
    "Woodgrove",   "Trey",    "Humongous", "Graphic",  "Wide World", "Southridge",
};
constexpr const char *kSecondWords[] = {
    "Traders",   "Holdings",   "Labs",   "Logistics", "Systems", "Airlines", "Works",    "Bank",
    "Insurance", "Publishing", "Design", "Importers", "Energy",  "Foods",    "Research",
};

constexpr const char *kProviders[] = {"okta.com", "auth0.com", "onelogin.com"};

} // namespace

void addDemoOrganizations(Store &store)
{
    // Acme: Okta, secret set, full protocols, every permission.
    Store::Organization acme =
        demoOrganization(demo::kAcme, "2023-02-14T09:31:27.482Z", "2024-06-03T14:05:51.907Z");
    const QJsonObject acmeProtocols{
        {QStringLiteral("oauth2"),
         QJsonObject{
             {QStringLiteral("authorization_endpoint"),
              QStringLiteral("https://acme.okta.com/oauth2/v1/authorize")},
             {QStringLiteral("token_endpoint"),
              QStringLiteral("https://acme.okta.com/oauth2/v1/token")},
             {QStringLiteral("jwks_uri"), QStringLiteral("https://acme.okta.com/oauth2/v1/keys")},
             {QStringLiteral("registration_endpoint"),
              QStringLiteral("https://acme.okta.com/oauth2/v1/clients")},
             {QStringLiteral("scopes_supported"),
              strings({"openid", "profile", "email", "groups"})},
             {QStringLiteral("code_challenge_methods_supported"), strings({"S256"})},
         }},
        {QStringLiteral("openid"),
         QJsonObject{{QStringLiteral("userinfo_endpoint"),
                      QStringLiteral("https://acme.okta.com/oauth2/v1/userinfo")}}},
    };
    acme.connection =
        connection("Xr4PqT9vLm2sZk8WcN1bHd6Ya0", demo::kAcmeIdentifier, demo::kAcmeClientId,
                   "acme-okta-demo-client-secret", "2024-06-03T14:05:51.907Z",
                   "2024-09-17T08:42:10.315Z", acmeProtocols);
    store.append(std::move(acme));

    store.append(
        demoOrganization(demo::kGlobex, "2023-05-08T16:12:03.117Z", "2023-05-08T16:12:03.117Z"));

    // Initech: Entra ID, no secret, only the OpenID userinfo endpoint.
    Store::Organization initech =
        demoOrganization(demo::kInitech, "2023-08-21T11:47:39.650Z", "2024-01-29T10:20:44.038Z");
    initech.connection = connection(
        "gT5nB8qW2eR7yU1iO4pA9sD3fG", demo::kInitechIdentifier, demo::kInitechClientId, nullptr,
        "2024-01-29T10:20:44.038Z", "2024-01-29T10:20:44.038Z",
        QJsonObject{{QStringLiteral("openid"),
                     QJsonObject{{QStringLiteral("userinfo_endpoint"),
                                  QStringLiteral("https://graph.microsoft.com/oidc/userinfo")}}}});
    store.append(std::move(initech));

    store.append(
        demoOrganization(demo::kUmbrella, "2023-10-02T07:58:16.804Z", "2023-10-02T07:58:16.804Z"));

    // Stark: may be read but not updated.
    Store::Organization stark =
        demoOrganization(demo::kStark, "2024-02-11T19:03:55.261Z", "2024-02-11T19:03:55.261Z");
    stark.permissions = QJsonObject{
        {QLatin1String(demo::kWriteResource),
         QJsonObject{{QStringLiteral("read"), true},
                     {QLatin1String(demo::kWritePermission), false}}},
        {QStringLiteral("sso_connection"), QJsonObject{{QStringLiteral("read"), true},
                                                       {QStringLiteral("update"), false},
                                                       {QStringLiteral("delete"), false}}},
        // Members may be listed and read, not changed (the "list-only" demo organization).
        {QStringLiteral("users"), QJsonObject{{QStringLiteral("read"), true},
                                              {QStringLiteral("list"), true},
                                              {QStringLiteral("update"), false},
                                              {QStringLiteral("delete"), false}}},
        {QStringLiteral("invitations"), QJsonObject{{QStringLiteral("list"), true},
                                                    {QStringLiteral("create"), false},
                                                    {QStringLiteral("delete"), false}}},
    };
    store.append(std::move(stark));

    // Wayne: Google, secret set, partial protocols and fields newer servers add.
    Store::Organization wayne =
        demoOrganization(demo::kWayne, "2024-04-25T13:36:22.590Z", "2024-07-09T17:14:08.733Z");
    wayne.connection = connection(
        "mK3jH6gF9dS2aL5zX8cV1bN4qW", demo::kWayneIdentifier, demo::kWayneClientId,
        "GOCSPX-wayne-demo-secret", "2024-07-09T17:14:08.733Z", "2024-10-22T09:51:37.406Z",
        QJsonObject{
            {QStringLiteral("oauth2"),
             QJsonObject{
                 {QStringLiteral("authorization_endpoint"),
                  QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth")},
                 {QStringLiteral("token_endpoint"),
                  QStringLiteral("https://oauth2.googleapis.com/token")},
                 {QStringLiteral("scopes_supported"), strings({"openid", "email", "profile"})},
             }},
            {QStringLiteral("openid"),
             QJsonObject{{QStringLiteral("userinfo_endpoint"),
                          QStringLiteral("https://openidconnect.googleapis.com/v1/userinfo")},
                         {QStringLiteral("external_id_claim"), QStringLiteral("sub")}}},
        });
    wayne.connection->json.insert(
        QStringLiteral("login_url"),
        QStringLiteral("https://id.keycard.ai/login/1f8rESQedUStPKR0CsTy4Qwb8D/sso"));
    store.append(std::move(wayne));
    addDemoMembers(store);
}

QString stableId(quint64 seed)
{
    return nanoid(seed);
}

Store::Organization generatedOrganization(int number)
{
    const quint64 h = mix(quint64(number) * 0x2545F4914F6CDD1DULL + 0x6B657963617264ULL);
    const QString digits = QStringLiteral("%1").arg(number, 5, 10, QLatin1Char('0'));
    Store::Organization org;
    org.id = nanoid(h);
    org.name = QStringLiteral("%1 %2 %3")
                   .arg(QLatin1String(kFirstWords[h % std::size(kFirstWords)]),
                        QLatin1String(kSecondWords[(h >> 16) % std::size(kSecondWords)]),
                        QStringLiteral("%1").arg(number, 4, 10, QLatin1Char('0')));
    org.label = QStringLiteral("org-") + digits;
    // Created between 2022-01-01 and about 2024-09, deterministic per number.
    static const QDateTime base = utc("2022-01-01T08:00:00.000Z");
    org.createdAt = base.addMSecs(qint64((h >> 20) % (1000ULL * 60 * 60 * 24 * 1000)));
    org.updatedAt = org.createdAt.addSecs(qint64((h >> 8) % (60 * 60 * 24 * 30)));
    if (number % 7 == 0) {
        const char *provider = kProviders[(h >> 4) % std::size(kProviders)];
        const QString identifier =
            QStringLiteral("https://%1.%2").arg(org.label, QLatin1String(provider));
        const QString timestamp = formatTimestamp(org.updatedAt);
        Store::Connection c;
        c.json = QJsonObject{
            {QStringLiteral("id"), nanoid(mix(h))},
            {QStringLiteral("identifier"), identifier},
            {QStringLiteral("client_id"),
             QString(QStringLiteral("0oa") + nanoid(mix(h + 1)).left(17))},
            {QStringLiteral("client_secret_set"), false},
            {QStringLiteral("created_at"), timestamp},
            {QStringLiteral("updated_at"), timestamp},
        };
        org.connection = std::move(c);
    }
    return org;
}

int addGeneratedOrganizations(Store &store, int first, int count)
{
    int number = first;
    int added = 0;
    while (added < count) {
        if (store.append(generatedOrganization(number)))
            ++added;
        ++number;
    }
    return number;
}

} // namespace keycard::sandbox::seed
