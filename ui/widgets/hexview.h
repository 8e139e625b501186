#pragma once

#include "glyphcache.h"
#include "hexlayout.h"
#include "hexmodel.h" // QPointer needs the whole class
#include "rangeset.h"

#include <QAbstractScrollArea>
#include <QPointer>

#include <functional>

namespace hexmap {

// The hex widget: address column, hex pane, text pane, for maps of any size. Paints
// only the visible lines, reading them from the model; addresses are 64-bit and the
// scroll bar maps proportionally onto lines (ScrollMapping). Editing is overwrite
// only: hex digits in the hex pane, characters in the text pane, through the model's
// undo stack.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    // 0 fits as many bytes per line as the width allows.
    static constexpr int kFitToWidth = 0;
    // Copying more than this to the clipboard is refused.
    static constexpr qint64 kMaxCopyBytes = qint64(64) << 20;

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    // The model is not owned; the view forgets it when it is destroyed.
    void setModel(HexModel *model);
    [[nodiscard]] HexModel *model() const { return m_model; }

    [[nodiscard]] qint64 cursorOffset() const { return m_cursor; }
    [[nodiscard]] int cursorNibble() const { return m_nibble; }
    [[nodiscard]] Pane activePane() const { return m_pane; }
    void setActivePane(Pane pane);
    // Moves the cursor (clamped to the data) and scrolls it into view; extend keeps the
    // selection's anchor and selects up to the cursor.
    void setCursorOffset(qint64 offset, bool extendSelection = false);

    [[nodiscard]] bool hasSelection() const { return m_anchor >= 0; }
    [[nodiscard]] qint64 selectionStart() const;
    [[nodiscard]] qint64 selectionLength() const;
    // Selects [start, start + length) and puts the cursor on its last byte.
    void setSelection(qint64 start, qint64 length);
    void clearSelection();

    // 8, 16, 32 ... or kFitToWidth.
    void setBytesPerLine(int bytesPerLine);
    [[nodiscard]] const HexLayout &layout() const { return m_layout; }
    [[nodiscard]] qint64 firstVisibleLine() const { return m_firstLine; }

    // Ranges painted as found (search matches); replaces the previous ones.
    void setHighlights(const RangeSet &ranges);
    [[nodiscard]] const RangeSet &highlights() const { return m_highlights; }

public slots:
    void copy();
    void paste();
    void undo();
    void redo();
    void selectAll();
    void zoomIn();
    void zoomOut();

signals:
    void cursorMoved(qint64 offset);
    void selectionChanged(qint64 start, qint64 length);
    // An edit or clipboard action was refused; reason says why.
    void editRefused(const QString &reason);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    struct Navigation
    {
        QKeySequence::StandardKey move;
        QKeySequence::StandardKey select;
        std::function<qint64(const HexView &)> target;
    };

    void relayout();
    void updateScrollBars();
    void setFirstLine(qint64 line);
    void ensureCursorVisible();
    void moveCursor(qint64 offset, int nibble, bool extend);
    [[nodiscard]] qint64 lastOffset() const;
    [[nodiscard]] int fullyVisibleLines() const;

    // Key handlers, tried in turn.
    bool handleCommandKey(QKeyEvent *event);
    bool handleNavigationKey(QKeyEvent *event);
    bool handleTyping(QKeyEvent *event);
    void typeHexDigit(int value);
    void typeByte(quint8 byte);
    [[nodiscard]] static const std::vector<Navigation> &navigations();

    void setZoom(qreal pointSize);
    void paintHeader(QPainter &painter, int x0);
    [[nodiscard]] QPixmap renderHeader() const;
    void paintCursor(QPainter &painter, int x0, qint64 line);

    QPointer<HexModel> m_model;
    HexLayout m_layout;
    ScrollMapping m_scroll;
    GlyphCache m_glyphs;
    QPixmap m_header; // rebuilt after every relayout
    RangeSet m_highlights;
    qint64 m_firstLine = 0;
    qint64 m_cursor = 0;
    qint64 m_anchor = -1; // -1: no selection
    qint64 m_dragStart = -1;
    int m_nibble = 0;
    Pane m_pane = Pane::Hex;
    int m_bytesPerLineSetting = 16;
    bool m_settingScrollBar = false;
};

} // namespace hexmap
