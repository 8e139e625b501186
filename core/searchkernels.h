#pragma once
// The search loops, written once over a vector width. Included by one .cpp per
// instruction set, each compiled for that set. Everything here has internal linkage,
// so code built for AVX2 can never be picked by the linker for an SSE2 caller.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

using Byte = std::uint8_t;

// Each Vec provides: Width; Reg; splat(b); load(p) (unaligned); equal(a, b) -> lanes all
// ones where equal; either(a, b), both(a, b), bitAnd(a, b) -> bitwise or, and, and;
// mask(r) -> one bit per lane's top bit; equalBoth(a, x, b, y) -> mask of the lanes
// where a==x and b==y.

inline bool matchesRest(const Byte *at, const Byte *needle, std::size_t m)
{
    // First and last byte already matched.
    return m <= 2 || std::memcmp(at + 1, needle + 1, m - 2) == 0;
}

inline unsigned lowestBit(std::uint32_t mask)
{
    return static_cast<unsigned>(__builtin_ctz(mask));
}

inline unsigned highestBit(std::uint32_t mask)
{
    return 31u - static_cast<unsigned>(__builtin_clz(mask));
}

template <typename Vec> std::int64_t findByte(const Byte *hay, std::size_t n, Byte byte)
{
    constexpr std::size_t W = Vec::Width;
    const auto target = Vec::splat(byte);
    std::size_t i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        const auto e0 = Vec::equal(Vec::load(hay + i), target);
        const auto e1 = Vec::equal(Vec::load(hay + i + W), target);
        const auto e2 = Vec::equal(Vec::load(hay + i + 2 * W), target);
        const auto e3 = Vec::equal(Vec::load(hay + i + 3 * W), target);
        if (Vec::mask(Vec::either(Vec::either(e0, e1), Vec::either(e2, e3))) == 0)
            continue;
        const typename Vec::Reg hits[] = {e0, e1, e2, e3};
        for (const auto &e : hits) {
            if (const std::uint32_t mask = Vec::mask(e))
                return static_cast<std::int64_t>(i + lowestBit(mask));
            i += W;
        }
    }
    for (; i + W <= n; i += W) {
        if (const std::uint32_t mask = Vec::mask(Vec::equal(Vec::load(hay + i), target)))
            return static_cast<std::int64_t>(i + lowestBit(mask));
    }
    for (; i < n; ++i) {
        if (hay[i] == byte)
            return static_cast<std::int64_t>(i);
    }
    return -1;
}

template <typename Vec> std::int64_t rfindByte(const Byte *hay, std::size_t n, Byte byte)
{
    constexpr std::size_t W = Vec::Width;
    const auto target = Vec::splat(byte);
    std::size_t top = n; // every position >= top has been checked
    for (; top >= 4 * W; top -= 4 * W) {
        const Byte *base = hay + top - 4 * W;
        // Loads in descending order, as the stream goes: the prefetcher keeps up.
        const auto e3 = Vec::equal(Vec::load(base + 3 * W), target);
        const auto e2 = Vec::equal(Vec::load(base + 2 * W), target);
        const auto e1 = Vec::equal(Vec::load(base + W), target);
        const auto e0 = Vec::equal(Vec::load(base), target);
        if (Vec::mask(Vec::either(Vec::either(e0, e1), Vec::either(e2, e3))) == 0)
            continue;
        std::size_t at = top;
        const typename Vec::Reg hits[] = {e3, e2, e1, e0};
        for (const auto &e : hits) {
            at -= W;
            if (const std::uint32_t mask = Vec::mask(e))
                return static_cast<std::int64_t>(at + highestBit(mask));
        }
    }
    for (; top >= W; top -= W) {
        if (const std::uint32_t mask = Vec::mask(Vec::equal(Vec::load(hay + top - W), target)))
            return static_cast<std::int64_t>(top - W + highestBit(mask));
    }
    while (top > 0) {
        --top;
        if (hay[top] == byte)
            return static_cast<std::int64_t>(top);
    }
    return -1;
}

// Needles of two bytes or more: compare the first and the last needle byte at W
// candidate positions at once, verify the rare candidates where both match.
template <typename Vec>
std::int64_t findMulti(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    constexpr std::size_t W = Vec::Width;
    if (n < m)
        return -1;
    const std::size_t candidates = n - m + 1;
    const std::size_t last = m - 1;
    const auto first = Vec::splat(needle[0]);
    const auto final = Vec::splat(needle[last]);
    std::size_t i = 0;
    // A block at i reads hay[i, i+W) and hay[i+last, i+last+W): in bounds while
    // i + W <= candidates.
    for (; i + 2 * W <= candidates; i += 2 * W) {
        std::uint32_t m0
            = Vec::equalBoth(Vec::load(hay + i), first, Vec::load(hay + i + last), final);
        std::uint32_t m1
            = Vec::equalBoth(Vec::load(hay + i + W), first, Vec::load(hay + i + W + last), final);
        for (; m0; m0 &= m0 - 1) {
            const std::size_t at = i + lowestBit(m0);
            if (matchesRest(hay + at, needle, m))
                return static_cast<std::int64_t>(at);
        }
        for (; m1; m1 &= m1 - 1) {
            const std::size_t at = i + W + lowestBit(m1);
            if (matchesRest(hay + at, needle, m))
                return static_cast<std::int64_t>(at);
        }
    }
    for (; i + W <= candidates; i += W) {
        for (std::uint32_t mask
             = Vec::equalBoth(Vec::load(hay + i), first, Vec::load(hay + i + last), final);
             mask; mask &= mask - 1) {
            const std::size_t at = i + lowestBit(mask);
            if (matchesRest(hay + at, needle, m))
                return static_cast<std::int64_t>(at);
        }
    }
    for (; i < candidates; ++i) {
        if (hay[i] == needle[0] && hay[i + last] == needle[last] && matchesRest(hay + i, needle, m))
            return static_cast<std::int64_t>(i);
    }
    return -1;
}

template <typename Vec>
std::int64_t rfindMulti(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    constexpr std::size_t W = Vec::Width;
    if (n < m)
        return -1;
    const std::size_t last = m - 1;
    const auto first = Vec::splat(needle[0]);
    const auto final = Vec::splat(needle[last]);
    std::size_t top = n - m + 1; // candidates >= top have been checked
    for (; top >= 2 * W; top -= 2 * W) {
        const std::size_t lo = top - 2 * W;
        std::uint32_t m1
            = Vec::equalBoth(Vec::load(hay + lo + W), first, Vec::load(hay + lo + W + last), final);
        std::uint32_t m0
            = Vec::equalBoth(Vec::load(hay + lo), first, Vec::load(hay + lo + last), final);
        for (; m1; m1 &= ~(1u << highestBit(m1))) {
            const std::size_t at = lo + W + highestBit(m1);
            if (matchesRest(hay + at, needle, m))
                return static_cast<std::int64_t>(at);
        }
        for (; m0; m0 &= ~(1u << highestBit(m0))) {
            const std::size_t at = lo + highestBit(m0);
            if (matchesRest(hay + at, needle, m))
                return static_cast<std::int64_t>(at);
        }
    }
    for (; top >= W; top -= W) {
        const std::size_t lo = top - W;
        for (std::uint32_t mask
             = Vec::equalBoth(Vec::load(hay + lo), first, Vec::load(hay + lo + last), final);
             mask; mask &= ~(1u << highestBit(mask))) {
            const std::size_t at = lo + highestBit(mask);
            if (matchesRest(hay + at, needle, m))
                return static_cast<std::int64_t>(at);
        }
    }
    while (top > 0) {
        --top;
        if (hay[top] == needle[0] && hay[top + last] == needle[last]
            && matchesRest(hay + top, needle, m))
            return static_cast<std::int64_t>(top);
    }
    return -1;
}

// Masked patterns: hay[i + k] & mask[k] == pattern[k] & mask[k] for every k (mask 0: any byte,
// 0xdf: an ASCII letter in either case, 0xff: exact). The filter compares the first
// and the last position whose mask is not 0; a pattern without one matches everywhere.
struct MaskedPattern
{
    const Byte *bytes;
    const Byte *mask;
    std::size_t size;
    std::size_t first; // first position with a non-zero mask
    std::size_t last; // last position with a non-zero mask
};

// The caller guarantees at least one non-zero mask byte.
inline MaskedPattern maskedPattern(const Byte *bytes, const Byte *mask, std::size_t m)
{
    std::size_t first = 0;
    while (mask[first] == 0)
        ++first;
    std::size_t last = m - 1;
    while (mask[last] == 0)
        --last;
    return {bytes, mask, m, first, last};
}

inline bool matchesMasked(const Byte *at, const MaskedPattern &p)
{
    for (std::size_t k = 0; k < p.size; ++k) {
        if ((at[k] & p.mask[k]) != (p.bytes[k] & p.mask[k]))
            return false;
    }
    return true;
}

template <typename Vec>
std::uint32_t maskedCandidates(const Byte *at, const MaskedPattern &p, typename Vec::Reg first,
    typename Vec::Reg firstMask, typename Vec::Reg last, typename Vec::Reg lastMask)
{
    return Vec::mask(Vec::both(Vec::equal(Vec::bitAnd(Vec::load(at + p.first), firstMask), first),
        Vec::equal(Vec::bitAnd(Vec::load(at + p.last), lastMask), last)));
}

template <typename Vec>
std::int64_t findMaskedWith(const Byte *hay, std::size_t n, const MaskedPattern &p)
{
    constexpr std::size_t W = Vec::Width;
    if (n < p.size)
        return -1;
    const std::size_t candidates = n - p.size + 1;
    const auto first = Vec::splat(p.bytes[p.first] & p.mask[p.first]);
    const auto firstMask = Vec::splat(p.mask[p.first]);
    const auto last = Vec::splat(p.bytes[p.last] & p.mask[p.last]);
    const auto lastMask = Vec::splat(p.mask[p.last]);
    std::size_t i = 0;
    for (; i + W <= candidates; i += W) {
        for (std::uint32_t mask
             = maskedCandidates<Vec>(hay + i, p, first, firstMask, last, lastMask);
             mask; mask &= mask - 1) {
            const std::size_t at = i + lowestBit(mask);
            if (matchesMasked(hay + at, p))
                return static_cast<std::int64_t>(at);
        }
    }
    for (; i < candidates; ++i) {
        if (matchesMasked(hay + i, p))
            return static_cast<std::int64_t>(i);
    }
    return -1;
}

template <typename Vec>
std::int64_t rfindMaskedWith(const Byte *hay, std::size_t n, const MaskedPattern &p)
{
    constexpr std::size_t W = Vec::Width;
    if (n < p.size)
        return -1;
    const auto first = Vec::splat(p.bytes[p.first] & p.mask[p.first]);
    const auto firstMask = Vec::splat(p.mask[p.first]);
    const auto last = Vec::splat(p.bytes[p.last] & p.mask[p.last]);
    const auto lastMask = Vec::splat(p.mask[p.last]);
    std::size_t top = n - p.size + 1; // candidates >= top have been checked
    for (; top >= W; top -= W) {
        const std::size_t lo = top - W;
        for (std::uint32_t mask
             = maskedCandidates<Vec>(hay + lo, p, first, firstMask, last, lastMask);
             mask; mask &= ~(1u << highestBit(mask))) {
            const std::size_t at = lo + highestBit(mask);
            if (matchesMasked(hay + at, p))
                return static_cast<std::int64_t>(at);
        }
    }
    while (top > 0) {
        --top;
        if (matchesMasked(hay + top, p))
            return static_cast<std::int64_t>(top);
    }
    return -1;
}

template <typename Vec>
std::int64_t findWith(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    if (m == 0)
        return 0;
    if (m == 1)
        return findByte<Vec>(hay, n, needle[0]);
    return findMulti<Vec>(hay, n, needle, m);
}

template <typename Vec>
std::int64_t rfindWith(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    if (m == 0)
        return static_cast<std::int64_t>(n);
    if (m == 1)
        return rfindByte<Vec>(hay, n, needle[0]);
    return rfindMulti<Vec>(hay, n, needle, m);
}

} // namespace
