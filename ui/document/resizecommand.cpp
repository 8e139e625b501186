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
    // From its own size only: Map the whole file may have changed the size since.
    const qint64 from = forward ? m_oldSize : m_newSize;
    if (m_model->size() != from) {
        m_model->fail(QObject::tr("the map is %1 bytes now, not the %2 this step left (it was "
                                  "mapped again since): this resize no longer applies.")
                          .arg(m_model->size())
                          .arg(from));
        return false;
    }
    return forward ? m_model->applyResize(m_newSize, {})
                   : m_model->applyResize(m_oldSize, m_cutBytes);
}

} // namespace hexmap
