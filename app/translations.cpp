#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace hexmap {

namespace {
bool install(const QLocale &locale, const QString &name, const QString &dir)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), dir)) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}
} // namespace

bool installTranslations(const QLocale &locale, const QString &dir)
{
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(locale, QStringLiteral("hexmap"), dir);
}

QString translationsDir()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../" HEXMAP_TRANSLATIONS);
}

} // namespace hexmap
