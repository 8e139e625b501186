// Each hash and checksum of a 1 GiB page-cached file, hashed from its map as the dialog
// does (hashMap in a Job), against the usual command-line tool on the same file:
// sha256sum & co. from coreutils, b2sum, xxhsum (package xxhash), and python3's zlib
// and hashlib where no tool exists (CRC-32, Adler-32, SHA3-256). The best of kRuns for
// each side; hexmap must be at least as fast (ratio ≥ 1.0). A tool that is missing is
// skipped, not failed.
#include "hashjob.h"
#include "memorymap.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

using namespace hexmap;

namespace {

constexpr qint64 kFileBytes = qint64(1) << 30;
constexpr int kRuns = 2;

struct Reference
{
    DigestAlgorithm algorithm;
    QString program;
    QStringList arguments; // the file's path is appended
};

// python3 hashing the file in 1 MiB reads (for the algorithms without a coreutils tool).
QStringList python(const QString &expression)
{
    return {QStringLiteral("-c"),
        QStringLiteral("import sys, zlib, hashlib\n"
                       "f = open(sys.argv[1], 'rb')\n"
                       "%1\n")
            .arg(expression)};
}

QList<Reference> references()
{
    const QString loop
        = QStringLiteral("s = %1\nwhile (b := f.read(1 << 20)):\n    s = %2\nprint(s)");
    return {
        {DigestAlgorithm::Crc32, QStringLiteral("python3"),
            python(loop.arg(QStringLiteral("0"), QStringLiteral("zlib.crc32(b, s)")))},
        {DigestAlgorithm::Adler32, QStringLiteral("python3"),
            python(loop.arg(QStringLiteral("1"), QStringLiteral("zlib.adler32(b, s)")))},
        {DigestAlgorithm::Md5, QStringLiteral("md5sum"), {}},
        {DigestAlgorithm::Sha1, QStringLiteral("sha1sum"), {}},
        {DigestAlgorithm::Sha256, QStringLiteral("sha256sum"), {}},
        {DigestAlgorithm::Sha512, QStringLiteral("sha512sum"), {}},
        {DigestAlgorithm::Sha3_256, QStringLiteral("python3"),
            python(QStringLiteral("h = hashlib.sha3_256()\nwhile (b := f.read(1 << 20)):\n    "
                                  "h.update(b)\nprint(h.hexdigest())"))},
        {DigestAlgorithm::Blake2b512, QStringLiteral("b2sum"), {}},
        {DigestAlgorithm::Xxh3_64, QStringLiteral("xxhsum"), {QStringLiteral("-H3")}},
        {DigestAlgorithm::Xxh3_128, QStringLiteral("xxhsum"), {QStringLiteral("-H2")}},
    };
}

// Seconds hexmap takes to hash the map with one algorithm.
double hexmapSeconds(const std::shared_ptr<MemoryMap> &map, DigestAlgorithm algorithm)
{
    Job<HashResult> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    QElapsedTimer timer;
    timer.start();
    job.start([=](JobControl &control, HashResult &result) {
        hashMap(map.get(), 0, map->length(), {algorithm}, control, result);
    });
    if (!finished.wait(600000) || !job.error().isEmpty())
        qFatal("hashing failed: %s", qPrintable(job.error()));
    return double(timer.nsecsElapsed()) / 1e9;
}

// Seconds the tool takes on path, or -1 when it cannot run.
double toolSeconds(const Reference &reference, const QString &path)
{
    QProcess tool;
    QElapsedTimer timer;
    timer.start();
    tool.start(reference.program, reference.arguments + QStringList {path});
    if (!tool.waitForStarted(10000) || !tool.waitForFinished(600000) || tool.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

class BenchHashes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // One row per algorithm, so that each stays within QtTest's 5-minute limit per row.
    void againstTools_data();
    void againstTools();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<MemoryMap> m_map;
    QString m_table;
};

void BenchHashes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("random.bin"));
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block(8 << 20, '\0');
        QRandomGenerator random(42);
        for (qint64 written = 0; written < kFileBytes; written += block.size()) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            QVERIFY(file.write(block) == block.size());
        }
    }
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    m_map = std::make_shared<MemoryMap>(fd, 0, MapOptions {.access = Access::Read});
    ::close(fd);
    // Page-cache both sides: the tools read the file, hexmap its map.
    hexmapSeconds(m_map, DigestAlgorithm::Xxh3_64);
    m_table = QStringLiteral("\n%1 %2 %3 %4 %5\n")
                  .arg(QStringLiteral("algorithm"), -12)
                  .arg(QStringLiteral("hexmap GB/s"), 12)
                  .arg(QStringLiteral("tool"), -22)
                  .arg(QStringLiteral("tool GB/s"), 10)
                  .arg(QStringLiteral("ratio"), 7);
}

void BenchHashes::againstTools_data()
{
    QTest::addColumn<int>("index");
    const QList<Reference> all = references();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(Digest::name(all.at(i).algorithm).data()) << i;
}

void BenchHashes::againstTools()
{
    QFETCH(int, index);
    const Reference reference = references().at(index);
    double ours = 1e9;
    double theirs = 1e9;
    for (int run = 0; run < kRuns; ++run) {
        ours = std::min(ours, hexmapSeconds(m_map, reference.algorithm));
        const double tool = toolSeconds(reference, m_path);
        theirs = tool < 0 ? -1 : std::min(theirs, tool);
        if (theirs < 0)
            break;
    }
    const QString name = QString::fromLatin1(Digest::name(reference.algorithm));
    const QString tool = reference.program == QStringLiteral("python3")
        ? QStringLiteral("python3 hashlib/zlib")
        : (reference.program + QLatin1Char(' ') + reference.arguments.join(QLatin1Char(' ')))
              .trimmed();
    const double gb = double(kFileBytes) / 1e9;
    if (theirs < 0) {
        m_table += QStringLiteral("%1 %2 %3 skipped (not installed)\n")
                       .arg(name, -12)
                       .arg(gb / ours, 12, 'f', 2)
                       .arg(tool, -22);
        QSKIP("the tool is not installed");
    }
    const double ratio = theirs / ours;
    const QString row = QStringLiteral("%1 %2 %3 %4 %5")
                            .arg(name, -12)
                            .arg(gb / ours, 12, 'f', 2)
                            .arg(tool, -22)
                            .arg(gb / theirs, 10, 'f', 2)
                            .arg(ratio, 7, 'f', 2);
    m_table += row + QLatin1Char('\n');
    qInfo("%s", qPrintable(row));
    QVERIFY2(ratio >= 1.0, qPrintable(QStringLiteral("slower than ") + tool));
}

void BenchHashes::cleanupTestCase()
{
    qInfo("%s", qPrintable(m_table));
}

QTEST_GUILESS_MAIN(BenchHashes)
#include "bench_hashes.moc"
