#include "StateView.h"

#include "BusyIndicator.h"
#include "Icons.h"

#include <QHBoxLayout>
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
    m_title->setTextFormat(Qt::PlainText); // titles may name an organization: never markup
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    m_title->setFont(font);
    m_text->setObjectName(QStringLiteral("stateText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_button->setObjectName(QStringLiteral("stateButton"));
    m_button->hide();

    // Word-wrapped labels only get their height-for-width when the layout gives them the full
    // width of their column, so the column itself is what is centered and width-limited.
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("stateColumn"));
    column->setMaximumWidth(480);
    auto *inner = new QVBoxLayout(column);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->setSpacing(10);
    inner->addWidget(m_icon);
    inner->addWidget(m_busy, 0, Qt::AlignHCenter);
    inner->addWidget(m_title);
    inner->addWidget(m_text);
    inner->addSpacing(6);
    inner->addWidget(m_button, 0, Qt::AlignHCenter);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(2);
    layout->addLayout(row);
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
