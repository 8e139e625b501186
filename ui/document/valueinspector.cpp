#include "valueinspector.h"

#include "document.h"
#include "editor.h"

namespace hexmap {

ValueInspector::ValueInspector(QObject *parent)
    : QObject(parent)
{
}

void ValueInspector::setEditor(Editor *editor)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_editor = editor;
    if (editor) {
        const auto follow = [this] {
            setEditor(m_editor); // its document was replaced: watch the new one
        };
        m_connections << connect(editor, &Editor::changed, this, &ValueInspector::changed)
                      << connect(editor, &Editor::documentChanged, this, follow);
        if (Document *document = editor->document()) {
            // A keystroke changes both: the editor tells it once, at its end.
            m_connections << connect(document, &Document::changed, this, [this] {
                if (m_editor && !m_editor->isChanging())
                    emit changed();
            }) << connect(document, &Document::changedOnDisk, this, &ValueInspector::changed);
        }
    }
    emit changed();
}

void ValueInspector::setBigEndian(bool bigEndian)
{
    if (bigEndian == m_bigEndian)
        return;
    m_bigEndian = bigEndian;
    emit changed();
}

Document *ValueInspector::document() const
{
    return m_editor ? m_editor->document() : nullptr;
}

values::Decoded ValueInspector::value(values::Type type) const
{
    const Document *document = this->document();
    if (!document || document->size() == 0)
        return {QString(), tr("no bytes"), 0};
    const ByteBlock block = document->read(m_editor->cursorOffset(), values::kMaxBytes);
    // Bytes the file no longer backs are not there to read.
    const qsizetype missing = block.firstMissing();
    const QByteArrayView bytes
        = QByteArrayView(block.bytes).first(missing < 0 ? block.bytes.size() : missing);
    if (missing == 0)
        return {QString(), tr("the bytes are gone from the file: %1").arg(block.whyMissing), 0};
    return values::decode(type, bytes, m_bigEndian);
}

QString ValueInspector::whyNotWrite() const
{
    const Document *document = this->document();
    if (!document)
        return tr("no document");
    return document->whyNot(Document::Operation::Edit);
}

bool ValueInspector::write(values::Type type, const QString &text)
{
    m_lastError = whyNotWrite();
    if (!m_lastError.isEmpty())
        return false;
    // A LEB128 keeps the length of the one it replaces, so that no stray byte of it stays.
    const values::Decoded current = value(type);
    auto bytes = values::encode(type, text, m_bigEndian, current.size, &m_lastError);
    if (!bytes)
        return false;
    Document *document = this->document();
    if (!document->overwrite(m_editor->cursorOffset(), *bytes)) {
        m_lastError = document->lastError();
        return false;
    }
    return true;
}

} // namespace hexmap
