#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

// Qt's own command-line options (-platform, -display, -style…), which QApplication
// would otherwise take out of argv by itself, and abort on when they cannot work.
// hexmap declares them, checks them before any display is needed, and hands only
// them to QApplication.
namespace hexmap::qtoptions {

// Declares the options, hidden from --help unless visible (for --help-all). The
// parser must read single-dash words as long options (-platform).
void addTo(QCommandLineParser &parser, bool visible);

// After parser.parse(): why a value given to one of the options cannot work, or
// nothing. Qt itself would ignore most of these, or abort.
[[nodiscard]] std::optional<QString> checkValues(
    const QCommandLineParser &parser, const QProcessEnvironment &environment);

// The options that were set, as QApplication reads them: {"-platform", "xcb", "-reverse"}.
[[nodiscard]] QStringList arguments(const QCommandLineParser &parser);

// Why the chosen platform (-platform, else QT_QPA_PLATFORM, else Qt's default of
// xcb or wayland) has no display to open, or nothing. Only the display variables are
// looked at: a display that is named but unreachable is found when Qt starts.
[[nodiscard]] std::optional<QString> whyNoDisplay(
    const QCommandLineParser &parser, const QProcessEnvironment &environment);

// What to do without a display, for every message that says there is none.
[[nodiscard]] QString noDisplayAdvice();

// The keys of the platform plugins Qt can load ("offscreen", "xcb"…), from where Qt
// looks for them: pluginPath (-platformpluginpath or QT_QPA_PLATFORM_PLUGIN_PATH) and
// the platforms folder of every library path. Sorted, lower case.
[[nodiscard]] QStringList availablePlatforms(const QString &pluginPath);

} // namespace hexmap::qtoptions
