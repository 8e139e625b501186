#include "sparsesearch.h"

#include "bytesearch.h"

#include <algorithm>
#include <optional>

namespace hexmap::search {

namespace {

// Candidates in the first block of a call; each further block doubles, so that a long
// zero stretch is crossed in a few blocks, and a search that ends soon (Find All going
// on from its last match) asks for nothing.
constexpr std::int64_t kFirstSpan = std::int64_t(32) << 10;
constexpr std::int64_t kMaxSpan = std::int64_t(1) << 40;

// A stretch of a block's bytes: zero (known without reading) or data (to be read).
struct Piece
{
    std::int64_t begin;
    std::int64_t end;
    bool zero;
};

// The candidates [first, last] (their bytes [first, last + m)) that lie in one block:
// zero stretches at least m long, the data between them, and the search of each.
class Block
{
public:
    Block(const SparseSource &source, const Pattern &pattern, std::int64_t first, std::int64_t last,
        bool backward)
        : m_source(source)
        , m_pattern(pattern)
        , m_m(pattern.size())
        , m_first(first)
        , m_last(last)
        , m_backward(backward)
    {
    }

    // Splits [first, last + m) into pieces, from the zero runs the source reports;
    // returns how far the source looked (see SparseSource::zeroRuns).
    std::int64_t classify(std::vector<ByteRange> &runs)
    {
        const std::int64_t begin = m_first;
        const std::int64_t end = m_last + m_m;
        m_pieces.clear();
        runs.clear();
        const std::int64_t looked = m_source.zeroRuns(begin, end, runs);
        std::sort(runs.begin(), runs.end(),
            [](const ByteRange &a, const ByteRange &b) { return a.begin < b.begin; });
        // The maximal zero stretches: runs that touch or overlap make one.
        std::size_t count = 0;
        for (const ByteRange &run : runs) {
            const ByteRange clipped {std::max(run.begin, begin), std::min(run.end, end)};
            if (clipped.begin >= clipped.end)
                continue;
            if (count > 0 && clipped.begin <= runs[count - 1].end)
                runs[count - 1].end = std::max(runs[count - 1].end, clipped.end);
            else
                runs[count++] = clipped;
        }
        runs.resize(count);
        std::int64_t cursor = begin;
        for (const ByteRange &run : runs) {
            // A shorter one is read: a match must never touch two data pieces.
            if (run.end - run.begin < std::max<std::int64_t>(m_m, 1))
                continue;
            if (run.begin > cursor)
                m_pieces.push_back({cursor, run.begin, false});
            m_pieces.push_back({run.begin, run.end, true});
            cursor = run.end;
        }
        if (cursor < end)
            m_pieces.push_back({cursor, end, false});
        return std::clamp(looked, begin + 1, end);
    }

    // Forward: ends the block where the source stopped looking (it may know more from
    // there), keeping one candidate at least.
    void endBefore(std::int64_t looked)
    {
        m_last = std::max(m_first, std::min(m_last, looked - m_m));
    }

    // Ends the block (in the search's direction) where `allowed` candidates of data
    // pieces have been counted; returns the data candidates left in it.
    std::int64_t limitTo(std::int64_t allowed)
    {
        std::int64_t counted = 0;
        const auto cut = [&](const Piece &piece) {
            const auto [a, b] = candidates(piece);
            if (piece.zero || a > b)
                return false;
            const std::int64_t count = b - a + 1;
            if (count > allowed - counted) {
                const std::int64_t keep = allowed - counted;
                if (m_backward)
                    m_first = b - keep + 1;
                else
                    m_last = a + keep - 1;
                counted += keep;
                return true;
            }
            counted += count;
            return false;
        };
        if (m_backward)
            (void)std::find_if(m_pieces.rbegin(), m_pieces.rend(), cut);
        else
            (void)std::find_if(m_pieces.begin(), m_pieces.end(), cut);
        return counted;
    }

    // The first (or last) match among the block's candidates, or -1.
    [[nodiscard]] std::int64_t search() const
    {
        if (m_backward) {
            for (auto piece = m_pieces.rbegin(); piece != m_pieces.rend(); ++piece)
                if (const std::int64_t found = searchPiece(*piece); found >= 0)
                    return found;
        } else {
            for (const Piece &piece : m_pieces)
                if (const std::int64_t found = searchPiece(piece); found >= 0)
                    return found;
        }
        return -1;
    }

    [[nodiscard]] std::int64_t first() const { return m_first; }
    [[nodiscard]] std::int64_t last() const { return m_last; }

private:
    // The candidates whose match would lie in (a zero piece) or touch (a data piece) the
    // piece, clipped to the block: together they are all of the block's, each once,
    // since zero pieces are at least m long.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> candidates(const Piece &piece) const
    {
        if (piece.zero)
            return {std::max(piece.begin, m_first), std::min(piece.end - m_m, m_last)};
        return {std::max(piece.begin - m_m + 1, m_first), std::min(piece.end - 1, m_last)};
    }

    [[nodiscard]] std::int64_t searchPiece(const Piece &piece) const
    {
        const auto [a, b] = candidates(piece);
        if (a > b)
            return -1;
        if (piece.zero) {
            if (!m_pattern.matchesZeros())
                return -1;
            return m_backward ? b : a;
        }
        // A match that reaches into a neighbouring zero piece (head: starts before the
        // piece; tail: ends after it) is searched in a copy with zeros there; a match
        // inside the piece is searched in place.
        const std::int64_t d0 = piece.begin;
        const std::int64_t d1 = piece.end;
        const std::pair<std::int64_t, std::int64_t> parts[] = {
            {a, std::min(b, d0 - 1)}, // head
            {std::max(a, d0), std::min(b, d1 - m_m)}, // body
            {std::max({a, d0, d1 - m_m + 1}), b}, // tail
        };
        for (int k = 0; k < 3; ++k) {
            const int part = m_backward ? 2 - k : k;
            const auto [x, y] = parts[part];
            if (x > y)
                continue;
            const std::int64_t found = part == 1 ? m_source.scan(m_pattern, x, y + m_m, m_backward)
                                                 : searchCopy(x, y + m_m, d0, d1);
            if (found >= 0)
                return found;
        }
        return -1;
    }

    // Searches the bytes [x, end): those in [d0, d1) read from the source, zeros around.
    [[nodiscard]] std::int64_t searchCopy(
        std::int64_t x, std::int64_t end, std::int64_t d0, std::int64_t d1) const
    {
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(end - x), 0);
        const std::int64_t from = std::max(x, d0);
        const std::int64_t to = std::min(end, d1);
        if (from < to)
            m_source.copy(from, to, bytes.data() + (from - x));
        const std::int64_t found = m_pattern.findIn(bytes, m_backward);
        return found < 0 ? -1 : x + found;
    }

    const SparseSource &m_source;
    const Pattern &m_pattern;
    std::int64_t m_m;
    std::int64_t m_first;
    std::int64_t m_last;
    bool m_backward;
    std::vector<Piece> m_pieces;
};

} // namespace

bool Pattern::matchesZeros() const
{
    for (std::size_t k = 0; k < bytes.size(); ++k)
        if ((bytes[k] & (mask.empty() ? 0xff : mask[k])) != 0)
            return false;
    return true;
}

std::int64_t Pattern::findIn(std::span<const std::uint8_t> haystack, bool backward) const
{
    if (mask.empty())
        return backward ? rfind(haystack, bytes) : find(haystack, bytes);
    const MaskedPattern masked {bytes, mask};
    return backward ? rfindMasked(haystack, masked) : findMasked(haystack, masked);
}

SparseStep sparseSearch(const SparseSource &source, const Pattern &pattern, std::int64_t low,
    std::int64_t high, bool backward, std::int64_t budget)
{
    budget = std::max<std::int64_t>(budget, 1);
    std::int64_t spent = 0;
    std::int64_t span = std::min(budget, kFirstSpan);
    std::vector<ByteRange> runs;
    while (low <= high) {
        std::optional<Block> candidates;
        const auto classify = [&] {
            const bool whole = high - low < span;
            Block &block
                = candidates.emplace(source, pattern, backward && !whole ? high - span + 1 : low,
                    !backward && !whole ? low + span - 1 : high, backward);
            return block.classify(runs);
        };
        std::int64_t looked = classify();
        // Where the source stopped looking, a forward block ends; a backward one, which
        // starts from its top, is made smaller until the source looks all through it.
        if (backward) {
            while (looked < high + pattern.size() && span > kFirstSpan) {
                span = std::max(span / 4, kFirstSpan);
                looked = classify();
            }
        } else {
            candidates->endBefore(looked);
        }
        Block &block = *candidates;
        spent += block.limitTo(budget - spent);
        if (const std::int64_t found = block.search(); found >= 0)
            return {found, found};
        if (backward)
            high = block.first() - 1;
        else
            low = block.last() + 1;
        if (spent >= budget)
            break;
        span = std::min(span * 2, kMaxSpan);
    }
    return {-1, backward ? high : low};
}

} // namespace hexmap::search
