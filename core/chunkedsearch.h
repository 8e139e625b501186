#pragma once

#include "memorymap.h"

#include <cstdint>

namespace hexmap {

// What to search for: bytes, and optionally a mask per byte (see
// search::MaskedPattern); without a mask the bytes must match exactly.
struct BytePattern
{
    Bytes bytes;
    Bytes mask; // empty, or as long as bytes
    [[nodiscard]] bool isLiteral() const { return mask.empty(); }
};

// One search over [start, end) of a map, done a window at a time so that a caller can
// report progress and cancel between steps (MemoryMap::searchStep). For a literal
// pattern the result is exactly what MemoryMap::find / rfind(bytes, start, end) returns
// over the whole range; for a masked one what MemoryMap::findPattern returns. A window
// reads up to windowBytes; the holes of a sparse file in between cost nothing.
class ChunkedSearch
{
public:
    enum class Direction { Forward, Backward };

    // start and end are absolute offsets, clamped to [0, map.length()]. The map must
    // outlive the search.
    ChunkedSearch(const MemoryMap &map, BytePattern pattern, std::int64_t start, std::int64_t end,
        Direction direction, std::int64_t windowBytes = std::int64_t(16) << 20);

    // Searches the next window (and any holes before it); returns finished().
    bool step();
    [[nodiscard]] bool finished() const { return m_finished; }
    // The match's offset, or -1 (meaningful once finished).
    [[nodiscard]] std::int64_t result() const { return m_result; }
    // Bytes of the range searched so far, out of total().
    [[nodiscard]] std::int64_t scanned() const;
    [[nodiscard]] std::int64_t total() const { return m_end - m_start; }

private:
    void finish(std::int64_t result);

    const MemoryMap &m_map;
    BytePattern m_pattern;
    std::int64_t m_start;
    std::int64_t m_end;
    Direction m_direction;
    std::int64_t m_window;
    // The candidate match offsets not yet searched are [m_low, m_high].
    std::int64_t m_low;
    std::int64_t m_high;
    bool m_finished = false;
    std::int64_t m_result = -1;
};

} // namespace hexmap
