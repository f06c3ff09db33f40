#include "SsoEnableWizard.h"

#include "DisplayText.h"
#include "ErrorAdvice.h"
#include "MessageBar.h"
#include "SsoAdvancedSection.h"
#include "SsoConnectionForm.h"
#include "SsoController.h"
#include "SsoIdpSection.h"
#include "SsoIssuerChecklist.h"
#include "SsoProviderPanel.h"
#include "ValidatedField.h"

#include <QAbstractButton>
#include <QApplication>
#include <QKeyEvent>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QTimer>

namespace keycard::ui {

SsoEnableWizard::SsoEnableWizard(KeycardClient *client, const Organization &organization,
                                 const SsoSetupContext &context, QWidget *parent)
    : QWizard(parent)
    , m_organization(organization)
    , m_api(client)
    , m_context(context)
    , m_redirectUri(context.redirectUri.isEmpty() ? QString::fromLatin1(oidc::kDefaultRedirectUri)
                                                  : context.redirectUri)
    , m_controller(new SsoController(client, this))
{
    setObjectName(QStringLiteral("ssoEnableWizard"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(700); // redirect URIs and issuers are read without scrolling sideways
    setWindowTitle(tr("Enable SSO — %1").arg(displayText(displayName(organization))));
    // Enter moves on (keyPressEvent) but never presses Enable SSO: no default button.
    setOption(QWizard::NoDefaultButton, true);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setButtonText(QWizard::FinishButton, tr("&Enable SSO"));
    const std::pair<QWizard::WizardButton, const char *> names[] = {
        {QWizard::BackButton, "backButton"},
        {QWizard::NextButton, "nextButton"},
        {QWizard::FinishButton, "submitButton"},
        {QWizard::CancelButton, "cancelButton"}};
    for (const auto &[which, name] : names)
        button(which)->setObjectName(QLatin1String(name));

    m_provider = new SsoProviderPage(presetContext(), this);
    m_idp = new SsoIdpPage(this);
    m_client = new SsoClientPage(this);
    m_check = new SsoCheckPage(this);
    m_review = new SsoReviewPage(this);
    setPage(ProviderPageId, m_provider);
    setPage(IdpPageId, m_idp);
    setPage(ClientPageId, m_client);
    setPage(CheckPageId, m_check);
    setPage(ReviewPageId, m_review);

    SsoIdpSection *idp = m_idp->section();
    idp->setRedirectUri(m_redirectUri, !context.redirectUriIsSandboxValue,
                        static_cast<bool>(context.saveRedirectUri));
    MessageBar *banner = m_review->banner();
    m_retry = banner->addRetryAction();
    m_viewExisting =
        banner->addAction(QStringLiteral("viewExistingButton"), tr("View existing connection"));
    m_editInstead = banner->addAction(QStringLiteral("editInsteadButton"), tr("Edit it instead"));

    connect(this, &QWizard::currentIdChanged, this, &SsoEnableWizard::onPageChanged);
    connect(m_provider->panel(), &SsoProviderPanel::presetChanged, this, [this] {
        const auto preset = m_provider->panel()->preset();
        m_client->setExternalIdClaim(m_provider->panel()->externalIdClaim(),
                                     preset ? preset->name : QString());
    });
    connect(idp, &SsoIdpSection::redirectUriEdited, this, [this](const QString &uri) {
        m_redirectUri = uri;
        m_provider->panel()->setContext(presetContext());
        m_idp->setPreset(m_provider->panel()->preset(), presetContext());
        if (m_context.saveRedirectUri)
            m_context.saveRedirectUri(uri);
    });
    SsoIssuerChecklist *checklist = m_check->checklist();
    connect(checklist, &SsoIssuerChecklist::useIssuerRequested, this, [this](const QString &v) {
        m_provider->issuerField()->setText(v);
        m_check->check(m_provider->issuer());
    });
    connect(checklist, &SsoIssuerChecklist::stateChanged, this, &SsoEnableWizard::refreshReview);
    // Opening Advanced or a check's result grows the wizard (within the screen) instead of
    // squeezing the page.
    connect(m_client->advanced(), &SsoAdvancedSection::expandedChanged, this,
            &SsoEnableWizard::growToFit);
    connect(checklist, &SsoIssuerChecklist::stateChanged, this, &SsoEnableWizard::growToFit);

    connect(m_retry, &QPushButton::clicked, this, &SsoEnableWizard::send);
    connect(m_viewExisting, &QPushButton::clicked, this, [this] {
        if (m_existing)
            Q_EMIT viewConnectionRequested(m_organization, *m_existing);
        QWizard::done(QDialog::Accepted);
    });
    connect(m_editInstead, &QPushButton::clicked, this, [this] {
        if (m_existing)
            Q_EMIT editInsteadRequested(m_organization, *m_existing, createBody());
        QWizard::done(QDialog::Accepted);
    });
    connect(m_controller, &SsoController::failed, this, &SsoEnableWizard::onFailed);
    connect(m_controller, &SsoController::cancelled, this, &SsoEnableWizard::onCancelled);
    connect(m_controller, &SsoController::alreadyEnabled, this,
            [this](const QString &, const SsoConnection &existing) { onAlreadyEnabled(existing); });
    connect(m_controller, &SsoController::enabled, this,
            [this](const QString &, const SsoConnection &connection) {
                setBusy(false);
                Q_EMIT ssoEnabled(m_organization, connection);
                QWizard::done(QDialog::Accepted);
            });
    m_idp->setPreset(std::nullopt, presetContext());
}

SsoEnableWizard::~SsoEnableWizard() = default;

oidc::PresetContext SsoEnableWizard::presetContext() const
{
    oidc::PresetContext out;
    out.redirectUri = m_redirectUri;
    out.sandboxBase = m_context.sandboxBase;
    return out;
}

bool SsoEnableWizard::isBusy() const
{
    return m_controller->isBusy();
}

SsoConnectionCreate SsoEnableWizard::createBody() const
{
    SsoConnectionCreate body;
    body.identifier = m_provider->issuer();
    body.clientId = m_client->clientIdField()->text().trimmed();
    const QString secret = m_client->secretField()->text();
    if (!secret.isEmpty())
        body.clientSecret = secret;
    body.protocols = withExternalIdClaim(m_client->advanced()->protocols(),
                                         m_provider->panel()->externalIdClaim());
    return body;
}

QString SsoEnableWizard::requestId() const
{
    return m_client->advanced()->requestId();
}

SsoEnableReview SsoEnableWizard::review() const
{
    SsoEnableReview out;
    out.organization = displayName(m_organization);
    const auto preset = m_provider->panel()->preset();
    out.provider = preset ? preset->name : tr("None chosen (issuer typed)");
    out.body = createBody();
    out.requestId = requestId();
    const SsoIssuerChecklist *checklist = m_check->checklist();
    using State = SsoIssuerChecklist::State;
    using Verdict = SsoEnableReview::Verdict;
    const bool current = checklist->result() && checklist->result()->issuer == out.body.identifier;
    if (checklist->state() == State::Running || checklist->state() == State::Waiting) {
        out.verdict = Verdict::Running;
    } else if (checklist->state() == State::Done && current) {
        out.verdict = checklist->hasFailure() ? Verdict::Failed : Verdict::Passed;
        QStringList failed;
        for (const oidc::CheckItem &item : checklist->result()->checks) {
            if (!item.skipped && item.status == oidc::CheckStatus::Fail)
                failed << item.message;
        }
        out.verdictDetail = failed.join(QLatin1Char(' '));
    }
    return out;
}

bool SsoEnableWizard::hasTypedValues() const
{
    return !m_provider->panel()->presetId().isEmpty() || !m_provider->issuer().isEmpty() ||
           !m_client->clientIdField()->text().trimmed().isEmpty() ||
           !m_client->secretField()->text().isEmpty() || m_client->advanced()->protocols();
}

void SsoEnableWizard::growToFit()
{
    // After the page's new content is laid out.
    QTimer::singleShot(0, this, [this] {
        if (!isVisible())
            return;
        if (QWidget *page = currentPage()) {
            if (QLayout *l = page->layout())
                l->activate();
            page->updateGeometry();
        }
        const QSize want = sizeHint().expandedTo(minimumSizeHint()).expandedTo(size());
        const QSize room = screen() ? screen()->availableGeometry().size() * 9 / 10 : want;
        const QSize to = want.boundedTo(room).expandedTo(size());
        if (to != size())
            resize(to);
    });
}

void SsoEnableWizard::onPageChanged(int id)
{
    growToFit();
    if (id == IdpPageId)
        m_idp->setPreset(m_provider->panel()->preset(), presetContext());
    if (id == CheckPageId)
        m_check->check(m_provider->issuer());
    if (id == ReviewPageId) {
        m_review->banner()->clear();
        refreshReview();
    }
    // Focus starts on the page's first field; the Check page (a check running, no field) on
    // Next, the Review page on its Enable SSO button.
    QPointer<QWidget> first;
    if (id != CheckPageId) {
        for (QWidget *w : pageFocusOrder(id)) {
            if (w->isVisibleTo(this) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
                first = w;
                break;
            }
        }
    }
    if (!first)
        first = button(id == ReviewPageId ? QWizard::FinishButton : QWizard::NextButton);
    QTimer::singleShot(0, this, [first] {
        if (first)
            first->setFocus(Qt::TabFocusReason);
    });
}

QList<QWidget *> SsoEnableWizard::pageFocusOrder(int id) const
{
    switch (id) {
    case ProviderPageId:
        return m_provider->focusOrder();
    case IdpPageId:
        return m_idp->focusOrder();
    case ClientPageId:
        return m_client->focusOrder();
    case CheckPageId:
        return m_check->focusOrder();
    case ReviewPageId:
        return {m_retry, m_viewExisting, m_editInstead};
    default:
        return {};
    }
}

bool SsoEnableWizard::focusNextPrevChild(bool next)
{
    // Tab: the page's controls top to bottom, then the wizard's buttons, then round again —
    // whatever order the widgets were created in.
    QList<QWidget *> ring;
    QList<QWidget *> order = pageFocusOrder(currentId());
    for (QWizard::WizardButton b :
         {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton})
        order << button(b);
    for (QWidget *w : std::as_const(order)) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            ring << w;
    }
    const qsizetype at = ring.indexOf(QApplication::focusWidget());
    if (ring.isEmpty() || at < 0)
        return QWizard::focusNextPrevChild(next);
    const qsizetype to = (at + (next ? 1 : ring.size() - 1)) % ring.size();
    ring.at(to)->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

void SsoEnableWizard::refreshReview()
{
    if (currentId() != ReviewPageId)
        return;
    const SsoEnableReview r = review();
    m_review->setReview(r);
    m_review->checkSignIn(m_api, m_organization, r.body.identifier);
    const bool failed = r.verdict == SsoEnableReview::Verdict::Failed;
    setButtonText(QWizard::FinishButton, failed ? tr("Enable &anyway") : tr("&Enable SSO"));
    button(QWizard::FinishButton)
        ->setToolTip(failed ? tr("The issuer check failed. An identity provider on an internal "
                                 "network may be unreachable from this machine; Keycard may "
                                 "still reach it.")
                            : tr("Enable SSO with these settings"));
}

void SsoEnableWizard::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        // Enter in a field moves on; on the Review page it does nothing: only the button sends.
        if (currentId() != ReviewPageId && button(QWizard::NextButton)->isEnabled())
            next();
        event->accept();
        return;
    }
    QWizard::keyPressEvent(event);
}

void SsoEnableWizard::accept()
{
    if (currentId() != ReviewPageId || isBusy())
        return;
    send();
}

void SsoEnableWizard::reject()
{
    if (isBusy()) {
        m_controller->cancel();
        return;
    }
    if (!m_discardConfirmed && hasTypedValues()) {
        askBeforeDiscarding();
        return;
    }
    QWizard::reject();
}

void SsoEnableWizard::askBeforeDiscarding()
{
    if (m_discardBox) {
        m_discardBox->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard the SSO settings?"),
                                tr("Close Enable SSO for %1 and discard what you typed?")
                                    .arg(displayText(displayName(m_organization))),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardBox"));
    box->setTextFormat(Qt::PlainText);
    box->button(QMessageBox::Cancel)->setText(tr("Keep editing"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_discardBox = box;
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() != box->button(QMessageBox::Discard))
            return;
        m_discardConfirmed = true;
        QWizard::reject();
    });
    box->open();
}

void SsoEnableWizard::send()
{
    if (isBusy())
        return;
    m_review->banner()->clear();
    setBusy(true);
    m_controller->enable(labelOrId(m_organization), createBody(), requestId());
    // isBusy() is false when the client already answered (a rule failed before sending).
    if (!isBusy())
        setBusy(false);
}

void SsoEnableWizard::setBusy(bool busy)
{
    m_review->setBusy(busy, tr("Enabling SSO…"));
    Q_EMIT busyChanged(busy);
    button(QWizard::FinishButton)->setEnabled(!busy);
    button(QWizard::BackButton)->setEnabled(!busy);
    button(QWizard::CancelButton)
        ->setToolTip(busy ? tr("Stop waiting for Keycard") : tr("Close without enabling SSO"));
}

void SsoEnableWizard::showPage(int id)
{
    for (int i = 0; i < ReviewPageId && currentId() > id; ++i)
        back();
}

void SsoEnableWizard::onFailed(const ApiError &error)
{
    setBusy(false);
    MessageBar *banner = m_review->banner();
    using Kind = ApiError::Kind;
    if (error.kind == Kind::Validation || error.kind == Kind::InvalidArgument) {
        QString message =
            error.message.isEmpty() ? ApiError::kindTitle(error.kind) : displayText(error.message);
        const QString prefix = error.field + QStringLiteral(": ");
        if (!error.field.isEmpty() && message.startsWith(prefix) &&
            message.size() > prefix.size()) {
            message = message.mid(prefix.size());
            message[0] = message.at(0).toUpper();
        }
        ValidatedField *field = nullptr;
        int page = -1;
        if (error.field == QLatin1String(rules::rule(rules::Field::Identifier).jsonName)) {
            field = m_provider->issuerField();
            page = ProviderPageId;
        } else if (error.field == QLatin1String(rules::rule(rules::Field::ClientId).jsonName)) {
            field = m_client->clientIdField();
            page = ClientPageId;
        } else if (error.field == QLatin1String(rules::rule(rules::Field::ClientSecret).jsonName)) {
            field = m_client->secretField();
            page = ClientPageId;
        } else if (!error.field.isEmpty() &&
                   m_client->advanced()->showServerError(error.field, message)) {
            page = ClientPageId;
        }
        banner->showError(error, page >= 0 ? tr("See the message under the field.")
                                           : tr("Go back, correct the settings and send them "
                                                "again."));
        banner->setActions({});
        if (page >= 0) {
            showPage(page);
            if (field) {
                field->setServerError(message);
                field->edit()->setFocus();
            }
        }
        return;
    }
    if (error.kind == Kind::Permission) {
        banner->showError(error, error.message.contains(QStringLiteral("organizations.update"))
                                     ? tr("You may not change SSO for this organization.")
                                     : tr("You may not change SSO for this organization "
                                          "(requires the organizations.update permission)."));
        banner->setActions({});
        return;
    }
    if (error.kind == Kind::NotFound) {
        banner->showError(error, tr("The organization no longer exists on the server."));
        banner->setActions({});
        return;
    }
    const QString advice = errorAdvice(error);
    if (!retryCanHelp(error)) {
        banner->showError(error, advice);
        banner->setActions({});
        return;
    }
    banner->showError(error, (advice.isEmpty() ? QString() : advice + QLatin1Char(' ')) +
                                 tr("Nothing you typed was lost. Retry sends the request again "
                                    "with the same request ID."));
    banner->setActions({m_retry});
    m_retry->setFocus();
}

void SsoEnableWizard::onCancelled()
{
    setBusy(false);
    m_review->banner()->showMessage(
        MessageBar::Kind::Information,
        tr("Cancelled. If the request had already reached Keycard it may have been applied; "
           "Retry reuses the same request ID, so it is safe."),
        requestId());
    m_review->banner()->setActions({m_retry});
}

void SsoEnableWizard::onAlreadyEnabled(const SsoConnection &existing)
{
    setBusy(false);
    m_existing = existing;
    Q_EMIT existingConnectionFound(m_organization, existing);
    m_review->banner()->showMessage(
        MessageBar::Kind::Information,
        tr("SSO is already enabled for %1, with issuer %2. Keycard allows one connection per "
           "organization: view it, or edit it with what you typed here.")
            .arg(displayText(displayName(m_organization)), displayText(existing.identifier)));
    m_review->banner()->setActions({m_viewExisting, m_editInstead});
    m_editInstead->setFocus();
}

} // namespace keycard::ui
