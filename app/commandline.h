#pragma once

#include "document.h"

#include <QByteArrayList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexmap {

// What `hexmap [--read-only|--copy-on-write] [--offset N] [--length N] [--goto OFFSET]
// [--diff] [Qt's options] FILE…` asks for.
struct CommandLine
{
    Document::OpenOptions options;
    QStringList files;
    std::optional<QString> goTo; // an offset expression, inside every file that could be read
    bool diff = false; // compare the two files (there are exactly two)
    // Qt's own options (-platform xcb, -reverse…), checked, for QApplication: it gets
    // these and nothing else, so it can neither take a file name for an option nor
    // abort on an option it cannot use.
    QStringList qtArguments;
    // Set when the program should print and exit instead of starting: --help,
    // --help-all, --version (exitCode 0), or a bad argument or no display (exitCode 2,
    // output is the error).
    std::optional<int> exitCode;
    QString output;
};

// Parses and checks every argument (arguments[0] is the program) before a display is
// needed: sizes and offsets with the dialogs' parsers (input::parseSize, parseOffset),
// the offset's alignment, --goto against each file that exists, the values of Qt's
// options, and that the chosen platform has a display (in environment).
[[nodiscard]] CommandLine parseCommandLine(const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// The same from argv's bytes. An argument that is not UTF-8 is refused with the reason:
// Qt cannot name such a file, so it could only be reported as missing.
[[nodiscard]] CommandLine parseCommandLine(const QByteArrayList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace hexmap
