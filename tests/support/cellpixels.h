#pragma once
// Test support: what a HexView painted at the cell of one byte, read back from the
// pixels (the view's own layout says where the cell is), so that a test asserts what
// the picture shows: a byte's class colour, a highlight, the "··" of a missing byte.

#include "byteclass.h"
#include "hexview.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QRect>
#include <QScrollBar>

#include <cstdlib>

namespace cellpixels {

// The rectangle of a byte's cell in the viewport (hex pane: both digits).
inline QRect cellRect(const hexmap::HexView &view, qint64 offset, hexmap::Pane pane)
{
    const hexmap::HexLayout &layout = view.layout();
    const int column = layout.columnOf(offset);
    const int x = -view.horizontalScrollBar()->value()
        + (pane == hexmap::Pane::Hex ? layout.hexX(column) : layout.textX(column));
    const int width
        = pane == hexmap::Pane::Hex ? layout.hexCellWidth() : layout.metrics().charWidth;
    return {x, layout.lineY(layout.lineOf(offset), view.firstVisibleLine()), width,
        layout.metrics().lineHeight};
}

// The viewport as painted now.
inline QImage picture(hexmap::HexView &view)
{
    return view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// What one cell shows: its background (the most frequent colour) and its ink (the
// pixel farthest from the background: where the glyph covers a pixel fully, the pen's
// colour; anti-aliased edges lie between the two). ink is invalid in a blank cell, both
// are invalid when the cell is not (wholly) in the picture.
struct CellPaint
{
    QColor background;
    QColor ink;
};

inline int distance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue());
}

inline CellPaint paintOf(const QImage &image, const QRect &cell)
{
    if (!image.rect().contains(cell))
        return {};
    QHash<QRgb, int> counts;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    CellPaint paint {QColor(background), QColor()};
    int farthest = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const int far = distance(QColor(it.key()), paint.background);
        if (far > farthest) {
            farthest = far;
            paint.ink = QColor(it.key());
        }
    }
    return paint;
}

// A translucent colour painted over an opaque one (source-over), as the view overlays
// highlights on the glyphs.
inline QColor over(const QColor &top, const QColor &bottom)
{
    const auto mix
        = [&](int t, int b) { return (t * top.alpha() + b * (255 - top.alpha())) / 255; };
    return {mix(top.red(), bottom.red()), mix(top.green(), bottom.green()),
        mix(top.blue(), bottom.blue())};
}

// Equal but for rounding and for glyphs that nowhere quite cover a pixel (a black "00"
// is at best #070707): the view's colours for byte classes lie more than 200 apart.
inline bool near(const QColor &a, const QColor &b)
{
    return a.isValid() && b.isValid() && distance(a, b) <= 48;
}

inline QString describe(const QColor &color)
{
    return color.isValid() ? color.name() : QStringLiteral("(none)");
}

// Empty when the cell of offset in pane shows a glyph in ink on background (ink invalid:
// nothing on it), else what it shows instead.
inline QString mismatch(const hexmap::HexView &view, const QImage &picture, qint64 offset,
    hexmap::Pane pane, const QColor &ink, const QColor &background)
{
    const CellPaint paint = paintOf(picture, cellRect(view, offset, pane));
    const bool inkAsExpected = ink.isValid() ? near(paint.ink, ink) : !paint.ink.isValid();
    if (near(paint.background, background) && inkAsExpected)
        return {};
    return QStringLiteral("%1 cell of byte %2: ink %3 on %4, expected %5 on %6")
        .arg(pane == hexmap::Pane::Hex ? "hex" : "text")
        .arg(offset)
        .arg(describe(paint.ink), describe(paint.background), describe(ink), describe(background));
}

// A cell as it must look: text in pen on the base colour, drawn here independently of
// the view (baseline at the font's ascent). Compared pixel for pixel with a painted
// cell where ink says too little: a '.' or '·' is too small to hold its pen's colour.
inline QImage expectedCell(
    const hexmap::HexView &view, hexmap::Pane pane, const QString &text, const QColor &pen)
{
    QImage image(cellRect(view, 0, pane).size(), QImage::Format_RGB32);
    image.fill(view.palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setFont(view.font());
    painter.setPen(pen);
    painter.drawText(QPoint(0, QFontMetrics(view.font()).ascent()), text);
    return image;
}

// Empty when the cell of offset shows a byte that cannot be read, as it must: "··" in
// the hex pane, "·" in the text pane, in the placeholder colour; else what it shows.
inline QString missingMismatch(
    const hexmap::HexView &view, const QImage &picture, qint64 offset, hexmap::Pane pane)
{
    const bool hex = pane == hexmap::Pane::Hex;
    const QString dots = hex ? QStringLiteral("\u00b7\u00b7") : QStringLiteral("\u00b7");
    const QColor pen = view.palette().color(QPalette::PlaceholderText);
    if (picture.copy(cellRect(view, offset, pane)) == expectedCell(view, pane, dots, pen))
        return {};
    const CellPaint paint = paintOf(picture, cellRect(view, offset, pane));
    return QStringLiteral("%1 cell of byte %2 does not show %3 (ink %4 on %5)")
        .arg(hex ? "hex" : "text")
        .arg(offset)
        .arg(dots, describe(paint.ink), describe(paint.background));
}

// Empty when both cells of offset show byte as they must, on the base colour: its hex
// digits in its class's colour, and its text-pane character drawn in that colour.
inline QString byteMismatch(
    const hexmap::HexView &view, const QImage &picture, qint64 offset, quint8 byte)
{
    const QColor pen = hexmap::byteColor(hexmap::classify(byte), view.palette());
    const QString why = mismatch(
        view, picture, offset, hexmap::Pane::Hex, pen, view.palette().color(QPalette::Base));
    if (!why.isEmpty())
        return why;
    const QString glyph(QLatin1Char(hexmap::textGlyph(byte)));
    if (picture.copy(cellRect(view, offset, hexmap::Pane::Text))
        != expectedCell(view, hexmap::Pane::Text, glyph, pen))
        return QStringLiteral("text cell of byte %1 does not show '%2' in %3")
            .arg(offset)
            .arg(glyph, pen.name());
    return {};
}

} // namespace cellpixels
