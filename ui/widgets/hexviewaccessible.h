#pragma once

#include <QAccessibleWidget>
#include <QHash>
#include <QMetaObject>
#include <QPointer>

namespace hexmap {

class HexView;

// Installs the accessibility factory that gives every HexView a HexViewAccessible (once
// per process; HexView's constructor calls it).
void installHexViewAccessibility();

// A HexView as screen readers see it: a table whose rows are the view's lines and whose
// columns are the bytes of a line, and the text pane as text. QAccessible's indices are
// ints: child i is the byte at offset i, and the counts stop at INT_MAX (a file of more
// than 2 GiB has more bytes than a child index reaches; cellAt(row, column) reaches
// 2^31 lines). Cells are made on demand, registered with QAccessible's cache and
// forgotten once more than kMaxCells were made, so a 64 GiB file makes no more objects
// than a small one. Every read goes through Document::read: bytes a truncated file no
// longer backs read as "unreadable".
//
// The cursor is the focus: when it moves, a Focus event names its cell (while the view
// has the keyboard focus) and a text caret event its offset; a selection change sends a
// text selection event. Text offsets are byte offsets: the text has one character per
// byte, the character the pane shows on a lead byte, a space on its continuation bytes,
// '.' where it shows '.', U+FFFD for a character outside the BMP or a missing byte.
class HexViewAccessible : public QAccessibleWidget,
                          public QAccessibleTableInterface,
                          public QAccessibleTextInterface
{
public:
    static constexpr int kMaxCells = 4096;
    // selectedCells(), selectedRows() and text() give at most this many.
    static constexpr int kMaxListed = 256;
    static constexpr int kMaxText = 1 << 20;

    // Where the events go: QAccessible::updateAccessibility while an assistive technology
    // listens (QAccessible::isActive()), or instead to listener when one is set (tests: the
    // offscreen platform has no accessibility bridge, so it is never active there).
    using Listener = void (*)(QAccessibleEvent *event);
    static void setListener(Listener listener);

    explicit HexViewAccessible(HexView *view);
    ~HexViewAccessible() override;

    [[nodiscard]] HexView *view() const;
    // The cell of the byte at offset, made on demand; null past the data.
    [[nodiscard]] QAccessibleInterface *cellAtOffset(qint64 offset) const;
    // What a cell says: its offset as the offset column shows it (its Name), and its byte in
    // hex with the character the text pane shows, "unreadable" for a missing byte (its
    // Value, and its Description, which AT-SPI passes on to screen readers).
    [[nodiscard]] QString offsetName(qint64 offset) const;
    [[nodiscard]] QString byteValue(qint64 offset) const;

    // QAccessibleInterface
    void *interface_cast(QAccessible::InterfaceType type) override;
    [[nodiscard]] QAccessible::Role role() const override;
    [[nodiscard]] QString text(QAccessible::Text type) const override;
    [[nodiscard]] int childCount() const override;
    [[nodiscard]] QAccessibleInterface *child(int index) const override;
    [[nodiscard]] int indexOfChild(const QAccessibleInterface *child) const override;
    [[nodiscard]] QAccessibleInterface *childAt(int x, int y) const override;
    [[nodiscard]] QAccessibleInterface *focusChild() const override;

    // QAccessibleTableInterface
    [[nodiscard]] QAccessibleInterface *caption() const override { return nullptr; }
    [[nodiscard]] QAccessibleInterface *summary() const override { return nullptr; }
    [[nodiscard]] QAccessibleInterface *cellAt(int row, int column) const override;
    [[nodiscard]] int selectedCellCount() const override;
    [[nodiscard]] QList<QAccessibleInterface *> selectedCells() const override;
    [[nodiscard]] QString columnDescription(int column) const override;
    [[nodiscard]] QString rowDescription(int row) const override;
    [[nodiscard]] int selectedColumnCount() const override;
    [[nodiscard]] int selectedRowCount() const override;
    [[nodiscard]] int columnCount() const override;
    [[nodiscard]] int rowCount() const override;
    [[nodiscard]] QList<int> selectedColumns() const override;
    [[nodiscard]] QList<int> selectedRows() const override;
    [[nodiscard]] bool isColumnSelected(int column) const override;
    [[nodiscard]] bool isRowSelected(int row) const override;
    bool selectRow(int row) override;
    bool selectColumn(int) override { return false; } // not one range of bytes
    bool unselectRow(int row) override;
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent *) override { }

    // QAccessibleTextInterface
    void selection(int selectionIndex, int *startOffset, int *endOffset) const override;
    [[nodiscard]] int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    [[nodiscard]] int cursorPosition() const override;
    void setCursorPosition(int position) override;
    [[nodiscard]] QString text(int startOffset, int endOffset) const override;
    // A character is a byte; every other boundary is the view's line.
    [[nodiscard]] QString textBeforeOffset(int offset, QAccessible::TextBoundaryType boundary,
        int *startOffset, int *endOffset) const override;
    [[nodiscard]] QString textAfterOffset(int offset, QAccessible::TextBoundaryType boundary,
        int *startOffset, int *endOffset) const override;
    [[nodiscard]] QString textAtOffset(int offset, QAccessible::TextBoundaryType boundary,
        int *startOffset, int *endOffset) const override;
    [[nodiscard]] int characterCount() const override;
    [[nodiscard]] QRect characterRect(int offset) const override;
    [[nodiscard]] int offsetAtPoint(const QPoint &point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    [[nodiscard]] QString attributes(int, int *startOffset, int *endOffset) const override;

    // The byte's cell on screen, in a pane of the view (empty when not shown).
    [[nodiscard]] QRect screenRect(qint64 offset, bool textPane) const;

private:
    [[nodiscard]] qint64 dataSize() const;
    [[nodiscard]] int bytesPerLine() const;
    // [start, end) of the unit around offset: one byte, or its line.
    [[nodiscard]] std::pair<qint64, qint64> unitAt(
        qint64 offset, QAccessible::TextBoundaryType boundary) const;
    [[nodiscard]] QString textOfUnit(qint64 offset, QAccessible::TextBoundaryType boundary,
        int *startOffset, int *endOffset) const;
    static bool heard();
    static void tell(QAccessibleEvent *event);
    void tellCursor() const;
    void tellSelection() const;

    mutable QHash<qint64, QAccessible::Id> m_cells; // by offset
    QMetaObject::Connection m_cursorConnection;
    QMetaObject::Connection m_selectionConnection;
};

} // namespace hexmap
