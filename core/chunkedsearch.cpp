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
    const bool backward = m_direction == Direction::Backward;
    const search::SparseStep step
        = m_map.searchStep({m_pattern.bytes, m_pattern.mask}, m_low, m_high, backward, m_window);
    if (step.found >= 0) {
        finish(step.found);
    } else {
        (backward ? m_high : m_low) = step.next;
        if (m_high < m_low)
            finish(-1);
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

void ChunkedSearch::finish(std::int64_t result)
{
    m_finished = true;
    m_result = result;
}

} // namespace hexmap
