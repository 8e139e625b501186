#include "jobrunner.h"

#include <algorithm>
#include <limits>

namespace hexmap {

int JobControl::permille(qint64 done, qint64 total)
{
    if (done >= total)
        return kPermille;
    if (done <= 0)
        return 0;
    if (done <= std::numeric_limits<qint64>::max() / kPermille)
        return int(done * kPermille / total);
    // Only past 8 PiB done; rounding must not make it all done.
    return std::min(kPermille - 1, int(double(done) / double(total) * kPermille));
}

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, this, &JobRunner::progress);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &JobRunner::finished);
}

JobRunner::~JobRunner()
{
    cancel();
    if (m_onDestruction == OnDestruction::CancelAndWait)
        m_watcher.waitForFinished();
}

bool JobRunner::isCanceled() const
{
    return m_state && m_state->canceled.load();
}

QString JobRunner::error() const
{
    // The job writes its error before it finishes, and never after.
    return m_state && !isRunning() ? m_state->error : QString();
}

void JobRunner::cancel()
{
    if (m_state)
        m_state->canceled.store(true);
}

void JobRunner::waitForFinished()
{
    m_watcher.waitForFinished();
}

void JobRunner::cancelAndWait()
{
    cancel();
    waitForFinished();
}

std::shared_ptr<JobRunner::State> JobRunner::nextState()
{
    cancelAndWait();
    m_state = std::make_shared<State>();
    return m_state;
}

QString JobRunner::errorOf(const std::function<void()> &work)
{
    QString message;
    try {
        work();
        return {};
    } catch (const std::exception &error) { // hexmap::Error, and std::bad_alloc and the like
        message = QString::fromUtf8(error.what());
    } catch (...) {
    }
    return message.isEmpty() ? tr("The job failed with an exception that says nothing.") : message;
}

} // namespace hexmap
