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

// Server text made safe for a terminal: keycard::displayText() (DisplayText.h), so control
// characters (C0, DEL, C1, line and paragraph separators, bidirectional controls and other
// format characters) become U+FFFD, an escape sequence cannot set the title, write the
// clipboard or clear the screen, and "\r\n" cannot forge a line.
QString printable(const QString &text);

// The organizations table, printed page by page as the pages arrive (never all rows held).
// The column widths are fixed by the header and the first page, each at most
// kMaxColumnWidth; a later or longer cell is printed whole (never cut: ids and labels are
// copied from here) and only shifts the rest of its own line.
class OrganizationTable
{
    Q_DECLARE_TR_FUNCTIONS(keycard::cli)

public:
    static constexpr int kMaxColumnWidth = 40;

    explicit OrganizationTable(bool withPermissions)
        : m_withPermissions(withPermissions)
    {
    }
    // The rows of one page (the first call prints the header line first) as text.
    QString page(const QList<Organization> &organizations);
    bool isEmpty() const { return m_rows == 0; }
    qint64 rows() const { return m_rows; }

private:
    QStringList row(const Organization &organization) const;
    QString line(const QStringList &cells) const;

    bool m_withPermissions;
    QList<int> m_widths; // empty until the first page
    qint64 m_rows = 0;
};

// A JSON array printed as its items arrive: "[", items separated by ",\n", "]".
class JsonArrayStream
{
public:
    void begin();
    void add(const QJsonObject &object);
    void end();
    bool begun() const { return m_begun; }

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
