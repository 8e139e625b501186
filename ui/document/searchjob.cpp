#include "searchjob.h"

#include <algorithm>

namespace hexmap {

namespace {

void runSearch(JobControl &job, SearchJob::Result &result, const MemoryMap &map,
    const BytePattern &pattern, qint64 start, qint64 end, ChunkedSearch::Direction direction,
    SearchJob::Scope scope, qint64 maxResults, qint64 lastStart)
{
    constexpr qint64 kWindow = qint64(16) << 20;
    ChunkedSearch search(map, pattern, start, end, direction, kWindow, lastStart);
    while (true) {
        while (!search.step()) {
            if (job.isCanceled())
                return;
            job.setProgress(search.scanned(), search.total());
        }
        if (search.result() < 0)
            break;
        ++result.count;
        if (result.matches.size() < maxResults) {
            result.matches.append(search.result());
            result.lengths.append(search.resultLength());
        } else {
            result.truncated = true; // counting on
        }
        if (scope == SearchJob::Scope::First || job.isCanceled())
            break;
        if (result.count % 65536 == 0)
            job.setProgress(std::max<qint64>(search.result() - start, 0), search.total());
        search.resumeAfterMatch();
    }
    job.setProgress(search.total(), search.total());
}

} // namespace

SearchJob::SearchJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_job, &JobRunner::progress, this, &SearchJob::progress);
    connect(&m_job, &JobRunner::finished, this, [this] {
        Result result = m_job.result();
        result.canceled = m_job.isCanceled();
        result.error = m_job.error();
        emit finished(result);
    });
}

SearchJob::~SearchJob() = default; // m_job cancels and waits

void SearchJob::start(std::shared_ptr<const MemoryMap> map, BytePattern pattern, qint64 start,
    qint64 end, ChunkedSearch::Direction direction, Scope scope, qint64 maxResults,
    qint64 lastStart)
{
    m_job.start([map = std::move(map), pattern = std::move(pattern), start, end, direction, scope,
                    maxResults, lastStart](JobControl &job, Result &result) {
        runSearch(job, result, *map, pattern, start, end, direction, scope, maxResults, lastStart);
    });
}

void SearchJob::cancelAndWait()
{
    m_job.cancelAndWait();
}

bool SearchJob::isRunning() const
{
    return m_job.isRunning();
}

} // namespace hexmap
