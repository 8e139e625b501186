#include "bookmarks.h"

#include "document.h"
#include "inputparsing.h"

#include <algorithm>
#include <functional>

namespace hexmap {

namespace {
// The list's order: by offset, then by length.
bool comesBefore(const Bookmark &a, const Bookmark &b)
{
    return std::pair(a.start, a.length) < std::pair(b.start, b.length);
}
} // namespace

QList<QColor> Bookmarks::palette()
{
    return {QColor(0x1e, 0x88, 0xe5), QColor(0x43, 0xa0, 0x47), QColor(0x8e, 0x24, 0xaa),
        QColor(0xe5, 0x39, 0x35), QColor(0x00, 0xac, 0xc1), QColor(0x6d, 0x4c, 0x41)};
}

Bookmarks::Bookmarks(Document *document)
    : QAbstractTableModel(document)
    , m_document(document)
{
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        if (!change.shifts.empty())
            followShifts(change);
        else if (change.hasBytes() || change.sizeChanged || change.remapped)
            refreshCells();
    });
    connect(document, &Document::changedOnDisk, this, &Bookmarks::refreshCells);
}

void Bookmarks::followShifts(const DocumentChange &change)
{
    if (m_entries.isEmpty()) {
        refreshCells();
        return;
    }
    beginResetModel();
    m_longest = 0;
    for (Bookmark &bookmark : m_entries) {
        const qint64 start = change.shifted(bookmark.start);
        bookmark.length = std::max<qint64>(change.shiftedEnd(bookmark.end()) - start, 1);
        bookmark.start = start;
        m_longest = std::max(m_longest, bookmark.length);
    }
    // Shifts keep the order of starts and of ends; only ties may need sorting again.
    std::stable_sort(m_entries.begin(), m_entries.end(), comesBefore);
    endResetModel();
    emit bookmarksChanged();
}

qint64 Bookmarks::usableEnd() const
{
    return std::min(m_document->size(), m_document->backedBytes());
}

bool Bookmarks::isInRange(const Bookmark &bookmark) const
{
    return bookmark.start >= 0 && bookmark.end() <= usableEnd();
}

int Bookmarks::rowAt(qint64 offset) const
{
    for (int row = 0; row < count(); ++row) {
        if (m_entries.at(row).overlaps(offset, offset + 1))
            return row;
    }
    return -1;
}

QList<Bookmark> Bookmarks::overlapping(qint64 from, qint64 to) const
{
    QList<Bookmark> found;
    auto at = std::lower_bound(m_entries.cbegin(), m_entries.cend(), from - m_longest,
        [](const Bookmark &bookmark, qint64 start) { return bookmark.start < start; });
    for (; at != m_entries.cend() && at->start < to; ++at) {
        if (at->overlaps(from, to))
            found.append(*at);
    }
    return found;
}

int Bookmarks::insertionRow(const Bookmark &bookmark) const
{
    const auto at = std::upper_bound(m_entries.cbegin(), m_entries.cend(), bookmark, comesBefore);
    return int(at - m_entries.cbegin());
}

int Bookmarks::insert(Bookmark bookmark)
{
    bookmark.length = std::max<qint64>(bookmark.length, 1);
    if (bookmark.name.isEmpty())
        bookmark.name = tr("Bookmark %1").arg(count() + 1);
    if (!bookmark.color.isValid())
        bookmark.color = palette().at(count() % palette().size());
    m_longest = std::max(m_longest, bookmark.length);
    const int row = insertionRow(bookmark);
    beginInsertRows({}, row, row);
    m_entries.insert(row, bookmark);
    endInsertRows();
    return row;
}

int Bookmarks::add(Bookmark bookmark)
{
    const int row = insert(std::move(bookmark));
    emit bookmarksChanged();
    return row;
}

int Bookmarks::addAll(const QList<Bookmark> &bookmarks)
{
    int added = 0;
    for (const Bookmark &bookmark : bookmarks) {
        const bool there
            = std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Bookmark &b) {
                  return b.start == bookmark.start
                      && b.length == std::max<qint64>(bookmark.length, 1);
              });
        if (!there) {
            insert(bookmark);
            ++added;
        }
    }
    if (added > 0)
        emit bookmarksChanged();
    return added;
}

void Bookmarks::remove(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater());
    for (const int row : rows) {
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }
    emit bookmarksChanged();
}

void Bookmarks::removeAll()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    m_longest = 0;
    endResetModel();
    emit bookmarksChanged();
}

void Bookmarks::rename(int row, const QString &name)
{
    if (m_entries.at(row).name == name)
        return;
    m_entries[row].name = name;
    emit dataChanged(index(row, NameColumn), index(row, NameColumn));
    emit bookmarksChanged();
}

void Bookmarks::setColor(int row, const QColor &color)
{
    if (!color.isValid() || m_entries.at(row).color == color)
        return;
    m_entries[row].color = color;
    emit dataChanged(index(row, NameColumn), index(row, NameColumn));
    emit bookmarksChanged();
}

bool Bookmarks::toggle(qint64 start, qint64 length)
{
    const qint64 end = start + std::max<qint64>(length, 1);
    bool removed = false;
    for (int row = count() - 1; row >= 0; --row) {
        if (m_entries.at(row).overlaps(start, end)) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
            removed = true;
        }
    }
    if (!removed)
        insert({.start = start, .length = end - start});
    emit bookmarksChanged();
    return !removed;
}

int Bookmarks::next(qint64 offset) const
{
    int first = -1;
    for (int row = 0; row < count(); ++row) {
        if (!isInRange(row))
            continue;
        if (m_entries.at(row).start > offset)
            return row;
        if (first < 0)
            first = row;
    }
    return first;
}

int Bookmarks::previous(qint64 offset) const
{
    int last = -1;
    for (int row = count() - 1; row >= 0; --row) {
        if (!isInRange(row))
            continue;
        if (m_entries.at(row).start < offset)
            return row;
        if (last < 0)
            last = row;
    }
    return last;
}

int Bookmarks::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int Bookmarks::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString Bookmarks::preview(const Bookmark &bookmark) const
{
    const qint64 shown = std::min(bookmark.length, kPreviewBytes);
    const ByteBlock block = m_document->read(bookmark.start, shown);
    QStringList pairs;
    for (qsizetype i = 0; i < block.bytes.size(); ++i) {
        pairs << (block.isMissing(i) ? QStringLiteral("··")
                                     : input::formatHex(block.bytes.mid(i, 1)));
    }
    return pairs.join(' ') + (bookmark.length > shown ? QStringLiteral(" …") : QString());
}

QVariant Bookmarks::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Bookmark &bookmark = m_entries.at(index.row());
    const bool inRange = isInRange(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OffsetColumn:
            return input::formatOffset(bookmark.start);
        case LengthColumn:
            return QString::number(bookmark.length);
        case NameColumn:
            return bookmark.name;
        case PreviewColumn:
            return inRange ? preview(bookmark) : tr("out of range");
        }
        return {};
    case Qt::EditRole:
        return index.column() == NameColumn ? QVariant(bookmark.name) : QVariant();
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(bookmark.color) : QVariant();
    case Qt::ToolTipRole:
        if (!inRange) {
            return tr("Out of range: the map holds %1 usable bytes; this bookmark is kept.")
                .arg(usableEnd());
        }
        return {};
    case Qt::ForegroundRole:
        return inRange ? QVariant() : QVariant(QColor(Qt::gray));
    default:
        return {};
    }
}

bool Bookmarks::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != NameColumn
        || role != Qt::EditRole)
        return false;
    rename(index.row(), value.toString());
    return true;
}

Qt::ItemFlags Bookmarks::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant Bookmarks::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OffsetColumn:
        return tr("Offset");
    case LengthColumn:
        return tr("Length");
    case NameColumn:
        return tr("Name");
    case PreviewColumn:
        return tr("Preview");
    }
    return {};
}

void Bookmarks::refreshCells()
{
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(count() - 1, ColumnCount - 1));
}

} // namespace hexmap
