#include "hexview.h"

#include "bookmarks.h"
#include "document.h"
#include "hexviewaccessible.h"

#include <QApplication>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <utility>

namespace hexmap {

namespace {
constexpr qreal kMinPointSize = 6;
constexpr qreal kMaxPointSize = 72;

CharMetrics metricsOf(const QFont &font)
{
    const QFontMetrics metrics(font);
    return {metrics.horizontalAdvance(QLatin1Char('0')), metrics.height()};
}

// The navigation keys: the platform's keys to move, and with Shift to select.
struct Navigation
{
    QKeySequence::StandardKey move;
    QKeySequence::StandardKey select;
    Editor::Move target;
    const char *what;
};
constexpr Navigation kNavigations[] = {
    {QKeySequence::MoveToNextChar, QKeySequence::SelectNextChar, Editor::Move::NextByte,
        QT_TRANSLATE_NOOP("hexmap::HexView", "next byte")},
    {QKeySequence::MoveToPreviousChar, QKeySequence::SelectPreviousChar, Editor::Move::PreviousByte,
        QT_TRANSLATE_NOOP("hexmap::HexView", "previous byte")},
    {QKeySequence::MoveToNextLine, QKeySequence::SelectNextLine, Editor::Move::NextLine,
        QT_TRANSLATE_NOOP("hexmap::HexView", "next line")},
    {QKeySequence::MoveToPreviousLine, QKeySequence::SelectPreviousLine, Editor::Move::PreviousLine,
        QT_TRANSLATE_NOOP("hexmap::HexView", "previous line")},
    {QKeySequence::MoveToNextPage, QKeySequence::SelectNextPage, Editor::Move::NextPage,
        QT_TRANSLATE_NOOP("hexmap::HexView", "next page")},
    {QKeySequence::MoveToPreviousPage, QKeySequence::SelectPreviousPage, Editor::Move::PreviousPage,
        QT_TRANSLATE_NOOP("hexmap::HexView", "previous page")},
    {QKeySequence::MoveToStartOfLine, QKeySequence::SelectStartOfLine, Editor::Move::LineStart,
        QT_TRANSLATE_NOOP("hexmap::HexView", "start of the line")},
    {QKeySequence::MoveToEndOfLine, QKeySequence::SelectEndOfLine, Editor::Move::LineEnd,
        QT_TRANSLATE_NOOP("hexmap::HexView", "end of the line")},
    {QKeySequence::MoveToStartOfDocument, QKeySequence::SelectStartOfDocument,
        Editor::Move::DocumentStart, QT_TRANSLATE_NOOP("hexmap::HexView", "start of the map")},
    {QKeySequence::MoveToEndOfDocument, QKeySequence::SelectEndOfDocument,
        Editor::Move::DocumentEnd, QT_TRANSLATE_NOOP("hexmap::HexView", "end of the map")},
};
} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_editor(new Editor(nullptr, this))
{
    connect(m_editor, &Editor::changed, this, &HexView::followEditor);
    connect(m_editor, &Editor::highlightsChanged, viewport(), qOverload<>(&QWidget::update));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // resetZoom's size
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    // paintEvent fills every pixel itself: no second background fill by Qt.
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    installHexViewAccessibility(); // screen readers see a table of the bytes
    contrastScrollBar();
    relayout();
}

HexView::~HexView() = default;

void HexView::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_firstLine = 0;
    if (document) {
        // Before the Editor's own connection: it clamps the cursor to the new layout.
        connect(document, &Document::changed, this, [this](const DocumentChange &change) {
            if (change.sizeChanged)
                relayout();
            viewport()->update();
        });
        connect(document->bookmarks(), &Bookmarks::bookmarksChanged, viewport(),
            qOverload<>(&QWidget::update));
    }
    m_settingDocument = true; // said once below, whatever changed
    m_editor->setDocument(document);
    m_settingDocument = false;
    relayout();
    m_shownCursor = cursorOffset();
    m_shownSelectionStart = selectionStart();
    m_shownSelectionLength = selectionLength();
    emit cursorMoved(m_shownCursor);
    emit selectionChanged(m_shownSelectionStart, m_shownSelectionLength);
}

void HexView::followEditor()
{
    if (m_settingDocument)
        return;
    ensureCursorVisible();
    viewport()->update();
    if (cursorOffset() != m_shownCursor) {
        m_shownCursor = cursorOffset();
        emit cursorMoved(m_shownCursor);
    }
    if (selectionStart() != m_shownSelectionStart || selectionLength() != m_shownSelectionLength) {
        m_shownSelectionStart = selectionStart();
        m_shownSelectionLength = selectionLength();
        emit selectionChanged(m_shownSelectionStart, m_shownSelectionLength);
    }
}

void HexView::setCursorOffset(qint64 offset, bool extendSelection)
{
    m_editor->moveCursor(offset, 0, extendSelection);
    ensureCursorVisible(); // also when it stayed: the caller wants it in sight
}

void HexView::setSelection(qint64 start, qint64 length)
{
    m_editor->setSelection(start, length);
    ensureCursorVisible();
}

void HexView::clearSelection()
{
    m_editor->clearSelection();
    ensureCursorVisible();
}

void HexView::setBytesPerLine(int bytesPerLine)
{
    m_bytesPerLineSetting = std::max(bytesPerLine, 0);
    relayout();
}

void HexView::setTextEncoding(TextEncoding encoding)
{
    m_editor->setTextEncoding(encoding);
    viewport()->update();
}

void HexView::setHighlights(const RangeSet &ranges)
{
    m_editor->setHighlights(ranges);
}

void HexView::relayout()
{
    const qint64 size = m_document ? m_document->size() : 0;
    const CharMetrics metrics = metricsOf(font());
    const int bytesPerLine = m_bytesPerLineSetting == kFitToWidth
        ? HexLayout::fittingBytesPerLine(viewport()->width(), size, metrics)
        : m_bytesPerLineSetting;
    m_layout = HexLayout(size, bytesPerLine, metrics);
    m_header = QPixmap();
    updateScrollBars();
    ensureCursorVisible();
    viewport()->update();
}

int HexView::fullyVisibleLines() const
{
    const CharMetrics metrics = m_layout.metrics();
    return std::max(1, (viewport()->height() - m_layout.headerHeight()) / metrics.lineHeight);
}

void HexView::updateScrollBars()
{
    const qint64 maxFirstLine = std::max<qint64>(0, m_layout.lineCount() - fullyVisibleLines());
    m_scroll = ScrollMapping(maxFirstLine);
    m_firstLine = std::clamp<qint64>(m_firstLine, 0, maxFirstLine);
    m_settingScrollBar = true;
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, m_scroll.maximum());
    const bool direct = m_scroll.maximum() == maxFirstLine;
    vertical->setSingleStep(1);
    vertical->setPageStep(direct ? fullyVisibleLines() : std::max(1, m_scroll.maximum() / 64));
    vertical->setValue(m_scroll.valueForLine(m_firstLine));
    QScrollBar *horizontal = horizontalScrollBar();
    horizontal->setRange(0, std::max(0, m_layout.totalWidth() - viewport()->width()));
    horizontal->setPageStep(viewport()->width());
    horizontal->setSingleStep(m_layout.metrics().charWidth);
    m_settingScrollBar = false;
}

void HexView::setFirstLine(qint64 line)
{
    const qint64 clamped = std::clamp<qint64>(
        line, 0, std::max<qint64>(0, m_layout.lineCount() - fullyVisibleLines()));
    if (clamped == m_firstLine)
        return;
    m_firstLine = clamped;
    m_settingScrollBar = true;
    verticalScrollBar()->setValue(m_scroll.valueForLine(m_firstLine));
    m_settingScrollBar = false;
    viewport()->update();
    emit firstLineChanged(m_firstLine);
}

void HexView::scrollContentsBy(int, int)
{
    viewport()->update();
    if (m_settingScrollBar)
        return;
    const qint64 line = m_scroll.lineForValue(verticalScrollBar()->value());
    if (line != std::exchange(m_firstLine, line))
        emit firstLineChanged(m_firstLine);
}

void HexView::setMarkProvider(MarkProvider provider)
{
    m_markProvider = std::move(provider);
    viewport()->update();
}

void HexView::ensureCursorVisible()
{
    const qint64 line = m_layout.lineOf(cursorOffset());
    if (line < m_firstLine)
        setFirstLine(line);
    else if (line >= m_firstLine + fullyVisibleLines())
        setFirstLine(line - fullyVisibleLines() + 1);
}

// ---- keys -------------------------------------------------------------------------

bool HexView::event(QEvent *event)
{
    // Claim the editing keys before window-wide shortcuts take them: the view is what
    // the user is typing into.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool typing = !key->text().isEmpty() && key->text().at(0).isPrint()
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
        if (typing || key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool HexView::focusNextPrevChild(bool)
{
    return false; // Tab switches panes
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (handleCommandKey(event) || handleNavigationKey(event) || handleTyping(event))
        return;
    QAbstractScrollArea::keyPressEvent(event);
}

bool HexView::handleCommandKey(QKeyEvent *event)
{
    using K = QKeySequence;
    const std::pair<K::StandardKey, void (HexView::*)()> commands[] = {
        {K::Copy, &HexView::copy},
        {K::Paste, &HexView::paste},
        {K::Undo, &HexView::undo},
        {K::Redo, &HexView::redo},
        {K::SelectAll, &HexView::selectAll},
        {K::ZoomIn, &HexView::zoomIn},
        {K::ZoomOut, &HexView::zoomOut},
    };
    for (const auto &[key, command] : commands) {
        if (event->matches(key)) {
            (this->*command)();
            return true;
        }
    }
    if (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) {
        m_editor->togglePane();
        return true;
    }
    if (event->key() == Qt::Key_Backspace && event->modifiers() == Qt::NoModifier) {
        // The selection, or in insert mode the byte before the cursor (Delete is Edit ▸
        // Delete's).
        m_editor->deleteBytes(false);
        ensureCursorVisible();
        return true;
    }
    return false;
}

QList<HexView::KeyHelp> HexView::keyTable()
{
    QList<KeyHelp> table;
    for (const Navigation &navigation : kNavigations) {
        table.append({QKeySequence::keyBindings(navigation.move),
            tr("Move to the %1").arg(tr(navigation.what))});
        table.append({QKeySequence::keyBindings(navigation.select),
            tr("Select to the %1").arg(tr(navigation.what))});
    }
    table.append({{QKeySequence(Qt::Key_Tab), QKeySequence(Qt::SHIFT | Qt::Key_Tab)},
        tr("Switch between the hex and the text pane")});
    return table;
}

bool HexView::handleNavigationKey(QKeyEvent *event)
{
    for (const Navigation &navigation : kNavigations) {
        const bool move = event->matches(navigation.move);
        if (move || event->matches(navigation.select)) {
            m_editor->navigate(
                navigation.target, !move, m_layout.bytesPerLine(), fullyVisibleLines());
            ensureCursorVisible();
            return true;
        }
    }
    return false;
}

bool HexView::handleTyping(QKeyEvent *event)
{
    const QString text = event->text();
    if (text.size() != 1 || (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
        return false;
    if (!m_editor->typeText(text))
        return false;
    ensureCursorVisible();
    return true;
}

// ---- commands ---------------------------------------------------------------------

void HexView::copy()
{
    m_editor->copy();
}

void HexView::paste()
{
    if (m_editor->paste())
        ensureCursorVisible();
}

void HexView::undo()
{
    if (m_document)
        m_document->undo();
}

void HexView::redo()
{
    if (m_document)
        m_document->redo();
}

void HexView::selectAll()
{
    m_editor->selectAll();
    ensureCursorVisible();
}

void HexView::zoomIn()
{
    setZoom(font().pointSizeF() + 1);
}

void HexView::zoomOut()
{
    setZoom(font().pointSizeF() - 1);
}

void HexView::resetZoom()
{
    setZoom(QFontDatabase::systemFont(QFontDatabase::FixedFont).pointSizeF());
}

void HexView::setZoom(qreal pointSize)
{
    QFont zoomed = font();
    zoomed.setPointSizeF(std::clamp(pointSize, kMinPointSize, kMaxPointSize));
    setFont(zoomed); // FontChange relayouts
}

// ---- mouse, wheel, resize ---------------------------------------------------------

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const QPoint point = event->position().toPoint();
    const auto hit
        = m_layout.hitTest(point.x() + horizontalScrollBar()->value(), point.y(), m_firstLine);
    if (!hit)
        return;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    m_dragStart = extend ? -1 : hit->offset;
    m_editor->place(hit->pane, hit->offset, hit->nibble, extend);
    ensureCursorVisible();
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_dragStart < 0)
        return;
    const QPoint point = event->position().toPoint();
    const int y = std::clamp(point.y(), m_layout.headerHeight(), viewport()->height() - 1);
    const auto hit = m_layout.hitTest(point.x() + horizontalScrollBar()->value(), y, m_firstLine);
    if (!hit || (hit->offset == m_dragStart && !hasSelection()))
        return;
    if (hasSelection())
        m_editor->moveCursor(hit->offset, 0, true);
    else
        m_editor->select(m_dragStart, hit->offset);
    ensureCursorVisible();
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragStart = -1;
    event->accept();
}

void HexView::wheelEvent(QWheelEvent *event)
{
    const int notches = event->angleDelta().y() / 120;
    if (event->modifiers() & Qt::ControlModifier) {
        if (notches != 0)
            setZoom(font().pointSizeF() + notches);
    } else {
        setFirstLine(m_firstLine - qint64(notches) * QApplication::wheelScrollLines());
    }
    event->accept();
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        contrastScrollBar();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        relayout();
}

void HexView::contrastScrollBar()
{
    // Styles such as Fusion draw the thumb in the button colour over a groove of nearly
    // the same; a third of the text colour in it makes it stand out beside the residency
    // strip, in a light palette and in a dark one.
    QPalette bar = palette();
    const QColor button = bar.color(QPalette::Button);
    const QColor text = bar.color(QPalette::Text);
    const auto mix = [](int from, int to) { return (2 * from + to) / 3; };
    bar.setColor(QPalette::Button,
        QColor(mix(button.red(), text.red()), mix(button.green(), text.green()),
            mix(button.blue(), text.blue())));
    verticalScrollBar()->setPalette(bar);
}

// ---- painting ---------------------------------------------------------------------

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    m_glyphs.update(font(), pal, viewport()->devicePixelRatioF());
    const int x0 = -horizontalScrollBar()->value();
    paintHeader(painter, x0);
    if (!m_document)
        return;

    const CharMetrics metrics = m_layout.metrics();
    const int bytesPerLine = m_layout.bytesPerLine();
    const qint64 lastLine
        = std::min(m_firstLine + m_layout.visibleLines(viewport()->height()), m_layout.lineCount());
    const qint64 firstOffset = m_layout.lineStart(m_firstLine);
    const qint64 endOffset = std::min(m_layout.lineStart(lastLine), m_document->size());
    // With the bytes around them that the text pane's characters need: from where
    // decoding finds the first character, to the end of the last one.
    const TextDecoder &decoder = m_editor->textDecoder();
    const qint64 readStart = decoder.decodeStart(firstOffset);
    const qint64 readEnd
        = std::min(endOffset + maxCharacterLength(decoder.encoding()) - 1, m_document->size());
    const ByteBlock block = m_document->read(readStart, readEnd - readStart);
    const std::vector<TextCell> cells = decoder.cells(block.readable(), firstOffset - readStart);

    for (qint64 line = m_firstLine; line < lastLine; ++line) {
        const int y = m_layout.lineY(line, m_firstLine);
        const qint64 lineStart = m_layout.lineStart(line);
        if (lineStart >= endOffset && line > 0)
            break;
        for (int digit = 0; digit < m_layout.addressDigits(); ++digit) {
            const int shift = 4 * (m_layout.addressDigits() - 1 - digit);
            painter.drawPixmap(x0 + m_layout.addressX() + digit * metrics.charWidth, y,
                m_glyphs.addressDigit(int((lineStart >> shift) & 15)));
        }
        const int count = int(std::min<qint64>(bytesPerLine, endOffset - lineStart));
        int covered = 0; // text cells drawn by a character's pixmap on this line
        for (int column = 0; column < count; ++column) {
            const qsizetype i = lineStart + column - readStart;
            const auto byte = quint8(block.bytes.at(i));
            const bool missing = block.isMissing(i);
            painter.drawPixmap(x0 + m_layout.hexX(column), y,
                missing ? m_glyphs.missingHex() : m_glyphs.hex(byte));
            const auto cell = size_t(lineStart + column - firstOffset);
            if (missing || cell >= cells.size()) {
                painter.drawPixmap(x0 + m_layout.textX(column), y, m_glyphs.missingText());
            } else if (cells[cell].isContinuation()) {
                if (column >= covered) // its lead is on an earlier line
                    painter.drawPixmap(x0 + m_layout.textX(column), y, m_glyphs.continuation());
            } else {
                const int shown = std::min(cells[cell].length, count - column);
                covered = column + shown;
                painter.drawPixmap(x0 + m_layout.textX(column), y,
                    m_glyphs.character(
                        cells[cell].character, shown, classify(cells[cell].character, byte)));
            }
        }
    }

    // Overlays, translucent over the glyphs: modified since flush, found, selected;
    // one rectangle per line and pane for each range, [start, end) clipped to the lines shown.
    const auto forEachRect = [&](qint64 start, qint64 end, const auto &paint) {
        for (qint64 at = std::max(start, firstOffset); at < std::min(end, endOffset);) {
            const qint64 line = m_layout.lineOf(at);
            const qint64 lineEnd = std::min<qint64>(end, m_layout.lineStart(line + 1));
            const int first = m_layout.columnOf(at);
            const int last = m_layout.columnOf(lineEnd - 1);
            const int y = m_layout.lineY(line, m_firstLine);
            const int hexLeft = m_layout.hexX(first);
            paint(QRect(x0 + hexLeft, y, m_layout.hexX(last) + m_layout.hexCellWidth() - hexLeft,
                metrics.lineHeight));
            paint(QRect(x0 + m_layout.textX(first), y, (last - first + 1) * metrics.charWidth,
                metrics.lineHeight));
            at = lineEnd;
        }
    };
    const auto paintRanges = [&](const std::vector<RangeSet::Range> &ranges, const QColor &color) {
        for (const auto &range : ranges)
            forEachRect(
                range.start, range.end, [&](const QRect &rect) { painter.fillRect(rect, color); });
    };
    // Bookmarks are a layer of their own, under the line, so that the fills above (found,
    // selected) and the glyphs stay readable through them.
    const int band = std::max(2, metrics.lineHeight / 8);
    for (const Bookmark &bookmark : m_document->bookmarks()->overlapping(firstOffset, endOffset)) {
        forEachRect(bookmark.start, bookmark.end(), [&](const QRect &rect) {
            painter.fillRect(
                rect.x(), rect.bottom() + 1 - band, rect.width(), band, bookmark.color);
        });
    }
    QColor selected = pal.color(QPalette::Highlight);
    selected.setAlpha(100);
    paintRanges(m_document->modifiedRanges().intersecting(firstOffset, endOffset),
        QColor(0xff, 0x70, 0x43, 70));
    paintRanges(
        m_editor->highlights().intersecting(firstOffset, endOffset), QColor(0xff, 0xc1, 0x07, 110));
    if (m_markProvider) {
        for (const Marks &marks : m_markProvider(firstOffset, endOffset))
            paintRanges(marks.ranges, marks.color);
    }
    if (hasSelection()) {
        RangeSet selection;
        selection.add(selectionStart(), selectionStart() + selectionLength());
        paintRanges(selection.intersecting(firstOffset, endOffset), selected);
    }
    if (m_document->size() > 0)
        paintCursor(painter, x0, m_layout.lineOf(cursorOffset()));
}

void HexView::paintHeader(QPainter &painter, int x0)
{
    if (m_header.isNull() || m_header.devicePixelRatio() != viewport()->devicePixelRatioF())
        m_header = renderHeader();
    painter.fillRect(0, 0, viewport()->width(), m_layout.headerHeight(),
        palette().color(QPalette::AlternateBase));
    painter.drawPixmap(x0, 0, m_header);
}

QPixmap HexView::renderHeader() const
{
    const qreal ratio = viewport()->devicePixelRatioF();
    QPixmap header(QSize(m_layout.totalWidth(), m_layout.headerHeight()) * ratio);
    header.setDevicePixelRatio(ratio);
    header.fill(palette().color(QPalette::AlternateBase));
    QPainter painter(&header);
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int baseline = QFontMetrics(font()).ascent();
    painter.drawText(m_layout.addressX(), baseline, tr("Offset"));
    for (int column = 0; column < m_layout.bytesPerLine(); ++column) {
        painter.drawText(m_layout.hexX(column), baseline,
            QStringLiteral("%1").arg(column, 2, 16, QLatin1Char('0')).toUpper());
        painter.drawText(
            m_layout.textX(column), baseline, QString::number(column % 16, 16).toUpper());
    }
    painter.drawLine(
        0, m_layout.headerHeight() - 1, m_layout.totalWidth(), m_layout.headerHeight() - 1);
    return header;
}

void HexView::paintCursor(QPainter &painter, int x0, qint64 line)
{
    if (line < m_firstLine || line >= m_firstLine + m_layout.visibleLines(viewport()->height()))
        return;
    const CharMetrics metrics = m_layout.metrics();
    const int column = m_layout.columnOf(cursorOffset());
    const int y = m_layout.lineY(line, m_firstLine);
    const QRect hexCell(x0 + m_layout.hexX(column), y, m_layout.hexCellWidth(), metrics.lineHeight);
    const QRect textCell(x0 + m_layout.textX(column), y, metrics.charWidth, metrics.lineHeight);
    // Filled in the highlight colour, framed in the text colour: the frame stands out
    // from the background in a light palette and in a dark one.
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(hasFocus() ? 90 : 45);
    const QColor color = palette().color(QPalette::Text);

    // The active pane gets a filled block (on the nibble in hex), the other an outline.
    const QRect active = activePane() == Pane::Hex
        ? QRect(hexCell.x() + cursorNibble() * metrics.charWidth, y, metrics.charWidth,
            metrics.lineHeight)
        : textCell;
    const QRect passive = activePane() == Pane::Hex ? textCell : hexCell;
    painter.fillRect(active, fill);
    painter.setPen(color);
    painter.drawRect(active.adjusted(0, 0, -1, -1));
    painter.setPen(QPen(color, 1, Qt::DotLine));
    painter.drawRect(passive.adjusted(0, 0, -1, -1));
}

} // namespace hexmap
