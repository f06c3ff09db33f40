#pragma once

#include <QString>
#include <QUrl>

#include <functional>

namespace keycard::ui {

// What the Enable SSO form needs to know about the session for the identity provider side:
// the redirect URI to register (a per-profile setting), the sandbox (for its mock IdP preset)
// and where an edited redirect URI is saved.
struct SsoSetupContext
{
    QString redirectUri;                    // empty: Keycard's default (oidc::kDefaultRedirectUri)
    QUrl sandboxBase;                       // set on the sandbox: offers the "Sandbox IdP" preset
    bool redirectUriIsSandboxValue = false; // the sandbox profile's own value, not editable
    std::function<void(const QString &)> saveRedirectUri; // may be empty: not saved
};

} // namespace keycard::ui
