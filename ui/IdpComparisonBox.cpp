#include "IdpComparisonBox.h"

#include "DisplayText.h"
#include "Format.h"
#include "Theme.h"
#include "ValueField.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace keycard {

namespace {

QString objectNameFor(const QString &id)
{
    // "token_endpoint" -> "idpTokenEndpoint"
    QString name = QStringLiteral("idp");
    const QStringList parts = id.split(QLatin1Char('_'));
    for (const QString &part : parts)
        name += part.left(1).toUpper() + part.mid(1);
    return name;
}

} // namespace

IdpComparisonBox::IdpComparisonBox(QWidget *parent)
    : QGroupBox(tr("Compared with the identity provider"), parent)
    , m_check(new oidc::IssuerCheck(this))
    , m_status(new QLabel(this))
    , m_compare(new QPushButton(tr("Co&mpare"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_table(new QWidget(this))
{
    setObjectName(QStringLiteral("idpComparisonBox"));
    m_status->setObjectName(QStringLiteral("idpComparisonStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // It names the issuer's discovery URL, a server value: never wider than the pane.
    m_status->setMinimumWidth(m_status->fontMetrics().averageCharWidth() * 12);
    m_compare->setObjectName(QStringLiteral("idpCompareButton"));
    m_compare->setToolTip(tr("Fetch the identity provider's discovery document (without Keycard "
                             "credentials) and compare it with Keycard's values"));
    m_cancel->setObjectName(QStringLiteral("idpCompareCancel"));
    m_cancel->hide();

    // One form row per setting: the provider's value, and under it how it compares with
    // Keycard's (shown above in the pane). Values elide in the middle, so narrow panes fit.
    auto *form = new QFormLayout(m_table);
    form->setContentsMargins(0, 4, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QStringList ids = oidc::comparisonIds();
    for (const QString &id : ids) {
        const QString title = oidc::comparisonTitle(id);
        auto *cell = new QWidget(m_table);
        Row row{new QLabel(title + QLatin1Char(':'), m_table),
                new ValueField(objectNameFor(id), tr("%1 at the identity provider").arg(title),
                               ValueField::Copyable, cell),
                new QLabel(cell)};
        row.verdict->setObjectName(objectNameFor(id) + QStringLiteral("Verdict"));
        row.verdict->setTextFormat(Qt::PlainText);
        row.verdict->setWordWrap(true);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(0);
        cellLayout->addWidget(row.provider);
        cellLayout->addWidget(row.verdict);
        form->addRow(row.title, cell);
        m_rows << row;
    }

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    setRowsVisible(false);

    connect(m_compare, &QPushButton::clicked, this, &IdpComparisonBox::compareNow);
    connect(m_cancel, &QPushButton::clicked, this, &IdpComparisonBox::cancel);
    connect(m_check, &oidc::IssuerCheck::finished, this,
            [this](const oidc::IssuerCheckResult &result) {
                if (result.issuer == m_connection.identifier)
                    showEntry(oidc::CheckHistory::latest(result.issuer)
                                  .value_or(oidc::CheckHistory::Entry{result, QDateTime()}));
            });
    connect(m_check, &oidc::IssuerCheck::cancelled, this,
            [this] { showStatus(tr("Comparison cancelled."), false); });
}

void IdpComparisonBox::setDeadlineMs(int ms)
{
    m_check->setDeadlineMs(ms);
}

void IdpComparisonBox::setConnection(const SsoConnection &connection)
{
    const bool sameIssuer = connection.identifier == m_connection.identifier;
    m_connection = connection;
    if (m_check->isRunning()) {
        if (sameIssuer)
            return; // the check in flight answers for this issuer
        m_check->cancel();
    }
    if (const auto entry = oidc::CheckHistory::latest(connection.identifier)) {
        showEntry(*entry);
        return;
    }
    setRowsVisible(false);
    m_compare->setText(tr("Co&mpare")); // "again" belongs to a comparison shown
    showStatus(tr("Not compared yet. Compare reads the identity provider's discovery document "
                  "(%1) without Keycard credentials.")
                   .arg(format::shortText(
                       oidc::discoveryUrl(connection.identifier).toDisplayString(), 120)),
               false);
}

void IdpComparisonBox::compareNow()
{
    if (const std::optional<QString> problem = m_check->start(m_connection.identifier)) {
        setRowsVisible(false);
        showStatus(tr("Cannot compare: %1").arg(*problem), false);
        return;
    }
    showStatus(tr("Reading %1…")
                   .arg(format::shortText(
                       oidc::discoveryUrl(m_connection.identifier).toDisplayString(), 120)),
               true);
}

void IdpComparisonBox::cancel()
{
    m_check->cancel();
}

void IdpComparisonBox::showStatus(const QString &text, bool running)
{
    m_status->setText(text);
    m_compare->setVisible(!running);
    m_cancel->setVisible(running);
    if (running)
        m_cancel->setFocus(Qt::OtherFocusReason);
}

void IdpComparisonBox::setRowsVisible(bool visible)
{
    m_table->setVisible(visible);
}

void IdpComparisonBox::showEntry(const oidc::CheckHistory::Entry &entry)
{
    const QString when = entry.checkedAt.isValid()
                             ? QLocale().toString(entry.checkedAt.time(), QLocale::ShortFormat)
                             : QString();
    m_compare->setText(tr("Co&mpare again"));
    const QList<oidc::ComparisonRow> rows = oidc::compare(entry.result, m_connection);
    if (rows.isEmpty()) {
        const auto reachable = entry.result.item(QStringLiteral("reachable"));
        setRowsVisible(false);
        showStatus(tr("The identity provider's discovery document could not be read at %1: %2")
                       .arg(when, reachable ? format::shortText(reachable->message, 300)
                                            : QString()),
                   false);
        return;
    }
    using oidc::Agreement;
    int differences = 0;
    int keycardHasNone = 0;
    for (int i = 0; i < rows.size() && i < m_rows.size(); ++i) {
        const oidc::ComparisonRow &r = rows.at(i);
        const Row &row = m_rows.at(i);
        if (r.provider.isEmpty())
            row.provider->setMissing(tr("Not published"));
        else
            row.provider->setValue(r.provider);
        QString verdict;
        theme::Outcome outcome = theme::Outcome::Neutral;
        switch (r.agreement) {
        case Agreement::Same:
            verdict = tr("✓ Same as Keycard");
            outcome = theme::Outcome::Pass;
            break;
        case Agreement::Different:
            ++differences;
            verdict = tr("≠ Keycard has another value");
            // A different issuer means members cannot sign in; other values are worth a look.
            outcome = r.id == QLatin1String("issuer") ? theme::Outcome::Fail : theme::Outcome::Warn;
            break;
        case Agreement::OnlyProvider:
            ++keycardHasNone;
            verdict = tr("Keycard has none");
            break;
        case Agreement::OnlyKeycard:
            verdict = tr("Only Keycard has one");
            break;
        case Agreement::Neither:
            verdict = tr("Neither lists one");
            break;
        }
        row.verdict->setText(verdict);
        row.verdict->setToolTip(format::plainToolTip(
            r.keycard.isEmpty() ? tr("Keycard: none")
                                : tr("Keycard: %1").arg(displayText(r.keycard))));
        row.verdict->setAccessibleName(verdict);
        row.verdict->setAccessibleDescription(row.verdict->toolTip());
        QPalette pal = row.verdict->palette();
        pal.setColor(QPalette::WindowText, theme::outcomeColor(palette(), outcome));
        row.verdict->setPalette(pal);
    }
    setRowsVisible(true);
    QString status =
        differences == 0
            ? tr("Read at %1: no value differs from Keycard's.").arg(when)
            : tr("Read at %1: %n values differ from Keycard's.", nullptr, differences).arg(when);
    // Whether the rows Keycard leaves empty ask for anything.
    if (keycardHasNone > 0)
        status += QLatin1Char(' ') +
                  tr("“Keycard has none” needs no action: Keycard discovers these values from the "
                     "identity provider itself when members sign in.");
    showStatus(status, false);
}

} // namespace keycard
