// Regex search throughput on a page-cached file of random bytes (1 GiB, or
// HEXMAP_BENCH_BYTES), every figure with its baselines timed in the same run on the same
// file: a regex with a literal prefix (PK\x03\x04.{26}) against the core's literal search
// for the prefix alone (Find All's path, ChunkedSearch, over the whole file) and CPython's
// re over an mmap; a regex with none
// ([\x80-\xff]{8}\x00) against CPython's re, over the first 256 MiB
// (HEXMAP_BENCH_REGEX_BYTES) since it runs at the engine's speed. Both count every match
// as Find All does. HEXMAP_BENCH_RUNS runs (default 5); each prints its GB/s, then the
// medians and [min-max] of the ratios.
#include "benchsupport.h"
#include "chunkedsearch.h"
#include "findpython.h"
#include "regexpattern.h"

#include <QProcess>
#include <QtTest>

using namespace hexmap;

namespace {

// Every match of pattern in map[0, end), as Find All counts them.
qint64 countMatches(const MemoryMap &map, const BytePattern &pattern, qint64 end)
{
    ChunkedSearch search(map, pattern, 0, end, ChunkedSearch::Direction::Forward);
    qint64 count = 0;
    while (true) {
        while (!search.step()) { }
        if (search.result() < 0)
            return count;
        ++count;
        search.resumeAfterMatch();
    }
}

// Seconds CPython's re takes to count the matches of regex (DOTALL) in the file's first
// `bytes` bytes over an mmap (timed in Python, without its start), or -1.
double pythonSeconds(const QString &python, const QString &path, const QByteArray &regex,
    qint64 bytes, qint64 *count)
{
    if (python.isEmpty())
        return -1;
    QProcess process;
    process.start(python,
        {QStringLiteral("-c"),
            QStringLiteral("import mmap, re, sys, time\n"
                           "f = open(sys.argv[1], 'rb')\n"
                           "m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)\n"
                           "p = re.compile(sys.argv[2].encode('latin-1'), re.DOTALL)\n"
                           "n = int(sys.argv[3]); p.search(m, 0, n)\n"
                           "t = time.perf_counter(); c = sum(1 for _ in p.finditer(m, 0, n))\n"
                           "print(time.perf_counter() - t, c)\n"),
            path, QString::fromLatin1(regex), QString::number(bytes)});
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return -1;
    const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
    *count = fields.value(1).toLongLong();
    return fields.value(0).toDouble();
}

QString spread(const std::vector<double> &values)
{
    const Spread s = spreadOf(values);
    return QStringLiteral("%1 [%2-%3]")
        .arg(s.median, 0, 'f', 2)
        .arg(s.min, 0, 'f', 2)
        .arg(s.max, 0, 'f', 2);
}

} // namespace

class BenchRegexSearch : public QObject
{
    Q_OBJECT

private slots:
    void againstLiteralFindAndCPython();
};

void BenchRegexSearch::againstLiteralFindAndCPython()
{
    const int runs = benchRuns();
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("haystack.bin")));
    QVERIFY(file.open(QIODevice::ReadWrite) && writeRandomHaystack(file, benchBytes()));
    const MemoryMap map(file.handle(), 0, {.access = Access::Read});
    const qint64 size = map.length();
    const qint64 small = std::min(size,
        qEnvironmentVariableIsSet("HEXMAP_BENCH_REGEX_BYTES")
            ? qEnvironmentVariable("HEXMAP_BENCH_REGEX_BYTES").toLongLong()
            : qint64(256) << 20);
    QStringList tried;
    const QString python = findPython(tried);
    qInfo("%lld MiB (the regex without a prefix: the first %lld MiB); CPython: %s; %d runs",
        size >> 20, small >> 20,
        qPrintable(python.isEmpty() ? "none, tried " + tried.join(", ") : python), runs);

    const QByteArray zip = "PK\\x03\\x04.{26}";
    const QByteArray noPrefix = "[\\x80-\\xff]{8}\\x00";
    BytePattern zipPattern;
    zipPattern.regex = std::make_shared<RegexPattern>(zip.toStdString(), false);
    BytePattern noPrefixPattern;
    noPrefixPattern.regex = std::make_shared<RegexPattern>(noPrefix.toStdString(), false);
    const Bytes prefix {'P', 'K', 3, 4};
    const double gigabytes = double(size) / 1e9;
    const double smallGigabytes = double(small) / 1e9;

    std::vector<double> zipOverLiteral, zipOverPython, noPrefixOverPython, zipSpeed, literalSpeed,
        noPrefixSpeed;
    for (int run = 0; run < runs; ++run) {
        qint64 zipCount = 0;
        qint64 zipPythonCount = -1;
        qint64 noPrefixCount = 0;
        qint64 noPrefixPythonCount = -1;
        qint64 literal = 0;
        const double literalSeconds
            = secondsOf([&] { literal = countMatches(map, BytePattern(prefix), size); });
        const double zipSeconds
            = secondsOf([&] { zipCount = countMatches(map, zipPattern, size); });
        const double zipPython = pythonSeconds(python, file.fileName(), zip, size, &zipPythonCount);
        const double noPrefixSeconds
            = secondsOf([&] { noPrefixCount = countMatches(map, noPrefixPattern, small); }, 1);
        const double noPrefixPython
            = pythonSeconds(python, file.fileName(), noPrefix, small, &noPrefixPythonCount);
        // The same answers as CPython's.
        if (zipPython >= 0) {
            QCOMPARE(zipCount, zipPythonCount);
            QCOMPARE(noPrefixCount, noPrefixPythonCount);
        }
        literalSpeed.push_back(gigabytes / literalSeconds);
        zipSpeed.push_back(gigabytes / zipSeconds);
        noPrefixSpeed.push_back(smallGigabytes / noPrefixSeconds);
        zipOverLiteral.push_back(literalSeconds / zipSeconds);
        zipOverPython.push_back(zipPython < 0 ? -1 : zipPython / zipSeconds);
        noPrefixOverPython.push_back(noPrefixPython < 0 ? -1 : noPrefixPython / noPrefixSeconds);
        qInfo("run %d: %s %.2f GB/s (%lld matches), literal find of the prefix %.2f GB/s "
              "(%lld matches), CPython re %.2f GB/s; %s %.3f GB/s (%lld matches), CPython re %.3f "
              "GB/s",
            run + 1, zip.constData(), zipSpeed.back(), zipCount, literalSpeed.back(), literal,
            zipPython < 0 ? -1.0 : gigabytes / zipPython, noPrefix.constData(),
            noPrefixSpeed.back(), noPrefixCount,
            noPrefixPython < 0 ? -1.0 : smallGigabytes / noPrefixPython);
    }
    qInfo("%s: %s GB/s; literal find of the prefix %s GB/s; regex/literal %s; regex/CPython %s",
        zip.constData(), qPrintable(spread(zipSpeed)), qPrintable(spread(literalSpeed)),
        qPrintable(spread(zipOverLiteral)), qPrintable(spread(zipOverPython)));
    qInfo("%s: %s GB/s; regex/CPython %s", noPrefix.constData(), qPrintable(spread(noPrefixSpeed)),
        qPrintable(spread(noPrefixOverPython)));
}

int main(int argc, char **argv)
{
    return runBenchmark<BenchRegexSearch>(argc, argv, "3600000");
}

#include "bench_regexsearch.moc"
