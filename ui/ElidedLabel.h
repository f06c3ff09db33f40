#pragma once

#include <QLabel>

namespace keycard {

// A one-line label for a server value (an organization's name or label): plain text, through
// displayText(), elided in the middle when it is wider than the room it gets (the tooltip then
// carries the whole value), and never wider than that room: a long value cannot widen the
// window. text() is what shows; fullText() the whole value.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &serverValue);
    QString fullText() const { return m_full; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace keycard
