#pragma once

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QToolButton;

namespace keycard::ui {

// "At your identity provider": what to register in the IdP's application — the redirect URI
// ("redirectUriEdit", Copy "copyRedirectUriButton"; a per-profile setting, editable so that a
// per-organization redirect URL can be pasted), the application type, grant type and scopes
// (Copy "copyScopesButton") — and, before the first enable, the note about roles
// ("firstEnableNote").
class SsoIdpSection : public QGroupBox
{
    Q_OBJECT
public:
    explicit SsoIdpSection(QWidget *parent = nullptr);

    QString redirectUri() const;
    // `editable` false: the sandbox profile's own value. `persisted`: an edit is saved with the
    // connection profile (otherwise kept for this session).
    void setRedirectUri(const QString &uri, bool editable, bool persisted = true);
    void setFirstEnableNoteVisible(bool visible);
    void setLocked(bool locked);

Q_SIGNALS:
    // The admin changed the redirect URI (after editing finished; empty resets to the default).
    void redirectUriEdited(const QString &uri);

private:
    QLineEdit *m_redirect = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_reset = nullptr;
    QLabel *m_redirectHint = nullptr;
    QLabel *m_note = nullptr;
    QString m_saved;
};

} // namespace keycard::ui
