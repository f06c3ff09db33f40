#include "StatusLine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace keycard::ui {

namespace {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}
} // namespace

QColor StatusLine::errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QColor StatusLine::successColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
}

StatusLine::StatusLine(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Line"));
    m_icon->setObjectName(name + QStringLiteral("Icon"));
    m_text->setObjectName(name);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 2);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    clear();
}

QString StatusLine::text() const
{
    return m_text->text();
}

void StatusLine::setStatus(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    static const char *const names[] = {"none", "busy", "success", "error", "note"};
    m_text->setProperty("statusKind", QString::fromLatin1(names[int(kind)]));
    m_text->setAccessibleName(text);
    applyColors();
}

void StatusLine::applyColors()
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QPalette pal = palette();
    switch (m_kind) {
    case Kind::Success:
        icon = QStyle::SP_DialogApplyButton;
        pal.setColor(QPalette::WindowText, successColor(palette()));
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        pal.setColor(QPalette::WindowText, errorColor(palette()));
        break;
    case Kind::Busy:
        icon = QStyle::SP_BrowserReload;
        break;
    case Kind::Note:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::None:
        break;
    }
    m_text->setPalette(pal);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_icon->setVisible(m_kind != Kind::None);
}

void StatusLine::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColors();
}

} // namespace keycard::ui
