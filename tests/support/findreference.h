#pragma once
// Test support: a plain reference for Find Next / Previous over bytes, with Python's
// range rules, shared by the tests of the search session and of the Find dialog.

#include "seeds.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <random>
#include <utility>

// What Find Next / Previous should answer, worked out the plain way: a loop over the
// bytes, and Python's find/rfind bounds written out again, so that no range code is
// shared with the search session, the dialog or the core. The state is what the
// searcher sees: cursor, selection, and whether the last match is still selected
// (then the search goes on past it).
struct FindReference
{
    QByteArray data;
    QByteArray bytes;
    QByteArray mask; // empty: literal
    std::optional<qint64> from;
    std::optional<qint64> to;
    bool wrap = true;
    qint64 cursor = 0;
    std::optional<std::pair<qint64, qint64>> selection;
    qint64 lastMatch = -1; // selected by the last search, which found it

    struct Answer
    {
        qint64 match = -1;
        bool wrapped = false;
    };

    [[nodiscard]] bool matchesAt(qint64 at) const
    {
        if (at < 0 || at + bytes.size() > data.size())
            return false;
        for (qsizetype k = 0; k < bytes.size(); ++k) {
            const auto m = mask.isEmpty() ? quint8(0xff) : quint8(mask[k]);
            if ((quint8(data[at + k]) & m) != (quint8(bytes[k]) & m))
                return false;
        }
        return true;
    }
    // Python: a negative bound counts from the end, then is clamped at 0; end at most
    // the length; a start past the end stays there.
    [[nodiscard]] qint64 startBound(qint64 value) const
    {
        return value < 0 ? std::max<qint64>(value + data.size(), 0) : value;
    }
    [[nodiscard]] qint64 endBound(qint64 value) const
    {
        return value < 0 ? std::max<qint64>(value + data.size(), 0)
                         : std::min<qint64>(value, data.size());
    }
    // The first (or last) match at an offset in [low, high].
    [[nodiscard]] qint64 scan(qint64 low, qint64 high, bool forward) const
    {
        if (forward) {
            for (qint64 at = low; at <= high; ++at)
                if (matchesAt(at))
                    return at;
        } else {
            for (qint64 at = high; at >= low; --at)
                if (matchesAt(at))
                    return at;
        }
        return -1;
    }

    // Find Next in direction forward; updates the state as a search that selects its
    // match does.
    Answer find(bool forward)
    {
        const qint64 size = bytes.size();
        const bool continuing = lastMatch >= 0 && selection == std::pair {lastMatch, size};
        Answer answer;
        if (forward) {
            // From defaults to the selection's start (or the cursor), To to the end.
            qint64 start = startBound(from.value_or(selection ? selection->first : cursor));
            const qint64 end = endBound(to.value_or(data.size()));
            if (continuing)
                start = std::max(start, lastMatch + 1);
            answer.match = scan(start, end - size, true);
            if (answer.match < 0 && wrap) {
                // Then the rest of the range: the matches that start before start.
                answer.match
                    = scan(startBound(from.value_or(0)), std::min(start - 1, end - size), true);
                answer.wrapped = true;
            }
        } else {
            // From defaults to 0, To to the cursor: a match may start on the cursor.
            const qint64 start = startBound(from.value_or(0));
            qint64 end = endBound(to.value_or(cursor + size));
            if (continuing)
                end = std::min(end, lastMatch + size - 1);
            answer.match = scan(start, end - size, false);
            if (answer.match < 0 && wrap) {
                // Then the rest of the range: the matches that end after end.
                const qint64 wholeEnd = endBound(to.value_or(data.size()));
                answer.match = scan(std::max(start, end - size + 1), wholeEnd - size, false);
                answer.wrapped = true;
            }
        }
        lastMatch = answer.match;
        if (answer.match >= 0) {
            selection = std::pair {answer.match, size};
            cursor = answer.match; // on the match's first byte
        } else {
            answer.wrapped = false;
        }
        return answer;
    }

    // The pattern as the Find field takes it, "??" for a wildcard.
    [[nodiscard]] QString hexPattern() const
    {
        QStringList parts;
        for (qsizetype k = 0; k < bytes.size(); ++k)
            parts << (!mask.isEmpty() && mask[k] == 0
                    ? QStringLiteral("??")
                    : QStringLiteral("%1").arg(quint8(bytes[k]), 2, 16, QLatin1Char('0')));
        return parts.join(QLatin1Char(' '));
    }
    [[nodiscard]] QString describe() const
    {
        const auto bound = [](const std::optional<qint64> &value) {
            return value ? QString::number(*value) : QString();
        };
        return QStringLiteral("data %1, pattern %2 [%3:%4], cursor %5, selection %6+%7, wrap %8")
            .arg(data.size() <= 100 ? QString::fromLatin1(data.toHex())
                                    : QStringLiteral("(%1 bytes)").arg(data.size()),
                hexPattern(), bound(from), bound(to))
            .arg(cursor)
            .arg(selection ? selection->first : -1)
            .arg(selection ? selection->second : 0)
            .arg(wrap);
    }
};

// A generated case for Find Next / Previous: bytes, a pattern (often from the data and
// touching an end, sometimes with a wildcard), bounds, wrap, cursor, maybe a
// selection, and one to three presses of Find Next (true) or Find Previous.
struct FindCase
{
    FindReference ref;
    QList<bool> presses;
    bool forwardIsNext = true; // whether Find Next searches forward
};

inline FindCase generatedFindCase(quint64 seed)
{
    std::mt19937_64 random(seed);
    const auto pick = [&](qint64 low, qint64 high) {
        return std::uniform_int_distribution<qint64>(low, high)(random);
    };
    FindReference ref;
    const qint64 length = pick(0, 3) > 0 ? pick(1, 24) : pick(25, 100);
    for (qint64 k = 0; k < length; ++k)
        ref.data += pick(0, 9) == 0 ? char(pick(0, 255)) : "ab"[pick(0, 1)];
    // A pattern from the data (often touching an end) or made up.
    const qint64 size = pick(1, std::min<qint64>(4, length));
    if (pick(0, 2) > 0)
        ref.bytes = ref.data.mid(pick(0, 1) ? length - size : pick(0, length - size), size);
    else
        for (qint64 k = 0; k < size; ++k)
            ref.bytes += "abc"[pick(0, 2)];
    if (pick(0, 3) == 0) {
        ref.mask = QByteArray(size, '\xff');
        ref.mask[pick(0, size - 1)] = '\0';
        for (qsizetype k = 0; k < size; ++k)
            if (ref.mask[k] == 0)
                ref.bytes[k] = '\0';
    }
    const auto bound = [&]() -> std::optional<qint64> {
        if (pick(0, 1) == 0)
            return std::nullopt;
        return pick(-length - 2, length + 2);
    };
    ref.from = bound();
    ref.to = bound();
    ref.wrap = pick(0, 1) == 1;
    ref.cursor = pick(0, length - 1);
    if (pick(0, 2) == 0) {
        const qint64 anchor = pick(0, length - 1);
        ref.selection = std::pair {std::min(anchor, ref.cursor),
            std::max(anchor, ref.cursor) - std::min(anchor, ref.cursor) + 1};
    }
    QList<bool> presses;
    for (qint64 k = pick(1, 3); k > 0; --k)
        presses << (pick(0, 1) == 1);
    return {ref, presses, pick(0, 1) == 1};
}

// The seeds of the generated cases: count of them from first, or only the one
// HEXMAP_FIND_SEED names, to replay the case a failure names.
inline QList<quint64> findCaseSeeds(quint64 first, int count)
{
    return generatedSeeds("HEXMAP_FIND_SEED", first, count);
}
