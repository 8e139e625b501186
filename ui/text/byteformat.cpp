#include "byteformat.h"

#include "textglyph.h"

#include <QCoreApplication>

#include <array>
#include <cstring>

namespace hexmap {

namespace {

constexpr char kLower[] = "0123456789abcdef";
constexpr char kUpper[] = "0123456789ABCDEF";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Items on a line of a source-code array: about 80 characters.
int itemsPerLine(ByteFormat format)
{
    return format == ByteFormat::Java ? 6 : 12;
}
constexpr int kBase64Line = 76; // coreutils' default wrap
constexpr int kXxdLine = 16;
// More than the longest header (with the digits of any qint64) and footer together, and
// the end of a partial line of xxd (76) or base64 (5).
constexpr qint64 kMaxFraming = 256;

char *putUtf8(char *to, char32_t c)
{
    if (c < 0x80) {
        *to++ = char(c);
    } else if (c < 0x800) {
        *to++ = char(0xc0 | (c >> 6));
        *to++ = char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        *to++ = char(0xe0 | (c >> 12));
        *to++ = char(0x80 | ((c >> 6) & 0x3f));
        *to++ = char(0x80 | (c & 0x3f));
    } else {
        *to++ = char(0xf0 | (c >> 18));
        *to++ = char(0x80 | ((c >> 12) & 0x3f));
        *to++ = char(0x80 | ((c >> 6) & 0x3f));
        *to++ = char(0x80 | (c & 0x3f));
    }
    return to;
}

// The item of one byte in a source-code array, without the separator.
QByteArrayView itemPrefix(ByteFormat format)
{
    return format == ByteFormat::Java ? QByteArrayView("(byte)0x") : QByteArrayView("0x");
}

char *put(char *to, QByteArrayView text)
{
    std::copy(text.begin(), text.end(), to);
    return to + text.size();
}

// Tables, so that the loops over 64 MiB do a lookup per byte and nothing else: the two
// hex digits of each byte (lower and upper case) and the text pane's character.
struct Tables
{
    Tables()
    {
        for (int byte = 0; byte < 256; ++byte) {
            lower[byte] = {kLower[byte >> 4], kLower[byte & 15]};
            upper[byte] = {kUpper[byte >> 4], kUpper[byte & 15]};
            glyph[byte] = textGlyph(quint8(byte));
        }
    }
    std::array<std::array<char, 2>, 256> lower, upper;
    std::array<char, 256> glyph;
};
const Tables &tables()
{
    static const Tables tables;
    return tables;
}

char *putHex(char *to, quint8 byte, const std::array<std::array<char, 2>, 256> &pairs)
{
    std::memcpy(to, pairs[byte].data(), 2);
    return to + 2;
}

// Every format in menu order, with its name in menus and its file name suffix.
struct FormatInfo
{
    ByteFormat format;
    const char *name;
    const char *suffix;
};
constexpr FormatInfo kFormats[] = {
    {ByteFormat::HexText, QT_TRANSLATE_NOOP("ByteFormat", "Hex Text"), "txt"},
    {ByteFormat::Characters, QT_TRANSLATE_NOOP("ByteFormat", "Characters"), "txt"},
    {ByteFormat::C, QT_TRANSLATE_NOOP("ByteFormat", "C/C++ Array"), "c"},
    {ByteFormat::Python, QT_TRANSLATE_NOOP("ByteFormat", "Python Bytes"), "py"},
    {ByteFormat::Rust, QT_TRANSLATE_NOOP("ByteFormat", "Rust Array"), "rs"},
    {ByteFormat::Go, QT_TRANSLATE_NOOP("ByteFormat", "Go Slice"), "go"},
    {ByteFormat::Java, QT_TRANSLATE_NOOP("ByteFormat", "Java Array"), "java"},
    {ByteFormat::CSharp, QT_TRANSLATE_NOOP("ByteFormat", "C# Array"), "cs"},
    {ByteFormat::Base64, QT_TRANSLATE_NOOP("ByteFormat", "Base64"), "b64"},
    {ByteFormat::Xxd, QT_TRANSLATE_NOOP("ByteFormat", "xxd Dump"), "txt"},
    {ByteFormat::Raw, QT_TRANSLATE_NOOP("ByteFormat", "Raw Bytes"), "bin"},
};

const FormatInfo &infoOf(ByteFormat format)
{
    return *std::find_if(std::begin(kFormats), std::end(kFormats),
        [format](const FormatInfo &info) { return info.format == format; });
}

} // namespace

QList<ByteFormat> byteFormats()
{
    QList<ByteFormat> formats;
    for (const FormatInfo &info : kFormats)
        formats << info.format;
    return formats;
}

QString byteFormatName(ByteFormat format)
{
    return QCoreApplication::translate("ByteFormat", infoOf(format).name);
}

QString byteFormatSuffix(ByteFormat format)
{
    return QString::fromLatin1(infoOf(format).suffix);
}

ByteFormatter::ByteFormatter(ByteFormat format, qint64 total, qint64 start, TextEncoding encoding)
    : m_format(format)
    , m_total(total)
    , m_lineOffset(start)
{
    if (format == ByteFormat::Characters && encoding != TextEncoding::Ascii)
        m_decoder = std::make_unique<TextDecoder>(encoding);
}

ByteFormatter::~ByteFormatter() = default;

QByteArray ByteFormatter::header() const
{
    const QByteArray n = QByteArray::number(m_total);
    switch (m_format) {
    case ByteFormat::C:
        return "unsigned char data[" + n + "] = {\n";
    case ByteFormat::Python:
        return "b\"";
    case ByteFormat::Rust:
        return "let data: [u8; " + n + "] = [\n";
    case ByteFormat::Go:
        return "[]byte{\n";
    case ByteFormat::Java:
    case ByteFormat::CSharp:
        return "byte[] data = {\n";
    default:
        return {};
    }
}

QByteArray ByteFormatter::footer() const
{
    switch (m_format) {
    case ByteFormat::C:
    case ByteFormat::Java:
    case ByteFormat::CSharp:
        return "};\n";
    case ByteFormat::Python:
        return "\"";
    case ByteFormat::Rust:
        return "];\n";
    case ByteFormat::Go:
        return "}";
    default:
        return {};
    }
}

qint64 ByteFormatter::maxSize(qint64 count) const
{
    // What the bytes add, with a partial line of the bytes before (xxd, base64) counted
    // as one more line; and the header and footer.
    const auto body = [&]() -> qint64 {
        switch (m_format) {
        case ByteFormat::HexText:
            return 3 * count;
        case ByteFormat::Characters: // in UTF-8: at most 3 bytes for each byte decoded
            return m_decoder ? 3 * (count + m_carry.size()) : count;
        case ByteFormat::Raw:
            return count;
        case ByteFormat::Python:
            return 4 * count;
        case ByteFormat::Java: // " (byte)0x48," and a line's indent and break, over 6
            return 13 * count;
        case ByteFormat::C:
        case ByteFormat::Rust:
        case ByteFormat::Go:
        case ByteFormat::CSharp: // " 0x48," and a line's indent and break, over 12
            return 7 * count;
        case ByteFormat::Base64:
            return (count + 2) / 3 * 4 + count / 57 + 2;
        case ByteFormat::Xxd:
            // A line of 16 bytes: offset (up to 16 digits), ": ", 40 of hex, " ", 16, "\n".
            return (count / kXxdLine + 1) * 76;
        }
        return 0;
    };
    return body() + kMaxFraming;
}

void ByteFormatter::write(QByteArrayView chunk, QByteArray &out)
{
    const qsizetype before = out.size();
    out.resize(before + qsizetype(maxSize(chunk.size())));
    char *to = out.data() + before;
    if (!m_started)
        to = put(to, header());
    m_started = true;
    const auto *bytes = reinterpret_cast<const quint8 *>(chunk.data());
    const Tables &table = tables();
    switch (m_format) {
    case ByteFormat::HexText:
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            *to = ' ';
            to = putHex(to + (m_done + i > 0 ? 1 : 0), bytes[i], table.upper);
        }
        break;
    case ByteFormat::Characters:
        if (m_decoder) {
            to = writeCharacters(chunk, to, false);
            break;
        }
        for (qsizetype i = 0; i < chunk.size(); ++i)
            *to++ = table.glyph[bytes[i]];
        break;
    case ByteFormat::Python:
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            std::memcpy(to, "\\x", 2);
            to = putHex(to + 2, bytes[i], table.lower);
        }
        break;
    case ByteFormat::Base64:
        to = writeBase64(chunk, to);
        break;
    case ByteFormat::Xxd:
        to = writeXxd(chunk, to);
        break;
    case ByteFormat::Raw:
        to = put(to, chunk);
        break;
    default:
        to = writeArrayItems(chunk, to);
        break;
    }
    m_done += chunk.size();
    out.resize(to - out.constData());
}

char *ByteFormatter::writeArrayItems(QByteArrayView chunk, char *to)
{
    const QByteArrayView prefix = itemPrefix(m_format);
    const int perLine = itemsPerLine(m_format);
    const Tables &table = tables();
    const auto *bytes = reinterpret_cast<const quint8 *>(chunk.data());
    int column = int(m_done % perLine);
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        if (column == 0) {
            std::memcpy(to, "    ", 4);
            to += 4;
        } else {
            *to++ = ' ';
        }
        std::memcpy(to, prefix.data(), size_t(prefix.size()));
        to = putHex(to + prefix.size(), bytes[i], table.lower);
        *to++ = ',';
        if (++column == perLine || m_done + i == m_total - 1) {
            *to++ = '\n';
            column = 0;
        }
    }
    return to;
}

char *ByteFormatter::writeCharacters(QByteArrayView chunk, char *to, bool last)
{
    m_carry.append(chunk.data(), chunk.size());
    // A character that may go on in the next chunk waits for it: the bytes from the
    // first one that starts in the last (longest character - 1) bytes.
    const qsizetype complete
        = last ? m_carry.size() : m_carry.size() - (maxCharacterLength(m_decoder->encoding()) - 1);
    qsizetype held = m_carry.size();
    m_decoder->forEachCharacter(m_carry, [&](qsizetype at, char32_t character, int) {
        if (at >= complete)
            held = std::min(held, at);
        else
            to = putUtf8(to, character == 0 ? U'.' : character);
    });
    m_carry.remove(0, held);
    return to;
}

char *ByteFormatter::writeBase64(QByteArrayView chunk, char *to)
{
    const auto putChar = [&](char c) {
        *to++ = c;
        if (++m_column == kBase64Line) {
            *to++ = '\n';
            m_column = 0;
        }
    };
    const auto triplet = [&](const quint8 *b) {
        const quint32 v = (quint32(b[0]) << 16) | (quint32(b[1]) << 8) | b[2];
        putChar(kBase64[v >> 18]);
        putChar(kBase64[(v >> 12) & 63]);
        putChar(kBase64[(v >> 6) & 63]);
        putChar(kBase64[v & 63]);
    };
    qsizetype i = 0;
    while (!m_carry.isEmpty() && m_carry.size() < 3 && i < chunk.size())
        m_carry.append(chunk[i++]);
    if (m_carry.size() == 3) {
        triplet(reinterpret_cast<const quint8 *>(m_carry.constData()));
        m_carry.clear();
    }
    const auto *bytes = reinterpret_cast<const quint8 *>(chunk.data());
    for (; i + 3 <= chunk.size(); i += 3)
        triplet(bytes + i);
    m_carry.append(chunk.sliced(i));
    return to;
}

char *ByteFormatter::writeXxdLine(const char *bytes, int count, char *to)
{
    // xxd's "%08lx: ": at least 8 digits.
    int digits = 8;
    while (digits < 16 && (quint64(m_lineOffset) >> (4 * digits)) != 0)
        ++digits;
    for (int d = digits - 1; d >= 0; --d)
        *to++ = kLower[(quint64(m_lineOffset) >> (4 * d)) & 15];
    to = put(to, ": ");
    char *hex = to;
    const Tables &table = tables();
    for (int i = 0; i < count; ++i) {
        to = putHex(to, quint8(bytes[i]), table.lower);
        if (i % 2 == 1)
            *to++ = ' ';
    }
    to = std::fill_n(to, 2 * kXxdLine + kXxdLine / 2 + 1 - (to - hex), ' ');
    for (int i = 0; i < count; ++i)
        *to++ = table.glyph[quint8(bytes[i])];
    *to++ = '\n';
    m_lineOffset += count;
    return to;
}

char *ByteFormatter::writeXxd(QByteArrayView chunk, char *to)
{
    qsizetype i = 0;
    if (!m_carry.isEmpty()) {
        i = std::min<qsizetype>(kXxdLine - m_carry.size(), chunk.size());
        m_carry.append(chunk.first(i));
        if (m_carry.size() < kXxdLine)
            return to;
        to = writeXxdLine(m_carry.constData(), kXxdLine, to);
        m_carry.clear();
    }
    for (; i + kXxdLine <= chunk.size(); i += kXxdLine)
        to = writeXxdLine(chunk.data() + i, kXxdLine, to);
    m_carry.append(chunk.sliced(i));
    return to;
}

void ByteFormatter::finish(QByteArray &out)
{
    if (!m_started)
        out.append(header());
    m_started = true;
    if (m_format == ByteFormat::Base64 && !m_carry.isEmpty()) {
        const auto *b = reinterpret_cast<const quint8 *>(m_carry.constData());
        const quint32 v = (quint32(b[0]) << 16) | (m_carry.size() > 1 ? quint32(b[1]) << 8 : 0);
        out.append(kBase64[v >> 18]);
        out.append(kBase64[(v >> 12) & 63]);
        out.append(m_carry.size() > 1 ? kBase64[(v >> 6) & 63] : '=');
        out.append('=');
        m_column += 4;
        m_carry.clear();
    }
    if (m_format == ByteFormat::Base64 && m_column > 0)
        out.append('\n');
    if (m_decoder && !m_carry.isEmpty()) {
        const qsizetype before = out.size();
        out.resize(before + qsizetype(maxSize(0)));
        char *to = writeCharacters({}, out.data() + before, true);
        out.resize(to - out.constData());
    }
    if (m_format == ByteFormat::Xxd && !m_carry.isEmpty()) {
        const qsizetype before = out.size();
        out.resize(before + 80);
        char *to = writeXxdLine(m_carry.constData(), int(m_carry.size()), out.data() + before);
        out.resize(to - out.constData());
        m_carry.clear();
    }
    out.append(footer());
}

QByteArray ByteFormatter::format(
    ByteFormat format, QByteArrayView bytes, qint64 start, TextEncoding encoding)
{
    ByteFormatter formatter(format, bytes.size(), start, encoding);
    QByteArray out;
    out.reserve(qsizetype(formatter.maxSize(bytes.size())));
    formatter.write(bytes, out);
    formatter.finish(out);
    return out;
}

} // namespace hexmap
