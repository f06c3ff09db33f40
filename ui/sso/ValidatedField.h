#pragma once

#include "SsoValidators.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QHBoxLayout;

namespace keycard::ui {

// A line edit with its validator, the inline message under it naming the rule that is not met
// (or the server's complaint about the field) and an optional one-click fix. objectNames derive
// from `name`: "<name>Edit", "<name>Message", "<name>Fix".
class ValidatedField : public QWidget
{
    Q_OBJECT
public:
    // Takes ownership of `validator` (may be null: every text is acceptable).
    ValidatedField(const QString &name, AssessingValidator *validator, QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QHBoxLayout *editRow() const { return m_editRow; } // for extra buttons beside the edit
    QString text() const;
    void setText(const QString &text);

    // The text is acceptable and no server error is pending for it.
    bool isAcceptable() const;
    // The message shown under the field ("" when none); what the submit tooltip quotes.
    QString problem() const;
    FieldAssessment assessment() const;

    // An error the server reported for this field; cleared when the text changes.
    void setServerError(const QString &message);
    // Recomputes the message (e.g. after the validator's settings changed).
    void revalidate();
    void setLocked(bool locked);

Q_SIGNALS:
    void stateChanged();

private:
    void update();
    void applyFix();

    QLineEdit *m_edit = nullptr;
    QHBoxLayout *m_editRow = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_fix = nullptr;
    AssessingValidator *m_validator = nullptr;
    QString m_serverError;
    std::optional<QString> m_fixValue;
};

// `label` with an Alt mnemonic on the first `letter` in it (any case), or on its first
// character when there is none: "Client secret", 's' -> "Client &secret".
QString withMnemonic(const QString &label, char16_t letter);

} // namespace keycard::ui
