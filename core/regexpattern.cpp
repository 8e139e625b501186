#include "regexpattern.h"

#include "errors.h"

#include <re2/re2.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace hexmap {

namespace {

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max() / 4;

std::int64_t times(std::int64_t width, std::int64_t count)
{
    if (width == 0 || count == 0)
        return 0;
    return width > kUnbounded / count ? kUnbounded : std::min(width * count, kUnbounded);
}

// The value of a hex digit, or -1.
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isAsciiLetter(std::uint32_t byte)
{
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

bool hasCase(std::uint8_t byte)
{
    // RE2 folds ASCII letters and, in Latin-1 under (?i), the letters above 0x7f.
    return isAsciiLetter(byte) || byte >= 0x80;
}

std::string hexEscape(std::uint32_t byte)
{
    static const char digits[] = "0123456789abcdef";
    return {'\\', 'x', digits[(byte >> 4) & 15], digits[byte & 15]};
}

// "[aA]" for an ASCII letter, "\xHH" for any other byte.
std::string eitherCase(std::uint8_t byte)
{
    if (!isAsciiLetter(byte))
        return hexEscape(byte);
    return {'[', char(byte), char(byte ^ 0x20), ']'};
}

// Walks a pattern RE2 has already accepted: the longest match it can make, the literal
// bytes every match starts with, the first anchor or word boundary it uses and, to
// ignore ASCII case only (RE2's own folding takes the Latin-1 letters too), the pattern
// with every ASCII letter outside (?i) written as both cases.
class Shape
{
public:
    Shape(std::string_view pattern, bool ignoreCase)
        : m_p(pattern)
        , m_fold(ignoreCase)
        , m_asciiFold(ignoreCase)
    {
        maxLength = alternation(true);
    }

    std::int64_t maxLength = 0;
    Bytes prefix;
    std::string assertion; // the first one met, e.g. "^"

    // The pattern with the ASCII letters of its literals and classes in both cases.
    [[nodiscard]] std::string asciiFolded() const
    {
        std::string out;
        std::size_t at = 0;
        for (const Edit &edit : m_edits) {
            out.append(m_p.substr(at, edit.begin - at));
            out += edit.text;
            at = edit.end;
        }
        out.append(m_p.substr(at));
        return out;
    }

private:
    // What one atom is: its longest width and, if it is literal bytes, those bytes.
    struct Atom
    {
        std::int64_t width = 1;
        std::optional<Bytes> literal;
    };

    [[nodiscard]] bool atEnd() const { return m_i >= m_p.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const
    {
        return m_i + ahead < m_p.size() ? m_p[m_i + ahead] : '\0';
    }

    std::int64_t alternation(bool top)
    {
        std::int64_t width = concat(top);
        while (!atEnd() && peek() == '|') {
            ++m_i;
            if (top) {
                m_prefixOpen = false;
                prefix.clear();
            }
            width = std::max(width, concat(false));
        }
        return width;
    }

    std::int64_t concat(bool top)
    {
        std::int64_t width = 0;
        while (!atEnd() && peek() != '|' && peek() != ')') {
            const std::size_t begin = m_i;
            Atom atom = this->atom();
            if (m_asciiFold && atom.literal)
                foldLiteral(begin, *atom.literal);
            // After literal bytes (\Q...\E), a quantifier applies to the last one only.
            const std::int64_t fixed = atom.literal ? atom.width - 1 : 0;
            std::int64_t last = atom.width - fixed;
            const bool repeated = quantifiers(last);
            atom.width = fixed + last;
            if (top && m_prefixOpen)
                extendPrefix(atom, repeated);
            width = std::min(width + atom.width, kUnbounded);
        }
        return width;
    }

    void foldLiteral(std::size_t begin, const Bytes &bytes)
    {
        if (std::none_of(bytes.begin(), bytes.end(), isAsciiLetter))
            return;
        std::string text;
        for (const std::uint8_t byte : bytes)
            text += eitherCase(byte);
        m_edits.push_back({begin, m_i, text});
    }

    void extendPrefix(const Atom &atom, bool repeated)
    {
        if (!atom.literal) {
            m_prefixOpen = false;
            return;
        }
        const Bytes &bytes = *atom.literal;
        // A quantifier applies to the last byte only.
        const std::size_t fixed = repeated && !bytes.empty() ? bytes.size() - 1 : bytes.size();
        for (std::size_t i = 0; i < fixed; ++i) {
            if (m_fold && hasCase(bytes[i])) {
                m_prefixOpen = false;
                return;
            }
            prefix.push_back(bytes[i]);
        }
        if (fixed < bytes.size())
            m_prefixOpen = false;
    }

    // Applies the quantifiers after an atom to its width; whether there was one.
    bool quantifiers(std::int64_t &width)
    {
        bool any = false;
        while (!atEnd()) {
            const char c = peek();
            if (c == '*' || c == '+') {
                width = width == 0 ? 0 : kUnbounded;
                ++m_i;
            } else if (c == '?') {
                ++m_i;
            } else if (c == '{') {
                std::int64_t low = 0;
                std::optional<std::int64_t> high;
                if (!counted(low, high))
                    break;
                width = high ? times(width, *high) : (width == 0 ? 0 : kUnbounded);
            } else {
                break;
            }
            any = true;
            if (peek() == '?') // non-greedy
                ++m_i;
        }
        return any;
    }

    // {n}, {n,} or {n,m} at m_i (consumed), or false (a literal brace, as RE2 reads it).
    bool counted(std::int64_t &low, std::optional<std::int64_t> &high)
    {
        std::size_t i = m_i + 1;
        auto number = [&](std::int64_t &value) {
            const std::size_t from = i;
            value = 0;
            while (i < m_p.size() && m_p[i] >= '0' && m_p[i] <= '9')
                value = std::min<std::int64_t>(value * 10 + (m_p[i++] - '0'), kUnbounded);
            return i > from;
        };
        if (!number(low))
            return false;
        high = low;
        if (i < m_p.size() && m_p[i] == ',') {
            ++i;
            std::int64_t value = 0;
            high = number(value) ? std::optional(value) : std::nullopt;
        }
        if (i >= m_p.size() || m_p[i] != '}')
            return false;
        m_i = i + 1;
        return true;
    }

    Atom atom()
    {
        const char c = m_p[m_i++];
        switch (c) {
        case '(':
            return group();
        case '[':
            parseClass();
            return {};
        case '.':
            return {};
        case '^':
        case '$':
            noteAssertion(std::string(1, c));
            return {0, std::nullopt};
        case '\\':
            return escape();
        default:
            return {1, Bytes {std::uint8_t(c)}};
        }
    }

    Atom group()
    {
        if (peek() == '?') {
            ++m_i;
            if (peek() == 'P' || peek() == '<') { // a named group
                while (!atEnd() && m_p[m_i] != '>')
                    ++m_i;
                ++m_i;
            } else {
                bool fold = m_fold;
                bool negated = false;
                while (!atEnd() && peek() != ')' && peek() != ':') {
                    if (peek() == '-')
                        negated = true;
                    else if (peek() == 'i')
                        fold = !negated;
                    ++m_i;
                }
                if (peek() == ')') { // flags for the rest of the group
                    ++m_i;
                    m_fold = m_fold || fold;
                    return {0, std::nullopt};
                }
                ++m_i; // ':'
                m_fold = m_fold || fold; // conservative: the prefix ends here anyway
            }
        }
        const std::int64_t width = alternation(false);
        ++m_i; // ')'
        return {width, std::nullopt};
    }

    // A class, after its '['; with ASCII folding, adds the other case of its letters
    // before its ']'.
    void parseClass()
    {
        if (peek() == '^')
            ++m_i;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
        for (bool first = true; !atEnd() && (first || peek() != ']'); first = false) {
            const std::optional<std::uint32_t> low = classItem(ranges);
            if (low && peek() == '-' && peek(1) != ']' && m_i + 1 < m_p.size()) {
                ++m_i;
                if (const std::optional<std::uint32_t> high = classItem(ranges))
                    ranges.emplace_back(*low, *high);
            } else if (low) {
                ranges.emplace_back(*low, *low);
            }
        }
        if (m_asciiFold) {
            std::string extra;
            for (const auto &[low, high] : ranges) {
                for (const std::uint32_t base : {std::uint32_t('a'), std::uint32_t('A')}) {
                    const std::uint32_t from = std::max(low, base);
                    const std::uint32_t to = std::min(high, base + 25);
                    if (from <= to)
                        extra += hexEscape(from ^ 0x20) + '-' + hexEscape(to ^ 0x20);
                }
            }
            if (!extra.empty())
                m_edits.push_back({m_i, m_i, extra});
        }
        ++m_i; // ']'
    }

    // One item of a class: its byte, or nothing for a class in it (\d, [:alpha:]; of
    // these only [:upper:] and [:lower:] have a case, added to ranges).
    std::optional<std::uint32_t> classItem(
        std::vector<std::pair<std::uint32_t, std::uint32_t>> &ranges)
    {
        if (peek() == '[' && peek(1) == ':') {
            const std::size_t close = m_p.find(":]", m_i + 2);
            const std::string_view name = m_p.substr(m_i + 2, close - m_i - 2);
            if (name == "upper")
                ranges.emplace_back('A', 'Z');
            else if (name == "lower")
                ranges.emplace_back('a', 'z');
            m_i = close == std::string_view::npos ? m_p.size() : close + 2;
            return std::nullopt;
        }
        if (peek() != '\\')
            return std::uint8_t(m_p[m_i++]);
        ++m_i;
        const Atom atom = escape();
        if (atom.literal && atom.literal->size() == 1)
            return atom.literal->front();
        return std::nullopt;
    }

    Atom escape()
    {
        const char c = m_p[m_i++];
        switch (c) {
        case 'A':
        case 'z':
        case 'b':
        case 'B':
            noteAssertion(std::string("\\") + c);
            return {0, std::nullopt};
        case 'Q': {
            const std::size_t close = m_p.find("\\E", m_i);
            const std::size_t stop = close == std::string_view::npos ? m_p.size() : close;
            Bytes bytes(m_p.begin() + std::ptrdiff_t(m_i), m_p.begin() + std::ptrdiff_t(stop));
            m_i = close == std::string_view::npos ? stop : stop + 2;
            return {std::int64_t(bytes.size()), bytes};
        }
        case 'x': {
            std::uint32_t value = 0;
            if (peek() == '{') {
                for (++m_i; !atEnd() && peek() != '}'; ++m_i)
                    value = value * 16 + std::uint32_t(hexValue(peek()));
                ++m_i;
            } else {
                for (int n = 0; n < 2 && hexValue(peek()) >= 0; ++n, ++m_i)
                    value = value * 16 + std::uint32_t(hexValue(peek()));
            }
            return {1, Bytes {std::uint8_t(value)}};
        }
        case 'p':
        case 'P':
            if (peek() == '{') {
                while (!atEnd() && peek() != '}')
                    ++m_i;
            }
            ++m_i;
            return {};
        case 'd':
        case 'D':
        case 's':
        case 'S':
        case 'w':
        case 'W':
        case 'C':
            return {};
        case 'a':
            return {1, Bytes {7}};
        case 'f':
            return {1, Bytes {12}};
        case 't':
            return {1, Bytes {9}};
        case 'n':
            return {1, Bytes {10}};
        case 'r':
            return {1, Bytes {13}};
        case 'v':
            return {1, Bytes {11}};
        default:
            break;
        }
        if (c >= '0' && c <= '7') {
            std::uint32_t value = std::uint32_t(c - '0');
            for (int n = 0; n < 2 && peek() >= '0' && peek() <= '7'; ++n, ++m_i)
                value = value * 8 + std::uint32_t(peek() - '0');
            return {1, Bytes {std::uint8_t(value)}};
        }
        return {1, Bytes {std::uint8_t(c)}}; // escaped punctuation
    }

    void noteAssertion(const std::string &text)
    {
        if (assertion.empty())
            assertion = text;
    }

    struct Edit
    {
        std::size_t begin;
        std::size_t end;
        std::string text;
    };

    std::string_view m_p;
    std::size_t m_i = 0;
    bool m_fold; // letters may match either case (the option or a (?i) met)
    bool m_asciiFold; // the option: ASCII letters are to be written as both cases
    std::vector<Edit> m_edits; // ascending
    bool m_prefixOpen = true;
};

re2::StringPiece pieceOf(ByteView text)
{
    return {reinterpret_cast<const char *>(text.data()), text.size()};
}

} // namespace

RegexPattern::RegexPattern(std::string_view pattern, bool ignoreCase)
    : m_source(pattern)
    , m_ignoreCase(ignoreCase)
{
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_dot_nl(true);
    options.set_never_capture(true);
    options.set_log_errors(false);
    options.set_max_mem(std::int64_t(64) << 20);
    m_re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    if (!m_re->ok())
        throw ValueError(m_re->error());
    const Shape shape(pattern, ignoreCase);
    if (ignoreCase) {
        const std::string folded = shape.asciiFolded();
        m_re = std::make_unique<RE2>(folded, options);
        if (!m_re->ok()) // cannot happen: the folding only adds alternatives
            throw ValueError(m_re->error());
    }
    if (!shape.assertion.empty())
        throw ValueError(shape.assertion
            + " is not supported: anchors and word boundaries have no meaning in a byte range");
    if (shape.maxLength > kMaxMatchLength)
        throw ValueError("the regex can match more than " + std::to_string(kMaxMatchLength)
            + " bytes; bound its repetitions (e.g. {0,100} instead of * or +)");
    if (m_re->Match(re2::StringPiece(), 0, 0, RE2::ANCHOR_BOTH, nullptr, 0))
        throw ValueError("the regex matches the empty string");
    m_maxLength = shape.maxLength;
    m_prefix = shape.prefix;
}

RegexPattern::~RegexPattern() = default;

std::int64_t RegexPattern::matchAt(ByteView text) const
{
    re2::StringPiece match;
    if (!m_re->Match(pieceOf(text), 0, text.size(), RE2::ANCHOR_START, &match, 1))
        return -1;
    return std::int64_t(match.size());
}

RegexPattern::Match RegexPattern::firstMatch(ByteView text, std::int64_t from) const
{
    re2::StringPiece match;
    const re2::StringPiece piece = pieceOf(text);
    if (from < 0 || std::size_t(from) >= text.size()
        || !m_re->Match(piece, std::size_t(from), text.size(), RE2::UNANCHORED, &match, 1))
        return {};
    return {std::int64_t(match.data() - piece.data()), std::int64_t(match.size())};
}

} // namespace hexmap
