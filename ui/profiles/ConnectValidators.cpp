#include "ConnectValidators.h"

#include "ClientConfig.h"
#include "Profile.h"

#include <QUrl>

namespace keycard::ui {

FieldAssessment BaseUrlValidator::assess(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return FieldAssessment::intermediate(
            tr("Enter the API base URL, e.g. https://api.keycard.ai"));
    const QUrl url(trimmed, QUrl::StrictMode);
    return FieldAssessment::fromProblem(checkBaseUrl(url).value_or(QString()));
}

void BaseUrlValidator::fixup(QString &input) const
{
    input = input.trimmed();
}

FieldAssessment ProfileNameValidator::assess(const QString &text) const
{
    return FieldAssessment::fromProblem(profiles::Profile::checkName(text).value_or(QString()));
}

RequiredValidator::RequiredValidator(QString emptyMessage, QObject *parent)
    : AssessingValidator(parent)
    , m_emptyMessage(std::move(emptyMessage))
{
}

FieldAssessment RequiredValidator::assess(const QString &text) const
{
    if (text.trimmed().isEmpty() && !m_emptyAllowed)
        return FieldAssessment::intermediate(m_emptyMessage);
    return {};
}

} // namespace keycard::ui
