#include "searchjob.h"

#include "errors.h"

#include <QPromise>
#include <QtConcurrent>

namespace hexmap {

namespace {

constexpr int kPermille = 1000;

void runSearch(QPromise<SearchJob::Result> &promise, const std::shared_ptr<const MemoryMap> &map,
    const BytePattern &pattern, qint64 start, qint64 end, ChunkedSearch::Direction direction,
    SearchJob::Scope scope, qint64 maxResults)
{
    promise.setProgressRange(0, kPermille);
    SearchJob::Result result;
    const qint64 total = std::max<qint64>(end - start, 1);
    try {
        qint64 from = start;
        while (true) {
            ChunkedSearch search(*map, pattern, from, end, direction);
            while (!search.step()) {
                if (promise.isCanceled()) {
                    result.canceled = true;
                    promise.addResult(result);
                    return;
                }
                const qint64 done = from - start + search.scanned();
                promise.setProgressValue(int(done * kPermille / total));
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
    } catch (const Error &error) {
        result.error = QString::fromUtf8(error.what());
    }
    promise.setProgressValue(kPermille);
    promise.addResult(result);
}

} // namespace

SearchJob::SearchJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::progressValueChanged, this, &SearchJob::progress);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        const QFuture<Result> future = m_watcher.future();
        emit finished(future.resultCount() > 0 ? future.result() : Result {{}, true, false, {}});
    });
}

SearchJob::~SearchJob()
{
    cancelAndWait();
}

void SearchJob::start(std::shared_ptr<const MemoryMap> map, BytePattern pattern, qint64 start,
    qint64 end, ChunkedSearch::Direction direction, Scope scope, qint64 maxResults)
{
    cancelAndWait();
    m_watcher.setFuture(QtConcurrent::run(
        runSearch, std::move(map), std::move(pattern), start, end, direction, scope, maxResults));
}

void SearchJob::cancelAndWait()
{
    m_watcher.future().cancel();
    m_watcher.waitForFinished();
}

bool SearchJob::isRunning() const
{
    return m_watcher.isRunning();
}

} // namespace hexmap
