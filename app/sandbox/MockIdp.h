#pragma once

#include "HttpReply.h"
#include "SandboxServer.h"

#include <QStringList>

#include <optional>

namespace keycard::sandbox {

// Mock OpenID Connect identity providers served by the sandbox under /idp/<scenario>/ (on the
// sandbox's own port), for the issuer check of the Enable SSO form and `keycardctl sso check`.
// Each serves /.well-known/openid-configuration and /jwks; the issuer is
// "<sandbox base>/idp/<scenario>" (the base taken from the request's Host header).
//
// Scenarios: good, issuer-mismatch (trailing slash added), no-s256 (only "plain" PKCE),
// http-endpoint (a token endpoint on plain http:// to a remote host), empty-jwks, not-json (an
// HTML page), 404, slow (answers after kSlowDelayMs), redirect-away (302 to another origin),
// huge (a discovery document larger than 1 MiB).
// Also /idp/login/<organization>: the page a sandbox connection's login_url opens.
namespace mockidp {

constexpr int kSlowDelayMs = 30000;

QStringList scenarios();

struct Answer
{
    HttpReply reply;
    int delayMs = 0;
};

// The answer for a request under /idp/, or nullopt for any other path.
std::optional<Answer> handle(const RecordedRequest &request);

// "http://<host>/idp/login/<organization id>" for a connection created through a request
// with this Host header (empty when the request had none).
QString loginUrl(const RecordedRequest &request, const QString &organizationId);

} // namespace mockidp

} // namespace keycard::sandbox
