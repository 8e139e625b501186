#pragma once

#include "hexcommand.h"

#include <QByteArray>

namespace hexmap {

class Document;

// One overwrite of bytes in the map, already applied when pushed. Typing commands
// whose ranges touch merge, so that a typed run is one undo step.
class OverwriteCommand : public HexCommand
{
public:
    OverwriteCommand(
        Document *document, qint64 offset, QByteArray before, QByteArray after, bool typing);

    [[nodiscard]] qint64 offset() const { return m_offset; }
    [[nodiscard]] const QByteArray &after() const { return m_after; }
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    // Puts back the bytes that were there, not the step's own before or after bytes:
    // another program may have changed them since the step was made.
    void keepCurrent() override;
    bool putBack() override;

private:
    bool apply(bool forward) override;

    Document *m_document;
    qint64 m_offset;
    QByteArray m_before;
    QByteArray m_after;
    QByteArray m_kept; // what keepCurrent() found; empty if it could not be read
    bool m_typing;
};

} // namespace hexmap
