#pragma once

#include <QtGlobal>

namespace hexmap {

// The character the text pane shows for a byte: itself if printable ASCII, else '.'.
[[nodiscard]] char textGlyph(quint8 byte);

} // namespace hexmap
