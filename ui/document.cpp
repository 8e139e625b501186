#include "document.h"

#include "errors.h"
#include "hexmodel.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSaveFile>
#include <QUndoStack>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {

namespace {

constexpr qint64 kCopyChunk = qint64(1) << 20;

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
    , m_knownFileSize(m_model->fileSize())
{
    if (!m_path.isEmpty()) {
        m_watcher = new QFileSystemWatcher({m_path}, this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &Document::checkFileOnDisk);
    }
    // The model's own resizes change the file too: they are not news.
    connect(m_model.get(), &HexModel::sizeChanged, this,
        [this] { m_knownFileSize = m_model->fileSize(); });
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
        auto model = std::make_unique<HexModel>(fd, effective.length, mapOptions);
        result.document.reset(
            new Document(std::move(model), QFileInfo(path).absoluteFilePath(), effective));
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
        auto model = std::make_unique<HexModel>(
            std::make_unique<MemoryMap>(-1, size, MapOptions {.flags = MAP_PRIVATE}));
        result.document.reset(new Document(std::move(model), {}, {}));
    } catch (const Error &error) {
        result.error = tr("Cannot make a scratch buffer of %1 bytes: %2")
                           .arg(size)
                           .arg(QString::fromUtf8(error.what()));
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
    return m_mode == Mode::InPlace && m_model->undoStack()->cleanIndex() >= 0;
}

bool Document::flush(QString *error)
{
    if (m_mode != Mode::InPlace || isScratch()) {
        *error = m_mode == Mode::CopyOnWrite
            ? tr("A copy-on-write map never writes to its file: use Save.")
            : tr("Nothing to flush: this map is not written to a file.");
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
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = tr("Cannot write %1: %2. Use Save As.").arg(m_path, systemError(errno));
        return false;
    }
    bool ok = true;
    for (const RangeSet::Range &range : m_model->modifiedRanges().ranges()) {
        for (qint64 at = range.start; ok && at < range.end; at += kCopyChunk) {
            const ByteBlock block = m_model->read(at, std::min(kCopyChunk, range.end - at));
            if (!block.missing.isEmpty()) {
                *error = tr("The bytes at offset %1 can no longer be read: nothing more was saved.")
                             .arg(at);
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
    if (!file.open(QIODevice::WriteOnly)) {
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
            *error = tr("The bytes at offset %1 can no longer be read: %2 was not written.")
                         .arg(at)
                         .arg(path);
            return false;
        }
        if (file.write(block.bytes) != block.bytes.size()) {
            file.cancelWriting();
            *error = tr("Writing %1 failed: %2.").arg(path, file.errorString());
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
    m_model->undoStack()->setIndex(m_model->undoStack()->cleanIndex());
    m_model->markSaved(); // the bytes are the flushed ones again
    return true;
}

void Document::checkFileOnDisk()
{
    // Some programs replace a file by renaming over it: keep watching the path.
    if (!m_watcher->files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
    const qint64 size = m_model->fileSize();
    if (size < 0 || size == m_knownFileSize)
        return;
    const qint64 old = m_knownFileSize;
    m_knownFileSize = size;
    emit fileSizeChangedOnDisk(old, size);
}

} // namespace hexmap
