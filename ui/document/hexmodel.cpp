#include "hexmodel.h"

#include "document.h"

namespace hexmap {

HexModel::HexModel(Document *document)
    : m_document(document)
    , m_size(document->size())
    , m_rows(rowsFor(m_size))
{
    connect(document, &Document::changed, this, &HexModel::follow);
}

int HexModel::rowsFor(qint64 size) const
{
    const qint64 page = Document::pageSize();
    return int((std::min(size, kMaxTableBytes) + page - 1) / page);
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
    return parent.isValid() ? 0 : int(Document::pageSize());
}

qint64 HexModel::offsetOf(const QModelIndex &index) const
{
    return qint64(index.row()) * Document::pageSize() + index.column();
}

QModelIndex HexModel::indexOf(qint64 offset) const
{
    if (offset < 0 || offset >= std::min(m_size, kMaxTableBytes))
        return {};
    return index(int(offset / Document::pageSize()), int(offset % Document::pageSize()));
}

QVariant HexModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const qint64 offset = offsetOf(index);
    if (role == PageBytesRole) {
        const ByteBlock page
            = m_document->read(qint64(index.row()) * Document::pageSize(), Document::pageSize());
        return page.missing.isEmpty() ? QVariant(page.bytes) : QVariant();
    }
    if (offset >= m_size || (role != Qt::DisplayRole && role != Qt::EditRole && role != ByteRole))
        return {};
    const ByteBlock block = m_document->read(offset, 1);
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
    return m_document->overwrite(offsetOf(index), QByteArray(1, char(byte)));
}

Qt::ItemFlags HexModel::flags(const QModelIndex &index) const
{
    if (!isCell(index) || offsetOf(index) >= m_size)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (m_document->whyNot(Document::Operation::Edit).isEmpty())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant HexModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    const qint64 value
        = orientation == Qt::Horizontal ? section : qint64(section) * Document::pageSize();
    return QStringLiteral("%1").arg(value, 0, 16).toUpper();
}

void HexModel::follow(const DocumentChange &change)
{
    if (change.remapped) {
        beginResetModel();
        m_size = m_document->size();
        m_rows = rowsFor(m_size);
        endResetModel();
        return;
    }
    if (change.sizeChanged)
        sizeChanged(m_size, m_document->size());
    if (change.hasBytes())
        bytesChanged(change.start, change.end - change.start);
}

void HexModel::bytesChanged(qint64 offset, qint64 count)
{
    const QModelIndex first = indexOf(offset);
    const QModelIndex last = indexOf(offset + count - 1);
    if (!first.isValid() || !last.isValid())
        return;
    if (first.row() == last.row())
        emit dataChanged(first, last);
    else
        emit dataChanged(index(first.row(), 0), index(last.row(), columnCount() - 1));
}

void HexModel::sizeChanged(qint64 oldSize, qint64 newSize)
{
    const int newRows = rowsFor(newSize);
    if (newRows > m_rows) {
        beginInsertRows({}, m_rows, newRows - 1);
        m_size = newSize;
        m_rows = newRows;
        endInsertRows();
    } else if (newRows < m_rows) {
        beginRemoveRows({}, newRows, m_rows - 1);
        m_size = newSize;
        m_rows = newRows;
        endRemoveRows();
    }
    m_size = newSize;
    // The page that holds the old or the new end changed partly.
    const qint64 boundary = std::min(oldSize, newSize);
    if (boundary > 0 && m_rows > 0) {
        const int row = int(std::min<qint64>((boundary - 1) / Document::pageSize(), m_rows - 1));
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

} // namespace hexmap
