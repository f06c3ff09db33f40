#include "SsoDialog.h"

#include "BusyIndicator.h"
#include "DisplayText.h"
#include "ErrorAdvice.h"
#include "Format.h"
#include "KeycardClient.h"
#include "MessageBar.h"
#include "SsoAdvancedSection.h"
#include "SsoChangeSummary.h"
#include "SsoConnectionForm.h"
#include "SignInImpactBox.h"
#include "SsoController.h"
#include "SsoIssuerChecklist.h"
#include "Theme.h"
#include "ValidatedField.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

// A scroll area as large as its form would like to be: the dialog opens showing every field,
// and scrolls only when the screen (or the admin) makes it smaller.
class FormScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;
    QSize sizeHint() const override
    {
        if (!widget())
            return QScrollArea::sizeHint();
        const int frame = 2 * frameWidth();
        const QSize hint = widget()->sizeHint() + QSize(frame, frame);
        return {hint.width() + verticalScrollBar()->sizeHint().width(), hint.height()};
    }
};

} // namespace

SsoDialog::SsoDialog(KeycardClient *client, const Organization &organization,
                     const SsoConnection &current, QWidget *parent)
    : QDialog(parent)
    , m_organization(organization)
    , m_controller(new SsoController(client, this))
{
    setObjectName(QStringLiteral("ssoDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(640);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("ssoDialogHeading"));
    m_heading->setTextFormat(Qt::PlainText); // names an organization: never markup
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setTextFormat(Qt::PlainText);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_banner = new MessageBar(QStringLiteral("banner"), this);
    m_retry = m_banner->addRetryAction();

    m_form = new SsoConnectionForm(this);
    auto *scroll = new FormScrollArea(this);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setObjectName(QStringLiteral("formScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    m_summary = new SsoChangeSummary(this);
    // The issuer check's verdict on a new issuer, under the changes.
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("reviewIssuerVerdict"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    // Who would lose sign-in with a new issuer (members whose source is the current one); when
    // no administrator would be left, the organization's label is typed to go on.
    m_impact = new SignInImpactBox(this);
    m_lockoutPrompt = new QLabel(
        tr("Type the organization's label (%1) to change the issuer anyway:")
            .arg(format::shortText(labelOrId(organization))),
        this);
    m_lockoutPrompt->setObjectName(QStringLiteral("lockoutPrompt"));
    m_lockoutPrompt->setTextFormat(Qt::PlainText);
    m_lockoutPrompt->setWordWrap(true);
    m_lockoutConfirm = new QLineEdit(this);
    m_lockoutConfirm->setObjectName(QStringLiteral("lockoutConfirmEdit"));
    m_lockoutConfirm->setAccessibleName(tr("Organization label, to confirm"));
    m_reviewPage = new QWidget(this);
    auto *reviewLayout = new QVBoxLayout(m_reviewPage);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    reviewLayout->addWidget(m_summary, 1);
    reviewLayout->addWidget(m_verdict);
    reviewLayout->addWidget(m_impact);
    reviewLayout->addWidget(m_lockoutPrompt);
    reviewLayout->addWidget(m_lockoutConfirm);
    m_impact->hide();
    m_lockoutPrompt->hide();
    m_lockoutConfirm->hide();
    m_client = client;
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(scroll);
    m_pages->addWidget(m_reviewPage);

    m_busy = new BusyIndicator(this);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));

    m_back = new QPushButton(tr("Back"), this);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setAutoDefault(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAutoDefault(false);
    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_busy);
    buttons->addWidget(m_busyLabel);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_submit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);

    connect(m_form, &SsoConnectionForm::stateChanged, this, &SsoDialog::refreshSubmit);
    connect(m_form->checklist(), &SsoIssuerChecklist::stateChanged, this,
            &SsoDialog::refreshVerdict);
    // A field reached with Tab or its Alt mnemonic is scrolled into view.
    connect(qApp, &QApplication::focusChanged, scroll, [scroll](QWidget *, QWidget *now) {
        if (now && scroll->widget() && scroll->widget()->isAncestorOf(now))
            scroll->ensureWidgetVisible(now, 8, 8);
    });
    // Showing the Advanced section grows the dialog (within the screen) instead of hiding it
    // behind a scroll bar.
    connect(m_form->advanced(), &SsoAdvancedSection::expandedChanged, this,
            [this, scroll](bool expanded) {
                if (!expanded || !isVisible())
                    return;
                m_form->layout()->activate();
                scroll->updateGeometry();
                this->layout()->activate();
                const int available =
                    screen() ? screen()->availableGeometry().height() * 9 / 10 : 900;
                resize(width(), qMin(qMax(height(), sizeHint().height()), available));
                // Where the screen is too small for all of it, scroll the section into view
                // once the new layout is in place.
                QTimer::singleShot(0, scroll, [scroll, section = m_form->advanced()] {
                    scroll->ensureWidgetVisible(section, 0, 0);
                });
            });
    connect(m_impact, &SignInImpactBox::finished, this, [this](const SignInImpact &impact) {
        const bool lockout = impact.verdict == ImpactVerdict::NoAdministratorLeft;
        m_lockoutPrompt->setVisible(lockout);
        m_lockoutConfirm->setVisible(lockout);
        if (lockout)
            m_lockoutConfirm->setFocus();
        refreshSubmit();
    });
    connect(m_lockoutConfirm, &QLineEdit::textChanged, this, &SsoDialog::refreshSubmit);
    connect(m_submit, &QPushButton::clicked, this, &SsoDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &SsoDialog::reject);
    connect(m_back, &QPushButton::clicked, this, &SsoDialog::back);
    connect(m_retry, &QPushButton::clicked, this, &SsoDialog::send);
    connect(m_controller, &SsoController::failed, this, &SsoDialog::onFailed);
    connect(m_controller, &SsoController::cancelled, this, &SsoDialog::onCancelled);
    connect(m_controller, &SsoController::updated, this,
            [this](const QString &, const SsoConnection &connection) {
                setBusy(false);
                Q_EMIT ssoUpdated(organizationSent(), connection);
                accept();
            });

    m_form->setupEdit(labelOrId(organization), current);
    setBusy(false);
    refreshTitle();
    m_form->issuerField()->edit()->setFocus();
}

SsoDialog::~SsoDialog() = default;

bool SsoDialog::focusNextPrevChild(bool next)
{
    // Tab: the form (or the review) top to bottom, then the buttons, then round again.
    QList<QWidget *> order =
        isReviewing() ? QList<QWidget *>{m_lockoutConfirm} : m_form->focusOrder();
    order << m_retry << m_back << m_cancel << m_submit;
    QList<QWidget *> ring;
    for (QWidget *w : std::as_const(order)) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            ring << w;
    }
    const qsizetype at = ring.indexOf(QApplication::focusWidget());
    if (ring.isEmpty() || at < 0)
        return QDialog::focusNextPrevChild(next);
    const qsizetype to = (at + (next ? 1 : ring.size() - 1)) % ring.size();
    ring.at(to)->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

bool SsoDialog::isBusy() const
{
    return m_controller->isBusy();
}

bool SsoDialog::isReviewing() const
{
    return m_pages->currentWidget() == m_reviewPage;
}

void SsoDialog::reject()
{
    if (m_controller->isBusy()) {
        m_controller->cancel();
        return;
    }
    QDialog::reject();
}

Organization SsoDialog::organizationSent() const
{
    // The dialog is bound to one organization: its field is read-only.
    return m_organization;
}

void SsoDialog::refreshTitle()
{
    const QString name = format::shortText(displayName(m_organization)); // plain, bounded
    setWindowTitle(tr("Edit SSO — %1").arg(name));
    m_heading->setText(tr("Edit single sign-on for %1").arg(name));
    m_intro->setText(tr("Change how Keycard connects to the identity provider. Only the fields "
                        "you change are checked and sent."));
    refreshSubmit();
}

void SsoDialog::refreshVerdict()
{
    const auto update = m_form->updateBody();
    m_verdict->setVisible(update.identifier.has_value());
    if (!update.identifier)
        return;
    const SsoIssuerChecklist *checklist = m_form->checklist();
    using State = SsoIssuerChecklist::State;
    QString text;
    theme::Outcome outcome = theme::Outcome::Neutral;
    if (checklist->state() == State::Running || checklist->state() == State::Waiting) {
        text = tr("Issuer check of the new issuer: running…");
    } else if (checklist->state() == State::Done && checklist->hasFailure()) {
        QStringList failed;
        for (const oidc::CheckItem &item : checklist->result()->checks) {
            if (!item.skipped && item.status == oidc::CheckStatus::Fail) {
                // A sentence each: the next one ("Keycard may still ...") follows on the line.
                QString message = displayText(item.message).trimmed();
                if (!message.isEmpty() && !QStringLiteral(".!?…").contains(message.back()))
                    message += QLatin1Char('.');
                failed << message;
            }
        }
        text = tr("✗ The new issuer failed the issuer check: %1 Keycard may still reach an "
                  "identity provider this machine cannot.")
                   .arg(failed.join(QLatin1Char(' ')));
        outcome = theme::Outcome::Fail;
    } else if (checklist->state() == State::Done) {
        text = tr("✓ The new issuer passed the issuer check.");
        outcome = theme::Outcome::Pass;
    } else {
        text = tr("The new issuer was not checked.");
    }
    m_verdict->setText(text);
    QPalette pal = m_verdict->palette();
    pal.setColor(QPalette::WindowText, theme::outcomeColor(palette(), outcome));
    m_verdict->setPalette(pal);
}

void SsoDialog::refreshSubmit()
{
    if (isReviewing())
        m_submit->setText(tr("Save changes"));
    else
        m_submit->setText(tr("Review changes…"));
    if (isBusy()) {
        m_submit->setEnabled(false);
        m_submit->setToolTip(tr("Waiting for Keycard…"));
        return;
    }
    QStringList problems = m_form->problems();
    if (isReviewing() && m_impact->isVisible()) {
        if (m_impact->isChecking())
            problems << tr("Still reading who would lose sign-in");
        else if (m_lockoutConfirm->isVisible() &&
                 m_lockoutConfirm->text() != labelOrId(m_organization))
            problems << tr("No administrator would be left able to sign in: type the "
                           "organization's label to go on");
    }
    m_submit->setEnabled(problems.isEmpty());
    if (problems.isEmpty()) {
        m_submit->setToolTip(isReviewing() ? tr("Send these changes to Keycard")
                                           : tr("Review the changes before they are sent"));
    } else {
        m_submit->setToolTip(tr("Not ready yet:") + QStringLiteral("\n• ") +
                             problems.join(QStringLiteral("\n• ")));
    }
    m_submit->setAccessibleDescription(m_submit->toolTip());
}

void SsoDialog::submit()
{
    if (isBusy() || !m_form->isAcceptable())
        return;
    if (!isReviewing()) {
        const SsoConnectionUpdate update = m_form->updateBody();
        m_summary->setChanges(describeChanges(*m_form->original(), update));
        // A new issuer is checked before it is saved (if it was not already).
        SsoIssuerChecklist *checklist = m_form->checklist();
        if (update.identifier && (checklist->state() == SsoIssuerChecklist::State::Idle ||
                                  checklist->state() == SsoIssuerChecklist::State::Cancelled))
            checklist->checkNow();
        refreshVerdict();
        m_lockoutConfirm->clear();
        m_lockoutPrompt->hide();
        m_lockoutConfirm->hide();
        m_impact->setVisible(update.identifier.has_value());
        if (update.identifier && m_client)
            m_impact->check(m_client, m_organization.id, keycard::SsoChange::ChangeIssuer,
                            m_form->original()->identifier, *update.identifier);
        m_pages->setCurrentWidget(m_reviewPage);
        m_banner->clear();
        setBusy(false);
        return;
    }
    send();
}

void SsoDialog::send()
{
    m_banner->clear();
    const QString org = labelOrId(m_organization);
    const QString requestId = m_form->requestId();
    m_busyLabel->setText(tr("Saving changes…"));
    m_controller->update(org, m_form->updateBody(), requestId);
    // isBusy() is false when the client already answered (a rule failed before sending).
    if (isBusy())
        setBusy(true);
}

void SsoDialog::back()
{
    if (isBusy())
        return;
    m_pages->setCurrentIndex(0);
    setBusy(false);
}

void SsoDialog::setBusy(bool busy)
{
    m_form->setLocked(busy);
    Q_EMIT busyChanged(busy);
    m_busy->setRunning(busy);
    m_busyLabel->setVisible(busy);
    m_back->setVisible(isReviewing());
    m_back->setEnabled(!busy);
    m_cancel->setToolTip(busy ? tr("Stop waiting for Keycard") : tr("Close without saving"));
    refreshSubmit();
}

void SsoDialog::onFailed(const ApiError &error)
{
    setBusy(false);
    using Kind = ApiError::Kind;
    if (error.kind == Kind::Validation || error.kind == Kind::InvalidArgument) {
        if (m_form->showServerError(error)) {
            m_pages->setCurrentIndex(0);
            setBusy(false);
            m_banner->showError(error, tr("See the message under the field."));
        } else {
            m_banner->showError(error, tr("Correct the form and submit it again."));
        }
        m_banner->setActions({});
        return;
    }
    if (error.kind == Kind::Permission) {
        // The permission is named once: the server's message may already name it.
        m_banner->showError(error, error.message.contains(QStringLiteral("organizations.update"))
                                       ? tr("You may not change SSO for this organization.")
                                       : tr("You may not change SSO for this organization "
                                            "(requires the organizations.update permission)."));
        m_banner->setActions({});
        return;
    }
    if (error.kind == Kind::NotFound) {
        m_banner->showError(error, tr("SSO is no longer enabled for this organization."));
        m_banner->setActions({});
        return;
    }
    const QString advice = errorAdvice(error);
    if (!retryCanHelp(error)) {
        m_banner->showError(error, advice);
        m_banner->setActions({});
        return;
    }
    m_banner->showError(error, (advice.isEmpty() ? QString() : advice + QLatin1Char(' ')) +
                                   tr("Nothing you typed was lost. Retry sends the request again "
                                      "with the same request ID."));
    m_banner->setActions({m_retry});
    m_retry->setFocus();
}

void SsoDialog::onCancelled()
{
    setBusy(false);
    m_banner->showMessage(MessageBar::Kind::Information,
                          tr("Cancelled. If the request had already reached Keycard it may have "
                             "been applied; Retry reuses the same request ID, so it is safe."),
                          m_form->requestId());
    m_banner->setActions({m_retry});
}

} // namespace keycard::ui
