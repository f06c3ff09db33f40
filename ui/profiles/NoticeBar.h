#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace keycard::ui {

// A slim line over the window's content that says where the data comes from when that needs
// saying: the sandbox (with "Connect to Keycard…"), environment variables in use, or a keychain
// that is not available. Follows the palette (readable in dark themes).
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Info, Warning };

    explicit NoticeBar(QWidget *parent = nullptr);

    // `actionText` empty hides the button. An empty `text` hides the bar.
    void showNotice(Level level, const QString &text, const QString &actionText = {});
    void clear();
    QString text() const;
    bool isActionVisible() const;

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    Level m_level = Level::Info;
    bool m_updating = false;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
};

} // namespace keycard::ui
