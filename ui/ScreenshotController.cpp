#include "ScreenshotController.h"

#include "MainWindow.h"
#include "OrganizationBrowser.h"

#include <QCoreApplication>
#include <QPixmap>

#include <cstdio>

namespace keycard {

ScreenshotController::ScreenshotController(MainWindow *window, QString file, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_file(std::move(file))
{
    connect(window, &MainWindow::detailsLoaded, this, [this] {
        // Let the panes lay out and paint once more before grabbing.
        QTimer::singleShot(150, this, &ScreenshotController::capture);
    });
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(30000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("keycard-admin: nothing loaded within 30 s; capturing the "
                                   "window as it is")));
        capture();
    });
    m_timeout.start();
    // The list loaded but selects nothing (empty list or error): capture that state too.
    connect(window->browser()->model(), &OrganizationListModel::stateChanged, this, [this] {
        const auto *model = m_window->browser()->model();
        if (model->state() == OrganizationListModel::State::Error ||
            (model->hasLoadedOnce() && model->rowCount() == 0))
            QTimer::singleShot(300, this, &ScreenshotController::capture);
    });
}

void ScreenshotController::capture()
{
    if (m_done)
        return;
    m_done = true;
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(m_file, "PNG")) {
        std::fprintf(stderr, "%s\n", qPrintable(tr("keycard-admin: cannot write %1").arg(m_file)));
        QCoreApplication::exit(1);
        return;
    }
    QCoreApplication::exit(0);
}

} // namespace keycard
