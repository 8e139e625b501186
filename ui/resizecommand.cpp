#include "resizecommand.h"

#include "hexmodel.h"

namespace hexmap {

ResizeCommand::ResizeCommand(HexModel *model, qint64 oldSize, qint64 newSize, QByteArray cutBytes)
    : m_model(model)
    , m_oldSize(oldSize)
    , m_newSize(newSize)
    , m_cutBytes(std::move(cutBytes))
{
    setText(QObject::tr("Resize to %1 bytes").arg(newSize));
}

void ResizeCommand::undo()
{
    m_model->applyResize(m_oldSize, m_cutBytes);
}

void ResizeCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    m_model->applyResize(m_newSize, {});
}

} // namespace hexmap
