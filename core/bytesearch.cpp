#include "bytesearch.h"

#include <algorithm>
#include <cstddef>

namespace hexmap::search {

namespace detail {
using Byte = std::uint8_t;
std::int64_t findSse2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m);
std::int64_t rfindSse2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m);
std::int64_t findAvx2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m);
std::int64_t rfindAvx2(const Byte *hay, std::size_t n, const Byte *needle, std::size_t m);
std::int64_t findMaskedSse2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m);
std::int64_t rfindMaskedSse2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m);
std::int64_t findMaskedAvx2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m);
std::int64_t rfindMaskedAvx2(
    const Byte *hay, std::size_t n, const Byte *bytes, const Byte *mask, std::size_t m);
} // namespace detail

namespace {
constexpr Kernel kAll[] = {Kernel::Sse2, Kernel::Avx2};

bool cpuHasAvx2() noexcept
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
} // namespace

std::span<const Kernel> availableKernels() noexcept
{
    return std::span<const Kernel>(kAll).first(cpuHasAvx2() ? 2 : 1);
}

Kernel bestKernel() noexcept
{
    return availableKernels().back();
}

const char *kernelName(Kernel kernel) noexcept
{
    return kernel == Kernel::Avx2 ? "AVX2" : "SSE2";
}

std::int64_t find(
    std::span<const std::uint8_t> haystack, std::span<const std::uint8_t> needle, Kernel kernel)
{
    const auto search
        = kernel == Kernel::Avx2 && cpuHasAvx2() ? detail::findAvx2 : detail::findSse2;
    return search(haystack.data(), haystack.size(), needle.data(), needle.size());
}

std::int64_t rfind(
    std::span<const std::uint8_t> haystack, std::span<const std::uint8_t> needle, Kernel kernel)
{
    const auto search
        = kernel == Kernel::Avx2 && cpuHasAvx2() ? detail::rfindAvx2 : detail::rfindSse2;
    return search(haystack.data(), haystack.size(), needle.data(), needle.size());
}

namespace {
bool anyFixed(const MaskedPattern &pattern)
{
    return std::any_of(
        pattern.mask.begin(), pattern.mask.end(), [](std::uint8_t m) { return m != 0; });
}
} // namespace

std::int64_t findMasked(
    std::span<const std::uint8_t> haystack, const MaskedPattern &pattern, Kernel kernel)
{
    const std::size_t m = pattern.bytes.size();
    if (!anyFixed(pattern))
        return m <= haystack.size() ? 0 : -1;
    const auto search
        = kernel == Kernel::Avx2 && cpuHasAvx2() ? detail::findMaskedAvx2 : detail::findMaskedSse2;
    return search(haystack.data(), haystack.size(), pattern.bytes.data(), pattern.mask.data(), m);
}

std::int64_t rfindMasked(
    std::span<const std::uint8_t> haystack, const MaskedPattern &pattern, Kernel kernel)
{
    const std::size_t m = pattern.bytes.size();
    if (!anyFixed(pattern))
        return m <= haystack.size() ? std::int64_t(haystack.size() - m) : -1;
    const auto search = kernel == Kernel::Avx2 && cpuHasAvx2() ? detail::rfindMaskedAvx2
                                                               : detail::rfindMaskedSse2;
    return search(haystack.data(), haystack.size(), pattern.bytes.data(), pattern.mask.data(), m);
}

} // namespace hexmap::search
