#pragma once

#include "Models.h"

#include <QWidget>

class QLabel;

namespace keycard {

class BusyIndicator;
class ElidedLabel;
class ValueField;

// Name, label, copyable id and SSO state of the selected organization, with a busy indicator
// while its details load.
class DetailHeader : public QWidget
{
    Q_OBJECT
public:
    explicit DetailHeader(QWidget *parent = nullptr);

    void setOrganization(const Organization &organization);
    void setBusy(bool busy);
    bool isBusy() const;
    // The whole name (through displayText()); the label may show it elided.
    QString name() const;

private:
    ElidedLabel *m_name;
    ElidedLabel *m_label;
    ValueField *m_id;
    QLabel *m_ssoIcon;
    QLabel *m_sso;
    BusyIndicator *m_busy;
    QLabel *m_busyText;
};

} // namespace keycard
