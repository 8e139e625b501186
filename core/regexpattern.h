#pragma once

#include "memorymap.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace hexmap {

// A regular expression over bytes (RE2 in Latin-1 mode: `\x00`, classes, `.` matches any
// byte, newline included), with what a windowed search must know of it: the longest
// match it can make (bounded, so that a match crossing a window edge is found in the
// windows' overlap) and the literal bytes every match starts with (found by the
// vectorized literal search, each candidate then confirmed by an anchored match).
// Matches are leftmost-first (Perl's and Python's rule).
class RegexPattern
{
public:
    // The longest match a regex may make; a regex that could match more is refused.
    static constexpr std::int64_t kMaxMatchLength = 64 * 1024;
    struct Match
    {
        std::int64_t start = -1; // -1: none
        std::int64_t length = 0;
    };

    // pattern holds one byte per character (Latin-1). ignoreCase makes ASCII letters
    // match in either case (an inline (?i) follows RE2's rule, which folds the Latin-1
    // letters too). Throws ValueError
    // saying why when the regex does not parse, can match the empty string, can match
    // more than kMaxMatchLength bytes (* + {n,}: bound it, e.g. {0,100}), or uses an
    // anchor or word boundary (^ $ \A \z \b \B: a byte range has no lines or words).
    RegexPattern(std::string_view pattern, bool ignoreCase);
    ~RegexPattern();
    RegexPattern(const RegexPattern &) = delete;
    RegexPattern &operator=(const RegexPattern &) = delete;

    [[nodiscard]] const std::string &source() const { return m_source; }
    [[nodiscard]] bool ignoresCase() const { return m_ignoreCase; }
    // No match is longer than this (at most kMaxMatchLength), none shorter than 1.
    [[nodiscard]] std::int64_t maxLength() const { return m_maxLength; }
    // Bytes every match starts with (may be empty).
    [[nodiscard]] const Bytes &prefix() const { return m_prefix; }

    // The length of the match starting at text's first byte, or -1.
    [[nodiscard]] std::int64_t matchAt(ByteView text) const;
    // The leftmost match in text starting at or after from.
    [[nodiscard]] Match firstMatch(ByteView text, std::int64_t from = 0) const;

private:
    std::string m_source;
    bool m_ignoreCase;
    std::unique_ptr<re2::RE2> m_re;
    std::int64_t m_maxLength = 0;
    Bytes m_prefix;
};

} // namespace hexmap
