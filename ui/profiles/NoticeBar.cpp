#include "NoticeBar.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace keycard::ui {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("profileNotice"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("profileNoticeText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("profileNoticeAction"));
    m_close->setObjectName(QStringLiteral("profileNoticeClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(keycard::icons::get(QStringLiteral("close")));
    m_close->setToolTip(tr("Hide this notice"));
    m_close->setAccessibleName(tr("Hide notice"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignVCenter);

    connect(m_action, &QPushButton::clicked, this, &NoticeBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    clear();
}

void NoticeBar::showNotice(Level level, const QString &text, const QString &actionText)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_level = level;
    m_text->setText(text);
    setAccessibleDescription(text);
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    updateColors();
    show();
}

void NoticeBar::clear()
{
    m_text->clear();
    m_action->setVisible(false);
    hide();
}

QString NoticeBar::text() const
{
    return m_text->text();
}

bool NoticeBar::isActionVisible() const
{
    return !m_action->isHidden();
}

void NoticeBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (!m_updating &&
        (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        updateColors();
}

void NoticeBar::updateColors()
{
    // Tint the window colour towards blue (info) or amber (warning), in light and dark themes.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    const QColor window = base.color(QPalette::Window);
    const bool dark = window.lightness() < 128;
    const QColor tint =
        m_level == Level::Warning ? QColor(0xf9, 0xa8, 0x25) : QColor(0x42, 0x85, 0xf4);
    const qreal mix = dark ? 0.22 : 0.14;
    const QColor background = QColor::fromRgbF(window.redF() * (1 - mix) + tint.redF() * mix,
                                               window.greenF() * (1 - mix) + tint.greenF() * mix,
                                               window.blueF() * (1 - mix) + tint.blueF() * mix);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    m_updating = true; // setPalette() sends a PaletteChange of its own
    setPalette(pal);
    m_updating = false;
    // Our own SVGs: the style's message box icons come from the desktop icon theme, and
    // looking one up (a scan of the theme's folders) cost milliseconds at start-up on X11.
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QString icon =
        m_level == Level::Warning ? QStringLiteral("warning") : QStringLiteral("info");
    m_icon->setPixmap(keycard::icons::get(icon).pixmap(size, size));
}

} // namespace keycard::ui
