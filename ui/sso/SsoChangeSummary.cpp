#include "SsoChangeSummary.h"

#include "FieldRules.h"

#include <QCoreApplication>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace keycard::ui {

namespace {

QString none()
{
    return SsoChangeSummary::tr("(none)");
}

QString show(const std::optional<QString> &v)
{
    return v && !v->isEmpty() ? *v : none();
}

QString show(const std::optional<QStringList> &v)
{
    return v && !v->isEmpty() ? v->join(QStringLiteral(" ")) : none();
}

template<typename T>
void compare(QList<SsoChange> &out, const QString &label, const T &before, const T &after)
{
    const QString a = show(before);
    const QString b = show(after);
    if (a != b)
        out.append({label, a, b, true});
}

} // namespace

QString SsoChange::toString() const
{
    return SsoChangeSummary::tr("%1: %2 → %3").arg(field, oldValue, newValue);
}

QList<SsoChange> describeChanges(const SsoConnection &current, const SsoConnectionUpdate &update)
{
    using rules::Field;
    QList<SsoChange> out;
    if (update.identifier && *update.identifier != current.identifier)
        out.append({rules::fieldLabel(Field::Identifier), current.identifier, *update.identifier});
    if (update.clientId) {
        out.append(
            {rules::fieldLabel(Field::ClientId), show(current.clientId),
             update.clientId->isNull() ? SsoChangeSummary::tr("(removed)") : *update.clientId});
    }
    if (update.clientSecret) {
        const QString before =
            current.clientSecretSet ? SsoChangeSummary::tr("set") : SsoChangeSummary::tr("not set");
        QString after;
        if (update.clientSecret->isNull())
            after = SsoChangeSummary::tr("removed");
        else
            after = current.clientSecretSet ? SsoChangeSummary::tr("replaced")
                                            : SsoChangeSummary::tr("set");
        out.append({rules::fieldLabel(Field::ClientSecret), before, after});
    }
    if (update.protocols) {
        const SsoProtocols before = current.protocols.value_or(SsoProtocols{});
        const OAuth2Settings o1 = before.oauth2.value_or(OAuth2Settings{});
        const OAuth2Settings o2 = update.protocols->oauth2.value_or(OAuth2Settings{});
        const OpenIdSettings i1 = before.openid.value_or(OpenIdSettings{});
        const OpenIdSettings i2 = update.protocols->openid.value_or(OpenIdSettings{});
        const auto tr = [](const char *s) { return QCoreApplication::translate("keycard::ui", s); };
        compare(out, tr("Authorization endpoint"), o1.authorizationEndpoint,
                o2.authorizationEndpoint);
        compare(out, tr("Token endpoint"), o1.tokenEndpoint, o2.tokenEndpoint);
        compare(out, tr("JWKS URI"), o1.jwksUri, o2.jwksUri);
        compare(out, tr("Registration endpoint"), o1.registrationEndpoint, o2.registrationEndpoint);
        compare(out, tr("Scopes"), o1.scopesSupported, o2.scopesSupported);
        compare(out, tr("PKCE methods"), o1.codeChallengeMethodsSupported,
                o2.codeChallengeMethodsSupported);
        compare(out, tr("OpenID userinfo endpoint"), i1.userinfoEndpoint, i2.userinfoEndpoint);
    }
    return out;
}

SsoChangeSummary::SsoChangeSummary(QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_table(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("changeSummary"));
    m_intro->setObjectName(QStringLiteral("changeSummaryIntro"));
    m_intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("changeSummaryTable"));
    m_table->setTextFormat(Qt::RichText);
    m_table->setWordWrap(true);
    m_table->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
    // The form sends the protocol settings as one object, as it shows them; without an ETag
    // nothing tells a change made elsewhere in the meantime.
    m_note->setObjectName(QStringLiteral("changeSummaryNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setText(tr("Only the protocol settings listed here are sent. A protocol setting "
                       "changed elsewhere since this dialog opened stays as it is, unless it is "
                       "one of those listed."));
    m_note->hide();
    layout->addWidget(m_note);
}

void SsoChangeSummary::setChanges(const QList<SsoChange> &changes)
{
    m_changes = changes;
    m_intro->setText(tr("Review the %n changes before saving:", nullptr, int(changes.size())));
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='4'>");
    for (const SsoChange &c : changes) {
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td valign='top'>%2</td>"
                               "<td valign='top'>→</td><td valign='top'>%3</td></tr>")
                    .arg(c.field.toHtmlEscaped(), c.oldValue.toHtmlEscaped(),
                         c.newValue.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_table->setText(html);
    m_table->setAccessibleDescription(lines().join(QLatin1Char('\n')));
    m_note->setVisible(std::any_of(changes.begin(), changes.end(),
                                   [](const SsoChange &c) { return c.protocols; }));
}

QStringList SsoChangeSummary::lines() const
{
    QStringList out;
    for (const SsoChange &c : m_changes)
        out << c.toString();
    return out;
}

} // namespace keycard::ui
