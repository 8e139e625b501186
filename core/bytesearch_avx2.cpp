// The AVX2 search kernel. This file alone is compiled with -mavx2; it is called only
// after the CPU was checked (bytesearch.cpp).
#include <immintrin.h>

#include "searchkernels.h"
// After searchkernels.h: the comparison loops use its helpers.
#include "comparekernels.h"

namespace {

struct Avx2Vec
{
    static constexpr std::size_t Width = 32;
    using Reg = __m256i;
    static Reg splat(Byte b) { return _mm256_set1_epi8(static_cast<char>(b)); }
    static Reg load(const Byte *p) { return _mm256_loadu_si256(reinterpret_cast<const Reg *>(p)); }
    static Reg equal(Reg a, Reg b) { return _mm256_cmpeq_epi8(a, b); }
    static Reg either(Reg a, Reg b) { return _mm256_or_si256(a, b); }
    static Reg both(Reg a, Reg b) { return _mm256_and_si256(a, b); }
    static Reg bitAnd(Reg a, Reg b) { return _mm256_and_si256(a, b); }
    static std::uint32_t mask(Reg r) { return static_cast<std::uint32_t>(_mm256_movemask_epi8(r)); }
    static std::uint32_t equalBoth(Reg a, Reg x, Reg b, Reg y)
    {
        return static_cast<std::uint32_t>(_mm256_movemask_epi8(
            _mm256_and_si256(_mm256_cmpeq_epi8(a, x), _mm256_cmpeq_epi8(b, y))));
    }
};

} // namespace

namespace hexmap::search::detail {

std::int64_t findAvx2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    return findWith<Avx2Vec>(hay, n, needle, m);
}

std::int64_t rfindAvx2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m)
{
    return rfindWith<Avx2Vec>(hay, n, needle, m);
}

std::int64_t findMaskedAvx2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m)
{
    return findMaskedWith<Avx2Vec>(hay, n, maskedPattern(bytes, mask, m));
}

std::int64_t rfindMaskedAvx2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m)
{
    return rfindMaskedWith<Avx2Vec>(hay, n, maskedPattern(bytes, mask, m));
}

} // namespace hexmap::search::detail

namespace hexmap::compare::detail {

std::int64_t nextAvx2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual)
{
    return nextSought<Avx2Vec>(a, b, n, seekEqual);
}

std::int64_t previousAvx2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual)
{
    return previousSought<Avx2Vec>(a, b, n, seekEqual);
}

void countAvx2(const Byte *a, const Byte *b, std::size_t n, bool carry, std::int64_t &bytes,
    std::int64_t &ranges)
{
    tallyDifferences<Avx2Vec>(a, b, n, carry, bytes, ranges);
}

} // namespace hexmap::compare::detail
