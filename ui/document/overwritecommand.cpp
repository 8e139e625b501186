#include "overwritecommand.h"

#include "document.h"
#include "inputparsing.h"

namespace hexmap {

OverwriteCommand::OverwriteCommand(
    Document *document, qint64 offset, QByteArray before, QByteArray after, bool typing)
    : m_document(document)
    , m_offset(offset)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_typing(typing)
{
    setText(typing ? QObject::tr("Typing")
                   : QObject::tr("Overwrite %1")
                         .arg(input::formatCount(
                             m_after.size(), QObject::tr("byte"), QObject::tr("bytes"))));
}

bool OverwriteCommand::apply(bool forward)
{
    const Document::ChangeScope scope(*m_document); // one notification, even from QUndoStack
    return m_document->writeBytes(m_offset, forward ? m_after : m_before);
}

void OverwriteCommand::keepCurrent()
{
    const ByteBlock block = m_document->read(m_offset, m_after.size());
    m_kept = block.missing.isEmpty() && block.bytes.size() == m_after.size() ? block.bytes
                                                                             : QByteArray();
}

bool OverwriteCommand::putBack()
{
    return !m_kept.isEmpty() && m_document->writeBytes(m_offset, m_kept);
}

int OverwriteCommand::id() const
{
    return m_typing ? kTypingId : -1;
}

bool OverwriteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const OverwriteCommand *>(other);
    if (!next)
        return false; // typing of another kind (an insert): a new step
    const qint64 end = m_offset + m_after.size();
    const qint64 nextEnd = next->m_offset + next->m_after.size();
    if (next->m_offset > end || nextEnd < m_offset)
        return false; // not touching: a new step

    const qint64 start = std::min(m_offset, next->m_offset);
    const qint64 length = std::max(end, nextEnd) - start;
    // Before: the older command's bytes win; after: the newer command's.
    QByteArray before(length, '\0');
    before.replace(next->m_offset - start, next->m_before.size(), next->m_before);
    before.replace(m_offset - start, m_before.size(), m_before);
    QByteArray after(length, '\0');
    after.replace(m_offset - start, m_after.size(), m_after);
    after.replace(next->m_offset - start, next->m_after.size(), next->m_after);
    m_offset = start;
    m_before = std::move(before);
    m_after = std::move(after);
    return true;
}

} // namespace hexmap
