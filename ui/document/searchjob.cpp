#include "searchjob.h"

namespace hexmap {

namespace {

void runSearch(JobControl &job, SearchJob::Result &result, const MemoryMap &map,
    const BytePattern &pattern, qint64 start, qint64 end, ChunkedSearch::Direction direction,
    SearchJob::Scope scope, qint64 maxResults)
{
    qint64 from = start;
    while (true) {
        ChunkedSearch search(map, pattern, from, end, direction);
        while (!search.step()) {
            if (job.isCanceled())
                return;
            job.setProgress(from - start + search.scanned(), end - start);
        }
        if (search.result() < 0)
            break;
        result.matches.append(search.result());
        if (scope == SearchJob::Scope::First)
            break;
        if (result.matches.size() >= maxResults) {
            result.truncated = true;
            break;
        }
        from = search.result() + 1;
    }
    job.setProgress(end - start, end - start);
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
    qint64 end, ChunkedSearch::Direction direction, Scope scope, qint64 maxResults)
{
    m_job.start([map = std::move(map), pattern = std::move(pattern), start, end, direction, scope,
                    maxResults](JobControl &job, Result &result) {
        runSearch(job, result, *map, pattern, start, end, direction, scope, maxResults);
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
