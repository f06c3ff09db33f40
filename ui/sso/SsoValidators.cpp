#include "SsoValidators.h"

#include "ClientConfig.h"
#include "IssuerPaste.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace keycard::ui {

namespace {

const QString kDiscoverySuffix = QStringLiteral("/.well-known/openid-configuration");

bool hasOuterSpaces(const QString &text)
{
    return !text.isEmpty() && (text.front().isSpace() || text.back().isSpace());
}

FieldAssessment withFix(FieldAssessment a, const QString &fix)
{
    a.fix = fix;
    a.fixLabel = AssessingValidator::tr("Use %1").arg(fix);
    return a;
}

// "acme.okta.com" or "acme.okta.com/oauth2/default": a host name typed without a scheme.
bool looksLikeBareHost(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]+)?(/\\S*)?$"));
    return re.match(text).hasMatch();
}

} // namespace

FieldValidator::FieldValidator(rules::Field field, QObject *parent)
    : AssessingValidator(parent)
    , m_field(field)
{
}

FieldAssessment FieldValidator::assess(const QString &text) const
{
    if (text.isEmpty() && m_emptyNote) {
        FieldAssessment a;
        a.message = *m_emptyNote;
        return a;
    }
    if (const auto violation = rules::check(m_field, text))
        return FieldAssessment::intermediate(violation->message(),
                                             rules::canBecomeValid(m_field, text));
    if (m_trimSpaces && hasOuterSpaces(text)) {
        FieldAssessment a = FieldAssessment::intermediate(tr("Starts or ends with a space"), false);
        a.fix = text.trimmed();
        a.fixLabel = tr("Remove the spaces");
        return a;
    }
    return {};
}

void FieldValidator::fixup(QString &input) const
{
    if (m_trimSpaces)
        input = input.trimmed();
}

FieldAssessment assessUrl(const QString &text, UrlRules urlRules)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("keycard::ui", s); };
    for (const QChar c : text) {
        if (c.isSpace())
            return FieldAssessment::intermediate(tr("Must not contain spaces"), false);
    }
    const int schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd < 0) {
        const QString lower = text.toLower();
        if (QStringLiteral("https://").startsWith(lower) ||
            QStringLiteral("http://").startsWith(lower))
            return FieldAssessment::intermediate(tr("Must start with https://"));
        FieldAssessment a = FieldAssessment::intermediate(tr("Must start with https://"), false);
        if (looksLikeBareHost(text))
            a = withFix(a, QStringLiteral("https://") + text);
        return a;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return FieldAssessment::intermediate(tr("Must start with https://"), false);
    if (text.size() == schemeEnd + 3)
        return FieldAssessment::intermediate(tr("Enter the host name after https://"));
    if (!url.isValid() || url.host().isEmpty())
        return FieldAssessment::intermediate(tr("Not a valid URL"), false);
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        FieldAssessment a = FieldAssessment::intermediate(
            tr("Must use https:// (http:// only for localhost)"), false);
        return withFix(a, QStringLiteral("https") + text.mid(schemeEnd));
    }
    if (urlRules.issuer) {
        if (const auto bare = IssuerValidator::stripDiscoverySuffix(text)) {
            FieldAssessment a = FieldAssessment::intermediate(
                AssessingValidator::tr("This is the discovery document's address, not the issuer"),
                false);
            return withFix(a, *bare);
        }
        if (url.hasQuery() || url.hasFragment())
            return FieldAssessment::intermediate(
                tr("An issuer URL has no query (?…) or fragment (#…)"), false);
    }
    return {};
}

IssuerValidator::IssuerValidator(QObject *parent)
    : FieldValidator(rules::Field::Identifier, parent)
{
    setTrimSpaces(true);
}

FieldAssessment IssuerValidator::assess(const QString &text) const
{
    FieldAssessment a = FieldValidator::assess(text);
    if (a.isAcceptable())
        a = assessUrl(text, UrlRules{true});
    if (a.isAcceptable()) {
        // FieldRules' issuer rules, the ones keycardctl and the client apply: what they refuse
        // is Intermediate here, what they only warn about an Acceptable note.
        if (const auto problem = rules::checkIssuer(text)) {
            a = FieldAssessment::intermediate(problem->message(), false);
        } else {
            QStringList notes;
            for (const rules::IssuerWarning &w : rules::issuerWarnings(text))
                notes << w.message();
            if (!notes.isEmpty())
                a.message = notes.join(QLatin1Char(' '));
        }
    }
    // Something pasted that implies another issuer (an endpoint, an admin console, a tenant
    // id, ...): offered as a one-click fix, never applied silently.
    if (!a.fix && !text.isEmpty()) {
        if (const auto suggestion = oidc::suggestIssuer(text)) {
            a.fix = suggestion->issuer;
            a.fixLabel = tr("Use %1").arg(suggestion->issuer);
            if (a.isAcceptable() || a.message.isEmpty())
                a.message = suggestion->reason;
            else
                a.message = a.message + QStringLiteral(" — ") + suggestion->reason;
        }
    }
    return a;
}

std::optional<QString> IssuerValidator::stripDiscoverySuffix(const QString &text)
{
    QString t = text.trimmed();
    while (t.endsWith(QLatin1Char('/')) && t.size() > 1)
        t.chop(1);
    if (!t.endsWith(kDiscoverySuffix, Qt::CaseInsensitive))
        return std::nullopt;
    t.chop(kDiscoverySuffix.size());
    return t;
}

FieldAssessment EndpointValidator::assess(const QString &text) const
{
    if (text.isEmpty())
        return {};
    if (hasOuterSpaces(text)) {
        FieldAssessment a = FieldAssessment::intermediate(tr("Starts or ends with a space"), false);
        a.fix = text.trimmed();
        a.fixLabel = tr("Remove the spaces");
        return a;
    }
    return assessUrl(text, UrlRules{false});
}

void EndpointValidator::fixup(QString &input) const
{
    input = input.trimmed();
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace keycard::ui
