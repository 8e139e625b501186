// The SSE2 search kernel: the x86-64 baseline, runs everywhere.
#include <emmintrin.h>

#include "searchkernels.h"
// After searchkernels.h: the comparison loops use its helpers.
#include "comparekernels.h"

namespace {

struct Sse2Vec
{
    static constexpr std::size_t Width = 16;
    using Reg = __m128i;
    static Reg splat(Byte b) { return _mm_set1_epi8(static_cast<char>(b)); }
    static Reg load(const Byte *p) { return _mm_loadu_si128(reinterpret_cast<const Reg *>(p)); }
    static Reg equal(Reg a, Reg b) { return _mm_cmpeq_epi8(a, b); }
    static Reg either(Reg a, Reg b) { return _mm_or_si128(a, b); }
    static Reg both(Reg a, Reg b) { return _mm_and_si128(a, b); }
    static Reg bitAnd(Reg a, Reg b) { return _mm_and_si128(a, b); }
    static std::uint32_t mask(Reg r) { return static_cast<std::uint32_t>(_mm_movemask_epi8(r)); }
    static std::uint32_t equalBoth(Reg a, Reg x, Reg b, Reg y)
    {
        return static_cast<std::uint32_t>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, x), _mm_cmpeq_epi8(b, y))));
    }
};

} // namespace

namespace hexmap::search::detail {

std::int64_t findSse2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    return findWith<Sse2Vec>(hay, n, needle, m);
}

std::int64_t rfindSse2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    return rfindWith<Sse2Vec>(hay, n, needle, m);
}

std::int64_t findMaskedSse2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m)
{
    return findMaskedWith<Sse2Vec>(hay, n, maskedPattern(bytes, mask, m));
}

std::int64_t rfindMaskedSse2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m)
{
    return rfindMaskedWith<Sse2Vec>(hay, n, maskedPattern(bytes, mask, m));
}

} // namespace hexmap::search::detail

namespace hexmap::compare::detail {

std::int64_t nextSse2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual)
{
    return nextSought<Sse2Vec>(a, b, n, seekEqual);
}

std::int64_t previousSse2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual)
{
    return previousSought<Sse2Vec>(a, b, n, seekEqual);
}

void countSse2(const Byte *a, const Byte *b, std::size_t n, bool carry, std::int64_t &bytes,
    std::int64_t &ranges)
{
    tallyDifferences<Sse2Vec>(a, b, n, carry, bytes, ranges);
}

} // namespace hexmap::compare::detail
