#include "regexsearch.h"

#include <algorithm>
#include <utility>

namespace hexmap {

namespace {
// Backward, a window is searched forward match after match to find its last start:
// smaller windows bound that work when matches are dense.
constexpr std::int64_t kBackwardWindow = std::int64_t(1) << 20;
// The most literal-prefix candidates one step confirms or rejects (each an anchored match
// over up to 64 KiB), so that a step returns, and a cancel is seen, within a bounded time
// however densely the prefix occurs.
constexpr int kCandidatesPerStep = 4096;
} // namespace

RegexSearch::RegexSearch(const MemoryMap &map, std::shared_ptr<const RegexPattern> regex,
    std::int64_t start, std::int64_t end, std::int64_t lastStart, bool backward,
    std::int64_t windowBytes)
    : m_map(map)
    , m_regex(std::move(regex))
    , m_backward(backward)
    , m_window(std::max<std::int64_t>(windowBytes, 1))
{
    const std::int64_t length = map.length();
    m_start = std::clamp<std::int64_t>(start, 0, length);
    m_end = std::clamp<std::int64_t>(end, m_start, length);
    m_low = m_start;
    m_high = std::min(m_end, lastStart < m_end ? lastStart + 1 : m_end);
    if (backward)
        m_window = std::min(m_window, kBackwardWindow);
    if (m_high <= m_low)
        finish(-1, 0);
}

bool RegexSearch::step()
{
    if (!m_finished) {
        if (m_backward)
            stepBackward();
        else
            stepForward();
        if (!m_finished && m_high <= m_low)
            finish(-1, 0);
    }
    return m_finished;
}

void RegexSearch::stepForward()
{
    const std::int64_t windowEnd = std::min(m_high, m_low + m_window);
    const Bytes &prefix = m_regex->prefix();
    if (!prefix.empty()) {
        const auto size = std::int64_t(prefix.size());
        std::int64_t from = m_low;
        for (int candidates = 0; candidates < kCandidatesPerStep; ++candidates) {
            const std::int64_t candidate
                = m_map.find(prefix, from, std::min(m_end, windowEnd - 1 + size));
            if (candidate < 0) {
                m_low = windowEnd;
                return;
            }
            const std::int64_t length = matchAt(candidate);
            if (length >= 0)
                return finish(candidate, length);
            from = candidate + 1;
        }
        m_low = from; // every start below it was tried
        return;
    }
    // The window read last is kept: Find All goes on in it after each match.
    if (m_text.empty() || m_low < m_textStart || m_low >= m_textWindowEnd) {
        m_textStart = m_low;
        m_textWindowEnd = windowEnd;
        m_text = read(m_low, windowEnd - 1 + m_regex->maxLength());
    }
    const RegexPattern::Match match = m_regex->firstMatch(m_text, m_low - m_textStart);
    if (match.start >= 0 && m_textStart + match.start < m_textWindowEnd)
        return finish(m_textStart + match.start, match.length);
    m_low = m_textWindowEnd;
}

void RegexSearch::stepBackward()
{
    const std::int64_t windowStart = std::max(m_low, m_high - m_window);
    const Bytes &prefix = m_regex->prefix();
    if (!prefix.empty()) {
        const auto size = std::int64_t(prefix.size());
        std::int64_t before = m_high;
        for (int candidates = 0; candidates < kCandidatesPerStep; ++candidates) {
            const std::int64_t candidate
                = m_map.rfind(prefix, windowStart, std::min(m_end, before - 1 + size));
            if (candidate < 0) {
                m_high = windowStart;
                return;
            }
            const std::int64_t length = matchAt(candidate);
            if (length >= 0)
                return finish(candidate, length);
            before = candidate;
        }
        m_high = before; // every start from it up was tried
        return;
    }
    const Bytes text = read(windowStart, m_high - 1 + m_regex->maxLength());
    RegexPattern::Match last;
    for (RegexPattern::Match match = m_regex->firstMatch(text);
         match.start >= 0 && windowStart + match.start < m_high;
         match = m_regex->firstMatch(text, match.start + 1))
        last = match;
    if (last.start >= 0)
        return finish(windowStart + last.start, last.length);
    m_high = windowStart;
}

void RegexSearch::resumeAfterMatch()
{
    if (m_result.start < 0 || m_backward)
        return;
    m_low = m_result.start + 1;
    m_finished = false;
    m_result = {};
    if (m_high <= m_low)
        finish(-1, 0);
}

std::int64_t RegexSearch::matchAt(std::int64_t start) const
{
    return m_regex->matchAt(read(start, start + m_regex->maxLength()));
}

Bytes RegexSearch::read(std::int64_t from, std::int64_t to) const
{
    return m_map.slice({from, std::min(to, m_end), {}});
}

std::int64_t RegexSearch::scanned() const
{
    return m_backward ? m_end - m_high : m_low - m_start;
}

void RegexSearch::finish(std::int64_t start, std::int64_t length)
{
    m_finished = true;
    m_result = {start, start >= 0 ? length : 0};
}

} // namespace hexmap
