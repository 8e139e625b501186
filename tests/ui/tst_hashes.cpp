// The hash job over a real map and the Hashes and Checksums dialog: results against
// python3's hashlib on the same bytes, a file truncated underneath (an error, not
// SIGBUS), cancel, and Copy.
#include "document.h"
#include "hashdialog.h"
#include "hashjob.h"
#include "opendocument.h"
#include "rangechoice.h"
#include "scratchfile.h"
#include "sparsefile.h"

#include <QApplication>
#include <QClipboard>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <fcntl.h>

using namespace hexmap;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, '\0');
    QRandomGenerator random(seed);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// hashlib's hexdigest of bytes, or "" without python3.
QString python(const QString &algorithm, const QByteArray &bytes)
{
    QProcess process;
    process.start(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import sys, hashlib; print(hashlib.new(sys.argv[1], "
                           "sys.stdin.buffer.read()).hexdigest())"),
            algorithm});
    process.write(bytes);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
}

// Runs hashMap as the dialog does, as a Job, and waits for it.
HashResult runHash(const std::shared_ptr<MemoryMap> &map, qint64 start, qint64 end,
    QList<DigestAlgorithm> algorithms, QString *error = nullptr, bool cancel = false)
{
    Job<HashResult> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    job.start([=](JobControl &control, HashResult &result) {
        hashMap(map.get(), start, end, algorithms, control, result);
    });
    if (cancel)
        job.cancel();
    if (!finished.wait(120000))
        qFatal("the hash job did not finish");
    if (error)
        *error = job.error();
    return job.result();
}

} // namespace

class TestHashes : public QObject
{
    Q_OBJECT

private slots:
    void jobMatchesHashlib();
    void holesHashAsZeros();
    void jobOnATruncatedFileFails();
    void jobCanBeCanceled();
    void dialogHashesTheSelection();
    void dialogSaysTheFileWasTruncated();
    void dialogCancelAndCopy();
};

void TestHashes::jobMatchesHashlib()
{
    // Not a multiple of the window, so the last window is short.
    const QByteArray bytes = randomBytes((5 << 20) / 2 + 333, 1);
    ScratchFile file(bytes);
    auto map = std::make_shared<MemoryMap>(file.fd(), 0);
    QString error;
    const HashResult result = runHash(map, 0, bytes.size(),
        {DigestAlgorithm::Sha256, DigestAlgorithm::Md5, DigestAlgorithm::Blake2b512}, &error);
    QCOMPARE(error, QString());
    QCOMPARE(result.digests.size(), 3);
    const QString sha256 = python(QStringLiteral("sha256"), bytes);
    if (sha256.isEmpty())
        QSKIP("python3 is not there");
    QCOMPARE(QString::fromLatin1(result.digests.at(0).toHex()), sha256);
    QCOMPARE(
        QString::fromLatin1(result.digests.at(1).toHex()), python(QStringLiteral("md5"), bytes));
    QCOMPARE(QString::fromLatin1(result.digests.at(2).toHex()),
        python(QStringLiteral("blake2b"), bytes));
    // A range inside the map.
    const HashResult part = runHash(map, 1000, 1000 + 70000, {DigestAlgorithm::Sha1});
    QCOMPARE(QString::fromLatin1(part.digests.at(0).toHex()),
        python(QStringLiteral("sha1"), bytes.mid(1000, 70000)));
}

// A sparse file, whose holes the job digests as zeros without reading: every algorithm
// gives the digest of the file's bytes read in one piece.
void TestHashes::holesHashAsZeros()
{
    QRandomGenerator random(5);
    SparseFile sparse(random, (qint64(40) << 20) + 12345, 4);
    auto map = std::make_shared<MemoryMap>(sparse.file.fd(), 0);
    const std::span<const DigestAlgorithm> all = Digest::all();
    const HashResult result
        = runHash(map, 0, sparse.contents.size(), QList<DigestAlgorithm>(all.begin(), all.end()));
    QCOMPARE(result.digests.size(), qsizetype(all.size()));
    for (std::size_t k = 0; k < all.size(); ++k) {
        Digest digest(all[k]);
        digest.update(ByteView(reinterpret_cast<const std::uint8_t *>(sparse.contents.constData()),
            sparse.contents.size()));
        const std::vector<std::uint8_t> expected = digest.finish();
        QCOMPARE(result.digests.at(qsizetype(k)),
            QByteArray(
                reinterpret_cast<const char *>(expected.data()), qsizetype(expected.size())));
    }
}

void TestHashes::jobOnATruncatedFileFails()
{
    const QByteArray bytes = randomBytes(4 << 20, 2);
    ScratchFile file(bytes);
    auto map = std::make_shared<MemoryMap>(file.fd(), 0);
    file.truncateFromOutside(4096);
    QString error;
    const HashResult result = runHash(map, 0, bytes.size(), {DigestAlgorithm::Sha256}, &error);
    QVERIFY2(!error.isEmpty(), "a read past the file's end must fail, not crash");
    QVERIFY(result.digests.isEmpty());
}

void TestHashes::jobCanBeCanceled()
{
    // 1 GiB of holes: long enough that a cancel right after the start stops it early.
    ScratchFile file {QByteArray()};
    file.truncate(qint64(1) << 30);
    auto map = std::make_shared<MemoryMap>(file.fd(), 0);
    QString error;
    Job<HashResult> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    const QList<DigestAlgorithm> all(Digest::all().begin(), Digest::all().end());
    job.start([=](JobControl &control, HashResult &result) {
        hashMap(map.get(), 0, map->length(), all, control, result);
    });
    job.cancel();
    QVERIFY(finished.wait(120000));
    QVERIFY(job.isCanceled());
    QVERIFY(job.result().digests.isEmpty());
}

void TestHashes::dialogHashesTheSelection()
{
    const QByteArray bytes = randomBytes(300000, 3);
    ScratchFile file(bytes);
    auto document = openDocument(file.path());
    QVERIFY(document);
    HashDialog dialog(document.get(), 100, 5000);
    QVERIFY(dialog.range()->isSelection());
    QSignalSpy computed(&dialog, &HashDialog::computed);
    dialog.show(); // starts computing
    QVERIFY(computed.wait(60000));
    QCOMPARE(computed.first().first().toBool(), true);
    const QString expected = python(QStringLiteral("sha3_256"), bytes.mid(100, 5000));
    if (expected.isEmpty())
        QSKIP("python3 is not there");
    QCOMPARE(dialog.digest(DigestAlgorithm::Sha3_256), expected);

    // The whole map, with two algorithms.
    dialog.range()->setSelection(false);
    dialog.setAlgorithms({DigestAlgorithm::Sha512, DigestAlgorithm::Crc32});
    dialog.compute();
    QVERIFY(computed.wait(60000));
    QCOMPARE(dialog.digest(DigestAlgorithm::Sha512), python(QStringLiteral("sha512"), bytes));
    QCOMPARE(dialog.digest(DigestAlgorithm::Sha3_256), QString());
    QCOMPARE(dialog.digest(DigestAlgorithm::Crc32).size(), 8);
}

void TestHashes::dialogSaysTheFileWasTruncated()
{
    ScratchFile file(randomBytes(1 << 20, 4));
    auto document = openDocument(file.path());
    QVERIFY(document);
    file.truncateFromOutside(100);
    HashDialog dialog(document.get(), 0, 0);
    QSignalSpy computed(&dialog, &HashDialog::computed);
    dialog.compute();
    QCOMPARE(computed.size(), 1);
    QCOMPARE(computed.first().first().toBool(), false);
    QVERIFY2(dialog.message().contains(QStringLiteral("truncated")), qPrintable(dialog.message()));
}

void TestHashes::dialogCancelAndCopy()
{
    ScratchFile file {QByteArray()};
    file.truncate(qint64(1) << 30);
    auto document = openDocument(file.path());
    QVERIFY(document);
    HashDialog dialog(document.get(), 0, 0);
    QSignalSpy computed(&dialog, &HashDialog::computed);
    dialog.compute();
    QVERIFY(dialog.isComputing());
    dialog.cancel();
    QVERIFY(computed.wait(60000));
    QCOMPARE(computed.first().first().toBool(), false);
    QCOMPARE(dialog.message(), QStringLiteral("Canceled."));
    QCOMPARE(dialog.resultText(), QString());

    // Copy: "NAME  hex" lines of what was computed.
    ScratchFile small(QByteArray("abc"));
    auto abc = openDocument(small.path());
    HashDialog done(abc.get(), 0, 0);
    QSignalSpy computedAbc(&done, &HashDialog::computed);
    done.setAlgorithms({DigestAlgorithm::Md5});
    done.compute();
    QVERIFY(computedAbc.wait(60000));
    for (QPushButton *button : done.findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("&Copy"))
            button->click();
    }
    QCOMPARE(
        QApplication::clipboard()->text(), QStringLiteral("MD5  900150983cd24fb0d6963f7d28e17f72"));
}

QTEST_MAIN(TestHashes)
#include "tst_hashes.moc"
