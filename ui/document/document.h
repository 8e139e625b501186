#pragma once

#include "adviceeffect.h"
#include "mappedfile.h"

#include <QObject>
#include <QString>

#include <sys/types.h>

#include <functional>
#include <memory>

class QFileSystemWatcher;

namespace hexmap {

class HexModel;

// One open file (or scratch buffer) and what the user can do with it as a whole:
// flush, save, save as, revert, notice that the file changed on disk. The bytes and
// their edits live in the model; the window never touches them.
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

    // Opens a regular file; a file the user cannot write opens read-only, with a notice.
    [[nodiscard]] static OpenResult open(const QString &path, const OpenOptions &options);
    // An anonymous map of size bytes, filled with zeros.
    [[nodiscard]] static OpenResult scratch(qint64 size);
    // A scratch buffer holding a copy of what reading path gives (up to kMaxReadCopy
    // bytes): for files that report size 0 yet have content, such as /proc's.
    [[nodiscard]] static OpenResult readCopy(const QString &path);
    static constexpr qint64 kMaxReadCopy = qint64(64) << 20;

    ~Document() override;

    [[nodiscard]] HexModel *model() const { return m_model.get(); }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isScratch() const { return m_path.isEmpty(); }
    [[nodiscard]] QString title() const;
    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] const OpenOptions &options() const { return m_options; }
    [[nodiscard]] static QString modeName(Mode mode);

    // Edits not yet made durable: unflushed (in place), unsaved (copy-on-write), or
    // never written out (scratch).
    [[nodiscard]] bool hasUnsavedChanges() const;
    // Whether revert() can bring back the state of the last flush.
    [[nodiscard]] bool canRevert() const;

    // In place: msync. On failure, *error says why and nothing is marked clean.
    bool flush(QString *error);
    // Copy-on-write: writes exactly the modified ranges into the file, then fsync.
    bool save(QString *error);
    // Called with the bytes written so far and the total; returning false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Writes every byte of the map to path (through a temporary file and a rename, so
    // a failed or canceled write leaves no partial file). May run off the UI thread
    // while nothing else changes the document.
    bool saveAs(const QString &path, QString *error, const Progress &progress = {});
    // In place: undoes back to the last flush.
    bool revert();

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
    // Applies the advice over adviceImpact's range; advice that damages RAM is refused. Advice that
    // loses data forgets the edits it dropped and the undo history (it cannot be undone); the
    // caller asks the user first. On failure, *error says why.
    bool advise(int option, qint64 start, qint64 length, QString *error);

    // What the path names now, compared with the file this document mapped.
    using PathState = MappedFile::PathState;
    [[nodiscard]] PathState pathState() const;
    // The mapped file's size on disk, or -1 when unknown (scratch, or no way to ask).
    [[nodiscard]] qint64 fileSizeOnDisk() const;
    // Where the map ends in the file (offset + length): what a size change is against.
    [[nodiscard]] qint64 mapEndInFile() const;

signals:
    // Another program changed the file: its size, or what the path names (see
    // pathState()). Compare fileSizeOnDisk() with mapEndInFile().
    void changedOnDisk();

private:
    Document(std::unique_ptr<HexModel> model, QString path, OpenOptions options);
    void checkFileOnDisk();
    // Why writing to the file at the path would not reach the mapped file; empty if it would.
    [[nodiscard]] QString pathMismatch() const;

    std::unique_ptr<HexModel> m_model;
    QString m_path;
    OpenOptions m_options;
    Mode m_mode;
    qint64 m_knownFileSize = -1; // when last seen; compared on every change event
    PathState m_knownPathState = PathState::Same;
    QFileSystemWatcher *m_watcher = nullptr;
};

} // namespace hexmap
