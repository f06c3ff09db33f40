#include "SsoIssuerChecklist.h"

#include "Announce.h"
#include "DisplayText.h"
#include "FieldRules.h"
#include "Theme.h"
#include "ValidatedField.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

QColor statusColor(const QPalette &palette, const QString &status)
{
    using theme::Outcome;
    return theme::outcomeColor(palette, status == QLatin1String("pass")   ? Outcome::Pass
                                        : status == QLatin1String("warn") ? Outcome::Warn
                                        : status == QLatin1String("fail") ? Outcome::Fail
                                                                          : Outcome::Neutral);
}

QString statusGlyph(const QString &status)
{
    if (status == QLatin1String("pass"))
        return QStringLiteral("✓");
    if (status == QLatin1String("warn"))
        return QStringLiteral("!");
    if (status == QLatin1String("fail"))
        return QStringLiteral("✗");
    return QStringLiteral("–");
}

void paint(QLabel *label, const QString &status)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, statusColor(pal, status));
    label->setPalette(pal);
}

} // namespace

SsoIssuerChecklist::SsoIssuerChecklist(QWidget *parent)
    : QGroupBox(tr("Issuer check"), parent)
    , m_check(new oidc::IssuerCheck(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("issuerChecklist"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDefaultDebounceMs);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_checkNow = new QPushButton(tr("Check now"), this);
    m_checkNow->setObjectName(QStringLiteral("checkIssuerButton"));
    m_checkNow->setAutoDefault(false);
    m_checkNow->setToolTip(tr("Fetch the issuer's discovery document and signing keys"));
    m_cancel = new QPushButton(tr("Stop"), this);
    m_cancel->setObjectName(QStringLiteral("cancelCheckButton"));
    m_cancel->setAutoDefault(false);
    m_cancel->setToolTip(tr("Stop checking the issuer"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_checkNow);
    top->addWidget(m_cancel);

    auto *rows = new QGridLayout;
    rows->setColumnStretch(2, 1);
    rows->setHorizontalSpacing(8);
    const QStringList ids = oidc::checkIds();
    for (int i = 0; i < ids.size(); ++i) {
        auto *icon = new QLabel(this);
        icon->setObjectName(QStringLiteral("checkIcon_") + ids.at(i));
        icon->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("✓✓")));
        auto *title = new QLabel(oidc::checkTitle(ids.at(i)), this);
        title->setTextFormat(Qt::PlainText);
        auto *message = new QLabel(this);
        message->setObjectName(QStringLiteral("check_") + ids.at(i));
        message->setWordWrap(true);
        message->setTextFormat(Qt::PlainText);
        message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        rows->addWidget(icon, i, 0, Qt::AlignTop);
        rows->addWidget(title, i, 1, Qt::AlignTop);
        rows->addWidget(message, i, 2, Qt::AlignTop);
        m_rows.append(Row{title, icon, message});
    }

    m_useDiscovered = new QPushButton(this);
    m_useDiscovered->setObjectName(QStringLiteral("useDiscoveredIssuerButton"));
    m_useDiscovered->setAutoDefault(false);
    m_learned = new QLabel(this);
    m_learned->setObjectName(QStringLiteral("checkLearned"));
    m_learned->setWordWrap(true);
    m_learned->setTextFormat(Qt::PlainText);
    m_learned->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureNote = new QLabel(tr("A failed check does not stop you: an identity provider on an "
                                  "internal network may be unreachable from this machine. "
                                  "\"Enable anyway\" sends the settings as they are."),
                               this);
    m_failureNote->setObjectName(QStringLiteral("checkFailureNote"));
    m_failureNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(rows);
    layout->addWidget(m_useDiscovered, 0, Qt::AlignLeft);
    layout->addWidget(m_learned);
    layout->addWidget(m_failureNote);

    connect(m_debounce, &QTimer::timeout, this, &SsoIssuerChecklist::checkNow);
    connect(m_checkNow, &QPushButton::clicked, this, &SsoIssuerChecklist::checkNow);
    connect(m_cancel, &QPushButton::clicked, this, &SsoIssuerChecklist::cancel);
    connect(m_useDiscovered, &QPushButton::clicked, this, [this] {
        if (m_result && m_result->discoveredIssuer)
            Q_EMIT useIssuerRequested(*m_result->discoveredIssuer);
    });
    connect(m_check, &oidc::IssuerCheck::finished, this, [this](const oidc::IssuerCheckResult &r) {
        showResult(r);
        setState(State::Done);
    });
    connect(m_check, &oidc::IssuerCheck::cancelled, this, [this] {
        clearRows(QStringLiteral("skipped"));
        setState(State::Cancelled);
    });
    setIssuer(QString());
}

void SsoIssuerChecklist::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

void SsoIssuerChecklist::setDeadlineMs(int ms)
{
    m_check->setDeadlineMs(ms);
}

void SsoIssuerChecklist::setIssuer(const QString &issuer, bool autoRun)
{
    if (issuer == m_issuer && m_state != State::Idle)
        return;
    m_issuer = issuer;
    m_debounce->stop();
    if (m_check->isRunning())
        m_check->cancel(); // a check of the previous text
    m_result.reset();
    m_issuerValid = !issuer.isEmpty() && !rules::check(rules::Field::Identifier, issuer) &&
                    !rules::checkIssuer(issuer);
    clearRows(QString());
    if (m_issuerValid && autoRun) {
        m_debounce->start();
        setState(State::Waiting);
    } else {
        setState(State::Idle);
    }
}

void SsoIssuerChecklist::checkNow()
{
    m_debounce->stop();
    if (!m_issuerValid)
        return;
    m_result.reset();
    clearRows(QString());
    if (m_check->start(m_issuer))
        return;
    setState(State::Running);
}

void SsoIssuerChecklist::cancel()
{
    m_debounce->stop();
    if (m_check->isRunning()) {
        m_check->cancel(); // cancelled() sets the state
        return;
    }
    if (m_state == State::Waiting)
        setState(State::Cancelled);
}

QString SsoIssuerChecklist::statusText() const
{
    return m_status->text();
}

QList<QWidget *> SsoIssuerChecklist::focusOrder() const
{
    return {m_checkNow, m_cancel, m_useDiscovered};
}

bool SsoIssuerChecklist::hasFailure() const
{
    return m_state == State::Done && m_result && m_result->anyFailed();
}

void SsoIssuerChecklist::clearRows(const QString &status)
{
    for (const Row &row : std::as_const(m_rows)) {
        row.icon->setText(status.isEmpty() ? QString() : statusGlyph(status));
        paint(row.icon, status);
        row.message->setText(QString());
        row.message->setTextInteractionFlags(Qt::NoTextInteraction); // no empty stop
        row.message->setProperty("status", status);
    }
    m_useDiscovered->hide();
    m_learned->hide();
}

void SsoIssuerChecklist::showResult(const oidc::IssuerCheckResult &result)
{
    m_result = result;
    for (int i = 0; i < m_rows.size() && i < result.checks.size(); ++i) {
        const oidc::CheckItem &item = result.checks.at(i);
        const QString status =
            item.skipped ? QStringLiteral("skipped") : oidc::statusName(item.status);
        m_rows.at(i).icon->setText(statusGlyph(status));
        m_rows.at(i).icon->setAccessibleName(status);
        paint(m_rows.at(i).icon, status);
        m_rows.at(i).message->setText(displayText(item.message));
        m_rows.at(i).message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_rows.at(i).message->setProperty("status", status);
    }
    const auto match = result.item(QStringLiteral("issuer_match"));
    const bool offer = result.discoveredIssuer && match && match->status == oidc::CheckStatus::Fail;
    if (offer)
        m_useDiscovered->setText(tr("Use %1").arg(
            displayText(*result.discoveredIssuer).replace(QLatin1Char('&'), QStringLiteral("&&"))));
    m_useDiscovered->setAccessibleName(tr("Use the discovered issuer"));
    m_useDiscovered->setVisible(offer);

    const oidc::DiscoveredProvider &d = result.discovered;
    QStringList learned;
    const std::pair<QString, QString> endpoints[] = {
        {tr("Authorization endpoint"), d.authorizationEndpoint},
        {tr("Token endpoint"), d.tokenEndpoint},
        {tr("JWKS"), d.jwksUri},
        {tr("Userinfo endpoint"), d.userinfoEndpoint}};
    for (const auto &[label, value] : endpoints) {
        if (!value.isEmpty())
            learned << tr("%1: %2").arg(label, displayText(value));
    }
    if (result.discoveredIssuer)
        learned << tr("PKCE methods: %1")
                       .arg(d.codeChallengeMethods.isEmpty()
                                ? tr("none listed")
                                : displayText(d.codeChallengeMethods.join(QStringLiteral(", "))));
    m_learned->setText(learned.isEmpty() ? QString()
                                         : tr("The provider reports:") + QLatin1Char('\n') +
                                               learned.join(QLatin1Char('\n')));
    m_learned->setVisible(!learned.isEmpty());
}

void SsoIssuerChecklist::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Idle:
        m_status->setText(m_issuer.isEmpty() ? tr("Enter the issuer URL to check it.")
                          : m_issuerValid    ? tr("Not checked yet.")
                                             : tr("Not checked: the issuer URL is not valid yet."));
        break;
    case State::Waiting:
        m_status->setText(tr("Checking %1 in a moment…").arg(m_issuer));
        break;
    case State::Running:
        m_status->setText(tr("Checking %1…").arg(m_issuer));
        break;
    case State::Done:
        m_status->setText(hasFailure() ? tr("%1 failed the check.").arg(m_issuer)
                                       : tr("%1 passed the check.").arg(m_issuer));
        break;
    case State::Cancelled:
        m_status->setText(tr("Check stopped. \"Check now\" runs it again."));
        break;
    }
    m_checkNow->setEnabled(m_issuerValid && state != State::Running);
    m_cancel->setVisible(state == State::Running || state == State::Waiting);
    m_failureNote->setVisible(hasFailure());
    // The outcome a sighted user sees appear is announced to a screen reader too.
    if (state == State::Done || state == State::Cancelled)
        announce(m_status, m_status->text());
    Q_EMIT stateChanged();
}

} // namespace keycard::ui
