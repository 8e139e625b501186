#pragma once

#include "chunkedsearch.h"
#include "jobrunner.h"

#include <QList>
#include <QObject>

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
        QList<qint64> matches; // First: at most one
        bool canceled = false;
        bool truncated = false; // All: stopped at the result limit
        QString error; // e.g. the file shrank underneath
    };

    explicit SearchJob(QObject *parent = nullptr);
    // Cancels a running search and waits for it: the map may go right after.
    ~SearchJob() override;

    // Searches map[start, end) for pattern; the job shares the map until it ends. All
    // collects up to maxResults matches, forward.
    void start(std::shared_ptr<const MemoryMap> map, BytePattern pattern, qint64 start, qint64 end,
        ChunkedSearch::Direction direction, Scope scope, qint64 maxResults = 100000);
    void cancelAndWait();
    [[nodiscard]] bool isRunning() const;

signals:
    void progress(int permille);
    void finished(const hexmap::SearchJob::Result &result);

private:
    Job<Result> m_job;
};

} // namespace hexmap
