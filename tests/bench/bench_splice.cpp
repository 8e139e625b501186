// Insert and delete in place: one byte inserted at offset 0 of a page-cached 1 GiB file
// (HEXMAP_BENCH_BYTES) and deleted again, against memmove of the same bytes through a
// shared map of the file and in memory, in the same run; and whole blocks inserted and deleted
// where the file system shifts them itself (fallocate on ext4), for that file and a 64 GiB sparse
// one.
#include "benchsupport.h"
#include "document.h"

#include <QStorageInfo>
#include <QtTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

using namespace hexmap;

namespace {
std::unique_ptr<Document> openInPlace(const QString &path)
{
    Document::OpenResult result = Document::open(path, {});
    if (!result.document)
        qFatal("%s", qPrintable(result.error));
    return std::move(result.document);
}

// Writes the document's dirty pages out, untimed, so that one run's writeback does not
// slow the next.
void settle(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    fdatasync(fd);
    ::close(fd);
}
} // namespace

class BenchSplice : public QObject
{
    Q_OBJECT

private slots:
    void oneByteAtTheStart();
    void wholeBlocksByTheFileSystem();
};

void BenchSplice::oneByteAtTheStart()
{
    const qint64 size = benchBytes();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite) && writeRandomHaystack(file, size));
    settle(path);
    // The baselines: memmove of the same bytes by one, up and back, through a shared map of
    // the same file (its clean pages pay the file system's first-write fault, as the
    // insert's do), and in anonymous memory already touched.
    auto *mapped = static_cast<std::uint8_t *>(
        mmap(nullptr, size_t(size), PROT_READ | PROT_WRITE, MAP_SHARED, file.handle(), 0));
    QVERIFY(mapped != MAP_FAILED);
    std::vector<std::uint8_t> memory(size_t(size) + 1, 1);
    auto document = openInPlace(path);
    std::vector<double> upFile, backFile, upMemory, inserts, deletes;
    for (int run = 0; run < benchRuns(); ++run) {
        upFile.push_back(secondsOnce([&] { std::memmove(mapped + 1, mapped, size_t(size) - 1); }));
        backFile.push_back(
            secondsOnce([&] { std::memmove(mapped, mapped + 1, size_t(size) - 1); }));
        upMemory.push_back(
            secondsOnce([&] { std::memmove(memory.data() + 1, memory.data(), size_t(size)); }));
        settle(path);
        inserts.push_back(secondsOnce([&] { QVERIFY(document->insert(0, "x")); }));
        deletes.push_back(secondsOnce([&] { QVERIFY(document->remove(0, 1)); }));
        QCOMPARE(document->size(), size);
        settle(path);
        qInfo("run %d: memmove through the file's map %.3f s up (clean pages), %.3f s back "
              "(dirty); in memory %.3f s; insert %.3f s, delete %.3f s",
            run, upFile.back(), backFile.back(), upMemory.back(), inserts.back(), deletes.back());
    }
    munmap(mapped, size_t(size));
    const Spread uf = spreadOf(upFile), bf = spreadOf(backFile), um = spreadOf(upMemory);
    const Spread i = spreadOf(inserts), d = spreadOf(deletes);
    qInfo("1 byte at offset 0 of %.2f GiB, page-cached, median [min-max] of %d runs:",
        double(size) / double(qint64(1) << 30), benchRuns());
    qInfo("  memmove through the file's map: up %.3f s [%.3f-%.3f] on clean pages, back %.3f s "
          "[%.3f-%.3f] on dirty ones",
        uf.median, uf.min, uf.max, bf.median, bf.min, bf.max);
    qInfo("  memmove in anonymous memory: %.3f s [%.3f-%.3f]", um.median, um.min, um.max);
    qInfo("  insert: %.3f s [%.3f-%.3f], %.2f x memmove's throughput through the map (clean "
          "pages), %.2f x in memory",
        i.median, i.min, i.max, uf.median / i.median, um.median / i.median);
    qInfo("  delete: %.3f s [%.3f-%.3f], %.2f x memmove's throughput through the map (dirty "
          "pages), %.2f x in memory",
        d.median, d.min, d.max, bf.median / d.median, um.median / d.median);
}

void BenchSplice::wholeBlocksByTheFileSystem()
{
    QTemporaryDir dir;
    for (const qint64 size : {qint64(1) << 30, qint64(64) << 30}) {
        const QString path = dir.filePath(QStringLiteral("blocks-%1.bin").arg(size));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.resize(size)); // sparse
        QVERIFY(file.seek(size - 4) && file.write("tail", 4) == 4);
        file.close();
        auto document = openInPlace(path);
        const QByteArray block(4096, 'b');
        std::vector<double> times;
        for (int run = 0; run < benchRuns(); ++run) {
            times.push_back(secondsOnce([&] {
                QVERIFY(document->insert(4096, block));
                QVERIFY(document->remove(4096, 4096));
            }));
        }
        QCOMPARE(document->read(size - 4, 4).bytes, QByteArray("tail"));
        const Spread t = spreadOf(times);
        qInfo("4 KiB inserted at 4 KiB and deleted again, %lld GiB file on %s: %.2f ms "
              "[%.2f-%.2f] for both",
            size >> 30, qPrintable(QStorageInfo(path).fileSystemType()), t.median * 1000,
            t.min * 1000, t.max * 1000);
        QFile::remove(path);
    }
}

int main(int argc, char **argv)
{
    return runBenchmark<BenchSplice>(argc, argv, "1800000");
}
#include "bench_splice.moc"
