#pragma once

#include "byteclass.h"

#include <QFont>
#include <QHash>
#include <QPalette>
#include <QPixmap>

#include <array>

namespace hexmap {

// Pre-rendered glyphs in the view's font and colours: the hex pane's "XX" of every
// byte, the text pane's characters (as many as are shown), and the address digits. They are opaque
// (drawn on the palette's base colour), so painting a cell is one plain copy instead
// of text layout or alpha blending; highlights are overlaid afterwards.
class GlyphCache
{
public:
    // Rebuilds lazily when the font, palette or pixel ratio differs from the last call.
    void update(const QFont &font, const QPalette &palette, qreal devicePixelRatio);

    [[nodiscard]] const QPixmap &hex(quint8 byte);
    // A character of the text pane over `cells` cells (0 for '.'), in its class's
    // colour; a character of more than one cell is underlined across them, which marks
    // its continuation bytes.
    [[nodiscard]] const QPixmap &character(char32_t character, int cells, ByteClass byteClass);
    // A continuation byte whose character starts on an earlier line: the underline only.
    [[nodiscard]] const QPixmap &continuation();
    // "··": a byte that cannot be read.
    [[nodiscard]] const QPixmap &missingHex();
    [[nodiscard]] const QPixmap &missingText();
    // One hex digit (0..15) of an address.
    [[nodiscard]] const QPixmap &addressDigit(int value);

private:
    [[nodiscard]] QPixmap render(const QString &text, const QColor &color, int chars) const;
    void underline(QPixmap &pixmap, int from) const;

    QFont m_font;
    QPalette m_palette;
    qreal m_ratio = 0;
    std::array<QPixmap, 256> m_hex;
    QHash<quint64, QPixmap> m_characters; // by character, cells and class
    QPixmap m_missingHex;
    QPixmap m_missingText;
    QPixmap m_continuation;
    std::array<QPixmap, 16> m_addressDigits;
};

} // namespace hexmap
