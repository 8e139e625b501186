#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QtConcurrent>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace hexmap {

// What a running job sees of its owner, on the pool thread that runs it: whether it was
// told to stop, and where to report progress and a failure. Long loops take this, not a
// Job, so that they run the same for every owner.
class JobControl
{
public:
    static constexpr int kPermille = 1000;

    // Whether the owner asked the job to stop. A job checks between windows of work and
    // then returns what it has done so far (which the owner still receives).
    [[nodiscard]] bool isCanceled() const { return m_canceled.load(std::memory_order_relaxed); }
    // done of total units (any unit) are done: reported to the owner as permille.
    void setProgress(qint64 done, qint64 total) { setPermille(permille(done, total)); }
    // The job failed and says why in words (for what reports failures as messages; an
    // exception thrown out of the job sets it too).
    void setError(const QString &message) { m_error = message; }

    // done of total as permille, without overflow for any qint64; all done when done ≥
    // total (so 0 of 0 is 1000).
    [[nodiscard]] static int permille(qint64 done, qint64 total);

protected:
    JobControl(const std::atomic<bool> &canceled, QString &error)
        : m_canceled(canceled)
        , m_error(error)
    {
    }
    ~JobControl() = default;
    virtual void setPermille(int permille) = 0;

private:
    const std::atomic<bool> &m_canceled;
    QString &m_error;
};

// The half of a Job that does not depend on its result: one job at a time, run with
// QtConcurrent::run on Qt's global thread pool and watched by a QFutureWatcher, so that
// progress() and finished() come on the thread that owns the runner. The job stops when
// asked (cancel()), between windows of work; whatever it throws becomes its error().
// Nothing here calls processEvents().
//
// Cancel is the runner's own flag, not QFuture::cancel(): a canceled QFuture drops the
// results reported after it, and a job told to stop must still say what it did (the
// ranges it flushed, the file it wrote).
class JobRunner : public QObject
{
    Q_OBJECT

public:
    // What destruction does with a running job.
    enum class OnDestruction {
        CancelAndWait, // the job may use what the owner frees right after (the default)
        CancelOnly, // the job holds shares of all it uses, and its result goes nowhere
    };

    ~JobRunner() override;

    void setOnDestruction(OnDestruction what) { m_onDestruction = what; }
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }
    // Whether the running job, or the one that finished last, was told to stop.
    [[nodiscard]] bool isCanceled() const;
    // Why the job that finished last failed (an exception's message, or what it set),
    // or an empty string; also empty while a job runs.
    [[nodiscard]] QString error() const;

    // Asks the running job to stop at its next check; finished() still comes.
    void cancel();
    // Blocks until the running job has returned; finished() comes later, from the event
    // loop, as always.
    void waitForFinished();
    void cancelAndWait();

signals:
    // The running job's progress, 0 to JobControl::kPermille, rising.
    void progress(int permille);
    // A job ended, also canceled or failed: its result(), error() and isCanceled() are
    // there to read (before starting another job, which replaces them).
    void finished();

protected:
    // A job's own flag and error: shared with the job, which may outlive the runner.
    struct State
    {
        std::atomic<bool> canceled = false;
        QString error;
    };

    explicit JobRunner(QObject *parent);
    // Cancels and waits for the running job (its finished() never comes), and returns
    // the state of the next one.
    std::shared_ptr<State> nextState();
    void watch(const QFuture<void> &future) { m_watcher.setFuture(future); }
    // Runs work; returns what it threw, as a message (never empty), or "" when it threw
    // nothing.
    [[nodiscard]] static QString errorOf(const std::function<void()> &work);

private:
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<State> m_state;
    OnDestruction m_onDestruction = OnDestruction::CancelAndWait;
};

// One kind of background work with a result of type T (default-constructible): the job
// is a function (JobControl &job, T &result) that fills result as it goes, so that a
// job canceled or failed half way still hands over what it did.
template <typename T> class Job final : public JobRunner
{
public:
    using Function = std::function<void(JobControl &job, T &result)>;

    explicit Job(QObject *parent = nullptr)
        : JobRunner(parent)
    {
    }

    // Starts function off this thread, after canceling and waiting for the job running
    // (whose finished() then never comes). function holds copies and shared pointers of
    // what it reads; a plain pointer only to what outlives the runner (CancelAndWait).
    void start(Function function)
    {
        std::shared_ptr<State> state = nextState();
        m_future = QtConcurrent::run([state, function = std::move(function)](QPromise<T> &promise) {
            promise.setProgressRange(0, JobControl::kPermille);
            Control control(state, promise);
            T result {};
            const QString thrown = errorOf([&] { function(control, result); });
            if (!thrown.isEmpty())
                state->error = thrown;
            promise.addResult(std::move(result));
        });
        watch(QFuture<void>(m_future));
    }

    // What the job that finished last put in its result (also when it was canceled or
    // failed: what it had by then).
    [[nodiscard]] T result() const
    {
        return m_future.isFinished() && m_future.resultCount() > 0 ? m_future.result() : T {};
    }

private:
    class Control final : public JobControl
    {
    public:
        Control(const std::shared_ptr<State> &state, QPromise<T> &promise)
            : JobControl(state->canceled, state->error)
            , m_promise(promise)
        {
        }

    private:
        void setPermille(int permille) override { m_promise.setProgressValue(permille); }
        QPromise<T> &m_promise;
    };

    QFuture<T> m_future;
};

} // namespace hexmap
