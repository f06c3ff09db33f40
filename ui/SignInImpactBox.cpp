#include "SignInImpactBox.h"

#include "BusyIndicator.h"
#include "KeycardClient.h"
#include "MessageBar.h"

#include <QVBoxLayout>

#include <memory>

namespace keycard {

SignInImpactBox::SignInImpactBox(QWidget *parent)
    : QWidget(parent)
    , m_busy(new BusyIndicator(this))
    , m_bar(new MessageBar(QStringLiteral("signInImpactBar"), this))
{
    setObjectName(QStringLiteral("signInImpact"));
    m_busy->setObjectName(QStringLiteral("signInImpactBusy"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_bar);
}

SignInImpactBox::~SignInImpactBox()
{
    if (m_call)
        m_call->abort();
}

QString SignInImpactBox::text() const
{
    return m_bar->isVisible() || m_impact ? m_bar->text() : QString();
}

void SignInImpactBox::check(KeycardClient *client, const QString &organizationId, SsoChange change,
                            const QString &currentIssuer, const QString &newIssuer)
{
    ++m_generation;
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    m_impact.reset();
    auto sum = std::make_shared<SignInImpactCheck>(change, currentIssuer, newIssuer);
    if (!client) {
        show(sum->unknown(tr("Not connected to Keycard.")));
        return;
    }
    m_bar->showMessage(MessageBar::Kind::Information,
                       tr("Reading the members to see who signs in through single sign-on…"));
    m_busy->setRunning(true);
    const quint64 generation = m_generation;
    ListMembersRequest first;
    first.limit = 1000;
    m_call = client->listAllMembers(
        organizationId, first, this,
        [sum, generation, this](const MemberPage &page) {
            if (generation != m_generation)
                return;
            sum->addMembers(page.items);
            sum->addIncomplete(page.skippedItems);
        },
        [sum, generation, this](const Result<ListAllMembersOutcome> &result) {
            if (generation != m_generation)
                return;
            m_call = nullptr;
            if (!result.ok()) {
                if (result.error().kind == ApiError::Kind::Cancelled)
                    return;
                show(sum->unknown(result.error().message));
                return;
            }
            show(sum->result(result.value().incompleteReasons()));
        });
}

void SignInImpactBox::show(const SignInImpact &impact)
{
    m_busy->setRunning(false);
    m_impact = impact;
    MessageBar::Kind kind = MessageBar::Kind::Information;
    QString title;
    switch (impact.verdict) {
    case ImpactVerdict::NobodyLoses:
        title = tr("Nobody loses sign-in");
        if (impact.fewEmergencyAdmins())
            kind = MessageBar::Kind::Warning;
        break;
    case ImpactVerdict::SomeoneLoses:
        kind = MessageBar::Kind::Warning;
        title = tr("Members would lose sign-in");
        break;
    case ImpactVerdict::NoAdministratorLeft:
        kind = MessageBar::Kind::Error;
        title = tr("No administrator would be left able to sign in");
        break;
    case ImpactVerdict::Unknown:
        kind = MessageBar::Kind::Warning;
        title = tr("Who loses sign-in is unknown");
        break;
    }
    m_bar->showMessage(kind, impact.describe().join(QLatin1Char('\n')), {}, title);
    Q_EMIT finished(impact);
}

} // namespace keycard
