#pragma once

#include <QIcon>
#include <QString>

namespace keycard::icons {

// An SVG icon from resources/icons/ui/ by base name ("refresh", "sso-on", ...).
QIcon get(const QString &name);
// The window icon.
QIcon application();

} // namespace keycard::icons
