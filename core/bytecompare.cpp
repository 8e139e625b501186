#include "bytecompare.h"

#include <cstddef>

namespace hexmap::compare {

namespace detail {
using Byte = std::uint8_t;
std::int64_t nextSse2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual);
std::int64_t previousSse2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual);
void countSse2(const Byte *a, const Byte *b, std::size_t n, bool carry, std::int64_t &bytes,
    std::int64_t &ranges);
std::int64_t nextAvx2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual);
std::int64_t previousAvx2(const Byte *a, const Byte *b, std::size_t n, bool seekEqual);
void countAvx2(const Byte *a, const Byte *b, std::size_t n, bool carry, std::int64_t &bytes,
    std::int64_t &ranges);
} // namespace detail

namespace {
// AVX2 only when asked for and the CPU has it (bestKernel is AVX2 exactly then).
bool useAvx2(Kernel kernel) noexcept
{
    return kernel == Kernel::Avx2 && search::bestKernel() == Kernel::Avx2;
}
} // namespace

std::int64_t next(
    const std::uint8_t *a, const std::uint8_t *b, std::size_t n, Seek seek, Kernel kernel)
{
    return (useAvx2(kernel) ? detail::nextAvx2 : detail::nextSse2)(a, b, n, seek == Seek::Equal);
}

std::int64_t previous(
    const std::uint8_t *a, const std::uint8_t *b, std::size_t n, Seek seek, Kernel kernel)
{
    return (useAvx2(kernel) ? detail::previousAvx2 : detail::previousSse2)(
        a, b, n, seek == Seek::Equal);
}

Tally count(const std::uint8_t *a, const std::uint8_t *b, std::size_t n, bool previousDiffered,
    Kernel kernel)
{
    Tally tally;
    (useAvx2(kernel) ? detail::countAvx2 : detail::countSse2)(
        a, b, n, previousDiffered, tally.bytes, tally.ranges);
    return tally;
}

} // namespace hexmap::compare
