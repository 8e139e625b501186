// Known answers for every hash and checksum: fixed published vectors, and the same
// bytes hashed at test time by independent tools (python3's hashlib and zlib, xxhsum).
#include "digest.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

using namespace hexmap;

namespace {

QByteArray hexOf(Digest &digest)
{
    const std::vector<std::uint8_t> bytes = digest.finish();
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()))
        .toHex();
}

std::span<const std::uint8_t> spanOf(const QByteArray &bytes)
{
    return {reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())};
}

QByteArray hashInPieces(DigestAlgorithm algorithm, const QByteArray &bytes, qsizetype piece)
{
    Digest digest(algorithm);
    for (qsizetype at = 0; at < bytes.size(); at += piece)
        digest.update(spanOf(bytes.mid(at, piece)));
    return hexOf(digest);
}

// What python3 says for bytes: one line per algorithm, in Digest::all()'s order except
// the XXH3 ones (xxhsum's job).
QStringList pythonDigests(const QByteArray &bytes)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import sys, hashlib, zlib\n"
                           "d = sys.stdin.buffer.read()\n"
                           "print('%08x' % (zlib.crc32(d) & 0xffffffff))\n"
                           "print('%08x' % (zlib.adler32(d) & 0xffffffff))\n"
                           "for n in ('md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b'):\n"
                           "    print(hashlib.new(n, d).hexdigest())\n")});
    python.write(bytes);
    python.closeWriteChannel();
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        return {};
    return QString::fromLatin1(python.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// xxhsum -H3 (XXH3-64) or -H2 (XXH3-128) of bytes, or "" without xxhsum.
QString xxhsum(const QByteArray &bytes, const QString &which)
{
    QProcess tool;
    tool.start(QStringLiteral("xxhsum"), {which, QStringLiteral("-")});
    if (!tool.waitForStarted(10000))
        return {};
    tool.write(bytes);
    tool.closeWriteChannel();
    if (!tool.waitForFinished(60000) || tool.exitCode() != 0)
        return {};
    // "XXH3 (stdin) = <hex>" (-H3) or "<hex>  stdin" (-H2): the word that is all hex.
    static const QRegularExpression hex(QStringLiteral("\\b([0-9a-f]{16,32})\\b"));
    return hex.match(QString::fromLatin1(tool.readAllStandardOutput())).captured(1);
}

} // namespace

class TestDigest : public QObject
{
    Q_OBJECT

private slots:
    void publishedVectors_data();
    void publishedVectors();
    void matchesIndependentTools_data();
    void matchesIndependentTools();
    void piecesDoNotMatter();
    void names();
};

void TestDigest::publishedVectors_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray abc("abc");
    const QByteArray fox("The quick brown fox jumps over the lazy dog");
    QTest::newRow("crc32 check") << int(DigestAlgorithm::Crc32) << QByteArray("123456789")
                                 << QByteArray("cbf43926");
    QTest::newRow("adler32 wikipedia")
        << int(DigestAlgorithm::Adler32) << QByteArray("Wikipedia") << QByteArray("11e60398");
    QTest::newRow("md5 abc") << int(DigestAlgorithm::Md5) << abc
                             << QByteArray("900150983cd24fb0d6963f7d28e17f72");
    QTest::newRow("sha1 abc") << int(DigestAlgorithm::Sha1) << abc
                              << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d");
    QTest::newRow("sha256 abc")
        << int(DigestAlgorithm::Sha256) << abc
        << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("sha512 abc")
        << int(DigestAlgorithm::Sha512) << abc
        << QByteArray("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    QTest::newRow("sha3-256 abc")
        << int(DigestAlgorithm::Sha3_256) << abc
        << QByteArray("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
    QTest::newRow("blake2b-512 abc")
        << int(DigestAlgorithm::Blake2b512) << abc
        << QByteArray("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                      "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    QTest::newRow("sha256 empty")
        << int(DigestAlgorithm::Sha256) << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("md5 fox") << int(DigestAlgorithm::Md5) << fox
                             << QByteArray("9e107d9d372bb6826bd81d3542a419d6");
    // xxhsum 0.8.1 on "abc" (-H3, -H2), fixed here so that the test needs no xxhsum.
    QTest::newRow("xxh3-64 abc") << int(DigestAlgorithm::Xxh3_64) << abc
                                 << QByteArray("78af5f94892f3950");
    QTest::newRow("xxh3-128 abc") << int(DigestAlgorithm::Xxh3_128) << abc
                                  << QByteArray("06b05ab6733a618578af5f94892f3950");
    // xxHash's own test vectors: XXH3_64bits("") and XXH3_128bits("").
    QTest::newRow("xxh3-64 empty")
        << int(DigestAlgorithm::Xxh3_64) << QByteArray() << QByteArray("2d06800538d394c2");
    QTest::newRow("xxh3-128 empty") << int(DigestAlgorithm::Xxh3_128) << QByteArray()
                                    << QByteArray("99aa06d3014798d86001c324468d497f");
}

void TestDigest::publishedVectors()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    Digest digest {DigestAlgorithm(algorithm)};
    digest.update(spanOf(input));
    QCOMPARE(hexOf(digest), expected);
}

void TestDigest::matchesIndependentTools_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("one byte") << 1;
    QTest::newRow("odd") << 4093;
    QTest::newRow("3 MiB") << (3 << 20) + 17;
}

void TestDigest::matchesIndependentTools()
{
    QFETCH(int, size);
    QByteArray bytes(size, '\0');
    QRandomGenerator random(size);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    const QStringList expected = pythonDigests(bytes);
    if (expected.isEmpty())
        QSKIP("python3 is not there");
    const DigestAlgorithm fromPython[] = {DigestAlgorithm::Crc32, DigestAlgorithm::Adler32,
        DigestAlgorithm::Md5, DigestAlgorithm::Sha1, DigestAlgorithm::Sha256,
        DigestAlgorithm::Sha512, DigestAlgorithm::Sha3_256, DigestAlgorithm::Blake2b512};
    QCOMPARE(expected.size(), qsizetype(std::size(fromPython)));
    for (std::size_t i = 0; i < std::size(fromPython); ++i)
        QCOMPARE(QString::fromLatin1(hashInPieces(fromPython[i], bytes, 1 << 20)),
            expected.at(qsizetype(i)));
    const QString xxh64 = xxhsum(bytes, QStringLiteral("-H3"));
    const QString xxh128 = xxhsum(bytes, QStringLiteral("-H2"));
    if (xxh64.isEmpty() || xxh128.isEmpty())
        QSKIP("xxhsum is not there (Debian package xxhash)");
    QCOMPARE(QString::fromLatin1(hashInPieces(DigestAlgorithm::Xxh3_64, bytes, 1 << 20)), xxh64);
    QCOMPARE(QString::fromLatin1(hashInPieces(DigestAlgorithm::Xxh3_128, bytes, 1 << 20)), xxh128);
}

void TestDigest::piecesDoNotMatter()
{
    QByteArray bytes(100000, '\0');
    QRandomGenerator random(7);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    for (const DigestAlgorithm algorithm : Digest::all())
        QCOMPARE(hashInPieces(algorithm, bytes, 7), hashInPieces(algorithm, bytes, bytes.size()));
}

void TestDigest::names()
{
    QCOMPARE(Digest::all().size(), std::size_t(10));
    QCOMPARE(Digest::name(DigestAlgorithm::Blake2b512), std::string_view("BLAKE2b-512"));
    QCOMPARE(Digest::name(DigestAlgorithm::Xxh3_128), std::string_view("XXH3-128"));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
