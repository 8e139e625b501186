#pragma once

#include "memorymap.h"
#include "regexpattern.h"

#include <cstdint>
#include <memory>

namespace hexmap {

// One regex search over [start, end) of a map, a window at a time (for ChunkedSearch):
// a match lies wholly in [start, end) and starts at or before lastStart. Forward finds
// the leftmost start, backward the greatest start; either way the match is the one the
// regex makes there (leftmost-first). Windows overlap by the regex's longest match, so
// a match that crosses a window's edge is found. With a literal prefix the candidates
// come from the map's vectorized find/rfind (which skips a sparse file's holes) and each
// is confirmed by an anchored match; without one, every byte is read (holes too).
class RegexSearch
{
public:
    RegexSearch(const MemoryMap &map, std::shared_ptr<const RegexPattern> regex, std::int64_t start,
        std::int64_t end, std::int64_t lastStart, bool backward, std::int64_t windowBytes);

    // Searches the next window; returns finished().
    bool step();
    [[nodiscard]] bool finished() const { return m_finished; }
    // Forward, after a match: goes on to the next one, which starts after it.
    void resumeAfterMatch();
    // The match (start -1: none), once finished.
    [[nodiscard]] RegexPattern::Match result() const { return m_result; }
    // Bytes of the range searched so far.
    [[nodiscard]] std::int64_t scanned() const;

private:
    void stepForward();
    void stepBackward();
    // The length of the match at start, or -1.
    [[nodiscard]] std::int64_t matchAt(std::int64_t start) const;
    [[nodiscard]] Bytes read(std::int64_t from, std::int64_t to) const;
    void finish(std::int64_t start, std::int64_t length);

    const MemoryMap &m_map;
    std::shared_ptr<const RegexPattern> m_regex;
    std::int64_t m_start;
    std::int64_t m_end;
    bool m_backward;
    std::int64_t m_window;
    // The candidate starts not yet searched are [m_low, m_high).
    std::int64_t m_low;
    std::int64_t m_high;
    bool m_finished = false;
    RegexPattern::Match m_result;
    // Forward without a prefix: the bytes of the last window, whose matches may start in
    // [m_textStart, m_textWindowEnd).
    Bytes m_text;
    std::int64_t m_textStart = 0;
    std::int64_t m_textWindowEnd = 0;
};

} // namespace hexmap
