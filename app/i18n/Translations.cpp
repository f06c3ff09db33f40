#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace keycard::i18n {

QString catalogueName()
{
    return QStringLiteral("keycard-admin");
}

QString catalogueDirectory()
{
    return QStringLiteral(":/i18n");
}

QList<QTranslator *> loadTranslators(const QLocale &locale, QObject *parent)
{
    QList<QTranslator *> out;
    auto *qt = new QTranslator(parent);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        out.append(qt);
    else
        delete qt;

    auto *own = new QTranslator(parent);
    if (own->load(locale, catalogueName(), QStringLiteral("_"), catalogueDirectory()) ||
        own->load(QLocale(QLocale::English), catalogueName(), QStringLiteral("_"),
                  catalogueDirectory()))
        out.append(own);
    else
        delete own;
    return out;
}

QString installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QString language;
    const QList<QTranslator *> translators = loadTranslators(locale, app);
    for (QTranslator *translator : translators) {
        QCoreApplication::installTranslator(translator);
        language = translator->language().section(QLatin1Char('_'), 0, 0);
    }
    return language;
}

} // namespace keycard::i18n
