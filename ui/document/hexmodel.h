#pragma once

#include "mappedfile.h"
#include "rangeset.h"

#include <QAbstractTableModel>
#include <QBitArray>
#include <QByteArray>

#include <memory>
#include <utility>

class QUndoStack;

namespace hexmap {

class FileChanges;

// Bytes read from the map for display, with the bytes that could not be read (their
// page is gone: the file shrank underneath, or an I/O error) marked in `missing`.
struct ByteBlock
{
    QByteArray bytes;
    QBitArray missing; // empty when every byte was read
    QString whyMissing; // why the first missing byte could not be read, for the user
    [[nodiscard]] bool isMissing(qsizetype i) const
    {
        return !missing.isEmpty() && missing.testBit(i);
    }
    // The index of the first missing byte, or -1.
    [[nodiscard]] qsizetype firstMissing() const;
};

// A MemoryMap as a Qt table: one row per page, one column per byte of the page, so
// that rows stay valid Qt ints up to 8 TiB and match the unit of flush and madvise.
// It owns the map, the undo stack and the ranges modified since the last flush; every
// change goes through it and comes out as a precise dataChanged/rows signal. The view
// uses the 64-bit API below rather than indexes.
class HexModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        ByteRole = Qt::UserRole + 1, // int 0..255
        PageBytesRole, // QByteArray: the whole row's bytes; invalid if unreadable
    };
    // How an edit joins the undo history: consecutive Typing edits that touch merge
    // into one step.
    enum class EditKind { Single, Typing };

    // The largest map whose every page has a row.
    static constexpr qint64 kMaxTableBytes = qint64(INT_MAX) * 4096;
    // Shrinking by at most this much can be undone (the cut bytes are kept).
    static constexpr qint64 kMaxUndoableCut = qint64(64) << 20;

    // A model over a file and its map (see MappedFile: empty files, resize to and from
    // 0, remap, the file's identity).
    explicit HexModel(MappedFile file, QObject *parent = nullptr);
    // A model over an existing map (tests). It cannot become empty.
    explicit HexModel(std::unique_ptr<MemoryMap> map, QObject *parent = nullptr);
    // Maps a regular file as MemoryMap(fd, length, options) does, keeping a duplicate
    // of fd so that the model can follow the file: a file with nothing to map past
    // offset gives an empty model that resize can grow, resize(0) empties it, and
    // remap() takes in a file that grew. Throws hexmap::Error like MemoryMap.
    HexModel(int fd, qint64 length, const MapOptions &options, QObject *parent = nullptr);
    ~HexModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(
        const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The 64-bit API.
    [[nodiscard]] static qint64 pageSize();
    [[nodiscard]] qint64 size() const;
    [[nodiscard]] qint64 offsetOf(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOf(qint64 offset) const;
    // [offset, offset + count) clipped to the map, through the core's guarded copy.
    // Bytes the file no longer backs (it shrank underneath) are marked missing.
    [[nodiscard]] ByteBlock read(qint64 offset, qint64 count) const;
    // How many bytes from the start of the map the file still backs (the map's length
    // for anonymous maps and maps that keep no descriptor).
    [[nodiscard]] qint64 backedBytes() const;
    // The size of the file on disk now (fstat), or -1 when the model has no file or
    // cannot tell.
    [[nodiscard]] qint64 fileSize() const;

    [[nodiscard]] Access access() const { return m_file.access(); }
    // The file and its map: identity, refusal reasons.
    [[nodiscard]] const MappedFile &file() const { return m_file; }
    [[nodiscard]] bool isReadOnly() const;
    [[nodiscard]] bool isCopyOnWrite() const;
    [[nodiscard]] bool isAnonymous() const;
    // The map; null while the model is empty. A shared owner (a search running off
    // the UI thread) keeps it alive even if the model replaces or drops it meanwhile.
    [[nodiscard]] MemoryMap *map() const { return m_file.map(); }
    [[nodiscard]] std::shared_ptr<MemoryMap> sharedMap() const { return m_file.sharedMap(); }
    [[nodiscard]] bool trackfd() const { return m_file.trackfd(); }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undoStack; }

    // Overwrites bytes at offset as one undo step (merged with the previous one for
    // Typing). Refused, with editFailed, on a read-only map or past the end. A write
    // that fails (disk full, file truncated) changes nothing.
    bool overwrite(qint64 offset, const QByteArray &bytes, EditKind kind = EditKind::Single);

    // Undo and redo of one step. A step that fails changes nothing and leaves the
    // stack where it was; editFailed says why.
    bool undo();
    bool redo();

    // Why resize() (or the undo or redo of one) is refused now, or empty: the map's
    // mode, no descriptor, or a file that goes on past the map's end (a resize would cut
    // what follows).
    [[nodiscard]] QString whyNotResize() const;
    // [start, end) of the pages madvise takes for [start, start + length), clipped to
    // the map: the last page counts whole, up to the map's end.
    [[nodiscard]] std::pair<qint64, qint64> pagesCovering(qint64 start, qint64 length) const;
    // Whether the file goes on past the map's end (appended to, or a window).
    [[nodiscard]] bool fileGoesPastMap() const;
    // Whether resize(newSize) could be undone.
    [[nodiscard]] bool canUndoResize(qint64 newSize) const;
    // Resizes map and file; one undo step when canUndoResize, otherwise the undo
    // history is cleared (its steps may point past the new end). The map's own size
    // changes nothing and adds no step.
    bool resize(qint64 newSize);

    // The message of the last editFailed: why the last refused call failed.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // The ranges written since the last successful flush.
    [[nodiscard]] const RangeSet &modifiedRanges() const { return m_modified; }
    // msync of the whole map; the modified ranges are cleared only if it succeeds.
    bool flush();
    // Marks the current state as written (after a copy-on-write Save).
    void markSaved();
    // Marks [start, end) as flushed (after msync of it succeeded): those bytes leave
    // the modified ranges; with none left, the undo stack is clean.
    void markFlushed(qint64 start, qint64 end);
    // madvise on the map; on failure editFailed says why. The view re-reads the range
    // and residency watchers are told. With dropsBytes (advice that changes what the
    // bytes are), the edits on the range's pages (madvise takes whole pages) are
    // forgotten and so is the undo history. MADV_REMOVE never frees the file's bytes
    // past the map's end: the part of the map's last page it covers is zeroed and
    // flushed instead.
    bool advise(int option, qint64 start, qint64 length, bool dropsBytes = false);

    // Maps the file again with a new length (0: to its end), for a file that grew.
    // Refused while a copy-on-write map holds unsaved edits (they live in the old map).
    bool remap(qint64 length = 0);

signals:
    // Bytes [offset, offset + count) changed (an edit, undo, redo, advice): at any
    // offset, where dataChanged reaches only the rows of the first kMaxTableBytes.
    void bytesChanged(qint64 offset, qint64 count);
    void modifiedRangesChanged();
    void sizeChanged(qint64 size);
    // An edit, undo step, resize or flush failed; message says why.
    void editFailed(const QString &message);
    // Something (madvise, flush) may have changed which pages are in RAM.
    void residencyMayHaveChanged();

private:
    friend class Editor; // reports its refusals through fail(), the one error path
    friend class OverwriteCommand;
    friend class ResizeCommand;

    // The raw write undo commands replay: all of it or nothing (a failed write leaves
    // the bytes as they were); failure goes through editFailed.
    bool writeBytes(qint64 offset, const QByteArray &bytes);
    // Undoes (forward = false) or redoes one step; see undo().
    bool step(bool forward);
    void noteWritten(qint64 offset, qint64 count);
    // Empties the undo history (its steps no longer apply), keeping the clean state
    // honest: with edits not yet durable, no state of the stack is clean.
    void dropHistory();
    // Takes note of writes to the file by other programs since the last look: from
    // then on, reaching the clean state again does not make the bytes durable ones.
    void noteOutsideChanges();
    // Forgets the file's changes since the last look: they were this model's own.
    void ignoreOwnChanges();
    // Applies MADV_REMOVE, keeping the file's bytes past the map's end.
    void removeKeepingFileTail(qint64 start, qint64 end);
    // Zeros what a shrink to newSize cuts from the page that will hold the new end.
    void zeroCutPartOfPage(qint64 newSize, qint64 oldSize);
    // Why the file's bytes past the map's end forbid a resize now, or empty.
    [[nodiscard]] QString fileTailReason() const;
    // Records message as lastError() and emits editFailed.
    void fail(const QString &message);
    bool applyResize(qint64 newSize, const QByteArray &restoredTail);
    void emitBytesChanged(qint64 offset, qint64 count);
    [[nodiscard]] int rowsFor(qint64 size) const;
    [[nodiscard]] bool isCell(const QModelIndex &index) const;

    MappedFile m_file;
    QUndoStack *m_undoStack;
    QString m_lastError;
    RangeSet m_modified;
    int m_rows = 0;
    std::unique_ptr<FileChanges> m_fileChanges; // null without a descriptor
    // The file changed under the history since the clean state (another program wrote
    // it, or a resize cut it): stepping back to the clean index keeps the edits marked.
    bool m_fileChangedSinceClean = false;
};

} // namespace hexmap
