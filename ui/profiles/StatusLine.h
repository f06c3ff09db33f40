#pragma once

#include <QWidget>

class QLabel;

namespace keycard::ui {

// One line of outcome under a form: an icon and wrapped, selectable text, coloured for success
// and errors in light and dark palettes. The text label is named `<name>` and carries the
// property "statusKind" (none, busy, success, error, note) for tests.
class StatusLine : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { None, Busy, Success, Error, Note };

    explicit StatusLine(const QString &name, QWidget *parent = nullptr);

    void setStatus(Kind kind, const QString &text);
    void clear() { setStatus(Kind::None, {}); }
    Kind kind() const { return m_kind; }
    QString text() const;

    // Colours readable on the palette's window (or base) colour.
    static QColor errorColor(const QPalette &palette);
    static QColor successColor(const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    Kind m_kind = Kind::None;
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace keycard::ui
