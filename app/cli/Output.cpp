#include "Output.h"

#include "DisplayText.h"

#include "FieldRules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <utility>

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

QString dash()
{
    return QStringLiteral("—");
}

QString pad(const QString &text, int width)
{
    const int missing = width - rules::codePoints(text);
    return missing > 0 ? text + QString(missing, QLatin1Char(' ')) : text;
}

using Pairs = QList<std::pair<QString, QString>>;

// "Label:  value" lines with the values aligned; an empty label continues the previous entry.
QString keyValues(const Pairs &pairs, int indent = 0)
{
    int width = 0;
    for (const auto &[key, value] : pairs)
        width = std::max(width, rules::codePoints(key) + 1);
    QString out;
    const QString prefix(indent, QLatin1Char(' '));
    for (const auto &[key, value] : pairs) {
        const QString label = key.isEmpty() ? QString() : printable(key) + QLatin1Char(':');
        out += prefix + pad(label, width + 2) + printable(value);
        // Keep no trailing spaces for empty values.
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        out += QLatin1Char('\n');
    }
    return out;
}

QString yesNo(std::optional<bool> value)
{
    if (!value)
        return dash();
    return *value ? tr("yes") : tr("no");
}

// "organizations: read, update (not: delete)" per resource type.
Pairs permissionLines(const Permissions &permissions)
{
    Pairs lines;
    for (auto it = permissions.grants.cbegin(); it != permissions.grants.cend(); ++it) {
        QStringList granted;
        QStringList denied;
        for (auto p = it.value().cbegin(); p != it.value().cend(); ++p)
            (p.value() ? granted : denied) << p.key();
        QString text = granted.isEmpty() ? tr("none") : granted.join(QStringLiteral(", "));
        if (!denied.isEmpty())
            text += QStringLiteral(" (") + tr("denied: %1").arg(denied.join(QStringLiteral(", "))) +
                    QLatin1Char(')');
        lines.append({it.key(), text});
    }
    return lines;
}

QString jsonValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// Members of `object` not in `known`, as "prefix.key" -> value text.
void unknownFields(const QJsonObject &object, const QSet<QString> &known, const QString &prefix,
                   Pairs &out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            out.append({prefix + it.key(), jsonValueText(it.value())});
    }
}

} // namespace

void Console::out(const QByteArray &utf8)
{
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
}

void Console::err(const QString &text)
{
    std::fflush(stdout);
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    std::fflush(stderr);
}

bool Console::finish()
{
    return std::fflush(stdout) == 0 && !std::ferror(stdout);
}

QString printable(const QString &text)
{
    return displayText(text);
}

QStringList OrganizationTable::row(const Organization &organization) const
{
    QStringList cells{printable(organization.name), printable(organization.label),
                      printable(organization.id),
                      !organization.ssoEnabled   ? tr("unknown")
                      : *organization.ssoEnabled ? tr("enabled")
                                                 : dash(),
                      displayTime(organization.createdAt)};
    if (m_withPermissions) {
        std::optional<bool> update;
        if (organization.permissions)
            update = organization.permissions->allows(QStringLiteral("organizations"),
                                                      QStringLiteral("update"));
        cells << yesNo(update);
    }
    return cells;
}

QString OrganizationTable::line(const QStringList &cells) const
{
    QString text;
    for (qsizetype c = 0; c < cells.size(); ++c)
        text += c + 1 < cells.size() ? pad(cells.at(c), m_widths[c] + 2) : cells.at(c);
    return text + QLatin1Char('\n');
}

QString OrganizationTable::page(const QList<Organization> &organizations)
{
    QList<QStringList> rows;
    rows.reserve(organizations.size());
    for (const Organization &organization : organizations)
        rows << row(organization);
    QString out;
    if (rows.isEmpty())
        return out; // the header waits for the first page with rows
    if (m_widths.isEmpty()) {
        QStringList header{tr("NAME"), tr("LABEL"), tr("ID"), tr("SSO"), tr("CREATED")};
        if (m_withPermissions)
            header << tr("UPDATE");
        for (const QString &h : std::as_const(header))
            m_widths << rules::codePoints(h);
        for (const QStringList &cells : std::as_const(rows)) {
            for (qsizetype c = 0; c < cells.size(); ++c)
                m_widths[c] = std::max(m_widths[c],
                                       std::min(kMaxColumnWidth, rules::codePoints(cells.at(c))));
        }
        out += line(header);
    }
    for (const QStringList &cells : std::as_const(rows))
        out += line(cells);
    m_rows += rows.size();
    return out;
}

void JsonArrayStream::begin()
{
    if (m_begun)
        return;
    m_begun = true;
    Console::out(QByteArrayLiteral("["));
}

void JsonArrayStream::add(const QJsonObject &object)
{
    begin();
    Console::out(m_first ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n"));
    m_first = false;
    Console::out(compactJson(object));
}

void JsonArrayStream::end()
{
    begin();
    Console::out(m_first ? QByteArrayLiteral("]\n") : QByteArrayLiteral("\n]\n"));
}

QByteArray indentedJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString displayTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return dash();
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString organizationBlock(const Organization &organization)
{
    Pairs pairs{
        {tr("Name"), organization.name},
        {tr("Label"), organization.label},
        {tr("ID"), organization.id},
        {tr("SSO"), !organization.ssoEnabled   ? tr("unknown")
                    : *organization.ssoEnabled ? tr("enabled")
                                               : tr("not enabled")},
        {tr("Created"), displayTime(organization.createdAt)},
        {tr("Updated"), displayTime(organization.updatedAt)},
    };
    Pairs extra;
    unknownFields(organization.raw,
                  {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("label"),
                   QStringLiteral("sso_enabled"), QStringLiteral("created_at"),
                   QStringLiteral("updated_at"), QStringLiteral("permissions")},
                  QString(), extra);
    pairs += extra;
    QString out = keyValues(pairs);
    if (organization.permissions && !organization.permissions->grants.isEmpty())
        out += tr("Permissions:") + QLatin1Char('\n') +
               keyValues(permissionLines(*organization.permissions), 2);
    return out;
}

QString connectionBlock(const QString &organization, const SsoConnection &connection)
{
    Pairs pairs{
        {tr("Organization"), organization},
        {tr("Connection ID"), connection.id},
        {tr("Identifier"), connection.identifier},
        {tr("Client ID"), connection.clientId.value_or(tr("not set"))},
        {tr("Client secret"), connection.clientSecretSet ? tr("set") : tr("not set")},
        {tr("Created"), displayTime(connection.createdAt)},
        {tr("Updated"), displayTime(connection.updatedAt)},
    };
    QString out = keyValues(pairs);

    Pairs protocols;
    if (connection.protocols) {
        const auto add = [&](const QString &label, const std::optional<QString> &value) {
            if (value)
                protocols.append({label, *value});
        };
        const auto addList = [&](const QString &label, const std::optional<QStringList> &value) {
            if (value)
                protocols.append(
                    {label, value->isEmpty() ? dash() : value->join(QStringLiteral(", "))});
        };
        if (const auto &o = connection.protocols->oauth2) {
            add(tr("Authorization endpoint"), o->authorizationEndpoint);
            add(tr("Token endpoint"), o->tokenEndpoint);
            add(tr("JWKS URI"), o->jwksUri);
            add(tr("Registration endpoint"), o->registrationEndpoint);
            addList(tr("Scopes"), o->scopesSupported);
            addList(tr("Code challenge methods"), o->codeChallengeMethodsSupported);
        }
        if (const auto &o = connection.protocols->openid)
            add(tr("Userinfo endpoint"), o->userinfoEndpoint);
    }
    out += tr("Protocols:") + QLatin1Char('\n');
    out += protocols.isEmpty() ? QStringLiteral("  ") + tr("none") + QLatin1Char('\n')
                               : keyValues(protocols, 2);

    if (connection.permissions && !connection.permissions->grants.isEmpty())
        out += tr("Permissions:") + QLatin1Char('\n') +
               keyValues(permissionLines(*connection.permissions), 2);

    // Fields newer servers add (login_url, protocols.openid.external_id_claim, ...): shown raw.
    Pairs extra;
    unknownFields(connection.raw,
                  {QStringLiteral("id"), QStringLiteral("identifier"), QStringLiteral("client_id"),
                   QStringLiteral("client_secret_set"), QStringLiteral("created_at"),
                   QStringLiteral("updated_at"), QStringLiteral("permissions"),
                   QStringLiteral("protocols")},
                  QString(), extra);
    const QJsonObject rawProtocols = connection.raw.value(QLatin1String("protocols")).toObject();
    unknownFields(rawProtocols, {QStringLiteral("oauth2"), QStringLiteral("openid")},
                  QStringLiteral("protocols."), extra);
    unknownFields(rawProtocols.value(QLatin1String("oauth2")).toObject(),
                  {QStringLiteral("authorization_endpoint"), QStringLiteral("token_endpoint"),
                   QStringLiteral("jwks_uri"), QStringLiteral("registration_endpoint"),
                   QStringLiteral("scopes_supported"),
                   QStringLiteral("code_challenge_methods_supported")},
                  QStringLiteral("protocols.oauth2."), extra);
    unknownFields(rawProtocols.value(QLatin1String("openid")).toObject(),
                  {QStringLiteral("userinfo_endpoint")}, QStringLiteral("protocols.openid."),
                  extra);
    if (!extra.isEmpty())
        out += tr("Other fields:") + QLatin1Char('\n') + keyValues(extra, 2);
    return out;
}

} // namespace keycard::cli
