#pragma once

#include <QByteArray>
#include <QString>

namespace hexmap {

// The character the text pane shows for a byte: itself if printable ASCII, else '.'.
[[nodiscard]] char textGlyph(quint8 byte);
// The text pane's characters for bytes, one per byte (what Copy gives from the text pane).
[[nodiscard]] QString textGlyphs(const QByteArray &bytes);

} // namespace hexmap
