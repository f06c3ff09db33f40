#include "SsoBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace keycard::ui {

SsoBanner::SsoBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("banner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_text);
    m_buttons = new QHBoxLayout;
    m_buttons->addStretch(1);
    layout->addLayout(m_buttons);
    setVisible(false);
}

void SsoBanner::showMessage(Tone tone, const QString &text, const QString &requestId)
{
    m_tone = tone;
    QString full = text;
    if (!requestId.isEmpty())
        full += QLatin1Char('\n') + tr("Request ID: %1").arg(requestId);
    m_text->setText(full);
    setAccessibleName(tone == Tone::Error ? tr("Error") : tr("Notice"));
    setAccessibleDescription(full);
    applyTone();
    setVisible(true);
}

void SsoBanner::showError(const ApiError &error, const QString &hint)
{
    QString text = ApiError::kindTitle(error.kind);
    if (!error.message.isEmpty())
        text += QStringLiteral(": ") + error.message;
    if (error.httpStatus > 0)
        text += tr(" (HTTP %1)").arg(error.httpStatus);
    if (!hint.isEmpty())
        text += QLatin1Char('\n') + hint;
    showMessage(Tone::Error, text, error.requestId);
}

void SsoBanner::clear()
{
    m_text->clear();
    setActions({});
    setVisible(false);
}

QString SsoBanner::text() const
{
    return m_text->text();
}

QPushButton *SsoBanner::addAction(const QString &objectName, const QString &text)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    button->setVisible(false);
    m_buttons->addWidget(button);
    m_actions.append(button);
    return button;
}

void SsoBanner::setActions(const QList<QPushButton *> &visible)
{
    for (QPushButton *b : std::as_const(m_actions))
        b->setVisible(visible.contains(b));
}

void SsoBanner::applyTone()
{
    QPalette pal = palette();
    const QPalette app = parentWidget() ? parentWidget()->palette() : QPalette();
    const bool dark = app.color(QPalette::Window).lightness() < 128;
    QColor background;
    if (m_tone == Tone::Error)
        background = dark ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xec, 0xea);
    else
        background = dark ? QColor(0x1f, 0x3a, 0x5c) : QColor(0xe8, 0xf1, 0xfb);
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, app.color(QPalette::WindowText));
    setPalette(pal);
}

QProgressBar *makeBusyIndicator(QWidget *parent)
{
    auto *busy = new QProgressBar(parent);
    busy->setObjectName(QStringLiteral("busyIndicator"));
    busy->setRange(0, 0);
    busy->setMaximumWidth(120);
    busy->setTextVisible(false);
    busy->setAccessibleName(SsoBanner::tr("Working"));
    return busy;
}

} // namespace keycard::ui
