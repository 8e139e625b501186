#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// The value inspector's arithmetic: the bytes at an offset read as numbers, characters,
// times and identifiers, and a typed value back into bytes. No document, no widget:
// decode(encode(x)) and encode(decode(bytes)) are tested against each other.
namespace hexmap::values {

enum class Type {
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float16,
    BFloat16,
    Float32,
    Float64,
    Binary, // the byte's 8 bits
    Octal, // the byte in octal
    Latin1, // the byte as a Latin-1 character
    Utf8, // the code point whose UTF-8 sequence starts at the offset
    Utf16, // one UTF-16 code unit
    Time32, // time_t: signed seconds since 1970-01-01 UTC
    Time64,
    FileTime, // Windows FILETIME: 100 ns units since 1601-01-01 UTC
    DosDateTime, // FAT/ZIP: time in the low 16 bits, date in the high 16
    Guid, // Windows layout (first three fields in the byte order), RFC 4122 when big endian
    Uleb128,
    Sleb128,
};

// Every type, in the order the inspector lists them.
[[nodiscard]] QList<Type> allTypes();
// "int32", "float16", "DOS date/time"…
[[nodiscard]] QString name(Type type);
// The bytes a value of type takes; 0 when it depends on the bytes (UTF-8, LEB128).
[[nodiscard]] int fixedSize(Type type);
// Whether the byte order matters to type.
[[nodiscard]] bool hasByteOrder(Type type);

struct Decoded
{
    QString text; // the value, in the form encode() reads back; empty when none
    QString whyNot; // why there is no value ("needs 8 bytes, 3 left"), else empty
    int size = 0; // the bytes the value takes
    [[nodiscard]] bool isValid() const { return whyNot.isEmpty(); }
};

// The value of type held at the start of bytes (the bytes from the offset on, as many
// as there are up to kMaxBytes).
[[nodiscard]] Decoded decode(Type type, QByteArrayView bytes, bool bigEndian);
// The bytes of the value text as type. A LEB128 shorter than minimumSize bytes is
// padded to it (with continuation bytes), so that overwriting a longer encoding leaves
// no stray bytes of the old one. On failure, error says what is wrong with text.
[[nodiscard]] std::optional<QByteArray> encode(
    Type type, QStringView text, bool bigEndian, int minimumSize = 0, QString *error = nullptr);

// The most bytes any type reads (a GUID, or a 64-bit LEB128 with padding).
constexpr int kMaxBytes = 16;

} // namespace hexmap::values
