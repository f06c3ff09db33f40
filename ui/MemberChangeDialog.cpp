#include "MemberChangeDialog.h"

#include "BusyIndicator.h"
#include "KeycardClient.h"
#include "MessageBar.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace keycard {

namespace {
constexpr int kPageSize = 500;
constexpr qint64 kMaxMembers = 1000000;
} // namespace

MemberChangeDialog::MemberChangeDialog(KeycardClient *client, const QString &organizationId,
                                       const QString &ssoIssuer, const OrganizationUser &member,
                                       MemberChange change, const Question &question,
                                       QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(question.text, this))
    , m_busy(new BusyIndicator(this))
    , m_progress(new QLabel(this))
    , m_bar(new MessageBar(QStringLiteral("adminRuleBar"), this))
{
    setObjectName(question.objectName);
    setWindowTitle(question.title);
    setAttribute(Qt::WA_DeleteOnClose);
    m_text->setObjectName(QStringLiteral("memberChangeText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setObjectName(QStringLiteral("adminRuleBusy"));
    m_progress->setObjectName(QStringLiteral("adminRuleProgress"));
    m_progress->setTextFormat(Qt::PlainText);
    m_bar->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_confirm = buttons->addButton(question.confirmText, QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setAutoDefault(false);
    m_cancel->setDefault(true);
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_busy);
    progressRow->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(progressRow);
    layout->addWidget(m_bar);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    if (member.isAdmin() && member.isActive()) {
        check(client, organizationId, ssoIssuer, member, change);
    } else {
        m_busy->hide();
        m_progress->hide();
    }
    m_cancel->setFocus();
}

MemberChangeDialog::~MemberChangeDialog()
{
    if (m_call)
        m_call->abort();
}

void MemberChangeDialog::check(KeycardClient *client, const QString &organizationId,
                               const QString &ssoIssuer, const OrganizationUser &member,
                               MemberChange change)
{
    auto rule = std::make_shared<AdminRuleCheck>(member.id, change, ssoIssuer);
    if (!client) {
        show(rule->unknown(tr("Not connected to Keycard.")));
        return;
    }
    m_confirm->setEnabled(false);
    m_busy->setRunning(true);
    m_progress->setText(tr("Reading the members to see which administrators remain…"));
    auto read = std::make_shared<qint64>(0);
    ListMembersRequest first;
    first.limit = kPageSize;
    m_call = client->listAllMembers(
        organizationId, first, this,
        [this, rule, read](const MemberPage &page) {
            rule->addMembers(page.items);
            *read += page.items.size();
            m_progress->setText(tr("Reading the members to see which administrators remain… "
                                   "%1 read")
                                    .arg(QLocale().toString(*read)));
        },
        [this, rule](const Result<ListAllMembersOutcome> &result) {
            m_call = nullptr;
            if (!result.ok()) {
                if (result.error().kind == ApiError::Kind::Cancelled)
                    return;
                show(rule->unknown(
                    tr("The members could not be read: %1").arg(result.error().message)));
                return;
            }
            show(rule->result(result.value().incompleteReasons()));
        },
        {}, kMaxMembers);
}

void MemberChangeDialog::show(const AdminRuleResult &result)
{
    m_busy->setRunning(false);
    m_busy->hide();
    m_progress->hide();
    m_result = result;
    MessageBar::Kind kind = MessageBar::Kind::Information;
    QString title;
    switch (result.verdict) {
    case AdminRuleVerdict::Allowed:
        title = tr("Another administrator remains");
        break;
    case AdminRuleVerdict::NoEmergencyAdmin:
        kind = MessageBar::Kind::Warning;
        title = tr("No administrator outside SSO would remain");
        break;
    case AdminRuleVerdict::LastAdministrator:
        kind = MessageBar::Kind::Error;
        title = tr("The last active administrator cannot be changed");
        break;
    case AdminRuleVerdict::Unknown:
        kind = MessageBar::Kind::Warning;
        title = tr("Whether an administrator remains is unknown");
        break;
    }
    m_bar->showMessage(kind, result.describe().join(QLatin1Char('\n')), {}, title);
    m_bar->show();
    m_confirm->setEnabled(!result.refused());
    m_confirm->setToolTip(result.refused() ? result.describe().value(0) : QString());
    adjustSize();
}

} // namespace keycard
