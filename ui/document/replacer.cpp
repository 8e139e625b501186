#include "replacer.h"

#include "bytesearch.h"
#include "document.h"
#include "inputparsing.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>
#include <span>

namespace hexmap {

namespace {
// Ends the macro begun for the replacements. One that holds no step (its first write
// was refused and changed nothing) is taken off the stack again: a step must undo
// something, and the document steers each step's parts.
void endMacro(QUndoStack *undo)
{
    undo->endMacro();
    // The stack hands its steps out const; an obsolete step is deleted when undone.
    auto *macro = const_cast<QUndoCommand *>(undo->command(undo->index() - 1));
    if (macro->childCount() > 0)
        return;
    macro->setObsolete(true);
    undo->undo();
}
} // namespace

qint64 matchLengthAt(
    const Document &document, const BytePattern &pattern, qint64 offset, qint64 end)
{
    const qint64 size = pattern.isRegex()
        ? std::min<qint64>(pattern.regex->maxLength(), end - offset)
        : qint64(pattern.bytes.size());
    if (size <= 0 || offset < 0 || offset > end - size)
        return -1;
    const ByteBlock block = document.read(offset, size);
    // A regex reads what is there, up to the first byte that cannot be read.
    const qsizetype missing = block.firstMissing();
    const qsizetype readable = missing < 0 ? block.bytes.size() : missing;
    const std::span<const std::uint8_t> here(
        reinterpret_cast<const std::uint8_t *>(block.bytes.constData()), std::size_t(readable));
    if (pattern.isRegex())
        return pattern.regex->matchAt(here);
    if (readable != size)
        return -1;
    // The kernels' own test: a match at 0 of a haystack exactly as long as the pattern.
    const bool matches = pattern.isLiteral()
        ? search::find(here, pattern.bytes) == 0
        : search::findMasked(here, {pattern.bytes, pattern.mask}) == 0;
    return matches ? size : -1;
}

bool patternMatchesAt(const Document &document, const BytePattern &pattern, qint64 offset)
{
    return matchLengthAt(document, pattern, offset, document.size()) >= 0;
}

ReplaceOutcome replaceMatches(Document &document, const BytePattern &pattern,
    const QList<qint64> &offsets, qint64 end, const QByteArray &replacement,
    const QString &undoText)
{
    ReplaceOutcome outcome;
    const QString whyNotSplice = document.whyNot(Document::Operation::Splice);
    if (!whyNotSplice.isEmpty()
        && (replacement.isEmpty()
            || (!pattern.isRegex() && replacement.size() != qsizetype(pattern.bytes.size())))) {
        outcome.error = ReplaceOutcome::tr("the replacement must be as long as the pattern: %1")
                            .arg(whyNotSplice);
        return outcome;
    }
    // Read and check every match with nothing in between: no event loop, no other writer.
    Splices splices;
    bool sameLength = true;
    qint64 nextFree = 0;
    for (const qint64 offset : offsets) {
        if (offset < nextFree) {
            ++outcome.overlapping;
            continue;
        }
        const qint64 length = matchLengthAt(document, pattern, offset, end);
        if (length < 0) {
            ++outcome.stale;
            continue;
        }
        if (length != replacement.size() && !whyNotSplice.isEmpty()) {
            ++outcome.otherLength;
            continue;
        }
        sameLength = sameLength && length == replacement.size();
        splices.append({offset, length, replacement});
        nextFree = offset + std::max<qint64>(length, 1);
    }
    if (splices.isEmpty())
        return outcome;
    if (!sameLength) {
        // One step that pushes nothing when refused, so the redo steps stay.
        if (document.splice(splices, Document::EditKind::Single, undoText))
            outcome.replaced = splices.size();
        else
            outcome.error = document.lastError();
        return outcome;
    }
    // Overwrites: only the matches' bytes change and count as modified.
    QUndoStack *undo = document.undoStack();
    undo->beginMacro(undoText);
    for (const Splice &splice : std::as_const(splices)) {
        if (!document.overwrite(splice.offset, replacement)) {
            outcome.error = document.lastError();
            break;
        }
        ++outcome.replaced;
    }
    endMacro(undo);
    return outcome;
}

QString ReplaceOutcome::summary() const
{
    QString text = tr("Replaced %1").arg(input::formatCount(replaced, tr("match"), tr("matches")));
    if (stale == 1)
        text += tr("; 1 no longer matched and was left as it was");
    else if (stale > 1)
        text += tr("; %1 no longer matched and were left as they were").arg(stale);
    if (overlapping == 1)
        text += tr("; 1 overlapped a match replaced before it and was left as it was");
    else if (overlapping > 1)
        text += tr("; %1 overlapped a match replaced before them and were left as they were")
                    .arg(overlapping);
    if (otherLength > 0)
        text += tr("; left %1 not as long as the replacement (a replacement of another "
                   "length needs insert and delete, which this map cannot do)")
                    .arg(input::formatCount(otherLength, tr("match"), tr("matches")));
    if (!error.isEmpty())
        return text + tr("; then an edit was refused: %1").arg(error);
    return text + QLatin1Char('.');
}

} // namespace hexmap
