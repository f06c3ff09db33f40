#include "Theme.h"

#include "AssessingValidator.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace keycard::theme {

namespace {

// Fusion derives frame colours from the window colour (darker), which on a dark palette leaves
// text fields without a visible border and a checked radio button as a faint dot. This draws
// both with enough contrast.
class DarkStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    static QColor border() { return QColor(0x6e, 0x73, 0x7b); }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        switch (element) {
        case PE_FrameLineEdit: {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, true);
            const bool focus = option->state & State_HasFocus;
            const bool enabled = option->state & State_Enabled;
            QColor pen = focus ? option->palette.color(QPalette::Highlight).lighter(130) : border();
            if (!enabled)
                pen = pen.darker(140);
            painter->setPen(QPen(pen, 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
            painter->restore();
            return;
        }
        case PE_IndicatorRadioButton: {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, true);
            const QRectF r = QRectF(option->rect).adjusted(1, 1, -1, -1);
            painter->setPen(QPen(border(), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r);
            if (option->state & State_On) {
                const qreal d = r.width() / 2.2;
                painter->setPen(Qt::NoPen);
                painter->setBrush(option->palette.color(QPalette::Highlight).lighter(150));
                painter->drawEllipse(QRectF(r.center().x() - d / 2, r.center().y() - d / 2, d, d));
            }
            painter->restore();
            return;
        }
        default:
            break;
        }
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
};

} // namespace

void applyDark(QApplication &app)
{
    app.setStyle(new DarkStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor muted(0x8a, 0x8d, 0x92);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb3));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, muted);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3a, 0x3d, 0x42));
    app.setPalette(p);
}

QColor outcomeColor(const QPalette &palette, Outcome outcome)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (outcome) {
    case Outcome::Pass:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Outcome::Warn:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x4b, 0x00);
    case Outcome::Fail:
    case Outcome::Neutral:
        break;
    }
    // The same red and muted text as the forms' field messages.
    return ui::AssessingValidator::messageColor(palette, outcome == Outcome::Fail);
}

} // namespace keycard::theme
