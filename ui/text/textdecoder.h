#pragma once

#include "textencoding.h"

#include <QByteArrayView>
#include <QStringDecoder>

#include <array>
#include <vector>

namespace hexmap {

// What the text pane shows on one byte: the lead byte of a character shows it, over as
// many cells as the character has bytes; the bytes after the lead are continuations.
struct TextCell
{
    // On a lead byte, the character, or 0 for '.' (not valid in the encoding, or not
    // printable); 0 on a continuation.
    char32_t character = 0;
    // On a lead byte, the bytes of its character (1 to 4); 0 on a continuation.
    int length = 1;
    [[nodiscard]] bool isContinuation() const { return length == 0; }
};

// Cuts bytes into the characters of an encoding. A character is valid when ICU decodes
// exactly its bytes to one printable character; anything else is one byte shown as '.'
// (in UTF-16, a unit that is not a whole character: two bytes).
class TextDecoder
{
public:
    explicit TextDecoder(TextEncoding encoding = TextEncoding::Ascii);
    [[nodiscard]] TextEncoding encoding() const { return m_encoding; }

    // Where to start decoding so that the character holding the byte at offset is found:
    // a few bytes before it (UTF-16: on an even offset). In UTF-8 and UTF-16 this is
    // exact; Shift_JIS and GB18030 cannot be resynchronised backwards with certainty,
    // and decode from 16 bytes before, where they have almost always found their step.
    [[nodiscard]] qint64 decodeStart(qint64 offset) const;

    // The cells of bytes[shownFrom, end), decoding from bytes[0]. A character that starts
    // before shownFrom shows as continuations; one that bytes cut short is not valid.
    [[nodiscard]] std::vector<TextCell> cells(QByteArrayView bytes, qsizetype shownFrom = 0) const;
    // bytes as the pane shows them, one character per lead byte ('.' for the others).
    [[nodiscard]] QString text(QByteArrayView bytes) const;

    // Calls visit(at, character, length) for each character of bytes, decoding from
    // bytes[0]; character is 0 for '.'.
    template <typename Visit> void forEachCharacter(QByteArrayView bytes, const Visit &visit) const
    {
        for (qsizetype at = 0; at < bytes.size();) {
            int length = lengthAt(bytes, at);
            const char32_t character
                = length == 1 ? m_single[quint8(bytes[at])] : decode(bytes.sliced(at, length));
            if (character == 0 && !m_unitsOfTwo)
                length = 1; // not a character: only its first byte is taken as one
            visit(at, character, length);
            at += length;
        }
    }

private:
    // The bytes of the character whose lead is bytes[at] by the encoding's rules (its
    // lead and continuation ranges), before ICU checks it: at least 1.
    [[nodiscard]] int lengthAt(QByteArrayView bytes, qsizetype at) const;
    // The character of exactly these bytes, or 0.
    [[nodiscard]] char32_t decode(QByteArrayView character) const;

    TextEncoding m_encoding;
    bool m_unitsOfTwo; // UTF-16: a byte pair that is not a character stays one '.'
    mutable QStringDecoder m_decoder;
    std::array<char32_t, 256> m_single {}; // each byte alone as a character, or 0
};

} // namespace hexmap
