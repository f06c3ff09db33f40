#include "Icons.h"

#include <QHash>

static void initKeycardResources()
{
    Q_INIT_RESOURCE(keycard);
}

namespace keycard::icons {

namespace {
void ensureResources()
{
    // keycard_resources is a static library: registering explicitly keeps the linker from
    // dropping the compiled-in icons.
    static const bool initialized = (initKeycardResources(), true);
    Q_UNUSED(initialized);
}
} // namespace

QIcon get(const QString &name)
{
    ensureResources();
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/ui/%1.svg").arg(name)));
    return *it;
}

QIcon application()
{
    // The packaged application icon (resources/icons/app), the same one the desktop file uses.
    ensureResources();
    static const QIcon icon(QStringLiteral(":/icons/app/keycard-admin.svg"));
    return icon;
}

} // namespace keycard::icons
