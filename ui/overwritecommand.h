#pragma once

#include <QByteArray>
#include <QUndoCommand>

namespace hexmap {

class HexModel;

// One overwrite of bytes in the map, already applied when pushed. Typing commands
// whose ranges touch merge, so that a typed run is one undo step.
class OverwriteCommand : public QUndoCommand
{
public:
    OverwriteCommand(
        HexModel *model, qint64 offset, QByteArray before, QByteArray after, bool typing);

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    HexModel *m_model;
    qint64 m_offset;
    QByteArray m_before;
    QByteArray m_after;
    bool m_typing;
    bool m_applied = true; // the first redo() is the push: the bytes are already written
};

} // namespace hexmap
