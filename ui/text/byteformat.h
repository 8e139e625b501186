#pragma once

#include "textdecoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

// The selection as text for other programs: hex, source-code arrays, base64, an xxd
// dump; written chunk by chunk, so that the clipboard (one string) and Export (a
// stream from the map) share one formatter.
namespace hexmap {

enum class ByteFormat {
    HexText, // "48 65 6C", as Copy from the hex pane gives
    Characters, // as the text pane shows them in a TextEncoding, '.' for the others (UTF-8)
    C, // unsigned char data[N] = { 0x48, ... };
    Python, // b"\x48..."
    Rust, // let data: [u8; N] = [ 0x48, ... ];
    Go, // []byte{ 0x48, ... }
    Java, // byte[] data = { (byte)0x48, ... };
    CSharp, // byte[] data = { 0x48, ... };
    Base64, // as coreutils' base64: lines of 76 characters
    Xxd, // as xxd: 16 bytes a line, offsets from where the bytes start (in the file)
    Raw, // the bytes themselves (Export only)
};

// Every format, in menu order.
[[nodiscard]] QList<ByteFormat> byteFormats();
// Its name in menus: "C/C++ array", "xxd dump".
[[nodiscard]] QString byteFormatName(ByteFormat format);
// A file name suffix for Export: "txt", "c", "bin"…
[[nodiscard]] QString byteFormatSuffix(ByteFormat format);

// Formats total bytes that start at offset `start` (xxd's offsets), given in chunks of
// any size: write() each chunk in order, then finish(). The text is the same however
// the bytes are cut, and it is ASCII (UTF-8 for Characters in another encoding than ASCII).
class ByteFormatter
{
public:
    // encoding: the characters of Characters.
    ByteFormatter(ByteFormat format, qint64 total, qint64 start = 0,
        TextEncoding encoding = TextEncoding::Ascii);
    ~ByteFormatter();

    // Appends the text of chunk (its header first, on the first call) to out.
    void write(QByteArrayView chunk, QByteArray &out);
    // Appends what ends the text (a partial line, the closing brace) to out.
    void finish(QByteArray &out);
    // At most how many characters write() and finish() append for count more bytes:
    // reserve it and out never grows.
    [[nodiscard]] qint64 maxSize(qint64 count) const;

    // The whole text of bytes in one piece.
    [[nodiscard]] static QByteArray format(ByteFormat format, QByteArrayView bytes,
        qint64 start = 0, TextEncoding encoding = TextEncoding::Ascii);

private:
    [[nodiscard]] QByteArray header() const;
    [[nodiscard]] QByteArray footer() const;
    char *writeArrayItems(QByteArrayView chunk, char *to);
    // Characters decoded by m_decoder, as UTF-8; the last call writes what waits.
    char *writeCharacters(QByteArrayView chunk, char *to, bool last);
    char *writeBase64(QByteArrayView chunk, char *to);
    char *writeXxd(QByteArrayView chunk, char *to);
    char *writeXxdLine(const char *bytes, int count, char *to);

    ByteFormat m_format;
    qint64 m_total;
    qint64 m_done = 0; // bytes written so far
    qint64 m_lineOffset; // xxd: the offset of the next line
    bool m_started = false; // the header is out
    int m_column = 0; // base64: characters on the current line
    // base64: up to 2 bytes; xxd: up to 15 bytes of a partial line; Characters: up to 3
    // bytes of a character that may go on in the next chunk
    QByteArray m_carry;
    std::unique_ptr<TextDecoder> m_decoder; // Characters in another encoding than ASCII
};

} // namespace hexmap
