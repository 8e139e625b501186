// MemoryMap against mmap-contract.md, row by row: defaults, results and errors
// (class and CPython's message) of every method, on real files and anonymous maps.
#include "findrange.h"
#include "memorymap.h"
#include "scratchfile.h"

#include <QtTest>

#include <sys/mman.h>
#include <sys/resource.h>

#include <atomic>
#include <dirent.h>
#include <functional>
#include <random>
#include <thread>

using namespace hexmap;
using Action = std::function<void(MemoryMap &)>;
Q_DECLARE_METATYPE(Action)

namespace {
const QByteArray kHello = QByteArrayLiteral("Hello Python!\nsecond line\nthird");

int openDescriptorCount()
{
    int count = 0;
    if (DIR *dir = opendir("/proc/self/fd")) {
        while (readdir(dir))
            ++count;
        closedir(dir);
    }
    return count;
}
} // namespace

class TestMemoryMap : public QObject
{
    Q_OBJECT

private slots:
    void constructionErrors_data();
    void constructionErrors();
    void accessModes_data();
    void accessModes();
    void lengthZeroMapsToTheEnd();
    void offsetMapsAWindow();
    void anonymousMapIgnoresItsOffset_data();
    void anonymousMapIgnoresItsOffset();
    void trackfdDuplicatesTheDescriptor();
    void trackfdFalseKeepsNoDescriptor();
    void closedMapRaises_data();
    void closedMapRaises();
    void closeIsIdempotentAndReleasesTheDescriptor();
    void find_data();
    void find();
    void rfind_data();
    void rfind();
    void findIgnoresBytesOutsideTheRange();
    void findBounds_data();
    void findBounds();
    void findRangeOfAnEmptyMap();
    void flush();
    void flushOffsetAloneFlushesToTheEnd();
    void madvise_data();
    void madvise();
    void move();
    void readAndReadByte();
    void readLine();
    void resizeChecks();
    void resizeFile();
    void resizeZeroLeavesTheFileAlone();
    void resizeZeroOfAnonymousMaps();
    void failedResizeLeavesFileAndMapAlone();
    void failedRemapPutsTheFileSizeBack();
    void resizeAnonymous();
    void seek_data();
    void seek();
    void sizeIsTheFileSize();
    void write();
    void writeByte();
    void indexing();
    void slicing_data();
    void slicing();
    void sliceAssignment();
    void bufferExport();
    void bufferOutlivesTheMap();
    void destructorClosesWithoutLeaks();
    void repr();
    void writesAreVisibleAtOnceCopiesNever();
    void constantTables();
    void threadsReadWhileOthersResize();
    void findPatternExtension();
    void residencyExtension();
    void largeWritesAndMovesKeepEveryByte_data();
    void largeWritesAndMovesKeepEveryByte();
};

void TestMemoryMap::constructionErrors_data()
{
    QTest::addColumn<QString>("kind"); // how the file is opened
    QTest::addColumn<qint64>("length");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("prot");
    QTest::addColumn<int>("access");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("error");

    const int rw = PROT_READ | PROT_WRITE;
    QTest::newRow("negative length") << "rw" << -1LL << MAP_SHARED << rw << 0 << 0LL
                                     << "OverflowError: memory mapped length must be positive";
    QTest::newRow("negative offset") << "rw" << 0LL << MAP_SHARED << rw << 0 << -1LL
                                     << "OverflowError: memory mapped offset must be positive";
    QTest::newRow("access with flags")
        << "rw" << 0LL << MAP_PRIVATE << rw << 1 << 0LL
        << "ValueError: mmap can't specify both access and flags, prot.";
    QTest::newRow("access with prot")
        << "rw" << 0LL << MAP_SHARED << PROT_READ << 2 << 0LL
        << "ValueError: mmap can't specify both access and flags, prot.";
    QTest::newRow("unknown access") << "rw" << 0LL << MAP_SHARED << rw << 4 << 0LL
                                    << "ValueError: mmap invalid access parameter.";
    QTest::newRow("empty file") << "empty" << 0LL << MAP_SHARED << rw << 0 << 0LL
                                << "ValueError: cannot mmap an empty file";
    QTest::newRow("offset at end") << "rw" << 0LL << MAP_SHARED << rw << 0 << 8192LL
                                   << "ValueError: mmap offset is greater than file size";
    QTest::newRow("length past end") << "rw" << 8193LL << MAP_SHARED << rw << 0 << 0LL
                                     << "ValueError: mmap length is greater than file size";
    QTest::newRow("offset+length past end") << "rw" << 4097LL << MAP_SHARED << rw << 0 << 4096LL
                                            << "ValueError: mmap length is greater than file size";
    QTest::newRow("bad descriptor") << "bad" << 10LL << MAP_SHARED << rw << 0 << 0LL
                                    << "OSError: [Errno 9] Bad file descriptor";
    QTest::newRow("directory") << "dir" << 0LL << MAP_SHARED << rw << 0 << 0LL
                               << "OSError: [Errno 22] Invalid argument";
    QTest::newRow("unaligned offset")
        << "rw" << 10LL << MAP_SHARED << rw << 0 << 1LL << "OSError: [Errno 22] Invalid argument";
    QTest::newRow("read-only fd, write")
        << "ro" << 0LL << MAP_SHARED << rw << 2 << 0LL << "OSError: [Errno 13] Permission denied";
    QTest::newRow("read-only fd, default")
        << "ro" << 0LL << MAP_SHARED << rw << 0 << 0LL << "OSError: [Errno 13] Permission denied";
    QTest::newRow("anonymous, length 0")
        << "anon" << 0LL << MAP_SHARED << rw << 0 << 0LL << "OSError: [Errno 22] Invalid argument";
    QTest::newRow("anonymous, unaligned offset")
        << "anon" << 10LL << MAP_SHARED << rw << 0 << 4097LL
        << "OSError: [Errno 22] Invalid argument";
    QTest::newRow("private anonymous, unaligned offset")
        << "anon" << 10LL << MAP_PRIVATE << rw << 0 << 1LL
        << "OSError: [Errno 22] Invalid argument";
    QTest::newRow("read-only fd, copy works")
        << "ro" << 0LL << MAP_SHARED << rw << 3 << 0LL << "no error";
}

void TestMemoryMap::constructionErrors()
{
    QFETCH(QString, kind);
    QFETCH(qint64, length);
    QFETCH(int, flags);
    QFETCH(int, prot);
    QFETCH(int, access);
    QFETCH(qint64, offset);
    QFETCH(QString, error);

    ScratchFile file(
        kind == "empty" ? QByteArray() : QByteArray(8192, 'x'), kind == "ro" ? O_RDONLY : O_RDWR);
    QTemporaryDir dir;
    int fd = file.fd();
    if (kind == "bad")
        fd = 987;
    else if (kind == "anon")
        fd = -1;
    else if (kind == "dir")
        fd = ::open(dir.path().toLocal8Bit().constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    const MapOptions options {flags, prot, static_cast<Access>(access), offset, true};
    QCOMPARE(errorOf([&] { MemoryMap map(fd, length, options); }), error);
    if (kind == "dir")
        ::close(fd);
}

void TestMemoryMap::accessModes_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("prot");
    QTest::addColumn<int>("access");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("writable");

    const int rw = PROT_READ | PROT_WRITE;
    QTest::newRow("default") << MAP_SHARED << rw << 0 << "ACCESS_DEFAULT" << true;
    QTest::newRow("read") << MAP_SHARED << rw << 1 << "ACCESS_READ" << false;
    QTest::newRow("write") << MAP_SHARED << rw << 2 << "ACCESS_WRITE" << true;
    QTest::newRow("copy") << MAP_SHARED << rw << 3 << "ACCESS_COPY" << true;
    QTest::newRow("prot read -> read") << MAP_SHARED << PROT_READ << 0 << "ACCESS_READ" << false;
    QTest::newRow("private rw stays default") << MAP_PRIVATE << rw << 0 << "ACCESS_DEFAULT" << true;
}

void TestMemoryMap::accessModes()
{
    QFETCH(int, flags);
    QFETCH(int, prot);
    QFETCH(int, access);
    QFETCH(QString, name);
    QFETCH(bool, writable);

    ScratchFile file("abcdef");
    MemoryMap map(file.fd(), 0, {flags, prot, static_cast<Access>(access)});
    QCOMPARE(QString::fromLatin1(accessName(map.access())), name);
    const QString writeError = errorOf([&] { map.writeByte('Z'); });
    QCOMPARE(
        writeError, writable ? "no error" : "TypeError: mmap can't modify a readonly memory map.");
}

void TestMemoryMap::lengthZeroMapsToTheEnd()
{
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    QCOMPARE(map.length(), kHello.size());
    QCOMPARE(map.tell(), 0);
    QCOMPARE(toQByteArray(map.read()), kHello);
}

void TestMemoryMap::offsetMapsAWindow()
{
    QByteArray content(3 * 4096, 'a');
    content[4096] = 'B';
    ScratchFile file(content);
    MemoryMap map(file.fd(), 0, {.offset = allocationGranularity()});
    QCOMPARE(map.length(), content.size() - allocationGranularity());
    QCOMPARE(map.at(0), 'B');
    QCOMPARE(map.size(), content.size());
    QCOMPARE(map.offset(), allocationGranularity());

    MemoryMap window(file.fd(), 10, {.offset = allocationGranularity()});
    QCOMPARE(window.length(), 10);
}

void TestMemoryMap::anonymousMapIgnoresItsOffset_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<qint64>("offset");
    const qint64 page = pageSize();
    QTest::newRow("shared, a page at a page") << MAP_SHARED << page << page;
    QTest::newRow("shared, a page and 900 at a page") << MAP_SHARED << page + 900 << page;
    QTest::newRow("shared, one byte at two pages") << MAP_SHARED << 1LL << 2 * page;
    QTest::newRow("private, a page and 900 at a page") << MAP_PRIVATE << page + 900 << page;
}

void TestMemoryMap::anonymousMapIgnoresItsOffset()
{
    // Linux checks an anonymous map's offset for alignment, then ignores it; CPython
    // shows it in repr. A shared one (a memfd here) used to be mapped at the offset,
    // past the memfd's end: every access raised OSError EIO.
    QFETCH(int, flags);
    QFETCH(qint64, length);
    QFETCH(qint64, offset);
    MemoryMap map(-1, length, {.flags = flags, .offset = offset});
    QCOMPARE(map.length(), length);
    QCOMPARE(map.offset(), offset);
    QCOMPARE(map.size(), length); // CPython 3.15: an anonymous map's size is its length
    QCOMPARE(QString::fromStdString(map.repr()),
        QStringLiteral(
            "<mmap.mmap closed=False, access=ACCESS_DEFAULT, length=%1, pos=0, offset=%2>")
            .arg(length)
            .arg(offset));
    QCOMPARE(toQByteArray(map.slice({})), QByteArray(length, '\0'));

    QByteArray text(length, '\0');
    for (qint64 i = 0; i < length; ++i)
        text[i] = char('a' + i % 26);
    QCOMPARE(map.write(bytesOf(text.constData())), length);
    QCOMPARE(map.rfind(bytesOf(text.right(1).constData()), 0), length - 1);
    map.seek(0);
    QCOMPARE(toQByteArray(map.read()), text);

    const qint64 grown = length + 2 * pageSize();
    map.resize(grown);
    QCOMPARE(map.length(), grown);
    QCOMPARE(map.size(), grown);
    QCOMPARE(toQByteArray(map.slice({0, length, {}})), text);
    QCOMPARE(map.at(grown - 1), 0);
    map.setAt(grown - 1, 'E');
    QCOMPARE(map.at(-1), 'E');
    const qint64 shrunk = length / 2 + 1;
    map.resize(shrunk);
    QCOMPARE(toQByteArray(map.slice({})), text.left(shrunk));
    QCOMPARE(map.offset(), offset);
    if (flags == MAP_SHARED) {
        // Like a file, the memfd lost what the shrink cut off: grown again, it is zeros.
        map.resize(length);
        QCOMPARE(toQByteArray(map.slice({shrunk, {}, {}})), QByteArray(length - shrunk, '\0'));
    }
}

void TestMemoryMap::trackfdDuplicatesTheDescriptor()
{
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    file.closeFd();
    QCOMPARE(map.size(), kHello.size());
    map.resize(100);
    QCOMPARE(file.size(), 100);
}

void TestMemoryMap::trackfdFalseKeepsNoDescriptor()
{
    ScratchFile file(kHello);
    const int before = openDescriptorCount();
    MemoryMap map(file.fd(), 0, {.trackfd = false});
    QCOMPARE(openDescriptorCount(), before);
    QVERIFY(!map.trackfd());
    QCOMPARE(errorOf([&] { (void)map.size(); }), "OSError: [Errno 9] Bad file descriptor");
    QCOMPARE(errorOf([&] { map.resize(10); }), "ValueError: mmap can't resize with trackfd=False.");
    QCOMPARE(map.at(0), 'H');
}

void TestMemoryMap::closedMapRaises_data()
{
    QTest::addColumn<Action>("action");
    const auto row = [](const char *name, Action action) { QTest::newRow(name) << action; };
    row("find", [](MemoryMap &m) { (void)m.find(bytesOf("a")); });
    row("rfind", [](MemoryMap &m) { (void)m.rfind(bytesOf("a")); });
    row("flush", [](MemoryMap &m) { m.flush(); });
    row("madvise", [](MemoryMap &m) { m.madvise(MADV_NORMAL); });
    row("move", [](MemoryMap &m) { m.move(0, 1, 1); });
    row("read", [](MemoryMap &m) { (void)m.read(); });
    row("readByte", [](MemoryMap &m) { (void)m.readByte(); });
    row("readLine", [](MemoryMap &m) { (void)m.readLine(); });
    row("resize", [](MemoryMap &m) { m.resize(10); });
    row("seek", [](MemoryMap &m) { m.seek(0, 7); });
    row("size", [](MemoryMap &m) { (void)m.size(); });
    row("tell", [](MemoryMap &m) { (void)m.tell(); });
    row("write", [](MemoryMap &m) { m.write(bytesOf("")); });
    row("writeByte", [](MemoryMap &m) { m.writeByte(1); });
    row("length", [](MemoryMap &m) { (void)m.length(); });
    row("at", [](MemoryMap &m) { (void)m.at(1000); });
    row("slice", [](MemoryMap &m) { (void)m.slice({0, 1, 0}); });
    row("setAt", [](MemoryMap &m) { m.setAt(0, 1); });
    row("setSlice", [](MemoryMap &m) { m.setSlice({}, bytesOf("x")); });
    row("buffer", [](MemoryMap &m) { (void)m.buffer(); });
    row("findPattern", [](MemoryMap &m) { (void)m.findPattern({}, 0, 1); });
    row("residency", [](MemoryMap &m) { (void)m.residency(0, 1); });
}

void TestMemoryMap::closedMapRaises()
{
    QFETCH(Action, action);
    ScratchFile file(kHello, O_RDONLY);
    MemoryMap map(file.fd(), 0, {.access = Access::Read}); // "closed" comes before "read-only"
    map.close();
    QVERIFY(map.closed());
    QVERIFY(map.seekable());
    QCOMPARE(errorOf([&] { action(map); }), "ValueError: mmap closed or invalid");
}

void TestMemoryMap::closeIsIdempotentAndReleasesTheDescriptor()
{
    ScratchFile file(kHello);
    const int before = openDescriptorCount();
    MemoryMap map(file.fd(), 0);
    QCOMPARE(openDescriptorCount(), before + 1);
    QVERIFY(!map.closed());
    map.close();
    QCOMPARE(openDescriptorCount(), before);
    map.close();
    QVERIFY(map.closed());
}

using Bound = std::optional<std::int64_t>;
Q_DECLARE_METATYPE(Bound)

namespace {
void addFindColumns()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<qint64>("position");
    QTest::addColumn<Bound>("start");
    QTest::addColumn<Bound>("end");
    QTest::addColumn<qint64>("expected");
}
const QByteArray kAbc = "abcabcabc"; // the haystack of find and rfind rows
} // namespace

void TestMemoryMap::find_data()
{
    addFindColumns();
    const Bound none;
    QTest::newRow("from 0") << QByteArray("bc") << 0LL << none << none << 1LL;
    QTest::newRow("start defaults to the position")
        << QByteArray("bc") << 2LL << none << none << 4LL;
    QTest::newRow("explicit start ignores position")
        << QByteArray("bc") << 8LL << Bound(0) << none << 1LL;
    QTest::newRow("absent") << QByteArray("cb") << 0LL << none << none << -1LL;
    QTest::newRow("match must end before end")
        << QByteArray("abc") << 0LL << Bound(1) << Bound(5) << -1LL;
    QTest::newRow("match ending at end") << QByteArray("abc") << 0LL << Bound(1) << Bound(6) << 3LL;
    QTest::newRow("negative start") << QByteArray("a") << 0LL << Bound(-3) << none << 6LL;
    QTest::newRow("negative end") << QByteArray("c") << 0LL << Bound(0) << Bound(-7) << -1LL;
    QTest::newRow("very negative start clamps")
        << QByteArray("a") << 5LL << Bound(-100) << none << 0LL;
    QTest::newRow("end past length clamps")
        << QByteArray("c") << 0LL << Bound(7) << Bound(100) << 8LL;
    QTest::newRow("end before start") << QByteArray("") << 0LL << Bound(5) << Bound(4) << -1LL;
    QTest::newRow("empty needle") << QByteArray("") << 0LL << Bound(3) << none << 3LL;
    QTest::newRow("empty needle at the end") << QByteArray("") << 0LL << Bound(9) << none << 9LL;
    QTest::newRow("empty needle past the end (3.15)")
        << QByteArray("") << 0LL << Bound(10) << none << -1LL;
    QTest::newRow("needle longer than map") << QByteArray(20, 'a') << 0LL << none << none << -1LL;
}

void TestMemoryMap::find()
{
    QFETCH(QByteArray, needle);
    QFETCH(qint64, position);
    QFETCH(Bound, start);
    QFETCH(Bound, end);
    QFETCH(qint64, expected);
    MemoryMap map(-1, kAbc.size());
    map.write(bytesOf(kAbc.constData()));
    map.seek(position);
    QCOMPARE(map.find(bytesOf(needle.constData()), start, end), expected);
    QCOMPARE(map.tell(), position);
}

void TestMemoryMap::rfind_data()
{
    addFindColumns();
    const Bound none;
    QTest::newRow("whole map") << QByteArray("bc") << 0LL << none << none << 7LL;
    QTest::newRow("start defaults to the position")
        << QByteArray("bc") << 8LL << none << none << -1LL;
    QTest::newRow("bounded end") << QByteArray("bc") << 0LL << Bound(0) << Bound(6) << 4LL;
    QTest::newRow("negative end") << QByteArray("a") << 0LL << Bound(0) << Bound(-3) << 3LL;
    QTest::newRow("empty needle is end") << QByteArray("") << 0LL << Bound(2) << Bound(5) << 5LL;
    QTest::newRow("empty needle, default end") << QByteArray("") << 4LL << none << none << 9LL;
    QTest::newRow("empty needle past the end (3.15)")
        << QByteArray("") << 0LL << Bound(20) << none << -1LL;
    QTest::newRow("absent") << QByteArray("x") << 0LL << none << none << -1LL;
}

void TestMemoryMap::rfind()
{
    QFETCH(QByteArray, needle);
    QFETCH(qint64, position);
    QFETCH(Bound, start);
    QFETCH(Bound, end);
    QFETCH(qint64, expected);
    MemoryMap map(-1, kAbc.size());
    map.write(bytesOf(kAbc.constData()));
    map.seek(position);
    QCOMPARE(map.rfind(bytesOf(needle.constData()), start, end), expected);
    QCOMPARE(map.tell(), position);
}

void TestMemoryMap::findIgnoresBytesOutsideTheRange()
{
    // The page's tail past the map's length reads as zeros: find must not see it.
    ScratchFile file(QByteArray("xyz"));
    MemoryMap map(file.fd(), 0);
    const std::uint8_t zero[] = {0};
    QCOMPARE(map.find(zero), -1);
    QCOMPARE(map.rfind(zero), -1);
    QCOMPARE(map.find(bytesOf("z")), 2);
}

namespace {
// Python's find and rfind written out plainly, as the reference of findBounds: a bound
// below 0 gets the length added and is then raised to 0; end is lowered to the length;
// end < start finds nothing. start is not lowered to the length: as in CPython 3.15,
// an empty needle past the end is not found (3.13 would answer the length).
qint64 naiveFind(const QByteArray &haystack, const QByteArray &needle, Bound start, Bound end,
    qint64 position, bool reverse)
{
    const qint64 length = haystack.size();
    qint64 from = start ? *start : position;
    qint64 to = end ? *end : length;
    if (from < 0)
        from = from + length < 0 ? 0 : from + length;
    if (to < 0)
        to = to + length < 0 ? 0 : to + length;
    if (to > length)
        to = length;
    const qint64 n = needle.size();
    if (!reverse) {
        for (qint64 i = from; i + n <= to; ++i) {
            if (QByteArrayView(haystack).sliced(i, n) == needle)
                return i;
        }
    } else {
        for (qint64 i = to - n; i >= from; --i) {
            if (QByteArrayView(haystack).sliced(i, n) == needle)
                return i;
        }
    }
    return -1;
}

// The bounds findBounds tries for a map of this length: every value from -length-2 to
// length+2 for a short map; for a long one, those within 2 of -length, 0 and length
// (every branch of the range resolution sits at one of them). And None.
QList<Bound> findBoundsFor(qint64 length)
{
    QList<Bound> bounds {Bound()};
    for (qint64 v = -length - 2; v <= length + 2; ++v) {
        if (length <= 8 || std::abs(v + length) <= 2 || std::abs(v) <= 2
            || std::abs(v - length) <= 2)
            bounds << Bound(v);
    }
    return bounds;
}
} // namespace

void TestMemoryMap::findBounds_data()
{
    // A map cannot be empty (an anonymous map of length 0 is EINVAL, an empty file
    // cannot be mapped, resize(0) is refused): findRangeOfAnEmptyMap covers length 0.
    QTest::addColumn<qint64>("length");
    const qint64 page = pageSize();
    QTest::newRow("1") << 1LL;
    QTest::newRow("2") << 2LL;
    QTest::newRow("page - 1") << page - 1;
    QTest::newRow("page") << page;
    QTest::newRow("page + 1") << page + 1;
}

void TestMemoryMap::findBounds()
{
    // find and rfind against naiveFind for every start and end (findBoundsFor), every
    // position up to past the end (after a shrinking resize), and needles that sit at
    // the map's first and last bytes or just past its end (zeros there, in the page).
    QFETCH(qint64, length);
    QByteArray text(length, '\0');
    for (qint64 i = 0; i < length; ++i)
        text[i] = "abc"[i % 3];
    MemoryMap map(-1, length + 3);
    map.write(bytesOf(text.constData()));
    map.seek(length + 3);
    map.resize(length); // the position stays past the end
    const QList<QByteArray> needles {QByteArray(), text.left(1), text.right(1), text.right(2),
        QByteArray(1, '\0'), text.right(1) + QByteArray(1, '\0')};
    const QList<Bound> bounds = findBoundsFor(length);
    int checked = 0;
    for (qint64 position : {length + 3, length, length / 2, 0LL}) {
        if (position <= length)
            map.seek(position);
        for (const QByteArray &needle : needles) {
            const ByteView sub(
                reinterpret_cast<const std::uint8_t *>(needle.constData()), size_t(needle.size()));
            for (const Bound &start : bounds) {
                for (const Bound &end : bounds) {
                    for (bool reverse : {false, true}) {
                        const qint64 expected
                            = naiveFind(text, needle, start, end, position, reverse);
                        const qint64 actual
                            = reverse ? map.rfind(sub, start, end) : map.find(sub, start, end);
                        if (actual != expected) {
                            const auto show = [](const Bound &b) {
                                return b ? QString::number(*b) : QStringLiteral("None");
                            };
                            QFAIL(qPrintable(
                                QStringLiteral("%1(%2, %3, %4) at position %5: %6, expected %7")
                                    .arg(reverse ? "rfind" : "find",
                                        needle.isEmpty() ? QStringLiteral("-")
                                                         : QString::fromLatin1(needle.toHex()),
                                        show(start), show(end))
                                    .arg(position)
                                    .arg(actual)
                                    .arg(expected)));
                        }
                        ++checked;
                    }
                }
            }
        }
        QCOMPARE(map.tell(), position);
    }
    QVERIFY(checked > 1000);
}

void TestMemoryMap::findRangeOfAnEmptyMap()
{
    // No map can be empty, so the range resolution itself meets length 0: the range
    // gives find("") its answer (start, or -1 when end < start) and rfind("") (end).
    const QList<Bound> bounds = findBoundsFor(0);
    for (qint64 position : {0LL, 3LL}) {
        for (const Bound &start : bounds) {
            for (const Bound &end : bounds) {
                const FindRange range = resolveFindRange(start, end, position, 0);
                const bool empty = range.end < range.start;
                QCOMPARE(empty ? -1 : range.start, naiveFind({}, {}, start, end, position, false));
                QCOMPARE(empty ? -1 : range.end, naiveFind({}, {}, start, end, position, true));
            }
        }
    }
}

void TestMemoryMap::flush()
{
    ScratchFile file(QByteArray(3 * 4096, 'a'));
    MemoryMap map(file.fd(), 0);
    map.flush();
    map.flush(4096, 4096);
    QCOMPARE(errorOf([&] { map.flush(-1); }), "ValueError: flush values out of range");
    QCOMPARE(errorOf([&] { map.flush(0, -1); }), "ValueError: flush values out of range");
    QCOMPARE(errorOf([&] { map.flush(4096, 8193); }), "ValueError: flush values out of range");
    QCOMPARE(errorOf([&] { map.flush(10, 1); }), "OSError: [Errno 22] Invalid argument");

    MemoryMap readOnly(file.fd(), 0, {.access = Access::Read});
    readOnly.flush(10, 1); // no msync, so no alignment error
    QCOMPARE(
        errorOf([&] { readOnly.flush(0, 1LL << 20); }), "ValueError: flush values out of range");
    MemoryMap copy(file.fd(), 0, {.access = Access::Copy});
    copy.setAt(0, 'Z');
    copy.flush(10, 1);
    QCOMPARE(file.contents().at(0), 'a');
}

void TestMemoryMap::flushOffsetAloneFlushesToTheEnd()
{
    // CPython 3.13 raises "flush values out of range" here (its size defaults to the
    // whole length); 3.15 and hexmap flush from offset to the end.
    ScratchFile file(QByteArray(2 * 4096, 'a'));
    MemoryMap map(file.fd(), 0);
    QCOMPARE(errorOf([&] { map.flush(4096); }), "no error");
    QCOMPARE(errorOf([&] { map.flush(3 * 4096); }), "ValueError: flush values out of range");
}

void TestMemoryMap::madvise_data()
{
    QTest::addColumn<int>("option");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<Bound>("length");
    QTest::addColumn<QString>("error");
    const Bound none;
    QTest::newRow("whole map") << MADV_NORMAL << 0LL << none << "no error";
    QTest::newRow("length clamped") << MADV_WILLNEED << 4096LL << Bound(1LL << 40) << "no error";
    QTest::newRow("start negative")
        << MADV_NORMAL << -1LL << none << "ValueError: madvise start out of bounds";
    QTest::newRow("start at end") << MADV_NORMAL << 8192LL << none
                                  << "ValueError: madvise start out of bounds";
    QTest::newRow("length negative")
        << MADV_NORMAL << 0LL << Bound(-1) << "ValueError: madvise length invalid";
    QTest::newRow("length overflows")
        << MADV_NORMAL << 4096LL << Bound(std::numeric_limits<qint64>::max())
        << "OverflowError: madvise length too large";
    QTest::newRow("unaligned start")
        << MADV_NORMAL << 1LL << none << "OSError: [Errno 22] Invalid argument";
    QTest::newRow("unknown option")
        << 9999 << 0LL << none << "OSError: [Errno 22] Invalid argument";
}

void TestMemoryMap::madvise()
{
    QFETCH(int, option);
    QFETCH(qint64, start);
    QFETCH(Bound, length);
    QFETCH(QString, error);
    ScratchFile file(QByteArray(8192, 'a'), O_RDONLY);
    MemoryMap map(file.fd(), 0, {.access = Access::Read}); // allowed on read-only maps
    QCOMPARE(errorOf([&] { map.madvise(option, start, length); }), error);
}

void TestMemoryMap::move()
{
    MemoryMap map(-1, 10);
    map.write(bytesOf("0123456789"));
    map.seek(3);
    map.move(2, 0, 5); // overlapping, forward
    QCOMPARE(toQByteArray(map.slice({})), "0101234789");
    map.move(0, 2, 8); // overlapping, backward
    QCOMPARE(toQByteArray(map.slice({})), "0123478989");
    QCOMPARE(map.tell(), 3);
    map.move(10, 0, 0);
    const QString range = "ValueError: source, destination, or count out of range";
    QCOMPARE(errorOf([&] { map.move(-1, 0, 1); }), range);
    QCOMPARE(errorOf([&] { map.move(0, -1, 1); }), range);
    QCOMPARE(errorOf([&] { map.move(0, 0, -1); }), range);
    QCOMPARE(errorOf([&] { map.move(5, 0, 6); }), range);
    QCOMPARE(errorOf([&] { map.move(0, 9, 2); }), range);

    ScratchFile file(kHello);
    MemoryMap readOnly(file.fd(), 0, {.access = Access::Read});
    // read-only is checked before the range
    QCOMPARE(errorOf([&] { readOnly.move(-1, 0, 1); }),
        "TypeError: mmap can't modify a readonly memory map.");
    MemoryMap copy(file.fd(), 0, {.access = Access::Copy});
    copy.move(0, 6, 6);
    QCOMPARE(toQByteArray(copy.read(6)), "Python");
}

void TestMemoryMap::readAndReadByte()
{
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    QCOMPARE(toQByteArray(map.read(5)), "Hello");
    QCOMPARE(map.tell(), 5);
    QCOMPARE(map.readByte(), ' ');
    QCOMPARE(toQByteArray(map.read(-1)).size(), kHello.size() - 6);
    QCOMPARE(map.read().size(), 0u);
    QCOMPARE(errorOf([&] { (void)map.readByte(); }), "ValueError: read byte out of range");
    map.seek(kHello.size() - 2);
    QCOMPARE(toQByteArray(map.read(1000)), "rd");
    QCOMPARE(map.tell(), kHello.size());
}

void TestMemoryMap::readLine()
{
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    QCOMPARE(toQByteArray(map.readLine()), "Hello Python!\n");
    QCOMPARE(toQByteArray(map.readLine()), "second line\n");
    QCOMPARE(toQByteArray(map.readLine()), "third");
    QCOMPARE(map.readLine().size(), 0u);
    QCOMPARE(map.tell(), kHello.size());
}

void TestMemoryMap::resizeChecks()
{
    ScratchFile file(kHello);
    {
        MemoryMap map(file.fd(), 0);
        MappedBuffer pin = map.buffer();
        QCOMPARE(errorOf([&] { map.resize(-1); }),
            "BufferError: mmap can't resize with extant buffers exported.");
    }
    {
        MemoryMap map(file.fd(), 0, {.access = Access::Read, .trackfd = false});
        QCOMPARE(
            errorOf([&] { map.resize(-1); }), "ValueError: mmap can't resize with trackfd=False.");
    }
    for (Access access : {Access::Read, Access::Copy}) {
        MemoryMap map(file.fd(), 0, {.access = access});
        QCOMPARE(errorOf([&] { map.resize(-1); }),
            "TypeError: mmap can't resize a readonly or copy-on-write memory map.");
    }
    MemoryMap map(file.fd(), 0, {.access = Access::Write});
    QCOMPARE(errorOf([&] { map.resize(-1); }), "ValueError: new size out of range");
    ScratchFile twoPages(QByteArray(8192, 'a'));
    MemoryMap shifted(twoPages.fd(), 0, {.offset = 4096});
    QCOMPARE(errorOf([&] { shifted.resize(std::numeric_limits<qint64>::max()); }),
        "ValueError: new size out of range");
    QCOMPARE(twoPages.size(), 8192);
}

void TestMemoryMap::resizeFile()
{
    QByteArray content(2 * 4096, 'a');
    content[4096] = 'B';
    ScratchFile file(content);
    MemoryMap map(file.fd(), 0, {.offset = 4096});
    map.seek(4000);
    map.resize(10000);
    QCOMPARE(file.size(), 4096 + 10000);
    QCOMPARE(map.length(), 10000);
    QCOMPARE(map.at(0), 'B');
    QCOMPARE(map.at(9999), 0);
    map.setAt(9999, 'E');
    QCOMPARE(file.contents().at(4096 + 9999), 'E');

    map.resize(100);
    QCOMPARE(file.size(), 4096 + 100);
    QCOMPARE(map.tell(), 4000); // not clamped
    QCOMPARE(map.read().size(), 0u);
    QCOMPARE(errorOf([&] { map.seek(0, 1); }), "ValueError: seek out of range");
    QCOMPARE(file.contents().left(4097), content.left(4097));
}

void TestMemoryMap::resizeZeroLeavesTheFileAlone()
{
    // CPython truncates the file to offset+0 and then fails in mremap: the file is lost.
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    QCOMPARE(errorOf([&] { map.resize(0); }), "OSError: [Errno 22] Invalid argument");
    QCOMPARE(file.contents(), kHello);
    QCOMPARE(map.length(), kHello.size());
}

void TestMemoryMap::resizeZeroOfAnonymousMaps()
{
    // CPython's own words: there is no file to speak of.
    for (int flags : {MAP_SHARED, MAP_PRIVATE}) {
        MemoryMap map(-1, 13, {.flags = flags, .offset = pageSize()});
        map.write(bytesOf("Hello world!\n"));
        QCOMPARE(errorOf([&] { map.resize(0); }), "OSError: [Errno 22] Invalid argument");
        QCOMPARE(map.length(), 13);
        QCOMPARE(toQByteArray(map.slice({})), "Hello world!\n");
    }
}

void TestMemoryMap::failedResizeLeavesFileAndMapAlone()
{
    // Past any file size limit: ftruncate fails before anything changed.
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    map.seek(3);
    QCOMPARE(
        errorOf([&] { map.resize(std::int64_t(1) << 62); }), "OSError: [Errno 27] File too large");
    QCOMPARE(file.contents(), kHello);
    QCOMPARE(map.length(), kHello.size());
    QCOMPARE(map.tell(), 3);
    QCOMPARE(toQByteArray(map.read(5)), "lo Py");
    map.resize(5); // and it still resizes
    QCOMPARE(file.contents(), "Hello");
}

void TestMemoryMap::failedRemapPutsTheFileSizeBack()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer reserves terabytes of address space: an address-space limit cannot be "
          "set under it");
#else
    // The file grows (sparse, allowed), then mremap runs out of address space.
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    QFile status("/proc/self/status");
    QVERIFY(status.open(QIODevice::ReadOnly));
    qint64 vmKiB = 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmSize:"))
            vmKiB = line.mid(7).trimmed().split(' ').first().toLongLong();
    }
    struct rlimit saved = {};
    QCOMPARE(getrlimit(RLIMIT_AS, &saved), 0);
    struct rlimit tight = saved;
    tight.rlim_cur = rlim_t(vmKiB + 64 * 1024) * 1024;
    QCOMPARE(setrlimit(RLIMIT_AS, &tight), 0);
    const QString error = errorOf([&] { map.resize(std::int64_t(4) << 30); });
    setrlimit(RLIMIT_AS, &saved);
    QCOMPARE(error, "OSError: [Errno 12] Cannot allocate memory");
    QCOMPARE(file.size(), kHello.size()); // put back
    QCOMPARE(toQByteArray(map.slice({})), kHello);
#endif
}

void TestMemoryMap::resizeAnonymous()
{
    MemoryMap shared(-1, 13);
    shared.write(bytesOf("Hello world!\n"));
    shared.resize(3 * 4096); // CPython grows the mapping, and the new pages crash
    QCOMPARE(shared.length(), 3 * 4096);
    QCOMPARE(shared.at(3 * 4096 - 1), 0);
    shared.setAt(3 * 4096 - 1, 7);
    shared.seek(0);
    QCOMPARE(toQByteArray(shared.read(5)), "Hello");
    QCOMPARE(shared.size(), 3 * 4096);
    shared.resize(5);
    QCOMPARE(toQByteArray(shared.slice({})), "Hello");

    MemoryMap priv(-1, 13, {.flags = MAP_PRIVATE});
    priv.writeByte(9);
    priv.resize(8192);
    QCOMPARE(priv.at(0), 9);
    QCOMPARE(priv.at(8191), 0);
}

void TestMemoryMap::seek_data()
{
    QTest::addColumn<qint64>("pos");
    QTest::addColumn<int>("whence");
    QTest::addColumn<qint64>("expected"); // -1: the error below
    QTest::addColumn<QString>("error");
    QTest::newRow("absolute") << 3LL << 0 << 3LL << "no error";
    QTest::newRow("to the end") << 10LL << 0 << 10LL << "no error";
    QTest::newRow("past the end") << 11LL << 0 << -1LL << "ValueError: seek out of range";
    QTest::newRow("negative") << -1LL << 0 << -1LL << "ValueError: seek out of range";
    QTest::newRow("relative") << 2LL << 1 << 6LL << "no error";
    QTest::newRow("relative back") << -4LL << 1 << 0LL << "no error";
    QTest::newRow("relative before start") << -5LL << 1 << -1LL << "ValueError: seek out of range";
    QTest::newRow("relative overflow")
        << std::numeric_limits<qint64>::max() << 1 << -1LL << "ValueError: seek out of range";
    QTest::newRow("from the end") << -1LL << 2 << 9LL << "no error";
    QTest::newRow("end overflow") << std::numeric_limits<qint64>::max() << 2 << -1LL
                                  << "ValueError: seek out of range";
    QTest::newRow("unknown whence") << 0LL << 3 << -1LL << "ValueError: unknown seek type";
}

void TestMemoryMap::seek()
{
    QFETCH(qint64, pos);
    QFETCH(int, whence);
    QFETCH(qint64, expected);
    QFETCH(QString, error);
    MemoryMap map(-1, 10);
    map.seek(4);
    std::int64_t result = -1;
    QCOMPARE(errorOf([&] { result = map.seek(pos, whence); }), error);
    QCOMPARE(result, expected);
    QCOMPARE(map.tell(), expected < 0 ? 4 : expected);
}

void TestMemoryMap::sizeIsTheFileSize()
{
    ScratchFile file(QByteArray(3 * 4096, 'a'));
    MemoryMap map(file.fd(), 100, {.offset = 4096});
    QCOMPARE(map.size(), 3 * 4096);
    QCOMPARE(map.length(), 100);
    // CPython 3.13 raises EBADF for an anonymous map; 3.15 and hexmap give its length.
    MemoryMap anonymous(-1, 77, {.flags = MAP_PRIVATE});
    QCOMPARE(anonymous.size(), 77);
}

void TestMemoryMap::write()
{
    ScratchFile file(QByteArray(10, '.'));
    MemoryMap map(file.fd(), 0);
    QCOMPARE(map.write(bytesOf("abc")), 3);
    QCOMPARE(map.tell(), 3);
    map.seek(8);
    QCOMPARE(errorOf([&] { map.write(bytesOf("xyz")); }), "ValueError: data out of range");
    QCOMPARE(map.tell(), 8);
    QCOMPARE(file.contents(), "abc.......");
    QCOMPARE(map.write(bytesOf("xy")), 2);
    QCOMPARE(map.write(bytesOf("")), 0);
    QCOMPARE(file.contents(), "abc.....xy");

    MemoryMap readOnly(file.fd(), 0, {.access = Access::Read});
    readOnly.seek(10);
    QCOMPARE(errorOf([&] { readOnly.write(bytesOf("x")); }),
        "TypeError: mmap can't modify a readonly memory map.");
}

void TestMemoryMap::writeByte()
{
    MemoryMap map(-1, 2);
    map.writeByte(0xff);
    map.writeByte(0);
    QCOMPARE(map.at(0), 0xff);
    QCOMPARE(errorOf([&] { map.writeByte(1); }), "ValueError: write byte out of range");
}

void TestMemoryMap::indexing()
{
    ScratchFile file(QByteArray("0123456789"));
    MemoryMap map(file.fd(), 0);
    QCOMPARE(map.at(0), '0');
    QCOMPARE(map.at(-1), '9');
    QCOMPARE(map.at(-10), '0');
    QCOMPARE(errorOf([&] { (void)map.at(10); }), "IndexError: mmap index out of range");
    QCOMPARE(errorOf([&] { (void)map.at(-11); }), "IndexError: mmap index out of range");
    map.setAt(-2, 'E');
    QCOMPARE(file.contents(), "01234567E9");
    QCOMPARE(errorOf([&] { map.setAt(10, 0); }), "IndexError: mmap index out of range");
    MemoryMap readOnly(file.fd(), 0, {.access = Access::Read});
    QCOMPARE(errorOf([&] { readOnly.setAt(99, 0); }),
        "TypeError: mmap can't modify a readonly memory map.");
}

void TestMemoryMap::slicing_data()
{
    QTest::addColumn<Bound>("start");
    QTest::addColumn<Bound>("stop");
    QTest::addColumn<Bound>("step");
    QTest::addColumn<QByteArray>("expected");
    const Bound none;
    QTest::newRow("[:]") << none << none << none << QByteArray("0123456789");
    QTest::newRow("[2:5]") << Bound(2) << Bound(5) << none << QByteArray("234");
    QTest::newRow("[-3:]") << Bound(-3) << none << none << QByteArray("789");
    QTest::newRow("[:-8]") << none << Bound(-8) << none << QByteArray("01");
    QTest::newRow("[5:2]") << Bound(5) << Bound(2) << none << QByteArray();
    QTest::newRow("[::2]") << none << none << Bound(2) << QByteArray("02468");
    QTest::newRow("[::-1]") << none << none << Bound(-1) << QByteArray("9876543210");
    QTest::newRow("[8:2:-3]") << Bound(8) << Bound(2) << Bound(-3) << QByteArray("85");
    QTest::newRow("[-100:100]") << Bound(-100) << Bound(100) << none << QByteArray("0123456789");
    QTest::newRow("[100::-4]") << Bound(100) << none << Bound(-4) << QByteArray("951");
    QTest::newRow("[::min]") << none << none << Bound(std::numeric_limits<qint64>::min())
                             << QByteArray("9");
}

void TestMemoryMap::slicing()
{
    QFETCH(Bound, start);
    QFETCH(Bound, stop);
    QFETCH(Bound, step);
    QFETCH(QByteArray, expected);
    MemoryMap map(-1, 10);
    map.write(bytesOf("0123456789"));
    QCOMPARE(toQByteArray(map.slice({start, stop, step})), expected);
}

void TestMemoryMap::sliceAssignment()
{
    MemoryMap map(-1, 10);
    map.write(bytesOf("0123456789"));
    map.setSlice({1, 3, {}}, bytesOf("ab"));
    map.setSlice({{}, {}, -3}, bytesOf("WXYZ"));
    QCOMPARE(toQByteArray(map.slice({})), "ZabY45X78W");
    QCOMPARE(errorOf([&] {
        map.setSlice({0, 2, {}}, bytesOf("abc"));
    }),
        "IndexError: mmap slice assignment is wrong size");
    QCOMPARE(errorOf([&] {
        map.setSlice({0, 2, 0}, bytesOf("ab"));
    }),
        "ValueError: slice step cannot be zero");
    map.setSlice({5, 5, {}}, bytesOf(""));
    ScratchFile file(kHello);
    MemoryMap readOnly(file.fd(), 0, {.access = Access::Read});
    QCOMPARE(errorOf([&] {
        readOnly.setSlice({0, 1, 0}, bytesOf("abc"));
    }),
        "TypeError: mmap can't modify a readonly memory map.");
}

void TestMemoryMap::bufferExport()
{
    ScratchFile file(kHello);
    MemoryMap map(file.fd(), 0);
    {
        MappedBuffer buffer = map.buffer();
        QVERIFY(!buffer.readOnly());
        QCOMPARE(buffer.bytes().size(), size_t(kHello.size()));
        buffer.bytes()[0] = 'J';
        QCOMPARE(
            errorOf([&] { map.close(); }), "BufferError: cannot close exported pointers exist");
        MappedBuffer moved = std::move(buffer);
        QCOMPARE(errorOf([&] { map.resize(5); }),
            "BufferError: mmap can't resize with extant buffers exported.");
        moved.release();
        map.resize(5);
    }
    QCOMPARE(file.contents(), "Jello");
    map.close();
    MemoryMap readOnly(file.fd(), 0, {.access = Access::Read});
    QVERIFY(readOnly.buffer().readOnly());
    MemoryMap copy(file.fd(), 0, {.access = Access::Copy});
    QVERIFY(!copy.buffer().readOnly());
}

void TestMemoryMap::bufferOutlivesTheMap()
{
    ScratchFile file(kHello);
    std::optional<MappedBuffer> buffer;
    {
        MemoryMap map(file.fd(), 0);
        buffer.emplace(map.buffer());
    }
    QCOMPARE(char(buffer->bytes()[1]), 'e');
}

void TestMemoryMap::destructorClosesWithoutLeaks()
{
    ScratchFile file(kHello);
    const int before = openDescriptorCount();
    {
        MemoryMap map(file.fd(), 0);
        MemoryMap anonymous(-1, 100);
        QCOMPARE(openDescriptorCount(), before + 2); // the duplicate and the memfd
    }
    QCOMPARE(openDescriptorCount(), before);
}

void TestMemoryMap::repr()
{
    ScratchFile file(QByteArray(3 * 4096, 'a'));
    MemoryMap map(file.fd(), 0, {.access = Access::Write, .offset = 4096});
    map.seek(7);
    QCOMPARE(QString::fromStdString(map.repr()),
        "<mmap.mmap closed=False, access=ACCESS_WRITE, length=8192, pos=7, offset=4096>");
    map.close();
    QCOMPARE(QString::fromStdString(map.repr()), "<mmap.mmap closed=True>");
}

void TestMemoryMap::writesAreVisibleAtOnceCopiesNever()
{
    ScratchFile file(QByteArray("aaaa"));
    MemoryMap shared(file.fd(), 0, {.access = Access::Write});
    MemoryMap copy(file.fd(), 0, {.access = Access::Copy});
    shared.setAt(0, 'S'); // visible to pread before any flush
    QCOMPARE(file.contents(), "Saaa");
    copy.setAt(1, 'C');
    copy.flush();
    QCOMPARE(file.contents(), "Saaa");
    QCOMPARE(toQByteArray(copy.slice({})), "SCaa");
}

void TestMemoryMap::constantTables()
{
    QCOMPARE(pageSize(), sysconf(_SC_PAGESIZE));
    QCOMPARE(allocationGranularity(), pageSize());
    QCOMPARE(int(Access::Default), 0);
    QCOMPARE(int(Access::Copy), 3);
    QStringList python;
    for (const auto &table : {protConstants(), mapConstants(), madviseConstants()}) {
        for (const SystemConstant &constant : table) {
            QVERIFY(QByteArray(constant.meaning).size() > 5);
            if (!constant.linuxExtra)
                python << constant.name;
        }
    }
    const QStringList expected = {"PROT_READ", "PROT_WRITE", "PROT_EXEC", "MAP_SHARED",
        "MAP_PRIVATE", "MAP_ANON", "MAP_ANONYMOUS", "MAP_DENYWRITE", "MAP_EXECUTABLE",
        "MAP_POPULATE", "MAP_STACK", "MAP_NORESERVE", "MAP_32BIT", "MADV_NORMAL", "MADV_RANDOM",
        "MADV_SEQUENTIAL", "MADV_WILLNEED", "MADV_DONTNEED", "MADV_FREE", "MADV_REMOVE",
        "MADV_DONTFORK", "MADV_DOFORK", "MADV_MERGEABLE", "MADV_UNMERGEABLE", "MADV_HUGEPAGE",
        "MADV_NOHUGEPAGE", "MADV_DONTDUMP", "MADV_DODUMP", "MADV_HWPOISON"};
    QCOMPARE(python, expected);
    const auto madvise = madviseConstants();
    QVERIFY(std::any_of(madvise.begin(), madvise.end(),
        [](const SystemConstant &c) { return c.value == MADV_WILLNEED; }));
}

void TestMemoryMap::threadsReadWhileOthersResize()
{
    // Readers hammer the map while another thread resizes and finally closes it; no
    // reader may touch unmapped memory: each call either works or raises ValueError
    // "closed" (after the close).
    ScratchFile file(QByteArray(64 * 1024, 'r'));
    MemoryMap map(file.fd(), 0);
    std::atomic<bool> stop = false;
    std::atomic<int> unexpected = 0;
    std::atomic<long> calls = 0;
    const auto reader = [&] {
        while (!stop) {
            const QString error = errorOf([&] {
                (void)map.find(bytesOf("q"));
                (void)map.slice({-4096, {}, {}});
                (void)map.at(-1);
            });
            if (error != "no error" && error != "ValueError: mmap closed or invalid")
                ++unexpected;
            ++calls;
        }
    };
    std::thread a(reader), b(reader);
    while (calls < 10)
        std::this_thread::yield();
    // Resize at least 300 times, and until the readers made 100 calls meanwhile.
    const long callsBefore = calls;
    for (int i = 0; i < 300 || (calls - callsBefore < 100 && i < 1000000); ++i) {
        map.resize(i % 2 ? 64 * 1024 : 4096 * (1 + i % 7));
        std::this_thread::yield();
    }
    const long callsDuringResizes = calls - callsBefore;
    map.close();
    stop = true;
    a.join();
    b.join();
    QCOMPARE(unexpected.load(), 0);
    QVERIFY(callsDuringResizes >= 100);
}

void TestMemoryMap::findPatternExtension()
{
    MemoryMap map(-1, 13);
    map.write(bytesOf("xxHeLLoxhellx"));
    const Bytes bytes {'h', 'e', 'l', 'l', 0};
    const Bytes eitherCaseThenAny {0xdf, 0xdf, 0xdf, 0xdf, 0x00};
    QCOMPARE(map.findPattern({bytes, eitherCaseThenAny}, 0, 12), 2);
    QCOMPARE(map.findPattern({bytes, eitherCaseThenAny}, 0, 13, true), 8);
    QCOMPARE(map.findPattern({bytes, eitherCaseThenAny}, 3, 100), 8); // bounds clamp
    QCOMPARE(map.findPattern({bytes, eitherCaseThenAny}, -5, 11), 2);
    QCOMPARE(map.findPattern({bytes, eitherCaseThenAny}, 8, 12), -1);
    QCOMPARE(map.tell(), 13); // the position is not used
}

void TestMemoryMap::residencyExtension()
{
    MemoryMap map(-1, 3 * pageSize(), {.flags = MAP_PRIVATE});
    map.setAt(pageSize() + 5, 1); // touches the second page only
    const Bytes pages = map.residency(0, 3 * pageSize());
    QCOMPARE(pages.size(), 3u);
    QCOMPARE(pages[1] & 1, 1);
    QCOMPARE(map.residency(pageSize() + 1, 1).size(), 1u);
    QCOMPARE(map.residency(0, 0).size(), 0u);
    QCOMPARE(errorOf([&] { (void)map.residency(1, 3 * pageSize()); }),
        "ValueError: residency range out of range");
    map.madvise(MADV_DONTNEED, pageSize(), pageSize());
    QCOMPARE(map.residency(pageSize(), 1)[0] & 1, 0); // an anonymous page is freed
}

// A write or move over more than a few pages asks the kernel to map them all writable at
// once, after dropping the page-table entries of a shared map: on every kind of map, no
// byte written before (dirty, not yet flushed) may be lost by it.
void TestMemoryMap::largeWritesAndMovesKeepEveryByte_data()
{
    QTest::addColumn<bool>("anonymous");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("access");
    QTest::newRow("shared file") << false << MAP_SHARED << int(Access::Write);
    QTest::newRow("copy-on-write file") << false << MAP_SHARED << int(Access::Copy);
    QTest::newRow("private file") << false << MAP_PRIVATE << int(Access::Default);
    QTest::newRow("shared anonymous") << true << MAP_SHARED << int(Access::Default);
    QTest::newRow("private anonymous") << true << MAP_PRIVATE << int(Access::Default);
}

void TestMemoryMap::largeWritesAndMovesKeepEveryByte()
{
    QFETCH(bool, anonymous);
    QFETCH(int, flags);
    QFETCH(int, access);
    const qint64 size = 1 << 20;
    std::mt19937_64 random(7);
    QByteArray expected(size, '\0');
    for (char &byte : expected)
        byte = char(random());
    ScratchFile file(anonymous ? QByteArray() : expected);
    MemoryMap map(anonymous ? -1 : file.fd(), size, {.flags = flags, .access = Access(access)});
    const auto bytesOf = [](const QByteArray &bytes) {
        return ByteView(reinterpret_cast<const std::uint8_t *>(bytes.constData()), bytes.size());
    };
    // Dirty every page first, a byte of each, so that a lossy drop would show.
    for (qint64 at = 0; at < size; at += 4096) {
        expected[at] = char(at / 4096);
        map.setAt(at, std::uint8_t(at / 4096));
    }
    if (anonymous)
        map.setSlice({0, size, {}}, bytesOf(expected));
    for (int round = 0; round < 20; ++round) {
        const qint64 count = 64 * 1024 + qint64(random() % (256 * 1024));
        const qint64 from = qint64(random() % quint64(size - count));
        const qint64 to = qint64(random() % quint64(size - count));
        if (round % 2) {
            map.move(to, from, count);
            expected.replace(to, count, expected.mid(from, count));
        } else {
            QByteArray data(count, '\0');
            for (char &byte : data)
                byte = char(random());
            map.setSlice({to, to + count, {}}, bytesOf(data));
            expected.replace(to, count, data);
        }
        const Bytes now = map.slice({0, size, {}});
        QVERIFY2(QByteArray(reinterpret_cast<const char *>(now.data()), qsizetype(now.size()))
                == expected,
            qPrintable(QStringLiteral("round %1").arg(round)));
    }
}

QTEST_GUILESS_MAIN(TestMemoryMap)
#include "tst_memorymap.moc"
