#include "Announce.h"

#include <QAccessible>
#include <QWidget>
#include <QtGlobal>

namespace keycard::ui {

namespace {
AnnouncementObserver g_observer = nullptr;
} // namespace

void setAnnouncementObserver(AnnouncementObserver observer)
{
    g_observer = observer;
}

void announce(QWidget *source, const QString &message)
{
    if (!source || message.isEmpty())
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(source, message);
    QAccessible::updateAccessibility(&event);
#else
    source->setAccessibleDescription(message);
    QAccessibleEvent event(source, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
#endif
    if (g_observer)
        g_observer(source, message);
}

} // namespace keycard::ui
