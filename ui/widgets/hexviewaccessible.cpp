#include "hexviewaccessible.h"

#include "document.h"
#include "hexview.h"

#include <QScrollBar>

#include <algorithm>
#include <climits>
#include <vector>

namespace hexmap {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// One byte as the text pane shows it.
struct ShownByte
{
    char32_t character = 0; // 0: '.'
    bool continuation = false;
    bool missing = false;
};

// The bytes [start, end) of the view's document as its text pane shows them, read
// through the document's guarded read (with the bytes around them that their characters
// need).
std::vector<ShownByte> shownBytes(const HexView &view, qint64 start, qint64 end)
{
    const Document *document = view.document();
    std::vector<ShownByte> shown(
        size_t(std::max<qint64>(end - start, 0)), ShownByte {.missing = !document});
    if (!document || shown.empty())
        return shown;
    const TextDecoder &decoder = view.editor()->textDecoder();
    const qint64 readStart = decoder.decodeStart(start);
    const qint64 readEnd
        = std::min(end + maxCharacterLength(decoder.encoding()) - 1, document->size());
    const ByteBlock block = document->read(readStart, readEnd - readStart);
    const std::vector<TextCell> cells = decoder.cells(block.readable(), start - readStart);
    for (size_t i = 0; i < shown.size(); ++i) {
        const qsizetype at = qsizetype(start - readStart) + qsizetype(i);
        if (at >= block.bytes.size() || block.isMissing(at) || i >= cells.size()) {
            shown[i].missing = true;
            continue;
        }
        shown[i].character = cells[i].character;
        shown[i].continuation = cells[i].isContinuation();
    }
    return shown;
}

// One UTF-16 unit per byte, as HexViewAccessible's header says.
QChar unitOf(const ShownByte &byte)
{
    if (byte.missing)
        return QChar(kReplacement);
    if (byte.continuation)
        return QLatin1Char(' ');
    if (byte.character == 0)
        return QLatin1Char('.');
    return QChar::requiresSurrogates(byte.character) ? QChar(kReplacement)
                                                     : QChar(char16_t(byte.character));
}

HexViewAccessible::Listener g_listener = nullptr;

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, INT_MAX));
}

// A byte of the view: a table cell. It holds its offset and asks the table for the rest,
// so it stays right when the bytes per line change; past the data it is no longer valid.
class HexCellAccessible : public QAccessibleInterface, public QAccessibleTableCellInterface
{
public:
    HexCellAccessible(HexView *view, qint64 offset)
        : m_view(view)
        , m_offset(offset)
    {
    }

    [[nodiscard]] HexViewAccessible *owner() const
    {
        return m_view
            ? static_cast<HexViewAccessible *>(QAccessible::queryAccessibleInterface(m_view.data()))
            : nullptr;
    }

    // QAccessibleInterface
    [[nodiscard]] bool isValid() const override
    {
        return m_view && m_view->document() && m_offset < m_view->document()->size();
    }
    [[nodiscard]] QObject *object() const override { return nullptr; }
    [[nodiscard]] QWindow *window() const override
    {
        HexViewAccessible *t = owner();
        return t ? t->window() : nullptr;
    }
    [[nodiscard]] QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    [[nodiscard]] QAccessibleInterface *parent() const override { return owner(); }
    [[nodiscard]] QAccessibleInterface *child(int) const override { return nullptr; }
    [[nodiscard]] int childCount() const override { return 0; }
    [[nodiscard]] int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    [[nodiscard]] QString text(QAccessible::Text type) const override
    {
        HexViewAccessible *t = owner();
        if (!t || !isValid())
            return {};
        switch (type) {
        case QAccessible::Name:
            return t->offsetName(m_offset);
        case QAccessible::Value:
        case QAccessible::Description: // what AT-SPI passes on (Value needs a number)
            return t->byteValue(m_offset);
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override { }
    [[nodiscard]] QRect rect() const override
    {
        HexViewAccessible *t = owner();
        return t ? t->screenRect(m_offset, false) : QRect();
    }
    [[nodiscard]] QAccessible::Role role() const override { return QAccessible::Cell; }
    [[nodiscard]] QAccessible::State state() const override
    {
        QAccessible::State state;
        state.selectable = true;
        state.focusable = true;
        if (!isValid()) {
            state.invalid = true;
            return state;
        }
        state.selected = isSelected();
        state.focused = m_view->hasFocus() && m_view->cursorOffset() == m_offset;
        state.invisible = rect().isEmpty();
        return state;
    }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableCellInterface
            ? static_cast<QAccessibleTableCellInterface *>(this)
            : nullptr;
    }

    // QAccessibleTableCellInterface
    [[nodiscard]] bool isSelected() const override
    {
        return m_view && m_view->hasSelection() && m_offset >= m_view->selectionStart()
            && m_offset < m_view->selectionStart() + m_view->selectionLength();
    }
    [[nodiscard]] QList<QAccessibleInterface *> columnHeaderCells() const override { return {}; }
    [[nodiscard]] QList<QAccessibleInterface *> rowHeaderCells() const override { return {}; }
    [[nodiscard]] int columnIndex() const override
    {
        return m_view ? m_view->layout().columnOf(m_offset) : -1;
    }
    [[nodiscard]] int rowIndex() const override
    {
        return m_view ? clampToInt(m_view->layout().lineOf(m_offset)) : -1;
    }
    [[nodiscard]] int columnExtent() const override { return 1; }
    [[nodiscard]] int rowExtent() const override { return 1; }
    [[nodiscard]] QAccessibleInterface *table() const override { return owner(); }

private:
    QPointer<HexView> m_view;
    qint64 m_offset;
};

QAccessibleInterface *hexViewFactory(const QString &key, QObject *object)
{
    if (key != QLatin1String(HexView::staticMetaObject.className()))
        return nullptr;
    auto *view = qobject_cast<HexView *>(object);
    return view ? new HexViewAccessible(view) : nullptr;
}

} // namespace

void installHexViewAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(hexViewFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

void HexViewAccessible::setListener(Listener listener)
{
    g_listener = listener;
}

bool HexViewAccessible::heard()
{
    return g_listener || QAccessible::isActive();
}

void HexViewAccessible::tell(QAccessibleEvent *event)
{
    if (g_listener)
        g_listener(event);
    else
        QAccessible::updateAccessibility(event);
}

HexViewAccessible::HexViewAccessible(HexView *view)
    : QAccessibleWidget(view, QAccessible::Table)
{
    // The lambdas hold no pointer to this interface: they ask the cache for it.
    m_cursorConnection = QObject::connect(view, &HexView::cursorMoved, view, [view] {
        if (heard())
            static_cast<HexViewAccessible *>(QAccessible::queryAccessibleInterface(view))
                ->tellCursor();
    });
    m_selectionConnection = QObject::connect(view, &HexView::selectionChanged, view, [view] {
        if (heard())
            static_cast<HexViewAccessible *>(QAccessible::queryAccessibleInterface(view))
                ->tellSelection();
    });
}

HexViewAccessible::~HexViewAccessible()
{
    QObject::disconnect(m_cursorConnection);
    QObject::disconnect(m_selectionConnection);
    for (const QAccessible::Id id : std::as_const(m_cells))
        QAccessible::deleteAccessibleInterface(id);
}

HexView *HexViewAccessible::view() const
{
    return static_cast<HexView *>(widget());
}

qint64 HexViewAccessible::dataSize() const
{
    const Document *document = view()->document();
    return document ? document->size() : 0;
}

int HexViewAccessible::bytesPerLine() const
{
    return view()->layout().bytesPerLine();
}

QAccessibleInterface *HexViewAccessible::cellAtOffset(qint64 offset) const
{
    if (offset < 0 || offset >= dataSize())
        return nullptr;
    if (const auto found = m_cells.constFind(offset); found != m_cells.constEnd())
        return QAccessible::accessibleInterface(*found);
    if (m_cells.size() >= kMaxCells) {
        for (const QAccessible::Id id : std::as_const(m_cells))
            QAccessible::deleteAccessibleInterface(id);
        m_cells.clear();
    }
    auto *cell = new HexCellAccessible(view(), offset);
    m_cells.insert(offset, QAccessible::registerAccessibleInterface(cell));
    return cell;
}

QString HexViewAccessible::offsetName(qint64 offset) const
{
    return QStringLiteral("%1")
        .arg(offset, view()->layout().addressDigits(), 16, QLatin1Char('0'))
        .toUpper();
}

QString HexViewAccessible::byteValue(qint64 offset) const
{
    const ShownByte shown = shownBytes(*view(), offset, offset + 1).front();
    if (shown.missing)
        return HexView::tr("unreadable");
    const ByteBlock block = view()->document()->read(offset, 1);
    const QString hex
        = QStringLiteral("%1").arg(quint8(block.bytes.at(0)), 2, 16, QLatin1Char('0')).toUpper();
    if (shown.continuation)
        return hex;
    if (shown.character == 0)
        return hex + QStringLiteral(" .");
    return hex + QLatin1Char(' ') + QString::fromUcs4(&shown.character, 1);
}

void *HexViewAccessible::interface_cast(QAccessible::InterfaceType type)
{
    switch (type) {
    case QAccessible::TableInterface:
        return static_cast<QAccessibleTableInterface *>(this);
    case QAccessible::TextInterface:
        return static_cast<QAccessibleTextInterface *>(this);
    default:
        return QAccessibleWidget::interface_cast(type);
    }
}

QAccessible::Role HexViewAccessible::role() const
{
    return QAccessible::Table;
}

QString HexViewAccessible::text(QAccessible::Text type) const
{
    if (type == QAccessible::Name && view()->accessibleName().isEmpty())
        return HexView::tr("Bytes");
    if (type == QAccessible::Description && view()->accessibleDescription().isEmpty())
        return HexView::tr("%1 bytes, %2 per line").arg(dataSize()).arg(bytesPerLine());
    return QAccessibleWidget::text(type);
}

int HexViewAccessible::childCount() const
{
    return clampToInt(dataSize());
}

QAccessibleInterface *HexViewAccessible::child(int index) const
{
    return cellAtOffset(index);
}

int HexViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const QAccessible::Id id = QAccessible::uniqueId(const_cast<QAccessibleInterface *>(child));
    const qint64 offset = m_cells.key(id, -1);
    return offset <= INT_MAX ? int(offset) : -1;
}

QAccessibleInterface *HexViewAccessible::childAt(int x, int y) const
{
    const int offset = offsetAtPoint(QPoint(x, y));
    return offset < 0 ? nullptr : cellAtOffset(offset);
}

QAccessibleInterface *HexViewAccessible::focusChild() const
{
    return view()->hasFocus() ? cellAtOffset(view()->cursorOffset()) : nullptr;
}

QAccessibleInterface *HexViewAccessible::cellAt(int row, int column) const
{
    if (row < 0 || column < 0 || column >= bytesPerLine())
        return nullptr;
    return cellAtOffset(view()->layout().lineStart(row) + column);
}

int HexViewAccessible::selectedCellCount() const
{
    return view()->hasSelection() ? clampToInt(view()->selectionLength()) : 0;
}

QList<QAccessibleInterface *> HexViewAccessible::selectedCells() const
{
    QList<QAccessibleInterface *> cells;
    const qint64 start = view()->selectionStart();
    const qint64 count = std::min<qint64>(selectedCellCount(), kMaxListed);
    for (qint64 offset = start; offset < start + count; ++offset)
        cells.append(cellAtOffset(offset));
    return cells;
}

QString HexViewAccessible::columnDescription(int column) const
{
    return QStringLiteral("%1").arg(column, 2, 16, QLatin1Char('0')).toUpper();
}

QString HexViewAccessible::rowDescription(int row) const
{
    return offsetName(view()->layout().lineStart(row));
}

int HexViewAccessible::selectedColumnCount() const
{
    return int(selectedColumns().size());
}

int HexViewAccessible::selectedRowCount() const
{
    if (!view()->hasSelection())
        return 0;
    const qint64 start = view()->selectionStart();
    const qint64 end = start + view()->selectionLength();
    const HexLayout &layout = view()->layout();
    // Whole lines: from the first line that starts in the selection to the last that
    // ends in it (the data's last line ends with the data).
    const qint64 first = layout.lineOf(start + bytesPerLine() - 1);
    const qint64 last = end == dataSize() ? layout.lineOf(end - 1) : layout.lineOf(end) - 1;
    return clampToInt(last - first + 1);
}

int HexViewAccessible::columnCount() const
{
    return dataSize() == 0 ? 0 : int(std::min<qint64>(bytesPerLine(), dataSize()));
}

int HexViewAccessible::rowCount() const
{
    return dataSize() == 0 ? 0 : clampToInt(view()->layout().lineCount());
}

QList<int> HexViewAccessible::selectedColumns() const
{
    // A column is selected when every byte of it is: only when everything is selected.
    QList<int> columns;
    if (dataSize() > 0 && view()->hasSelection() && view()->selectionStart() == 0
        && view()->selectionLength() == dataSize()) {
        for (int column = 0; column < columnCount(); ++column)
            columns.append(column);
    }
    return columns;
}

QList<int> HexViewAccessible::selectedRows() const
{
    QList<int> rows;
    const int count = std::min(selectedRowCount(), kMaxListed);
    if (count == 0)
        return rows;
    const qint64 first = view()->layout().lineOf(view()->selectionStart() + bytesPerLine() - 1);
    for (int i = 0; i < count && first + i <= INT_MAX; ++i)
        rows.append(int(first + i));
    return rows;
}

bool HexViewAccessible::isColumnSelected(int column) const
{
    return selectedColumns().contains(column);
}

bool HexViewAccessible::isRowSelected(int row) const
{
    if (!view()->hasSelection() || row < 0 || row >= rowCount())
        return false;
    const qint64 lineStart = view()->layout().lineStart(row);
    const qint64 lineEnd = std::min(lineStart + bytesPerLine(), dataSize());
    const qint64 start = view()->selectionStart();
    return start <= lineStart && lineEnd <= start + view()->selectionLength();
}

bool HexViewAccessible::selectRow(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    const qint64 lineStart = view()->layout().lineStart(row);
    view()->setSelection(lineStart, std::min<qint64>(bytesPerLine(), dataSize() - lineStart));
    return true;
}

bool HexViewAccessible::unselectRow(int row)
{
    if (!isRowSelected(row))
        return false;
    view()->clearSelection();
    return true;
}

void HexViewAccessible::selection(int selectionIndex, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = 0;
    if (selectionIndex != 0 || !view()->hasSelection())
        return;
    *startOffset = clampToInt(view()->selectionStart());
    *endOffset = clampToInt(view()->selectionStart() + view()->selectionLength());
}

int HexViewAccessible::selectionCount() const
{
    return view()->hasSelection() ? 1 : 0;
}

void HexViewAccessible::addSelection(int startOffset, int endOffset)
{
    setSelection(0, startOffset, endOffset);
}

void HexViewAccessible::removeSelection(int selectionIndex)
{
    if (selectionIndex == 0)
        view()->clearSelection();
}

void HexViewAccessible::setSelection(int selectionIndex, int startOffset, int endOffset)
{
    if (selectionIndex == 0)
        view()->setSelection(startOffset, endOffset - startOffset);
}

int HexViewAccessible::cursorPosition() const
{
    return clampToInt(view()->cursorOffset());
}

void HexViewAccessible::setCursorPosition(int position)
{
    view()->setCursorOffset(position);
}

QString HexViewAccessible::text(int startOffset, int endOffset) const
{
    const qint64 start = std::clamp<qint64>(startOffset, 0, dataSize());
    const qint64 end = std::clamp<qint64>(endOffset, start, std::min(start + kMaxText, dataSize()));
    QString text;
    text.reserve(end - start);
    for (const ShownByte &byte : shownBytes(*view(), start, end))
        text += unitOf(byte);
    return text;
}

std::pair<qint64, qint64> HexViewAccessible::unitAt(
    qint64 offset, QAccessible::TextBoundaryType boundary) const
{
    if (boundary == QAccessible::CharBoundary)
        return {offset, offset + 1};
    const qint64 lineStart = view()->layout().lineStart(view()->layout().lineOf(offset));
    return {lineStart, std::min(lineStart + bytesPerLine(), dataSize())};
}

QString HexViewAccessible::textOfUnit(
    qint64 offset, QAccessible::TextBoundaryType boundary, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = -1;
    if (offset < 0 || offset >= std::min<qint64>(dataSize(), INT_MAX))
        return {};
    const auto [start, end] = unitAt(offset, boundary);
    *startOffset = clampToInt(start);
    *endOffset = clampToInt(end);
    return text(*startOffset, *endOffset);
}

QString HexViewAccessible::textBeforeOffset(
    int offset, QAccessible::TextBoundaryType boundary, int *startOffset, int *endOffset) const
{
    const qint64 unitStart
        = offset >= dataSize() ? dataSize() : unitAt(std::max(offset, 0), boundary).first;
    const qint64 before = unitStart - 1;
    return textOfUnit(before, boundary, startOffset, endOffset);
}

QString HexViewAccessible::textAfterOffset(
    int offset, QAccessible::TextBoundaryType boundary, int *startOffset, int *endOffset) const
{
    const qint64 after = offset < 0 ? 0 : unitAt(offset, boundary).second;
    return textOfUnit(after, boundary, startOffset, endOffset);
}

QString HexViewAccessible::textAtOffset(
    int offset, QAccessible::TextBoundaryType boundary, int *startOffset, int *endOffset) const
{
    return textOfUnit(offset, boundary, startOffset, endOffset);
}

int HexViewAccessible::characterCount() const
{
    return clampToInt(dataSize());
}

QRect HexViewAccessible::characterRect(int offset) const
{
    return screenRect(offset, true);
}

int HexViewAccessible::offsetAtPoint(const QPoint &point) const
{
    const QWidget *viewport = view()->viewport();
    const QPoint local = viewport->mapFromGlobal(point);
    if (dataSize() == 0 || !viewport->rect().contains(local))
        return -1;
    const auto hit = view()->layout().hitTest(
        local.x() + view()->horizontalScrollBar()->value(), local.y(), view()->firstVisibleLine());
    return hit && hit->offset <= INT_MAX ? int(hit->offset) : -1;
}

void HexViewAccessible::scrollToSubstring(int startIndex, int)
{
    view()->scrollToLine(view()->layout().lineOf(startIndex));
}

QString HexViewAccessible::attributes(int, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = -1;
    return {};
}

QRect HexViewAccessible::screenRect(qint64 offset, bool textPane) const
{
    const HexLayout &layout = view()->layout();
    const QWidget *viewport = view()->viewport();
    if (offset < 0 || offset >= dataSize() || layout.lineOf(offset) < view()->firstVisibleLine())
        return {};
    const int column = layout.columnOf(offset);
    const QRect cell((textPane ? layout.textX(column) : layout.hexX(column))
            - view()->horizontalScrollBar()->value(),
        layout.lineY(layout.lineOf(offset), view()->firstVisibleLine()),
        textPane ? layout.metrics().charWidth : layout.hexCellWidth(), layout.metrics().lineHeight);
    if (!viewport->rect().intersects(cell))
        return {};
    return QRect(viewport->mapToGlobal(cell.topLeft()), cell.size());
}

void HexViewAccessible::tellCursor() const
{
    QAccessibleTextCursorEvent caret(view(), cursorPosition());
    tell(&caret);
    if (!view()->hasFocus())
        return;
    if (QAccessibleInterface *cell = cellAtOffset(view()->cursorOffset())) {
        QAccessibleEvent focus(cell, QAccessible::Focus);
        tell(&focus);
    }
}

void HexViewAccessible::tellSelection() const
{
    int start = 0;
    int end = 0;
    selection(0, &start, &end);
    QAccessibleTextSelectionEvent event(view(), start, end);
    event.setCursorPosition(cursorPosition());
    tell(&event);
}

} // namespace hexmap
