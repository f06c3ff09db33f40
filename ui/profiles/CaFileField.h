#pragma once

#include <QString>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace keycard::ui {

// The Connect dialog's "Additional CA certificates" row: the path of a PEM file with the
// certificate authorities to trust besides the system's (a private CA, a TLS-inspecting
// proxy's), typed or chosen with Browse. Stored in the profile as a path; read when connecting.
class CaFileField : public QWidget
{
    Q_OBJECT
public:
    explicit CaFileField(QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    QLineEdit *edit() const { return m_edit; }

Q_SIGNALS:
    void pathChanged();

private:
    void browse();

    QLineEdit *m_edit;
    QToolButton *m_browse;
};

} // namespace keycard::ui
