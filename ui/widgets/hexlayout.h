#pragma once

#include "pane.h"

#include <QtGlobal>

#include <optional>

namespace hexmap {

// The size of one character cell of the view's monospace font.
struct CharMetrics
{
    int charWidth = 8;
    int lineHeight = 16;
};

// Where everything sits in a HexView, in pixels, for a data size and a number of bytes
// per line: offset <-> line/column <-> x/y, 64-bit throughout. No painting here.
//
//   [address]  [hex pane: "XX " per byte, a gap every 8]  [text pane: 1 char per byte]
class HexLayout
{
public:
    struct Position
    {
        Pane pane;
        qint64 offset;
        int nibble; // 0: high, 1: low (always 0 in the text pane)
        friend bool operator==(const Position &, const Position &) = default;
    };

    HexLayout() = default;
    HexLayout(qint64 dataSize, int bytesPerLine, CharMetrics metrics);

    [[nodiscard]] qint64 dataSize() const { return m_dataSize; }
    [[nodiscard]] int bytesPerLine() const { return m_bytesPerLine; }
    [[nodiscard]] CharMetrics metrics() const { return m_metrics; }
    // At least one line, so that an empty map still has a place for the cursor.
    [[nodiscard]] qint64 lineCount() const;
    [[nodiscard]] int addressDigits() const { return m_addressDigits; }

    [[nodiscard]] qint64 lineOf(qint64 offset) const { return offset / m_bytesPerLine; }
    [[nodiscard]] int columnOf(qint64 offset) const { return int(offset % m_bytesPerLine); }
    [[nodiscard]] qint64 lineStart(qint64 line) const { return line * m_bytesPerLine; }

    [[nodiscard]] int addressX() const { return margin(); }
    [[nodiscard]] int hexPaneX() const;
    [[nodiscard]] int hexX(int column) const;
    [[nodiscard]] int hexCellWidth() const { return 2 * m_metrics.charWidth; }
    [[nodiscard]] int textPaneX() const;
    [[nodiscard]] int textX(int column) const { return textPaneX() + column * m_metrics.charWidth; }
    [[nodiscard]] int totalWidth() const;
    [[nodiscard]] int headerHeight() const { return m_metrics.lineHeight; }
    // Top of a line in a viewport whose first visible line is firstLine.
    [[nodiscard]] int lineY(qint64 line, qint64 firstLine) const;
    [[nodiscard]] int visibleLines(int viewportHeight) const;

    // The byte cell under a viewport point (x already includes horizontal scrolling),
    // clamped to the data; nothing in the header.
    [[nodiscard]] std::optional<Position> hitTest(int x, int y, qint64 firstLine) const;

    // The most bytes per line (a multiple of 4) whose layout fits in width.
    [[nodiscard]] static int fittingBytesPerLine(int width, qint64 dataSize, CharMetrics metrics);

private:
    [[nodiscard]] int margin() const { return m_metrics.charWidth / 2; }

    qint64 m_dataSize = 0;
    int m_bytesPerLine = 16;
    CharMetrics m_metrics;
    int m_addressDigits = 8;
};

// Maps a scroll bar's int range proportionally onto a 64-bit first-line number, so
// that every line of any file is reachable by dragging (a 64 GiB file has 2^32 lines
// of 16 bytes, more than an int holds). Below 2^30 lines it is one value per line.
class ScrollMapping
{
public:
    static constexpr int kMaxValue = 1 << 30;

    explicit ScrollMapping(qint64 maxFirstLine = 0);
    [[nodiscard]] int maximum() const { return m_maximum; }
    [[nodiscard]] qint64 lineForValue(int value) const;
    [[nodiscard]] int valueForLine(qint64 line) const;

private:
    qint64 m_maxFirstLine;
    int m_maximum;
};

} // namespace hexmap
