#pragma once

#include "memorymap.h"
#include "regexpattern.h"
#include "regexsearch.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <utility>

namespace hexmap {

// What to search for: bytes, and optionally a mask per byte (see
// search::MaskedPattern); without a mask the bytes must match exactly. Or a regular
// expression (then bytes and mask are empty), whose matches vary in length.
struct BytePattern
{
    BytePattern() = default;
    BytePattern(Bytes patternBytes, Bytes patternMask = {})
        : bytes(std::move(patternBytes))
        , mask(std::move(patternMask))
    {
    }

    Bytes bytes;
    Bytes mask; // empty, or as long as bytes
    std::shared_ptr<const RegexPattern> regex;
    [[nodiscard]] bool isLiteral() const { return mask.empty() && !regex; }
    [[nodiscard]] bool isRegex() const { return regex != nullptr; }
    // Whether two patterns look for the same thing.
    [[nodiscard]] bool operator==(const BytePattern &other) const;
};

// One search over [start, end) of a map, done a window at a time so that a caller can
// report progress and cancel between steps (MemoryMap::searchStep). For a literal
// pattern the result is exactly what MemoryMap::find / rfind(bytes, start, end) returns
// over the whole range; for a masked one what MemoryMap::findPattern returns; for a
// regex what RegexSearch finds. A window reads up to windowBytes; the holes of a sparse
// file in between cost nothing (for a regex: see RegexSearch).
class ChunkedSearch
{
public:
    enum class Direction { Forward, Backward };

    // start and end are absolute offsets, clamped to [0, map.length()]; a match starts
    // at or before lastStart. The map must outlive the search.
    ChunkedSearch(const MemoryMap &map, BytePattern pattern, std::int64_t start, std::int64_t end,
        Direction direction, std::int64_t windowBytes = std::int64_t(16) << 20,
        std::int64_t lastStart = std::numeric_limits<std::int64_t>::max());

    // Searches the next window (and any holes before it); returns finished().
    bool step();
    [[nodiscard]] bool finished() const { return m_finished; }
    // Forward, after a match: goes on to the next one, which starts after it (Find All).
    void resumeAfterMatch();
    // The match's offset, or -1 (meaningful once finished).
    [[nodiscard]] std::int64_t result() const { return m_result; }
    // The match's length (a regex's matches vary), 0 when none.
    [[nodiscard]] std::int64_t resultLength() const { return m_resultLength; }
    // Bytes of the range searched so far, out of total().
    [[nodiscard]] std::int64_t scanned() const;
    [[nodiscard]] std::int64_t total() const { return m_end - m_start; }

private:
    [[nodiscard]] bool backward() const { return m_direction == Direction::Backward; }
    void finish(std::int64_t result, std::int64_t length);

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
    std::int64_t m_resultLength = 0;
    std::unique_ptr<RegexSearch> m_regexSearch; // for a regex
};

} // namespace hexmap
