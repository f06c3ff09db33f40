#include "AssessingValidator.h"

#include <QColor>
#include <QPalette>

namespace keycard::ui {

FieldAssessment FieldAssessment::intermediate(QString message, bool canBecomeValid)
{
    FieldAssessment a;
    a.state = QValidator::Intermediate;
    a.message = std::move(message);
    a.canBecomeValid = canBecomeValid;
    return a;
}

FieldAssessment FieldAssessment::fromProblem(const QString &problem)
{
    return problem.isEmpty() ? FieldAssessment{} : intermediate(problem);
}

QValidator::State AssessingValidator::validate(QString &input, int &pos) const
{
    Q_UNUSED(pos)
    return assess(input).state;
}

QString AssessingValidator::problem(const QString &text) const
{
    const FieldAssessment a = assess(text);
    return a.isAcceptable() ? QString() : a.message;
}

QColor AssessingValidator::messageColor(const QPalette &palette, bool error)
{
    if (!error)
        return palette.color(QPalette::PlaceholderText);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

} // namespace keycard::ui
