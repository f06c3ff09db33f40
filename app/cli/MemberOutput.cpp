#include "MemberOutput.h"

#include "Output.h"

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

QString line(const QStringList &cells, const QList<int> &widths)
{
    QString out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i + 1 < cells.size() && i < widths.size())
            out += cells.at(i).leftJustified(widths.at(i)) + QStringLiteral("  ");
        else
            out += cells.at(i);
    }
    return out + QLatin1Char('\n');
}

const QList<int> kMemberWidths{36, 10, 8, 40};
const QList<int> kInvitationWidths{36, 10, 8, 23};

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : boundedCell(text);
}

} // namespace

QString boundedCell(const QString &text, int limit)
{
    const QString shown = printable(text);
    if (shown.size() <= limit)
        return shown;
    const int half = limit / 2 - 1;
    qsizetype left = half;
    if (shown.at(left - 1).isHighSurrogate())
        --left;
    qsizetype right = shown.size() - half;
    if (shown.at(right).isLowSurrogate())
        ++right;
    return shown.left(left) + QChar(0x2026) + shown.mid(right);
}

QString MemberTable::page(const QList<OrganizationUser> &members)
{
    QString out;
    if (m_rows == 0 && !members.isEmpty())
        out += line({tr("EMAIL"), tr("ROLE"), tr("STATUS"), tr("SOURCE"), tr("ID")}, kMemberWidths);
    for (const OrganizationUser &m : members) {
        out += line({m.email ? orDash(*m.email) : QStringLiteral("—"), orDash(m.role),
                     orDash(m.status), orDash(m.source), boundedCell(m.id, 255)},
                    kMemberWidths);
        ++m_rows;
    }
    return out;
}

QString memberBlock(const OrganizationUser &m)
{
    QString out;
    const auto row = [&out](const QString &key, const QString &value) {
        out += QString(key + QLatin1Char(':')).leftJustified(12) + value + QLatin1Char('\n');
    };
    row(tr("Email"), m.email ? orDash(*m.email) : QStringLiteral("—"));
    row(tr("ID"), boundedCell(m.id, 255));
    row(tr("Role"), orDash(m.role));
    row(tr("Status"), orDash(m.status));
    row(tr("Source"), orDash(m.source));
    row(tr("Created"), displayTime(m.createdAt));
    row(tr("Updated"), displayTime(m.updatedAt));
    return out;
}

QString invitationBlock(const Invitation &inv)
{
    QString out;
    const auto row = [&out](const QString &key, const QString &value) {
        out += QString(key + QLatin1Char(':')).leftJustified(12) + value + QLatin1Char('\n');
    };
    row(tr("Email"), orDash(inv.email));
    row(tr("ID"), boundedCell(inv.id, 255));
    row(tr("Role"), orDash(inv.role));
    row(tr("Status"), orDash(inv.status));
    row(tr("Expires"), displayTime(inv.expiresAt));
    row(tr("Created"), displayTime(inv.createdAt));
    return out;
}

QString invitationTable(const QList<Invitation> &invitations)
{
    if (invitations.isEmpty())
        return {};
    QString out =
        line({tr("EMAIL"), tr("ROLE"), tr("STATUS"), tr("EXPIRES"), tr("ID")}, kInvitationWidths);
    for (const Invitation &inv : invitations)
        out += line({orDash(inv.email), orDash(inv.role), orDash(inv.status),
                     displayTime(inv.expiresAt), boundedCell(inv.id, 255)},
                    kInvitationWidths);
    return out;
}

} // namespace keycard::cli
