#include "textglyph.h"

namespace hexmap {

char textGlyph(quint8 byte)
{
    return byte >= 0x20 && byte < 0x7f ? char(byte) : '.';
}

QString textGlyphs(const QByteArray &bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (const char byte : bytes)
        text += QLatin1Char(textGlyph(quint8(byte)));
    return text;
}

} // namespace hexmap
