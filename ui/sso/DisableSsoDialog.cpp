#include "DisableSsoDialog.h"

#include "BusyIndicator.h"
#include "ErrorAdvice.h"
#include "Format.h"
#include "KeycardClient.h"
#include "MessageBar.h"
#include "SignInImpactBox.h"
#include "SsoController.h"
#include "ValidatedField.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace keycard::ui {

DisableSsoDialog::DisableSsoDialog(KeycardClient *client, const Organization &organization,
                                   QWidget *parent)
    : QDialog(parent)
    , m_organization(organization)
    , m_controller(new SsoController(client, this))
    , m_requestId(KeycardClient::newRequestId())
{
    setObjectName(QStringLiteral("disableSsoDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(520);
    // Server values: plain text, through displayText(), long ones cut in the middle (the whole
    // name is in the heading's tooltip).
    const QString name = format::shortText(displayName(organization));
    setWindowTitle(tr("Disable SSO — %1").arg(name));

    auto *heading = new QLabel(tr("Disable single sign-on for %1?").arg(name), this);
    heading->setObjectName(QStringLiteral("disableHeading"));
    heading->setTextFormat(Qt::PlainText);
    if (name != displayName(organization))
        heading->setToolTip(format::plainToolTip(displayName(organization)));
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    heading->setFont(big);
    heading->setWordWrap(true);

    auto *effect = new QLabel(
        tr("Keycard deletes the organization's SSO connection, including its stored client "
           "secret. Members stop signing in through the identity provider and can no longer "
           "reach Keycard with their identity-provider accounts until SSO is enabled again.\n\n"
           "Before you continue, make sure you keep an administrator account that does not "
           "sign in through SSO."),
        this);
    effect->setObjectName(QStringLiteral("disableEffect"));
    effect->setWordWrap(true);

    // Who would lose sign-in: every member whose source is the connection's issuer, read from
    // the server now (the connection first, for its issuer as the server has it).
    m_impact = new SignInImpactBox(this);
    if (client) {
        client->getSsoConnection(
            organization.id, this, [this, client](const Result<SsoConnection> &result) {
                if (result.ok()) {
                    m_impact->check(client, m_organization.id, SsoChange::Disable,
                                    result.value().identifier);
                } else {
                    m_impact->check(nullptr, m_organization.id, SsoChange::Disable, {});
                }
            });
    }

    m_banner = new MessageBar(QStringLiteral("banner"), this);
    m_retry = m_banner->addRetryAction();

    // The label as written, in bold (escaped). The prompt is no buddy: a buddy label reads an
    // ampersand in the label as a mnemonic ("a&b" showed "amp;"); the field has its own name.
    auto *prompt = new QLabel(this);
    prompt->setObjectName(QStringLiteral("confirmPrompt"));
    prompt->setTextFormat(Qt::RichText);
    prompt->setText(tr("Type <b>%1</b> to confirm:").arg(shownLabel().toHtmlEscaped()));
    prompt->setWordWrap(true);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmLabelEdit"));
    m_confirm->setAccessibleName(tr("Organization label, to confirm"));
    m_confirm->setPlaceholderText(shownLabel());
    m_confirmHint = new QLabel(this);
    m_confirmHint->setObjectName(QStringLiteral("confirmLabelMessage"));
    m_confirmHint->setWordWrap(true);
    // Room for the hint is kept, so the dialog does not jump (or clip) when it appears.
    m_confirmHint->setMinimumHeight(m_confirmHint->fontMetrics().lineSpacing() * 2);

    m_busy = new BusyIndicator(this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAutoDefault(false);
    m_disable = new QPushButton(tr("Disable SSO"), this);
    m_disable->setObjectName(QStringLiteral("disableButton"));
    // Enter confirms once the label matches (the button is disabled until then, so Enter
    // before that does nothing); Esc cancels.
    m_disable->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_busy);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_disable);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(effect);
    layout->addWidget(m_impact);
    layout->addWidget(m_banner);
    layout->addSpacing(6);
    layout->addWidget(prompt);
    layout->addWidget(m_confirm);
    layout->addWidget(m_confirmHint);
    layout->addStretch(1);
    layout->addLayout(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    // The verdict arrives after the dialog is shown: grow to show all of it.
    // Word-wrapped labels get the height their width needs once the verdict is laid out (the
    // layout alone gave them their size hint's and cut the text).
    connect(m_impact, &SignInImpactBox::finished, this, [this] {
        QTimer::singleShot(0, this, [this] {
            const QList<QLabel *> labels = findChildren<QLabel *>();
            for (QLabel *label : labels) {
                const int height = label->wordWrap() && label->isVisible() && label->width() > 0
                                       ? label->heightForWidth(label->width())
                                       : -1; // -1: an empty label has no height for a width
                if (height > 0)
                    label->setMinimumHeight(height);
            }
            this->layout()->activate();
            resize(width(), qMax(height(), sizeHint().height()));
        });
    });
    connect(m_confirm, &QLineEdit::textChanged, this, &DisableSsoDialog::refreshButton);
    connect(m_disable, &QPushButton::clicked, this, &DisableSsoDialog::send);
    connect(m_retry, &QPushButton::clicked, this, &DisableSsoDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, &DisableSsoDialog::reject);
    connect(m_controller, &SsoController::failed, this, &DisableSsoDialog::onFailed);
    connect(m_controller, &SsoController::cancelled, this, [this] {
        setBusy(false);
        m_banner->showMessage(MessageBar::Kind::Information,
                              tr("Cancelled. The request may already have reached Keycard; "
                                 "Retry reuses the same request ID."),
                              m_requestId);
        m_banner->setActions({m_retry});
    });
    connect(m_controller, &SsoController::disabled, this, [this] {
        setBusy(false);
        Q_EMIT ssoDisabled(m_organization);
        accept();
    });
    setBusy(false);
    m_confirm->setFocus();
}

QString DisableSsoDialog::confirmationText() const
{
    return labelOrId(m_organization);
}

QString DisableSsoDialog::shownLabel() const
{
    return format::shortText(confirmationText());
}

bool DisableSsoDialog::isBusy() const
{
    return m_controller->isBusy();
}

void DisableSsoDialog::reject()
{
    if (m_controller->isBusy()) {
        m_controller->cancel();
        return;
    }
    QDialog::reject();
}

void DisableSsoDialog::send()
{
    if (isBusy() || m_confirm->text() != confirmationText())
        return;
    m_banner->clear();
    setBusy(true);
    m_controller->disable(confirmationText(), m_requestId);
}

void DisableSsoDialog::setBusy(bool busy)
{
    m_busy->setRunning(busy);
    m_confirm->setReadOnly(busy);
    m_cancel->setToolTip(busy ? tr("Stop waiting for Keycard") : tr("Keep SSO enabled"));
    refreshButton();
}

void DisableSsoDialog::refreshButton()
{
    const QString typed = m_confirm->text();
    const bool matches = typed == confirmationText();
    m_disable->setEnabled(matches && !isBusy());
    QString hint;
    if (!typed.isEmpty() && !matches) {
        hint = typed.compare(confirmationText(), Qt::CaseInsensitive) == 0
                   ? tr("Type the label exactly, with the same letter case")
                   : tr("Does not match the organization's label");
    }
    QPalette pal = m_confirmHint->palette();
    pal.setColor(QPalette::WindowText, AssessingValidator::messageColor(palette(), true));
    m_confirmHint->setPalette(pal);
    m_confirmHint->setText(hint);
    m_disable->setToolTip(
        matches
            ? tr("Disable SSO now")
            : format::plainToolTip(tr("Type %1 above to enable this button").arg(shownLabel())));
}

void DisableSsoDialog::onFailed(const ApiError &error)
{
    setBusy(false);
    if (error.kind == ApiError::Kind::Permission) {
        m_banner->showError(error, tr("You may not disable SSO for this organization (requires "
                                      "the organizations.update permission)."));
        m_banner->setActions({});
        return;
    }
    m_banner->showError(error, errorAdvice(error));
    m_banner->setActions(retryCanHelp(error) ? QList<QPushButton *>{m_retry}
                                             : QList<QPushButton *>{});
}

} // namespace keycard::ui
