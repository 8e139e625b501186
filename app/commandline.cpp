#include "commandline.h"

#include "inputparsing.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <limits>

namespace hexmap {

namespace {
CommandLine failure(const QString &message)
{
    CommandLine result;
    result.exitCode = 2;
    result.output = QStringLiteral("hexmap: %1\nTry 'hexmap --help'.\n").arg(message);
    return result;
}
} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Hex viewer and editor built on memory mapping.\n"
        "Sizes take 0x hex and K/M/G (1024) or KB/MB/GB (1000) suffixes."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
        QCoreApplication::translate("main", "Open the files read-only."));
    const QCommandLineOption copyOnWrite(QStringLiteral("copy-on-write"),
        QCoreApplication::translate(
            "main", "Open copy-on-write: the files stay untouched until Save."));
    const QCommandLineOption offset(QStringLiteral("offset"),
        QCoreApplication::translate("main", "Map from byte N (a multiple of the page size)."),
        QStringLiteral("N"));
    const QCommandLineOption length(QStringLiteral("length"),
        QCoreApplication::translate("main", "Map N bytes (default: to the end)."),
        QStringLiteral("N"));
    const QCommandLineOption goTo(QStringLiteral("goto"),
        QCoreApplication::translate("main", "Put the cursor at OFFSET (negative: from the end)."),
        QStringLiteral("OFFSET"));
    parser.addOptions({readOnly, copyOnWrite, offset, length, goTo});
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QCoreApplication::translate("main", "Files to open."), QStringLiteral("FILE…"));

    if (!parser.parse(arguments)) {
        CommandLine result = failure(parser.errorText());
        result.onlyUnknownOptions = !parser.unknownOptionNames().isEmpty();
        return result;
    }
    CommandLine result;
    if (parser.isSet(help)) {
        result.exitCode = 0;
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.exitCode = 0;
        result.output = QStringLiteral("%1 %2\n").arg(
            QCoreApplication::applicationName(), QCoreApplication::applicationVersion());
        return result;
    }
    if (parser.isSet(readOnly) && parser.isSet(copyOnWrite))
        return failure(QStringLiteral("--read-only and --copy-on-write exclude each other"));
    if (parser.isSet(readOnly))
        result.options.mode = Document::Mode::ReadOnly;
    else if (parser.isSet(copyOnWrite))
        result.options.mode = Document::Mode::CopyOnWrite;

    QString error;
    const std::pair<const QCommandLineOption *, qint64 *> sizes[]
        = {{&offset, &result.options.offset}, {&length, &result.options.length}};
    for (const auto &[option, target] : sizes) {
        if (!parser.isSet(*option))
            continue;
        const auto value = input::parseSize(parser.value(*option), &error);
        if (!value)
            return failure(QStringLiteral("--%1 %2: %3")
                               .arg(option->names().first(), parser.value(*option), error));
        *target = *value;
    }
    if (parser.isSet(goTo)) {
        // The size is known only once a file is open: check the syntax against the largest.
        const QString text = parser.value(goTo);
        if (!input::parseOffset(text, {std::numeric_limits<qint64>::max(), {}}, &error))
            return failure(QStringLiteral("--goto %1: %2").arg(text, error));
        result.goTo = text;
    }
    result.files = parser.positionalArguments();
    if (result.files.isEmpty()
        && (parser.isSet(offset) || parser.isSet(length) || parser.isSet(goTo)))
        return failure(QStringLiteral("--offset, --length and --goto need a FILE"));
    return result;
}

} // namespace hexmap
