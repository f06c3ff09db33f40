#include "CaFileField.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace keycard::ui {

CaFileField::CaFileField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_browse(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("caFile"));
    m_edit->setPlaceholderText(tr("None: the system's certificate authorities"));
    m_edit->setAccessibleName(tr("Additional CA certificates"));
    m_edit->setToolTip(tr("A PEM file with certificate authorities to trust besides the "
                          "system's, e.g. your organization's private CA or the CA of a proxy "
                          "that inspects TLS. Certificates are always verified."));
    m_edit->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("caFileBrowse"));
    m_browse->setText(tr("Browse…"));
    m_browse->setToolTip(tr("Choose a PEM file"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);
    setFocusPolicy(Qt::StrongFocus);
    connect(m_edit, &QLineEdit::textChanged, this, &CaFileField::pathChanged);
    connect(m_browse, &QToolButton::clicked, this, &CaFileField::browse);
}

QString CaFileField::path() const
{
    return m_edit->text().trimmed();
}

void CaFileField::setPath(const QString &path)
{
    m_edit->setText(path);
}

void CaFileField::browse()
{
    // Window-modal and asynchronous: no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Additional CA certificates"), path(),
                                   tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    dialog->setObjectName(QStringLiteral("caFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CaFileField::setPath);
    dialog->open();
}

} // namespace keycard::ui
