#pragma once

// The sandbox's seeded demo organizations. Tests and the README refer to them by label.
// List order is the order below; generated organizations (--orgs N) follow them.
namespace keycard::sandbox::demo {

struct DemoOrganization
{
    const char *id; // 26-character nanoid
    const char *name;
    const char *label;
};

// SSO enabled through Okta: secret set, full OAuth 2.0 + OpenID protocols, every permission.
inline constexpr DemoOrganization kAcme{"u8jzPde0IgxLd6GncfBAepfJBd", "Acme Corporation", "acme"};
inline constexpr const char *kAcmeIdentifier = "https://acme.okta.com";
inline constexpr const char *kAcmeClientId = "0oa8f3k2j1XyZ9abc357";

// No SSO, every permission (the natural target for "Enable SSO" in demos and tests).
inline constexpr DemoOrganization kGlobex{"0Kh8oOOL8dKLzdocJ2isAjIhKt", "Globex Corporation",
                                          "globex"};

// SSO enabled through Entra ID, no client secret, only the OpenID userinfo endpoint.
inline constexpr DemoOrganization kInitech{"J0RlgLKOmxgJTeKdNnFRIBXuDL", "Initech", "initech"};
inline constexpr const char *kInitechIdentifier =
    "https://login.microsoftonline.com/8f3c2a1e-5b7d-4c9e-a2f6-1d0b3e4c5a69/v2.0";
inline constexpr const char *kInitechClientId = "5d1f0c7e-2b8a-4e39-9c61-7a4f3e2d1b0c";

// No SSO, every permission.
inline constexpr DemoOrganization kUmbrella{"7DxtpYlSXpfKtHF4vUCsMehGAk", "Umbrella Research",
                                            "umbrella"};

// No SSO; the admin may read but not update it: permissions
// {"organizations": {"read": true, "update": false}, ...}. Write calls answer 403.
inline constexpr DemoOrganization kStark{"Wvj7FAc9QeWJKY40uvSwMFLZDe", "Stark Industries", "stark"};

// SSO enabled through Google, secret set; the connection carries fields newer servers add
// ("login_url", "protocols.openid.external_id_claim") that clients must keep and show raw.
inline constexpr DemoOrganization kWayne{"1f8rESQedUStPKR0CsTy4Qwb8D", "Wayne Enterprises",
                                         "wayne"};
inline constexpr const char *kWayneIdentifier = "https://accounts.google.com";
inline constexpr const char *kWayneClientId =
    "123456789012-k3f9q2m1v8d7s6a5p4o3i2u1y0t9r8e7.apps.googleusercontent.com";

// Members (Seed, SeedMembers.cpp). `source` of a member with a Keycard account: the API does not
// document Keycard's own issuer, so the sandbox uses this value of its own (docs/api.md).
inline constexpr const char *kKeycardIssuer = "https://id.keycard.ai";
// Acme: 2 active administrators with Keycard accounts, the rest through Okta (the safe case).
// Initech: every active administrator signs in through Entra ID (the dangerous case: changing
//   the issuer or disabling SSO locks every administrator out); its one Keycard administrator
//   is disabled.
// Wayne: 1 active administrator with a Keycard account (fewer than the 2 advised), and one
//   member whose source is another issuer (an earlier Okta tenant).
// Globex, Umbrella: no SSO, every member has a Keycard account.
// Stark: members may be listed and read, not updated or removed, and invitations not created
//   or revoked (users.update/delete and invitations.create/delete false).
inline constexpr const char *kWayneOldIssuer = "https://wayne.okta.com";

inline constexpr DemoOrganization kAll[] = {kAcme, kGlobex, kInitech, kUmbrella, kStark, kWayne};

// Permission that gates enabling, updating and disabling SSO on an organization.
inline constexpr const char *kWriteResource = "organizations";
inline constexpr const char *kWritePermission = "update";

} // namespace keycard::sandbox::demo
