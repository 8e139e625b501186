#include "hexlayout.h"

#include <algorithm>

namespace hexmap {

namespace {
constexpr int kGroup = 8; // an extra space after every 8 bytes in the hex pane
constexpr int kPaneGap = 2; // characters between panes
constexpr int kMaxBytesPerLine = 256;

int hexDigitsFor(qint64 value)
{
    int digits = 1;
    while (value >>= 4)
        ++digits;
    return digits;
}
} // namespace

HexLayout::HexLayout(qint64 dataSize, int bytesPerLine, CharMetrics metrics)
    : m_dataSize(std::max<qint64>(dataSize, 0))
    , m_bytesPerLine(std::clamp(bytesPerLine, 1, kMaxBytesPerLine))
    , m_metrics(metrics)
    , m_addressDigits(std::max(8, hexDigitsFor(std::max<qint64>(m_dataSize - 1, 0))))
{
}

qint64 HexLayout::lineCount() const
{
    return std::max<qint64>(1, (m_dataSize + m_bytesPerLine - 1) / m_bytesPerLine);
}

int HexLayout::hexPaneX() const
{
    return margin() + (m_addressDigits + kPaneGap) * m_metrics.charWidth;
}

int HexLayout::hexX(int column) const
{
    return hexPaneX() + (column * 3 + column / kGroup) * m_metrics.charWidth;
}

int HexLayout::textPaneX() const
{
    return hexX(m_bytesPerLine - 1) + hexCellWidth() + kPaneGap * m_metrics.charWidth;
}

int HexLayout::totalWidth() const
{
    return textX(m_bytesPerLine) + margin();
}

int HexLayout::lineY(qint64 line, qint64 firstLine) const
{
    return headerHeight() + int(line - firstLine) * m_metrics.lineHeight;
}

int HexLayout::visibleLines(int viewportHeight) const
{
    return std::max(
        1, (viewportHeight - headerHeight() + m_metrics.lineHeight - 1) / m_metrics.lineHeight);
}

std::optional<HexLayout::Position> HexLayout::hitTest(int x, int y, qint64 firstLine) const
{
    if (y < headerHeight())
        return std::nullopt;
    const qint64 line
        = std::min(firstLine + (y - headerHeight()) / m_metrics.lineHeight, lineCount() - 1);
    const qint64 lastOffset = std::max<qint64>(m_dataSize - 1, 0);
    const auto at = [&](int column) { return std::min(lineStart(line) + column, lastOffset); };

    if (x >= textPaneX() - m_metrics.charWidth) {
        const int column
            = std::clamp((x - textPaneX()) / m_metrics.charWidth, 0, m_bytesPerLine - 1);
        return Position {Pane::Text, at(column), 0};
    }
    // The hex cell whose "XX " (and group gap) span holds x.
    int column = 0;
    while (column + 1 < m_bytesPerLine && x >= hexX(column + 1))
        ++column;
    const int nibble = x - hexX(column) >= m_metrics.charWidth ? 1 : 0;
    const qint64 offset = at(column);
    return Position {Pane::Hex, offset, offset == lineStart(line) + column ? nibble : 1};
}

int HexLayout::fittingBytesPerLine(int width, qint64 dataSize, CharMetrics metrics)
{
    for (int bytes = kMaxBytesPerLine; bytes > 4; bytes -= 4) {
        if (HexLayout(dataSize, bytes, metrics).totalWidth() <= width)
            return bytes;
    }
    return 4;
}

ScrollMapping::ScrollMapping(qint64 maxFirstLine)
    : m_maxFirstLine(std::max<qint64>(maxFirstLine, 0))
    , m_maximum(int(std::min<qint64>(m_maxFirstLine, kMaxValue)))
{
}

qint64 ScrollMapping::lineForValue(int value) const
{
    if (m_maximum == m_maxFirstLine)
        return std::clamp<qint64>(value, 0, m_maxFirstLine);
    const auto clamped = std::clamp(value, 0, m_maximum);
    return qint64(__int128(clamped) * m_maxFirstLine / m_maximum);
}

int ScrollMapping::valueForLine(qint64 line) const
{
    line = std::clamp<qint64>(line, 0, m_maxFirstLine);
    if (m_maximum == m_maxFirstLine)
        return int(line);
    return int((__int128(line) * m_maximum + m_maxFirstLine / 2) / m_maxFirstLine); // nearest
}

} // namespace hexmap
