#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include <climits>

namespace hexmap {

class Document;
struct DocumentChange;

// A Document as a Qt table, for Qt's item views: one row per page, one column per byte
// of the page, so that rows stay valid Qt ints up to 8 TiB and match the unit of flush
// and madvise. A thin adapter: reads and writes go to the document, and its change
// notifications come out as dataChanged and row signals. Past kMaxTableBytes the
// table has no rows; the document's own API reaches every byte.
class HexModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        ByteRole = Qt::UserRole + 1, // int 0..255
        PageBytesRole, // QByteArray: the whole row's bytes; invalid if unreadable
    };
    // The largest map whose every page has a row.
    static constexpr qint64 kMaxTableBytes = qint64(INT_MAX) * 4096;

    explicit HexModel(Document *document);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(
        const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Overwrites the byte as one undo step (Document::overwrite).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] qint64 offsetOf(const QModelIndex &index) const;
    // The cell of the byte at offset; invalid past the map or past kMaxTableBytes.
    [[nodiscard]] QModelIndex indexOf(qint64 offset) const;

private:
    // Turns the document's change into the table's signals: rows first, then cells.
    void follow(const DocumentChange &change);
    void bytesChanged(qint64 offset, qint64 count);
    void sizeChanged(qint64 oldSize, qint64 newSize);
    [[nodiscard]] int rowsFor(qint64 size) const;
    [[nodiscard]] bool isCell(const QModelIndex &index) const;

    Document *m_document;
    qint64 m_size; // the document's size as the table last told its views
    int m_rows;
};

} // namespace hexmap
