#pragma once

#include <QWidget>

class QFormLayout;
class QJsonObject;
class QJsonValue;
class QLabel;
class QToolButton;

namespace keycard {

// One read-only value: selectable text, a Copy button and, for URLs, Open in browser.
// A missing value shows an explanation ("Not provided") in a muted style, without buttons.
class ValueField : public QWidget
{
    Q_OBJECT
public:
    enum Option { NoOptions = 0, Copyable = 1, Openable = 2 };
    Q_DECLARE_FLAGS(Options, Option)

    // `name` is used for objectNames ("<name>Value", "<name>Copy", "<name>Open") and
    // accessible names (`accessibleLabel`).
    ValueField(const QString &name, const QString &accessibleLabel, Options options = Copyable,
               QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &toolTip = {});
    void setMissing(const QString &explanation);
    // A JSON value as the server sent it: strings as they are, null as a muted "null", anything
    // else as compact JSON.
    void setJsonValue(const QJsonValue &value);
    // One row per member of `object` not in `skip` (fields this version does not know), each
    // a ValueField named "<namePrefix><key>". Returns the number of rows added.
    static int addJsonRows(QFormLayout *form, QWidget *parent, const QJsonObject &object,
                           const QStringList &skip, const QString &namePrefix, Options options);
    QString value() const { return m_value; }
    bool isMissing() const { return m_missing; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Shows m_value, elided in the middle ("…") when it is wider than the space the field has
    // (the tooltip and the Copy button always carry the whole value), or the explanation of a
    // missing value, elided at its end (then with the whole explanation as tooltip).
    void showValue();

    QLabel *m_label;
    QToolButton *m_copy = nullptr;
    QToolButton *m_open = nullptr;
    QString m_value;
    QString m_explanation; // why the value is missing (setMissing())
    bool m_missing = true;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ValueField::Options)

} // namespace keycard
