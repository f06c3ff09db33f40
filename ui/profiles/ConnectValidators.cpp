#include "ConnectValidators.h"

#include "ClientConfig.h"
#include "Profile.h"

#include <QUrl>

namespace keycard::ui {

QValidator::State ConnectFieldValidator::validate(QString &input, int &pos) const
{
    Q_UNUSED(pos)
    return problem(input).isEmpty() ? Acceptable : Intermediate;
}

QString BaseUrlValidator::problem(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the API base URL, e.g. https://api.keycard.ai");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (const auto reason = checkBaseUrl(url))
        return *reason;
    return {};
}

void BaseUrlValidator::fixup(QString &input) const
{
    input = input.trimmed();
}

QString ProfileNameValidator::problem(const QString &text) const
{
    return profiles::Profile::checkName(text).value_or(QString());
}

RequiredValidator::RequiredValidator(QString emptyMessage, QObject *parent)
    : ConnectFieldValidator(parent)
    , m_emptyMessage(std::move(emptyMessage))
{
}

QString RequiredValidator::problem(const QString &text) const
{
    if (text.trimmed().isEmpty() && !m_emptyAllowed)
        return m_emptyMessage;
    return {};
}

} // namespace keycard::ui
