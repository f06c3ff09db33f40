#pragma once

#include "ApiError.h"

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QProgressBar;
class QPushButton;

namespace keycard::ui {

// The message strip at the top of the SSO dialogs: an error or a notice with its request id and
// action buttons (Retry, ...). objectNames: "banner", "bannerText".
class SsoBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Tone { Error, Notice };

    explicit SsoBanner(QWidget *parent = nullptr);

    void showMessage(Tone tone, const QString &text, const QString &requestId = {});
    // "<title>: <message> (HTTP n)" of an API error, then `hint`, then its request id.
    void showError(const ApiError &error, const QString &hint = {});
    void clear();
    QString text() const;

    // Adds an action button to the banner (hidden until shown with setActions).
    QPushButton *addAction(const QString &objectName, const QString &text);
    // Shows only the given actions.
    void setActions(const QList<QPushButton *> &visible);

private:
    void applyTone();

    Tone m_tone = Tone::Error;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QList<QPushButton *> m_actions;
};

// The SSO dialogs' busy indicator next to their buttons while a request runs
// (objectName "busyIndicator").
QProgressBar *makeBusyIndicator(QWidget *parent);

} // namespace keycard::ui
