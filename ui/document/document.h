#pragma once

#include "adviceeffect.h"
#include "byteblock.h"
#include "byteformat.h"
#include "documentchange.h"
#include "mappedfile.h"
#include "rangeset.h"
#include "splice.h"

#include <QObject>
#include <QString>

#include <sys/types.h>

#include <functional>
#include <memory>
#include <utility>

class QFileSystemWatcher;
class QUndoStack;

namespace hexmap {

class Bookmarks;
class Error;
class FileChanges;
class HexModel;

// One open file (or scratch buffer) and everything the user does with it, without any
// widget: its bytes, edits and their undo history, resize, remap, flush, save, save as,
// revert, advice, and noticing that another program changed the file.
//
// One error convention: an operation returns false when it is refused or fails, changes
// nothing, and says why through lastError() and one failed() signal. whyNot(op) gives
// the refusal before anyone asks for the operation. One notification per operation:
// changed(), with everything the operation changed (bytes, size, marks) in it.
class Document : public QObject
{
    Q_OBJECT

public:
    // The mmap access modes, in the user's words.
    enum class Mode {
        InPlace, // ACCESS_WRITE: edits reach the file's pages at once; Flush makes them durable
        CopyOnWrite, // ACCESS_COPY: the file is untouched until Save writes the modified ranges
        ReadOnly, // ACCESS_READ
    };
    struct OpenOptions
    {
        Mode mode = Mode::InPlace;
        qint64 offset = 0; // a multiple of the allocation granularity
        qint64 length = 0; // 0: to the end of the file
        bool trackfd = true;
    };
    struct OpenResult
    {
        std::unique_ptr<Document> document; // null on failure
        QString error; // why it failed, for the user
        QString notice; // something the user should know (e.g. opened read-only)
        bool readableAsScratch = false; // it cannot be mapped, but readCopy() can read it
    };
    // What whyNot() answers for.
    enum class Operation { Edit, Resize, Splice, Flush, Save, Remap };
    // How an edit joins the undo history: consecutive Typing edits that touch merge
    // into one step.
    enum class EditKind { Single, Typing };
    // Called with the bytes written (or moved) so far and the total; returning false
    // cancels (where the operation can still stop).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Shrinking by at most this much can be undone (the cut bytes are kept).
    static constexpr qint64 kMaxUndoableCut = qint64(64) << 20;
    static constexpr qint64 kMaxReadCopy = qint64(64) << 20;

    // Opens a regular file; a file the user cannot write opens read-only, with a notice.
    [[nodiscard]] static OpenResult open(const QString &path, const OpenOptions &options);
    // An anonymous map of size bytes, filled with zeros.
    [[nodiscard]] static OpenResult scratch(qint64 size);
    // A scratch buffer holding a copy of what reading path gives (up to kMaxReadCopy
    // bytes): for files that report size 0 yet have content, such as /proc's.
    [[nodiscard]] static OpenResult readCopy(const QString &path);

    // A document over file; its mode, offset and trackfd are the file's. With a path, the
    // path is watched for changes by other programs; length is the length asked at
    // opening (0: to the end), which remapping asks again. open() and scratch() are the
    // usual ways.
    explicit Document(
        MappedFile file, QString path = {}, qint64 length = 0, QObject *parent = nullptr);
    ~Document() override;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isScratch() const { return m_file.isAnonymous(); }
    [[nodiscard]] QString title() const;
    [[nodiscard]] Mode mode() const { return m_options.mode; }
    [[nodiscard]] const OpenOptions &options() const { return m_options; }
    [[nodiscard]] static QString modeName(Mode mode);
    // The file and its map: identity, the core's refusal reasons.
    [[nodiscard]] const MappedFile &file() const { return m_file; }
    // The map; null while the document is empty. A shared owner (a job running off the
    // UI thread) keeps it alive even if the document replaces or drops it meanwhile.
    [[nodiscard]] std::shared_ptr<MemoryMap> sharedMap() const { return m_file.sharedMap(); }
    // The document as a Qt table (one row per page), for Qt's item views.
    [[nodiscard]] HexModel *table() const { return m_table.get(); }
    // The document's bookmarks (named, coloured ranges), kept in the document's offsets.
    [[nodiscard]] Bookmarks *bookmarks() const { return m_bookmarks; }

    // Why op is refused now, in the user's words, or empty when it may go ahead (the
    // operation itself may still fail, e.g. on a full disk).
    [[nodiscard]] QString whyNot(Operation op) const;
    // Why the last refused or failed operation failed.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // --- Bytes (documentedits.cpp)
    [[nodiscard]] static qint64 pageSize();
    [[nodiscard]] qint64 size() const { return m_file.size(); }
    // [offset, offset + count) clipped to the map, through the core's guarded copy.
    // Bytes the file no longer backs (it shrank underneath) are marked missing.
    [[nodiscard]] ByteBlock read(qint64 offset, qint64 count) const;
    // How many bytes from the start of the map the file still backs.
    [[nodiscard]] qint64 backedBytes() const { return m_file.backedBytes(); }
    // The mapped file's size on disk, or -1 when unknown (scratch, or no way to ask).
    [[nodiscard]] qint64 fileSizeOnDisk() const { return m_file.fileSize(); }
    // Where the map ends in the file (offset + length): what a size change is against.
    [[nodiscard]] qint64 mapEndInFile() const { return m_file.mapEnd(); }
    // Whether the file goes on past the map's end (appended to, or a window).
    [[nodiscard]] bool fileGoesPastMap() const;

    // Overwrites bytes at offset as one undo step (merged with the previous one for
    // Typing). A write that is refused or fails (disk full, file truncated) changes nothing.
    bool overwrite(qint64 offset, const QByteArray &bytes, EditKind kind = EditKind::Single);
    // Undo and redo of one step. A step that fails changes nothing and stays where it
    // is: it may succeed later (once the file grows back).
    bool undo();
    bool redo();
    [[nodiscard]] QUndoStack *undoStack() const { return m_undoStack; }
    // Whether resize(newSize) could be undone.
    [[nodiscard]] bool canUndoResize(qint64 newSize) const;
    // Resizes map and file; one undo step when canUndoResize, otherwise the undo
    // history is cleared (its steps may point past the new end).
    bool resize(qint64 newSize);
    // Maps the file again with a new length (0: to its end), for a file that grew.
    bool remap(qint64 length = 0);

    // --- Insert and delete (documentsplices.cpp)
    // Removing more than this cannot be undone (the removed bytes are not kept).
    static constexpr qint64 kMaxUndoableRemove = kMaxUndoableCut;
    // A shift of more than this is not atomic enough to go unsaid (see SpliceCost).
    static constexpr qint64 kLargeShift = qint64(64) << 20;
    // Applies splices (ascending, not overlapping, at offsets before any of them) as one
    // undo step: the bytes after each move by its delta and map and file change size by
    // their sum, in place. Where the file system can shift whole blocks (fallocate on
    // ext4 and XFS, a single splice whose position and delta are multiples of its block
    // size) nothing is copied; otherwise the bytes move by memmove, in chunks, with
    // progress (spliceHooks). Everything from the first splice on counts as modified
    // until flushed. Refused where the map cannot change length (whyNot(Resize)) unless
    // every splice keeps its length, and when approval (spliceHooks) is withheld. Kept
    // for undo when the removed bytes total at most kMaxUndoableRemove; otherwise the
    // undo history is cleared. Typing inserts that follow each other merge into one step.
    // undoText names the step (by default what it did: "Insert 3 bytes").
    bool splice(
        const Splices &splices, EditKind kind = EditKind::Single, const QString &undoText = {});
    bool insert(qint64 offset, const QByteArray &bytes, EditKind kind = EditKind::Single)
    {
        return splice({{offset, 0, bytes}}, kind);
    }
    bool remove(qint64 offset, qint64 count) { return splice({{offset, count, {}}}); }
    // What a splice costs, for the question asked before it (spliceHooks).
    struct SpliceCost
    {
        qint64 moved = 0; // bytes that move
        qint64 removed = 0;
        bool undoable = true;
        // The first shift past kLargeShift in this document: a crash or power loss while it
        // runs leaves the file half shifted.
        bool firstLargeShift = false;
    };
    // approve is asked before a splice that cannot be undone or is the first large one
    // (false: nothing is done, "Canceled"); progress hears of the bytes moved so far
    // (its answer is not heeded: a move once begun runs to its end).
    void setSpliceHooks(std::function<bool(const SpliceCost &)> approve, Progress progress);

    // --- Durability (documentsaving.cpp)
    // The ranges written since the last flush or save.
    [[nodiscard]] const RangeSet &modifiedRanges() const { return m_modified; }
    // Edits not yet made durable: unflushed (in place), unsaved (copy-on-write), or
    // never written out (scratch).
    [[nodiscard]] bool hasUnsavedChanges() const { return !m_modified.empty(); }
    // Whether revert() can bring back the state of the last flush.
    [[nodiscard]] bool canRevert() const;
    // In place: msync of the whole map; nothing is marked clean unless it succeeds.
    bool flush();
    // Marks [start, end) as flushed (after msync of it succeeded elsewhere, by Flush
    // Ranges): those bytes leave the modified ranges; with none left, the history is clean.
    void markFlushed(qint64 start, qint64 end);
    // Copy-on-write: writes exactly the modified ranges into the file, then fsync.
    bool save();
    // Writes every byte of the map to path (through a temporary file and a rename, so
    // a failed or canceled write leaves no partial file). Runs as a job off the UI
    // thread while nothing else changes the document, so it reports through *error
    // rather than lastError().
    bool saveAs(const QString &path, QString *error, const Progress &progress = {}) const;
    // What Export writes: [start, start + length) of the map, in format (xxd's offsets
    // are the file's: the map's offset added).
    struct ExportRange
    {
        qint64 start = 0;
        qint64 length = 0;
        ByteFormat format = ByteFormat::Raw;
        TextEncoding encoding = TextEncoding::Ascii; // of Characters
    };
    // Writes range's bytes to path in its format, streamed a chunk at a time from the map
    // (any size, never the whole text in memory), the way saveAs() writes.
    bool exportRange(const QString &path, const ExportRange &range, QString *error,
        const Progress &progress = {}) const;
    // In place: undoes back to the last flush.
    bool revert();

    // --- Advice (documentadvice.cpp)
    // [start, end) of the pages madvise takes for [start, start + length), clipped to
    // the map: the last page counts whole, up to the map's end.
    [[nodiscard]] std::pair<qint64, qint64> pagesCovering(qint64 start, qint64 length) const;
    // What madvise(option) over [start, start + length) would do to the bytes.
    struct AdviceImpact
    {
        AdviceEffect effect = AdviceEffect::Hint;
        qint64 start = 0;
        qint64 end = 0; // clamped to the map
        qint64 unsavedBytes = 0; // modified, not yet durable bytes it would lose
        // The whole map instead of the range asked: advice that splits the kernel's
        // mapping (splitsMapping) on a map that Resize must be able to grow.
        bool widened = false;
    };
    [[nodiscard]] AdviceImpact adviceImpact(int option, qint64 start, qint64 length) const;
    // What the user would lose, in plain words, for the question asked before; empty
    // when nothing would be lost.
    [[nodiscard]] QString adviceWarning(const QString &name, const AdviceImpact &impact) const;
    // Applies the advice over adviceImpact's range; advice that damages RAM is refused.
    // Advice that loses data forgets the edits it dropped and the undo history (it cannot
    // be undone); the caller asks the user first.
    bool advise(int option, qint64 start, qint64 length);

    // What the path names now, compared with the file this document mapped.
    using PathState = MappedFile::PathState;
    [[nodiscard]] PathState pathState() const { return m_file.pathState(); }

signals:
    // One operation ended and changed what `change` says: one signal per operation,
    // however many bytes, steps or marks it touched.
    void changed(const hexmap::DocumentChange &change);
    // An operation was refused or failed; message says why (also lastError()).
    void failed(const QString &message);
    // Another program changed the file: its size, or what the path names (see
    // pathState()). Compare fileSizeOnDisk() with mapEndInFile().
    void changedOnDisk();

private:
    friend class Editor; // reports its refusals through fail(), the one error path
    friend class OverwriteCommand;
    friend class ResizeCommand;
    friend class SpliceCommand;

    // How much a read-copy or a save moves at once.
    static constexpr qint64 kCopyChunk = qint64(1) << 20;
    // saveAs() and exportRange(); what ("Save As") names the operation in messages.
    bool writeOut(const QString &path, const ExportRange &range, const QString &what,
        QString *error, const Progress &progress) const;
    // errno's message, for the user.
    [[nodiscard]] static QString systemError(int error);
    // A core error's message, for the user.
    [[nodiscard]] static QString messageOf(const Error &error);
    // Held by every operation: the outermost one emits changed() once when it ends, with
    // all that was noted in between (note()).
    class ChangeScope;
    DocumentChange &note() { return m_pending; }
    // Records message as lastError() and emits failed(); returns false for `return fail(…)`.
    bool fail(const QString &message);
    // The raw write undo commands replay: all of it or nothing.
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
    // Forgets the file's changes since the last look: they were this document's own.
    void ignoreOwnChanges();
    // Marks the current state as durable (after a flush or a copy-on-write Save).
    void markSaved();
    // Applies MADV_REMOVE, keeping the file's bytes past the map's end.
    void removeKeepingFileTail(qint64 start, qint64 end);
    // Zeros what a shrink to newSize cuts from the page that will hold the new end.
    void zeroCutPartOfPage(qint64 newSize, qint64 oldSize);
    // Why the file's bytes past the map's end forbid a resize now, or empty.
    [[nodiscard]] QString fileTailReason() const;
    bool applyResize(qint64 newSize, const QByteArray &restoredTail);
    // Whether the map has the size an undo step left (Map the whole file may have changed
    // it since); if not, fails saying the step no longer applies.
    bool hasStepSize(qint64 expected);
    // The raw splice undo steps replay: all of it or nothing, as far as the file allows.
    bool applySplices(const Splices &splices);
    // applySplices' two ways: fallocate (*done false when the file system cannot:
    // nothing changed) and memmove. On a failure that could not put everything back,
    // *mixed is set.
    bool spliceByFileSystem(const Splice &splice, bool *done, bool *mixed);
    bool spliceByMoving(const Splices &splices, bool *mixed);
    void checkFileOnDisk();
    // Why writing to the file at the path would not reach the mapped file; empty if it would.
    [[nodiscard]] QString pathMismatch() const;

    MappedFile m_file;
    QString m_path;
    OpenOptions m_options;
    QUndoStack *m_undoStack;
    QString m_lastError;
    RangeSet m_modified;
    std::unique_ptr<FileChanges> m_fileChanges; // null without a descriptor
    // The file changed under the history since the clean state (another program wrote
    // it, or a resize cut it): stepping back to the clean index keeps the edits marked.
    bool m_fileChangedSinceClean = false;
    qint64 m_knownFileSize = -1; // when last seen; compared on every change event
    PathState m_knownPathState = PathState::Same;
    QFileSystemWatcher *m_watcher = nullptr;
    DocumentChange m_pending; // what the running operation changed so far
    int m_operationDepth = 0;
    std::unique_ptr<HexModel> m_table;
    std::function<bool(const SpliceCost &)> m_approveSplice;
    Progress m_spliceProgress;
    bool m_largeShiftSaid = false;
    // An insert or delete is asking or moving bytes (the event loop may run meanwhile):
    // every other change is refused.
    bool m_moving = false;
    Bookmarks *m_bookmarks; // a child
};

// Every public operation holds one; nested ones (revert's undo steps) add to the outer.
class Document::ChangeScope
{
public:
    explicit ChangeScope(Document &document)
        : m_document(document)
    {
        ++m_document.m_operationDepth;
    }
    ~ChangeScope()
    {
        if (--m_document.m_operationDepth > 0 || m_document.m_pending.isEmpty())
            return;
        const DocumentChange change = std::exchange(m_document.m_pending, {});
        emit m_document.changed(change);
    }
    ChangeScope(const ChangeScope &) = delete;
    ChangeScope &operator=(const ChangeScope &) = delete;

private:
    Document &m_document;
};

} // namespace hexmap
