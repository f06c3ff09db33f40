#pragma once

#include "Models.h"

#include <QString>

#include <optional>

// Who may enable, edit and disable SSO: the permission rules behind the window's SSO actions.
// Widget-free (QtCore only).
namespace keycard {

enum class SsoAction { Enable, Edit, Disable };

// Whether an SSO action may be offered for an organization, and the tooltip saying why (not).
struct SsoActionState
{
    bool enabled = false;
    QString toolTip;
};

// The permission that gates enabling, updating and disabling SSO (docs/api.md, "SSO connection").
inline constexpr const char *kSsoWriteResource = "organizations";
inline constexpr const char *kSsoWritePermission = "update";

// nullopt when the permissions that were reported allow writing SSO settings, or when none
// were reported (the server then decides); otherwise the reason, naming the missing permission:
// "Requires the organizations.update permission".
std::optional<QString> missingSsoPermission(const std::optional<Permissions> &organization,
                                            const std::optional<Permissions> &connection = {});

// State of an action for `organization` (null: nothing selected). `connectionPermissions` are
// those reported with the connection (expand[]=permissions), when it was loaded.
SsoActionState ssoActionState(SsoAction action, const Organization *organization,
                              const std::optional<Permissions> &connectionPermissions = {});

} // namespace keycard
