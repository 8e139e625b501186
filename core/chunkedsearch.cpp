#include "chunkedsearch.h"

#include <algorithm>
#include <utility>

namespace hexmap {

ChunkedSearch::ChunkedSearch(const MemoryMap &map, BytePattern pattern, std::int64_t start,
    std::int64_t end, Direction direction, std::int64_t windowBytes)
    : m_map(map)
    , m_pattern(std::move(pattern))
    , m_direction(direction)
    , m_window(std::max<std::int64_t>(windowBytes, 1))
{
    const std::int64_t length = map.length();
    m_start = std::clamp<std::int64_t>(start, 0, length);
    m_end = std::clamp<std::int64_t>(end, m_start, length);
    m_low = m_start;
    m_high = m_end - static_cast<std::int64_t>(m_pattern.bytes.size());
    if (m_high < m_low)
        finish(-1);
}

bool ChunkedSearch::step()
{
    if (m_finished)
        return true;
    const auto needleLength = static_cast<std::int64_t>(m_pattern.bytes.size());
    if (m_direction == Direction::Forward) {
        const std::int64_t last = std::min(m_high, m_low + m_window - 1);
        const std::int64_t found = searchWindow(m_low, last + needleLength);
        m_low = last + 1;
        if (found >= 0 || m_low > m_high)
            finish(found);
    } else {
        const std::int64_t first = std::max(m_low, m_high - m_window + 1);
        const std::int64_t found = searchWindow(first, m_high + needleLength);
        m_high = first - 1;
        if (found >= 0 || m_high < m_low)
            finish(found);
    }
    return m_finished;
}

std::int64_t ChunkedSearch::scanned() const
{
    if (m_finished)
        return total();
    return m_direction == Direction::Forward
        ? m_low - m_start
        : m_end - (m_high + static_cast<std::int64_t>(m_pattern.bytes.size()));
}

std::int64_t ChunkedSearch::searchWindow(std::int64_t start, std::int64_t end) const
{
    const bool backward = m_direction == Direction::Backward;
    if (m_pattern.isLiteral())
        return backward ? m_map.rfind(m_pattern.bytes, start, end)
                        : m_map.find(m_pattern.bytes, start, end);
    return m_map.findPattern({m_pattern.bytes, m_pattern.mask}, start, end, backward);
}

void ChunkedSearch::finish(std::int64_t result)
{
    m_finished = true;
    m_result = result;
}

} // namespace hexmap
