#include "hexmodel.h"

#include "errors.h"
#include "filechanges.h"
#include "hexcommand.h"
#include "inputparsing.h"
#include "overwritecommand.h"
#include "resizecommand.h"

#include <QUndoStack>

#include <sys/mman.h>

namespace hexmap {

namespace {
QString messageOf(const Error &error)
{
    return QString::fromUtf8(error.what());
}
} // namespace

qsizetype ByteBlock::firstMissing() const
{
    for (qsizetype i = 0; i < missing.size(); ++i) {
        if (missing.testBit(i))
            return i;
    }
    return -1;
}

HexModel::HexModel(MappedFile file, QObject *parent)
    : QAbstractTableModel(parent)
    , m_file(std::move(file))
    , m_undoStack(new QUndoStack(this))
    , m_rows(rowsFor(m_file.size()))
{
    if (m_file.descriptor() >= 0)
        m_fileChanges = std::make_unique<FileChanges>(m_file.descriptor());
}

HexModel::HexModel(std::unique_ptr<MemoryMap> map, QObject *parent)
    : HexModel(MappedFile(std::shared_ptr<MemoryMap>(std::move(map))), parent)
{
}

HexModel::HexModel(int fd, qint64 length, const MapOptions &options, QObject *parent)
    : HexModel(MappedFile(fd, length, options), parent)
{
}

HexModel::~HexModel() = default;

qint64 HexModel::pageSize()
{
    return hexmap::pageSize();
}

int HexModel::rowsFor(qint64 size) const
{
    const qint64 rows = (std::min(size, kMaxTableBytes) + pageSize() - 1) / pageSize();
    return int(rows);
}

void HexModel::fail(const QString &message)
{
    m_lastError = message;
    emit editFailed(message);
}

bool HexModel::isCell(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < m_rows
        && index.column() < columnCount();
}

int HexModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int HexModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(pageSize());
}

qint64 HexModel::size() const
{
    return m_file.size();
}

qint64 HexModel::fileSize() const
{
    return m_file.fileSize();
}

qint64 HexModel::backedBytes() const
{
    return m_file.backedBytes();
}

qint64 HexModel::offsetOf(const QModelIndex &index) const
{
    return qint64(index.row()) * pageSize() + index.column();
}

QModelIndex HexModel::indexOf(qint64 offset) const
{
    if (offset < 0 || offset >= std::min(size(), kMaxTableBytes))
        return {};
    return index(int(offset / pageSize()), int(offset % pageSize()));
}

ByteBlock HexModel::read(qint64 offset, qint64 count) const
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

QVariant HexModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const qint64 offset = offsetOf(index);
    if (role == PageBytesRole) {
        const ByteBlock page = read(qint64(index.row()) * pageSize(), pageSize());
        return page.missing.isEmpty() ? QVariant(page.bytes) : QVariant();
    }
    if (offset >= size() || (role != Qt::DisplayRole && role != Qt::EditRole && role != ByteRole))
        return {};
    const ByteBlock block = read(offset, 1);
    if (block.isMissing(0) || block.bytes.isEmpty())
        return {};
    const auto byte = quint8(block.bytes.at(0));
    if (role == Qt::DisplayRole)
        return QStringLiteral("%1").arg(byte, 2, 16, QLatin1Char('0')).toUpper();
    return int(byte);
}

bool HexModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index) || (role != Qt::EditRole && role != ByteRole))
        return false;
    bool ok = false;
    const int byte = value.toInt(&ok);
    if (!ok || byte < 0 || byte > 255)
        return false;
    return overwrite(offsetOf(index), QByteArray(1, char(byte)));
}

Qt::ItemFlags HexModel::flags(const QModelIndex &index) const
{
    if (!isCell(index) || offsetOf(index) >= size())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant HexModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    const qint64 value = orientation == Qt::Horizontal ? section : qint64(section) * pageSize();
    return QStringLiteral("%1").arg(value, 0, 16).toUpper();
}

bool HexModel::isReadOnly() const
{
    return m_file.access() == Access::Read;
}

bool HexModel::isCopyOnWrite() const
{
    return m_file.access() == Access::Copy;
}

bool HexModel::isAnonymous() const
{
    return m_file.isAnonymous();
}

bool HexModel::overwrite(qint64 offset, const QByteArray &bytes, EditKind kind)
{
    if (isReadOnly()) {
        fail(tr("The file is open read-only: edits are refused."));
        return false;
    }
    if (offset < 0 || bytes.size() > size() - offset) {
        fail(tr("%1 at offset %2 do not fit in the map (%3 bytes).")
                 .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")))
                 .arg(offset)
                 .arg(size()));
        return false;
    }
    if (bytes.isEmpty())
        return true;
    const ByteBlock before = read(offset, bytes.size());
    if (!before.missing.isEmpty()) {
        fail(tr("Cannot write at offset %1: %2. Nothing was changed.")
                 .arg(offset + before.firstMissing())
                 .arg(before.whyMissing));
        return false;
    }
    if (!writeBytes(offset, bytes))
        return false;
    m_undoStack->push(
        new OverwriteCommand(this, offset, before.bytes, bytes, kind == EditKind::Typing));
    return true;
}

bool HexModel::undo()
{
    return m_undoStack->canUndo() && step(false);
}

bool HexModel::redo()
{
    return m_undoStack->canRedo() && step(true);
}

bool HexModel::step(bool forward)
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
            emit modifiedRangesChanged();
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
    emit modifiedRangesChanged();
    fail(tr("%1 failed; nothing was changed: %2").arg(forward ? tr("Redo") : tr("Undo"), why));
    return false;
}

bool HexModel::writeBytes(qint64 offset, const QByteArray &bytes)
{
    const ByteBlock current = read(offset, bytes.size());
    if (offset < 0 || current.bytes.size() != bytes.size()) {
        fail(tr("%1 at offset %2 do not fit in the map (%3 bytes).")
                 .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")))
                 .arg(offset)
                 .arg(size()));
        return false;
    }
    if (!current.missing.isEmpty()) {
        fail(tr("Cannot write at offset %1: %2. Nothing was changed.")
                 .arg(offset + current.firstMissing())
                 .arg(current.whyMissing));
        return false;
    }
    try {
        // All or nothing: the core touches every page before it copies a byte.
        const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
        m_file.write(offset, {data, size_t(bytes.size())});
    } catch (const Error &error) {
        fail(tr("Cannot write %1 at offset %2: %3. Nothing was changed.")
                 .arg(input::formatCount(bytes.size(), tr("byte"), tr("bytes")))
                 .arg(offset)
                 .arg(messageOf(error)));
        return false;
    }
    noteWritten(offset, bytes.size());
    return true;
}

void HexModel::noteWritten(qint64 offset, qint64 count)
{
    m_modified.add(offset, offset + count);
    emitBytesChanged(offset, count);
    emit modifiedRangesChanged();
}

void HexModel::emitBytesChanged(qint64 offset, qint64 count)
{
    emit bytesChanged(offset, count);
    const QModelIndex first = indexOf(offset);
    const QModelIndex last = indexOf(offset + count - 1);
    if (!first.isValid() || !last.isValid())
        return;
    if (first.row() == last.row())
        emit dataChanged(first, last);
    else
        emit dataChanged(index(first.row(), 0), index(last.row(), columnCount() - 1));
}

void HexModel::dropHistory()
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

void HexModel::noteOutsideChanges()
{
    if (m_fileChanges && m_fileChanges->changed())
        m_fileChangedSinceClean = true;
}

void HexModel::ignoreOwnChanges()
{
    if (m_fileChanges)
        (void)m_fileChanges->changed();
}

std::pair<qint64, qint64> HexModel::pagesCovering(qint64 start, qint64 length) const
{
    const qint64 first = std::clamp<qint64>(start, 0, size());
    const qint64 last = first + std::clamp<qint64>(length, 0, size() - first);
    return {first, std::min(size(), (last + pageSize() - 1) / pageSize() * pageSize())};
}

bool HexModel::fileGoesPastMap() const
{
    return !isAnonymous() && fileSize() > m_file.mapEnd();
}

QString HexModel::whyNotResize() const
{
    if (isReadOnly())
        return tr("This map is read-only (ACCESS_READ): mmap cannot resize it.");
    if (isCopyOnWrite())
        return tr("This map is copy-on-write (ACCESS_COPY): resizing would change the file, so "
                  "mmap refuses.");
    if (!trackfd())
        return tr("This map keeps no file descriptor (trackfd=False): mmap cannot resize it.");
    return fileTailReason();
}

QString HexModel::fileTailReason() const
{
    if (!fileGoesPastMap())
        return {};
    const qint64 file = fileSize();
    const qint64 mapEnd = m_file.mapEnd();
    return tr("the file goes on for %1 past the map's end (another program appended them, or "
              "the map is a window): a resize would cut the file there. Map the whole file "
              "first.")
        .arg(input::formatCount(file - mapEnd, tr("byte"), tr("bytes")));
}

bool HexModel::canUndoResize(qint64 newSize) const
{
    return newSize >= size() || size() - newSize <= kMaxUndoableCut;
}

bool HexModel::resize(qint64 newSize)
{
    const qint64 oldSize = size();
    if (newSize == oldSize)
        return true;
    QByteArray cut;
    const bool undoable = canUndoResize(newSize);
    if (undoable && newSize < oldSize && newSize >= 0) {
        const ByteBlock block = read(newSize, oldSize - newSize);
        if (!block.missing.isEmpty()) {
            fail(tr("The byte at offset %1 can no longer be read (%2): it cannot be kept for "
                    "undo, so nothing was cut.")
                     .arg(newSize + block.firstMissing())
                     .arg(block.whyMissing));
            return false;
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

bool HexModel::applyResize(qint64 newSize, const QByteArray &restoredTail)
{
    const qint64 oldSize = size();
    if (newSize == oldSize)
        return true;
    if (const QString why = fileTailReason(); !why.isEmpty()) {
        fail(tr("Cannot resize to %1 bytes: %2").arg(newSize).arg(why));
        return false;
    }
    noteOutsideChanges();
    try {
        if (newSize < oldSize && isAnonymous())
            zeroCutPartOfPage(newSize, oldSize);
        m_file.resize(newSize);
    } catch (const Error &error) {
        ignoreOwnChanges();
        fail(tr("Cannot resize to %1 bytes: %2").arg(newSize).arg(messageOf(error)));
        return false;
    }
    ignoreOwnChanges(); // the resize's own ftruncate
    if (newSize < oldSize && !isAnonymous())
        m_fileChangedSinceClean = true; // the cut bytes left the file, not only the map
    // The map has its new size; tell views, rows first.
    const int newRows = rowsFor(newSize);
    if (newRows > m_rows) {
        beginInsertRows({}, m_rows, newRows - 1);
        m_rows = newRows;
        endInsertRows();
    } else if (newRows < m_rows) {
        beginRemoveRows({}, newRows, m_rows - 1);
        m_rows = newRows;
        endRemoveRows();
    }
    // The page that holds the old or the new end changed partly.
    const qint64 boundary = std::min(oldSize, newSize);
    if (boundary > 0 && m_rows > 0) {
        const int row = int(std::min<qint64>((boundary - 1) / pageSize(), m_rows - 1));
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    m_modified.truncate(newSize);
    emit sizeChanged(newSize);
    emit modifiedRangesChanged();
    if (!restoredTail.isEmpty() && !writeBytes(oldSize, restoredTail)) {
        const QString why = m_lastError;
        applyResize(oldSize, {}); // the tail could not come back: neither does the size
        fail(why);
        return false;
    }
    return true;
}

void HexModel::markSaved()
{
    ignoreOwnChanges(); // a Save's own writes; after a flush all is durable
    m_fileChangedSinceClean = false;
    m_modified.clear();
    m_undoStack->setClean();
    emit modifiedRangesChanged();
}

void HexModel::markFlushed(qint64 start, qint64 end)
{
    m_modified.remove(start, end);
    if (m_modified.empty()) {
        noteOutsideChanges();
        m_undoStack->setClean();
        m_fileChangedSinceClean = false;
    }
    emit modifiedRangesChanged();
    emit residencyMayHaveChanged();
}

bool HexModel::advise(int option, qint64 start, qint64 length, bool dropsBytes)
{
    if (!m_file.map()) {
        fail(tr("The map is empty: there is nothing to advise."));
        return false;
    }
    const auto [first, end] = pagesCovering(start, length);
    noteOutsideChanges();
    try {
        if (option == MADV_REMOVE)
            removeKeepingFileTail(start, end);
        else
            m_file.advise(option, start, length);
    } catch (const Error &error) {
        ignoreOwnChanges();
        fail(tr("madvise failed: %1").arg(messageOf(error)));
        return false;
    }
    ignoreOwnChanges(); // MADV_REMOVE punches the file
    if (dropsBytes) {
        m_modified.remove(first, end);
        dropHistory();
        emit modifiedRangesChanged();
    }
    if (end > first)
        emitBytesChanged(first, end - first);
    emit residencyMayHaveChanged();
    return true;
}

void HexModel::removeKeepingFileTail(qint64 start, qint64 end)
{
    const qint64 lastPage = size() / pageSize() * pageSize();
    const bool sharedFile = !isAnonymous() && !isReadOnly() && !isCopyOnWrite();
    const bool tailInFile = sharedFile && end == size() && lastPage < size() && fileGoesPastMap();
    if (!tailInFile || start > lastPage) {
        m_file.advise(MADV_REMOVE, start, end - start);
        return;
    }
    if (lastPage > start)
        m_file.advise(MADV_REMOVE, start, lastPage - start);
    const std::vector<std::uint8_t> zeros(size_t(size() - lastPage));
    m_file.write(lastPage, {zeros.data(), zeros.size()});
    m_file.map()->flush(lastPage, size() - lastPage);
}

void HexModel::zeroCutPartOfPage(qint64 newSize, qint64 oldSize)
{
    // mremap keeps a partial last page whole: without this, growing again would show
    // the bytes cut from it instead of zeros.
    const qint64 pageEnd = std::min(oldSize, (newSize + pageSize() - 1) / pageSize() * pageSize());
    if (pageEnd <= newSize)
        return;
    const std::vector<std::uint8_t> zeros(size_t(pageEnd - newSize));
    m_file.write(newSize, {zeros.data(), zeros.size()});
}

bool HexModel::remap(qint64 length)
{
    if (const auto why = m_file.whyNot(MappedFile::Operation::Remap)) {
        fail(tr("Cannot map the file again: %1").arg(QString::fromStdString(*why)));
        return false;
    }
    if (isCopyOnWrite() && !m_modified.empty()) {
        fail(tr(
            "Save or discard the copy-on-write edits first: they live only in the current map."));
        return false;
    }
    beginResetModel();
    try {
        m_file.remap(length);
    } catch (const Error &error) {
        endResetModel(); // the old map stays
        fail(tr("Cannot map the file again: %1").arg(messageOf(error)));
        return false;
    }
    m_rows = rowsFor(size());
    m_modified.truncate(size());
    endResetModel();
    emit sizeChanged(size());
    emit modifiedRangesChanged();
    return true;
}

bool HexModel::flush()
{
    if (isCopyOnWrite()) {
        fail(tr("A copy-on-write map never writes to its file: use Save."));
        return false;
    }
    try {
        if (m_file.map())
            m_file.map()->flush();
    } catch (const Error &error) {
        fail(tr("Flush failed; the edits are not marked as saved: %1").arg(messageOf(error)));
        return false;
    }
    markSaved();
    emit residencyMayHaveChanged();
    return true;
}

} // namespace hexmap
