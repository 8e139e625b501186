#pragma once

#include <QByteArray>
#include <QList>

namespace hexmap {

// One replacement of bytes by bytes of any length, at an offset of the map: an insert
// (nothing removed), a delete (nothing inserted), or a replacement of another length.
struct Splice
{
    qint64 offset = 0;
    qint64 removed = 0; // how many bytes go
    QByteArray inserted; // what comes in their place
    // The bytes that went, when kept (for undo); empty when not.
    QByteArray removedBytes {};

    [[nodiscard]] qint64 delta() const { return inserted.size() - removed; }
};

// Splices apply together, at offsets of the map before any of them: ascending and not
// overlapping.
using Splices = QList<Splice>;

} // namespace hexmap
