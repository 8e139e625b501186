#include "qtoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>
#include <QRegularExpression>
#include <QStyleFactory>

namespace hexmap::qtoptions {

namespace {

// What QCoreApplication, QGuiApplication, QApplication and the xcb plugin of Qt 6
// take from argv. The X11 aliases (-geometry, -title, -icon) are handed on under
// their own names, which every platform reads.
struct QtOption
{
    const char *name;
    const char *valueName; // null: a flag
    const char *description;
    const char *canonical = nullptr; // what QApplication is given instead of name
};

constexpr QtOption kOptions[] = {
    {"platform", "name[:options]", "Qt platform plugin (xcb, wayland, offscreen…)."},
    {"platformpluginpath", "path", "Folder of the platform plugins."},
    {"platformtheme", "theme", "Qt platform theme."},
    {"plugin", "plugin", "Additional Qt plugin to load."},
    {"qwindowgeometry", "geometry", "Window geometry, like 800x600+50+50."},
    {"geometry", "geometry", "Same as --qwindowgeometry.", "qwindowgeometry"},
    {"qwindowtitle", "title", "Title of the window."},
    {"title", "title", "Same as --qwindowtitle.", "qwindowtitle"},
    {"qwindowicon", "icon", "Icon of the window."},
    {"icon", "icon", "Same as --qwindowicon.", "qwindowicon"},
    {"style", "style", "Widget style (Fusion, Windows…)."},
    {"stylesheet", "file", "Qt style sheet file."},
    {"session", "session", "Session to restore."},
    {"display", "display", "X11 display (instead of $DISPLAY)."},
    {"name", "name", "X11 instance name."},
    {"visual", "id", "X11 visual to use."},
    {"qmljsdebugger", "options", "QML debugger options."},
    {"reverse", nullptr, "Lay out right to left."},
    {"widgetcount", nullptr, "Print the number of widgets at exit."},
    {"testability", nullptr, "Load the Qt testability plugin."},
    {"nograb", nullptr, "Never grab the mouse (X11)."},
    {"dograb", nullptr, "Grab the mouse even under a debugger (X11)."},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap::qtoptions", text);
}

QString option(const char *name)
{
    return QString::fromLatin1(name);
}

// The platform Qt will try, with where it was chosen: "-platform" or
// "QT_QPA_PLATFORM"; empty when neither chose (Qt's default).
std::pair<QString, QString> chosenPlatform(
    const QCommandLineParser &parser, const QProcessEnvironment &environment)
{
    if (parser.isSet(option("platform")))
        return {parser.values(option("platform")).last(), QStringLiteral("-platform")};
    const QString fromEnvironment = environment.value(QStringLiteral("QT_QPA_PLATFORM"));
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment, QStringLiteral("QT_QPA_PLATFORM=")};
    return {};
}

// "wayland;xcb:option=value" → {"wayland", "xcb"}: Qt tries them in turn.
QStringList pluginNames(const QString &platform)
{
    QStringList names;
    for (const QString &candidate : platform.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        names << candidate.section(QLatin1Char(':'), 0, 0).toLower();
    return names;
}

std::optional<QString> checkPlatform(
    const QCommandLineParser &parser, const QProcessEnvironment &environment)
{
    const auto [platform, source] = chosenPlatform(parser, environment);
    if (platform.isEmpty())
        return std::nullopt;
    const QString pluginPath = parser.isSet(option("platformpluginpath"))
        ? parser.value(option("platformpluginpath"))
        : environment.value(QStringLiteral("QT_QPA_PLATFORM_PLUGIN_PATH"));
    const QStringList available = availablePlatforms(pluginPath);
    if (available.isEmpty())
        return std::nullopt; // no plugin folder to read: let Qt look
    const QStringList names = pluginNames(platform);
    for (const QString &name : names) {
        if (available.contains(name))
            return std::nullopt;
    }
    const QString said = source.endsWith(QLatin1Char('=')) ? source + platform
                                                           : source + QLatin1Char(' ') + platform;
    return tr("%1: no such platform plugin (there are: %2)")
        .arg(said, available.join(QStringLiteral(", ")));
}

std::optional<QString> checkValue(const QString &name, const QString &value)
{
    if (name == QLatin1String("qwindowgeometry") || name == QLatin1String("geometry")) {
        static const QRegularExpression geometry(
            QStringLiteral("^(\\d+x\\d+)?([+-]\\d+[+-]\\d+)?$"));
        if (value.isEmpty() || !geometry.match(value).hasMatch())
            return tr("expected WIDTHxHEIGHT+X+Y, like 800x600+50+50");
    } else if (name == QLatin1String("style")) {
        const QStringList styles = QStyleFactory::keys();
        if (!styles.contains(value, Qt::CaseInsensitive))
            return tr("no such style (there are: %1)").arg(styles.join(QStringLiteral(", ")));
    } else if (name == QLatin1String("stylesheet")) {
        const QFileInfo file(value);
        if (!file.isFile() || !file.isReadable())
            return tr("not a readable file");
    } else if (name == QLatin1String("visual")) {
        bool ok = false;
        value.toUInt(&ok, 0);
        if (!ok)
            return tr("expected a number");
    }
    return std::nullopt;
}

bool waylandReachable(const QProcessEnvironment &environment)
{
    if (!environment.value(QStringLiteral("WAYLAND_DISPLAY")).isEmpty()
        || !environment.value(QStringLiteral("WAYLAND_SOCKET")).isEmpty())
        return true;
    // libwayland's default display when WAYLAND_DISPLAY is not set.
    const QString runtime = environment.value(QStringLiteral("XDG_RUNTIME_DIR"));
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/wayland-0"));
}

} // namespace

void addTo(QCommandLineParser &parser, bool visible)
{
    for (const QtOption &qt : kOptions) {
        QCommandLineOption declared(option(qt.name), tr(qt.description));
        if (qt.valueName)
            declared.setValueName(option(qt.valueName));
        if (!visible)
            declared.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(declared);
    }
}

std::optional<QString> checkValues(
    const QCommandLineParser &parser, const QProcessEnvironment &environment)
{
    for (const QtOption &qt : kOptions) {
        if (!qt.valueName)
            continue;
        for (const QString &value : parser.values(option(qt.name))) {
            if (const auto error = checkValue(option(qt.name), value))
                return QStringLiteral("-%1 %2: %3").arg(option(qt.name), value, *error);
        }
    }
    return checkPlatform(parser, environment);
}

QStringList arguments(const QCommandLineParser &parser)
{
    QStringList result;
    for (const QtOption &qt : kOptions) {
        const QString name = QLatin1Char('-') + option(qt.canonical ? qt.canonical : qt.name);
        if (!qt.valueName) {
            if (parser.isSet(option(qt.name)))
                result << name;
            continue;
        }
        for (const QString &value : parser.values(option(qt.name)))
            result << name << value;
    }
    return result;
}

std::optional<QString> whyNoDisplay(
    const QCommandLineParser &parser, const QProcessEnvironment &environment)
{
    const QString platform = chosenPlatform(parser, environment).first;
    // Qt's default on Linux: xcb, or wayland in a Wayland session.
    const QStringList names = platform.isEmpty()
        ? QStringList {QStringLiteral("xcb"), QStringLiteral("wayland")}
        : pluginNames(platform);
    QStringList missing;
    for (const QString &name : names) {
        if (name == QLatin1String("xcb")) {
            if (!parser.isSet(option("display"))
                && environment.value(QStringLiteral("DISPLAY")).isEmpty()) {
                missing << QStringLiteral("DISPLAY");
                continue;
            }
        } else if (name.startsWith(QLatin1String("wayland"))) {
            if (!waylandReachable(environment)) {
                missing << QStringLiteral("WAYLAND_DISPLAY");
                continue;
            }
        }
        return std::nullopt; // this one may start; Qt reports if it does not
    }
    missing.removeDuplicates();
    const QString reason = missing.size() == 1
        ? tr("%1 is not set").arg(missing.first())
        : tr("%1 are not set").arg(missing.join(QStringLiteral(" and ")));
    return tr("no display (%1); %2").arg(reason, noDisplayAdvice());
}

QString noDisplayAdvice()
{
    return tr("run hexmap in an X11 or Wayland session, or headless with: xvfb-run hexmap FILE…");
}

QStringList availablePlatforms(const QString &pluginPath)
{
    QStringList folders;
    if (!pluginPath.isEmpty())
        folders << pluginPath;
    for (const QString &libraryPath : QCoreApplication::libraryPaths())
        folders << libraryPath + QStringLiteral("/platforms");
    QStringList keys;
    for (const QString &folder : folders) {
        for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files)) {
            // Reads the plugin's metadata from the file, without loading it.
            const QJsonObject metaData = QPluginLoader(file.absoluteFilePath()).metaData();
            if (!metaData.value(QStringLiteral("IID"))
                     .toString()
                     .contains(QLatin1String("QPlatformIntegrationFactoryInterface")))
                continue;
            for (const QJsonValue key : metaData.value(QStringLiteral("MetaData"))
                                            .toObject()
                                            .value(QStringLiteral("Keys"))
                                            .toArray())
                keys << key.toString().toLower();
        }
    }
    keys.sort();
    keys.removeDuplicates();
    return keys;
}

} // namespace hexmap::qtoptions
