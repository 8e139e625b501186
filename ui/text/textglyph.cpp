#include "textglyph.h"

namespace hexmap {

char textGlyph(quint8 byte)
{
    return byte >= 0x20 && byte < 0x7f ? char(byte) : '.';
}

} // namespace hexmap
