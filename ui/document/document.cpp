#include "document.h"

#include "bookmarks.h"
#include "errors.h"
#include "filechanges.h"
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

Document::Mode modeOf(Access access)
{
    using Mode = Document::Mode;
    switch (access) {
    case Access::Read:
        return Mode::ReadOnly;
    case Access::Copy:
        return Mode::CopyOnWrite;
    case Access::Write:
    case Access::Default:
        return Mode::InPlace;
    }
    return Mode::ReadOnly;
}

} // namespace

Document::Document(MappedFile file, QString path, qint64 length, QObject *parent)
    : QObject(parent)
    , m_file(std::move(file))
    , m_path(std::move(path))
    , m_options {.mode = modeOf(m_file.access()),
          .offset = m_file.offset(),
          .length = length,
          .trackfd = m_file.trackfd()}
    , m_undoStack(new QUndoStack(this))
    , m_table(std::make_unique<HexModel>(this))
    , m_bookmarks(new Bookmarks(this))
{
    if (m_file.descriptor() >= 0)
        m_fileChanges = std::make_unique<FileChanges>(m_file.descriptor());
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
    // The document's own resizes change the file too: they are not news.
    connect(this, &Document::changed, this, [this](const DocumentChange &change) {
        if (change.sizeChanged)
            m_knownFileSize = fileSizeOnDisk();
    });
}

Document::~Document() = default;

QString Document::systemError(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

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
        result.document = std::make_unique<Document>(
            MappedFile(fd, effective.length, mapOptions, QFile::encodeName(absolute).toStdString()),
            absolute, effective.length);
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
        result.document = std::make_unique<Document>(MappedFile::anonymous(size, MAP_PRIVATE));
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
        result.document->overwrite(0, bytes);
        result.document->m_undoStack->clear(); // the copy is where the buffer starts
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

QString Document::whyNot(Operation op) const
{
    // The core states the map's own rules; this adds what only the document knows.
    const auto core = [this](MappedFile::Operation coreOp) {
        const auto why = m_file.whyNot(coreOp);
        return why ? QString::fromStdString(*why) : QString();
    };
    if (m_moving) {
        // Its progress dialog lets the event loop run: nothing else may change the bytes.
        return tr("An insert or delete is moving bytes: wait until it has ended.");
    }
    switch (op) {
    case Operation::Edit:
        if (m_file.whyNot(MappedFile::Operation::Write))
            return tr("The file is open read-only: edits are refused.");
        return {};
    case Operation::Resize:
        if (const QString why = core(MappedFile::Operation::Resize); !why.isEmpty())
            return tr("Cannot resize the %1 map: %2").arg(modeName(m_options.mode).toLower(), why);
        if (const QString tail = fileTailReason(); !tail.isEmpty())
            return tr("Cannot resize the map: %1").arg(tail);
        return {};
    case Operation::Splice:
        if (const QString why = whyNot(Operation::Edit); !why.isEmpty())
            return why;
        if (const QString why = core(MappedFile::Operation::Resize); !why.isEmpty()) {
            const QString instead = m_options.mode == Mode::CopyOnWrite
                ? tr(" Save As writes a copy that can; open it in place.")
                : QString();
            return tr("Cannot insert or delete bytes, which change the file's length: %1%2")
                .arg(why, instead);
        }
        if (const QString tail = fileTailReason(); !tail.isEmpty())
            return tr("Cannot insert or delete bytes: %1").arg(tail);
        return {};
    case Operation::Flush:
        if (const QString why = core(MappedFile::Operation::Flush); !why.isEmpty()) {
            const QString instead = m_options.mode == Mode::CopyOnWrite ? tr(" Use File ▸ Save.")
                : isScratch() ? tr(" Use File ▸ Save As to write it out.")
                              : QString();
            return tr("Nothing to flush: %1%2").arg(why, instead);
        }
        if (const QString mismatch = pathMismatch(); !mismatch.isEmpty())
            return tr("%1 Flushing would write into the old copy, which no other program sees: "
                      "nothing was flushed. Use Save As to keep your version.")
                .arg(mismatch);
        return {};
    case Operation::Save:
        if (m_options.mode != Mode::CopyOnWrite)
            return tr("Only a copy-on-write document is saved; edit in place flushes instead.");
        if (const QString mismatch = pathMismatch(); !mismatch.isEmpty())
            return tr("%1 Nothing was saved: the modified bytes belong to the old file. Use Save "
                      "As to keep your version.")
                .arg(mismatch);
        return {};
    case Operation::Remap:
        if (const QString why = core(MappedFile::Operation::Remap); !why.isEmpty())
            return tr("Cannot map the file again: %1").arg(why);
        if (m_options.mode == Mode::CopyOnWrite && !m_modified.empty())
            return tr("Save or discard the copy-on-write edits first: they live only in the "
                      "current map.");
        return {};
    }
    return {};
}

bool Document::fail(const QString &message)
{
    m_lastError = message;
    emit failed(message);
    return false;
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
