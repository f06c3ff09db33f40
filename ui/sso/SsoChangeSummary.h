#pragma once

#include "Models.h"

#include <QWidget>

class QLabel;

namespace keycard::ui {

// One changed field of an SSO connection, for the review step before a PATCH.
struct SsoChange
{
    QString field;          // "Issuer URL", "Client secret", "Token endpoint", ...
    QString oldValue;       // "(none)" when there was none; never a secret
    QString newValue;       // "(removed)", "replaced", ...; never a secret
    bool protocols = false; // a member of "protocols", which is sent as one object

    QString toString() const; // "Issuer URL: old → new"
};

// The changes `update` makes to `current`, in form order. Secrets appear only as
// "set → replaced", "set → removed" or "not set → set".
QList<SsoChange> describeChanges(const SsoConnection &current, const SsoConnectionUpdate &update);

// Shows describeChanges() as a table "field: old → new" (objectName "changeSummary").
class SsoChangeSummary : public QWidget
{
    Q_OBJECT
public:
    explicit SsoChangeSummary(QWidget *parent = nullptr);

    void setChanges(const QList<SsoChange> &changes);
    const QList<SsoChange> &changes() const { return m_changes; }
    QStringList lines() const;

private:
    QLabel *m_intro = nullptr;
    QLabel *m_table = nullptr;
    QLabel *m_note = nullptr; // what saving protocol settings replaces
    QList<SsoChange> m_changes;
};

} // namespace keycard::ui
