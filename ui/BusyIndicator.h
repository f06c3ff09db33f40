#pragma once

#include <QTimer>
#include <QWidget>

namespace keycard {

// A small spinning arc shown while a request is in flight; takes no space when idle unless
// `keepSpace` is set.
class BusyIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    void setRunning(bool running);
    bool isRunning() const { return m_timer.isActive(); }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QTimer m_timer;
    int m_angle = 0;
};

} // namespace keycard
