#include "ValueField.h"

#include "DisplayText.h"
#include "ElidedLabel.h"
#include "Format.h"
#include "Icons.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QResizeEvent>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QUrl>

namespace keycard {

ValueField::ValueField(const QString &name, const QString &accessibleLabel, Options options,
                       QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Field"));
    m_label->setObjectName(name + QStringLiteral("Value"));
    m_label->setAccessibleName(accessibleLabel);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(false);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_label->setMinimumWidth(40);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    if (options.testFlag(Copyable)) {
        m_copy = new QToolButton(this);
        m_copy->setObjectName(name + QStringLiteral("Copy"));
        m_copy->setAutoRaise(true);
        m_copy->setIcon(icons::get(QStringLiteral("copy")));
        m_copy->setToolTip(format::plainToolTip(tr("Copy %1").arg(accessibleLabel)));
        m_copy->setAccessibleName(tr("Copy %1").arg(accessibleLabel));
        layout->addWidget(m_copy, 0, Qt::AlignTop);
        connect(m_copy, &QToolButton::clicked, this, [this, accessibleLabel] {
            QGuiApplication::clipboard()->setText(m_value);
            // Say it worked, where the admin looks: at the button, for a moment.
            const QString done = tr("Copied");
            m_copy->setToolTip(done);
            m_copy->setAccessibleDescription(done);
            QToolTip::showText(m_copy->mapToGlobal(QPoint(0, m_copy->height())), done, m_copy);
            QTimer::singleShot(2500, m_copy, [button = m_copy, accessibleLabel] {
                button->setToolTip(format::plainToolTip(tr("Copy %1").arg(accessibleLabel)));
                button->setAccessibleDescription(QString());
            });
        });
    }
    if (options.testFlag(Openable)) {
        m_open = new QToolButton(this);
        m_open->setObjectName(name + QStringLiteral("Open"));
        m_open->setAutoRaise(true);
        m_open->setIcon(icons::get(QStringLiteral("open-external")));
        m_open->setToolTip(
            format::plainToolTip(tr("Open %1 in the web browser").arg(accessibleLabel)));
        m_open->setAccessibleName(tr("Open %1").arg(accessibleLabel));
        layout->addWidget(m_open, 0, Qt::AlignTop);
        connect(m_open, &QToolButton::clicked, this, [this] {
            if (QDesktopServices::openUrl(QUrl(m_value, QUrl::StrictMode)))
                return;
            // No browser could be started: show the address so it can be copied instead.
            auto *box = new QMessageBox(QMessageBox::Information, tr("Could not open a browser"),
                                        tr("No web browser could be opened for this address. "
                                           "Copy it and open it yourself:"),
                                        QMessageBox::Close, window());
            box->setObjectName(QStringLiteral("openFailedBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setTextFormat(Qt::PlainText);
            box->setInformativeText(displayText(m_value));
            box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
            box->open();
        });
    }
    layout->addStretch(1);
    setMissing(QString());
}

void ValueField::setValue(const QString &value, const QString &toolTip)
{
    m_value = value;
    m_missing = false;
    // A server value: shown through displayText(), literally (a tooltip that looks like HTML
    // would be rendered); Copy copies it exactly as the server sent it.
    m_label->setToolTip(format::plainToolTip(toolTip.isEmpty() ? displayText(value) : toolTip));
    m_label->setForegroundRole(QPalette::WindowText);
    m_label->setEnabled(true);
    if (m_copy)
        m_copy->setVisible(true);
    if (m_open) {
        const QUrl url(value, QUrl::StrictMode);
        m_open->setVisible(url.isValid() && (url.scheme() == QLatin1String("https") ||
                                             url.scheme() == QLatin1String("http")));
    }
    showValue();
}

void ValueField::setMissing(const QString &explanation)
{
    m_value.clear();
    m_explanation = explanation;
    m_missing = true;
    m_label->setEnabled(false); // the palette's disabled text color: muted on any theme
    if (m_copy)
        m_copy->setVisible(false);
    if (m_open)
        m_open->setVisible(false);
    showValue();
}

void ValueField::setJsonValue(const QJsonValue &value)
{
    if (value.isString())
        setValue(value.toString());
    else if (value.isNull())
        setMissing(tr("null"));
    else // a one-element array serializes any value; drop its brackets
        setValue(QString::fromUtf8(
            QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1)));
}

int ValueField::addJsonRows(QFormLayout *form, QWidget *parent, const QJsonObject &object,
                            const QStringList &skip, const QString &namePrefix, Options options)
{
    int added = 0;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (skip.contains(it.key()))
            continue;
        // The key is a server value too: a plain-text label (QFormLayout's own would take
        // markup), through displayText().
        const QString key = displayText(it.key());
        auto *field = new ValueField(namePrefix + it.key(), key, options, parent);
        field->setJsonValue(it.value());
        auto *label = new ElidedLabel(parent);
        label->setFullText(key + QLatin1Char(':'));
        form->addRow(label, field);
        ++added;
    }
    return added;
}

void ValueField::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showValue();
}

void ValueField::showValue()
{
    int available = width();
    for (const QToolButton *button : {m_copy, m_open}) {
        if (button && !button->isHidden())
            available -= button->sizeHint().width() + layout()->spacing();
    }
    available -= m_label->contentsMargins().left() + m_label->contentsMargins().right();
    const QFontMetrics metrics = m_label->fontMetrics();
    // A value is elided in the middle (both ends of an id or URL say something); a missing
    // value's explanation is prose, elided at its end, with the whole sentence as tooltip.
    const QString whole = m_missing ? m_explanation : displayText(m_value);
    // Before the first layout the field has no width yet: show the whole text.
    const bool laidOut = testAttribute(Qt::WA_Resized) || isVisible();
    const bool elide = laidOut && available > 0 && metrics.horizontalAdvance(whole) > available;
    const QString shown =
        elide ? metrics.elidedText(whole, m_missing ? Qt::ElideRight : Qt::ElideMiddle, available)
              : whole;
    if (m_label->text() != shown)
        m_label->setText(shown);
    if (m_missing)
        m_label->setToolTip(elide ? format::plainToolTip(whole) : QString());
}

} // namespace keycard
