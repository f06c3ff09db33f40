#include "SessionInfo.h"

#include <QCoreApplication>

namespace keycard {

QString SessionInfo::describe() const
{
    switch (source) {
    case Source::Sandbox:
        return QCoreApplication::translate("SessionInfo", "Sandbox — demo data");
    case Source::Environment:
        return QCoreApplication::translate("SessionInfo", "Environment variables (%1)")
            .arg(baseUrl.toDisplayString());
    case Source::CommandLine:
        return baseUrl.toDisplayString();
    case Source::Profile:
        return QCoreApplication::translate("SessionInfo", "%1 (%2)")
            .arg(profileName, baseUrl.toDisplayString());
    }
    return {};
}

} // namespace keycard
