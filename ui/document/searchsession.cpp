#include "searchsession.h"

#include "findrange.h"
#include "inputparsing.h"

#include <algorithm>
#include <limits>

namespace hexmap {

namespace {
constexpr qint64 kEverything = std::numeric_limits<qint64>::max();

ChunkedSearch::Direction directionOf(bool forward)
{
    return forward ? ChunkedSearch::Direction::Forward : ChunkedSearch::Direction::Backward;
}
} // namespace

SearchSession::SearchSession(Document *document, QObject *parent)
    : QObject(parent)
{
    connect(&m_job, &SearchJob::progress, this, &SearchSession::progress);
    connect(&m_job, &SearchJob::finished, this, &SearchSession::onFinished);
    setDocument(document);
}

void SearchSession::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    watchDocument();
    recheckResults(0, kEverything);
}

void SearchSession::watchDocument()
{
    if (!m_document)
        return;
    connect(m_document, &Document::changed, this, [this](const DocumentChange &change) {
        if (!change.shifts.empty())
            followShifts(change);
        if (change.remapped)
            recheckResults(0, kEverything);
        if (change.sizeChanged)
            recheckResults(m_document->size(), kEverything);
        if (change.hasBytes())
            recheckResults(change.start, change.end);
    });
}

void SearchSession::findNext(const Place &place)
{
    find(m_query.forward, place);
}

void SearchSession::findPrevious(const Place &place)
{
    find(!m_query.forward, place);
}

void SearchSession::find(bool forward, const Place &place, const QString &note)
{
    if (!m_document)
        return;
    const qint64 length = m_document->size();
    const bool regex = m_query.pattern.isRegex();
    // A regex's matches vary in length: a backward search bounds where they start.
    const auto size = regex ? qint64(0) : qint64(m_query.pattern.bytes.size());
    // The cursor plays Python's position: forward searches from it, backward up to it.
    const qint64 cursor = place.cursor;
    FindRange range = forward
        ? resolveFindRange(
            m_query.from, m_query.to, place.hasSelection() ? place.selectionStart : cursor, length)
        : resolveFindRange(m_query.from.value_or(0),
            regex ? m_query.to : m_query.to.value_or(cursor + size), 0, length);
    qint64 lastStart = !forward && regex && !m_query.to ? cursor : kEverything;
    // After a match that is still selected, go on past it.
    const bool continuing = m_lastMatch >= 0 && place.hasSelection()
        && place.selectionStart == m_lastMatch && place.selectionLength == m_lastLength
        && m_query.pattern == m_pattern;
    if (continuing) {
        if (forward)
            range.start = std::max<qint64>(range.start, m_lastMatch + 1);
        else if (regex)
            lastStart = std::min(lastStart, m_lastMatch - 1);
        else
            range.end = std::min<qint64>(range.end, m_lastMatch + size - 1);
    }
    m_pattern = m_query.pattern;
    m_note = note;
    m_forward = forward;
    m_wrapped = false;
    // Where a wrapped search looks: the part of the data the first one did not.
    const FindRange whole = resolveFindRange(m_query.from.value_or(0), m_query.to, 0, length);
    m_wrapLastStart = forward && regex ? range.start - 1 : kEverything;
    if (regex) {
        m_wrapStart = forward
            ? whole.start
            : std::max<qint64>(whole.start, std::min<qint64>(lastStart, range.end - 1) + 1);
        m_wrapEnd = whole.end;
    } else {
        m_wrapStart = forward ? whole.start : std::max<qint64>(whole.start, range.end - size + 1);
        m_wrapEnd = forward ? std::min<qint64>(whole.end, range.start + size - 1) : whole.end;
    }
    startJob(Pending::Next, m_pattern, range.start, range.end, directionOf(forward),
        SearchJob::Scope::First, lastStart);
}

void SearchSession::findAll()
{
    startFindAll(Pending::All);
}

void SearchSession::startFindAll(Pending pending)
{
    if (!m_document)
        return;
    m_resultsPattern = m_query.pattern;
    const FindRange range
        = resolveFindRange(m_query.from.value_or(0), m_query.to, 0, m_document->size());
    m_resultsEnd = range.end;
    startJob(pending, m_query.pattern, range.start, range.end, ChunkedSearch::Direction::Forward,
        SearchJob::Scope::All);
}

qint64 SearchSession::queryEnd() const
{
    return resolveFindRange(m_query.from.value_or(0), m_query.to, 0, m_document->size()).end;
}

void SearchSession::replace(const QByteArray &replacement, const Place &place)
{
    if (!m_document)
        return;
    // The selection is replaced only if the pattern matches its bytes now.
    QString note;
    // Where the map can change length, a match of any length is replaced.
    const bool anyLength = m_document->whyNot(Document::Operation::Splice).isEmpty();
    if (place.hasSelection() && place.selectionLength != replacement.size() && !anyLength
        && m_query.pattern.isRegex()
        && matchLengthAt(*m_document, m_query.pattern, place.selectionStart, queryEnd())
            == place.selectionLength) {
        note = tr("The match is %1 bytes long and the replacement %2, so it was not replaced (a "
                  "replacement of another length needs insert and delete).")
                   .arg(place.selectionLength)
                   .arg(replacement.size());
    } else if (place.hasSelection()
        && (place.selectionLength == replacement.size()
            || (anyLength
                && matchLengthAt(*m_document, m_query.pattern, place.selectionStart, queryEnd())
                    == place.selectionLength))) {
        const ReplaceOutcome outcome = replaceMatches(*m_document, m_query.pattern,
            {place.selectionStart}, queryEnd(), replacement, tr("Replace"));
        if (!outcome.error.isEmpty()) {
            emit message(tr("Not replaced: %1").arg(outcome.error), true);
            return;
        }
        if (outcome.replaced == 1 && replacement.size() != place.selectionLength
            && m_query.forward) {
            // Find Next goes on after the replacement, which may hold the pattern itself.
            find(true, Place {place.selectionStart + replacement.size()}, note);
            return;
        }
        if (outcome.replaced == 1) {
            // Find Next goes on past it.
            m_lastMatch = place.selectionStart;
            m_lastLength = place.selectionLength;
            m_pattern = m_query.pattern;
        } else if (outcome.otherLength == 1) {
            note = tr("The match there is not as long as the replacement, so it was not replaced "
                      "(a replacement of another length needs insert and delete).");
        } else {
            note = tr("The selection does not match the pattern, so it was not replaced.");
        }
    } else if (place.hasSelection()) {
        note = tr("The selection does not match the pattern, so it was not replaced.");
    }
    find(m_query.forward, place, note);
}

void SearchSession::replaceAll(const QByteArray &replacement)
{
    m_replacement = replacement;
    startFindAll(Pending::ReplaceAll);
}

void SearchSession::cancel()
{
    if (m_job.isRunning())
        m_job.cancelAndWait();
}

void SearchSession::startJob(Pending pending, const BytePattern &pattern, qint64 start, qint64 end,
    ChunkedSearch::Direction direction, SearchJob::Scope scope, qint64 lastStart)
{
    std::shared_ptr<const MemoryMap> map = m_document->sharedMap();
    if (!map) {
        emit message(tr("The map is empty: there is nothing to search."), true);
        return;
    }
    m_pending = pending;
    emit started();
    emit message(tr("Searching…"), false);
    m_job.start(std::move(map), pattern, start, end, direction, scope, m_resultLimit, lastStart);
}

void SearchSession::onFinished(const SearchJob::Result &result)
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    if (!m_document) {
        emit finished(); // the document went: nothing to report on
        return;
    }
    if (result.canceled) {
        emit message(tr("Search canceled."), false);
    } else if (!result.error.isEmpty()) {
        emit message(tr("The search stopped: %1").arg(result.error), true);
    } else if (pending == Pending::Next) {
        if (result.matches.isEmpty() && m_wrap && !m_wrapped && m_wrapStart < m_wrapEnd) {
            m_wrapped = true;
            startJob(Pending::Next, m_pattern, m_wrapStart, m_wrapEnd, directionOf(m_forward),
                SearchJob::Scope::First, m_wrapLastStart);
            return;
        }
        finishNext(result);
    } else if (pending == Pending::ReplaceAll) {
        // The offsets were found a while ago: each is checked again as it is written.
        m_results.clear(); // the last list: nothing to recheck after each write
        m_resultLengths.clear();
        m_resultCount = result.count;
        m_resultsTruncated = result.truncated;
        m_outcome = replaceMatches(*m_document, m_resultsPattern, result.matches, m_resultsEnd,
            m_replacement, tr("Replace all"));
        setResults(result.matches); // what still matches after the replacements
        const QString limit = result.truncated ? QLatin1Char(' ')
                + tr("Only the first %1 of %2 were replaced.")
                      .arg(result.matches.size())
                      .arg(result.count)
                                               : QString();
        emit message(m_outcome.summary() + limit, !m_outcome.error.isEmpty());
    } else {
        m_resultCount = result.count;
        m_resultsTruncated = result.truncated;
        setResults(result.matches);
        emit message(result.truncated
                ? tr("Found %1; listed the first %2.")
                      .arg(input::formatCount(result.count, tr("match"), tr("matches")))
                      .arg(result.matches.size())
                : QString(),
            false);
    }
    emit finished();
}

void SearchSession::finishNext(const SearchJob::Result &result)
{
    const QString note = std::exchange(m_note, {});
    const QString prefix = note.isEmpty() ? QString() : note + QLatin1Char(' ');
    if (result.matches.isEmpty()) {
        m_lastMatch = -1;
        emit notFound();
        emit message(prefix + tr("Not found."), false);
        return;
    }
    m_lastMatch = result.matches.first();
    m_lastLength = result.lengths.first();
    emit found(m_lastMatch, m_lastLength);
    emit message(prefix
            + tr("Found at %1 (%2)%3.")
                  .arg(input::formatOffset(m_lastMatch))
                  .arg(m_lastMatch)
                  .arg(m_wrapped ? tr(", after wrapping around") : QString()),
        false);
}

void SearchSession::followShifts(const DocumentChange &change)
{
    m_resultsEnd = change.shifted(m_resultsEnd);
    if (m_results.isEmpty())
        return;
    QList<qint64> moved;
    for (const qint64 match : std::as_const(m_results)) {
        const qint64 at = change.shifted(match);
        if (moved.isEmpty() || moved.back() != at)
            moved.append(at);
    }
    setResults(moved); // each checked again where it is now
}

void SearchSession::setResults(const QList<qint64> &matches)
{
    // Edits made since the search saw the bytes may have undone some matches.
    m_results.clear();
    m_resultLengths.clear();
    for (const qint64 match : matches) {
        const qint64 length = matchLengthAt(*m_document, m_resultsPattern, match, m_resultsEnd);
        if (length >= 0) {
            m_results.append(match);
            m_resultLengths.append(length);
        }
    }
    emit resultsChanged({});
}

qint64 SearchSession::resultsWidth() const
{
    return m_resultsPattern.isRegex() ? m_resultsPattern.regex->maxLength()
                                      : qint64(m_resultsPattern.bytes.size());
}

qsizetype SearchSession::resultAtOrAfter(qint64 offset) const
{
    return qsizetype(
        std::lower_bound(m_results.cbegin(), m_results.cend(), offset) - m_results.cbegin());
}

RangeSet SearchSession::covered(qint64 low, qint64 high) const
{
    const qint64 width = std::max<qint64>(resultsWidth(), 1);
    RangeSet ranges;
    for (qsizetype i = resultAtOrAfter(low - width + 1);
         i < m_results.size() && m_results[i] < high; ++i) {
        const qint64 end = m_results[i] + std::max<qint64>(m_resultLengths[i], 1);
        if (end > low)
            ranges.add(std::max(m_results[i], low), std::min(end, high));
    }
    return ranges;
}

void SearchSession::recheckResults(qint64 start, qint64 end)
{
    if (!m_document || m_results.isEmpty())
        return;
    const qint64 size = resultsWidth(); // the longest a match can be
    // The matches that overlap [start, end) start in [start - size + 1, end).
    const qsizetype first = resultAtOrAfter(start - size + 1);
    const qsizetype last = resultAtOrAfter(end);
    ResultsChange change {false, start, end, {}, 0, 0};
    qsizetype kept = first;
    for (qsizetype i = first; i < last; ++i) {
        const qint64 match = m_results[i];
        const qint64 length = matchLengthAt(*m_document, m_resultsPattern, match, m_resultsEnd);
        if (length >= 0) {
            m_resultLengths[kept] = length;
            m_results[kept++] = match;
            continue;
        }
        if (change.dropped.isEmpty())
            change.low = match;
        change.high = match + std::max<qint64>(m_resultLengths[i], 1);
        change.dropped << i;
    }
    m_results.remove(kept, last - kept);
    m_resultLengths.remove(kept, last - kept);
    emit resultsChanged(change);
}

} // namespace hexmap
