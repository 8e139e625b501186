#include "document.h"

#include "errors.h"
#include "hexmodel.h"
#include "inputparsing.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSaveFile>
#include <QTimer>
#include <QUndoStack>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tuple>

namespace hexmap {

namespace {

constexpr qint64 kCopyChunk = qint64(1) << 20;
constexpr int kPollMs = 2000; // how often the path is looked at besides inotify

Access accessFor(Document::Mode mode)
{
    switch (mode) {
    case Document::Mode::InPlace:
        return Access::Write;
    case Document::Mode::CopyOnWrite:
        return Access::Copy;
    case Document::Mode::ReadOnly:
        return Access::Read;
    }
    return Access::Read;
}

QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QObject::tr("a FIFO");
    if (S_ISSOCK(mode))
        return QObject::tr("a socket");
    if (S_ISCHR(mode))
        return QObject::tr("a character device");
    if (S_ISBLK(mode))
        return QObject::tr("a block device");
    return QObject::tr("not a regular file");
}

// Whether reading the file gives at least one byte.
bool hasContent(const QByteArray &native)
{
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    char byte = 0;
    const bool some = ::read(fd, &byte, 1) == 1;
    ::close(fd);
    return some;
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

} // namespace

Document::Document(std::unique_ptr<HexModel> model, QString path, OpenOptions options)
    : m_model(std::move(model))
    , m_path(std::move(path))
    , m_options(options)
    , m_mode(options.mode)
{
    if (!m_path.isEmpty()) {
        m_watcher = new QFileSystemWatcher({m_path}, this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &Document::checkFileOnDisk);
        // inotify does not see every change (a rename over the path from elsewhere, some
        // file systems): a slow look at the path covers the rest, at the cost of a stat.
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, &Document::checkFileOnDisk);
        poll->start(kPollMs);
    }
    m_knownFileSize = fileSizeOnDisk();
    // The model's own resizes change the file too: they are not news.
    connect(m_model.get(), &HexModel::sizeChanged, this,
        [this] { m_knownFileSize = fileSizeOnDisk(); });
}

Document::~Document() = default;

Document::OpenResult Document::open(const QString &path, const OpenOptions &options)
{
    OpenResult result;
    const QByteArray native = QFile::encodeName(path);
    struct stat status = {};
    if (stat(native.constData(), &status) != 0) {
        result.error = errno == ENOENT ? tr("%1 does not exist.").arg(path)
                                       : tr("Cannot open %1: %2.").arg(path, systemError(errno));
        return result;
    }
    if (S_ISDIR(status.st_mode)) {
        result.error = tr("%1 is a folder, not a file.").arg(path);
        return result;
    }
    if (!S_ISREG(status.st_mode)) {
        result.error
            = tr("%1 is %2: hexmap maps regular files only.").arg(path, kindOf(status.st_mode));
        return result;
    }
    const qint64 granularity = allocationGranularity();
    if (options.offset % granularity != 0) {
        result.error
            = tr("The offset must be a multiple of %1 bytes; %2 is not (the nearest below is %3).")
                  .arg(granularity)
                  .arg(options.offset)
                  .arg(options.offset / granularity * granularity);
        return result;
    }

    if (status.st_size == 0 && hasContent(native)) {
        result.error = tr("%1 says it is empty (size 0) but reading it gives bytes: it is made "
                          "as it is read, like the files in /proc, and cannot be mapped.")
                           .arg(path);
        result.readableAsScratch = true;
        return result;
    }

    OpenOptions effective = options;
    int fd = ::open(
        native.constData(), (options.mode == Mode::InPlace ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0 && options.mode == Mode::InPlace
        && (errno == EACCES || errno == EROFS || errno == EPERM)) {
        result.notice
            = tr("%1 is not writable (%2): it is open read-only.").arg(path, systemError(errno));
        effective.mode = Mode::ReadOnly;
        fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        result.error = tr("Cannot open %1: %2.").arg(path, systemError(errno));
        return result;
    }
    try {
        const MapOptions mapOptions {.access = accessFor(effective.mode),
            .offset = effective.offset,
            .trackfd = effective.trackfd};
        const QString absolute = QFileInfo(path).absoluteFilePath();
        auto model = std::make_unique<HexModel>(MappedFile(
            fd, effective.length, mapOptions, QFile::encodeName(absolute).toStdString()));
        result.document.reset(new Document(std::move(model), absolute, effective));
    } catch (const Error &error) {
        result.error = tr("Cannot map %1: %2").arg(path, QString::fromUtf8(error.what()));
        result.notice.clear();
    }
    ::close(fd);
    return result;
}

Document::OpenResult Document::scratch(qint64 size)
{
    OpenResult result;
    try {
        // Private: madvise(DONTNEED) really frees its pages, and it can still grow.
        auto model = std::make_unique<HexModel>(MappedFile::anonymous(size, MAP_PRIVATE));
        result.document.reset(new Document(std::move(model), {}, {}));
    } catch (const Error &error) {
        result.error = tr("Cannot make a scratch buffer of %1 bytes: %2")
                           .arg(size)
                           .arg(QString::fromUtf8(error.what()));
    }
    return result;
}

Document::OpenResult Document::readCopy(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        OpenResult failed;
        failed.error = tr("Cannot read %1: %2.").arg(path, file.errorString());
        return failed;
    }
    QByteArray bytes;
    while (bytes.size() < kMaxReadCopy) {
        const QByteArray chunk
            = file.read(std::min<qint64>(kCopyChunk, kMaxReadCopy - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.isEmpty()) {
        OpenResult failed;
        failed.error = tr("%1 gave no bytes to read.").arg(path);
        return failed;
    }
    OpenResult result = scratch(bytes.size());
    if (result.document) {
        result.document->m_model->overwrite(0, bytes);
        result.document->m_model->undoStack()->clear(); // the copy is where the buffer starts
        result.notice = tr("Read %1 of %2 into a scratch buffer; Save As writes it out.")
                            .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")), path);
    }
    return result;
}

QString Document::title() const
{
    return isScratch() ? tr("Scratch buffer") : QFileInfo(m_path).fileName();
}

QString Document::modeName(Mode mode)
{
    switch (mode) {
    case Mode::InPlace:
        return tr("Edit in place");
    case Mode::CopyOnWrite:
        return tr("Copy-on-write");
    case Mode::ReadOnly:
        return tr("Read-only");
    }
    return {};
}

bool Document::hasUnsavedChanges() const
{
    return !m_model->modifiedRanges().empty();
}

bool Document::canRevert() const
{
    // A scratch buffer has no file and no flush to go back to: it is discarded or saved.
    return m_mode == Mode::InPlace && !isScratch() && m_model->undoStack()->cleanIndex() >= 0;
}

bool Document::flush(QString *error)
{
    if (m_mode != Mode::InPlace || isScratch()) {
        *error = m_mode == Mode::CopyOnWrite
            ? tr("A copy-on-write map never writes to its file: use Save.")
            : tr("Nothing to flush: this map is not written to a file.");
        return false;
    }
    if (const QString mismatch = pathMismatch(); !mismatch.isEmpty()) {
        *error = tr("%1 Flushing would write into the old copy, which no other program sees: "
                    "nothing was flushed. Use Save As to keep your version.")
                     .arg(mismatch);
        return false;
    }
    if (m_model->flush())
        return true;
    *error = m_model->lastError();
    return false;
}

bool Document::save(QString *error)
{
    if (m_mode != Mode::CopyOnWrite) {
        *error = tr("Only a copy-on-write document is saved; edit in place flushes instead.");
        return false;
    }
    if (const QString mismatch = pathMismatch(); !mismatch.isEmpty()) {
        *error = tr("%1 Nothing was saved: the modified bytes belong to the old file. Use Save "
                    "As to keep your version.")
                     .arg(mismatch);
        return false;
    }
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = tr("Cannot write %1: %2. Use Save As.").arg(m_path, systemError(errno));
        return false;
    }
    // The path may have changed between the check and the open: write only into the
    // file that was mapped.
    if (!m_model->file().isSameFile(fd)) {
        ::close(fd);
        *error = tr("%1 is no longer the file this tab mapped: nothing was saved. Use Save As "
                    "to keep your version.")
                     .arg(m_path);
        return false;
    }
    // Edits past the file's end cannot be saved: write none rather than some.
    const std::vector<RangeSet::Range> modified = m_model->modifiedRanges().ranges();
    if (!modified.empty() && modified.back().end > m_model->backedBytes()) {
        ::close(fd);
        *error = tr("The file now ends at offset %1 of the map (another program truncated it): "
                    "modified bytes lie past that end. Nothing was saved; use Save As to keep "
                    "your version.")
                     .arg(m_model->backedBytes());
        return false;
    }
    bool ok = true;
    for (const RangeSet::Range &range : modified) {
        for (qint64 at = range.start; ok && at < range.end; at += kCopyChunk) {
            const ByteBlock block = m_model->read(at, std::min(kCopyChunk, range.end - at));
            if (!block.missing.isEmpty()) {
                *error = tr("The byte at offset %1 can no longer be read (%2): nothing more was "
                            "saved.")
                             .arg(at + block.firstMissing())
                             .arg(block.whyMissing);
                ok = false;
            } else if (pwrite(fd, block.bytes.constData(), size_t(block.bytes.size()),
                           m_options.offset + at)
                != block.bytes.size()) {
                *error = tr("Writing %1 failed: %2.").arg(m_path, systemError(errno));
                ok = false;
            }
        }
    }
    if (ok && fsync(fd) != 0) {
        *error = tr("Writing %1 failed: %2.").arg(m_path, systemError(errno));
        ok = false;
    }
    ::close(fd);
    if (ok)
        m_model->markSaved();
    return ok;
}

bool Document::saveAs(const QString &path, QString *error, const Progress &progress)
{
    QSaveFile file(path);
    // Unbuffered: each 1 MiB chunk goes straight to the file, and a failure keeps its errno.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = tr("Cannot write %1: %2.").arg(path, file.errorString());
        return false;
    }
    const qint64 size = m_model->size();
    for (qint64 at = 0; at < size; at += kCopyChunk) {
        if (progress && !progress(at, size)) {
            file.cancelWriting();
            *error = tr("Save As was canceled: %1 was not written.").arg(path);
            return false;
        }
        const ByteBlock block = m_model->read(at, std::min(kCopyChunk, size - at));
        if (!block.missing.isEmpty()) {
            file.cancelWriting();
            *error = tr("The byte at offset %1 can no longer be read (%2): %3 was not written.")
                         .arg(at + block.firstMissing())
                         .arg(block.whyMissing, path);
            return false;
        }
        // A short write says nothing; the write after it fails with the reason.
        qint64 written = 0;
        for (qint64 step = 0; written < block.bytes.size(); written += step) {
            step = file.write(block.bytes.constData() + written, block.bytes.size() - written);
            if (step <= 0)
                break;
        }
        if (written != block.bytes.size()) {
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
    if (!canRevert())
        return false;
    // Step by step, so that a step that fails stops the walk where the bytes are.
    const QUndoStack *stack = m_model->undoStack();
    while (stack->index() != stack->cleanIndex()) {
        const bool stepped
            = stack->index() > stack->cleanIndex() ? m_model->undo() : m_model->redo();
        if (!stepped)
            return false;
    }
    return true;
}

Document::AdviceImpact Document::adviceImpact(int option, qint64 start, qint64 length) const
{
    const bool privateMap = isScratch() || m_mode == Mode::CopyOnWrite;
    AdviceImpact impact;
    impact.effect = adviceEffect(option, privateMap);
    std::tie(impact.start, impact.end) = m_model->pagesCovering(start, length);
    const bool resizable = m_mode == Mode::InPlace || isScratch();
    if (splitsMapping(option) && resizable && impact.end - impact.start < m_model->size()) {
        impact.start = 0;
        impact.end = m_model->size();
        impact.widened = true;
    }
    if (impact.effect != AdviceEffect::Hint) {
        for (const RangeSet::Range &range :
            m_model->modifiedRanges().intersecting(impact.start, impact.end))
            impact.unsavedBytes += range.end - range.start;
    }
    return impact;
}

QString Document::adviceWarning(const QString &name, const AdviceImpact &impact) const
{
    const QString range
        = tr("from offset %1 to %2 (%3)")
              .arg(input::formatOffset(impact.start),
                  input::formatOffset(std::max(impact.start, impact.end - 1)),
                  input::formatCount(impact.end - impact.start, tr("byte"), tr("bytes")));
    const QString unsaved
        = input::formatCount(impact.unsavedBytes, tr("modified byte"), tr("modified bytes"));
    switch (impact.effect) {
    case AdviceEffect::Hint:
        return {};
    case AdviceEffect::Refused:
        return tr("%1 needs root and damages the RAM behind the pages: hexmap does not apply it.")
            .arg(name);
    case AdviceEffect::DestroysFileData:
        return tr("%1 frees the file's bytes %2: they become zeros, on disk too.%3 This cannot be "
                  "undone.")
            .arg(name, range,
                impact.unsavedBytes > 0
                    ? tr(" The %1 there that were not flushed are lost with them.").arg(unsaved)
                    : QString());
    case AdviceEffect::DropsPrivateChanges:
        if (impact.unsavedBytes == 0)
            return {};
        if (isScratch())
            return tr("%1 turns the scratch buffer's bytes %2 into zeros: the %3 written there are "
                      "lost. This cannot be undone.")
                .arg(name, range, unsaved);
        return tr("%1 drops the %2 not yet saved %3: they read back as the file's bytes. This "
                  "cannot be undone; Save first to keep them.")
            .arg(name, unsaved, range);
    }
    return {};
}

bool Document::advise(int option, qint64 start, qint64 length, QString *error)
{
    const AdviceImpact impact = adviceImpact(option, start, length);
    if (impact.effect == AdviceEffect::Refused) {
        *error = adviceWarning(tr("This advice"), impact);
        return false;
    }
    if (!m_model->advise(
            option, impact.start, impact.end - impact.start, impact.effect != AdviceEffect::Hint)) {
        *error = m_model->lastError();
        return false;
    }
    return true;
}

Document::PathState Document::pathState() const
{
    return m_model->file().pathState();
}

qint64 Document::fileSizeOnDisk() const
{
    return m_model->fileSize(); // through the path when trackfd is off
}

qint64 Document::mapEndInFile() const
{
    return m_model->file().mapEnd();
}

QString Document::pathMismatch() const
{
    switch (pathState()) {
    case PathState::Same:
        return {};
    case PathState::Replaced:
        return tr("%1 is no longer the file this tab mapped: another program replaced it.")
            .arg(m_path);
    case PathState::Deleted:
        return tr("%1 was deleted by another program.").arg(m_path);
    }
    return {};
}

void Document::checkFileOnDisk()
{
    const PathState state = pathState();
    // inotify watches the file, not the name: after a rename over the path, watch
    // what the path names now.
    if (state != m_knownPathState) {
        m_watcher->removePaths(m_watcher->files());
        if (state != PathState::Deleted)
            m_watcher->addPath(m_path);
    } else if (!m_watcher->files().contains(m_path) && state != PathState::Deleted) {
        m_watcher->addPath(m_path);
    }
    const qint64 size = fileSizeOnDisk();
    if (state == m_knownPathState && (size < 0 || size == m_knownFileSize))
        return;
    m_knownPathState = state;
    if (size >= 0)
        m_knownFileSize = size;
    emit changedOnDisk();
}

} // namespace hexmap
