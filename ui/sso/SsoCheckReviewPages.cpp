// The last two pages of the Enable SSO wizard: Check and Review.
#include "SsoWizardPages.h"

#include "BusyIndicator.h"
#include "DisplayText.h"
#include "FieldRules.h"
#include "Format.h"
#include "InviteMemberDialog.h"
#include "KeycardClient.h"
#include "MessageBar.h"
#include "SignInImpactBox.h"
#include "SsoIssuerChecklist.h"
#include "Theme.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace keycard::ui {

// --- 4. Check --------------------------------------------------------------------------------

SsoCheckPage::SsoCheckPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("checkPage"));
    setTitle(tr("Check"));
    setSubTitle(tr("Keycard Admin reads the issuer's discovery document and signing keys, as "
                   "Keycard will. Go back to correct what fails, or go on."));
    m_checklist = new SsoIssuerChecklist(this);
    m_checklist->setDebounceMs(0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_checklist);
    layout->addStretch(1);
    const QList<QWidget *> order = focusOrder();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void SsoCheckPage::check(const QString &issuer)
{
    // A new issuer is checked at once; the result of the same issuer stays ("Check now" runs
    // it again).
    m_checklist->setIssuer(issuer, false);
    using State = SsoIssuerChecklist::State;
    if (m_checklist->state() == State::Idle || m_checklist->state() == State::Cancelled)
        m_checklist->checkNow();
}

QList<QWidget *> SsoCheckPage::focusOrder() const
{
    return m_checklist->focusOrder();
}

// --- 5. Review -------------------------------------------------------------------------------

SsoReviewPage::SsoReviewPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("Keycard receives exactly these settings. Nothing has been sent yet."));
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("reviewVerdict"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    m_banner = new MessageBar(QStringLiteral("banner"), this);
    m_busy = new BusyIndicator(this);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setTextFormat(Qt::PlainText);
    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busy);
    busyRow->addWidget(m_busyLabel, 1);

    m_impact = new SignInImpactBox(this);
    m_inviteAdmin = new QPushButton(tr("Invite an administrator…"), this);
    m_inviteAdmin->setObjectName(QStringLiteral("reviewInviteAdminButton"));
    m_inviteAdmin->setAutoDefault(false);
    m_inviteAdmin->hide();
    m_inviteNote = new QLabel(this);
    m_inviteNote->setObjectName(QStringLiteral("reviewInviteNote"));
    m_inviteNote->setTextFormat(Qt::PlainText);
    m_inviteNote->setWordWrap(true);
    m_inviteNote->hide();
    auto *inviteRow = new QHBoxLayout;
    inviteRow->addWidget(m_inviteNote, 1);
    inviteRow->addWidget(m_inviteAdmin);
    connect(m_impact, &SignInImpactBox::finished, this, [this](const SignInImpact &impact) {
        m_inviteAdmin->setVisible(impact.fewEmergencyAdmins());
    });
    connect(m_inviteAdmin, &QPushButton::clicked, this, [this] {
        if (!m_api)
            return;
        auto *dialog = new InviteMemberDialog(m_api, m_organization.id, displayName(m_organization),
                                              QLatin1String(member::kAdmin), this);
        connect(dialog, &InviteMemberDialog::invited, this, [this](const Invitation &invitation) {
            m_inviteNote->setText(tr("Invitation sent to %1. It counts once accepted.")
                                      .arg(format::shortText(displayText(invitation.email))));
            m_inviteNote->show();
        });
        dialog->open();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_impact);
    layout->addLayout(inviteRow);
    layout->addWidget(m_banner);
    layout->addStretch(1);
    layout->addLayout(busyRow);
    setBusy(false);
    setReview(SsoEnableReview{});
}

void SsoReviewPage::setReview(const SsoEnableReview &review)
{
    // The rows exist from the start (laid out with the page); only their text changes.
    int row = 0;
    auto add = [this, &row](const QString &field, const QString &value, const char *name) {
        if (row >= m_rows.size()) {
            auto *label = new QLabel(field, this);
            label->setTextFormat(Qt::PlainText);
            auto *text = new QLabel(this);
            text->setObjectName(QLatin1String(name));
            text->setTextFormat(Qt::PlainText);
            // One value per line, never wider than the page (the whole value is in the
            // tooltip and the accessible description; the Check page shows long issuers).
            text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            text->setTextInteractionFlags(Qt::TextSelectableByMouse);
            text->setAccessibleName(field);
            m_form->addRow(label, text);
            m_rows.append({field, text});
        }
        // Each line is a server-bound value: shown as it is, never as markup or layout.
        QStringList lines = value.split(QLatin1Char('\n'));
        for (QString &line : lines)
            line = displayText(line);
        QLabel *text = m_rows.at(row++).second;
        text->setText(lines.join(QLatin1Char('\n')));
        text->setToolTip(text->text());
        text->setAccessibleDescription(text->text());
    };
    using rules::Field;
    add(tr("Organization"), review.organization, "reviewOrganization");
    add(tr("Identity provider"), review.provider, "reviewProvider");
    add(rules::fieldLabel(Field::Identifier), review.body.identifier, "reviewIssuer");
    add(rules::fieldLabel(Field::ClientId), review.body.clientId, "reviewClientId");
    add(rules::fieldLabel(Field::ClientSecret),
        review.body.clientSecret ? tr("Set (not shown)") : tr("Not set"), "reviewClientSecret");
    const auto &protocols = review.body.protocols;
    const std::optional<QString> claim =
        protocols && protocols->openid ? protocols->openid->externalIdClaim : std::nullopt;
    add(tr("External ID claim"), claim.value_or(tr("Keycard's default")), "reviewExternalIdClaim");
    QStringList overrides;
    if (protocols && protocols->oauth2) {
        const OAuth2Settings &o = *protocols->oauth2;
        const std::pair<QString, std::optional<QString>> urls[] = {
            {tr("Authorization endpoint"), o.authorizationEndpoint},
            {tr("Token endpoint"), o.tokenEndpoint},
            {tr("JWKS URI"), o.jwksUri},
            {tr("Registration endpoint"), o.registrationEndpoint}};
        for (const auto &[label, value] : urls) {
            if (value)
                overrides << tr("%1: %2").arg(label, *value);
        }
        if (o.scopesSupported)
            overrides << tr("%1: %2").arg(tr("Scopes"), o.scopesSupported->join(QLatin1Char(' ')));
        if (o.codeChallengeMethodsSupported)
            overrides << tr("%1: %2").arg(tr("PKCE methods"),
                                          o.codeChallengeMethodsSupported->join(QLatin1Char(' ')));
    }
    if (protocols && protocols->openid && protocols->openid->userinfoEndpoint)
        overrides << tr("%1: %2").arg(tr("OpenID userinfo endpoint"),
                                      *protocols->openid->userinfoEndpoint);
    add(tr("Protocol settings"),
        overrides.isEmpty() ? tr("Discovered from the issuer") : overrides.join(QLatin1Char('\n')),
        "reviewProtocols");
    add(rules::fieldLabel(Field::RequestId), review.requestId, "reviewRequestId");

    using Verdict = SsoEnableReview::Verdict;
    QString verdict;
    theme::Outcome outcome = theme::Outcome::Neutral;
    switch (review.verdict) {
    case Verdict::Passed:
        verdict = tr("✓ The issuer passed the check.");
        outcome = theme::Outcome::Pass;
        break;
    case Verdict::Failed:
        verdict = tr("✗ The issuer failed the check: %1").arg(review.verdictDetail) +
                  QLatin1Char('\n') +
                  tr("An identity provider on an internal network may be unreachable from this "
                     "machine and still work for Keycard; \"Enable anyway\" sends the settings "
                     "as they are.");
        outcome = theme::Outcome::Fail;
        break;
    case Verdict::Running:
        verdict = tr("The issuer check is still running…");
        break;
    case Verdict::NotChecked:
        verdict = tr("The issuer was not checked.");
        break;
    }
    m_verdict->setText(verdict);
    m_verdict->setProperty("verdict", int(review.verdict));
    QPalette pal = m_verdict->palette();
    pal.setColor(QPalette::WindowText, theme::outcomeColor(palette(), outcome));
    m_verdict->setPalette(pal);
}

void SsoReviewPage::setBusy(bool busy, const QString &text)
{
    m_busy->setRunning(busy);
    m_busyLabel->setText(busy ? text : QString());
    m_busyLabel->setVisible(busy);
}

void SsoReviewPage::checkSignIn(KeycardClient *client, const Organization &organization,
                                const QString &issuer)
{
    const QString key = organization.id + QChar(0) + issuer;
    if (key == m_impactKey && m_api == client)
        return;
    m_impactKey = key;
    m_api = client;
    m_organization = organization;
    m_inviteAdmin->hide();
    m_impact->check(client, organization.id, SsoChange::Enable, {}, issuer);
}

QStringList SsoReviewPage::lines() const
{
    QStringList out;
    for (const auto &[field, label] : m_rows)
        out << tr("%1: %2").arg(field, label->text());
    return out;
}

} // namespace keycard::ui
