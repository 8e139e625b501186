#pragma once

#include <QByteArray>
#include <QUndoCommand>

namespace hexmap {

class HexModel;

// A resize of map and file, already applied when pushed. Undoing a shrink puts the
// cut bytes back.
class ResizeCommand : public QUndoCommand
{
public:
    ResizeCommand(HexModel *model, qint64 oldSize, qint64 newSize, QByteArray cutBytes);

    void undo() override;
    void redo() override;

private:
    HexModel *m_model;
    qint64 m_oldSize;
    qint64 m_newSize;
    QByteArray m_cutBytes;
    bool m_applied = true;
};

} // namespace hexmap
