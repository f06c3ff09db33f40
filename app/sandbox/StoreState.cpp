// Store persistence: the state file holds, per changed organization, its updated_at, its
// permissions override and its SSO connection. Neither the client secret nor anything derived
// from it is written: only client_secret_set. (Files written by earlier versions carried an
// unsalted SHA-256 of the secret; it is dropped when such a file is loaded, and gone from the
// file at the next save.)
#include "Store.h"

#include "Models.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace keycard::sandbox {

namespace {

constexpr int kFormatVersion = 1;
const QString kVersion = QStringLiteral("version");
const QString kOrganizations = QStringLiteral("organizations");
const QString kId = QStringLiteral("id");
const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kPermissions = QStringLiteral("permissions");
const QString kConnection = QStringLiteral("sso_connection");
const QString kLegacySecretHash = QStringLiteral("client_secret_sha256");

} // namespace

bool Store::save(const QString &path, QString &error) const
{
    QList<int> changed(m_changed.cbegin(), m_changed.cend());
    std::sort(changed.begin(), changed.end());
    QJsonArray organizations;
    for (const int index : std::as_const(changed)) {
        const Organization &org = m_orgs.at(index);
        QJsonObject entry{{kId, org.id}, {kUpdatedAt, formatTimestamp(org.updatedAt)}};
        if (org.permissions)
            entry.insert(kPermissions, *org.permissions);
        if (org.connection) {
            entry.insert(kConnection, org.connection->json);
        } else {
            entry.insert(kConnection, QJsonValue::Null);
        }
        organizations.append(entry);
    }
    const QJsonObject root{{kVersion, kFormatVersion}, {kOrganizations, organizations}};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        error = file.errorString();
        return false;
    }
    return true;
}

bool Store::load(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        error = parseError.error != QJsonParseError::NoError
                    ? parseError.errorString()
                    : QCoreApplication::translate("SandboxServer", "not a JSON object");
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(kVersion).toInt() != kFormatVersion) {
        error = QCoreApplication::translate("SandboxServer", "unsupported state file version");
        return false;
    }
    const QJsonArray organizations = root.value(kOrganizations).toArray();
    for (const QJsonValue &value : organizations) {
        const QJsonObject entry = value.toObject();
        const int index = m_byId.value(entry.value(kId).toString(), -1);
        if (index < 0)
            continue; // an organization this run does not have (e.g. fewer --orgs)
        Organization &org = m_orgs[index];
        const QDateTime updatedAt = decode::timestamp(entry.value(kUpdatedAt).toString());
        if (updatedAt.isValid())
            org.updatedAt = updatedAt;
        if (entry.value(kPermissions).isObject())
            org.permissions = entry.value(kPermissions).toObject();
        const bool hadConnection = org.connection.has_value();
        const QJsonValue connectionValue = entry.value(kConnection);
        if (connectionValue.isObject()) {
            QJsonObject json = connectionValue.toObject();
            Connection connection;
            const bool legacyHash = !json.take(kLegacySecretHash).toString().isEmpty();
            const QString secretSet = QStringLiteral("client_secret_set");
            json.insert(secretSet, json.value(secretSet).toBool() || legacyHash);
            connection.json = json;
            org.connection = std::move(connection);
        } else if (connectionValue.isNull()) {
            org.connection.reset();
        }
        m_connectionCount += int(org.connection.has_value()) - int(hadConnection);
        m_changed.insert(index);
        if (index < m_bytes.size())
            m_bytes[index].clear();
    }
    return true;
}

} // namespace keycard::sandbox
