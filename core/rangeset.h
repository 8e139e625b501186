#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace hexmap {

// A set of byte offsets kept as sorted, disjoint, non-touching half-open ranges
// [start, end). Adding a range merges it with every range it overlaps or touches.
class RangeSet
{
public:
    struct Range
    {
        std::int64_t start;
        std::int64_t end;
        friend bool operator==(const Range &, const Range &) = default;
    };

    // Adds [start, end); an empty range is ignored.
    void add(std::int64_t start, std::int64_t end);
    // Removes [start, end) from the set.
    void remove(std::int64_t start, std::int64_t end);
    // Removes every offset >= end (after a map shrinks).
    void truncate(std::int64_t end);
    void clear() { m_ranges.clear(); }

    [[nodiscard]] bool empty() const { return m_ranges.empty(); }
    [[nodiscard]] std::vector<Range> ranges() const;
    // How many offsets the set holds.
    [[nodiscard]] std::int64_t bytes() const;
    // The ranges that intersect [start, end), clipped to it.
    [[nodiscard]] std::vector<Range> intersecting(std::int64_t start, std::int64_t end) const;
    [[nodiscard]] bool intersects(std::int64_t start, std::int64_t end) const
    {
        return !intersecting(start, end).empty();
    }

private:
    std::map<std::int64_t, std::int64_t> m_ranges; // start -> end
};

} // namespace hexmap
