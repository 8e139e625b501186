#pragma once

#include "byteformat.h"
#include "document.h"
#include "pane.h"
#include "rangeset.h"
#include "textdecoder.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QMimeData;

namespace hexmap {

// What the user is doing in one open map, without any widget: the cursor, the anchor
// of the selection, the active pane and the half-typed nibble; typing, paste, copy and
// where each navigation key leads. Edits go through the document's undo stack; refusals
// through the document's failed() (and lastError). Every operation emits changed() at
// most once, and only if the cursor, selection, pane or nibble moved.
class Editor : public QObject
{
    Q_OBJECT

public:
    // Copying more than this to the clipboard is refused.
    static constexpr qint64 kMaxCopyBytes = qint64(64) << 20;
    // The clipboard format of raw bytes, which paste prefers to any text.
    static const QString kRawMime;

    // Where a navigation key leads; see target().
    enum class Move {
        NextByte,
        PreviousByte,
        NextLine,
        PreviousLine,
        NextPage,
        PreviousPage,
        LineStart,
        LineEnd,
        DocumentStart,
        DocumentEnd,
    };

    // The document is not owned; the editor forgets it when it is destroyed.
    explicit Editor(Document *document = nullptr, QObject *parent = nullptr);
    ~Editor() override;

    // Starts over on document: cursor at 0, no selection, first nibble (the pane stays).
    void setDocument(Document *document);
    [[nodiscard]] Document *document() const;

    [[nodiscard]] qint64 cursorOffset() const { return m_cursor; }
    // 0 on the high nibble, 1 after a first hex digit was typed into the byte.
    [[nodiscard]] int cursorNibble() const { return m_nibble; }
    [[nodiscard]] Pane activePane() const { return m_pane; }
    [[nodiscard]] bool hasSelection() const { return selectionLength() > 0; }
    // Where the selection started (the end that stays when it is extended), or -1
    // without one.
    [[nodiscard]] qint64 anchor() const { return m_anchor; }
    // Whether the selection lies between positions, as in a text editor: it was extended
    // by keyboard (navigate), and the cursor may stand after the last byte (at size).
    // Otherwise it holds the bytes at the anchor and at the cursor (a click, select()).
    [[nodiscard]] bool selectsBetween() const { return m_between; }
    // The selected bytes [start, start + length): [min, max) of anchor and cursor between
    // positions, [min, max] of bytes; the cursor and length 0 without a selection or on an
    // empty map.
    [[nodiscard]] qint64 selectionStart() const;
    [[nodiscard]] qint64 selectionLength() const;
    // The last offset the cursor may take on a byte: size - 1, or 0 on an empty map; in
    // insert mode size, after the last byte, where typing appends.
    [[nodiscard]] qint64 lastOffset() const;

    // Insert mode: typing and paste insert before the cursor instead of overwriting,
    // and Delete and Backspace without a selection delete a byte.
    [[nodiscard]] bool insertMode() const { return m_insertMode; }
    void setInsertMode(bool on);

    // Switches pane; a half-typed byte is left as it is and typing starts anew.
    void setActivePane(Pane pane);
    void togglePane();
    // Moves the cursor (clamped to the data) onto nibble; extend keeps the selection's
    // anchor (the old cursor if there was none) and selects up to the cursor's byte
    // included (as a mouse does), otherwise the selection is dropped.
    void moveCursor(qint64 offset, int nibble = 0, bool extend = false);
    // A click: the pane, then moveCursor.
    void place(Pane pane, qint64 offset, int nibble, bool extend);
    // Selects from anchor to cursor, both included (each clamped), cursor on cursor.
    void select(qint64 anchor, qint64 cursor);
    // Selects [start, start + length) with the cursor on its last byte; length <= 0 only
    // moves the cursor to start.
    void setSelection(qint64 start, qint64 length);
    void clearSelection();
    void selectAll();

    // Where move leads from the cursor, before clamping to the data, for a view of
    // bytesPerLine bytes per line showing visibleLines whole lines.
    [[nodiscard]] qint64 target(Move move, int bytesPerLine, int visibleLines) const;
    // moveCursor(target(...)) without extend; with extend the selection goes between
    // positions (selectsBetween) from the cursor's position before to the one after, and
    // the end keys go past the last byte of the line or the map.
    void navigate(Move move, bool extend, int bytesPerLine, int visibleLines);

    // A hex digit (0..15) into the cursor's nibble in place, as one undo step with the
    // typing before it; the cursor goes to the low nibble, then to the next byte (it
    // stays on the last byte). False if nothing was written.
    bool typeHexDigit(int value);
    // What the user typed, in the active pane: hex digits in the hex pane, printable
    // characters in the text pane, written in the text encoding over as many bytes as
    // they take. False, typing nothing, when text holds anything else (the key is not
    // for the editor); true otherwise, even if the write was refused (a character the
    // encoding cannot hold, or the document's reason), with the reason through failed().
    bool typeText(const QString &text);

    // The text pane's encoding: what it shows, what typing and pasting text in it
    // write, and what copying from it gives.
    [[nodiscard]] const TextDecoder &textDecoder() const { return m_decoder; }
    void setTextEncoding(TextEncoding encoding);

    // The selection as the clipboard takes it: raw bytes always, and as text in format
    // (none for Raw; xxd's offsets are the file's). Null without a selection, or refused (too
    // large, unreadable bytes) with the reason through the document's failed().
    [[nodiscard]] std::unique_ptr<QMimeData> copyData(ByteFormat format) const;
    // copyData() of what the active pane shows: hex text, or the text pane's characters.
    [[nodiscard]] std::unique_ptr<QMimeData> copyData() const;
    // copyData() onto the application's clipboard.
    void copy() const;
    void copyAs(ByteFormat format) const;
    // Overwrites at the cursor, as one undo step, with raw bytes if mime has them, else
    // its text: hex bytes in the hex pane, characters in the text encoding in the text pane. The
    // cursor goes past the pasted bytes. False if nothing was written.
    bool paste(const QMimeData &mime);
    // paste() of the application's clipboard.
    bool paste();

    // Inserts bytes before the cursor and selects them. False if nothing was inserted.
    bool insertBytes(const QByteArray &bytes);
    // insertBytes() of what paste() would write from the application's clipboard.
    bool insertClipboard();
    // Deletes the selection, the cursor then at its start; without one, in insert mode,
    // the byte at the cursor (forward, Delete) or before it (Backspace; the byte at the
    // cursor when half typed). False if nothing was deleted.
    bool deleteBytes(bool forward);

    // Ranges shown highlighted (Find All's matches); cleared with a new document.
    [[nodiscard]] const RangeSet &highlights() const { return m_highlights; }
    void setHighlights(const RangeSet &ranges);

    // Whether an operation of the editor is under way: the document's changes made
    // meanwhile are told by its changed() when it ends.
    [[nodiscard]] bool isChanging() const { return m_changeDepth > 0; }

signals:
    // Once per operation of the editor: the cursor, the selection, the pane or the
    // nibble changed, or the operation changed the document's bytes (typing, paste).
    void changed();
    // setDocument() put the editor over another document (a tab's file was loaded again).
    void documentChanged();
    void highlightsChanged();

private:
    struct State
    {
        qint64 cursor;
        qint64 anchor;
        bool between;
        int nibble;
        Pane pane;
        bool insertMode;
        bool operator==(const State &) const = default;
    };
    // Emits changed() when the outermost one ends, if the state differs from its start.
    class Change;

    void refuse(const QString &message) const;
    void clampToSize();
    // text's characters in the text encoding at the cursor, the cursor after them.
    bool typeCharacters(const QString &text);
    // What pasting mime writes (see paste()); nothing, with the reason through failed(),
    // when it holds nothing the active pane can take.
    [[nodiscard]] std::optional<QByteArray> clipboardBytes(const QMimeData &mime) const;
    // Overwrites (or in insert mode inserts) bytes at the cursor.
    bool put(const QByteArray &bytes, Document::EditKind kind);
    // After a change of the bytes the editor did not make itself (undo, a replace, an
    // insert or delete elsewhere): typing starts on a new byte, and cursor and anchor move
    // with their bytes.
    void followDocument(const DocumentChange &change);
    [[nodiscard]] State state() const
    {
        return {m_cursor, m_anchor, m_between, m_nibble, m_pane, m_insertMode};
    }
    // The last position the cursor may take: size between positions, else lastOffset().
    [[nodiscard]] qint64 lastPosition() const;

    QPointer<Document> m_document;
    qint64 m_cursor = 0;
    qint64 m_anchor = -1; // -1: no selection
    bool m_between = false; // see selectsBetween()
    int m_nibble = 0;
    Pane m_pane = Pane::Hex;
    bool m_insertMode = false;
    int m_changeDepth = 0;
    RangeSet m_highlights;
    TextDecoder m_decoder;
    State m_changeStart {};
    bool m_documentChangedMeanwhile = false; // during the running operation
};

} // namespace hexmap
