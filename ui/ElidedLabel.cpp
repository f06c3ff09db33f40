#include "ElidedLabel.h"

#include "DisplayText.h"
#include "Format.h"

#include <QEvent>
#include <QFontMetrics>
#include <QResizeEvent>

namespace keycard {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &serverValue)
{
    m_full = displayText(serverValue);
    updateGeometry();
    elide();
}

QSize ElidedLabel::sizeHint() const
{
    // The whole value, up to about 40 characters: a long value asks for no more room than
    // that (it gets whatever its layout gives it, and is elided in it).
    const QMargins m = contentsMargins();
    const int text =
        qMin(fontMetrics().horizontalAdvance(m_full), fontMetrics().averageCharWidth() * 40);
    return {text + m.left() + m.right() + 2 * margin(), QLabel::sizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few characters and the ellipsis: the rest is elided.
    return {qMin(sizeHint().width(), fontMetrics().averageCharWidth() * 6),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        elide();
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    const QFontMetrics metrics = fontMetrics();
    const bool cut = room > 0 && metrics.horizontalAdvance(m_full) > room;
    const QString shown = cut ? metrics.elidedText(m_full, Qt::ElideMiddle, room) : m_full;
    if (text() != shown)
        setText(shown);
    setToolTip(cut ? format::plainToolTip(m_full) : QString());
}

} // namespace keycard
