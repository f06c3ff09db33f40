#include "ValidatedField.h"

#include "Theme.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

ValidatedField::ValidatedField(const QString &name, AssessingValidator *validator, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_fix(new QPushButton(this))
    , m_validator(validator)
{
    setObjectName(name + QStringLiteral("Field"));
    m_edit->setObjectName(name + QStringLiteral("Edit"));
    m_message->setObjectName(name + QStringLiteral("Message"));
    m_fix->setObjectName(name + QStringLiteral("Fix"));
    // setFocus() on the field lands in its edit. The wrapper itself takes no focus (Tab and
    // assistive technology see the edit only): labels name the edit as their buddy
    // (pointBuddiesAtEdits).
    setFocusProxy(m_edit);
    if (m_validator) {
        m_validator->setParent(this);
        m_edit->setValidator(m_validator);
    }
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_message->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_message->setFont(small);
    m_message->setMinimumHeight(QFontMetrics(small).lineSpacing());
    m_fix->setFlat(false);
    m_fix->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_editRow = new QHBoxLayout;
    m_editRow->setSpacing(4);
    m_editRow->addWidget(m_edit, 1);
    layout->addLayout(m_editRow);
    layout->addWidget(m_message);
    layout->addWidget(m_fix, 0, Qt::AlignLeft);

    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        m_serverError.clear();
        update();
    });
    connect(m_fix, &QPushButton::clicked, this, &ValidatedField::applyFix);
    update();
}

void ValidatedField::addBeside(QWidget *widget)
{
    m_editRow->addWidget(widget, 0, Qt::AlignTop);
    QWidget::setTabOrder(m_beside.isEmpty() ? static_cast<QWidget *>(m_edit) : m_beside.last(),
                         widget);
    QWidget::setTabOrder(widget, m_fix);
    m_beside << widget;
}

QList<QWidget *> ValidatedField::focusOrder() const
{
    QList<QWidget *> out{m_edit};
    out << m_beside;
    out << m_fix;
    return out;
}

void ValidatedField::setMessageLineReserved(bool reserved)
{
    m_reserveLine = reserved;
    update();
}

void ValidatedField::setUnchangedValue(const std::optional<QString> &value)
{
    m_unchanged = value;
    update();
}

bool ValidatedField::isToleratedAsUnchanged() const
{
    return m_serverError.isEmpty() && m_unchanged && m_edit->text() == *m_unchanged &&
           !assessment().isAcceptable();
}

QString ValidatedField::text() const
{
    return m_edit->text();
}

void ValidatedField::setText(const QString &text)
{
    m_edit->setText(text);
    update();
}

FieldAssessment ValidatedField::assessment() const
{
    return m_validator ? m_validator->assess(m_edit->text()) : FieldAssessment{};
}

bool ValidatedField::isAcceptable() const
{
    return m_serverError.isEmpty() && (assessment().isAcceptable() || isToleratedAsUnchanged());
}

QString ValidatedField::problem() const
{
    if (!m_serverError.isEmpty())
        return m_serverError;
    if (isToleratedAsUnchanged())
        return QString();
    return m_validator ? m_validator->problem(m_edit->text()) : QString();
}

void ValidatedField::setServerError(const QString &message)
{
    m_serverError = message;
    update();
}

void ValidatedField::revalidate()
{
    update();
}

void ValidatedField::setLocked(bool locked)
{
    m_edit->setReadOnly(locked);
    m_edit->setEnabled(!locked); // greyed while a request is in flight: visibly locked
    m_fix->setEnabled(!locked);
}

void ValidatedField::update()
{
    const FieldAssessment a = assessment();
    QString text = m_serverError.isEmpty() ? a.message : m_serverError;
    const bool tolerated = isToleratedAsUnchanged();
    if (tolerated)
        text = tr("Unchanged: Keycard accepted this value earlier, but it does not meet today's "
                  "rule (%1). Other changes can be saved; fix it when you can.")
                   .arg(a.message);
    // An untouched empty required field only hints; anything else that is wrong is an error.
    const bool error =
        !tolerated && (!m_serverError.isEmpty() ||
                       (!a.isAcceptable() && !(m_edit->text().isEmpty() && a.canBecomeValid)));
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, tolerated
                                           ? theme::outcomeColor(palette(), theme::Outcome::Warn)
                                           : AssessingValidator::messageColor(palette(), error));
    m_message->setPalette(pal);
    m_message->setText(text);
    // An empty message is no stop for assistive technology (an empty focusable label).
    m_message->setTextInteractionFlags(text.isEmpty() ? Qt::NoTextInteraction
                                                      : Qt::TextSelectableByMouse);
    // The line stays reserved while empty: fields below do not move as hints come and go.
    m_message->setVisible(m_reserveLine || !text.isEmpty());
    m_message->setProperty("warning", tolerated);
    m_fixValue = m_serverError.isEmpty() ? a.fix : std::nullopt;
    if (m_fixValue) {
        const QString label = a.fixLabel.isEmpty() ? tr("Fix") : a.fixLabel;
        m_fix->setText(m_fix->fontMetrics().elidedText(label, Qt::ElideMiddle, 420));
        m_fix->setToolTip(label);
        m_fix->setAccessibleName(label);
    }
    m_fix->setVisible(m_fixValue.has_value());
    m_edit->setAccessibleDescription(text);
    Q_EMIT stateChanged();
}

void ValidatedField::applyFix()
{
    if (!m_fixValue)
        return;
    m_edit->setText(*m_fixValue);
    m_edit->setFocus();
}

void pointBuddiesAtEdits(QWidget *root)
{
    const auto labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (auto *field = qobject_cast<ValidatedField *>(label->buddy()))
            label->setBuddy(field->edit());
    }
}

QString withMnemonic(const QString &label, char16_t letter)
{
    qsizetype at = label.indexOf(QChar(letter), 0, Qt::CaseInsensitive);
    if (at < 0)
        at = 0;
    QString out = label;
    out.insert(at, QLatin1Char('&'));
    return out;
}

ClientCredentialFields makeClientCredentialFields(QWidget *parent)
{
    using rules::Field;
    ClientCredentialFields f;
    f.clientIdValidator = new FieldValidator(Field::ClientId);
    f.clientIdValidator->setTrimSpaces(true);
    f.clientId = new ValidatedField(QStringLiteral("clientId"), f.clientIdValidator, parent);
    f.clientId->edit()->setAccessibleName(rules::fieldLabel(Field::ClientId));
    f.clientId->edit()->setPlaceholderText(
        ValidatedField::tr("The OAuth 2.0 client ID issued by the identity provider"));

    f.secret = new ValidatedField(QStringLiteral("clientSecret"),
                                  new FieldValidator(Field::ClientSecret), parent);
    f.secret->edit()->setAccessibleName(rules::fieldLabel(Field::ClientSecret));
    f.secret->edit()->setEchoMode(QLineEdit::Password);
    f.secret->edit()->setPlaceholderText(ValidatedField::tr("Optional"));
    QToolButton *reveal = f.reveal = new QToolButton(parent);
    reveal->setObjectName(QStringLiteral("revealSecretButton"));
    reveal->setCheckable(true);
    reveal->setText(ValidatedField::tr("Show"));
    reveal->setToolTip(ValidatedField::tr("Show or hide the client secret"));
    reveal->setAccessibleName(ValidatedField::tr("Show client secret"));
    f.secret->addBeside(reveal);
    ValidatedField *secret = f.secret;
    QObject::connect(reveal, &QToolButton::toggled, secret, [secret, reveal](bool shown) {
        secret->edit()->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? ValidatedField::tr("Hide") : ValidatedField::tr("Show"));
        reveal->setAccessibleName(shown ? ValidatedField::tr("Hide client secret")
                                        : ValidatedField::tr("Show client secret"));
    });
    return f;
}

} // namespace keycard::ui
