#include "StartupProbe.h"

#include "MainWindow.h"
#include "OrganizationBrowser.h"

#include <QEvent>
#include <QTableView>

namespace keycard {

StartupProbe::StartupProbe(MainWindow *window, QElapsedTimer sinceStart, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sinceStart(sinceStart)
{
    window->browser()->tableView()->viewport()->installEventFilter(this);
    auto *model = window->browser()->model();
    connect(model, &OrganizationListModel::stateChanged, this, [this, model] {
        if (model->state() == OrganizationListModel::State::Error)
            finish(tr("startup-probe: the organization list failed to load: %1")
                       .arg(model->lastError().message),
                   1);
        else if (model->hasLoadedOnce() && model->rowCount() == 0)
            finish(tr("startup-probe: the organization list is empty"), 1);
    });
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(30000);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { finish(tr("startup-probe: nothing painted within 30 s"), 1); });
    m_timeout.start();
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        const int rows = m_window->browser()->model()->rowCount();
        if (rows > 0) {
            m_painted = true;
            // Runs once this paint is done, so the time includes it: a posted event of normal
            // priority, ahead of work queued behind the repaint (the window's first selection).
            QMetaObject::invokeMethod(
                this,
                [this, rows] {
                    finish(
                        tr("startup-probe: first paint after %1 ms, organizations in the list: %2")
                            .arg(m_sinceStart.elapsed())
                            .arg(rows),
                        0);
                },
                Qt::QueuedConnection);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::finish(const QString &report, int exitCode)
{
    if (m_reported)
        return;
    m_reported = true;
    m_timeout.stop();
    Q_EMIT finished(report, exitCode);
}

} // namespace keycard
