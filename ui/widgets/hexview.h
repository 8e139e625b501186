#pragma once

#include "document.h" // QPointer needs the whole class
#include "editor.h"
#include "glyphcache.h"
#include "hexlayout.h"
#include "rangeset.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QKeySequence>
#include <QList>
#include <QPointer>

#include <functional>
#include <vector>

namespace hexmap {

// The hex widget: address column, hex pane, text pane, for maps of any size. Paints
// only the visible lines, reading them from the document; addresses are 64-bit and the
// scroll bar maps proportionally onto lines (ScrollMapping). It routes keys and the
// mouse to its Editor, which owns the cursor, the selection and editing, and paints
// what the Editor holds; the cursor and selection API below forwards to it.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    // 0 fits as many bytes per line as the width allows.
    static constexpr int kFitToWidth = 0;
    // Copying more than this to the clipboard is refused.
    static constexpr qint64 kMaxCopyBytes = Editor::kMaxCopyBytes;

    // The view's own keys (not the window's actions), as Help ▸ Keyboard Shortcuts lists
    // them: the platform's key sequences and what they do.
    struct KeyHelp
    {
        QList<QKeySequence> keys;
        QString what;
    };
    [[nodiscard]] static QList<KeyHelp> keyTable();

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    // The document is not owned; the view forgets it when it is destroyed.
    void setDocument(Document *document);
    [[nodiscard]] Document *document() const { return m_document; }
    // The cursor, selection and editing of the document shown; the view owns it.
    [[nodiscard]] Editor *editor() const { return m_editor; }

    [[nodiscard]] qint64 cursorOffset() const { return m_editor->cursorOffset(); }
    [[nodiscard]] int cursorNibble() const { return m_editor->cursorNibble(); }
    [[nodiscard]] Pane activePane() const { return m_editor->activePane(); }
    void setActivePane(Pane pane) { m_editor->setActivePane(pane); }
    // Moves the cursor (clamped to the data) and scrolls it into view; extend keeps the
    // selection's anchor and selects up to the cursor.
    void setCursorOffset(qint64 offset, bool extendSelection = false);

    [[nodiscard]] bool hasSelection() const { return m_editor->hasSelection(); }
    [[nodiscard]] qint64 selectionStart() const { return m_editor->selectionStart(); }
    [[nodiscard]] qint64 selectionLength() const { return m_editor->selectionLength(); }
    // Selects [start, start + length), puts the cursor on its last byte and scrolls it
    // into view.
    void setSelection(qint64 start, qint64 length);
    void clearSelection();

    // 8, 16, 32 ... or kFitToWidth.
    void setBytesPerLine(int bytesPerLine);
    [[nodiscard]] const HexLayout &layout() const { return m_layout; }
    [[nodiscard]] qint64 firstVisibleLine() const { return m_firstLine; }

    // The text pane's encoding, the Editor's: typing, pasting and copying follow it.
    void setTextEncoding(TextEncoding encoding);
    [[nodiscard]] TextEncoding textEncoding() const { return m_editor->textDecoder().encoding(); }

    // Ranges painted as found (search matches); replaces the previous ones.
    void setHighlights(const RangeSet &ranges);
    [[nodiscard]] const RangeSet &highlights() const { return m_editor->highlights(); }
    // Ranges painted over the bytes shown, each set in its colour, asked for at every
    // paint for the offsets [start, end) on screen (a compare view's differences).
    struct Marks
    {
        std::vector<RangeSet::Range> ranges;
        QColor color;
    };
    using MarkProvider = std::function<QList<Marks>(qint64 start, qint64 end)>;
    void setMarkProvider(MarkProvider provider);
    // Shows line first (clamped), as scrolling there does.
    void scrollToLine(qint64 line) { setFirstLine(line); }

public slots:
    void copy();
    void paste();
    void undo();
    void redo();
    void selectAll();
    void zoomIn();
    void zoomOut();
    // Back to the system's fixed font size.
    void resetZoom();

signals:
    // The Editor's changed(), split for listeners that want one of its parts.
    void cursorMoved(qint64 offset);
    void selectionChanged(qint64 start, qint64 length);
    // The first line shown changed (scrolling, or following the cursor).
    void firstLineChanged(qint64 line);

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
    void relayout();
    void updateScrollBars();
    void setFirstLine(qint64 line);
    void ensureCursorVisible();
    // After the Editor changed: scroll to the cursor, repaint, tell the listeners.
    void followEditor();
    [[nodiscard]] int fullyVisibleLines() const;

    // Key handlers, tried in turn.
    bool handleCommandKey(QKeyEvent *event);
    bool handleNavigationKey(QKeyEvent *event);
    bool handleTyping(QKeyEvent *event);

    void setZoom(qreal pointSize);
    // The vertical scroll bar's thumb in a colour that stands out from its groove.
    void contrastScrollBar();
    void paintHeader(QPainter &painter, int x0);
    [[nodiscard]] QPixmap renderHeader() const;
    void paintCursor(QPainter &painter, int x0, qint64 line);

    QPointer<Document> m_document;
    MarkProvider m_markProvider;
    Editor *m_editor; // a child
    HexLayout m_layout;
    ScrollMapping m_scroll;
    GlyphCache m_glyphs;
    QPixmap m_header; // rebuilt after every relayout
    bool m_settingDocument = false; // followEditor waits: setDocument reports once
    qint64 m_firstLine = 0;
    qint64 m_dragStart = -1;
    qint64 m_shownCursor = 0; // what cursorMoved and selectionChanged last said
    qint64 m_shownSelectionStart = 0;
    qint64 m_shownSelectionLength = 0;
    int m_bytesPerLineSetting = 16;
    bool m_settingScrollBar = false;
};

} // namespace hexmap
