#pragma once

#include "chunkedsearch.h"
#include "document.h" // QPointer needs the whole class
#include "rangeset.h"
#include "replacer.h"
#include "searchjob.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <limits>
#include <optional>

namespace hexmap {

// Find and replace over one document, without any widget (as Okteta's search
// tool): the query, Python's find/rfind range rules, the last match, wrap, and the
// listed matches of Find All, which it keeps true as edits come. Searches run as a
// SearchJob off the UI thread. The caller says where its cursor is and does the
// selecting when it hears found(); a dialog or a test follows the signals.
class SearchSession : public QObject
{
    Q_OBJECT

public:
    // What to look for and where: from/to as Python's find/rfind take them (negative
    // counts from the end; empty is the default described at findNext()).
    struct Query
    {
        BytePattern pattern;
        std::optional<qint64> from;
        std::optional<qint64> to;
        bool forward = true; // the direction of Find Next
    };
    // Where the caller's cursor and selection are now.
    struct Place
    {
        qint64 cursor = 0;
        qint64 selectionStart = -1; // -1: nothing selected
        qint64 selectionLength = 0;
        [[nodiscard]] bool hasSelection() const { return selectionStart >= 0; }
    };
    // How the listed matches changed: a new list (whole), or an edit of [start, end)
    // re-checked them and dropped those at `dropped` (their indexes before the drop,
    // ascending), whose covered bytes lay in [low, high).
    struct ResultsChange
    {
        bool whole = true;
        qint64 start = 0;
        qint64 end = 0;
        QList<qsizetype> dropped;
        qint64 low = 0;
        qint64 high = 0;
    };

    explicit SearchSession(Document *document, QObject *parent = nullptr);

    [[nodiscard]] Document *document() const { return m_document; }
    // The document was replaced (a reload): the listed matches are re-checked
    // against the new bytes; the last match is kept.
    void setDocument(Document *document);

    void setQuery(const Query &query) { m_query = query; }
    [[nodiscard]] const Query &query() const { return m_query; }
    // Whether Find Next / Previous go on from the other end of the range when they
    // find nothing (checked when the first search ends).
    void setWrap(bool wrap) { m_wrap = wrap; }
    [[nodiscard]] bool wraps() const { return m_wrap; }

    // Searches in the query's direction (next) or against it (previous). Forward is
    // find from the selection's start (or the cursor) to the end, backward rfind from
    // the start up to a match starting on the cursor; after the last match, when it
    // is still what place selects, the search goes on past it. Ends with found() or
    // notFound(), then message() and finished().
    void findNext(const Place &place);
    void findPrevious(const Place &place);
    // Lists every match in the range (From empty: from the start), forward: the first
    // resultLimit() of them, and counts them all (resultCount()).
    void findAll();
    void setResultLimit(qint64 limit) { m_resultLimit = limit; }
    [[nodiscard]] qint64 resultLimit() const { return m_resultLimit; }
    // Replaces the selection if the query's pattern matches its bytes now (checked in
    // the same step as the write), then finds the next match.
    void replace(const QByteArray &replacement, const Place &place);
    // Replaces every match in the range as one undo step; each is re-checked right
    // before its write, and those that no longer match or overlap one replaced are
    // left as they are and counted (replaceOutcome()).
    void replaceAll(const QByteArray &replacement);
    // Stops a running search; it ends with "Search canceled.".
    void cancel();

    [[nodiscard]] bool isRunning() const { return m_job.isRunning(); }
    // The offset of the last match Find Next / Previous found, or -1.
    [[nodiscard]] qint64 lastMatch() const { return m_lastMatch; }
    // The matches of the last Find All or Replace All, ascending, that still match.
    [[nodiscard]] const QList<qint64> &results() const { return m_results; }
    // The length of each of results() (a regex's matches vary).
    [[nodiscard]] const QList<qint64> &resultLengths() const { return m_resultLengths; }
    // How many matches the last Find All found, also those past the limit.
    [[nodiscard]] qint64 resultCount() const { return m_resultCount; }
    // Whether the last Find All found more than it listed.
    [[nodiscard]] bool resultsTruncated() const { return m_resultsTruncated; }
    // The longest a listed match can be (a regex's longest match).
    [[nodiscard]] qint64 resultsWidth() const;
    // What results() matched.
    [[nodiscard]] const BytePattern &resultsPattern() const { return m_resultsPattern; }
    // The index in results() of the first match at or after offset.
    [[nodiscard]] qsizetype resultAtOrAfter(qint64 offset) const;
    // The bytes of [low, high) that listed matches cover (an empty pattern covers one byte).
    [[nodiscard]] RangeSet covered(qint64 low, qint64 high) const;
    // What the last Replace All did.
    [[nodiscard]] const ReplaceOutcome &replaceOutcome() const { return m_outcome; }

signals:
    void started();
    void found(qint64 offset, qint64 length);
    void notFound();
    void progress(int permille);
    // A search of any kind ended (also canceled or failed).
    void finished();
    void resultsChanged(const hexmap::SearchSession::ResultsChange &change);
    // What to tell the user; error marks a mistake or a failure.
    void message(const QString &text, bool error);

private:
    enum class Pending { None, Next, All, ReplaceAll };

    // note goes before the message the search ends with.
    void find(bool forward, const Place &place, const QString &note = {});
    // Where the query's range ends (its To, resolved): a match must end by there.
    [[nodiscard]] qint64 queryEnd() const;
    void startFindAll(Pending pending);
    void startJob(Pending pending, const BytePattern &pattern, qint64 start, qint64 end,
        ChunkedSearch::Direction direction, SearchJob::Scope scope,
        qint64 lastStart = std::numeric_limits<qint64>::max());
    void onFinished(const SearchJob::Result &result);
    void finishNext(const SearchJob::Result &result);
    // Lists those of matches that still match.
    void setResults(const QList<qint64> &matches);
    // Re-checks the listed matches that overlap [start, end) and drops those that no
    // longer match.
    void recheckResults(qint64 start, qint64 end);
    // Moves the listed matches with their bytes after an insert or delete.
    void followShifts(const DocumentChange &change);
    void watchDocument();

    QPointer<Document> m_document;
    SearchJob m_job;
    Query m_query;
    bool m_wrap = true;
    BytePattern m_pattern; // of the last Find Next / Previous
    QString m_note; // goes before the message of the search running
    Pending m_pending = Pending::None;
    bool m_forward = true;
    bool m_wrapped = false;
    qint64 m_wrapStart = 0;
    qint64 m_wrapEnd = 0;
    qint64 m_wrapLastStart = 0;
    qint64 m_lastMatch = -1;
    qint64 m_lastLength = 0;
    QList<qint64> m_results; // ascending
    QList<qint64> m_resultLengths;
    qint64 m_resultCount = 0;
    bool m_resultsTruncated = false;
    qint64 m_resultLimit = 100000;
    BytePattern m_resultsPattern; // what m_results matched
    qint64 m_resultsEnd = 0; // where the range they were found in ends
    QByteArray m_replacement; // of the Replace All running
    ReplaceOutcome m_outcome;
};

} // namespace hexmap
