#pragma once

#include <QString>
#include <QValidator>

namespace keycard::ui {

// Validators of the Connect dialog. Like the SSO form's, validate() never answers Invalid (a
// dropped keystroke leaves people guessing): text that breaks a rule is Intermediate, and
// problem() gives the sentence the dialog shows under the field.
class ConnectFieldValidator : public QValidator
{
    Q_OBJECT
public:
    using QValidator::QValidator;

    // Empty when the text is acceptable.
    virtual QString problem(const QString &text) const = 0;
    State validate(QString &input, int &pos) const override;
};

// The API base URL: https:// anywhere, http:// only to loopback (keycard::checkBaseUrl).
class BaseUrlValidator : public ConnectFieldValidator
{
    Q_OBJECT
public:
    using ConnectFieldValidator::ConnectFieldValidator;
    QString problem(const QString &text) const override;
    void fixup(QString &input) const override; // trims surrounding spaces
};

// A profile name (keycard::profiles::Profile::checkName).
class ProfileNameValidator : public ConnectFieldValidator
{
    Q_OBJECT
public:
    using ConnectFieldValidator::ConnectFieldValidator;
    QString problem(const QString &text) const override;
};

// A required value (client id, secret, token) named in the message.
class RequiredValidator : public ConnectFieldValidator
{
    Q_OBJECT
public:
    RequiredValidator(QString emptyMessage, QObject *parent = nullptr);
    QString problem(const QString &text) const override;
    // When set, an empty text is acceptable (a secret already stored in the keychain).
    void setEmptyAllowed(bool allowed) { m_emptyAllowed = allowed; }

private:
    QString m_emptyMessage;
    bool m_emptyAllowed = false;
};

} // namespace keycard::ui
