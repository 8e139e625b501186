#include "textdecoder.h"

#include <algorithm>

namespace hexmap {
namespace {

bool inRange(quint8 byte, quint8 low, quint8 high)
{
    return byte >= low && byte <= high;
}

// How many of the count bytes from bytes[at + 1] are in [low, high].
bool followedBy(QByteArrayView bytes, qsizetype at, int count, quint8 low, quint8 high)
{
    if (at + count >= bytes.size())
        return false;
    for (int i = 1; i <= count; ++i) {
        if (!inRange(quint8(bytes[at + i]), low, high))
            return false;
    }
    return true;
}

int utf8Length(QByteArrayView bytes, qsizetype at)
{
    const auto lead = quint8(bytes[at]);
    const int length = lead < 0xc2 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 1;
    return length > 1 && followedBy(bytes, at, length - 1, 0x80, 0xbf) ? length : 1;
}

int utf16Length(QByteArrayView bytes, qsizetype at, bool bigEndian)
{
    if (at + 1 >= bytes.size())
        return 1;
    const auto unitAt = [&](qsizetype i) {
        const auto first = quint8(bytes[i]);
        const auto second = quint8(bytes[i + 1]);
        return bigEndian ? (first << 8) | second : (second << 8) | first;
    };
    const bool high = inRange(quint8(unitAt(at) >> 8), 0xd8, 0xdb);
    const bool lowFollows
        = at + 3 < bytes.size() && inRange(quint8(unitAt(at + 2) >> 8), 0xdc, 0xdf);
    return high && lowFollows ? 4 : 2;
}

int shiftJisLength(QByteArrayView bytes, qsizetype at)
{
    const auto lead = quint8(bytes[at]);
    const bool twoByteLead = inRange(lead, 0x81, 0x9f) || inRange(lead, 0xe0, 0xfc);
    if (!twoByteLead || at + 1 >= bytes.size())
        return 1;
    const auto trail = quint8(bytes[at + 1]);
    return inRange(trail, 0x40, 0x7e) || inRange(trail, 0x80, 0xfc) ? 2 : 1;
}

int gb18030Length(QByteArrayView bytes, qsizetype at)
{
    if (!inRange(quint8(bytes[at]), 0x81, 0xfe) || at + 1 >= bytes.size())
        return 1;
    const auto second = quint8(bytes[at + 1]);
    if (inRange(second, 0x30, 0x39)) {
        const bool four = at + 3 < bytes.size() && inRange(quint8(bytes[at + 2]), 0x81, 0xfe)
            && inRange(quint8(bytes[at + 3]), 0x30, 0x39);
        return four ? 4 : 1;
    }
    return inRange(second, 0x40, 0x7e) || inRange(second, 0x80, 0xfe) ? 2 : 1;
}

} // namespace

TextDecoder::TextDecoder(TextEncoding encoding)
    : m_encoding(encoding)
    , m_unitsOfTwo(encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE)
    , m_decoder(textEncodingCodec(encoding))
{
    for (int byte = 0; byte < 256; ++byte) {
        const char c = char(byte);
        m_single[byte] = decode(QByteArrayView(&c, 1));
    }
}

qint64 TextDecoder::decodeStart(qint64 offset) const
{
    switch (m_encoding) {
    case TextEncoding::Utf8:
        return std::max<qint64>(0, offset - 3);
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
        return std::max<qint64>(0, offset - 2) & ~qint64(1);
    case TextEncoding::ShiftJis:
    case TextEncoding::Gb18030:
        return std::max<qint64>(0, offset - 16);
    default:
        return offset;
    }
}

int TextDecoder::lengthAt(QByteArrayView bytes, qsizetype at) const
{
    switch (m_encoding) {
    case TextEncoding::Utf8:
        return utf8Length(bytes, at);
    case TextEncoding::Utf16LE:
        return utf16Length(bytes, at, false);
    case TextEncoding::Utf16BE:
        return utf16Length(bytes, at, true);
    case TextEncoding::ShiftJis:
        return shiftJisLength(bytes, at);
    case TextEncoding::Gb18030:
        return gb18030Length(bytes, at);
    default:
        return 1;
    }
}

char32_t TextDecoder::decode(QByteArrayView character) const
{
    m_decoder.resetState();
    const QString decoded = m_decoder.decode(character);
    if (m_decoder.hasError()) {
        // Qt 6.4's resetState() leaves an ICU decoder's error flag set: start afresh.
        m_decoder = QStringDecoder(textEncodingCodec(m_encoding));
        return 0;
    }
    if (decoded.isEmpty())
        return 0;
    const char32_t code = decoded.front().isHighSurrogate() && decoded.size() == 2
        ? QChar::surrogateToUcs4(decoded[0], decoded[1])
        : decoded.front().unicode();
    const bool one = decoded.size() == (QChar::requiresSurrogates(code) ? 2 : 1);
    return one && QChar::isPrint(code) && code != QChar::ReplacementCharacter ? code : 0;
}

std::vector<TextCell> TextDecoder::cells(QByteArrayView bytes, qsizetype shownFrom) const
{
    std::vector<TextCell> cells(size_t(std::max<qsizetype>(0, bytes.size() - shownFrom)));
    forEachCharacter(bytes, [&](qsizetype at, char32_t character, int length) {
        if (at + length <= shownFrom)
            return;
        for (qsizetype i = std::max(at, shownFrom); i < at + length; ++i)
            cells[size_t(i - shownFrom)] = TextCell {0, 0};
        if (at >= shownFrom)
            cells[size_t(at - shownFrom)] = TextCell {character, length};
    });
    return cells;
}

QString TextDecoder::text(QByteArrayView bytes) const
{
    QString text;
    text.reserve(bytes.size());
    forEachCharacter(bytes, [&](qsizetype, char32_t character, int) {
        if (character == 0) {
            text += QLatin1Char('.');
        } else if (QChar::requiresSurrogates(character)) {
            text += QChar(QChar::highSurrogate(character));
            text += QChar(QChar::lowSurrogate(character));
        } else {
            text += QChar(char16_t(character));
        }
    });
    return text;
}

} // namespace hexmap
