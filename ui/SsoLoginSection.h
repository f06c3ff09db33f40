#pragma once

#include "Models.h"

#include <QGroupBox>

namespace keycard {

class ValueField;

// The Connection pane's "Sign-in" section: the connection's login URL (Copy / Open; newer
// servers send `login_url`), its external id claim, and the redirect URI to register at the
// identity provider (Copy; the profile's setting, set by the SSO write path).
class SsoLoginSection : public QGroupBox
{
    Q_OBJECT
public:
    explicit SsoLoginSection(QWidget *parent = nullptr);

    void showConnection(const SsoConnection &connection);
    void setRedirectUri(const QString &uri);
    // The redirect URI of the window's session, for every section, also those created or
    // shown later (set by the SSO write path when the session changes).
    static void setSessionRedirectUri(const QString &uri);

private:
    ValueField *m_loginUrl;
    ValueField *m_claim;
    ValueField *m_redirect;
};

} // namespace keycard
