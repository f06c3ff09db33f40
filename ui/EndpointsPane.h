#pragma once

#include "Models.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QGroupBox;

namespace keycard {

class IdpComparisonBox;
class PaneStack;
class StateView;
class ValueField;

// The OAuth 2.0 and OpenID Connect settings of the SSO connection, each copyable and, for URLs,
// openable in the browser; below them, the same settings as the identity provider publishes them
// (IdpComparisonBox).
class EndpointsPane : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointsPane(QWidget *parent = nullptr);

    void showLoading();
    void showNoSso();
    // The pane's content could not be read; `advice` says what to check or do.
    void showUnavailable(const QString &advice);
    void showConnection(const SsoConnection &connection);

private:
    ValueField *addField(QFormLayout *form, QWidget *parent, const QString &name,
                         const QString &label, bool url);
    void showExtraOpenIdFields(const QJsonObject &openid);

    QWidget *m_content; // owned by m_stack
    PaneStack *m_stack;
    StateView *m_state;
    ValueField *m_authorization;
    ValueField *m_token;
    ValueField *m_jwks;
    ValueField *m_registration;
    ValueField *m_scopes;
    ValueField *m_pkce;
    ValueField *m_userinfo;
    QGroupBox *m_openidBox;
    QFormLayout *m_openidForm;
    IdpComparisonBox *m_comparison;
};

} // namespace keycard
