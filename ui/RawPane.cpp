#include "RawPane.h"

#include "DisplayText.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace keycard {

RawPane::RawPane(QWidget *parent)
    : QWidget(parent)
    , m_view(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("rawPane"));
    m_view->setObjectName(QStringLiteral("rawJsonView"));
    m_view->setAccessibleName(tr("Raw JSON"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_view);
}

void RawPane::showEvent(QShowEvent *event)
{
    // The fixed-width font is set the first time the pane shows: loading it costs a font
    // lookup and a new font engine, and most sessions never open this tab.
    if (!m_fixedFont) {
        m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_fixedFont = true;
    }
    QWidget::showEvent(event);
}

void RawPane::clear()
{
    m_view->clear();
}

void RawPane::setDocuments(const QJsonObject &organization,
                           const std::optional<QJsonObject> &connection)
{
    QJsonObject doc;
    doc.insert(QStringLiteral("organization"), organization);
    doc.insert(QStringLiteral("sso_connection"),
               connection ? QJsonValue(*connection) : QJsonValue(QJsonValue::Null));
    // Line by line through displayText(): strings in the JSON may carry bidi overrides and other
    // format characters (control characters are escaped by the JSON writer).
    QStringList lines = QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented))
                            .split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = displayText(line);
    m_view->setPlainText(lines.join(QLatin1Char('\n')));
}

QString RawPane::text() const
{
    return m_view->toPlainText();
}

} // namespace keycard
