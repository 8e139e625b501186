#pragma once
// The search over bytes of which some stretches are known to be zero without reading
// them (the holes of a sparse file): find and rfind skip those stretches, or, for a
// pattern that zero bytes match, answer inside them by arithmetic. Everything else is
// read and searched with the vectorized kernels (bytesearch.h). MemoryMap runs it over
// its own bytes (memorymap.cpp); the interface below lets the tests run it over any.

#include <cstdint>
#include <span>
#include <vector>

namespace hexmap::search {

// A pattern: bytes, and a mask per byte (see MaskedPattern), or no mask for a literal.
struct Pattern
{
    std::span<const std::uint8_t> bytes;
    std::span<const std::uint8_t> mask; // empty: literal; else as long as bytes

    [[nodiscard]] std::int64_t size() const { return std::int64_t(bytes.size()); }
    // Whether the pattern matches a run of zero bytes.
    [[nodiscard]] bool matchesZeros() const;
    // The lowest (or, backward, highest) i where the pattern matches haystack, or -1.
    [[nodiscard]] std::int64_t findIn(std::span<const std::uint8_t> haystack, bool backward) const;
};

struct ByteRange
{
    std::int64_t begin;
    std::int64_t end;
};

// The bytes a sparse search reads, at absolute offsets.
class SparseSource
{
public:
    virtual ~SparseSource() = default;
    // Appends to runs some stretches of [begin, end) that are provably all zero bytes, in
    // any order, touching or overlapping or not (a byte not reported is read, which is
    // always correct), and
    // returns how far it looked: up to there it reported what it would report of a
    // longer range too; past there (it stopped asking, to bound its cost) it may know
    // more when asked from there.
    virtual std::int64_t zeroRuns(
        std::int64_t begin, std::int64_t end, std::vector<ByteRange> &runs) const = 0;
    // The lowest (or, backward, highest) offset in [begin, end) where pattern matches
    // bytes read from [begin, end), or -1.
    virtual std::int64_t scan(
        const Pattern &pattern, std::int64_t begin, std::int64_t end, bool backward) const = 0;
    // Copies the bytes [begin, end) to out.
    virtual void copy(std::int64_t begin, std::int64_t end, std::uint8_t *out) const = 0;
};

// How far one bounded call got.
struct SparseStep
{
    std::int64_t found; // the match, or -1
    // Forward: every candidate below next was examined (search on from next); backward:
    // every candidate above next (search on down from next). Meaningless once found.
    std::int64_t next;
};

// Examines the candidate offsets [low, high] (a match at i covers [i, i + size)) from low
// up (or from high down) until the first match, or until about budget candidates
// outside zero stretches were examined (those inside cost nothing), at least one. The
// pattern must not be empty.
[[nodiscard]] SparseStep sparseSearch(const SparseSource &source, const Pattern &pattern,
    std::int64_t low, std::int64_t high, bool backward, std::int64_t budget);

} // namespace hexmap::search
