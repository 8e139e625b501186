#pragma once
// The comparison loops, written once over a vector width (the Vec of searchkernels.h).
// Included by one .cpp per instruction set, after searchkernels.h; internal linkage.

#include <cstddef>
#include <cstdint>

namespace {

// The lanes of a W-byte block as movemask sets them.
template <typename Vec> constexpr std::uint32_t allLanes()
{
    return Vec::Width == 32 ? 0xffffffffu : (1u << Vec::Width) - 1;
}

// One bit per byte of the block at i: set where the byte is sought (equal, or differing
// when flip is all lanes).
template <typename Vec>
std::uint32_t soughtLanes(const Byte *a, const Byte *b, std::size_t i, std::uint32_t flip)
{
    return Vec::mask(Vec::equal(Vec::load(a + i), Vec::load(b + i))) ^ flip;
}

template <typename Vec>
std::int64_t nextSought(const Byte *a, const Byte *b, std::size_t n, bool seekEqual)
{
    constexpr std::size_t W = Vec::Width;
    const std::uint32_t flip = seekEqual ? 0 : allLanes<Vec>();
    std::size_t i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        const std::uint32_t m0 = soughtLanes<Vec>(a, b, i, flip);
        const std::uint32_t m1 = soughtLanes<Vec>(a, b, i + W, flip);
        const std::uint32_t m2 = soughtLanes<Vec>(a, b, i + 2 * W, flip);
        const std::uint32_t m3 = soughtLanes<Vec>(a, b, i + 3 * W, flip);
        if ((m0 | m1 | m2 | m3) == 0)
            continue;
        const std::uint32_t masks[] = {m0, m1, m2, m3};
        for (const std::uint32_t mask : masks) {
            if (mask)
                return static_cast<std::int64_t>(i + lowestBit(mask));
            i += W;
        }
    }
    for (; i + W <= n; i += W) {
        if (const std::uint32_t mask = soughtLanes<Vec>(a, b, i, flip))
            return static_cast<std::int64_t>(i + lowestBit(mask));
    }
    for (; i < n; ++i) {
        if ((a[i] == b[i]) == seekEqual)
            return static_cast<std::int64_t>(i);
    }
    return -1;
}

template <typename Vec>
std::int64_t previousSought(const Byte *a, const Byte *b, std::size_t n, bool seekEqual)
{
    constexpr std::size_t W = Vec::Width;
    const std::uint32_t flip = seekEqual ? 0 : allLanes<Vec>();
    std::size_t top = n; // every position >= top has been checked
    for (; top >= 4 * W; top -= 4 * W) {
        const std::size_t lo = top - 4 * W;
        const std::uint32_t m3 = soughtLanes<Vec>(a, b, lo + 3 * W, flip);
        const std::uint32_t m2 = soughtLanes<Vec>(a, b, lo + 2 * W, flip);
        const std::uint32_t m1 = soughtLanes<Vec>(a, b, lo + W, flip);
        const std::uint32_t m0 = soughtLanes<Vec>(a, b, lo, flip);
        if ((m0 | m1 | m2 | m3) == 0)
            continue;
        std::size_t at = top;
        const std::uint32_t masks[] = {m3, m2, m1, m0};
        for (const std::uint32_t mask : masks) {
            at -= W;
            if (mask)
                return static_cast<std::int64_t>(at + highestBit(mask));
        }
    }
    for (; top >= W; top -= W) {
        if (const std::uint32_t mask = soughtLanes<Vec>(a, b, top - W, flip))
            return static_cast<std::int64_t>(top - W + highestBit(mask));
    }
    while (top > 0) {
        --top;
        if ((a[top] == b[top]) == seekEqual)
            return static_cast<std::int64_t>(top);
    }
    return -1;
}

// Differing bytes and the runs of them starting in [0, n); carry: the byte before differed.
template <typename Vec>
void tallyDifferences(const Byte *a, const Byte *b, std::size_t n, bool carry, std::int64_t &bytes,
    std::int64_t &ranges)
{
    constexpr std::size_t W = Vec::Width;
    std::size_t i = 0;
    std::uint32_t before = carry ? 1 : 0;
    for (; i + W <= n; i += W) {
        const std::uint32_t differ = soughtLanes<Vec>(a, b, i, allLanes<Vec>());
        bytes += __builtin_popcount(differ);
        ranges += __builtin_popcount(differ & ~((differ << 1) | before));
        before = differ >> (W - 1);
    }
    for (; i < n; ++i) {
        const std::uint32_t differ = a[i] != b[i] ? 1 : 0;
        bytes += differ;
        ranges += differ & ~before;
        before = differ;
    }
}

} // namespace
