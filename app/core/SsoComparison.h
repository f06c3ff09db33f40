#pragma once

#include "Models.h"

#include <QJsonArray>
#include <QList>
#include <QString>

// Whether an existing SSO connection already holds what an enable request asked for: the one
// rule behind "already enabled with these settings" (keycardctl sso enable, the window's
// Enable SSO and KeycardClient's 409 reconciliation).
namespace keycard {

// One setting the request sent that the existing connection does not hold. Never a secret.
struct SsoDifference
{
    QString field;    // JSON path: "identifier", "client_secret", "protocols.oauth2.jwks_uri"
    QString label;    // translated: "Issuer URL", "Client secret", "JWKS URI", ...
    QString sent;     // what the request sent, for display ("a secret" for the secret)
    QString existing; // what the connection holds, for display ("(none)" when absent)

    // "Issuer URL: sent https://a.example, the connection has https://b.example"
    QString toString() const;
};

// Everything `request` sends that the server reflects and `existing` does not hold: the
// identifier, the client id, each protocol member sent (lists compared as sets). A secret sent
// is always a difference: when client_secret_set is false the connection lacks it, and when it
// is true Keycard never returns it, so nobody can tell it is the same one. Empty when the
// existing connection is the one asked for (e.g. an earlier attempt whose reply was lost).
QList<SsoDifference> enableDifferences(const SsoConnectionCreate &request,
                                       const SsoConnection &existing);

// "Issuer URL: sent …, the connection has …; Client secret: …" (translated).
QString describeDifferences(const QList<SsoDifference> &differences);

// [{"field", "sent", "existing"}, ...] for keycardctl --json.
QJsonArray differencesToJson(const QList<SsoDifference> &differences);

} // namespace keycard
