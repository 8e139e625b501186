#pragma once

#include <QLocale>
#include <QString>

namespace hexmap {

// Installs, into the running application, the translations for locale: Qt's own
// (qtbase_LANG.qm from Qt's translations folder: the standard buttons and dialogs) and
// hexmap's (hexmap_LANG.qm from dir). English, the source language, has none and needs
// none. Returns whether hexmap's own catalogue was found.
bool installTranslations(const QLocale &locale, const QString &dir);

// Where the running hexmap finds its .qm files: share/hexmap/translations beside its
// bin folder, installed and in the build tree alike.
QString translationsDir();

} // namespace hexmap
