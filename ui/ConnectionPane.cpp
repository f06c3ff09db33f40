#include "ConnectionPane.h"

#include "Format.h"
#include "PaneStack.h"
#include "SsoLoginSection.h"
#include "StateView.h"
#include "ValueField.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace keycard {

static const QStringList kKnownConnectionKeys = {
    QStringLiteral("id"),          QStringLiteral("identifier"),
    QStringLiteral("client_id"),   QStringLiteral("client_secret_set"),
    QStringLiteral("created_at"),  QStringLiteral("updated_at"),
    QStringLiteral("permissions"), QStringLiteral("protocols"),
    QStringLiteral("login_url")}; // shown by SsoLoginSection

ConnectionPane::ConnectionPane(QWidget *parent)
    : QWidget(parent)
    , m_details(new QWidget)
    , m_stack(new PaneStack(QStringLiteral("connection"), m_details, this))
    , m_state(m_stack->stateView())
    , m_id(new ValueField(QStringLiteral("connectionId"), tr("Connection ID"), ValueField::Copyable,
                          m_details))
    , m_identifier(new ValueField(QStringLiteral("identifier"), tr("Issuer URL"),
                                  ValueField::Copyable | ValueField::Openable, m_details))
    , m_clientId(new ValueField(QStringLiteral("clientId"), tr("Client ID"), ValueField::Copyable,
                                m_details))
    , m_secret(new ValueField(QStringLiteral("clientSecret"), tr("Client secret"),
                              ValueField::NoOptions, m_details))
    , m_created(new ValueField(QStringLiteral("connectionCreated"), tr("Created"),
                               ValueField::NoOptions, m_details))
    , m_updated(new ValueField(QStringLiteral("connectionUpdated"), tr("Updated"),
                               ValueField::NoOptions, m_details))
    , m_otherBox(new QGroupBox(tr("More fields reported by the server"), m_details))
    , m_otherForm(new QFormLayout(m_otherBox))
{
    setObjectName(QStringLiteral("connectionPane"));
    m_state->button()->setObjectName(QStringLiteral("enableSsoButton"));
    m_otherBox->setObjectName(QStringLiteral("otherFieldsBox"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->addRow(tr("Issuer URL:"), m_identifier);
    form->addRow(tr("Client ID:"), m_clientId);
    form->addRow(tr("Client secret:"), m_secret);
    form->addRow(tr("Connection ID:"), m_id);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Updated:"), m_updated);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(12, 12, 12, 12);
    detailsLayout->addLayout(form);
    m_login = new SsoLoginSection(m_details);
    detailsLayout->addWidget(m_login);
    detailsLayout->addWidget(m_otherBox);
    detailsLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_state->button(), &QPushButton::clicked, this, &ConnectionPane::enableSsoRequested);
    showLoading();
}

void ConnectionPane::showLoading()
{
    m_state->setState({}, tr("Loading the SSO connection…"), {}, true);
    m_state->setButton({});
    m_stack->showStateView();
}

void ConnectionPane::showConnection(const SsoConnection &connection)
{
    m_id->setValue(connection.id);
    m_identifier->setValue(connection.identifier);
    if (connection.clientId)
        m_clientId->setValue(*connection.clientId);
    else
        m_clientId->setMissing(tr("Not set"));
    m_secret->setValue(connection.clientSecretSet
                           ? tr("Set (Keycard stores it encrypted and never shows it)")
                           : tr("Not set"));
    m_created->setValue(format::localTime(connection.createdAt),
                        format::utcTooltip(connection.createdAt));
    m_updated->setValue(format::localTime(connection.updatedAt),
                        format::utcTooltip(connection.updatedAt));
    m_login->showConnection(connection);
    showOtherFields(connection.raw);
    m_stack->showContent();
}

void ConnectionPane::showOtherFields(const QJsonObject &raw)
{
    while (m_otherForm->rowCount() > 0)
        m_otherForm->removeRow(0);
    const int rows = ValueField::addJsonRows(m_otherForm, m_otherBox, raw, kKnownConnectionKeys,
                                             QStringLiteral("other_"),
                                             ValueField::Copyable | ValueField::Openable);
    m_otherBox->setVisible(rows > 0);
}

void ConnectionPane::showNoSso(const QString &organizationName)
{
    m_state->setState(
        QStringLiteral("sso-off"), tr("Single sign-on is not enabled for %1").arg(organizationName),
        tr("With SSO, members sign in to Keycard through your identity provider (Okta, Entra ID, "
           "Google Workspace, …) with the accounts and policies you already manage there. "
           "Enabling it needs the IdP's issuer URL and the client ID of an application "
           "registered at the IdP."));
    // Alt+E is the Edit menu's.
    m_state->setButton(tr("Ena&ble SSO…"), QStringLiteral("sso-enable"));
    m_stack->showStateView();
}

void ConnectionPane::showUnavailable(const QString &advice)
{
    m_state->setState(QStringLiteral("warning"), tr("The SSO connection could not be loaded"),
                      advice);
    m_state->setButton({});
    m_stack->showStateView();
}

void ConnectionPane::setEnableAvailable(bool available, const QString &toolTip)
{
    m_state->button()->setEnabled(available);
    m_state->button()->setToolTip(format::plainToolTip(toolTip));
}

} // namespace keycard
