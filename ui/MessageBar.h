#pragma once

#include "ApiError.h"

#include <QFrame>
#include <QIcon>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace keycard {

// The one message strip of the application: an error, warning, notice or success over the area
// it concerns (never a modal box). It shows an icon, an optional bold title, the text, an
// optional request id (selectable, for support), action buttons and optionally a close button,
// tinted by kind in light and dark palettes. Parts are named after the bar's `name`:
// "<name>Title", "<name>Text", "<name>RequestId", "<name>Close"; action buttons carry the names
// given to addAction(). Hidden until a message is shown.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error, Success };

    explicit MessageBar(const QString &name, QWidget *parent = nullptr);

    // Shows the bar. An empty `requestId` or `title` hides that line.
    void showMessage(Kind kind, const QString &text, const QString &requestId = {},
                     const QString &title = {});
    // An API error: "<kind>: <server's message> (HTTP n)", then `advice` on a line of its own,
    // and the error's request id.
    void showError(const ApiError &error, const QString &advice, const QString &title = {});
    // `title` over an API error with the advice of app/models/ErrorAdvice; the Retry action
    // (addRetryAction) shows only where sending the request again can help.
    void showApiError(const QString &title, const ApiError &error);
    // Hides the bar and its actions.
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;
    QString requestId() const { return m_requestId; }

    // Adds an action button, hidden until named in setActions().
    QPushButton *addAction(const QString &objectName, const QString &text, const QIcon &icon = {});
    // "&Retry" (named "retryButton"): clicking it hides the bar before the caller's slot runs.
    QPushButton *addRetryAction();
    // Shows only the given actions: one beside the text, several in a row under it.
    void setActions(const QList<QPushButton *> &visible);
    // A close button that hides the bar and emits dismissed().
    void setClosable(bool closable);

Q_SIGNALS:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyKind();

    Kind m_kind = Kind::Information;
    bool m_updating = false;
    QString m_requestId;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_requestIdLine;
    QWidget *m_actionBox;
    QToolButton *m_close;
    QPushButton *m_retry = nullptr;
    QHBoxLayout *m_row;
    QVBoxLayout *m_column;
    QList<QPushButton *> m_actions;
};

} // namespace keycard
