#pragma once

#include <QString>
#include <QValidator>

#include <optional>

class QColor;
class QPalette;

namespace keycard::ui {

// What a validator thinks of a field's text, with the words the form shows under the field.
struct FieldAssessment
{
    QValidator::State state = QValidator::Acceptable;
    QString message;            // the rule that is not met; may be set for Acceptable (a note)
    bool canBecomeValid = true; // typing more could still make the text valid
    std::optional<QString> fix; // a corrected value the form offers as one click
    QString fixLabel;           // button text for `fix`, e.g. "Use https://acme.okta.com"

    bool isAcceptable() const { return state == QValidator::Acceptable; }

    // Intermediate, saying `message`.
    static FieldAssessment intermediate(QString message, bool canBecomeValid = true);
    // Acceptable when `problem` is empty, else Intermediate saying it.
    static FieldAssessment fromProblem(const QString &problem);
};

// Base of every form validator (the SSO form's, the Connect dialog's). validate() never answers
// Invalid: QLineEdit silently drops a keystroke or a paste that makes the text Invalid, which
// leaves people guessing. Text that breaks a rule is Intermediate instead, and assess() supplies
// the message the form shows under the field (and the submit button stays disabled).
// canBecomeValid tells whether typing more can still help (an empty field, a partial UUID) or
// the text must be edited (too long).
class AssessingValidator : public QValidator
{
    Q_OBJECT
public:
    using QValidator::QValidator;

    virtual FieldAssessment assess(const QString &text) const = 0;

    State validate(QString &input, int &pos) const override;
    // The message of an unacceptable text; empty when the text is acceptable.
    QString problem(const QString &text) const;

    // Colour of the inline message: red (readable on light and dark palettes) for an error,
    // the muted placeholder colour for a hint.
    static QColor messageColor(const QPalette &palette, bool error);
};

} // namespace keycard::ui
