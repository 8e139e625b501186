#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace hexmap {

// What one operation on a Document changed, told once when it ends (Document::changed):
// an edit, undo or redo of a macro, a resize that brings bytes back, a flush.
struct DocumentChange
{
    // `removed` bytes at `at` gave way to `inserted` ones (insert, delete, a replacement
    // of another length): the bytes after them moved by inserted - removed.
    struct Shift
    {
        qint64 at = 0;
        qint64 removed = 0;
        qint64 inserted = 0;
        bool operator==(const Shift &) const = default;
    };

    qint64 start = 0; // bytes whose value may differ: [start, end), empty when none
    qint64 end = 0;
    bool sizeChanged = false; // size() differs
    bool remapped = false; // the file was mapped again: every byte may differ
    bool marksChanged = false; // modifiedRanges() differs
    bool residencyMayHaveChanged = false; // which pages are in RAM (advice, flush)
    // In order, each in the offsets the ones before it left.
    std::vector<Shift> shifts;

    [[nodiscard]] bool hasBytes() const { return end > start; }
    [[nodiscard]] bool isEmpty() const
    {
        return !hasBytes() && !sizeChanged && !remapped && !marksChanged && !residencyMayHaveChanged
            && shifts.empty();
    }
    // Where what was at offset is now: past a shift's removed bytes it moved with them;
    // inside them it is at the shift's start.
    [[nodiscard]] qint64 shifted(qint64 offset) const { return follow(offset, false); }
    // Where a range's exclusive end is now: as shifted(), except that an end where bytes
    // were inserted stays before them (a range does not grow at its end).
    [[nodiscard]] qint64 shiftedEnd(qint64 end) const { return follow(end, true); }
    // Takes in that [from, to) changed too (the smallest range holding both).
    void addBytes(qint64 from, qint64 to)
    {
        if (to <= from)
            return;
        start = hasBytes() ? std::min(start, from) : from;
        end = std::max(end, to);
    }

private:
    [[nodiscard]] qint64 follow(qint64 offset, bool isEnd) const
    {
        for (const Shift &shift : shifts) {
            const qint64 after = shift.at + shift.removed;
            if (offset > after || (offset == after && !(isEnd && shift.removed == 0)))
                offset += shift.inserted - shift.removed;
            else if (offset > shift.at)
                offset = shift.at;
        }
        return offset;
    }
};

} // namespace hexmap
