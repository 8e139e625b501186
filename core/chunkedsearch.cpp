#include "chunkedsearch.h"

#include <algorithm>
#include <utility>

namespace hexmap {

bool BytePattern::operator==(const BytePattern &other) const
{
    if (isRegex() || other.isRegex())
        return isRegex() && other.isRegex() && regex->source() == other.regex->source()
            && regex->ignoresCase() == other.regex->ignoresCase();
    return bytes == other.bytes && mask == other.mask;
}

ChunkedSearch::ChunkedSearch(const MemoryMap &map, BytePattern pattern, std::int64_t start,
    std::int64_t end, Direction direction, std::int64_t windowBytes, std::int64_t lastStart)
    : m_map(map)
    , m_pattern(std::move(pattern))
    , m_direction(direction)
    , m_window(std::max<std::int64_t>(windowBytes, 1))
{
    const std::int64_t length = map.length();
    m_start = std::clamp<std::int64_t>(start, 0, length);
    m_end = std::clamp<std::int64_t>(end, m_start, length);
    m_low = m_start;
    m_high = m_end;
    if (m_pattern.isRegex()) {
        m_regexSearch = std::make_unique<RegexSearch>(
            map, m_pattern.regex, m_start, m_end, lastStart, backward(), m_window);
        return;
    }
    m_high = std::min(m_end - static_cast<std::int64_t>(m_pattern.bytes.size()), lastStart);
    if (m_high < m_low)
        finish(-1, 0);
}

bool ChunkedSearch::step()
{
    if (m_finished)
        return true;
    if (m_regexSearch) {
        if (m_regexSearch->step())
            finish(m_regexSearch->result().start, m_regexSearch->result().length);
        return m_finished;
    }
    const search::SparseStep step
        = m_map.searchStep({m_pattern.bytes, m_pattern.mask}, m_low, m_high, backward(), m_window);
    if (step.found >= 0) {
        finish(step.found, std::int64_t(m_pattern.bytes.size()));
    } else {
        (backward() ? m_high : m_low) = step.next;
        if (m_high < m_low)
            finish(-1, 0);
    }
    return m_finished;
}

void ChunkedSearch::resumeAfterMatch()
{
    if (m_result < 0 || backward())
        return;
    if (m_regexSearch) {
        m_regexSearch->resumeAfterMatch();
    } else {
        m_low = m_result + 1;
        if (m_high < m_low)
            return finish(-1, 0);
    }
    m_finished = false;
    m_result = -1;
    m_resultLength = 0;
    if (m_regexSearch && m_regexSearch->finished())
        finish(-1, 0);
}

std::int64_t ChunkedSearch::scanned() const
{
    if (m_finished)
        return total();
    if (m_regexSearch)
        return m_regexSearch->scanned();
    return m_direction == Direction::Forward
        ? m_low - m_start
        : m_end - (m_high + static_cast<std::int64_t>(m_pattern.bytes.size()));
}

void ChunkedSearch::finish(std::int64_t result, std::int64_t length)
{
    m_finished = true;
    m_result = result;
    m_resultLength = result >= 0 ? length : 0;
}

} // namespace hexmap
