#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;
class QObject;
class QTranslator;

namespace keycard::i18n {

// The translators for `locale`, loaded but not installed, children of `parent`: Qt's own
// (qtbase_*.qm from QLibraryInfo's translations path: standard buttons, shortcut names, context
// menus), when installed, then keycard-admin's catalogue (embedded under ":/i18n"). Without a
// catalogue for the language, the English one, so plurals read right ("1 organization").
QList<QTranslator *> loadTranslators(const QLocale &locale, QObject *parent);

// Installs loadTranslators(locale, app) on the running application. The default locale is the
// user's: LANGUAGE, LC_ALL, LC_MESSAGES and LANG, as Qt reads them. Returns the language of
// the catalogue in use ("de", "en"), empty when none could be loaded.
QString installTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

// The catalogue's base name ("keycard-admin") and the directory of its .qm files (":/i18n").
QString catalogueName();
QString catalogueDirectory();

} // namespace keycard::i18n
