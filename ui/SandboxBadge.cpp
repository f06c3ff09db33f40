#include "SandboxBadge.h"

#include <QPainter>

namespace keycard {

namespace {
// Fixed colors that read the same on light and dark palettes.
const QColor kBackground(0xf2, 0xb6, 0x00);
const QColor kText(0x1f, 0x1f, 0x1f);
constexpr qreal kRadius = 4;
} // namespace

SandboxBadge::SandboxBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("sandboxBadge"));
    setText(tr("Sandbox — demo data"));
    setAccessibleName(tr("Sandbox — demo data"));
    setToolTip(tr("The app is running on its built-in sandbox: a local server with demo "
                  "organizations. Nothing here reaches Keycard, and changes are forgotten "
                  "when the app closes."));
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setContentsMargins(14, 3, 14, 3); // QLabel's size hint includes them
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
}

void SandboxBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kBackground);
    painter.drawRoundedRect(QRectF(rect()), kRadius, kRadius);
    painter.setPen(kText);
    painter.drawText(contentsRect(), Qt::AlignCenter | Qt::TextSingleLine, text());
}

} // namespace keycard
