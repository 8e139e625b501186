#include "splicecommand.h"

#include "document.h"
#include "inputparsing.h"
#include "overwritecommand.h"

namespace hexmap {

SpliceCommand::SpliceCommand(Document *document, Splices splices, bool typing, const QString &text)
    : m_document(document)
    , m_splices(std::move(splices))
    , m_sizeAfter(document->size())
    , m_typing(typing)
{
    qint64 delta = 0;
    for (const Splice &splice : m_splices)
        delta += splice.delta();
    m_sizeBefore = m_sizeAfter - delta;
    const auto bytes = [](qint64 count) {
        return input::formatCount(count, QObject::tr("byte"), QObject::tr("bytes"));
    };
    qint64 removed = 0;
    qint64 inserted = 0;
    for (const Splice &splice : m_splices) {
        removed += splice.removed;
        inserted += splice.inserted.size();
    }
    if (!text.isEmpty())
        setText(text);
    else if (m_typing)
        setText(QObject::tr("Typing"));
    else if (removed == 0)
        setText(QObject::tr("Insert %1").arg(bytes(inserted)));
    else if (inserted == 0)
        setText(QObject::tr("Delete %1").arg(bytes(removed)));
    else
        setText(QObject::tr("Replace %1 with %2").arg(bytes(removed), bytes(inserted)));
}

bool SpliceCommand::apply(bool forward)
{
    const Document::ChangeScope scope(*m_document); // one notification, even from QUndoStack
    if (!m_document->hasStepSize(forward ? m_sizeBefore : m_sizeAfter))
        return false;
    return m_document->applySplices(forward ? m_splices : inverse());
}

Splices SpliceCommand::inverse() const
{
    Splices back;
    qint64 by = 0;
    for (const Splice &splice : m_splices) {
        back.append({splice.offset + by, qint64(splice.inserted.size()), splice.removedBytes,
            splice.inserted});
        by += splice.delta();
    }
    return back;
}

bool SpliceCommand::isSingleInsert() const
{
    return m_splices.size() == 1 && m_splices.front().removed == 0;
}

int SpliceCommand::id() const
{
    return m_typing ? kTypingId : -1;
}

bool SpliceCommand::mergeWith(const QUndoCommand *other)
{
    if (!isSingleInsert())
        return false;
    Splice &insert = m_splices.front();
    const qint64 end = insert.offset + insert.inserted.size();
    if (const auto *next = dynamic_cast<const SpliceCommand *>(other)) {
        if (!next->isSingleInsert() || next->m_splices.front().offset != end)
            return false;
        insert.inserted += next->m_splices.front().inserted;
        m_sizeAfter = next->m_sizeAfter;
        return true;
    }
    const auto *typed = dynamic_cast<const OverwriteCommand *>(other);
    if (!typed || typed->offset() < insert.offset || typed->offset() + typed->after().size() > end)
        return false;
    insert.inserted.replace(typed->offset() - insert.offset, typed->after().size(), typed->after());
    return true;
}

} // namespace hexmap
