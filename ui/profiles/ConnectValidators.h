#pragma once

#include "AssessingValidator.h"

namespace keycard::ui {

// Validators of the Connect dialog: like every AssessingValidator, never Invalid; problem()
// gives the sentence the dialog shows under the field.

// The API base URL: https:// anywhere, http:// only to loopback (keycard::checkBaseUrl).
class BaseUrlValidator : public AssessingValidator
{
    Q_OBJECT
public:
    using AssessingValidator::AssessingValidator;
    FieldAssessment assess(const QString &text) const override;
    void fixup(QString &input) const override; // trims surrounding spaces
};

// A profile name (keycard::profiles::Profile::checkName).
class ProfileNameValidator : public AssessingValidator
{
    Q_OBJECT
public:
    using AssessingValidator::AssessingValidator;
    FieldAssessment assess(const QString &text) const override;
};

// A required value (client id, secret, token) named in the message.
class RequiredValidator : public AssessingValidator
{
    Q_OBJECT
public:
    RequiredValidator(QString emptyMessage, QObject *parent = nullptr);
    FieldAssessment assess(const QString &text) const override;
    // When set, an empty text is acceptable (a secret already stored in the keychain).
    void setEmptyAllowed(bool allowed) { m_emptyAllowed = allowed; }

private:
    QString m_emptyMessage;
    bool m_emptyAllowed = false;
};

} // namespace keycard::ui
