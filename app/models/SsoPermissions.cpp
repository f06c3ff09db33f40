#include "SsoPermissions.h"

#include <QCoreApplication>

namespace keycard {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard", text);
}

} // namespace

std::optional<QString> missingSsoPermission(const std::optional<Permissions> &organization,
                                            const std::optional<Permissions> &connection)
{
    const QString resource = QString::fromLatin1(kSsoWriteResource);
    const QString permission = QString::fromLatin1(kSsoWritePermission);
    for (const auto *p : {&connection, &organization}) {
        if (!*p)
            continue;
        const std::optional<bool> granted = (*p)->allows(resource, permission);
        if (granted == false)
            return tr("Requires the %1.%2 permission").arg(resource, permission);
        if (granted == true)
            return std::nullopt;
    }
    return std::nullopt;
}

SsoActionState ssoActionState(SsoAction action, const Organization *organization,
                              const std::optional<Permissions> &connectionPermissions)
{
    if (!organization)
        return {false, tr("Select an organization first")};
    const QString name = displayName(*organization);
    if (!organization->ssoEnabled)
        return {false, tr("Whether SSO is enabled for %1 is not known yet: refresh (F5) to ask "
                          "the server again")
                           .arg(name)};
    if (action == SsoAction::Enable && *organization->ssoEnabled)
        return {false, tr("SSO is already enabled for %1").arg(name)};
    if (action != SsoAction::Enable && !*organization->ssoEnabled)
        return {false, tr("SSO is not enabled for %1").arg(name)};
    if (const auto missing = missingSsoPermission(
            organization->permissions,
            action == SsoAction::Enable ? std::optional<Permissions>() : connectionPermissions))
        return {false, *missing};
    switch (action) {
    case SsoAction::Enable:
        return {true, tr("Enable single sign-on for %1").arg(name)};
    case SsoAction::Edit:
        return {true, tr("Edit the SSO connection of %1").arg(name)};
    case SsoAction::Disable:
        return {true, tr("Disable single sign-on for %1").arg(name)};
    }
    return {};
}

} // namespace keycard
