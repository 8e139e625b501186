#include "byteclass.h"

#include <QPalette>

namespace hexmap {

ByteClass classify(quint8 byte)
{
    if (byte == 0)
        return ByteClass::Null;
    if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\v' || byte == '\f')
        return ByteClass::Whitespace;
    if (byte > 0x20 && byte < 0x7f)
        return ByteClass::Printable;
    if (byte < 0x80)
        return ByteClass::OtherAscii;
    return ByteClass::NonAscii;
}

ByteClass classify(char32_t character, quint8 lead)
{
    if (character == 0)
        return classify(lead);
    return character < 0x80 ? classify(quint8(character)) : ByteClass::NonAscii;
}

QColor byteColor(ByteClass byteClass, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (byteClass) {
    case ByteClass::Null:
        return dark ? QColor(0x6e, 0x6e, 0x6e) : QColor(0xa0, 0xa0, 0xa0);
    case ByteClass::Printable:
        return palette.color(QPalette::Text);
    case ByteClass::Whitespace:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case ByteClass::OtherAscii:
        return dark ? QColor(0xff, 0xab, 0x76) : QColor(0xc4, 0x4b, 0x00);
    case ByteClass::NonAscii:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    }
    return palette.color(QPalette::Text);
}

} // namespace hexmap
