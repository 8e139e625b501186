#include "editor.h"

#include "document.h"
#include "inputparsing.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace hexmap {

const QString Editor::kRawMime = QStringLiteral("application/octet-stream");

class Editor::Change
{
public:
    explicit Change(Editor &editor)
        : m_editor(editor)
    {
        if (m_editor.m_changeDepth++ == 0) {
            m_editor.m_changeStart = m_editor.state();
            m_editor.m_documentChangedMeanwhile = false;
        }
    }
    ~Change()
    {
        if (--m_editor.m_changeDepth == 0
            && (m_editor.state() != m_editor.m_changeStart || m_editor.m_documentChangedMeanwhile))
            emit m_editor.changed();
    }
    Change(const Change &) = delete;
    Change &operator=(const Change &) = delete;

private:
    Editor &m_editor;
};

Editor::Editor(Document *document, QObject *parent)
    : QObject(parent)
{
    setDocument(document);
}

Editor::~Editor() = default;

void Editor::setDocument(Document *document)
{
    {
        const Change change(*this);
        if (m_document)
            disconnect(m_document, nullptr, this, nullptr);
        m_document = document;
        m_cursor = 0;
        m_nibble = 0;
        m_anchor = -1;
        m_between = false;
        m_highlights.clear();
        if (document)
            connect(document, &Document::changed, this, [this](const DocumentChange &change) {
                if (isChanging())
                    m_documentChangedMeanwhile = true;
                else if (!change.shifts.empty() || change.hasBytes())
                    followDocument(change);
                if (change.sizeChanged)
                    clampToSize();
            });
    }
    emit documentChanged();
}

void Editor::setHighlights(const RangeSet &ranges)
{
    m_highlights = ranges;
    emit highlightsChanged();
}

Document *Editor::document() const
{
    return m_document;
}

qint64 Editor::lastOffset() const
{
    if (!m_document)
        return 0;
    return m_insertMode ? m_document->size() : std::max<qint64>(m_document->size() - 1, 0);
}

void Editor::setInsertMode(bool on)
{
    const Change change(*this);
    m_insertMode = on;
    m_nibble = 0;
    clampToSize();
}

void Editor::followDocument(const DocumentChange &change)
{
    const Change guard(*this);
    m_nibble = 0; // a byte half typed is not any more: its bytes changed under it
    m_cursor = std::clamp<qint64>(change.shifted(m_cursor), 0, lastPosition());
    if (m_anchor >= 0)
        m_anchor = std::clamp<qint64>(change.shifted(m_anchor), 0, lastPosition());
}

qint64 Editor::lastPosition() const
{
    return m_between ? (m_document ? m_document->size() : 0) : lastOffset();
}

void Editor::clampToSize()
{
    const Change change(*this);
    if (m_cursor > lastPosition())
        moveCursor(lastOffset());
    if (m_anchor > lastPosition())
        clearSelection();
}

qint64 Editor::selectionStart() const
{
    return m_anchor < 0 ? m_cursor : std::min(m_anchor, m_cursor);
}

qint64 Editor::selectionLength() const
{
    if (m_anchor < 0 || !m_document || m_document->size() == 0)
        return 0;
    return std::max(m_anchor, m_cursor) - std::min(m_anchor, m_cursor) + (m_between ? 0 : 1);
}

void Editor::setActivePane(Pane pane)
{
    const Change change(*this);
    m_pane = pane;
    m_nibble = 0;
}

void Editor::togglePane()
{
    setActivePane(m_pane == Pane::Hex ? Pane::Text : Pane::Hex);
}

void Editor::moveCursor(qint64 offset, int nibble, bool extend)
{
    const Change change(*this);
    if (extend && m_anchor < 0) {
        m_anchor = std::min(m_cursor, lastOffset());
    } else if (extend && m_between) {
        // Between positions to bytes: the selection's first or last byte stays.
        if (m_cursor < m_anchor)
            --m_anchor;
        m_anchor = std::clamp<qint64>(m_anchor, 0, lastOffset());
    } else if (!extend) {
        m_anchor = -1;
    }
    m_between = false;
    m_cursor = std::clamp<qint64>(offset, 0, lastOffset());
    m_nibble = nibble;
}

void Editor::place(Pane pane, qint64 offset, int nibble, bool extend)
{
    const Change change(*this);
    m_pane = pane;
    moveCursor(offset, nibble, extend);
}

void Editor::select(qint64 anchor, qint64 cursor)
{
    const Change change(*this);
    moveCursor(anchor);
    moveCursor(cursor, 0, true);
}

void Editor::setSelection(qint64 start, qint64 length)
{
    if (length <= 0)
        moveCursor(start);
    else
        select(start, start + length - 1);
}

void Editor::clearSelection()
{
    moveCursor(m_cursor, m_nibble, false);
}

void Editor::selectAll()
{
    if (m_document && m_document->size() > 0)
        setSelection(0, m_document->size());
}

qint64 Editor::target(Move move, int bytesPerLine, int visibleLines) const
{
    // A position that ends a selection made forward is at the end of its line, not at
    // the start of the next.
    const bool lineEnd
        = m_between && m_cursor > m_anchor && m_cursor > 0 && m_cursor % bytesPerLine == 0;
    const qint64 line = (lineEnd ? m_cursor - 1 : m_cursor) / bytesPerLine;
    const qint64 page = qint64(visibleLines) * bytesPerLine;
    switch (move) {
    case Move::NextByte:
        return m_cursor + 1;
    case Move::PreviousByte:
        return m_cursor - 1;
    case Move::NextLine:
        return m_cursor + bytesPerLine;
    case Move::PreviousLine:
        // The first line stays where it is rather than going to offset 0.
        return std::max<qint64>(m_cursor - bytesPerLine, m_cursor % bytesPerLine);
    case Move::NextPage:
        return m_cursor + page;
    case Move::PreviousPage:
        return m_cursor - page;
    case Move::LineStart:
        return line * bytesPerLine;
    case Move::LineEnd:
        return (line + 1) * bytesPerLine - (m_between ? 0 : 1);
    case Move::DocumentStart:
        return 0;
    case Move::DocumentEnd:
        return lastPosition();
    }
    return m_cursor;
}

void Editor::navigate(Move move, bool extend, int bytesPerLine, int visibleLines)
{
    if (!extend) {
        moveCursor(target(move, bytesPerLine, visibleLines));
        return;
    }
    // Selecting by keyboard goes between positions, as in a text editor: from where the
    // cursor was to where it goes, [anchor, cursor) or [cursor, anchor).
    const Change change(*this);
    if (m_anchor < 0) {
        m_anchor = m_cursor;
    } else if (!m_between && m_cursor >= m_anchor) {
        ++m_cursor; // the selected bytes [anchor, cursor] are the positions [anchor, cursor + 1)
    } else if (!m_between) {
        ++m_anchor; // [cursor, anchor] are [cursor, anchor + 1)
    }
    m_between = true;
    m_cursor = std::clamp<qint64>(target(move, bytesPerLine, visibleLines), 0, lastPosition());
    m_nibble = 0;
}

void Editor::refuse(const QString &message) const
{
    if (m_document)
        m_document->fail(message);
}

bool Editor::typeHexDigit(int value)
{
    if (!m_document)
        return false;
    const Change change(*this); // the cursor is placed here, not moved by the insert
    if (m_insertMode && m_nibble == 0) {
        // A new byte holding the digit; the second digit then fills it in.
        if (!m_document->insert(
                m_cursor, QByteArray(1, char(value << 4)), Document::EditKind::Typing))
            return false;
        moveCursor(m_cursor, 1);
        return true;
    }
    if (m_document->size() == 0)
        return false;
    const ByteBlock current = m_document->read(m_cursor, 1);
    if (current.bytes.isEmpty() || current.isMissing(0)) {
        refuse(tr("The byte at offset %1 can no longer be read: %2.")
                   .arg(m_cursor)
                   .arg(current.whyMissing));
        return false;
    }
    const auto old = quint8(current.bytes.at(0));
    const auto byte = quint8(m_nibble == 0 ? (value << 4) | (old & 0x0f) : (old & 0xf0) | value);
    if (!m_document->overwrite(m_cursor, QByteArray(1, char(byte)), Document::EditKind::Typing))
        return false;
    if (m_nibble == 0)
        moveCursor(m_cursor, 1);
    else if (m_cursor < lastOffset())
        moveCursor(m_cursor + 1);
    else
        moveCursor(m_cursor, 1); // the last byte: stay on it
    return true;
}

bool Editor::typeCharacters(const QString &text)
{
    if (!m_document || (m_document->size() == 0 && !m_insertMode))
        return false;
    QString error;
    const auto bytes = encodeCharacters(text, m_decoder.encoding(), &error);
    if (!bytes) {
        refuse(tr("Cannot type that: %1.").arg(error));
        return false;
    }
    return put(*bytes, Document::EditKind::Typing);
}

bool Editor::put(const QByteArray &bytes, Document::EditKind kind)
{
    const bool written = m_insertMode ? m_document->insert(m_cursor, bytes, kind)
                                      : m_document->overwrite(m_cursor, bytes, kind);
    if (written)
        moveCursor(m_cursor + bytes.size());
    return written;
}

bool Editor::insertBytes(const QByteArray &bytes)
{
    if (!m_document || bytes.isEmpty())
        return false;
    const Change change(*this);
    const qint64 at = m_cursor;
    if (!m_document->insert(at, bytes))
        return false;
    setSelection(at, bytes.size());
    return true;
}

bool Editor::deleteBytes(bool forward)
{
    if (!m_document)
        return false;
    const Change change(*this);
    qint64 start = selectionStart();
    qint64 count = selectionLength();
    if (count == 0) {
        if (!m_insertMode)
            return false;
        // Backspace on a byte half typed (one hex digit) takes that byte.
        start = forward || m_nibble == 1 ? m_cursor : m_cursor - 1;
        count = start >= 0 && start < m_document->size() ? 1 : 0;
    }
    if (count == 0 || !m_document->remove(start, count))
        return false;
    moveCursor(start);
    return true;
}

bool Editor::typeText(const QString &text)
{
    static const QString digits = QStringLiteral("0123456789abcdef");
    const QList<uint> characters = text.toUcs4();
    const bool typeable = !text.isEmpty() && std::ranges::all_of(characters, [this](uint c) {
        return m_pane == Pane::Hex ? c < 0x80 && digits.contains(QChar(c).toLower())
                                   : QChar::isPrint(c);
    });
    if (!typeable)
        return false;
    if (m_cursor > lastOffset()) {
        refuse(tr("The cursor is past the last byte: there is nothing to overwrite there."));
        return true;
    }
    const Change change(*this);
    if (m_pane == Pane::Text) {
        typeCharacters(text);
        return true;
    }
    for (const QChar c : text) {
        if (!typeHexDigit(int(digits.indexOf(c.toLower()))))
            break;
    }
    return true;
}

void Editor::setTextEncoding(TextEncoding encoding)
{
    if (encoding != m_decoder.encoding())
        m_decoder = TextDecoder(encoding);
}

std::unique_ptr<QMimeData> Editor::copyData(ByteFormat format) const
{
    if (!m_document || !hasSelection())
        return nullptr;
    if (selectionLength() > kMaxCopyBytes) {
        refuse(tr("The selection (%1 bytes) is too large to copy; the limit is %2 MiB. Export "
                  "Selection writes any size to a file.")
                   .arg(selectionLength())
                   .arg(kMaxCopyBytes >> 20));
        return nullptr;
    }
    const ByteBlock block = m_document->read(selectionStart(), selectionLength());
    if (!block.missing.isEmpty()) {
        refuse(tr("The byte at offset %1 of the selection can no longer be read: %2.")
                   .arg(selectionStart() + block.firstMissing())
                   .arg(block.whyMissing));
        return nullptr;
    }
    auto mime = std::make_unique<QMimeData>();
    mime->setData(kRawMime, block.bytes);
    // The text as UTF-8 bytes, not a QString of twice the size (the formats are ASCII).
    if (format != ByteFormat::Raw)
        mime->setData(QStringLiteral("text/plain"),
            ByteFormatter::format(format, block.bytes,
                m_document->options().offset + selectionStart(), m_decoder.encoding()));
    return mime;
}

std::unique_ptr<QMimeData> Editor::copyData() const
{
    return copyData(m_pane == Pane::Hex ? ByteFormat::HexText : ByteFormat::Characters);
}

void Editor::copy() const
{
    if (auto mime = copyData())
        QGuiApplication::clipboard()->setMimeData(mime.release());
}

void Editor::copyAs(ByteFormat format) const
{
    if (auto mime = copyData(format))
        QGuiApplication::clipboard()->setMimeData(mime.release());
}

std::optional<QByteArray> Editor::clipboardBytes(const QMimeData &mime) const
{
    if (mime.hasFormat(kRawMime))
        return mime.data(kRawMime);
    QString error;
    if (m_pane == Pane::Hex) {
        const auto parsed = input::parseHexBytes(mime.text(), &error);
        if (!parsed)
            refuse(tr("The clipboard does not hold hex bytes: %1.").arg(error));
        return parsed;
    }
    const auto encoded = encodeCharacters(mime.text(), m_decoder.encoding(), &error);
    if (!encoded) {
        refuse(tr("The clipboard text cannot be pasted in the text pane: %1. Paste it in the "
                  "hex pane as hex.")
                   .arg(error));
    }
    return encoded;
}

bool Editor::paste(const QMimeData &mime)
{
    if (!m_document)
        return false;
    const Change change(*this); // the cursor is placed here, not moved by the insert
    const auto bytes = clipboardBytes(mime);
    return bytes && !bytes->isEmpty() && put(*bytes, Document::EditKind::Single);
}

bool Editor::insertClipboard()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    const auto bytes = mime && m_document ? clipboardBytes(*mime) : std::nullopt;
    return bytes && insertBytes(*bytes);
}

bool Editor::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    return mime && paste(*mime);
}

} // namespace hexmap
