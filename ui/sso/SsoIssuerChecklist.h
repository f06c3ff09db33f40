#pragma once

#include "IssuerCheck.h"

#include <QGroupBox>
#include <QList>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace keycard::ui {

// The issuer checklist of the SSO form (OpenID Connect Discovery, app/core/IssuerCheck): runs
// when the issuer settles (debounced) and on demand ("checkIssuerButton"), can be cancelled
// ("cancelCheckButton"), shows one row per check ("check_<id>", property "status" = pass /
// warn / fail / skipped), offers the discovered issuer on a mismatch
// ("useDiscoveredIssuerButton") and lists what it learned ("checkLearned"). Never blocks
// submitting: the form only words its button differently after a failure.
class SsoIssuerChecklist : public QGroupBox
{
    Q_OBJECT
public:
    enum class State { Idle, Waiting, Running, Done, Cancelled };

    explicit SsoIssuerChecklist(QWidget *parent = nullptr);

    static constexpr int kDefaultDebounceMs = 1000;
    void setDebounceMs(int ms);
    void setDeadlineMs(int ms);

    // The issuer typed so far: a valid issuer URL is checked after the debounce delay (when
    // `autoRun`), anything else clears the list.
    void setIssuer(const QString &issuer, bool autoRun = true);
    void checkNow();
    void cancel();

    State state() const { return m_state; }
    const std::optional<oidc::IssuerCheckResult> &result() const { return m_result; }
    // A finished check of the current issuer with at least one failed item.
    bool hasFailure() const;
    // The status line ("… passed the check.", "Checking …").
    QString statusText() const;
    // Check now, Stop, then "Use <discovered issuer>", in Tab order.
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void stateChanged();
    void useIssuerRequested(const QString &issuer);

private:
    void setState(State state);
    void showResult(const oidc::IssuerCheckResult &result);
    void clearRows(const QString &status);

    struct Row
    {
        QWidget *widget;
        QLabel *icon;
        QLabel *message;
    };
    oidc::IssuerCheck *m_check = nullptr;
    QTimer *m_debounce = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_checkNow = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_useDiscovered = nullptr;
    QLabel *m_learned = nullptr;
    QLabel *m_failureNote = nullptr;
    QList<Row> m_rows;
    QString m_issuer;
    bool m_issuerValid = false;
    State m_state = State::Idle;
    std::optional<oidc::IssuerCheckResult> m_result;
};

} // namespace keycard::ui
