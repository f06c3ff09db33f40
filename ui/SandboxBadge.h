#pragma once

#include <QLabel>

namespace keycard {

// The "Sandbox — demo data" badge in the toolbar: bold dark text on an amber rounded
// rectangle, the same on light and dark palettes. Painted directly: a style sheet would put
// the whole application under QStyleSheetStyle at start-up for one label.
class SandboxBadge : public QLabel
{
    Q_OBJECT
public:
    explicit SandboxBadge(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace keycard
