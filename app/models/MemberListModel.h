#pragma once

#include "ApiError.h"
#include "MemberSources.h"
#include "Members.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace keycard {

class KeycardClient;
class PendingCall;

// What the members list says about sign-in, counted over every member read.
struct MemberSummary
{
    qint64 members = 0;
    qint64 viaSso = 0;     // source == the organization's SSO issuer
    qint64 viaKeycard = 0; // Keycard accounts
    qint64 viaOther = 0;   // another issuer, or no source
    qint64 activeAdmins = 0;
    // Active administrators who do not sign in through the organization's SSO: the
    // "emergency access" administrators, able to sign in if SSO breaks.
    qint64 emergencyAdmins = 0;
};

// The members of one organization, read in full (page after page, the first page shown as soon
// as it arrives) so that the summary and the sign-in safety check count everyone. Rows keep the
// server's values (an unknown role or status is shown as it is); text is display-safe.
// After a change (role, status, removal) the caller puts the server's answer in with upsert()
// or remove(): the list and the summary then agree with the server without a reload.
class MemberListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EmailColumn, RoleColumn, SignInColumn, StatusColumn, JoinedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        SortRole,   // a value that sorts naturally (timestamps as QDateTime)
        FilterRole, // email, role, status and source in one lowercase string
        AdminRole,  // bool: an active administrator
    };
    enum class State { Idle, Loading, Loaded, Error };

    explicit MemberListModel(QObject *parent = nullptr);
    ~MemberListModel() override;

    void setClient(KeycardClient *client);
    // Clears the rows and reads the organization's members; `ssoIssuer` (empty: no SSO)
    // decides who signs in through SSO.
    void load(const QString &organizationId, const QString &ssoIssuer);
    void reload();
    // Reads the members again, keeping the rows shown until the first page arrives: when the
    // read fails first, they stay (state Error, stale() true).
    void refresh();
    void clear();
    void setPageSize(int size) { m_pageSize = size; }

    QString organizationId() const { return m_organizationId; }
    QString ssoIssuer() const { return m_ssoIssuer; }
    State state() const { return m_state; }
    ApiError error() const { return m_error; }
    // The rows are those of an earlier read: the last refresh failed before its first page.
    bool stale() const { return m_state == State::Error && m_replaceOnFirstPage; }
    // The list-level permissions the server reported with the first page (nullopt: none).
    std::optional<Permissions> permissions() const { return m_permissions; }
    // Why the list is not the whole organization (translated); empty once complete.
    QStringList incompleteReasons() const { return m_incomplete; }
    MemberSummary summary() const { return m_summary; }

    // The member of a row, without `raw` and `permissions` (not kept: see keptRow()).
    const OrganizationUser *member(int row) const;
    int rowOf(const QString &id) const;
    // The server's answer to a change: replaces the member with that id (or adds it).
    void upsert(const OrganizationUser &member);
    void remove(const QString &id);

    // Without QAbstractTableModel's hasIndex() (three virtual calls): sorting 10,000 filtered
    // rows makes about 270,000 indexes.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        return row >= 0 && column >= 0 && column < ColumnCount && row < m_rows.size() &&
                       !parent.isValid()
                   ? createIndex(row, column)
                   : QModelIndex();
    }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Whether the row's FilterRole text contains `needle` (case-folded UTF-8, as
    // search::appendFolded() makes it): read from a form kept per row, made when the row came.
    bool matches(int row, const QByteArray &needle) const;

    static QString roleText(const QString &role);
    static QString statusText(const QString &status);

Q_SIGNALS:
    void stateChanged();
    void summaryChanged();

private:
    void read();
    void replaceRows();
    void addPage(const MemberPage &page);
    void count(const OrganizationUser &m, int sign);
    void recount();
    static OrganizationUser keptRow(const OrganizationUser &member); // what a row keeps
    QString filterText(const OrganizationUser &m) const; // FilterRole before lower-casing
    QString filterRest(const OrganizationUser &m) const; // filterText() after the email
    // FilterRole's text case-folded in UTF-8, in two parts: the email, and the rest (role,
    // status, sign-in and source, from a small set shared by most rows: searched once per
    // filter, not once per row).
    struct SearchRow
    {
        std::string email;
        int rest = 0; // in m_rests
    };
    SearchRow searchRow(const OrganizationUser &m);

    QPointer<KeycardClient> m_client;
    QPointer<PendingCall> m_call;
    QString m_organizationId;
    QString m_ssoIssuer;
    QList<OrganizationUser> m_rows;
    std::vector<SearchRow> m_search; // per row, for matches()
    std::vector<std::string> m_rests;
    std::unordered_map<std::string, int> m_restIndex;
    mutable QByteArray m_restNeedle;         // what m_restMatches says about m_rests
    mutable std::vector<bool> m_restMatches; // per rest: contains m_restNeedle
    mutable bool m_restNeedleSpans = false;  // m_restNeedle has a space
    QHash<QString, int> m_index;
    State m_state = State::Idle;
    ApiError m_error;
    std::optional<Permissions> m_permissions;
    QStringList m_incomplete;
    MemberSummary m_summary;
    int m_pageSize = 100;
    quint64 m_generation = 0;
    bool m_replaceOnFirstPage = false; // refresh(): the rows shown are the last read's
};

} // namespace keycard
