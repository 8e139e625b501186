// Document: insert, delete and replacements of another length (splices).
#include "document.h"

#include "errors.h"
#include "inputparsing.h"
#include "splicecommand.h"

#include <QScopedValueRollback>
#include <QUndoStack>

#include <vector>

namespace hexmap {

namespace {
// How much one guarded memmove moves: between two, progress is told.
constexpr qint64 kMoveChunk = qint64(16) << 20;

// The bytes between two splices (or after the last one), which keep their content and
// move by `by`.
struct Segment
{
    qint64 from;
    qint64 to;
    qint64 by;
};

std::vector<Segment> segmentsOf(const Splices &splices, qint64 size)
{
    std::vector<Segment> segments;
    qint64 by = 0;
    for (qsizetype i = 0; i < splices.size(); ++i) {
        by += splices[i].delta();
        const qint64 to = i + 1 < splices.size() ? splices[i + 1].offset : size;
        segments.push_back({splices[i].offset + splices[i].removed, to, by});
    }
    return segments;
}

qint64 bytesMoved(const std::vector<Segment> &segments)
{
    qint64 moved = 0;
    for (const Segment &segment : segments)
        moved += segment.by != 0 ? segment.to - segment.from : 0;
    return moved;
}

bool changesLength(const Splices &splices)
{
    return std::any_of(
        splices.begin(), splices.end(), [](const Splice &splice) { return splice.delta() != 0; });
}
} // namespace

void Document::setSpliceHooks(std::function<bool(const SpliceCost &)> approve, Progress progress)
{
    m_approveSplice = std::move(approve);
    m_spliceProgress = std::move(progress);
}

bool Document::splice(const Splices &requested, EditKind kind, const QString &undoText)
{
    const ChangeScope scope(*this);
    if (const QString why = whyNot(Operation::Edit); !why.isEmpty())
        return fail(why);
    qint64 previousEnd = 0;
    qint64 removed = 0;
    for (const Splice &splice : requested) {
        if (splice.offset < previousEnd || splice.removed < 0
            || splice.removed > size() - splice.offset) {
            return fail(tr("Cannot replace %1 at offset %2: the map holds %3.")
                            .arg(input::formatCount(splice.removed, tr("byte"), tr("bytes")))
                            .arg(splice.offset)
                            .arg(input::formatCount(size(), tr("byte"), tr("bytes"))));
        }
        previousEnd = splice.offset + splice.removed;
        removed += splice.removed;
    }
    if (requested.isEmpty())
        return true;
    if (changesLength(requested)) {
        if (const QString why = whyNot(Operation::Splice); !why.isEmpty())
            return fail(why);
    }
    SpliceCost cost;
    cost.moved = bytesMoved(segmentsOf(requested, size()));
    cost.removed = removed;
    cost.undoable = removed <= kMaxUndoableRemove;
    cost.firstLargeShift = cost.moved > kLargeShift && !m_largeShiftSaid;
    if (!cost.undoable || cost.firstLargeShift) {
        const QScopedValueRollback<bool> asking(m_moving, true); // the question runs a loop
        if (m_approveSplice && !m_approveSplice(cost))
            return fail(tr("Canceled: nothing was changed."));
    }
    m_largeShiftSaid = m_largeShiftSaid || cost.firstLargeShift;

    Splices splices = requested;
    if (cost.undoable) {
        for (Splice &splice : splices) {
            const ByteBlock block = read(splice.offset, splice.removed);
            if (!block.missing.isEmpty()) {
                return fail(tr("The byte at offset %1 can no longer be read (%2): it cannot be "
                               "kept for undo, so nothing was changed.")
                                .arg(splice.offset + block.firstMissing())
                                .arg(block.whyMissing));
            }
            splice.removedBytes = block.bytes;
        }
    }
    if (!applySplices(splices))
        return false;
    if (cost.undoable)
        m_undoStack->push(new SpliceCommand(this, splices, kind == EditKind::Typing, undoText));
    else
        dropHistory();
    return true;
}

bool Document::applySplices(const Splices &splices)
{
    const qint64 oldSize = size();
    const qint64 first = splices.front().offset;
    const bool shifts = changesLength(splices);
    if (shifts) {
        if (const QString why = whyNot(Operation::Splice); !why.isEmpty())
            return fail(why);
    }
    if (backedBytes() < oldSize) {
        return fail(tr("Cannot insert or delete bytes: the file now ends at offset %1 of the map "
                       "(another program truncated it). Nothing was changed.")
                        .arg(backedBytes()));
    }
    noteOutsideChanges();
    const QScopedValueRollback<bool> moving(m_moving, true); // the progress runs a loop
    // What a failed splice puts back besides the bytes: a size changed and changed back
    // leaves the file's bytes as they were.
    const RangeSet marksBefore = m_modified;
    const bool fileChangedBefore = m_fileChangedSinceClean;
    const auto putBackMarks = [&] {
        m_modified = marksBefore;
        m_fileChangedSinceClean = fileChangedBefore;
        m_pending.marksChanged = true;
        return false;
    };
    bool done = false;
    bool mixed = false; // a failure that could not put everything back
    const auto failed = [&] {
        if (!mixed)
            return putBackMarks();
        // Nothing here is known to be durable or as it was.
        m_modified.add(first, std::max(oldSize, size()));
        m_fileChangedSinceClean = !isScratch();
        m_pending.addBytes(first, std::max(oldSize, size()));
        m_pending.sizeChanged = m_pending.sizeChanged || size() != oldSize;
        m_pending.marksChanged = true;
        return false;
    };
    if (splices.size() == 1 && shifts && !spliceByFileSystem(splices.front(), &done, &mixed))
        return failed();
    if (!done && !spliceByMoving(splices, &mixed))
        return failed();
    ignoreOwnChanges();
    const qint64 newSize = size();
    if (shifts) {
        // Every byte from the first splice on moved or changed: none is durable until flushed.
        m_modified.truncate(first);
        m_modified.add(first, newSize);
        m_pending.sizeChanged = m_pending.sizeChanged || newSize != oldSize;
        if (!isScratch())
            m_fileChangedSinceClean = true; // the file itself changed length
        qint64 by = 0;
        for (const Splice &splice : splices) {
            if (splice.delta() != 0)
                m_pending.shifts.push_back(
                    {splice.offset + by, splice.removed, qint64(splice.inserted.size())});
            by += splice.delta();
        }
    }
    m_pending.addBytes(first, std::max(oldSize, newSize));
    m_pending.marksChanged = true;
    return true;
}

bool Document::spliceByFileSystem(const Splice &splice, bool *done, bool *mixed)
{
    const qint64 at = splice.offset + splice.removed; // where the bytes that move start
    const qint64 delta = splice.delta();
    QString why;
    const auto shift = [&](qint64 from, qint64 by) {
        try {
            return m_file.shiftByFileSystem(from, by);
        } catch (const Error &error) {
            why = tr("Cannot move the bytes at offset %1: %2").arg(from).arg(messageOf(error));
            return false;
        }
    };
    if (delta > 0) {
        // The blocks move up, leaving zeros where the new bytes go.
        *done = shift(at, delta);
        if (!why.isEmpty())
            return fail(why);
        if (*done && !writeBytes(splice.offset, splice.inserted)) {
            why = m_lastError;
            if (!shift(at + delta, -delta)) {
                *mixed = true;
                return fail(tr("%1 Taking the inserted blocks out again failed too: the file holds "
                               "%2 more bytes of zeros at offset %3.")
                                .arg(why)
                                .arg(delta)
                                .arg(at));
            }
            return fail(why);
        }
        return true;
    }
    // What stays of the removed bytes is written first: the collapse comes last.
    const ByteBlock kept = read(splice.offset, splice.inserted.size());
    if (!splice.inserted.isEmpty() && !writeBytes(splice.offset, splice.inserted))
        return false;
    *done = shift(at, delta);
    // Not collapsed (the file system cannot, or it failed): the bytes written go back.
    if (!*done && !kept.bytes.isEmpty() && !writeBytes(splice.offset, kept.bytes))
        *mixed = true;
    if (!why.isEmpty())
        return fail(why);
    return true;
}

bool Document::spliceByMoving(const Splices &splices, bool *mixed)
{
    const qint64 oldSize = size();
    const std::vector<Segment> segments = segmentsOf(splices, oldSize);
    const qint64 newSize = oldSize + segments.back().by;
    const qint64 total = bytesMoved(segments);
    struct Move
    {
        qint64 from;
        qint64 to;
        qint64 count;
    };
    std::vector<Move> moves; // done so far, to be put back if a later one fails
    qint64 movedSoFar = 0;

    // Puts back what was done (the moves in reverse, the removed bytes, the size) and
    // says why it stopped.
    const auto putBack = [&](const QString &why) {
        if (m_spliceProgress)
            (void)m_spliceProgress(total, total); // the move is over
        QString trouble;
        try {
            for (auto move = moves.rbegin(); move != moves.rend(); ++move)
                m_file.map()->move(move->from, move->to, move->count);
        } catch (const Error &error) {
            trouble = messageOf(error);
        }
        bool lostRemoved = false;
        for (const Splice &splice : splices) {
            lostRemoved = lostRemoved || (splice.removed > 0 && splice.removedBytes.isEmpty());
            if (trouble.isEmpty() && !splice.removedBytes.isEmpty()
                && !writeBytes(splice.offset, splice.removedBytes))
                trouble = m_lastError;
        }
        // Not the size back over what another program truncated meanwhile: that would bring
        // its bytes back as zeros.
        const bool resized = size() != oldSize;
        const bool truncatedMeanwhile = resized && backedBytes() < std::min(oldSize, size());
        if (resized && !truncatedMeanwhile && !applyResize(oldSize, {}) && trouble.isEmpty())
            trouble = m_lastError;
        if (truncatedMeanwhile && trouble.isEmpty())
            trouble = tr("another program truncated the file, so the map keeps its new size");
        if (!trouble.isEmpty()) {
            *mixed = true;
            return fail(tr("%1 Putting the bytes back failed too (%2): from offset %3 on, the "
                           "map may hold a mix of the old and the new bytes.")
                            .arg(why, trouble)
                            .arg(splices.front().offset));
        }
        *mixed = lostRemoved && !moves.empty();
        return fail(*mixed
                ? tr("%1 The bytes were put back, except those that were to be removed.").arg(why)
                : tr("%1 Nothing was changed.").arg(why));
    };
    const auto move = [&](qint64 from, qint64 to, qint64 count) {
        try {
            m_file.map()->move(to, from, count);
        } catch (const Error &error) {
            fail(tr("Cannot move %1 at offset %2: %3.")
                     .arg(input::formatCount(count, tr("byte"), tr("bytes")))
                     .arg(from)
                     .arg(messageOf(error)));
            return false;
        }
        moves.push_back({from, to, count});
        movedSoFar += count;
        if (m_spliceProgress)
            (void)m_spliceProgress(movedSoFar, total);
        return true;
    };

    if (newSize > oldSize && !applyResize(newSize, {}))
        return false;
    // Down-moving segments first, each from its start (what lies below is free by then),
    // then up-moving ones from the last, each from its end: no byte is overwritten before
    // it has moved.
    for (const Segment &segment : segments) {
        for (qint64 from = segment.from; segment.by < 0 && from < segment.to; from += kMoveChunk) {
            if (!move(from, from + segment.by, std::min(kMoveChunk, segment.to - from)))
                return putBack(m_lastError);
        }
    }
    for (auto segment = segments.rbegin(); segment != segments.rend(); ++segment) {
        for (qint64 end = segment->to; segment->by > 0 && end > segment->from;) {
            const qint64 count = std::min(kMoveChunk, end - segment->from);
            end -= count;
            if (!move(end, end + segment->by, count))
                return putBack(m_lastError);
        }
    }
    qint64 by = 0;
    for (const Splice &splice : splices) {
        if (!splice.inserted.isEmpty() && !writeBytes(splice.offset + by, splice.inserted))
            return putBack(m_lastError);
        by += splice.delta();
    }
    if (newSize < oldSize && !applyResize(newSize, {}))
        return putBack(m_lastError);
    return true;
}

} // namespace hexmap
