#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace keycard {

class MainWindow;

// --startup-probe (start-up benchmarks, bench/gui-bench.sh): watches the organization list and,
// at its first paint with at least one organization in it, reports how long the start took and
// asks to quit with 0. Reports and asks to quit with 1 when the list ends empty or in an error,
// or when nothing is painted within 30 s, so a benchmark never waits forever.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    // `sinceStart` was started when the process entered main().
    StartupProbe(MainWindow *window, QElapsedTimer sinceStart, QObject *parent = nullptr);

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // Emitted once. `report` is one line for standard output.
    void finished(const QString &report, int exitCode);

private:
    void finish(const QString &report, int exitCode);

    MainWindow *m_window;
    QElapsedTimer m_sinceStart;
    QTimer m_timeout;
    bool m_painted = false;
    bool m_reported = false;
};

} // namespace keycard
