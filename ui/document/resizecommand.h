#pragma once

#include "hexcommand.h"

#include <QByteArray>

namespace hexmap {

class Document;

// A resize of map and file, already applied when pushed. Undoing a shrink puts the
// cut bytes back.
class ResizeCommand : public HexCommand
{
public:
    ResizeCommand(Document *document, qint64 oldSize, qint64 newSize, QByteArray cutBytes);

private:
    bool apply(bool forward) override;

    Document *m_document;
    qint64 m_oldSize;
    qint64 m_newSize;
    QByteArray m_cutBytes;
};

} // namespace hexmap
