#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace hexmap {

// How often each byte value occurs in what was added, and the Shannon entropy of that
// distribution (0 to 8 bits per byte). No Qt: the statistics job and the entropy strip
// feed it windows of the map.
class ByteHistogram
{
public:
    void add(std::span<const std::uint8_t> bytes);
    // Adds count zero bytes (a hole of the file, without reading it).
    void addZeros(std::uint64_t count);
    // Adds another histogram's counts (e.g. of a window counted elsewhere).
    void add(const ByteHistogram &other);

    [[nodiscard]] std::uint64_t count(std::uint8_t value) const { return m_counts[value]; }
    [[nodiscard]] std::uint64_t total() const { return m_total; }
    [[nodiscard]] std::uint64_t maxCount() const;
    // Bits per byte: -Σ p·log2(p) over the values that occur; 0 when empty.
    [[nodiscard]] double entropy() const;

private:
    std::array<std::uint64_t, 256> m_counts {};
    std::uint64_t m_total = 0;
};

} // namespace hexmap
