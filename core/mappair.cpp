#include "mappair.h"

#include <algorithm>

namespace hexmap {

namespace {
// A walk asks where the holes are for at most this much at once (a bounded cost per
// question), and reads at most a piece per guarded call.
constexpr std::int64_t kWindow = std::int64_t(16) << 20;
constexpr std::int64_t kPiece = std::int64_t(1) << 20;

struct Segment
{
    std::int64_t begin;
    std::int64_t end;
    bool zeros;
};
} // namespace

MapPair::MapPair(const MemoryMap &first, std::int64_t firstStart, const MemoryMap &second,
    std::int64_t secondStart)
    : m_first(first)
    , m_firstStart(firstStart)
    , m_second(second)
    , m_secondStart(secondStart)
{
}

std::int64_t MapPair::length() const
{
    return std::max<std::int64_t>(
        0, std::min(m_first.length() - m_firstStart, m_second.length() - m_secondStart));
}

std::vector<search::ByteRange> MapPair::bothZero(std::int64_t low, std::int64_t high) const
{
    const auto runsOf = [low, high](const MemoryMap &map, std::int64_t start) {
        std::vector<search::ByteRange> all;
        std::vector<search::ByteRange> runs;
        for (std::int64_t at = low; at < high;) {
            runs.clear();
            const std::int64_t looked = map.knownZeros(start + at, start + high, runs) - start;
            for (const search::ByteRange &run : runs)
                all.push_back({run.begin - start, run.end - start});
            if (looked <= at)
                break; // nothing more is known: the rest is read
            at = looked;
        }
        return all;
    };
    const std::vector<search::ByteRange> a = runsOf(m_first, m_firstStart);
    const std::vector<search::ByteRange> b = runsOf(m_second, m_secondStart);
    std::vector<search::ByteRange> both;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        const std::int64_t begin = std::max(a[i].begin, b[j].begin);
        const std::int64_t end = std::min(a[i].end, b[j].end);
        if (begin < end)
            both.push_back({begin, end});
        if (a[i].end < b[j].end)
            ++i;
        else
            ++j;
    }
    return both;
}

template <typename Zeros, typename Read>
std::int64_t MapPair::walk(std::int64_t low, std::int64_t high, bool backward, std::int64_t budget,
    Zeros &&zeros, Read &&bytes) const
{
    std::int64_t read = 0;
    std::int64_t at = backward ? high : low;
    while (backward ? at > low : at < high) {
        const std::int64_t windowLow = backward ? std::max(low, at - kWindow) : at;
        const std::int64_t windowHigh = backward ? at : std::min(high, at + kWindow);
        std::vector<Segment> segments;
        std::int64_t cursor = windowLow;
        for (const search::ByteRange &run : bothZero(windowLow, windowHigh)) {
            if (run.begin > cursor)
                segments.push_back({cursor, run.begin, false});
            segments.push_back({run.begin, run.end, true});
            cursor = run.end;
        }
        if (cursor < windowHigh)
            segments.push_back({cursor, windowHigh, false});
        if (backward)
            std::reverse(segments.begin(), segments.end());
        for (const Segment &segment : segments) {
            if (segment.zeros) {
                if (zeros(segment.begin, segment.end))
                    return at;
                at = backward ? segment.begin : segment.end;
                continue;
            }
            while (backward ? at > segment.begin : at < segment.end) {
                const std::int64_t begin = backward ? std::max(segment.begin, at - kPiece) : at;
                const std::int64_t end = backward ? at : std::min(segment.end, at + kPiece);
                bool stop = false;
                auto visit = [&](const std::uint8_t *a, const std::uint8_t *b, std::size_t n) {
                    stop = bytes(begin, a, b, n);
                };
                MemoryMap::visitPair(
                    m_first, m_firstStart + begin, m_second, m_secondStart + begin, end - begin,
                    [](void *context, const std::uint8_t *a, const std::uint8_t *b, std::size_t n) {
                        (*static_cast<decltype(visit) *>(context))(a, b, n);
                    },
                    &visit);
                if (stop)
                    return at;
                at = backward ? begin : end;
                read += end - begin;
                if (read >= budget)
                    return at;
            }
        }
    }
    return at;
}

PairStep MapPair::seek(std::int64_t low, std::int64_t high, bool backward, std::int64_t budget,
    compare::Seek what) const
{
    std::int64_t found = -1;
    const std::int64_t next = walk(
        low, high, backward, budget,
        [&](std::int64_t begin, std::int64_t end) {
            if (what != compare::Seek::Equal)
                return false;
            found = backward ? end - 1 : begin;
            return true;
        },
        [&](std::int64_t begin, const std::uint8_t *a, const std::uint8_t *b, std::size_t n) {
            const std::int64_t i
                = backward ? compare::previous(a, b, n, what) : compare::next(a, b, n, what);
            if (i < 0)
                return false;
            found = begin + i;
            return true;
        });
    return {found, next};
}

std::int64_t MapPair::next(std::int64_t from, compare::Seek what) const
{
    const std::int64_t end = length();
    return from < end
        ? seek(std::max<std::int64_t>(from, 0), end, false, MapPair::kUnbounded, what).found
        : -1;
}

std::int64_t MapPair::previous(std::int64_t before, compare::Seek what) const
{
    const std::int64_t end = std::min(before, length());
    return end > 0 ? seek(0, end, true, MapPair::kUnbounded, what).found : -1;
}

compare::Tally MapPair::count(std::int64_t low, std::int64_t high, bool previousDiffered) const
{
    compare::Tally total;
    bool carry = previousDiffered;
    walk(
        low, high, false, MapPair::kUnbounded,
        [&](std::int64_t, std::int64_t) {
            carry = false;
            return false;
        },
        [&](std::int64_t, const std::uint8_t *a, const std::uint8_t *b, std::size_t n) {
            const compare::Tally tally = compare::count(a, b, n, carry);
            total.bytes += tally.bytes;
            total.ranges += tally.ranges;
            carry = a[n - 1] != b[n - 1];
            return false;
        });
    return total;
}

} // namespace hexmap
