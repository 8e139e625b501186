#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace hexmap {

// The character sets the text pane shows bytes in, typing in it writes, and Find's text
// is written in. Qt decodes and encodes them through ICU (QStringDecoder by name).
enum class TextEncoding {
    Ascii,
    Latin1,
    Windows1252,
    Utf8,
    Utf16LE,
    Utf16BE,
    Ibm037, // EBCDIC, US/Canada
    Ibm1047, // EBCDIC, Latin-1 open systems (z/OS Unix)
    Cp437, // the IBM PC's
    Koi8R,
    ShiftJis,
    Gb18030,
};

// Every encoding, in menu order.
[[nodiscard]] QList<TextEncoding> textEncodings();
// Its name for people: "Windows-1252", "EBCDIC (IBM037)".
[[nodiscard]] QString textEncodingName(TextEncoding encoding);
// The name ICU knows it by ("IBM037"), which is also the key kept in the settings.
[[nodiscard]] const char *textEncodingCodec(TextEncoding encoding);
// The encoding of a codec name given by textEncodingCodec (case-insensitive), or none.
[[nodiscard]] std::optional<TextEncoding> textEncodingFromCodec(QStringView codec);
// The bytes of its longest character: 1 for the single-byte encodings, up to 4.
[[nodiscard]] int maxCharacterLength(TextEncoding encoding);

// text as the bytes of encoding. Fails with the reason, naming the first character the
// encoding cannot hold ("'€' is not in Latin-1").
[[nodiscard]] std::optional<QByteArray> encodeCharacters(
    QStringView text, TextEncoding encoding, QString *error = nullptr);

} // namespace hexmap
