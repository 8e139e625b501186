// What the residency strip costs a window that does nothing, and how long closing a tab
// takes, on 1 GiB, 16 GiB and 4 TiB sparse files: both must not grow with the map.
// Idle CPU is the process's CPU time (every thread: the scans run on the pool) over 10 s
// of an idle event loop, divided by wall time; the same window with the strip hidden,
// measured in the same run, is the baseline.
#include "documenttab.h"
#include "mainwindow.h"
#include "residencystrip.h"

#include <QAction>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <time.h>

using namespace hexmap;

namespace {

constexpr int kIdleMs = 10000;
constexpr int kScanWaitMs = 600000; // what a scan of 4 TiB took before the strip sampled

double processCpuSeconds()
{
    timespec now = {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// CPU time over wall time (in % of one core) while the event loop idles for ms.
double idleCpuPercent(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    QElapsedTimer wall;
    const double cpu = processCpuSeconds();
    wall.start();
    loop.exec();
    return 100.0 * (processCpuSeconds() - cpu) / (double(wall.nsecsElapsed()) / 1e9);
}

// Shows or hides the residency strips as View ▸ Residency Map does when clicked.
void showResidencyMap(MainWindow &window, bool on)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Residency Map")) {
            if (action->isChecked() != on)
                action->trigger();
            return;
        }
    }
    qFatal("no Residency Map action");
}

} // namespace

class BenchResidency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void idleAndClose();
};

void BenchResidency::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the window's settings go to ~/.qttest
}

void BenchResidency::idleAndClose()
{
    struct Size
    {
        const char *name;
        qint64 bytes;
    };
    const Size sizes[]
        = {{"1 GiB", qint64(1) << 30}, {"16 GiB", qint64(16) << 30}, {"4 TiB", qint64(4) << 40}};
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showResidencyMap(window, true);

    QString table = QStringLiteral(
        "\n| sparse file | idle CPU, strip hidden | idle CPU, strip visible | visible − hidden | "
        "one scan: wall (CPU) | pages per scan | idle rescan every | close tab (idle) | close tab "
        "(scan running) |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (const Size &size : sizes) {
        const QString path = dir.filePath(QString::fromLatin1(size.name).remove(' ') + ".img");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.resize(size.bytes));
        file.close();

        // Close while idle: open, let the first scans settle, close.
        QVERIFY(window.openFile(path));
        ResidencyStrip *strip = window.currentTab()->residencyStrip();
        QVERIFY(strip->isVisible() && strip->height() > 100);
        QSignalSpy scanned(strip, &ResidencyStrip::scanned);
        QVERIFY(scanned.wait(kScanWaitMs));
        QTest::qWait(1000);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(window.closeTab(window.tabCount() - 1));
        const double closeIdleMs = double(timer.nsecsElapsed()) / 1e6;

        // Idle with the strip hidden (the baseline), then shown.
        QVERIFY(window.openFile(path));
        strip = window.currentTab()->residencyStrip();
        QVERIFY(strip->isVisible());
        QSignalSpy scannedAgain(strip, &ResidencyStrip::scanned);
        QVERIFY(scannedAgain.wait(kScanWaitMs));
        showResidencyMap(window, false);
        QVERIFY(!strip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!strip->isScanning(), kScanWaitMs); // hiding does not cancel
        const double hidden = idleCpuPercent(kIdleMs);
        showResidencyMap(window, true);
        QVERIFY(strip->isVisible());
        QTest::qWait(1000);
        const double visible = idleCpuPercent(kIdleMs);

        // One scan, timed from the request to its result.
        QTRY_VERIFY_WITH_TIMEOUT(!strip->isScanning(), kScanWaitMs);
        scannedAgain.clear();
        const double scanStartCpu = processCpuSeconds();
        timer.start();
        strip->refresh();
        QVERIFY(scannedAgain.wait(kScanWaitMs));
        const double scanMs = double(timer.nsecsElapsed()) / 1e6;
        const double scanCpuMs = (processCpuSeconds() - scanStartCpu) * 1e3;
        const qint64 scannedPages = strip->sampledPages();
        const double idleRefreshS = strip->idleRefreshMs() / 1000.0;

        // Close with a scan just started.
        strip->refresh();
        timer.start();
        QVERIFY(window.closeTab(window.tabCount() - 1));
        const double closeScanningMs = double(timer.nsecsElapsed()) / 1e6;

        const QString row = QStringLiteral(
            "| %1 | %2 % | %3 % | %4 % | %5 ms (%6 ms) | %7 | %8 s | %9 ms | %10 ms |")
                                .arg(QString::fromLatin1(size.name))
                                .arg(hidden, 0, 'f', 2)
                                .arg(visible, 0, 'f', 2)
                                .arg(visible - hidden, 0, 'f', 2)
                                .arg(scanMs, 0, 'f', 1)
                                .arg(scanCpuMs, 0, 'f', 1)
                                .arg(scannedPages)
                                .arg(idleRefreshS, 0, 'f', 1)
                                .arg(closeIdleMs, 0, 'f', 1)
                                .arg(closeScanningMs, 0, 'f', 1);
        qInfo("%s", qPrintable(row));
        table += row + '\n';
        QFile::remove(path);
    }
    qInfo("%s", qPrintable(table));
}

QTEST_MAIN(BenchResidency)
#include "bench_residency.moc"
