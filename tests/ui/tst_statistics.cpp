// Statistics: the byte count job and its dialog, and the entropy strip, whose cost is
// bounded by its pixel rows (a 1 TiB sparse map reads at most rows × kSampleBytes).
#include "document.h"
#include "entropysampler.h"
#include "entropystrip.h"
#include "histogramchart.h"
#include "opendocument.h"
#include "rangechoice.h"
#include "scratchfile.h"
#include "sparsefile.h"
#include "statisticsdialog.h"
#include "statisticsjob.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace hexmap;

namespace {

// Runs sampleEntropy as a Job and waits for it.
EntropySamples sample(const std::shared_ptr<MemoryMap> &map, qint64 length, int rows)
{
    Job<EntropySamples> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    job.start([=](JobControl &control, EntropySamples &result) {
        sampleEntropy(*map, length, rows, EntropyStrip::kSampleBytes, control, result);
    });
    if (!finished.wait(60000))
        qFatal("the sampling did not finish");
    return job.result();
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void dialogCountsTheSelection();
    void holesCountAsZeros();
    void dialogCancel();
    void chartMapsXToValues();
    void samplingIsBoundedByRows();
    void samplingSeesEntropy();
    void samplingATruncatedFile();
    void stripOnATebibyteMapStaysIdle();
};

void TestStatistics::dialogCountsTheSelection()
{
    QByteArray bytes(20000, 'a');
    for (int i = 0; i < 1000; ++i)
        bytes[5000 + i] = char(i % 2);
    ScratchFile file(bytes);
    auto document = openDocument(file.path());
    QVERIFY(document);
    StatisticsDialog dialog(document.get(), 5000, 1000);
    QSignalSpy computed(&dialog, &StatisticsDialog::computed);
    dialog.show();
    QVERIFY(computed.wait(60000));
    QCOMPARE(computed.first().first().toBool(), true);
    const ByteHistogram histogram = dialog.histogram();
    QCOMPARE(histogram.total(), 1000u);
    QCOMPARE(histogram.count(0), 500u);
    QCOMPARE(histogram.count(1), 500u);
    QCOMPARE(histogram.entropy(), 1.0);
    QVERIFY2(
        dialog.summary().contains(QStringLiteral("1.0000 bits")), qPrintable(dialog.summary()));
    QCOMPARE(dialog.chart()->histogram().total(), 1000u);

    dialog.range()->setSelection(false); // recounts the whole map
    QVERIFY(computed.wait(60000));
    QCOMPARE(dialog.histogram().total(), 20000u);
    QCOMPARE(dialog.histogram().count('a'), 19000u);
}

// A sparse file, whose holes the count job adds as zeros without reading them: the
// counts of the file's bytes read in one piece.
void TestStatistics::holesCountAsZeros()
{
    QRandomGenerator random(3);
    SparseFile sparse(random, (qint64(40) << 20) + 777, 5);
    const MemoryMap map(sparse.file.fd(), 0);
    Job<ByteHistogram> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    job.start([&](JobControl &control, ByteHistogram &result) {
        countBytes(&map, 0, sparse.contents.size(), control, result);
    });
    QVERIFY(finished.wait(60000));
    ByteHistogram expected;
    expected.add(ByteView(reinterpret_cast<const std::uint8_t *>(sparse.contents.constData()),
        sparse.contents.size()));
    QCOMPARE(job.result().total(), expected.total());
    for (int value = 0; value < 256; ++value)
        QCOMPARE(job.result().count(std::uint8_t(value)), expected.count(std::uint8_t(value)));
}

void TestStatistics::dialogCancel()
{
    ScratchFile file {QByteArray()};
    file.truncate(qint64(1) << 30);
    auto document = openDocument(file.path());
    QVERIFY(document);
    StatisticsDialog dialog(document.get(), 0, 0);
    QSignalSpy computed(&dialog, &StatisticsDialog::computed);
    dialog.compute();
    dialog.cancel();
    QVERIFY(computed.wait(60000));
    QCOMPARE(computed.first().first().toBool(), false);
    QCOMPARE(dialog.summary(), QStringLiteral("Canceled."));
    QCOMPARE(dialog.histogram().total(), 0u);
}

void TestStatistics::chartMapsXToValues()
{
    HistogramChart chart;
    chart.resize(520, 200);
    QCOMPARE(chart.valueAt(0), -1);
    QCOMPARE(chart.valueAt(4), 0);
    QCOMPARE(chart.valueAt(515), 255);
    QCOMPARE(chart.valueAt(4 + 256), 128);
    chart.setLogarithmic(true);
    QVERIFY(chart.isLogarithmic());
    QVERIFY(!chart.grab().isNull()); // paints without a histogram
}

void TestStatistics::samplingIsBoundedByRows()
{
    // Few rows: on ext4 each sampled hole page costs the kernel tens of milliseconds
    // when faulted through a map (measured: 20–40 ms), so rows are what a sampling costs.
    ScratchFile file {QByteArray()};
    file.truncate(qint64(1) << 40); // 1 TiB of holes
    auto map = std::make_shared<MemoryMap>(file.fd(), 0, MapOptions {.access = Access::Read});
    for (const int rows : {1, 64, 200}) {
        const EntropySamples samples = sample(map, map->length(), rows);
        QCOMPARE(samples.bits.size(), rows);
        QVERIFY(samples.bytesRead <= qint64(rows) * EntropyStrip::kSampleBytes);
        QCOMPARE(samples.bits.first(), 0.0f); // holes read as zeros
    }
}

void TestStatistics::samplingSeesEntropy()
{
    // First half one value, second half every value equally: rows of 0 and 8 bits.
    QByteArray bytes(1 << 20, 'x');
    for (int i = bytes.size() / 2; i < bytes.size(); ++i)
        bytes[i] = char(i);
    ScratchFile file(bytes);
    auto map = std::make_shared<MemoryMap>(file.fd(), 0);
    const EntropySamples samples = sample(map, map->length(), 8);
    QCOMPARE(samples.bits.size(), 8);
    QCOMPARE(samples.bits.at(0), 0.0f);
    QCOMPARE(samples.bits.at(3), 0.0f);
    QVERIFY(std::abs(samples.bits.at(4) - 8.0f) < 1e-4f);
    QVERIFY(std::abs(samples.bits.at(7) - 8.0f) < 1e-4f);
    // More rows than bytes: every row still has a value.
    ScratchFile tiny(QByteArray("ab"));
    auto tinyMap = std::make_shared<MemoryMap>(tiny.fd(), 0);
    QCOMPARE(sample(tinyMap, 2, 10).bits.size(), 10);
}

void TestStatistics::samplingATruncatedFile()
{
    ScratchFile file(QByteArray(1 << 20, 'z'));
    auto map = std::make_shared<MemoryMap>(file.fd(), 0);
    file.truncateFromOutside(0);
    const EntropySamples samples = sample(map, map->length(), 16);
    QCOMPARE(samples.bits.size(), 16);
    QVERIFY(std::isnan(samples.bits.at(15)));
}

void TestStatistics::stripOnATebibyteMapStaysIdle()
{
    ScratchFile file {QByteArray()};
    file.truncate(qint64(1) << 40);
    auto document = openDocument(file.path(), Document::Mode::ReadOnly);
    QVERIFY(document);
    EntropyStrip strip;
    strip.resize(10, 150);
    QSignalSpy sampled(&strip, &EntropyStrip::sampled);
    strip.show();
    strip.setDocument(document.get());
    QVERIFY(sampled.wait(60000));
    QVERIFY(strip.samples().bytesRead <= qint64(strip.height()) * EntropyStrip::kSampleBytes);
    QCOMPARE(strip.samples().bits.size(), strip.height());
    // Nothing changes: no more sampling.
    QTest::qWait(1500);
    QCOMPARE(sampled.size(), 1);
    QVERIFY(!strip.isSampling());
    strip.setDocument(nullptr);
}

QTEST_MAIN(TestStatistics)
#include "tst_statistics.moc"
