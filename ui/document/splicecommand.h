#pragma once

#include "hexcommand.h"
#include "splice.h"

namespace hexmap {

class Document;

// Insert, delete or replacements of another length (Document::splice), already applied
// when pushed; it keeps the removed bytes, which undo puts back. Typing inserts merge:
// an insert right after the one before, and a typed overwrite inside its inserted bytes
// (the second hex digit of an inserted byte).
class SpliceCommand : public HexCommand
{
public:
    // text names the step; by default what it did ("Insert 3 bytes").
    SpliceCommand(Document *document, Splices splices, bool typing, const QString &text = {});

    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    bool apply(bool forward) override;
    // The splices that bring the bytes back: in the offsets after, the inserted bytes
    // removed and the removed ones inserted.
    [[nodiscard]] Splices inverse() const;
    // Whether this is one insert, which typing can extend.
    [[nodiscard]] bool isSingleInsert() const;

    Document *m_document;
    Splices m_splices;
    qint64 m_sizeBefore;
    qint64 m_sizeAfter;
    bool m_typing;
};

} // namespace hexmap
