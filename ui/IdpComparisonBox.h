#pragma once

#include "IssuerComparison.h"
#include "Models.h"

#include <QGroupBox>
#include <QList>

class QGridLayout;
class QLabel;
class QPushButton;

namespace keycard {

class ValueField;

// The Endpoints pane's "Compared with the identity provider" section: what the issuer check
// (OpenID Connect Discovery, app/core/IssuerCheck) learned from the identity provider, next to
// what Keycard returns for the connection, row by row. It shows the last check of the
// connection's issuer made in this session (e.g. by the Enable SSO form) and fetches only when
// the admin asks ("Compare"), without Keycard credentials.
class IdpComparisonBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit IdpComparisonBox(QWidget *parent = nullptr);

    void setConnection(const SsoConnection &connection);
    void setDeadlineMs(int ms);

    void compareNow();
    void cancel();

private:
    struct Row
    {
        QLabel *title;
        ValueField *provider;
        QLabel *verdict;
    };

    void showEntry(const oidc::CheckHistory::Entry &entry);
    void showStatus(const QString &text, bool running);
    void setRowsVisible(bool visible);

    SsoConnection m_connection;
    oidc::IssuerCheck *m_check;
    QLabel *m_status;
    QPushButton *m_compare;
    QPushButton *m_cancel;
    QWidget *m_table;
    QList<Row> m_rows;
};

} // namespace keycard
