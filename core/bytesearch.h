#pragma once

#include <cstdint>
#include <span>

// Substring search over raw bytes, vectorized: the kernels behind MemoryMap::find and
// rfind. Every kernel reads only the haystack's own bytes, never one past its end
// (it may sit right before an unmapped page).
namespace hexmap::search {

enum class Kernel { Sse2, Avx2 };

// The kernels this CPU can run (SSE2 always, AVX2 when the CPU has it), best last.
[[nodiscard]] std::span<const Kernel> availableKernels() noexcept;
[[nodiscard]] Kernel bestKernel() noexcept;
[[nodiscard]] const char *kernelName(Kernel kernel) noexcept;

// The lowest i with haystack[i, i + needle.size()) == needle, or -1. 0 for an empty needle.
[[nodiscard]] std::int64_t find(std::span<const std::uint8_t> haystack,
    std::span<const std::uint8_t> needle, Kernel kernel = bestKernel());

// The highest such i, or -1. haystack.size() for an empty needle.
[[nodiscard]] std::int64_t rfind(std::span<const std::uint8_t> haystack,
    std::span<const std::uint8_t> needle, Kernel kernel = bestKernel());

// A pattern with a mask per byte: it matches at i where
// (haystack[i + k] & mask[k]) == (bytes[k] & mask[k]) for every k. Mask 0x00 matches
// any byte (a wildcard), 0xff exactly that byte, 0xdf an ASCII letter in either case.
struct MaskedPattern
{
    std::span<const std::uint8_t> bytes;
    std::span<const std::uint8_t> mask; // as long as bytes
};

// find and rfind for masked patterns, same contract as above (an empty or all-wildcard
// pattern matches at every position).
[[nodiscard]] std::int64_t findMasked(std::span<const std::uint8_t> haystack,
    const MaskedPattern &pattern, Kernel kernel = bestKernel());
[[nodiscard]] std::int64_t rfindMasked(std::span<const std::uint8_t> haystack,
    const MaskedPattern &pattern, Kernel kernel = bestKernel());

} // namespace hexmap::search
