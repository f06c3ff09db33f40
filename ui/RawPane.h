#pragma once

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QPlainTextEdit;

namespace keycard {

// The organization and its SSO connection exactly as the server sent them (unknown fields
// included), pretty-printed, read-only, monospace.
class RawPane : public QWidget
{
    Q_OBJECT
public:
    explicit RawPane(QWidget *parent = nullptr);

    void clear();
    void setDocuments(const QJsonObject &organization,
                      const std::optional<QJsonObject> &connection);
    QString text() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QPlainTextEdit *m_view;
    bool m_fixedFont = false;
};

} // namespace keycard
