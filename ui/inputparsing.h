#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Parsing and formatting of what people type or paste: one module, shared by the
// view, every dialog and the command line.
namespace hexmap::input {

// Hex bytes such as "48 65 6c", "48656C" or "0x48 0x65": pairs of hex digits,
// whitespace anywhere between bytes, an optional 0x before each. Empty text gives no
// bytes. On failure, error says what is wrong and where.
[[nodiscard]] std::optional<QByteArray> parseHexBytes(QStringView text, QString *error = nullptr);

// "48 65 6C": upper-case pairs separated by single spaces.
[[nodiscard]] QString formatHex(const QByteArray &bytes);

} // namespace hexmap::input
