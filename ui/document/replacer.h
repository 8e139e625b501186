#pragma once

#include "chunkedsearch.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hexmap {

class Document;

// The length of pattern's match at offset in the document's bytes now, ending at or
// before end (the searched range's end), or -1: every byte it covers can be read (none
// missing) and matches as the search kernels match it (mask, wildcards, either-case
// letters; a regex's match is the one its search finds there, inside the same range, so a
// greedy regex is not measured longer than the search found it). An empty pattern matches
// nowhere.
[[nodiscard]] qint64 matchLengthAt(
    const Document &document, const BytePattern &pattern, qint64 offset, qint64 end);
// Whether pattern matches at offset, anywhere up to the document's end.
[[nodiscard]] bool patternMatchesAt(
    const Document &document, const BytePattern &pattern, qint64 offset);

// What replaceMatches did with the offsets it was given.
struct ReplaceOutcome
{
    qint64 replaced = 0;
    qint64 stale = 0; // the bytes there no longer matched: left as they were
    qint64 overlapping = 0; // overlapped a match replaced before: left as they were
    qint64 otherLength = 0; // a regex's match not as long as the replacement: left as it was
    QString error; // why a write was refused; the offsets after it were not tried

    // "Replaced 1 match; 1 no longer matched and was left as it was."
    [[nodiscard]] QString summary() const;

    Q_DECLARE_TR_FUNCTIONS(hexmap::ReplaceOutcome)
};

// Replaces the bytes at each of offsets (ascending; matches inside a range ending at end)
// with replacement, all as one undo step named undoText. A match of another length than
// the replacement is spliced (Document::splice: the bytes after it move); where the map
// cannot change length it is left and counted, and a literal pattern's replacement must be
// as long as it. Each offset is re-checked against pattern right before the writes, with
// nothing in between that could let another edit in (the UI thread is the only writer):
// one that no longer matches, or that overlaps one kept before it, is skipped and
// counted. Stops at the first write the document refuses.
ReplaceOutcome replaceMatches(Document &document, const BytePattern &pattern,
    const QList<qint64> &offsets, qint64 end, const QByteArray &replacement,
    const QString &undoText);

} // namespace hexmap
