#include "commandline.h"

#include "constants.h"
#include "inputparsing.h"
#include "qtoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace hexmap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap", text);
}

// A bad argument; with suggestHelp, the message points at --help.
CommandLine failure(const QString &message, bool suggestHelp = true)
{
    CommandLine result;
    result.exitCode = 2;
    result.output = QStringLiteral("hexmap: %1\n").arg(message);
    if (suggestHelp)
        result.output += tr("Try 'hexmap --help'.\n");
    return result;
}

struct Options
{
    QCommandLineOption help;
    QCommandLineOption helpAll;
    QCommandLineOption version;
    QCommandLineOption readOnly;
    QCommandLineOption copyOnWrite;
    QCommandLineOption offset;
    QCommandLineOption length;
    QCommandLineOption goTo;
    QCommandLineOption diff;
};

// Declares hexmap's options and Qt's (listed by --help only when showQtOptions).
Options declare(QCommandLineParser &parser, bool showQtOptions)
{
    // Qt's options are single-dash words (-platform); hexmap has no short options to combine.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(
        tr("Hex viewer and editor built on memory mapping.\n"
           "Sizes take 0x hex and K/M/G (1024) or KB/MB/GB (1000) suffixes.\n"
           "Qt's own options (-platform, -display, -style…) are listed by --help-all."));
    Options options {
        .help = parser.addHelpOption(),
        .helpAll = QCommandLineOption(QStringLiteral("help-all")), // added by addHelpOption
        .version = parser.addVersionOption(),
        .readOnly
        = QCommandLineOption(QStringLiteral("read-only"), tr("Open the files read-only.")),
        .copyOnWrite = QCommandLineOption(QStringLiteral("copy-on-write"),
            tr("Open copy-on-write: the files stay untouched until Save.")),
        .offset = QCommandLineOption(QStringLiteral("offset"),
            tr("Map from byte N (a multiple of the page size)."), QStringLiteral("N")),
        .length = QCommandLineOption(QStringLiteral("length"),
            tr("Map N bytes (default: to the end)."), QStringLiteral("N")),
        .goTo = QCommandLineOption(QStringLiteral("goto"),
            tr("Put the cursor at OFFSET (negative: from the end)."), QStringLiteral("OFFSET")),
        .diff = QCommandLineOption(QStringLiteral("diff"),
            tr("Compare the two FILEs side by side (A B), as File > Compare does.")),
    };
    parser.addOptions({options.readOnly, options.copyOnWrite, options.offset, options.length,
        options.goTo, options.diff});
    parser.addPositionalArgument(
        QStringLiteral("FILE"), tr("Files to open."), QStringLiteral("FILE…"));
    qtoptions::addTo(parser, showQtOptions);
    return options;
}

// Whether an offset expression fails the same way whatever the data's size: a syntax
// error, as opposed to an offset outside data of that size. Two sizes no real file has
// stand in, and never reach a message.
std::optional<QString> sizeIndependentError(const QString &expression)
{
    QString error;
    QString other;
    constexpr qint64 kStandIn = qint64(1) << 40;
    if (input::parseOffset(expression, {kStandIn, {}}, &error)
        || input::parseOffset(expression, {kStandIn + 1, {}}, &other) || error != other)
        return std::nullopt;
    return error;
}

// --goto against the bytes each existing file will map ([offset, offset + length)).
// Files that cannot be read or mapped are left to the window, which says why.
std::optional<QString> checkGoTo(
    const QString &expression, const QStringList &files, const Document::OpenOptions &options)
{
    for (const QString &path : files) {
        const QFileInfo file(path);
        if (!file.isFile() || options.offset > file.size()
            || options.length > file.size() - options.offset)
            continue;
        const qint64 size = options.length ? options.length : file.size() - options.offset;
        QString error;
        if (input::parseOffset(expression, {size, {}}, &error))
            continue;
        // "end" is the size, one past the last byte. The grammar is a flat sum, so
        // appending " - 1" subtracts one from the whole expression.
        if (expression.contains(QLatin1String("end"), Qt::CaseInsensitive) && size > 0
            && input::parseOffset(expression + QStringLiteral(" - 1"), {size, {}}) == size - 1)
            error += tr("; end is one past the last byte, which is end - 1");
        return QStringLiteral("--goto %1: %2: %3").arg(expression, path, error);
    }
    return std::nullopt;
}

// "name\xff.bin": the bytes that are not ASCII, escaped.
QString escaped(const QByteArray &bytes)
{
    QString text;
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        text += value < 0x80 ? QString(QLatin1Char(byte))
                             : QStringLiteral("\\x%1").arg(value, 2, 16, QLatin1Char('0'));
    }
    return text;
}

} // namespace

CommandLine parseCommandLine(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    const Options declared = declare(parser, false);
    if (!parser.parse(arguments))
        return failure(parser.errorText());
    CommandLine result;
    if (parser.isSet(declared.help) || parser.isSet(declared.helpAll)) {
        result.exitCode = 0;
        result.output = parser.helpText();
        if (parser.isSet(declared.helpAll)) {
            QCommandLineParser withQt;
            declare(withQt, true);
            result.output = withQt.helpText();
        }
        return result;
    }
    if (parser.isSet(declared.version)) {
        result.exitCode = 0;
        result.output = QStringLiteral("%1 %2\n").arg(
            QCoreApplication::applicationName(), QCoreApplication::applicationVersion());
        return result;
    }
    if (parser.isSet(declared.readOnly) && parser.isSet(declared.copyOnWrite))
        return failure(tr("--read-only and --copy-on-write exclude each other"));
    if (parser.isSet(declared.readOnly))
        result.options.mode = Document::Mode::ReadOnly;
    else if (parser.isSet(declared.copyOnWrite))
        result.options.mode = Document::Mode::CopyOnWrite;

    QString error;
    const std::pair<const QCommandLineOption *, qint64 *> sizes[]
        = {{&declared.offset, &result.options.offset}, {&declared.length, &result.options.length}};
    for (const auto &[option, target] : sizes) {
        if (!parser.isSet(*option))
            continue;
        const auto value = input::parseSize(parser.value(*option), &error);
        if (!value)
            return failure(QStringLiteral("--%1 %2: %3")
                               .arg(option->names().first(), parser.value(*option), error));
        *target = *value;
    }
    if (const qint64 granularity = allocationGranularity();
        result.options.offset % granularity != 0) {
        return failure(tr("--offset %1: not a multiple of the page size, %2 bytes (the nearest "
                          "below is %3)")
                           .arg(parser.value(declared.offset))
                           .arg(granularity)
                           .arg(result.options.offset / granularity * granularity));
    }
    if (parser.isSet(declared.goTo)) {
        const QString text = parser.value(declared.goTo);
        if (const auto syntax = sizeIndependentError(text))
            return failure(QStringLiteral("--goto %1: %2").arg(text, *syntax));
        result.goTo = text;
    }
    result.files = parser.positionalArguments();
    if (result.files.isEmpty()
        && (parser.isSet(declared.offset) || parser.isSet(declared.length)
            || parser.isSet(declared.goTo)))
        return failure(tr("--offset, --length and --goto need a FILE"));
    result.diff = parser.isSet(declared.diff);
    if (result.diff && result.files.size() != 2)
        return failure(tr("--diff needs two files, A and B (got %1)").arg(result.files.size()));
    if (const auto qtError = qtoptions::checkValues(parser, environment))
        return failure(*qtError);
    if (result.goTo) {
        if (const auto goToError = checkGoTo(*result.goTo, result.files, result.options))
            return failure(*goToError);
    }
    if (const auto noDisplay = qtoptions::whyNoDisplay(parser, environment))
        return failure(*noDisplay, false);
    result.qtArguments = qtoptions::arguments(parser);
    return result;
}

CommandLine parseCommandLine(
    const QByteArrayList &arguments, const QProcessEnvironment &environment)
{
    QStringList decoded;
    for (const QByteArray &argument : arguments) {
        // The first is the program's own path, which may be any bytes.
        if (!decoded.isEmpty() && !argument.isValidUtf8()) {
            return failure(tr("%1: the name is not valid UTF-8, and hexmap can only open files "
                              "whose names are (rename it, e.g. with convmv)")
                               .arg(escaped(argument)));
        }
        decoded << QFile::decodeName(argument);
    }
    return parseCommandLine(decoded, environment);
}

} // namespace hexmap
