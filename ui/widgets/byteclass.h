#pragma once

#include "textglyph.h"

#include <QColor>

class QPalette;

namespace hexmap {

// What kind of byte this is, so that structure shows at a glance.
enum class ByteClass { Null, Printable, Whitespace, OtherAscii, NonAscii };

[[nodiscard]] ByteClass classify(quint8 byte);
// The class of what the text pane shows on a lead byte: its character's (an ASCII one
// as that byte, any other as NonAscii), or the byte's for '.' (character 0).
[[nodiscard]] ByteClass classify(char32_t character, quint8 lead);
// The colour for a class, chosen for the palette's base (light or dark) to stay legible.
[[nodiscard]] QColor byteColor(ByteClass byteClass, const QPalette &palette);

} // namespace hexmap
