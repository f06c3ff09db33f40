#pragma once

#include <QStackedWidget>

namespace keycard {

class StateView;

// The two faces of a detail pane: its content in a vertically scrolling area (long values clip,
// with a tooltip, rather than scroll sideways), or a StateView (loading, empty, error) in its
// place. objectNames: "<name>Scroll", "<name>StateView".
class PaneStack : public QStackedWidget
{
public:
    PaneStack(const QString &name, QWidget *content, QWidget *parent);

    StateView *stateView() const { return m_state; }
    void showContent();
    void showStateView();

private:
    StateView *m_state;
};

} // namespace keycard
