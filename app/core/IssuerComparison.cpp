#include "IssuerComparison.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace keycard::oidc {

namespace {

QString trc(const char *text)
{
    return QCoreApplication::translate("IssuerComparison", text);
}

ComparisonRow valueRow(const QString &id, const QString &provider,
                       const std::optional<QString> &keycard)
{
    ComparisonRow row{id, comparisonTitle(id), provider, keycard.value_or(QString()),
                      Agreement::Neither};
    const bool hasProvider = !row.provider.isEmpty();
    const bool hasKeycard = !row.keycard.isEmpty();
    if (hasProvider && hasKeycard)
        row.agreement = row.provider == row.keycard ? Agreement::Same : Agreement::Different;
    else if (hasProvider)
        row.agreement = Agreement::OnlyProvider;
    else if (hasKeycard)
        row.agreement = Agreement::OnlyKeycard;
    return row;
}

QStringList sortedUnique(QStringList values)
{
    values.removeAll(QString());
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

ComparisonRow listRow(const QString &id, const QStringList &provider,
                      const std::optional<QStringList> &keycard)
{
    const QString separator = QStringLiteral(", ");
    ComparisonRow row =
        valueRow(id, provider.join(separator),
                 keycard ? std::optional<QString>(keycard->join(separator)) : std::nullopt);
    if (row.agreement == Agreement::Different &&
        sortedUnique(provider) == sortedUnique(keycard.value_or(QStringList())))
        row.agreement = Agreement::Same; // the same set, listed in another order
    return row;
}

struct History
{
    QMutex mutex;
    QList<CheckHistory::Entry> entries; // newest last
};

History &history()
{
    static History instance;
    return instance;
}

} // namespace

// Each row's id and title, in the order compare() returns them.
const std::pair<const char *, const char *> kRows[] = {
    {"issuer", QT_TRANSLATE_NOOP("IssuerComparison", "Issuer")},
    {"authorization_endpoint", QT_TRANSLATE_NOOP("IssuerComparison", "Authorization endpoint")},
    {"token_endpoint", QT_TRANSLATE_NOOP("IssuerComparison", "Token endpoint")},
    {"jwks_uri", QT_TRANSLATE_NOOP("IssuerComparison", "JWKS URI")},
    {"userinfo_endpoint", QT_TRANSLATE_NOOP("IssuerComparison", "Userinfo endpoint")},
    {"code_challenge_methods_supported", QT_TRANSLATE_NOOP("IssuerComparison", "PKCE methods")},
    {"scopes_supported", QT_TRANSLATE_NOOP("IssuerComparison", "Scopes supported")},
};

QStringList comparisonIds()
{
    QStringList ids;
    for (const auto &row : kRows)
        ids << QLatin1String(row.first);
    return ids;
}

QString comparisonTitle(const QString &id)
{
    for (const auto &[key, title] : kRows) {
        if (id == QLatin1String(key))
            return trc(title);
    }
    return id;
}

QList<ComparisonRow> compare(const IssuerCheckResult &result, const SsoConnection &connection)
{
    if (!result.discoveredIssuer)
        return {};
    const DiscoveredProvider &d = result.discovered;
    const OAuth2Settings oauth = connection.protocols
                                     ? connection.protocols->oauth2.value_or(OAuth2Settings{})
                                     : OAuth2Settings{};
    const std::optional<QString> userinfo = connection.protocols && connection.protocols->openid
                                                ? connection.protocols->openid->userinfoEndpoint
                                                : std::nullopt;
    return {
        valueRow(QStringLiteral("issuer"), *result.discoveredIssuer, connection.identifier),
        valueRow(QStringLiteral("authorization_endpoint"), d.authorizationEndpoint,
                 oauth.authorizationEndpoint),
        valueRow(QStringLiteral("token_endpoint"), d.tokenEndpoint, oauth.tokenEndpoint),
        valueRow(QStringLiteral("jwks_uri"), d.jwksUri, oauth.jwksUri),
        valueRow(QStringLiteral("userinfo_endpoint"), d.userinfoEndpoint, userinfo),
        listRow(QStringLiteral("code_challenge_methods_supported"), d.codeChallengeMethods,
                oauth.codeChallengeMethodsSupported),
        listRow(QStringLiteral("scopes_supported"), d.scopes, oauth.scopesSupported),
    };
}

void CheckHistory::record(const IssuerCheckResult &result)
{
    History &h = history();
    QMutexLocker lock(&h.mutex);
    h.entries.removeIf([&](const Entry &e) { return e.result.issuer == result.issuer; });
    h.entries.append(Entry{result, QDateTime::currentDateTime()});
    while (h.entries.size() > kMaxEntries)
        h.entries.removeFirst();
}

std::optional<CheckHistory::Entry> CheckHistory::latest(const QString &issuer)
{
    History &h = history();
    QMutexLocker lock(&h.mutex);
    for (auto it = h.entries.crbegin(); it != h.entries.crend(); ++it) {
        if (it->result.issuer == issuer)
            return *it;
    }
    return std::nullopt;
}

int CheckHistory::size()
{
    History &h = history();
    QMutexLocker lock(&h.mutex);
    return int(h.entries.size());
}

void CheckHistory::clear()
{
    History &h = history();
    QMutexLocker lock(&h.mutex);
    h.entries.clear();
}

} // namespace keycard::oidc
