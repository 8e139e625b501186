#pragma once

#include "chunkedsearch.h"
#include "textencoding.h"

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

// A search pattern in hex, where "??" stands for any byte: "7F 45 ?? 46".
[[nodiscard]] std::optional<BytePattern> parseHexPattern(
    QStringView text, QString *error = nullptr);

// Text as the bytes of an encoding; with ignoreCase, ASCII letters match in either
// case (the bits their two cases differ in are masked: 0xdf in ASCII, 0xbf in EBCDIC).
// Fails on characters the encoding cannot hold, or empty text.
[[nodiscard]] std::optional<BytePattern> encodeText(
    const QString &text, TextEncoding encoding, bool ignoreCase, QString *error = nullptr);

// A regular expression over bytes (see RegexPattern): each character is one byte, so
// characters past Latin-1 are refused (write bytes as \xHH). Fails with the reason:
// empty, a parse error, or what RegexPattern refuses (unbounded, empty matches, anchors).
[[nodiscard]] std::optional<BytePattern> parseRegex(
    const QString &text, bool ignoreCase, QString *error = nullptr);

// An integer (decimal, possibly negative, or 0x hex) as `width` bytes (1, 2, 4 or 8),
// little- or big-endian. It must fit the width, signed or unsigned.
[[nodiscard]] std::optional<QByteArray> encodeValue(
    QStringView text, int width, bool bigEndian, QString *error = nullptr);

// "1 match", "3 matches": a count with the noun in the right number.
[[nodiscard]] QString formatCount(qint64 count, const QString &one, const QString &many);

// "0x1F2A": an offset in upper-case hex, as every dialog shows offsets.
[[nodiscard]] QString formatOffset(qint64 offset);

// "48 65 6C": upper-case pairs separated by single spaces.
[[nodiscard]] QString formatHex(const QByteArray &bytes);

// A byte count: decimal or 0x hex, with an optional suffix K/KiB, M/MiB, G/GiB,
// T/TiB (powers of 1024) or KB, MB, GB, TB (powers of 1000), in any case.
[[nodiscard]] std::optional<qint64> parseSize(QStringView text, QString *error = nullptr);

// Where an offset expression is evaluated: the data's size, and the cursor if there is one.
struct OffsetContext
{
    qint64 size = 0;
    std::optional<qint64> cursor;
};

// An offset into data of context.size bytes, from an expression of sizes (as
// parseSize reads them) and the word "end", joined by + - * ("0x100 + 2*4K",
// "end - 16"). A leading + or - makes it relative to the cursor where there is one
// ("+0x20", "-8"); without a cursor, a leading - counts back from the end, as
// Python's negative indexes do. The result must fall inside the data.
[[nodiscard]] std::optional<qint64> parseOffset(
    QStringView text, const OffsetContext &context, QString *error = nullptr);

} // namespace hexmap::input
