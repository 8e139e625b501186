#pragma once
// Two maps compared byte for byte, with a shift: byte i of the pair is first[firstStart + i]
// against second[secondStart + i], for i below length(). Every read is in place and
// guarded (MemoryMap::visitPair: a file truncated underneath raises OSError), and the
// stretches where both maps are known zeros (the holes of sparse files, knownZeros) are
// equal without being read.

#include "bytecompare.h"
#include "memorymap.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace hexmap {

// How far one bounded seek got.
struct PairStep
{
    std::int64_t found; // the byte sought, or -1
    // Forward: every byte below next was examined (go on from next); backward: every byte
    // at or above next (go on below next). Meaningless once found.
    std::int64_t next;
};

class MapPair
{
public:
    // A seek's budget that never stops it.
    static constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max();

    // Both maps must outlive the pair; the starts are offsets into them, at least 0.
    MapPair(const MemoryMap &first, std::int64_t firstStart, const MemoryMap &second,
        std::int64_t secondStart);

    // The bytes both sides have from their starts now (0 when a start is past its end).
    [[nodiscard]] std::int64_t length() const;

    // Looks at [low, high) from low up (backward: from high down) for the first byte that
    // differs (Seek::Equal: that is equal), until it is found or about budget bytes were
    // read (known zeros cost nothing). The range must lie in [0, length()].
    [[nodiscard]] PairStep seek(std::int64_t low, std::int64_t high, bool backward,
        std::int64_t budget, compare::Seek what = compare::Seek::Difference) const;
    // The lowest i >= from (below length()) that is sought, or -1.
    [[nodiscard]] std::int64_t next(
        std::int64_t from, compare::Seek what = compare::Seek::Difference) const;
    // The highest i < before that is sought, or -1.
    [[nodiscard]] std::int64_t previous(
        std::int64_t before, compare::Seek what = compare::Seek::Difference) const;
    // The differing bytes of [low, high) and the runs of them that start there (see
    // compare::count; previousDiffered: byte low - 1 differed).
    [[nodiscard]] compare::Tally count(
        std::int64_t low, std::int64_t high, bool previousDiffered) const;

private:
    // The parts of [low, high) where both maps are known zeros, ascending.
    [[nodiscard]] std::vector<search::ByteRange> bothZero(
        std::int64_t low, std::int64_t high) const;
    // Walks [low, high) (backward: from high down) in pieces: zeros(begin, end) for a
    // stretch of known zeros on both sides, bytes(begin, a, b, n) for bytes read in place
    // (inside the guard: it owns nothing with a destructor); each returns true to stop.
    // Stops too once about budget bytes were read. Returns where it stopped (as
    // PairStep::next, or at the piece that stopped it).
    template <typename Zeros, typename Read>
    std::int64_t walk(std::int64_t low, std::int64_t high, bool backward, std::int64_t budget,
        Zeros &&zeros, Read &&bytes) const;

    const MemoryMap &m_first;
    std::int64_t m_firstStart;
    const MemoryMap &m_second;
    std::int64_t m_secondStart;
};

} // namespace hexmap
