#include "InviteMemberDialog.h"

#include "FieldRules.h"
#include "Format.h"
#include "KeycardClient.h"
#include "MemberListModel.h"
#include "MessageBar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keycard {

InviteMemberDialog::InviteMemberDialog(KeycardClient *client, const QString &organizationId,
                                       const QString &organizationName, const QString &role,
                                       QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_organizationId(organizationId)
    , m_email(new QLineEdit(this))
    , m_emailMessage(new QLabel(this))
    , m_role(new QComboBox(this))
    , m_banner(new MessageBar(QStringLiteral("inviteBanner"), this))
    , m_invite(new QPushButton(tr("Send invitation"), this))
{
    setObjectName(QStringLiteral("inviteMemberDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(440);
    const QString name = format::shortText(organizationName);
    setWindowTitle(tr("Invite a member — %1").arg(name));

    auto *heading = new QLabel(tr("Invite someone to %1").arg(name), this);
    heading->setObjectName(QStringLiteral("inviteHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    auto *explain = new QLabel(
        tr("Keycard sends an invitation to this address. Once accepted, the person signs in "
           "with a Keycard account: an administrator invited so can still sign in if single "
           "sign-on breaks."),
        this);
    explain->setWordWrap(true);

    m_email->setObjectName(QStringLiteral("inviteEmailEdit"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_emailMessage->setObjectName(QStringLiteral("inviteEmailMessage"));
    m_emailMessage->setTextFormat(Qt::PlainText);
    m_emailMessage->setWordWrap(true);
    m_role->setObjectName(QStringLiteral("inviteRoleCombo"));
    m_role->setAccessibleName(tr("Role"));
    for (const QString &value : rules::allowedValues(rules::Field::Role))
        m_role->addItem(MemberListModel::roleText(value), value);
    m_role->setCurrentIndex(qMax(0, m_role->findData(role)));

    auto *form = new QFormLayout;
    auto *emailLabel = new QLabel(tr("&Email:"), this);
    emailLabel->setBuddy(m_email);
    auto *roleLabel = new QLabel(tr("&Role:"), this);
    roleLabel->setBuddy(m_role);
    form->addRow(emailLabel, m_email);
    form->addRow(QString(), m_emailMessage);
    form->addRow(roleLabel, m_role);

    m_invite->setObjectName(QStringLiteral("inviteButton"));
    m_invite->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_invite, QDialogButtonBox::AcceptRole);
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_email, &QLineEdit::textChanged, this, &InviteMemberDialog::refresh);
    connect(m_invite, &QPushButton::clicked, this, &InviteMemberDialog::send);
    connect(cancel, &QPushButton::clicked, this, &InviteMemberDialog::reject);
    refresh();
    m_email->setFocus();
}

InviteMemberDialog::~InviteMemberDialog()
{
    if (m_call)
        m_call->abort();
}

void InviteMemberDialog::refresh()
{
    const QString email = m_email->text().trimmed();
    const auto violation = rules::check(rules::Field::Email, email);
    // Nothing typed yet is no mistake: say nothing until there is something to say.
    m_emailMessage->setText(violation && !email.isEmpty() ? violation->message() : QString());
    m_invite->setEnabled(!violation && !m_call);
}

void InviteMemberDialog::send()
{
    if (!m_client || m_call || rules::check(rules::Field::Email, m_email->text().trimmed()))
        return;
    InvitationCreate body;
    body.email = m_email->text().trimmed();
    body.role = m_role->currentData().toString();
    m_banner->clear();
    m_call = m_client->createInvitation(
        m_organizationId, body, this, [this](const Result<Invitation> &result) {
            m_call = nullptr;
            if (result.ok()) {
                Q_EMIT invited(result.value());
                accept();
                return;
            }
            if (result.error().kind != ApiError::Kind::Cancelled)
                m_banner->showApiError(tr("The invitation was not sent"), result.error());
            refresh();
        });
    refresh();
}

} // namespace keycard
