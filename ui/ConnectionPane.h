#pragma once

#include "Models.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;

namespace keycard {

class PaneStack;
class SsoLoginSection;
class StateView;
class ValueField;

// The SSO connection of the selected organization, or an explanation of SSO with "Enable SSO"
// when the organization has none.
class ConnectionPane : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionPane(QWidget *parent = nullptr);

    void showLoading();
    void showConnection(const SsoConnection &connection);
    // `organizationName`: as shown (format::shortText()).
    void showNoSso(const QString &organizationName);
    // The pane's content could not be read; `advice` says what to check or do.
    void showUnavailable(const QString &advice);
    // Enables or disables the "Enable SSO" call to action, with the reason as tooltip.
    void setEnableAvailable(bool available, const QString &toolTip);

Q_SIGNALS:
    void enableSsoRequested();

private:
    void showOtherFields(const QJsonObject &raw);

    QWidget *m_details; // owned by m_stack
    PaneStack *m_stack;
    StateView *m_state;
    ValueField *m_id;
    ValueField *m_identifier;
    ValueField *m_clientId;
    ValueField *m_secret;
    ValueField *m_created;
    ValueField *m_updated;
    QGroupBox *m_otherBox;
    QFormLayout *m_otherForm;
    SsoLoginSection *m_login = nullptr;
};

} // namespace keycard
