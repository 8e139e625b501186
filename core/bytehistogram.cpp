#include "bytehistogram.h"

#include <algorithm>
#include <cmath>

namespace hexmap {

void ByteHistogram::add(std::span<const std::uint8_t> bytes)
{
    // Four tables, so that runs of one value do not serialize on one counter's
    // store-to-load dependency (the usual trick; about 3× faster on uniform data).
    std::array<std::array<std::uint32_t, 256>, 4> tables {};
    std::size_t i = 0;
    // 32-bit counters: flush before any of them could overflow.
    constexpr std::size_t kFlushEvery = std::size_t(1) << 30;
    const auto flush = [&] {
        for (int v = 0; v < 256; ++v) {
            m_counts[v] += std::uint64_t(tables[0][v]) + tables[1][v] + tables[2][v] + tables[3][v];
            tables[0][v] = tables[1][v] = tables[2][v] = tables[3][v] = 0;
        }
    };
    while (i < bytes.size()) {
        const std::size_t end = std::min(bytes.size(), i + kFlushEvery);
        for (; i + 4 <= end; i += 4) {
            ++tables[0][bytes[i]];
            ++tables[1][bytes[i + 1]];
            ++tables[2][bytes[i + 2]];
            ++tables[3][bytes[i + 3]];
        }
        for (; i < end; ++i)
            ++tables[0][bytes[i]];
        flush();
    }
    m_total += bytes.size();
}

void ByteHistogram::addZeros(std::uint64_t count)
{
    m_counts[0] += count;
    m_total += count;
}

void ByteHistogram::add(const ByteHistogram &other)
{
    for (int v = 0; v < 256; ++v)
        m_counts[v] += other.m_counts[v];
    m_total += other.m_total;
}

std::uint64_t ByteHistogram::maxCount() const
{
    return *std::max_element(m_counts.begin(), m_counts.end());
}

double ByteHistogram::entropy() const
{
    if (m_total == 0)
        return 0.0;
    double bits = 0.0;
    const double total = double(m_total);
    for (const std::uint64_t count : m_counts) {
        if (count == 0)
            continue;
        const double p = double(count) / total;
        bits -= p * std::log2(p);
    }
    return std::max(0.0, bits);
}

} // namespace hexmap
