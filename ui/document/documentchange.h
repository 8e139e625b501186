#pragma once

#include <QtGlobal>

#include <algorithm>

namespace hexmap {

// What one operation on a Document changed, told once when it ends (Document::changed):
// an edit, undo or redo of a macro, a resize that brings bytes back, a flush.
struct DocumentChange
{
    qint64 start = 0; // bytes whose value may differ: [start, end), empty when none
    qint64 end = 0;
    bool sizeChanged = false; // size() differs
    bool remapped = false; // the file was mapped again: every byte may differ
    bool marksChanged = false; // modifiedRanges() differs
    bool residencyMayHaveChanged = false; // which pages are in RAM (advice, flush)

    [[nodiscard]] bool hasBytes() const { return end > start; }
    [[nodiscard]] bool isEmpty() const
    {
        return !hasBytes() && !sizeChanged && !remapped && !marksChanged
            && !residencyMayHaveChanged;
    }
    // Takes in that [from, to) changed too (the smallest range holding both).
    void addBytes(qint64 from, qint64 to)
    {
        if (to <= from)
            return;
        start = hasBytes() ? std::min(start, from) : from;
        end = std::max(end, to);
    }
};

} // namespace hexmap
