#pragma once

#include "document.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace hexmap {

// What `hexmap [--read-only|--copy-on-write] [--offset N] [--length N] [--goto OFFSET]
// FILE…` asks for.
struct CommandLine
{
    Document::OpenOptions options;
    QStringList files;
    std::optional<QString> goTo; // an offset expression, checked for syntax
    // Set when the program should print and exit instead of starting: --help,
    // --version, or a bad argument (exitCode 2, output is the error).
    std::optional<int> exitCode;
    QString output;
    // The failure is only options this parser does not know, which may be Qt's own
    // (-platform, -geometry…): parse again once QApplication has taken those out.
    bool onlyUnknownOptions = false;
};

// Parses arguments (arguments[0] is the program). Sizes and offsets use the same
// parser as the dialogs (input::parseSize / parseOffset).
[[nodiscard]] CommandLine parseCommandLine(const QStringList &arguments);

} // namespace hexmap
