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

bool ResizeCommand::apply(bool forward)
{
    return forward ? m_model->applyResize(m_newSize, {})
                   : m_model->applyResize(m_oldSize, m_cutBytes);
}

} // namespace hexmap
