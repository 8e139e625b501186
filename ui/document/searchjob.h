#pragma once

#include "chunkedsearch.h"
#include "jobrunner.h"

#include <QList>
#include <QObject>

#include <limits>
#include <memory>

namespace hexmap {

// A search over a map run off the UI thread, a window at a time (ChunkedSearch), with
// progress and cancel; the window keeps repainting meanwhile. One job at a time.
class SearchJob : public QObject
{
    Q_OBJECT

public:
    enum class Scope { First, All };
    struct Result
    {
        QList<qint64> matches; // First: at most one; All: up to the limit, ascending
        QList<qint64> lengths; // of each of matches (a regex's vary)
        qint64 count = 0; // every match in the range, also those past the limit
        bool canceled = false;
        bool truncated = false; // All: count went past the limit; matches holds the first
        QString error; // e.g. the file shrank underneath
    };

    explicit SearchJob(QObject *parent = nullptr);
    // Cancels a running search and waits for it: the map may go right after.
    ~SearchJob() override;

    // Searches map[start, end) for pattern, for matches starting at or before lastStart;
    // the job shares the map until it ends. All goes forward and counts every match but
    // collects only the first maxResults, so its memory stays bounded.
    void start(std::shared_ptr<const MemoryMap> map, BytePattern pattern, qint64 start, qint64 end,
        ChunkedSearch::Direction direction, Scope scope, qint64 maxResults = 100000,
        qint64 lastStart = std::numeric_limits<qint64>::max());
    void cancelAndWait();
    [[nodiscard]] bool isRunning() const;

signals:
    void progress(int permille);
    void finished(const hexmap::SearchJob::Result &result);

private:
    Job<Result> m_job;
};

} // namespace hexmap
