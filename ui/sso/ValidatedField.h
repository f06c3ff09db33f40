#pragma once

#include "SsoValidators.h"

#include <QPointer>
#include <QWidget>

class QToolButton;

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
    // A button beside the edit (Show, New): Tab visits the edit, the buttons beside it, then the
    // one-click fix under it, as they are shown.
    void addBeside(QWidget *widget);
    // The edit, the widgets beside it and the fix, in Tab order.
    QList<QWidget *> focusOrder() const;
    // Optional fields may drop the line kept for the message while there is none (a compact
    // form); by default it stays reserved so that fields below do not move.
    void setMessageLineReserved(bool reserved);
    QString text() const;
    void setText(const QString &text);

    // The text is acceptable and no server error is pending for it.
    bool isAcceptable() const;
    // The message shown under the field ("" when none); what the submit tooltip quotes.
    QString problem() const;
    FieldAssessment assessment() const;

    // A value Keycard accepted earlier (the connection's current one): while the text equals it,
    // a rule it fails today is shown as a warning and does not block (an issuer stored before
    // the https rule must not stop a secret rotation). nullopt: every value is checked.
    void setUnchangedValue(const std::optional<QString> &value);
    // The text equals the unchanged value and fails today's rules (shown as a warning).
    bool isToleratedAsUnchanged() const;

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
    QList<QWidget *> m_beside;
    std::optional<QString> m_unchanged;
    bool m_reserveLine = true;
    AssessingValidator *m_validator = nullptr;
    QString m_serverError;
    std::optional<QString> m_fixValue;
};

// Every label under `root` whose buddy is a ValidatedField names the field's edit instead: its
// Alt mnemonic focuses the edit (the field's wrapper takes no focus of its own).
void pointBuddiesAtEdits(QWidget *root);

// `label` with an Alt mnemonic on the first `letter` in it (any case), or on its first
// character when there is none: "Client secret", 's' -> "Client &secret".
QString withMnemonic(const QString &label, char16_t letter);

// The client id and client secret fields that both SSO forms ask for (the Enable wizard's Client
// page and the Edit form), made one way: FieldRules' validators, accessible names from the
// rules, placeholders, and the secret's Show / Hide button, which switches the echo mode.
struct ClientCredentialFields
{
    FieldValidator *clientIdValidator = nullptr;
    ValidatedField *clientId = nullptr;
    ValidatedField *secret = nullptr;
    QToolButton *reveal = nullptr;
};
ClientCredentialFields makeClientCredentialFields(QWidget *parent);

} // namespace keycard::ui
