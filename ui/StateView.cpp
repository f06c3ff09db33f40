#include "StateView.h"

#include "BusyIndicator.h"
#include "Icons.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace keycard {

StateView::StateView(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_busy(new BusyIndicator(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setObjectName(QStringLiteral("stateView"));
    m_icon->setAlignment(Qt::AlignCenter);
    m_busy->setFixedSize(28, 28);
    m_title->setObjectName(QStringLiteral("stateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    m_title->setFont(font);
    m_text->setObjectName(QStringLiteral("stateText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setMaximumWidth(460);
    m_text->setTextFormat(Qt::PlainText);
    m_button->setObjectName(QStringLiteral("stateButton"));
    m_button->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(10);
    layout->addStretch(2);
    layout->addWidget(m_icon, 0, Qt::AlignHCenter);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(6);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

void StateView::setState(const QString &iconName, const QString &title, const QString &text,
                         bool busy)
{
    m_busy->setRunning(busy);
    m_icon->setVisible(!busy && !iconName.isEmpty());
    if (!iconName.isEmpty())
        m_icon->setPixmap(icons::get(iconName).pixmap(40, 40));
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    setAccessibleName(title);
    setAccessibleDescription(text);
}

void StateView::setButton(const QString &text, const QString &iconName)
{
    m_button->setText(text);
    m_button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    m_button->setIcon(iconName.isEmpty() ? QIcon() : icons::get(iconName));
    m_button->setVisible(!text.isEmpty());
}

QString StateView::title() const
{
    return m_title->text();
}

QString StateView::text() const
{
    return m_text->text();
}

} // namespace keycard
