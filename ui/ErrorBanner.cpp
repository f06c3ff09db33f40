#include "ErrorBanner.h"

#include "ErrorAdvice.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_requestId(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon->setMinimumSize(20, 20); // the pixmap is rendered when the banner first shows
    m_icon->setAlignment(Qt::AlignTop);
    m_title->setObjectName(QStringLiteral("errorTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requestId->setObjectName(QStringLiteral("errorRequestId"));
    m_requestId->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Retry"));
    m_retry->setIcon(icons::get(QStringLiteral("refresh")));
    m_close->setObjectName(QStringLiteral("dismissErrorButton"));
    m_close->setAccessibleName(tr("Dismiss"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAutoRaise(true);
    m_close->setIcon(icons::get(QStringLiteral("close")));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_message);
    text->addWidget(m_requestId);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(10, 8, 6, 8);
    row->addWidget(m_icon);
    row->addLayout(text, 1);
    row->addWidget(m_retry, 0, Qt::AlignTop);
    row->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    updateColors();
    hide();
}

void ErrorBanner::showError(const QString &what, const ApiError &error)
{
    m_title->setText(what);
    QString message = ApiError::kindTitle(error.kind);
    if (!error.message.isEmpty())
        message += QStringLiteral(": ") + error.message;
    if (error.httpStatus > 0)
        message += tr(" (HTTP %1)").arg(error.httpStatus);
    // What to check, and Retry only where sending the request again can help.
    const QString advice = errorAdvice(error);
    if (!advice.isEmpty())
        message += QLatin1Char('\n') + advice;
    m_retry->setVisible(retryCanHelp(error));
    m_message->setText(message);
    m_requestIdText = error.requestId;
    m_requestId->setText(error.requestId.isEmpty() ? QString()
                                                   : tr("Request ID: %1").arg(error.requestId));
    m_requestId->setVisible(!error.requestId.isEmpty());
    setAccessibleDescription(what + QLatin1Char(' ') + message);
    show();
}

void ErrorBanner::setRetryVisible(bool visible)
{
    m_retry->setVisible(visible);
}

QString ErrorBanner::message() const
{
    return m_message->text();
}

void ErrorBanner::showEvent(QShowEvent *event)
{
    // Most windows never show an error: render the icon only for the one that does.
    if (m_icon->pixmap().isNull())
        m_icon->setPixmap(icons::get(QStringLiteral("error")).pixmap(20, 20));
    QFrame::showEvent(event);
}

void ErrorBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

void ErrorBanner::updateColors()
{
    // A red tint over the base color keeps the text readable on light and dark palettes.
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Base)
                                       : palette().color(QPalette::Base);
    const QColor red(0xd7, 0x3a, 0x3a);
    const qreal a = 0.16;
    const QColor tint(int(base.red() * (1 - a) + red.red() * a),
                      int(base.green() * (1 - a) + red.green() * a),
                      int(base.blue() * (1 - a) + red.blue() * a));
    QPalette pal = palette();
    if (pal.color(QPalette::Window) == tint)
        return;
    pal.setColor(QPalette::Window, tint);
    setPalette(pal);
}

} // namespace keycard
