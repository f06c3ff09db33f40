#pragma once

#include <QMessageBox>
#include <QPushButton>

namespace keycard {

// A question that answers itself only with its own button: Cancel is the default (a stray
// Enter sends nothing), the text is plain, the box deletes itself. `confirmed` runs (in
// `parent`'s context) on the confirming button, objectName "confirmButton"; the box is named
// `name` for tests.
template<typename Slot>
void askFirst(QWidget *parent, const QString &name, QMessageBox::Icon icon, const QString &title,
              const QString &text, const QString &confirmText, QMessageBox::ButtonRole role,
              Slot confirmed)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(name);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(confirmText, role);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(yes, &QPushButton::clicked, parent, confirmed);
    box->open();
}

} // namespace keycard
