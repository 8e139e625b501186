// Document: its bytes, edits, undo history, resize and remap.
#include "document.h"

#include "errors.h"
#include "filechanges.h"
#include "hexcommand.h"
#include "inputparsing.h"
#include "overwritecommand.h"
#include "resizecommand.h"

#include <QUndoStack>

namespace hexmap {

QString Document::messageOf(const Error &error)
{
    return QString::fromUtf8(error.what());
}

qint64 Document::pageSize()
{
    return hexmap::pageSize();
}

ByteBlock Document::read(qint64 offset, qint64 count) const
{
    ByteBlock block;
    const qint64 end = std::min(size(), offset + std::max<qint64>(count, 0));
    if (offset < 0 || offset >= end)
        return block;
    block.bytes.resize(end - offset);
    const auto markMissing = [&](qint64 from, qint64 to, const QString &why) {
        if (block.missing.isEmpty())
            block.missing.resize(block.bytes.size());
        if (block.whyMissing.isEmpty() || from < offset + block.firstMissing())
            block.whyMissing = why;
        block.missing.fill(true, from - offset, to - offset);
        std::fill(block.bytes.begin() + (from - offset), block.bytes.begin() + (to - offset), '\0');
    };
    // Bytes past the file's end are gone even where their page still reads (as zeros).
    const qint64 backed = std::max(offset, std::min(end, backedBytes()));
    if (backed < end)
        markMissing(backed, end,
            tr("the file now ends at offset %1 of the map (another program truncated it)")
                .arg(backedBytes()));
    // Page by page, so that one unreadable page costs only its own bytes.
    for (qint64 at = offset; at < backed;) {
        const qint64 pageEnd = std::min(backed, (at / pageSize() + 1) * pageSize());
        try {
            const Bytes bytes = m_file.map()->slice({at, pageEnd, {}});
            std::copy(bytes.begin(), bytes.end(), block.bytes.begin() + (at - offset));
        } catch (const Error &error) {
            markMissing(at, pageEnd, messageOf(error));
        }
        at = pageEnd;
    }
    return block;
}

bool Document::overwrite(qint64 offset, const QByteArray &bytes, EditKind kind)
{
    const ChangeScope scope(*this);
    if (const QString why = whyNot(Operation::Edit); !why.isEmpty())
        return fail(why);
    if (offset < 0 || bytes.size() > size() - offset) {
        return fail(tr("%1 at offset %2 do not fit in the map (%3 bytes).")
                        .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")))
                        .arg(offset)
                        .arg(size()));
    }
    if (bytes.isEmpty())
        return true;
    const ByteBlock before = read(offset, bytes.size());
    if (!before.missing.isEmpty()) {
        return fail(tr("Cannot write at offset %1: %2. Nothing was changed.")
                        .arg(offset + before.firstMissing())
                        .arg(before.whyMissing));
    }
    if (!writeBytes(offset, bytes))
        return false;
    m_undoStack->push(
        new OverwriteCommand(this, offset, before.bytes, bytes, kind == EditKind::Typing));
    return true;
}

bool Document::undo()
{
    const ChangeScope scope(*this);
    if (m_moving)
        return fail(whyNot(Operation::Edit));
    return m_undoStack->canUndo() && step(false);
}

bool Document::redo()
{
    const ChangeScope scope(*this);
    if (m_moving)
        return fail(whyNot(Operation::Edit));
    return m_undoStack->canRedo() && step(true);
}

bool Document::step(bool forward)
{
    noteOutsideChanges();
    const int index = m_undoStack->index() + (forward ? 0 : -1);
    // The stack owns its steps and hands them out const; they are ours to steer.
    auto *command = const_cast<QUndoCommand *>(m_undoStack->command(index));
    QList<HexCommand *> parts; // a macro's children, or the step itself
    for (int i = 0; i < command->childCount(); ++i) {
        if (auto *part = dynamic_cast<HexCommand *>(const_cast<QUndoCommand *>(command->child(i))))
            parts.append(part);
    }
    if (auto *self = dynamic_cast<HexCommand *>(command); self && command->childCount() == 0)
        parts.append(self);
    for (HexCommand *part : parts)
        part->keepCurrent();
    const RangeSet modifiedBefore = m_modified;
    forward ? m_undoStack->redo() : m_undoStack->undo();
    if (std::none_of(
            parts.begin(), parts.end(), [](const HexCommand *part) { return part->failed(); })) {
        if (m_undoStack->isClean() && !m_modified.empty() && !m_fileChangedSinceClean) {
            // Back at the state of the last flush or save: the bytes are the durable ones.
            m_modified.clear();
            m_pending.marksChanged = true;
        }
        return true;
    }
    // Put back the bytes the parts that did go found (in the order that reverses
    // them), then move the stack back without touching the bytes again.
    const QString why = m_lastError;
    const auto putBackPart = [](HexCommand *part) {
        if (!part->failed())
            part->putBack();
        part->skipNext();
    };
    if (forward)
        std::for_each(parts.rbegin(), parts.rend(), putBackPart);
    else
        std::for_each(parts.begin(), parts.end(), putBackPart);
    forward ? m_undoStack->undo() : m_undoStack->redo();
    m_modified = modifiedBefore; // the bytes are back as they were: so are their marks
    m_pending.marksChanged = true;
    return fail(
        tr("%1 failed; nothing was changed: %2").arg(forward ? tr("Redo") : tr("Undo"), why));
}

bool Document::writeBytes(qint64 offset, const QByteArray &bytes)
{
    const ByteBlock current = read(offset, bytes.size());
    if (offset < 0 || current.bytes.size() != bytes.size()) {
        return fail(tr("%1 at offset %2 do not fit in the map (%3 bytes).")
                        .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")))
                        .arg(offset)
                        .arg(size()));
    }
    if (!current.missing.isEmpty()) {
        return fail(tr("Cannot write at offset %1: %2. Nothing was changed.")
                        .arg(offset + current.firstMissing())
                        .arg(current.whyMissing));
    }
    try {
        // All or nothing: the core touches every page before it copies a byte.
        const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
        m_file.write(offset, {data, size_t(bytes.size())});
    } catch (const Error &error) {
        return fail(tr("Cannot write %1 at offset %2: %3. Nothing was changed.")
                        .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")))
                        .arg(offset)
                        .arg(messageOf(error)));
    }
    noteWritten(offset, bytes.size());
    return true;
}

void Document::noteWritten(qint64 offset, qint64 count)
{
    m_modified.add(offset, offset + count);
    m_pending.addBytes(offset, offset + count);
    m_pending.marksChanged = true;
}

void Document::dropHistory()
{
    m_undoStack->clear();
    // The emptied stack calls itself clean (unless it was already empty, when clear()
    // leaves the clean index as it was); with edits not yet durable it is not.
    if (m_modified.empty()) {
        m_undoStack->setClean();
        m_fileChangedSinceClean = false;
    } else {
        m_undoStack->resetClean();
    }
}

void Document::noteOutsideChanges()
{
    if (m_fileChanges && m_fileChanges->changed())
        m_fileChangedSinceClean = true;
}

void Document::ignoreOwnChanges()
{
    if (m_fileChanges)
        (void)m_fileChanges->changed();
}

bool Document::fileGoesPastMap() const
{
    return !isScratch() && fileSizeOnDisk() > m_file.mapEnd();
}

QString Document::fileTailReason() const
{
    if (!fileGoesPastMap())
        return {};
    const qint64 file = fileSizeOnDisk();
    const qint64 mapEnd = m_file.mapEnd();
    return tr("the file goes on for %1 past the map's end (another program appended them, or "
              "the map is a window): a resize would cut the file there. Map the whole file "
              "first.")
        .arg(input::formatCount(file - mapEnd, tr("byte"), tr("bytes")));
}

bool Document::canUndoResize(qint64 newSize) const
{
    return newSize >= size() || size() - newSize <= kMaxUndoableCut;
}

bool Document::resize(qint64 newSize)
{
    const ChangeScope scope(*this);
    if (m_moving)
        return fail(whyNot(Operation::Resize));
    const qint64 oldSize = size();
    if (newSize == oldSize)
        return true;
    QByteArray cut;
    const bool undoable = canUndoResize(newSize);
    if (undoable && newSize < oldSize && newSize >= 0) {
        const ByteBlock block = read(newSize, oldSize - newSize);
        if (!block.missing.isEmpty()) {
            return fail(
                tr("The byte at offset %1 can no longer be read (%2): it cannot be kept for "
                   "undo, so nothing was cut.")
                    .arg(newSize + block.firstMissing())
                    .arg(block.whyMissing));
        }
        cut = block.bytes;
    }
    if (!applyResize(newSize, {}))
        return false;
    if (undoable)
        m_undoStack->push(new ResizeCommand(this, oldSize, newSize, cut));
    else
        dropHistory();
    return true;
}

bool Document::applyResize(qint64 newSize, const QByteArray &restoredTail)
{
    const qint64 oldSize = size();
    if (newSize == oldSize)
        return true;
    if (const QString why = fileTailReason(); !why.isEmpty()) {
        return fail(tr("Cannot resize to %1 bytes: %2").arg(newSize).arg(why));
    }
    noteOutsideChanges();
    try {
        if (newSize < oldSize && isScratch())
            zeroCutPartOfPage(newSize, oldSize);
        m_file.resize(newSize);
    } catch (const Error &error) {
        ignoreOwnChanges();
        return fail(tr("Cannot resize to %1 bytes: %2").arg(newSize).arg(messageOf(error)));
    }
    ignoreOwnChanges(); // the resize's own ftruncate
    m_knownFileSize = fileSizeOnDisk(); // not news, even before changed() tells it
    if (newSize < oldSize && !isScratch())
        m_fileChangedSinceClean = true; // the cut bytes left the file, not only the map
    m_modified.truncate(newSize);
    m_pending.sizeChanged = true;
    m_pending.marksChanged = true;
    if (!restoredTail.isEmpty() && !writeBytes(oldSize, restoredTail)) {
        const QString why = m_lastError;
        applyResize(oldSize, {}); // the tail could not come back: neither does the size
        return fail(why);
    }
    return true;
}

bool Document::hasStepSize(qint64 expected)
{
    if (size() == expected)
        return true;
    return fail(tr("the map is %1 bytes now, not the %2 this step left (it was mapped again "
                   "since): this step no longer applies.")
                    .arg(size())
                    .arg(expected));
}

void Document::zeroCutPartOfPage(qint64 newSize, qint64 oldSize)
{
    // mremap keeps a partial last page whole: without this, growing again would show
    // the bytes cut from it instead of zeros.
    const qint64 pageEnd = std::min(oldSize, (newSize + pageSize() - 1) / pageSize() * pageSize());
    if (pageEnd <= newSize)
        return;
    const std::vector<std::uint8_t> zeros(size_t(pageEnd - newSize));
    m_file.write(newSize, {zeros.data(), zeros.size()});
}

bool Document::remap(qint64 length)
{
    const ChangeScope scope(*this);
    if (const QString why = whyNot(Operation::Remap); !why.isEmpty())
        return fail(why);
    try {
        m_file.remap(length);
    } catch (const Error &error) {
        return fail(tr("Cannot map the file again: %1").arg(messageOf(error)));
    }
    m_modified.truncate(size());
    m_pending.remapped = true;
    m_pending.sizeChanged = true;
    m_pending.marksChanged = true;
    return true;
}

} // namespace hexmap
