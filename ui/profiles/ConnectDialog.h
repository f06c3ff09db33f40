#pragma once

#include "ConnectionTester.h"
#include "Profile.h"
#include "Secret.h"
#include "SecretStore.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;
class QToolButton;

namespace keycard {
class MessageBar;
}
namespace keycard::profiles {
class ProfileSession;
}

namespace keycard::ui {

class AssessingValidator;
class CaFileField;
class RequiredValidator;

// "Connect to Keycard": a profile's name, base URL and credentials with inline validation,
// "Test connection" (token + one organization, then success or exactly what failed), "Try the
// sandbox" and Save (settings + keychain). Opened with open(); results arrive as signals.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    // Neither pointer is owned.
    ConnectDialog(profiles::ProfileSession *session, QNetworkAccessManager *nam,
                  QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Fills the form with a saved profile; `secretStored` lets the secret stay empty (kept).
    void setProfile(const profiles::Profile &profile, bool secretStored);
    // Whether a secret is stored for the profile given to setProfile() (learnt asynchronously):
    // then the secret field may stay empty to keep it.
    void setSecretStored(bool stored);
    // "Try the sandbox" is offered only when the window can switch to it.
    void setSandboxAvailable(bool available);
    // A note at the top, e.g. why the dialog opened ("No secret is stored for …").
    void setNotice(const QString &text);

    profiles::Profile profile() const; // what the form says now
    Secret typedSecret() const;        // the secret or token field
    bool isComplete() const;           // every field acceptable
    profiles::ConnectionTestResult lastTestResult() const { return m_lastResult; }

Q_SIGNALS:
    // Saved: the profile is in the settings and its secret in the keychain (or, without a
    // keychain, in memory for this session: see result.outcome / result.message).
    void saved(const keycard::profiles::Profile &profile,
               const keycard::profiles::SecretResult &result);
    void sandboxRequested();
    void testFinished(const keycard::profiles::ConnectionTestResult &result);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Field
    {
        QLineEdit *edit = nullptr;
        QLabel *message = nullptr;
        AssessingValidator *validator = nullptr;
    };
    Field addField(const QString &name, AssessingValidator *validator, QWidget **container,
                   QToolButton *extra = nullptr);
    QToolButton *makeRevealButton(const QString &name, const QString &accessibleName);
    void updateField(const Field &field);
    // A wrapped message gets the height its lines need at the field's width: the form layout
    // does not grow a row for a label that wraps inside the field's own layout.
    static void fitMessage(QLabel *message, int width);
    void updateState();
    void updateKind();
    void startTest();
    void runTest(const Secret &secret);
    void showTestResult(const profiles::ConnectionTestResult &result);
    void save();
    // The outcome under the form (a test, a save); None hides it.
    enum class Status { None, Busy, Success, Error, Note };
    void setStatus(Status status, const QString &text);
    // A stored secret may stay empty: the profile being edited had one and keeps its
    // credential kind (a rename moves the secret to the new name).
    bool keepsStoredSecret() const;

    profiles::ProfileSession *m_session;
    profiles::ConnectionTester *m_tester;
    QLabel *m_notice;
    Field m_name, m_baseUrl, m_clientId, m_secret, m_token;
    QWidget *m_clientIdRow = nullptr, *m_secretRow = nullptr, *m_tokenRow = nullptr;
    QLabel *m_clientIdLabel = nullptr, *m_secretLabel = nullptr, *m_tokenLabel = nullptr;
    QRadioButton *m_serviceAccount;
    QRadioButton *m_bearerToken;
    CaFileField *m_caFile;
    RequiredValidator *m_secretValidator = nullptr;
    RequiredValidator *m_tokenValidator = nullptr;
    MessageBar *m_status;
    Status m_statusKind = Status::None;
    QPushButton *m_test;
    QPushButton *m_sandbox;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    QString m_storedName; // the saved profile being edited, whose secret may stay empty
    Credentials::Kind m_storedKind = Credentials::Kind::ServiceAccount;
    bool m_secretStored = false;
    bool m_saving = false;
    bool m_ready = false; // construction finished
    profiles::ConnectionTestResult m_lastResult;
};

} // namespace keycard::ui
