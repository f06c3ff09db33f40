#pragma once

#include "AssessingValidator.h"
#include "FieldRules.h"

#include <QString>

#include <optional>

namespace keycard::ui {

// A field constrained by app/core/FieldRules (the single source of the API's constraints).
class FieldValidator : public AssessingValidator
{
    Q_OBJECT
public:
    explicit FieldValidator(rules::Field field, QObject *parent = nullptr);

    rules::Field field() const { return m_field; }

    // Leading/trailing white space is reported (with a one-click fix) and fixup() removes it.
    void setTrimSpaces(bool trim) { m_trimSpaces = trim; }
    bool trimSpaces() const { return m_trimSpaces; }
    // An empty text is acceptable and shows `note` instead of "Required" (e.g. in the edit form
    // an empty client ID means "remove the client ID").
    // nullopt restores the rule's own behaviour.
    void setEmptyNote(std::optional<QString> note) { m_emptyNote = std::move(note); }

    FieldAssessment assess(const QString &text) const override;
    void fixup(QString &input) const override;

private:
    rules::Field m_field;
    bool m_trimSpaces = false;
    std::optional<QString> m_emptyNote;
};

// What a URL field accepts beyond its length rule.
struct UrlRules
{
    bool issuer = false; // no query or fragment; a discovery-document suffix is offered as a fix
};

// Checks `text` as an https:// URL (http:// only for localhost / loopback addresses).
// Returns an Acceptable assessment when it is one.
FieldAssessment assessUrl(const QString &text, UrlRules urlRules);

// The issuer URL: FieldRules' identifier constraints (required, not blank, at most 2,048 code
// points), trimmed, https:// unless loopback, no query/fragment, and a pasted
// ".../.well-known/openid-configuration" address recognised and offered as the bare issuer.
class IssuerValidator : public FieldValidator
{
    Q_OBJECT
public:
    explicit IssuerValidator(QObject *parent = nullptr);
    FieldAssessment assess(const QString &text) const override;

    // "https://x/.well-known/openid-configuration" -> "https://x"; nullopt when no such suffix.
    static std::optional<QString> stripDiscoverySuffix(const QString &text);
};

// An optional endpoint URL of the protocol settings: empty, or an https:// (loopback http://) URL.
class EndpointValidator : public AssessingValidator
{
    Q_OBJECT
public:
    using AssessingValidator::AssessingValidator;
    FieldAssessment assess(const QString &text) const override;
    void fixup(QString &input) const override;
};

// Splits a list typed as "openid email, profile" into its items (commas and white space).
QStringList splitList(const QString &text);

} // namespace keycard::ui
