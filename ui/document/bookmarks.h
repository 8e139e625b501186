#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QString>

namespace hexmap {

struct DocumentChange;

class Document;
struct DocumentChange;

// A named, coloured range of a document's bytes. Offsets are the document's (from the
// map's start); one may lie before it or past its end (a window of the file, a file that
// shrank): it is kept, and shown as out of range.
struct Bookmark
{
    qint64 start = 0;
    qint64 length = 1; // at least 1
    QString name {};
    QColor color {};

    [[nodiscard]] qint64 end() const { return start + length; }
    [[nodiscard]] bool overlaps(qint64 from, qint64 to) const { return start < to && from < end(); }
    bool operator==(const Bookmark &) const = default;
};

// The bookmarks of one document, without any widget: a list kept in order of offset
// (then length), and its face as a Qt table (offset, length, name, a preview of the
// bytes) for the dock. Every operation that changes the list emits bookmarksChanged()
// once; the document's own changes only refresh the table's cells.
class Bookmarks : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { OffsetColumn, LengthColumn, NameColumn, PreviewColumn, ColumnCount };
    // How many bytes the preview shows.
    static constexpr qint64 kPreviewBytes = 8;
    // The colours offered, in the order new bookmarks take them.
    [[nodiscard]] static QList<QColor> palette();

    explicit Bookmarks(Document *document);

    [[nodiscard]] const QList<Bookmark> &entries() const { return m_entries; }
    [[nodiscard]] int count() const { return int(m_entries.size()); }
    [[nodiscard]] const Bookmark &at(int row) const { return m_entries.at(row); }
    // Whether the bookmark's bytes all lie inside the map and the file still backs them.
    [[nodiscard]] bool isInRange(const Bookmark &bookmark) const;
    [[nodiscard]] bool isInRange(int row) const { return isInRange(m_entries.at(row)); }
    // The row of the first bookmark holding offset, or -1.
    [[nodiscard]] int rowAt(qint64 offset) const;
    // The bookmarks that overlap [from, to), in order; only those that start within the
    // longest bookmark's length before from are looked at (what a paint asks for).
    [[nodiscard]] QList<Bookmark> overlapping(qint64 from, qint64 to) const;

    // Adds bookmark (a length below 1 counts as 1) where its offset puts it; an empty
    // name becomes "Bookmark N", an invalid colour the next of the palette. Its row.
    int add(Bookmark bookmark);
    // Adds every one of bookmarks not already there (same start and length), as one
    // operation; how many were added.
    int addAll(const QList<Bookmark> &bookmarks);
    void remove(int row) { remove(QList<int> {row}); }
    // Removes the bookmarks of rows (each once, in any order) as one operation.
    void remove(QList<int> rows);
    void removeAll();
    void rename(int row, const QString &name);
    void setColor(int row, const QColor &color);
    // Removes the bookmarks that overlap [start, start + length) (a length below 1 counts
    // as 1) if there are any, otherwise adds one there. True if it added one.
    bool toggle(qint64 start, qint64 length);
    // The row of the next in-range bookmark starting after offset, wrapping to the first;
    // -1 when none is in range.
    [[nodiscard]] int next(qint64 offset) const;
    // The row of the last in-range bookmark starting before offset, wrapping to the last.
    [[nodiscard]] int previous(qint64 offset) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(
        const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Renames (the name column).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The list changed: added, removed, renamed or recoloured bookmarks. Once per operation.
    void bookmarksChanged();

private:
    // Where bookmark goes to keep the order.
    [[nodiscard]] int insertionRow(const Bookmark &bookmark) const;
    // Inserts without telling bookmarksChanged().
    int insert(Bookmark bookmark);
    // The end of the bytes bookmarks may cover now: the map's size, less what the file
    // no longer backs.
    [[nodiscard]] qint64 usableEnd() const;
    [[nodiscard]] QString preview(const Bookmark &bookmark) const;
    // Every cell may show something else (the bytes or the map's size changed).
    void refreshCells();
    // Moves each bookmark with its bytes after an insert or delete; one whose bytes all
    // went keeps one byte where they were.
    void followShifts(const DocumentChange &change);

    Document *m_document;
    QList<Bookmark> m_entries;
    qint64 m_longest = 0; // at least the longest bookmark's length
};

} // namespace hexmap
