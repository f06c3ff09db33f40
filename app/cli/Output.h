#pragma once

#include "Models.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>

// Text and JSON rendering of keycardctl's results, and the two output streams.
namespace keycard::cli {

// Unbuffered-by-design writes of UTF-8 to stdout/stderr through stdio (which buffers).
class Console
{
public:
    static void out(const QByteArray &utf8);
    static void out(const QString &text) { out(text.toUtf8()); }
    static void err(const QString &text);
    // Flushes stdout; false when anything written to it was lost (e.g. a closed pipe).
    static bool finish();
};

// Rows for the organizations table, collected page by page.
class OrganizationTable
{
    Q_DECLARE_TR_FUNCTIONS(keycard::cli)

public:
    explicit OrganizationTable(bool withPermissions)
        : m_withPermissions(withPermissions)
    {
    }
    void add(const Organization &organization);
    bool isEmpty() const { return m_rows.isEmpty(); }
    QString render() const; // aligned columns with a header line

private:
    bool m_withPermissions;
    QList<QStringList> m_rows;
};

// A JSON array printed as its items arrive: "[", items separated by ",\n", "]".
class JsonArrayStream
{
public:
    void begin();
    void add(const QJsonObject &object);
    void end();

private:
    bool m_begun = false;
    bool m_first = true;
};

QByteArray indentedJson(const QJsonObject &object);
QByteArray compactJson(const QJsonObject &object);

// "2024-05-01 12:00:03 UTC", or "—" for an invalid date-time.
QString displayTime(const QDateTime &utc);

// Key/value block of one organization.
QString organizationBlock(const Organization &organization);
// Key/value block of an SSO connection, with protocols, permissions and unknown fields.
QString connectionBlock(const QString &organization, const SsoConnection &connection);

} // namespace keycard::cli
