#include "Cli.h"
#include "Translations.h"
#include "Version.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keycardctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYCARD_VERSION));
    keycard::i18n::installTranslations(&app);
    return keycard::cli::run(app);
}
