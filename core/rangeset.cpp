#include "rangeset.h"

#include <algorithm>

namespace hexmap {

void RangeSet::add(std::int64_t start, std::int64_t end)
{
    if (start >= end)
        return;
    // The first range that could touch [start, end) is the last one starting at or before start.
    auto it = m_ranges.upper_bound(start);
    if (it != m_ranges.begin() && std::prev(it)->second >= start)
        --it;
    while (it != m_ranges.end() && it->first <= end) {
        start = std::min(start, it->first);
        end = std::max(end, it->second);
        it = m_ranges.erase(it);
    }
    m_ranges.emplace(start, end);
}

void RangeSet::remove(std::int64_t start, std::int64_t end)
{
    if (start >= end)
        return;
    const std::vector<Range> cut = intersecting(start, end);
    for (const Range &range : cut) {
        // The stored range holding `range` may stick out on either side: keep those parts.
        auto it = std::prev(m_ranges.upper_bound(range.start));
        const std::int64_t storedStart = it->first;
        const std::int64_t storedEnd = it->second;
        m_ranges.erase(it);
        if (storedStart < range.start)
            m_ranges.emplace(storedStart, range.start);
        if (range.end < storedEnd)
            m_ranges.emplace(range.end, storedEnd);
    }
}

void RangeSet::truncate(std::int64_t end)
{
    auto it = m_ranges.lower_bound(end);
    m_ranges.erase(it, m_ranges.end());
    if (!m_ranges.empty() && m_ranges.rbegin()->second > end)
        m_ranges.rbegin()->second = end;
}

std::vector<RangeSet::Range> RangeSet::ranges() const
{
    std::vector<Range> result;
    result.reserve(m_ranges.size());
    for (const auto &[start, end] : m_ranges)
        result.push_back({start, end});
    return result;
}

std::int64_t RangeSet::bytes() const
{
    std::int64_t total = 0;
    for (const auto &[start, end] : m_ranges)
        total += end - start;
    return total;
}

std::vector<RangeSet::Range> RangeSet::intersecting(std::int64_t start, std::int64_t end) const
{
    std::vector<Range> result;
    auto it = m_ranges.upper_bound(start);
    if (it != m_ranges.begin())
        --it;
    for (; it != m_ranges.end() && it->first < end; ++it) {
        const std::int64_t from = std::max(start, it->first);
        const std::int64_t to = std::min(end, it->second);
        if (from < to)
            result.push_back({from, to});
    }
    return result;
}

} // namespace hexmap
