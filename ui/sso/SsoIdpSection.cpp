#include "SsoIdpSection.h"

#include "ProviderPresets.h"
#include "SsoProviderPanel.h"
#include "ValidatedField.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

namespace {

QLabel *plain(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SsoIdpSection::SsoIdpSection(QWidget *parent)
    : QGroupBox(tr("At your identity provider"), parent)
{
    setObjectName(QStringLiteral("idpSection"));
    const QString defaultUri = QString::fromLatin1(oidc::kDefaultRedirectUri);
    m_redirect = new QLineEdit(defaultUri, this);
    m_redirect->setObjectName(QStringLiteral("redirectUriEdit"));
    m_redirect->setAccessibleName(tr("Redirect URI"));
    m_copy = new QToolButton(this);
    m_copy->setObjectName(QStringLiteral("copyRedirectUriButton"));
    m_copy->setToolTip(tr("Copy the redirect URI"));
    m_copy->setAccessibleName(tr("Copy the redirect URI"));
    makeCopyButton(m_copy, [this] { return redirectUri(); });
    m_reset = new QToolButton(this);
    m_reset->setObjectName(QStringLiteral("resetRedirectUriButton"));
    m_reset->setText(tr("Default"));
    m_reset->setToolTip(tr("Use Keycard's default redirect URI, %1").arg(defaultUri));
    m_reset->setAccessibleName(tr("Use the default redirect URI"));
    auto *redirectRow = new QHBoxLayout;
    redirectRow->setContentsMargins(0, 0, 0, 0);
    redirectRow->addWidget(m_redirect, 1);
    redirectRow->addWidget(m_copy);
    redirectRow->addWidget(m_reset);
    m_redirectHint = new QLabel(this);
    m_redirectHint->setObjectName(QStringLiteral("redirectUriHint"));
    m_redirectHint->setWordWrap(true);
    QPalette muted = m_redirectHint->palette();
    muted.setColor(QPalette::WindowText, AssessingValidator::messageColor(muted, false));
    m_redirectHint->setPalette(muted);
    auto *redirectBox = new QVBoxLayout;
    redirectBox->setSpacing(2);
    redirectBox->addLayout(redirectRow);
    redirectBox->addWidget(m_redirectHint);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *redirectLabel = new QLabel(tr("&Redirect URI"), this);
    redirectLabel->setBuddy(m_redirect);
    form->addRow(redirectLabel, redirectBox);
    form->addRow(tr("Application type"), plain(tr("Web"), this));
    form->addRow(tr("Grant type"), plain(tr("Authorization Code"), this));
    form->addRow(tr("Scopes"), makeCopyableValue(QStringLiteral("scopes"),
                                                 QString::fromLatin1(oidc::kRequestedScopes),
                                                 tr("Scopes"), tr("Copy the scopes"), this));
    if (auto *copyScopes = findChild<QToolButton *>(QStringLiteral("scopesCopy")))
        copyScopes->setObjectName(QStringLiteral("copyScopesButton"));

    m_note = new QLabel(tr("Before you enable SSO: a member's first SSO sign-in creates them in "
                           "Keycard without roles, and granting roles takes an administrator who "
                           "does not sign in through SSO. Keep one such administrator account."),
                        this);
    m_note->setObjectName(QStringLiteral("firstEnableNote"));
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);

    connect(m_reset, &QToolButton::clicked, this, [this, defaultUri] {
        m_redirect->setText(defaultUri);
        m_saved = defaultUri;
        Q_EMIT redirectUriEdited(defaultUri);
    });
    connect(m_redirect, &QLineEdit::editingFinished, this, [this] {
        const QString uri = redirectUri();
        if (uri == m_saved)
            return;
        m_saved = uri;
        Q_EMIT redirectUriEdited(uri);
    });
    setRedirectUri(defaultUri, true);
}

QString SsoIdpSection::redirectUri() const
{
    const QString text = m_redirect->text().trimmed();
    return text.isEmpty() ? QString::fromLatin1(oidc::kDefaultRedirectUri) : text;
}

void SsoIdpSection::setRedirectUri(const QString &uri, bool editable, bool persisted)
{
    m_redirect->setText(uri.isEmpty() ? QString::fromLatin1(oidc::kDefaultRedirectUri) : uri);
    m_saved = redirectUri();
    m_redirect->setReadOnly(!editable);
    m_reset->setVisible(editable);
    m_redirectHint->setText(
        !editable   ? tr("The sandbox's own redirect URI (the sandbox profile's value).")
        : persisted ? tr("Register it in the identity provider's application. If the Keycard "
                         "console shows a redirect URL for your organization, paste that one "
                         "here; it is kept with this connection profile.")
                    : tr("Register it in the identity provider's application. If the Keycard "
                         "console shows a redirect URL for your organization, paste that one "
                         "here; it is kept until Keycard Admin closes."));
}

void SsoIdpSection::setFirstEnableNoteVisible(bool visible)
{
    m_note->setVisible(visible);
}

void SsoIdpSection::setLocked(bool locked)
{
    m_redirect->setEnabled(!locked);
    m_reset->setEnabled(!locked);
}

} // namespace keycard::ui
