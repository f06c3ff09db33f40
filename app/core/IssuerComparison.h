#pragma once

#include "IssuerCheck.h"
#include "Models.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What an issuer check learned from the identity provider's discovery document, set next to
// what Keycard returns for the SSO connection (the Endpoints pane shows it). Widget-free.
namespace keycard::oidc {

enum class Agreement {
    Same,         // both have it, and the values are equal (lists: the same set)
    Different,    // both have it, with different values
    OnlyProvider, // the identity provider publishes it; Keycard's connection has none
    OnlyKeycard,  // Keycard has it; the discovery document does not list it
    Neither,      // neither has it
};

struct ComparisonRow
{
    QString id;       // issuer, authorization_endpoint, token_endpoint, jwks_uri,
                      // userinfo_endpoint, code_challenge_methods_supported, scopes_supported
    QString title;    // translated
    QString provider; // the identity provider's value (lists joined with ", "), or empty
    QString keycard;  // Keycard's value, or empty
    Agreement agreement = Agreement::Neither;
};

// The row ids in the order compare() returns them, and each row's title (translated).
QStringList comparisonIds();
QString comparisonTitle(const QString &id);

// One row per id above, in that order. Only meaningful for a result that read a discovery
// document (result.discoveredIssuer set); otherwise returns no rows.
QList<ComparisonRow> compare(const IssuerCheckResult &result, const SsoConnection &connection);

// The last issuer checks of this process, kept in memory only (at most kMaxEntries, oldest
// dropped), so that a check made in the Enable SSO form can be shown next to what Keycard
// returns once the connection exists. Keyed by the issuer exactly as checked.
class CheckHistory
{
public:
    static constexpr int kMaxEntries = 32;
    struct Entry
    {
        IssuerCheckResult result;
        QDateTime checkedAt;
    };
    // Every finished IssuerCheck records its result here.
    static void record(const IssuerCheckResult &result);
    static std::optional<Entry> latest(const QString &issuer);
    static int size();
    static void clear(); // for tests
};

} // namespace keycard::oidc
