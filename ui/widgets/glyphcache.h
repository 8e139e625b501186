#pragma once

#include <QFont>
#include <QPalette>
#include <QPixmap>

#include <array>

namespace hexmap {

// Pre-rendered glyphs of every byte value in the view's font and colours: the hex
// pane's "XX" and the text pane's character, plus the address digits. They are opaque
// (drawn on the palette's base colour), so painting a cell is one plain copy instead
// of text layout or alpha blending; highlights are overlaid afterwards.
class GlyphCache
{
public:
    // Rebuilds lazily when the font, palette or pixel ratio differs from the last call.
    void update(const QFont &font, const QPalette &palette, qreal devicePixelRatio);

    [[nodiscard]] const QPixmap &hex(quint8 byte);
    [[nodiscard]] const QPixmap &text(quint8 byte);
    // "··": a byte that cannot be read.
    [[nodiscard]] const QPixmap &missingHex();
    [[nodiscard]] const QPixmap &missingText();
    // One hex digit (0..15) of an address.
    [[nodiscard]] const QPixmap &addressDigit(int value);

private:
    [[nodiscard]] QPixmap render(const QString &text, const QColor &color, int chars) const;

    QFont m_font;
    QPalette m_palette;
    qreal m_ratio = 0;
    std::array<QPixmap, 256> m_hex;
    std::array<QPixmap, 256> m_text;
    QPixmap m_missingHex;
    QPixmap m_missingText;
    std::array<QPixmap, 16> m_addressDigits;
};

} // namespace hexmap
