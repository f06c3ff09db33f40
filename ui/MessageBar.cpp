#include "MessageBar.h"

#include "DisplayText.h"
#include "ErrorAdvice.h"
#include "Format.h"
#include "Icons.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard {

namespace {

// The longest server message a bar shows (cut in the middle beyond).
constexpr int kServerMessageChars = 400;

// Screen readers announce the bar as an alert rather than as a plain frame.
QAccessibleInterface *accessibleMessageBar(const QString &className, QObject *object)
{
    if (className == QLatin1String("keycard::MessageBar") && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::AlertMessage);
    return nullptr;
}

QColor kindColor(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Warning:
        return {0xf9, 0xa8, 0x25};
    case MessageBar::Kind::Error:
        return {0xd7, 0x3a, 0x3a};
    case MessageBar::Kind::Success:
        return {0x2e, 0xa0, 0x43};
    case MessageBar::Kind::Information:
        break;
    }
    return {0x42, 0x85, 0xf4};
}

QString kindIcon(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Warning:
        return QStringLiteral("warning");
    case MessageBar::Kind::Error:
        return QStringLiteral("error");
    case MessageBar::Kind::Success:
        return QStringLiteral("granted");
    case MessageBar::Kind::Information:
        break;
    }
    return QStringLiteral("info");
}

QLabel *makeLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A word-wrapped label is at least as wide as its longest word: a server message with a
    // very long one (an id, a URL) would widen the window. The bar takes the width it is given.
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 12);
    return label;
}

} // namespace

MessageBar::MessageBar(const QString &name, QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(makeLabel(name + QStringLiteral("Title"), this))
    , m_text(makeLabel(name + QStringLiteral("Text"), this))
    , m_requestIdLine(makeLabel(name + QStringLiteral("RequestId"), this))
    , m_actionBox(new QWidget(this))
    , m_close(new QToolButton(this))
    , m_row(new QHBoxLayout(this))
    , m_column(new QVBoxLayout)
{
    static const bool accessible = [] {
        QAccessible::installFactory(accessibleMessageBar);
        return true;
    }();
    Q_UNUSED(accessible)
    setObjectName(name);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_close->setObjectName(name + QStringLiteral("Close"));
    m_close->setAccessibleName(tr("Dismiss"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAutoRaise(true);
    m_close->setIcon(icons::get(QStringLiteral("close")));
    m_close->setVisible(false);
    auto *actions = new QHBoxLayout(m_actionBox);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addStretch(1);

    m_column->setSpacing(2);
    m_column->addWidget(m_title);
    m_column->addWidget(m_text);
    m_column->addWidget(m_requestIdLine);
    m_row->setContentsMargins(8, 6, 6, 6);
    m_row->addWidget(m_icon, 0, Qt::AlignVCenter);
    m_row->addLayout(m_column, 1);
    m_row->addWidget(m_actionBox, 0, Qt::AlignVCenter);
    m_row->addWidget(m_close, 0, Qt::AlignVCenter);

    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    clear();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &requestId,
                             const QString &title)
{
    m_kind = kind;
    m_requestId = requestId;
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_text->setText(text);
    m_requestIdLine->setText(requestId.isEmpty() ? QString() : tr("Request ID: %1").arg(requestId));
    m_requestIdLine->setVisible(!requestId.isEmpty());
    static const char *const names[] = {QT_TR_NOOP("Notice"), QT_TR_NOOP("Warning"),
                                        QT_TR_NOOP("Error"), QT_TR_NOOP("Success")};
    setAccessibleName(tr(names[int(kind)]));
    QStringList lines{title, text, m_requestIdLine->text()};
    lines.removeAll(QString());
    setAccessibleDescription(lines.join(QLatin1Char('\n')));
    applyKind();
    show();
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void MessageBar::showError(const ApiError &error, const QString &advice, const QString &title)
{
    QString text = ApiError::kindTitle(error.kind);
    if (!error.message.isEmpty()) // the server's words: shown, never acting, and bounded
        text += QStringLiteral(": ") + format::shortText(error.message, kServerMessageChars);
    if (error.httpStatus > 0)
        text += tr(" (HTTP %1)").arg(error.httpStatus);
    if (!advice.isEmpty())
        text += QLatin1Char('\n') + advice;
    showMessage(Kind::Error, text, displayText(error.requestId), title);
}

void MessageBar::showApiError(const QString &title, const ApiError &error)
{
    showError(error, errorAdvice(error), title);
    setActions(m_retry && retryCanHelp(error) ? QList<QPushButton *>{m_retry}
                                              : QList<QPushButton *>{});
}

void MessageBar::clear()
{
    m_text->clear();
    m_requestId.clear();
    setActions({});
    hide();
}

QString MessageBar::text() const
{
    return m_text->text();
}

QPushButton *MessageBar::addAction(const QString &objectName, const QString &text,
                                   const QIcon &icon)
{
    auto *button = new QPushButton(icon, text, m_actionBox);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    button->setVisible(false);
    m_actionBox->layout()->addWidget(button);
    m_actions.append(button);
    return button;
}

QPushButton *MessageBar::addRetryAction()
{
    m_retry = addAction(QStringLiteral("retryButton"), tr("&Retry"),
                        icons::get(QStringLiteral("refresh")));
    m_retry->setAccessibleName(tr("Retry"));
    connect(m_retry, &QPushButton::clicked, this, &MessageBar::clear);
    return m_retry;
}

void MessageBar::setActions(const QList<QPushButton *> &visible)
{
    for (QPushButton *button : std::as_const(m_actions))
        button->setVisible(visible.contains(button));
    m_actionBox->setVisible(!visible.isEmpty());
    // One button sits beside the text; a row of them goes under it, leaving the text its width.
    const bool below = visible.size() > 1;
    if (below == (m_column->indexOf(m_actionBox) >= 0))
        return;
    m_row->removeWidget(m_actionBox);
    m_column->removeWidget(m_actionBox);
    if (below)
        m_column->addWidget(m_actionBox);
    else
        m_row->insertWidget(2, m_actionBox, 0, Qt::AlignVCenter);
}

void MessageBar::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A hidden bar is coloured when it next shows: most windows never show one.
    if (!m_updating && !isHidden() &&
        (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        applyKind();
}

void MessageBar::applyKind()
{
    // The kind's colour over the surrounding window colour keeps the text readable on light and
    // dark palettes.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    const QColor window = base.color(QPalette::Window);
    const QColor tint = kindColor(m_kind);
    const qreal mix = window.lightness() < 128 ? 0.24 : 0.15;
    const QColor background = QColor::fromRgbF(window.redF() * (1 - mix) + tint.redF() * mix,
                                               window.greenF() * (1 - mix) + tint.greenF() * mix,
                                               window.blueF() * (1 - mix) + tint.blueF() * mix);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    m_updating = true; // setPalette() sends a PaletteChange of its own
    setPalette(pal);
    m_updating = false;
    // Our own SVGs: the style's message box icons come from the desktop icon theme, and looking
    // one up (a scan of the theme's folders) costs milliseconds at start-up on X11.
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(icons::get(kindIcon(m_kind)).pixmap(size, size));
}

} // namespace keycard
