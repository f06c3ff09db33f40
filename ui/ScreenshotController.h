#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace keycard {

class MainWindow;

// --screenshot FILE: once the list and the selected organization's details have loaded, saves
// the window as a PNG (QWidget::grab) and quits with 0, or with 1 when saving fails or nothing
// loads within the time limit.
class ScreenshotController : public QObject
{
    Q_OBJECT
public:
    ScreenshotController(MainWindow *window, QString file, QObject *parent = nullptr);

private:
    void capture();

    MainWindow *m_window;
    QString m_file;
    QTimer m_timeout;
    bool m_done = false;
};

} // namespace keycard
