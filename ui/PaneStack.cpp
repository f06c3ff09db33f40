#include "PaneStack.h"

#include "StateView.h"

#include <QScrollArea>

namespace keycard {

PaneStack::PaneStack(const QString &name, QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_state(new StateView(this))
{
    setObjectName(name + QStringLiteral("Stack"));
    m_state->setObjectName(name + QStringLiteral("StateView"));
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(name + QStringLiteral("Scroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    addWidget(scroll);
    addWidget(m_state);
}

void PaneStack::showContent()
{
    setCurrentIndex(0);
}

void PaneStack::showStateView()
{
    setCurrentWidget(m_state);
}

} // namespace keycard
