#include "resizecommand.h"

#include "document.h"

namespace hexmap {

ResizeCommand::ResizeCommand(
    Document *document, qint64 oldSize, qint64 newSize, QByteArray cutBytes)
    : m_document(document)
    , m_oldSize(oldSize)
    , m_newSize(newSize)
    , m_cutBytes(std::move(cutBytes))
{
    setText(QObject::tr("Resize to %1 bytes").arg(newSize));
}

bool ResizeCommand::apply(bool forward)
{
    const Document::ChangeScope scope(*m_document); // one notification, even from QUndoStack
    // From its own size only: Map the whole file may have changed the size since.
    if (!m_document->hasStepSize(forward ? m_oldSize : m_newSize))
        return false;
    return forward ? m_document->applyResize(m_newSize, {})
                   : m_document->applyResize(m_oldSize, m_cutBytes);
}

} // namespace hexmap
