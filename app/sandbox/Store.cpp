#include "Store.h"

#include "DemoData.h"
#include "Models.h"

#include <QJsonValue>
#include <QRandomGenerator>

namespace keycard::sandbox {

namespace {

const QString kRead = QStringLiteral("read");
const QString kUpdate = QStringLiteral("update");
const QString kDelete = QStringLiteral("delete");
const QString kSsoConnection = QStringLiteral("sso_connection");

QJsonObject allPermissions()
{
    return QJsonObject{
        {QStringLiteral("organizations"), QJsonObject{{kRead, true}, {kUpdate, true}}},
        {kSsoConnection, QJsonObject{{kRead, true}, {kUpdate, true}, {kDelete, true}}},
        {QStringLiteral("users"),
         QJsonObject{
             {kRead, true}, {QStringLiteral("list"), true}, {kUpdate, true}, {kDelete, true}}},
        {QStringLiteral("invitations"), QJsonObject{{QStringLiteral("list"), true},
                                                    {QStringLiteral("create"), true},
                                                    {kDelete, true}}},
    };
}

// A JSON string literal: UTF-8, with '"', '\\' and control characters escaped (as \u00XX, where
// QJsonDocument writes \n or \t: the same string once parsed). A lone surrogate becomes what
// QString::toUtf8() makes of it; the sandbox's names never have one.
void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto u = uchar(c);
        if (u == '"' || u == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendDigits(QByteArray &out, int value, int width)
{
    char digits[8];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(digits, width);
}

// formatTimestamp() (RFC 3339 with milliseconds and 'Z'), without QString::asprintf.
void appendTimestamp(QByteArray &out, const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    if (!utc.isValid() || date.year() < 1 || date.year() > 9999) {
        out += '"' + formatTimestamp(time).toUtf8() + '"';
        return;
    }
    const QTime clock = utc.time();
    out += '"';
    appendDigits(out, date.year(), 4);
    out += '-';
    appendDigits(out, date.month(), 2);
    out += '-';
    appendDigits(out, date.day(), 2);
    out += 'T';
    appendDigits(out, clock.hour(), 2);
    out += ':';
    appendDigits(out, clock.minute(), 2);
    out += ':';
    appendDigits(out, clock.second(), 2);
    out += '.';
    appendDigits(out, clock.msec(), 3);
    out += "Z\"";
}

// RFC 7396: each member of `patch` replaces the target's (objects merged member by member),
// null removes it; members of the target the patch leaves out stay. Objects left empty go.
QJsonObject applyMergePatch(QJsonObject target, const QJsonObject &patch)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isNull()) {
            target.remove(it.key());
        } else if (it.value().isObject()) {
            const QJsonObject merged =
                applyMergePatch(target.value(it.key()).toObject(), it.value().toObject());
            if (merged.isEmpty())
                target.remove(it.key());
            else
                target.insert(it.key(), merged);
        } else {
            target.insert(it.key(), it.value());
        }
    }
    return target;
}

} // namespace

Store::Store() = default;

int Store::indexOf(const QString &idOrLabel) const
{
    if (const auto it = m_byId.constFind(idOrLabel); it != m_byId.constEnd())
        return it.value();
    if (const auto it = m_byLabel.constFind(idOrLabel); it != m_byLabel.constEnd())
        return it.value();
    return -1;
}

bool Store::append(Organization org)
{
    if (m_byId.contains(org.id) || m_byLabel.contains(org.label) || m_byId.contains(org.label) ||
        m_byLabel.contains(org.id))
        return false;
    const int index = int(m_orgs.size());
    m_byId.insert(org.id, index);
    m_byLabel.insert(org.label, index);
    if (org.connection)
        ++m_connectionCount;
    m_orgs.append(std::move(org));
    return true;
}

QJsonObject Store::organizationJson(int index) const
{
    const Organization &org = m_orgs.at(index);
    return QJsonObject{
        {QStringLiteral("id"), org.id},
        {QStringLiteral("name"), org.name},
        {QStringLiteral("label"), org.label},
        {QStringLiteral("sso_enabled"), org.connection.has_value()},
        {QStringLiteral("created_at"), formatTimestamp(org.createdAt)},
        {QStringLiteral("updated_at"), formatTimestamp(org.updatedAt)},
    };
}

const QByteArray &Store::organizationBytes(int index) const
{
    if (m_bytes.size() != m_orgs.size())
        m_bytes.resize(m_orgs.size());
    QByteArray &bytes = m_bytes[index];
    if (!bytes.isEmpty())
        return bytes;
    // The members of organizationJson(), written directly (QJsonDocument took 6 us an item).
    const Organization &org = m_orgs.at(index);
    bytes.reserve(64 + 3 * (org.id.size() + org.name.size() + org.label.size()));
    bytes += "{\"created_at\":";
    appendTimestamp(bytes, org.createdAt);
    bytes += ",\"id\":";
    appendJsonString(bytes, org.id);
    bytes += ",\"label\":";
    appendJsonString(bytes, org.label);
    bytes += ",\"name\":";
    appendJsonString(bytes, org.name);
    bytes += org.connection ? ",\"sso_enabled\":true" : ",\"sso_enabled\":false";
    bytes += ",\"updated_at\":";
    appendTimestamp(bytes, org.updatedAt);
    bytes += '}';
    bytes.squeeze();
    return bytes;
}

QJsonObject Store::permissions(int index) const
{
    const Organization &org = m_orgs.at(index);
    return org.permissions.value_or(allPermissions());
}

QJsonObject Store::connectionPermissions(int index) const
{
    const QJsonObject orgPermissions = permissions(index);
    const bool update = mayUpdate(index);
    QJsonObject sso = orgPermissions.value(kSsoConnection).toObject();
    if (sso.isEmpty())
        sso = QJsonObject{{kRead, true}, {kUpdate, update}, {kDelete, update}};
    QJsonObject organizations =
        orgPermissions.value(QLatin1String(demo::kWriteResource)).toObject();
    if (organizations.isEmpty())
        organizations = QJsonObject{{kRead, true}, {kUpdate, update}};
    return QJsonObject{{QLatin1String(demo::kWriteResource), organizations}, {kSsoConnection, sso}};
}

bool Store::mayUpdate(int index) const
{
    return permissions(index)
        .value(QLatin1String(demo::kWriteResource))
        .toObject()
        .value(QLatin1String(demo::kWritePermission))
        .toBool(false);
}

void Store::setPermissions(int index, const QJsonObject &permissions)
{
    m_orgs[index].permissions = permissions;
    m_changed.insert(index);
}

QDateTime Store::nextTimestamp(const QDateTime &previous) const
{
    // Strictly later than the previous value, so a change is always visible in updated_at.
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (previous.isValid() && now <= previous)
        now = previous.addMSecs(1);
    return now;
}

void Store::touch(int index)
{
    Organization &org = m_orgs[index];
    org.updatedAt = nextTimestamp(org.updatedAt);
    m_changed.insert(index);
    if (index < m_bytes.size())
        m_bytes[index].clear();
}

void Store::createConnection(int index, const QJsonObject &fields,
                             const std::optional<QString> &secret)
{
    Organization &org = m_orgs[index];
    Q_ASSERT(!org.connection);
    const QString now = formatTimestamp(nextTimestamp(org.updatedAt));
    Connection connection;
    connection.json = QJsonObject{
        {QStringLiteral("id"), newId()},
        {QStringLiteral("identifier"), fields.value(QLatin1String("identifier"))},
        {QStringLiteral("client_id"), fields.value(QLatin1String("client_id"))},
        {QStringLiteral("client_secret_set"), secret.has_value() && !secret->isEmpty()},
        {QStringLiteral("created_at"), now},
        {QStringLiteral("updated_at"), now},
    };
    const QJsonValue protocols = fields.value(QLatin1String("protocols"));
    if (protocols.isObject())
        connection.json.insert(QStringLiteral("protocols"), protocols);
    if (const QJsonValue login = fields.value(QLatin1String("login_url")); login.isString())
        connection.json.insert(QStringLiteral("login_url"), login);
    org.connection = std::move(connection);
    ++m_connectionCount;
    touch(index);
}

bool Store::updateConnection(int index, const QJsonObject &fields)
{
    Organization &org = m_orgs[index];
    Q_ASSERT(org.connection);
    Connection &connection = *org.connection;
    bool changed = false;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue &value = it.value();
        if (key == QLatin1String("identifier") || key == QLatin1String("client_id")) {
            connection.json.insert(key, value.isNull() ? QJsonValue(QJsonValue::Null) : value);
        } else if (key == QLatin1String("client_secret")) {
            connection.json.insert(QStringLiteral("client_secret_set"),
                                   !value.toString().isEmpty());
        } else if (key == QLatin1String("protocols")) {
            // A JSON merge patch (RFC 7396): null removes, members left out stay.
            if (value.isObject()) {
                const QJsonObject merged =
                    applyMergePatch(connection.json.value(key).toObject(), value.toObject());
                if (merged.isEmpty())
                    connection.json.remove(key);
                else
                    connection.json.insert(key, merged);
            } else {
                connection.json.remove(key);
            }
        } else {
            continue; // read-only or unknown members are not writable
        }
        changed = true;
    }
    if (!changed)
        return false;
    const QDateTime previous =
        decode::timestamp(connection.json.value(QLatin1String("updated_at")).toString());
    connection.json.insert(QStringLiteral("updated_at"), formatTimestamp(nextTimestamp(previous)));
    m_changed.insert(index);
    return true;
}

void Store::deleteConnection(int index)
{
    Organization &org = m_orgs[index];
    Q_ASSERT(org.connection);
    org.connection.reset();
    --m_connectionCount;
    touch(index);
}

QString Store::newId()
{
    static constexpr char kAlphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id(26, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (QChar &c : id)
        c = QLatin1Char(kAlphabet[random->bounded(62)]);
    return id;
}

} // namespace keycard::sandbox
