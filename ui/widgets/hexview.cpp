#include "hexview.h"

#include "byteclass.h"
#include "hexmodel.h"
#include "inputparsing.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QUndoStack>

namespace hexmap {

namespace {
const QString kRawMime = QStringLiteral("application/octet-stream");
constexpr qreal kMinPointSize = 6;
constexpr qreal kMaxPointSize = 72;

CharMetrics metricsOf(const QFont &font)
{
    const QFontMetrics metrics(font);
    return {metrics.horizontalAdvance(QLatin1Char('0')), metrics.height()};
}
} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    // paintEvent fills every pixel itself: no second background fill by Qt.
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    relayout();
}

HexView::~HexView() = default;

void HexView::setModel(HexModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_cursor = 0;
    m_nibble = 0;
    m_anchor = -1;
    m_firstLine = 0;
    m_highlights.clear();
    if (model) {
        const auto repaint = [this] { viewport()->update(); };
        connect(model, &QAbstractItemModel::dataChanged, this, repaint);
        connect(model, &HexModel::modifiedRangesChanged, this, repaint);
        connect(model, &HexModel::sizeChanged, this, [this] {
            relayout();
            if (m_cursor > lastOffset())
                moveCursor(lastOffset(), 0, false);
            if (m_anchor > lastOffset())
                clearSelection();
        });
        connect(model, &HexModel::editFailed, this, &HexView::editRefused);
    }
    relayout();
    emit cursorMoved(m_cursor);
    emit selectionChanged(selectionStart(), selectionLength());
}

qint64 HexView::lastOffset() const
{
    return m_model ? std::max<qint64>(m_model->size() - 1, 0) : 0;
}

void HexView::setActivePane(Pane pane)
{
    m_pane = pane;
    m_nibble = 0;
    viewport()->update();
}

void HexView::setCursorOffset(qint64 offset, bool extendSelection)
{
    moveCursor(offset, 0, extendSelection);
}

void HexView::moveCursor(qint64 offset, int nibble, bool extend)
{
    const qint64 oldStart = selectionStart();
    const qint64 oldLength = selectionLength();
    const qint64 target = std::clamp<qint64>(offset, 0, lastOffset());
    if (extend && m_anchor < 0)
        m_anchor = m_cursor;
    else if (!extend)
        m_anchor = -1;
    const bool moved = target != m_cursor;
    m_cursor = target;
    m_nibble = nibble;
    ensureCursorVisible();
    viewport()->update();
    if (moved)
        emit cursorMoved(m_cursor);
    if (selectionStart() != oldStart || selectionLength() != oldLength)
        emit selectionChanged(selectionStart(), selectionLength());
}

qint64 HexView::selectionStart() const
{
    return m_anchor < 0 ? m_cursor : std::min(m_anchor, m_cursor);
}

qint64 HexView::selectionLength() const
{
    if (m_anchor < 0 || !m_model || m_model->size() == 0)
        return 0;
    return std::max(m_anchor, m_cursor) - std::min(m_anchor, m_cursor) + 1;
}

void HexView::setSelection(qint64 start, qint64 length)
{
    if (length <= 0) {
        moveCursor(start, 0, false);
        return;
    }
    moveCursor(start, 0, false);
    moveCursor(start + length - 1, 0, true);
}

void HexView::clearSelection()
{
    moveCursor(m_cursor, m_nibble, false);
}

void HexView::setBytesPerLine(int bytesPerLine)
{
    m_bytesPerLineSetting = std::max(bytesPerLine, 0);
    relayout();
}

void HexView::setHighlights(const RangeSet &ranges)
{
    m_highlights = ranges;
    viewport()->update();
}

void HexView::relayout()
{
    const qint64 size = m_model ? m_model->size() : 0;
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
}

void HexView::scrollContentsBy(int, int)
{
    if (!m_settingScrollBar)
        m_firstLine = m_scroll.lineForValue(verticalScrollBar()->value());
    viewport()->update();
}

void HexView::ensureCursorVisible()
{
    const qint64 line = m_layout.lineOf(m_cursor);
    if (line < m_firstLine)
        setFirstLine(line);
    else if (line >= m_firstLine + fullyVisibleLines())
        setFirstLine(line - fullyVisibleLines() + 1);
}

// ---- keys -------------------------------------------------------------------------

const std::vector<HexView::Navigation> &HexView::navigations()
{
    using K = QKeySequence;
    static const std::vector<Navigation> table = {
        {K::MoveToNextChar, K::SelectNextChar, [](const HexView &v) { return v.m_cursor + 1; }},
        {K::MoveToPreviousChar, K::SelectPreviousChar,
            [](const HexView &v) { return v.m_cursor - 1; }},
        {K::MoveToNextLine, K::SelectNextLine,
            [](const HexView &v) { return v.m_cursor + v.m_layout.bytesPerLine(); }},
        {K::MoveToPreviousLine, K::SelectPreviousLine,
            [](const HexView &v) {
                return std::max<qint64>(
                    v.m_cursor - v.m_layout.bytesPerLine(), v.m_cursor % v.m_layout.bytesPerLine());
            }},
        {K::MoveToNextPage, K::SelectNextPage,
            [](const HexView &v) {
                return v.m_cursor + qint64(v.fullyVisibleLines()) * v.m_layout.bytesPerLine();
            }},
        {K::MoveToPreviousPage, K::SelectPreviousPage,
            [](const HexView &v) {
                return v.m_cursor - qint64(v.fullyVisibleLines()) * v.m_layout.bytesPerLine();
            }},
        {K::MoveToStartOfLine, K::SelectStartOfLine,
            [](const HexView &v) { return v.m_layout.lineStart(v.m_layout.lineOf(v.m_cursor)); }},
        {K::MoveToEndOfLine, K::SelectEndOfLine,
            [](const HexView &v) {
                return v.m_layout.lineStart(v.m_layout.lineOf(v.m_cursor) + 1) - 1;
            }},
        {K::MoveToStartOfDocument, K::SelectStartOfDocument,
            [](const HexView &) { return qint64(0); }},
        {K::MoveToEndOfDocument, K::SelectEndOfDocument,
            [](const HexView &v) { return v.lastOffset(); }},
    };
    return table;
}

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
        setActivePane(m_pane == Pane::Hex ? Pane::Text : Pane::Hex);
        return true;
    }
    return false;
}

bool HexView::handleNavigationKey(QKeyEvent *event)
{
    for (const Navigation &navigation : navigations()) {
        const bool move = event->matches(navigation.move);
        if (move || event->matches(navigation.select)) {
            moveCursor(navigation.target(*this), 0, !move);
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
    const QChar c = text.at(0);
    if (m_pane == Pane::Hex) {
        const int value = QStringLiteral("0123456789abcdef").indexOf(c.toLower());
        if (value < 0)
            return false;
        typeHexDigit(value);
        return true;
    }
    if (!c.isPrint() || c.unicode() > 0xff)
        return false;
    typeByte(quint8(c.unicode()));
    return true;
}

void HexView::typeHexDigit(int value)
{
    if (!m_model || m_model->size() == 0)
        return;
    const ByteBlock current = m_model->read(m_cursor, 1);
    if (current.bytes.isEmpty() || current.isMissing(0)) {
        emit editRefused(tr("The byte at offset %1 can no longer be read: %2.")
                             .arg(m_cursor)
                             .arg(current.whyMissing));
        return;
    }
    const auto old = quint8(current.bytes.at(0));
    const auto byte = quint8(m_nibble == 0 ? (value << 4) | (old & 0x0f) : (old & 0xf0) | value);
    if (!m_model->overwrite(m_cursor, QByteArray(1, char(byte)), HexModel::EditKind::Typing))
        return;
    if (m_nibble == 0)
        moveCursor(m_cursor, 1, false);
    else if (m_cursor < lastOffset())
        moveCursor(m_cursor + 1, 0, false);
    else
        moveCursor(m_cursor, 1, false); // the last byte: stay on it
}

void HexView::typeByte(quint8 byte)
{
    if (!m_model || m_model->size() == 0)
        return;
    if (m_model->overwrite(m_cursor, QByteArray(1, char(byte)), HexModel::EditKind::Typing))
        moveCursor(m_cursor + 1, 0, false);
}

// ---- commands ---------------------------------------------------------------------

void HexView::copy()
{
    if (!m_model || !hasSelection())
        return;
    if (selectionLength() > kMaxCopyBytes) {
        emit editRefused(tr("The selection (%1 bytes) is too large to copy; the limit is %2 MiB.")
                             .arg(selectionLength())
                             .arg(kMaxCopyBytes >> 20));
        return;
    }
    const ByteBlock block = m_model->read(selectionStart(), selectionLength());
    if (!block.missing.isEmpty()) {
        emit editRefused(tr("The byte at offset %1 of the selection can no longer be read: %2.")
                             .arg(selectionStart() + block.firstMissing())
                             .arg(block.whyMissing));
        return;
    }
    auto *mime = new QMimeData;
    mime->setData(kRawMime, block.bytes);
    if (m_pane == Pane::Hex) {
        mime->setText(input::formatHex(block.bytes));
    } else {
        QString text;
        text.reserve(block.bytes.size());
        for (const char byte : block.bytes)
            text += QLatin1Char(textGlyph(quint8(byte)));
        mime->setText(text);
    }
    QGuiApplication::clipboard()->setMimeData(mime);
}

void HexView::paste()
{
    if (!m_model)
        return;
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return;
    QByteArray bytes;
    if (mime->hasFormat(kRawMime)) {
        bytes = mime->data(kRawMime);
    } else if (m_pane == Pane::Hex) {
        QString error;
        const auto parsed = input::parseHexBytes(mime->text(), &error);
        if (!parsed) {
            emit editRefused(tr("The clipboard does not hold hex bytes: %1.").arg(error));
            return;
        }
        bytes = *parsed;
    } else {
        const QString text = mime->text();
        for (const QChar c : text) {
            if (c.unicode() > 0xff) {
                emit editRefused(tr("The clipboard text has characters outside Latin-1; paste it "
                                    "in the hex pane as hex."));
                return;
            }
            bytes.append(char(c.unicode()));
        }
    }
    if (bytes.isEmpty())
        return;
    if (m_model->overwrite(m_cursor, bytes))
        moveCursor(m_cursor + bytes.size(), 0, false);
}

void HexView::undo()
{
    if (m_model)
        m_model->undo();
}

void HexView::redo()
{
    if (m_model)
        m_model->redo();
}

void HexView::selectAll()
{
    if (m_model && m_model->size() > 0)
        setSelection(0, m_model->size());
}

void HexView::zoomIn()
{
    setZoom(font().pointSizeF() + 1);
}

void HexView::zoomOut()
{
    setZoom(font().pointSizeF() - 1);
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
    m_pane = hit->pane;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    m_dragStart = extend ? -1 : hit->offset;
    moveCursor(hit->offset, hit->nibble, extend);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_dragStart < 0)
        return;
    const QPoint point = event->position().toPoint();
    const int y = std::clamp(point.y(), m_layout.headerHeight(), viewport()->height() - 1);
    const auto hit = m_layout.hitTest(point.x() + horizontalScrollBar()->value(), y, m_firstLine);
    if (!hit || (hit->offset == m_dragStart && m_anchor < 0))
        return;
    if (m_anchor < 0)
        m_anchor = m_dragStart;
    moveCursor(hit->offset, 0, true);
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
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        relayout();
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
    if (!m_model)
        return;

    const CharMetrics metrics = m_layout.metrics();
    const int bytesPerLine = m_layout.bytesPerLine();
    const qint64 lastLine
        = std::min(m_firstLine + m_layout.visibleLines(viewport()->height()), m_layout.lineCount());
    const qint64 firstOffset = m_layout.lineStart(m_firstLine);
    const qint64 endOffset = std::min(m_layout.lineStart(lastLine), m_model->size());
    const ByteBlock block = m_model->read(firstOffset, endOffset - firstOffset);

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
        for (int column = 0; column < count; ++column) {
            const qsizetype i = lineStart + column - firstOffset;
            const auto byte = quint8(block.bytes.at(i));
            const bool missing = block.isMissing(i);
            painter.drawPixmap(x0 + m_layout.hexX(column), y,
                missing ? m_glyphs.missingHex() : m_glyphs.hex(byte));
            painter.drawPixmap(x0 + m_layout.textX(column), y,
                missing ? m_glyphs.missingText() : m_glyphs.text(byte));
        }
    }

    // Overlays, translucent over the glyphs: modified since flush, found, selected;
    // one rectangle per line and pane for each range.
    const auto paintRanges = [&](const std::vector<RangeSet::Range> &ranges, const QColor &color) {
        for (const auto &range : ranges) {
            for (qint64 at = range.start; at < range.end;) {
                const qint64 line = m_layout.lineOf(at);
                const qint64 end = std::min<qint64>(range.end, m_layout.lineStart(line + 1));
                const int first = m_layout.columnOf(at);
                const int last = m_layout.columnOf(end - 1);
                const int y = m_layout.lineY(line, m_firstLine);
                const int hexLeft = m_layout.hexX(first);
                painter.fillRect(x0 + hexLeft, y,
                    m_layout.hexX(last) + m_layout.hexCellWidth() - hexLeft, metrics.lineHeight,
                    color);
                painter.fillRect(x0 + m_layout.textX(first), y,
                    (last - first + 1) * metrics.charWidth, metrics.lineHeight, color);
                at = end;
            }
        }
    };
    QColor selected = pal.color(QPalette::Highlight);
    selected.setAlpha(100);
    paintRanges(m_model->modifiedRanges().intersecting(firstOffset, endOffset),
        QColor(0xff, 0x70, 0x43, 70));
    paintRanges(m_highlights.intersecting(firstOffset, endOffset), QColor(0xff, 0xc1, 0x07, 110));
    if (hasSelection()) {
        RangeSet selection;
        selection.add(selectionStart(), selectionStart() + selectionLength());
        paintRanges(selection.intersecting(firstOffset, endOffset), selected);
    }
    if (m_model->size() > 0)
        paintCursor(painter, x0, m_layout.lineOf(m_cursor));
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
    const int column = m_layout.columnOf(m_cursor);
    const int y = m_layout.lineY(line, m_firstLine);
    const QRect hexCell(x0 + m_layout.hexX(column), y, m_layout.hexCellWidth(), metrics.lineHeight);
    const QRect textCell(x0 + m_layout.textX(column), y, metrics.charWidth, metrics.lineHeight);
    const QColor color = palette().color(QPalette::Highlight);
    QColor fill = color;
    fill.setAlpha(hasFocus() ? 90 : 45);

    // The active pane gets a filled block (on the nibble in hex), the other an outline.
    const QRect active = m_pane == Pane::Hex ? QRect(hexCell.x() + m_nibble * metrics.charWidth, y,
                             metrics.charWidth, metrics.lineHeight)
                                             : textCell;
    const QRect passive = m_pane == Pane::Hex ? textCell : hexCell;
    painter.fillRect(active, fill);
    painter.setPen(color);
    painter.drawRect(active.adjusted(0, 0, -1, -1));
    painter.setPen(QPen(color, 1, Qt::DotLine));
    painter.drawRect(passive.adjusted(0, 0, -1, -1));
}

} // namespace hexmap
