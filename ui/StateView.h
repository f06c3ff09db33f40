#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace keycard {

class BusyIndicator;

// A centered message that stands in for content: loading, empty, "nothing matches", errors.
class StateView : public QWidget
{
    Q_OBJECT
public:
    explicit StateView(QWidget *parent = nullptr);

    // An empty icon name hides the icon; `busy` shows a spinner instead of the icon.
    void setState(const QString &iconName, const QString &title, const QString &text = {},
                  bool busy = false);
    // The optional action button (hidden until given text).
    QPushButton *button() const { return m_button; }
    void setButton(const QString &text, const QString &iconName = {});
    QString title() const;
    QString text() const;

private:
    QLabel *m_icon;
    BusyIndicator *m_busy;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_button;
};

} // namespace keycard
