#pragma once

#include "ApiError.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace keycard {

// An inline error over the area it concerns: what failed, the server's message, the request id
// (selectable, for support) and Retry. Never a modal box.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    // `what` says which operation failed ("Could not load the organizations").
    void showError(const QString &what, const ApiError &error);
    void setRetryVisible(bool visible);
    QString message() const;
    QString requestId() const { return m_requestIdText; }

Q_SIGNALS:
    void retryRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_requestId;
    QPushButton *m_retry;
    QToolButton *m_close;
    QString m_requestIdText;
};

} // namespace keycard
