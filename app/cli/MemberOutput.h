#pragma once

#include "Members.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Text rendering of members and invitations for keycardctl. Every server value goes through
// printable() (DisplayText), and a value longer than kMaxCell is cut in the middle ("…"), so
// a 1,000-character email cannot flood a terminal line; --json prints values whole.
namespace keycard::cli {

inline constexpr int kMaxCell = 64;

// `text` made printable and cut in the middle to at most `limit` characters.
QString boundedCell(const QString &text, int limit = kMaxCell);

// EMAIL, ROLE, STATUS, SOURCE, ID: fixed-width columns, printed page by page.
class MemberTable
{
    Q_DECLARE_TR_FUNCTIONS(keycard::cli)

public:
    QString page(const QList<OrganizationUser> &members);
    bool isEmpty() const { return m_rows == 0; }
    qint64 rows() const { return m_rows; }

private:
    qint64 m_rows = 0;
};

// ID, ORGANIZATION... key/value block of one member / invitation.
QString memberBlock(const OrganizationUser &member);
QString invitationBlock(const Invitation &invitation);
// EMAIL, ROLE, STATUS, EXPIRES, ID table of invitations (header included; empty list: "").
QString invitationTable(const QList<Invitation> &invitations);

} // namespace keycard::cli
