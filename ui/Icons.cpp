#include "Icons.h"

#include <QFile>
#include <QHash>

static void initKeycardResources()
{
    Q_INIT_RESOURCE(keycard);
}

namespace keycard::icons {

QIcon get(const QString &name)
{
    static const bool initialized = (initKeycardResources(), true);
    Q_UNUSED(initialized);
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/ui/%1.svg").arg(name)));
    return *it;
}

QIcon application()
{
    return get(QStringLiteral("keycard"));
}

} // namespace keycard::icons
