// The job runner without any widget: done/total becomes permille (also past 8 PiB);
// progress reaches the owner while the job runs; cancel stops a job between steps and
// what it did still arrives; what the job throws becomes its error; starting a job
// while one runs replaces it; destroying a running job cancels it and waits (or, when
// told, only cancels it); the result arrives on the thread that owns the runner.
#include "errors.h"
#include "jobrunner.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QThreadPool>
#include <QtTest>

#include <cerrno>
#include <memory>
#include <thread>

using namespace hexmap;

namespace {

constexpr int kWaitMs = 20000; // only ever reached when the runner is broken

// Where a stepping job is: each step takes one of `permits` first, so that the test
// decides how far it gets; `waiting` counts the steps it has checked cancel for and
// waits (or waited) for a permit.
struct Steps
{
    QSemaphore permits;
    QSemaphore waiting;
};

// Hands out every permit when the test ends, before the job is destroyed, so that a
// broken runner fails the test instead of hanging it.
auto permitsOnExit(const std::shared_ptr<Steps> &steps)
{
    return qScopeGuard([steps] { steps->permits.release(1000000); });
}

// A job of `count` steps: it checks cancel before each step and reports progress after
// it; result is the number of steps done.
Job<int>::Function stepper(const std::shared_ptr<Steps> &steps, int count)
{
    return [steps, count](JobControl &job, int &done) {
        for (int step = 0; step < count && !job.isCanceled(); ++step) {
            steps->waiting.release(1);
            steps->permits.acquire();
            ++done;
            job.setProgress(done, count);
        }
    };
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private slots:
    void permilleOfDoneAndTotal_data();
    void permilleOfDoneAndTotal();
    void progressReachesTheOwnerWhileTheJobRuns();
    void cancelStopsAJobBetweenSteps();
    void aThrownErrorBecomesTheJobsError_data();
    void aThrownErrorBecomesTheJobsError();
    void anErrorTheJobSetsIsItsError();
    void startingAJobReplacesTheRunningOne();
    void destroyingARunningJobCancelsAndWaits();
    void destroyingWithCancelOnlyDoesNotWait();
    void theResultArrivesOnTheOwnersThread();
};

void TestJobRunner::permilleOfDoneAndTotal_data()
{
    QTest::addColumn<qint64>("done");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("permille");
    QTest::newRow("nothing done") << qint64(0) << qint64(10) << 0;
    QTest::newRow("a third") << qint64(1) << qint64(3) << 333;
    QTest::newRow("two thirds") << qint64(2) << qint64(3) << 666;
    QTest::newRow("almost all") << qint64(999) << qint64(1000) << 999;
    QTest::newRow("all") << qint64(7) << qint64(7) << 1000;
    QTest::newRow("0 of 0 is all") << qint64(0) << qint64(0) << 1000;
    QTest::newRow("past the end") << qint64(12) << qint64(10) << 1000;
    QTest::newRow("negative done") << qint64(-5) << qint64(10) << 0;
    QTest::newRow("1 TiB of 4 TiB") << (qint64(1) << 40) << (qint64(4) << 40) << 250;
    QTest::newRow("half of 8 EiB")
        << (qint64(1) << 62) << std::numeric_limits<qint64>::max() << 500;
    QTest::newRow("one byte short of 8 EiB")
        << std::numeric_limits<qint64>::max() - 1 << std::numeric_limits<qint64>::max() << 999;
}

void TestJobRunner::permilleOfDoneAndTotal()
{
    QFETCH(qint64, done);
    QFETCH(qint64, total);
    QFETCH(int, permille);
    QCOMPARE(JobControl::permille(done, total), permille);
}

void TestJobRunner::progressReachesTheOwnerWhileTheJobRuns()
{
    const auto steps = std::make_shared<Steps>();
    Job<int> job;
    QSignalSpy progress(&job, &JobRunner::progress);
    QSignalSpy finished(&job, &JobRunner::finished);
    const auto open = permitsOnExit(steps);
    job.start(stepper(steps, 4));
    QVERIFY(job.isRunning());
    steps->permits.release(1); // one step of four, then the job waits
    // The first value reported always arrives (later ones at most 25 times a second),
    // maybe after a 0 from the start.
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toInt() != 0, kWaitMs);
    QCOMPARE(progress.last().at(0).toInt(), 250);
    QVERIFY(job.isRunning() && finished.isEmpty());
    steps->permits.release(3);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(progress.last().at(0).toInt(), 1000); // the last value always arrives
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).at(0).toInt() > progress.at(i - 1).at(0).toInt());
    QCOMPARE(job.result(), 4);
    QVERIFY(!job.isCanceled());
    QVERIFY(job.error().isEmpty());
}

void TestJobRunner::cancelStopsAJobBetweenSteps()
{
    const auto steps = std::make_shared<Steps>();
    Job<int> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    const auto open = permitsOnExit(steps);
    job.start(stepper(steps, 100));
    steps->permits.release(3);
    // After step 3 the job has checked cancel and waits for the permit of step 4.
    QVERIFY(steps->waiting.tryAcquire(4, kWaitMs));
    job.cancel();
    QVERIFY(job.isCanceled());
    steps->permits.release(200); // enough for every step: only cancel can stop the job early
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!job.isRunning());
    QVERIFY(job.isCanceled());
    QCOMPARE(job.result(), 4); // step 4 ran, step 5 was never started; what it did arrives
    QVERIFY(job.error().isEmpty());

    // cancelAndWait: the job has returned when it returns; finished() still comes.
    QSignalSpy again(&job, &JobRunner::finished);
    job.start([](JobControl &control, int &done) { // runs until told to stop, or 2^31 steps
        while (!control.isCanceled() && done < std::numeric_limits<int>::max())
            ++done;
    });
    job.cancelAndWait();
    QVERIFY(!job.isRunning());
    QVERIFY(job.result() < std::numeric_limits<int>::max());
    QVERIFY(again.isEmpty());
    QVERIFY(again.wait(kWaitMs));
    QVERIFY(job.isCanceled());
}

void TestJobRunner::aThrownErrorBecomesTheJobsError_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("hexmap::OSError") << 0 << QString::fromUtf8(OSError(EIO, "at 0x1000").what());
    QTest::newRow("hexmap::ValueError") << 1 << QStringLiteral("mmap closed or invalid");
    QTest::newRow("std::bad_alloc") << 2 << QString::fromUtf8(std::bad_alloc().what());
    QTest::newRow("not an exception")
        << 3 << QStringLiteral("The job failed with an exception that says nothing.");
}

void TestJobRunner::aThrownErrorBecomesTheJobsError()
{
    QFETCH(int, kind);
    QFETCH(QString, message);
    Job<int> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    job.start([kind](JobControl &, int &done) {
        done = 2; // what it did before it failed still arrives
        switch (kind) {
        case 0:
            throw OSError(EIO, "at 0x1000");
        case 1:
            throw ValueError("mmap closed or invalid");
        case 2:
            throw std::bad_alloc();
        default:
            throw 42;
        }
    });
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(job.error(), message);
    QCOMPARE(job.result(), 2);
    QVERIFY(!job.isCanceled());

    // The next job starts with no error.
    job.start([](JobControl &, int &done) { done = 1; });
    QVERIFY(job.error().isEmpty() || job.isRunning());
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(job.error().isEmpty());
    QCOMPARE(job.result(), 1);
}

void TestJobRunner::anErrorTheJobSetsIsItsError()
{
    // What reports failures as messages (Document::saveAs) sets the same error.
    const auto steps = std::make_shared<Steps>();
    Job<int> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    const auto open = permitsOnExit(steps);
    job.start([steps](JobControl &control, int &done) {
        control.setError(QStringLiteral("Cannot write /x: Permission denied."));
        steps->permits.acquire();
        done = -1;
    });
    QVERIFY(job.error().isEmpty()); // nothing to read while it runs
    steps->permits.release(1);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(job.error(), QStringLiteral("Cannot write /x: Permission denied."));
    QCOMPARE(job.result(), -1);

    // A thrown error is what the job ended with.
    job.start([](JobControl &control, int &) {
        control.setError(QStringLiteral("first"));
        throw ValueError("then this");
    });
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(job.error(), QStringLiteral("then this"));
}

void TestJobRunner::startingAJobReplacesTheRunningOne()
{
    Job<int> job;
    QList<int> results;
    connect(&job, &JobRunner::finished, this, [&] { results << job.result(); });
    auto firstReturned = std::make_shared<std::atomic<bool>>(false);
    job.start([firstReturned](JobControl &control, int &done) {
        // Runs until told to stop (or 2^31 steps, so that a broken runner fails the test).
        for (int step = 0; !control.isCanceled() && step < std::numeric_limits<int>::max();)
            ++step;
        done = 1;
        *firstReturned = true;
    });
    job.start([](JobControl &, int &done) { done = 2; });
    QVERIFY(*firstReturned); // start() canceled the first job and waited for it
    // A finished() of the first job would have been posted first, and so come first.
    QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), kWaitMs);
    QCOMPARE(results, QList<int> {2}); // only the second job's finished() came
    QVERIFY(!job.isCanceled());
}

void TestJobRunner::destroyingARunningJobCancelsAndWaits()
{
    // The job keeps going until it is told to stop; a runner that did not cancel would
    // wait forever, so a safety valve stops the job after kWaitMs and says so.
    struct Shared
    {
        std::atomic<bool> entered = false;
        std::atomic<bool> returned = false;
        std::atomic<bool> stoppedBySafetyValve = false;
        QSemaphore valve;
    };
    auto shared = std::make_shared<Shared>();
    auto *job = new Job<int>;
    job->start([shared](JobControl &control, int &) {
        shared->entered = true;
        while (!control.isCanceled()) {
            if (shared->valve.tryAcquire(1, 10)) {
                shared->stoppedBySafetyValve = true;
                break;
            }
        }
        shared->returned = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(shared->entered, kWaitMs);
    QSemaphore deleted;
    std::thread safetyValve([&] {
        if (!deleted.tryAcquire(1, kWaitMs))
            shared->valve.release(1);
    });
    delete job;
    const bool returnedWhenDeleted = shared->returned;
    deleted.release(1);
    safetyValve.join();
    QVERIFY2(!shared->stoppedBySafetyValve, "destroying the job did not cancel it");
    QVERIFY2(returnedWhenDeleted, "destroying the job did not wait for it");
}

void TestJobRunner::destroyingWithCancelOnlyDoesNotWait()
{
    const auto steps = std::make_shared<Steps>();
    auto seenCanceled = std::make_shared<std::atomic<int>>(-1);
    const auto open = permitsOnExit(steps);
    auto *job = new Job<int>;
    job->setOnDestruction(JobRunner::OnDestruction::CancelOnly);
    job->start([steps, seenCanceled](JobControl &control, int &) {
        steps->permits.acquire(); // blocked until the test lets it go, after the delete
        *seenCanceled = control.isCanceled();
    });
    // A safety valve: a destructor that waits would hang here; it fails the test instead.
    QSemaphore deleted;
    std::atomic<bool> openedBySafetyValve = false;
    std::thread safetyValve([&] {
        if (!deleted.tryAcquire(1, kWaitMs)) {
            openedBySafetyValve = true;
            steps->permits.release(1);
        }
    });
    delete job;
    deleted.release(1);
    safetyValve.join();
    QVERIFY2(!openedBySafetyValve, "destroying the job waited for it");
    QCOMPARE(seenCanceled->load(), -1); // still running
    steps->permits.release(1);
    QThreadPool::globalInstance()->waitForDone();
    QCOMPARE(seenCanceled->load(), 1); // it was told to stop, and its state outlived the runner
}

void TestJobRunner::theResultArrivesOnTheOwnersThread()
{
    // The owner lives on a thread of its own, neither the test's nor the pool's.
    QThread owner;
    owner.start();
    QObject context;
    context.moveToThread(&owner);
    std::atomic<QThread *> jobThread = nullptr;
    std::atomic<QThread *> finishedThread = nullptr;
    std::atomic<int> result = 0;
    std::atomic<bool> done = false;
    Job<int> *job = nullptr;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            job = new Job<int>;
            connect(job, &JobRunner::finished, job, [&] {
                finishedThread = QThread::currentThread();
                result = job->result();
                done = true;
            });
            job->start([&jobThread](JobControl &, int &value) {
                jobThread = QThread::currentThread();
                value = 7;
            });
        },
        Qt::BlockingQueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
    QCOMPARE(finishedThread.load(), &owner);
    QVERIFY(jobThread.load() != &owner);
    QVERIFY(jobThread.load() != QThread::currentThread());
    QCOMPARE(result.load(), 7);
    QMetaObject::invokeMethod(
        &context, [&] { delete job; }, Qt::BlockingQueuedConnection);
    owner.quit();
    owner.wait();
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
