// Document: making edits durable (flush, save, save as) and going back (revert).
#include "document.h"

#include "errors.h"
#include "filechanges.h"

#include <QFile>
#include <QSaveFile>
#include <QUndoStack>

#include <fcntl.h>
#include <unistd.h>

namespace hexmap {

bool Document::canRevert() const
{
    // A scratch buffer has no file and no flush to go back to: it is discarded or saved.
    return m_options.mode == Mode::InPlace && !isScratch() && m_undoStack->cleanIndex() >= 0;
}

bool Document::flush()
{
    const ChangeScope scope(*this);
    if (const QString why = whyNot(Operation::Flush); !why.isEmpty())
        return fail(why);
    try {
        m_file.flush();
    } catch (const Error &error) {
        return fail(tr("Flush failed; the edits are not marked as saved: %1")
                        .arg(QString::fromUtf8(error.what())));
    }
    markSaved();
    m_pending.residencyMayHaveChanged = true;
    return true;
}

bool Document::save()
{
    const ChangeScope scope(*this);
    if (const QString why = whyNot(Operation::Save); !why.isEmpty())
        return fail(why);
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(tr("Cannot write %1: %2. Use Save As.").arg(m_path, systemError(errno)));
    }
    // The path may have changed between the check and the open: write only into the
    // file that was mapped.
    if (!m_file.isSameFile(fd)) {
        ::close(fd);
        return fail(tr("%1 is no longer the file this tab mapped: nothing was saved. Use Save As "
                       "to keep your version.")
                        .arg(m_path));
    }
    // Edits past the file's end cannot be saved: write none rather than some.
    const std::vector<RangeSet::Range> modified = m_modified.ranges();
    if (!modified.empty() && modified.back().end > backedBytes()) {
        ::close(fd);
        return fail(tr("The file now ends at offset %1 of the map (another program truncated it): "
                       "modified bytes lie past that end. Nothing was saved; use Save As to keep "
                       "your version.")
                        .arg(backedBytes()));
    }
    QString error;
    bool ok = true;
    for (const RangeSet::Range &range : modified) {
        for (qint64 at = range.start; ok && at < range.end; at += kCopyChunk) {
            const ByteBlock block = read(at, std::min(kCopyChunk, range.end - at));
            if (!block.missing.isEmpty()) {
                error = tr("The byte at offset %1 can no longer be read (%2): nothing more was "
                           "saved.")
                            .arg(at + block.firstMissing())
                            .arg(block.whyMissing);
                ok = false;
            } else if (pwrite(fd, block.bytes.constData(), size_t(block.bytes.size()),
                           m_options.offset + at)
                != block.bytes.size()) {
                error = tr("Writing %1 failed: %2.").arg(m_path, systemError(errno));
                ok = false;
            }
        }
    }
    if (ok && fsync(fd) != 0) {
        error = tr("Writing %1 failed: %2.").arg(m_path, systemError(errno));
        ok = false;
    }
    ::close(fd);
    if (!ok)
        return fail(error);
    markSaved();
    return true;
}

bool Document::saveAs(const QString &path, QString *error, const Progress &progress) const
{
    return writeOut(path, {0, size(), ByteFormat::Raw}, tr("Save As"), error, progress);
}

bool Document::exportRange(
    const QString &path, const ExportRange &range, QString *error, const Progress &progress) const
{
    return writeOut(path, range, tr("Export"), error, progress);
}

bool Document::writeOut(const QString &path, const ExportRange &range, const QString &what,
    QString *error, const Progress &progress) const
{
    QSaveFile file(path);
    // Unbuffered: each chunk goes straight to the file, and a failure keeps its errno.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = tr("Cannot write %1: %2.").arg(path, file.errorString());
        return false;
    }
    // xxd's offsets are the file's.
    ByteFormatter formatter(
        range.format, range.length, m_options.offset + range.start, range.encoding);
    QByteArray text;
    for (qint64 done = 0; done < range.length || done == 0; done += kCopyChunk) {
        if (progress && !progress(done, range.length)) {
            file.cancelWriting();
            *error = tr("%1 was canceled: %2 was not written.").arg(what, path);
            return false;
        }
        const qint64 at = range.start + done;
        const qint64 count = std::min(kCopyChunk, range.length - done);
        const ByteBlock block = read(at, count);
        if (block.bytes.size() != count) {
            file.cancelWriting();
            *error = tr("The map now ends at offset %1, before the end of what was asked: %2 was "
                        "not written.")
                         .arg(size())
                         .arg(path);
            return false;
        }
        if (!block.missing.isEmpty()) {
            file.cancelWriting();
            *error = tr("The byte at offset %1 can no longer be read (%2): %3 was not written.")
                         .arg(at + block.firstMissing())
                         .arg(block.whyMissing, path);
            return false;
        }
        text.resize(0); // keeps its capacity
        formatter.write(block.bytes, text);
        if (done + block.bytes.size() >= range.length)
            formatter.finish(text);
        // A short write says nothing; the write after it fails with the reason.
        qint64 written = 0;
        for (qint64 step = 0; written < text.size(); written += step) {
            step = file.write(text.constData() + written, text.size() - written);
            if (step <= 0)
                break;
        }
        if (written != text.size()) {
            // The reason first: cancelWriting() replaces it with its own.
            *error
                = tr("Writing %1 failed: %2. Nothing was written.").arg(path, file.errorString());
            file.cancelWriting();
            return false;
        }
    }
    if (!file.commit()) {
        *error = tr("Writing %1 failed: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Document::revert()
{
    const ChangeScope scope(*this);
    if (!canRevert())
        return false;
    // Step by step, so that a step that fails stops the walk where the bytes are.
    while (m_undoStack->index() != m_undoStack->cleanIndex()) {
        const bool stepped = m_undoStack->index() > m_undoStack->cleanIndex() ? undo() : redo();
        if (!stepped)
            return false;
    }
    return true;
}

void Document::markSaved()
{
    ignoreOwnChanges(); // a Save's own writes; after a flush all is durable
    m_fileChangedSinceClean = false;
    m_modified.clear();
    m_undoStack->setClean();
    m_pending.marksChanged = true;
}

void Document::markFlushed(qint64 start, qint64 end)
{
    const ChangeScope scope(*this);
    const bool flushedEdits = m_modified.intersects(start, end);
    m_modified.remove(start, end);
    if (m_modified.empty()) {
        noteOutsideChanges();
        m_undoStack->setClean();
        m_fileChangedSinceClean = false;
    } else if (flushedEdits) {
        // The file now holds some edits and not others: no state of the history is what
        // is durable, so undoing back to the old clean state must not say "not modified".
        m_undoStack->resetClean();
    }
    m_pending.marksChanged = true;
    m_pending.residencyMayHaveChanged = true;
}

} // namespace hexmap
