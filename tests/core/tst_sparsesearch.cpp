// Searches through the holes of sparse files give a plain scan's answers: the search
// engine over generated layouts (any bytes, any zero stretches it is told of), and
// MemoryMap / ChunkedSearch over real sparse files on the temporary folder's file system
// (ext4 here) and on tmpfs, in every access mode, after writes into holes through the
// map and from outside, with private pages dropped and holes punched underneath.
// Directed tests check what the skipping relies on (the file system reports a page
// written through a shared map as data at once), that hole pages are never touched,
// that a search leaves the RSS and the descriptor's offset as it found them, and that a
// truncated file still raises.
//
// A failing generated case names its seed; HEXMAP_SPARSE_SEED=N replays that one alone.
#include "chunkedsearch.h"
#include "errors.h"
#include "mapholes.h"
#include "memorymap.h"
#include "scratchfile.h"
#include "seeds.h"
#include "sparsesearch.h"

#include <QtTest>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <random>

using namespace hexmap;

namespace {

using Random = std::mt19937_64;

std::int64_t pick(Random &random, std::int64_t low, std::int64_t high)
{
    return std::uniform_int_distribution<std::int64_t>(low, high)(random);
}

// A pattern with its own storage.
struct OwnedPattern
{
    Bytes bytes;
    Bytes mask; // empty: literal

    [[nodiscard]] search::Pattern view() const { return {bytes, mask}; }
    [[nodiscard]] bool matchesAt(const std::uint8_t *at) const
    {
        for (std::size_t k = 0; k < bytes.size(); ++k) {
            const std::uint8_t m = mask.empty() ? 0xff : mask[k];
            if ((at[k] & m) != (bytes[k] & m))
                return false;
        }
        return true;
    }
    [[nodiscard]] QString describe() const
    {
        QStringList parts;
        for (std::size_t k = 0; k < bytes.size(); ++k)
            parts << (!mask.empty() && mask[k] == 0
                    ? QStringLiteral("??")
                    : QStringLiteral("%1%2")
                          .arg(bytes[k], 2, 16, QLatin1Char('0'))
                          .arg(!mask.empty() && mask[k] != 0xff ? "/i" : ""));
        return parts.join(' ');
    }
};

// The plain answer: every candidate in [low, high] tried in turn.
std::int64_t plainSearch(const std::uint8_t *bytes, std::int64_t length,
    const OwnedPattern &pattern, std::int64_t low, std::int64_t high, bool backward)
{
    const auto m = std::int64_t(pattern.bytes.size());
    low = std::max<std::int64_t>(low, 0);
    high = std::min(high, length - m);
    if (backward) {
        for (std::int64_t at = high; at >= low; --at)
            if (pattern.matchesAt(bytes + at))
                return at;
    } else {
        for (std::int64_t at = low; at <= high; ++at)
            if (pattern.matchesAt(bytes + at))
                return at;
    }
    return -1;
}

// A pattern for bytes that hold zero stretches: one cut from the bytes (often across
// the edge of a zero stretch), all zeros, zeros around one other byte, or made up; a
// third of them masked (wildcards, either case).
OwnedPattern generatedPattern(Random &random, const Bytes &bytes, std::int64_t maxLength)
{
    OwnedPattern pattern;
    const std::int64_t m
        = pick(random, 0, 5) == 0 ? pick(random, 9, maxLength) : pick(random, 1, 8);
    switch (pick(random, 0, 4)) {
    case 0:
    case 1: {
        const std::int64_t at
            = pick(random, 0, std::max<std::int64_t>(std::int64_t(bytes.size()) - m, 0));
        pattern.bytes.assign(
            bytes.begin() + at, bytes.begin() + std::min<std::int64_t>(at + m, bytes.size()));
        break;
    }
    case 2:
        pattern.bytes.assign(std::size_t(m), 0);
        break;
    case 3:
        pattern.bytes.assign(std::size_t(m), 0);
        pattern.bytes[std::size_t(pick(random, 0, 1) ? 0 : m - 1)] = "ab"[pick(random, 0, 1)];
        break;
    default:
        for (std::int64_t k = 0; k < m; ++k)
            pattern.bytes.push_back("\0ab"[pick(random, 0, 2)]);
    }
    if (pattern.bytes.empty())
        pattern.bytes.push_back('a');
    if (pick(random, 0, 2) == 0) {
        for (std::size_t k = 0; k < pattern.bytes.size(); ++k)
            pattern.mask.push_back(std::array<std::uint8_t, 4> {
                0xff, 0xff, 0x00, 0xdf}[std::size_t(pick(random, 0, 3))]);
    }
    return pattern;
}

// Bytes in memory with zero stretches the engine is told of, some of them, in pieces or
// clipped; every read it makes is checked against the stretches it was told of.
class FakeSource final : public search::SparseSource
{
public:
    FakeSource(
        const Bytes &bytes, std::vector<search::ByteRange> zeros, std::int64_t m, quint64 seed)
        : m_bytes(bytes)
        , m_zeros(std::move(zeros))
        , m_m(m)
        , m_random(seed)
    {
    }

    std::int64_t zeroRuns(
        std::int64_t begin, std::int64_t end, std::vector<search::ByteRange> &runs) const override
    {
        // It may stop looking anywhere.
        const std::int64_t looked = pick(m_random, 0, 2) == 0 ? pick(m_random, begin, end) : end;
        m_told.clear();
        for (const search::ByteRange &zero : m_zeros) {
            std::int64_t from = std::max(zero.begin, begin);
            std::int64_t to = std::min(zero.end, looked);
            if (from >= to || pick(m_random, 0, 4) == 0) // not told of this one
                continue;
            if (pick(m_random, 0, 3) == 0) // told of a part
                from = pick(m_random, from, to);
            while (pick(m_random, 0, 1) == 0 && to - from > 1) { // in pieces, overlapping or not
                const std::int64_t split = pick(m_random, from + 1, to - 1);
                runs.push_back({from, std::min(to, split + pick(m_random, 0, 2))});
                from = split;
            }
            if (from < to)
                runs.push_back({from, to});
        }
        // What the engine must not read: the stretches told of, joined, at least m long.
        std::vector<search::ByteRange> told = runs;
        std::sort(told.begin(), told.end(),
            [](const auto &a, const auto &b) { return a.begin < b.begin; });
        for (const search::ByteRange &run : told) {
            if (!m_told.empty() && run.begin <= m_told.back().end)
                m_told.back().end = std::max(m_told.back().end, run.end);
            else
                m_told.push_back(run);
        }
        std::erase_if(m_told, [&](const search::ByteRange &run) {
            return run.end - run.begin < std::max<std::int64_t>(m_m, 1);
        });
        std::shuffle(runs.begin(), runs.end(), m_random);
        return looked;
    }
    std::int64_t scan(const search::Pattern &pattern, std::int64_t begin, std::int64_t end,
        bool backward) const override
    {
        checkRead(begin, end);
        const std::int64_t found
            = pattern.findIn({m_bytes.data() + begin, std::size_t(end - begin)}, backward);
        return found < 0 ? -1 : begin + found;
    }
    void copy(std::int64_t begin, std::int64_t end, std::uint8_t *out) const override
    {
        checkRead(begin, end);
        std::copy(m_bytes.begin() + begin, m_bytes.begin() + end, out);
    }

    mutable QString violation;

private:
    void checkRead(std::int64_t begin, std::int64_t end) const
    {
        if (begin < 0 || end > std::int64_t(m_bytes.size()) || begin > end)
            violation = QStringLiteral("read [%1, %2) outside the bytes").arg(begin).arg(end);
        for (const search::ByteRange &run : m_told)
            if (begin < run.end && run.begin < end)
                violation = QStringLiteral("read [%1, %2) inside the zero stretch [%3, %4)")
                                .arg(begin)
                                .arg(end)
                                .arg(run.begin)
                                .arg(run.end);
    }

    const Bytes &m_bytes;
    std::vector<search::ByteRange> m_zeros;
    std::int64_t m_m;
    mutable Random m_random;
    mutable std::vector<search::ByteRange> m_told;
};

// --- real files -----------------------------------------------------------------

const std::int64_t kPage = 4096;

QString fileSystemName(const QString &folder)
{
    struct statfs system = {};
    if (statfs(folder.toLocal8Bit().constData(), &system) != 0)
        return QStringLiteral("unknown");
    if (system.f_type == EXT4_SUPER_MAGIC)
        return QStringLiteral("ext4");
    if (system.f_type == TMPFS_MAGIC)
        return QStringLiteral("tmpfs");
    return QStringLiteral("f_type %1").arg(qulonglong(system.f_type), 0, 16);
}

// The folders whose file systems the tests run on: the temporary folder and tmpfs.
QList<QString> testFolders()
{
    QList<QString> folders {QDir::tempPath()};
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        folders << QStringLiteral("/dev/shm");
    return folders;
}

int makeFile(const QString &path, std::int64_t size)
{
    const int fd
        = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || ftruncate(fd, size) != 0)
        qFatal("cannot make %s", qPrintable(path));
    return fd;
}

void writeAt(int fd, std::int64_t at, const Bytes &bytes)
{
    if (pwrite(fd, bytes.data(), bytes.size(), at) != ssize_t(bytes.size()))
        qFatal("pwrite failed");
}

// Bytes that are mostly zero, 'a' or 'b' (so that patterns cut from them recur), a
// quarter of them anything; a byte of a random word each (megabytes are made fast).
Bytes randomBytes(Random &random, std::int64_t count)
{
    Bytes bytes(static_cast<std::size_t>(count));
    std::uint64_t word = 0;
    for (std::size_t k = 0; k < bytes.size(); ++k) {
        if (k % 8 == 0)
            word = random();
        const auto r = std::uint8_t(word >> (k % 8 * 8));
        bytes[k]
            = (r & 3) == 0 ? std::uint8_t(r * 77 + (r >> 2)) : std::uint8_t("\0ab"[(r >> 2) % 3]);
    }
    return bytes;
}

// How a generated case maps its file.
enum class Mode { Write, Read, Copy, PrivateFlags, NoTrackfd, AnonymousShared, AnonymousPrivate };

const char *modeName(Mode mode)
{
    static const char *const names[] = {"ACCESS_WRITE", "ACCESS_READ", "ACCESS_COPY",
        "MAP_PRIVATE flags", "trackfd=False", "anonymous MAP_SHARED", "anonymous MAP_PRIVATE"};
    return names[int(mode)];
}

// One search made during a case, to check against the plain answer afterwards.
struct Query
{
    int pattern;
    std::int64_t low; // candidates [low, high]
    std::int64_t high;
    bool backward;
    std::int64_t answer;
    QString how;
};

} // namespace

class TestSparseSearch : public QObject
{
    Q_OBJECT

private slots:
    void engineAnswersAsAPlainScan();
    void fileSystemsReportMapWritesAsData_data();
    void fileSystemsReportMapWritesAsData();
    void mapsAnswerAsAPlainScan_data();
    void mapsAnswerAsAPlainScan();
    void holePagesAreNotTouched_data();
    void holePagesAreNotTouched();
    void aSearchLeavesTheRssAsItFoundIt_data();
    void aSearchLeavesTheRssAsItFoundIt();
    void privatePagesSurviveASearch();
    void theDescriptorsOffsetIsLeftAlone();
    void aTruncatedFileStillRaises();
    void stepsCrossHugeHolesAtOnce();
};

void TestSparseSearch::engineAnswersAsAPlainScan()
{
    int cases = 0;
    for (const quint64 seed : generatedSeeds("HEXMAP_SPARSE_SEED", 1, 30000)) {
        Random random(seed);
        // Data and zero stretches in turn; the engine is told of some of the zeros.
        Bytes bytes;
        std::vector<search::ByteRange> zeros;
        const std::int64_t length = pick(random, 1, pick(random, 0, 3) == 0 ? 4000 : 300);
        while (std::int64_t(bytes.size()) < length) {
            const std::int64_t size
                = std::min<std::int64_t>(pick(random, 1, 120), length - std::int64_t(bytes.size()));
            if (pick(random, 0, 1)) {
                zeros.push_back({std::int64_t(bytes.size()), std::int64_t(bytes.size()) + size});
                bytes.insert(bytes.end(), std::size_t(size), 0);
            } else {
                const Bytes data = randomBytes(random, size);
                bytes.insert(bytes.end(), data.begin(), data.end());
            }
        }
        const OwnedPattern pattern = generatedPattern(random, bytes, 40);
        const auto m = std::int64_t(pattern.bytes.size());
        const std::int64_t low = pick(random, -2, length);
        const std::int64_t high = pick(random, low - 2, length);
        const bool backward = pick(random, 0, 1);
        const std::int64_t budget
            = pick(random, 0, 2) ? pick(random, 1, 64) : std::numeric_limits<std::int64_t>::max();
        const std::int64_t expected
            = plainSearch(bytes.data(), length, pattern, low, high, backward);

        FakeSource source(bytes, zeros, m, seed);
        std::int64_t first = std::max<std::int64_t>(low, 0);
        std::int64_t last = std::min(high, length - m);
        std::int64_t found = -1;
        int steps = 0;
        while (first <= last) {
            const search::SparseStep step
                = search::sparseSearch(source, pattern.view(), first, last, backward, budget);
            QVERIFY2(source.violation.isEmpty(),
                qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(source.violation)));
            if (step.found >= 0) {
                found = step.found;
                break;
            }
            // Each step makes progress, and within the budget's reach.
            if (backward) {
                QVERIFY2(
                    step.next < last, qPrintable(QStringLiteral("seed %1: no progress").arg(seed)));
                last = step.next;
            } else {
                QVERIFY2(step.next > first,
                    qPrintable(QStringLiteral("seed %1: no progress").arg(seed)));
                first = step.next;
            }
            QVERIFY(++steps <= length + 2);
        }
        if (found != expected)
            QFAIL(qPrintable(
                QStringLiteral("seed %1: %2 bytes, pattern %3, candidates [%4, %5] %6, budget %7: "
                               "found %8, a plain scan %9")
                    .arg(seed)
                    .arg(length)
                    .arg(pattern.describe())
                    .arg(low)
                    .arg(high)
                    .arg(backward ? "backward" : "forward")
                    .arg(budget)
                    .arg(found)
                    .arg(expected)));
        ++cases;
    }
    qInfo("%d generated cases", cases);
}

void TestSparseSearch::fileSystemsReportMapWritesAsData_data()
{
    QTest::addColumn<QString>("folder");
    for (const QString &folder : testFolders())
        QTest::newRow(qPrintable(fileSystemName(folder))) << folder;
}

// What the skipping trusts, checked on this machine: a page written through a shared
// map into a hole is data to SEEK_DATA at once, before any msync; a private map's
// write stays out of the file, and its page shows in pagemap as the map's own.
void TestSparseSearch::fileSystemsReportMapWritesAsData()
{
    QFETCH(QString, folder);
    const QString name = fileSystemName(folder);
    if (name != "ext4" && name != "tmpfs")
        QSKIP(qPrintable("hexmap does not skip holes on " + name));
    QTemporaryDir dir(folder + "/hexmap-XXXXXX");
    const std::int64_t size = 64 << 20;
    const int fd = makeFile(dir.filePath("f"), size);
    auto *shared = static_cast<std::uint8_t *>(
        mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
    auto *own = static_cast<std::uint8_t *>(
        mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0));
    QVERIFY(shared != MAP_FAILED && own != MAP_FAILED);
    QCOMPARE(lseek(fd, 0, SEEK_DATA), off_t(-1)); // all hole
    for (const std::int64_t at : {std::int64_t(40) << 20, (std::int64_t(20) << 20) + 100}) {
        shared[at] = at % 2 ? 0 : 7; // a zero byte written is data too
        QCOMPARE(lseek(fd, at / kPage * kPage, SEEK_DATA), off_t(at / kPage * kPage));
    }
    // A private write never reaches the file (tmpfs gives the file a zero page first).
    own[std::int64_t(30) << 20] = 9;
    std::uint8_t byte = 1;
    QCOMPARE(pread(fd, &byte, 1, std::int64_t(30) << 20), ssize_t(1));
    QCOMPARE(byte, 0);
    if (name == "ext4")
        QCOMPARE(lseek(fd, std::int64_t(30) << 20, SEEK_DATA), off_t(std::int64_t(40) << 20));
    std::uint64_t entry = 0;
    QVERIFY(detail::pagemap::read(own + (std::int64_t(30) << 20), 1, &entry));
    QVERIFY(detail::pagemap::present(entry) && !detail::pagemap::fileBacked(entry));
    QVERIFY(detail::pagemap::read(own + (std::int64_t(31) << 20), 1, &entry));
    QVERIFY(detail::pagemap::untouched(entry));
    (void)*static_cast<volatile std::uint8_t *>(own + (std::int64_t(40) << 20));
    QVERIFY(detail::pagemap::read(own + (std::int64_t(40) << 20), 1, &entry));
    QVERIFY(detail::pagemap::fileBacked(entry));
    munmap(shared, size);
    munmap(own, size);
    ::close(fd);
}

void TestSparseSearch::mapsAnswerAsAPlainScan_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("mode");
    for (const QString &folder : testFolders())
        for (const Mode mode :
            {Mode::Write, Mode::Read, Mode::Copy, Mode::PrivateFlags, Mode::NoTrackfd})
            QTest::addRow("%s, %s", qPrintable(fileSystemName(folder)), modeName(mode))
                << folder << int(mode);
    QTest::addRow("%s", modeName(Mode::AnonymousShared)) << QString() << int(Mode::AnonymousShared);
    QTest::addRow("%s", modeName(Mode::AnonymousPrivate))
        << QString() << int(Mode::AnonymousPrivate);
}

// Generated cases on real maps: a sparse file (data extents and holes of random sizes,
// some holes shorter than what is skipped, data at the very start or end or not), mapped
// whole or from an offset; then writes through the map (into holes, zeros too), writes
// and punched holes from outside, private pages dropped (MADV_DONTNEED); then find,
// rfind, findPattern and ChunkedSearch with random patterns, ranges and windows, both
// ways; every answer checked against a plain scan of the map's bytes read afterwards.
void TestSparseSearch::mapsAnswerAsAPlainScan()
{
    QFETCH(QString, folder);
    QFETCH(int, mode);
    const auto how = Mode(mode);
    const bool anonymous = how == Mode::AnonymousShared || how == Mode::AnonymousPrivate;
    const bool writable = how != Mode::Read;
    const bool isPrivate
        = how == Mode::Copy || how == Mode::PrivateFlags || how == Mode::AnonymousPrivate;
    QTemporaryDir dir(anonymous ? QDir::tempPath() + "/hexmap-XXXXXX" : folder + "/hexmap-XXXXXX");
    int cases = 0;
    int searches = 0;
    for (const quint64 seed :
        generatedSeeds("HEXMAP_SPARSE_SEED", quint64(mode) * 1000 + 100, 12)) {
        Random random(seed);
        const std::int64_t unit = pick(random, 0, 1) ? kPage : std::int64_t(64) << 10;
        const std::int64_t size = pick(random, 0, 15) == 0
            ? (std::int64_t(20) << 20) + pick(random, 0, 9999)
            : pick(random, 256, 1500) * 4096 + pick(random, 0, 4095);
        const std::int64_t mapOffset
            = anonymous || pick(random, 0, 2) ? 0 : pick(random, 1, 40) * kPage;
        const QString path = dir.filePath(QStringLiteral("case%1").arg(seed));
        const int fd = anonymous ? -1 : makeFile(path, size);
        // The layout: extents of data between holes, in units of a page or of 64 KiB.
        if (!anonymous) {
            for (std::int64_t at = pick(random, 0, 1) ? 0 : pick(random, 1, 40) * unit;
                 at < size;) {
                const std::int64_t extent = std::min(
                    size - at, pick(random, 1, pick(random, 0, 9) == 0 ? 160 : 12) * unit);
                writeAt(fd, at, randomBytes(random, extent));
                at += extent + pick(random, 1, 40) * unit;
            }
            if (pick(random, 0, 1)) // data up to the very end
                writeAt(fd, size - 100, randomBytes(random, 100));
        }
        const std::int64_t length = anonymous ? size : size - mapOffset;
        const MapOptions options[] = {
            {.access = Access::Write, .offset = mapOffset},
            {.access = Access::Read, .offset = mapOffset},
            {.access = Access::Copy, .offset = mapOffset},
            {.flags = MAP_PRIVATE, .offset = mapOffset},
            {.offset = mapOffset, .trackfd = false},
            {.flags = MAP_SHARED},
            {.flags = MAP_PRIVATE},
        };
        auto map = std::make_unique<MemoryMap>(fd, length, options[mode]);
        std::vector<OwnedPattern> patterns;
        std::vector<Query> queries;
        std::vector<std::int64_t> written; // where changes were made, to cut patterns from
        // Rounds of changes, then searches; the bytes are read (faulting pages in, which
        // the next round's searches then meet) only once a round's searches are done.
        for (int round = 0; round < 2; ++round) {
            QStringList changes;
            for (std::int64_t k = pick(random, 0, 6); k > 0; --k) {
                const std::int64_t at = pick(random, 0, length - 1);
                written.push_back(at);
                const Bytes bytes = randomBytes(random,
                    std::min(length - at, pick(random, 1, 3) == 1 ? 1 : pick(random, 1, 9000)));
                switch (pick(random, 0, 3)) {
                case 0:
                case 1: // through the map, into a hole or not
                    if (writable) {
                        map->setSlice({at, at + std::int64_t(bytes.size()), 1}, bytes);
                        changes << QStringLiteral("map write %1+%2").arg(at).arg(bytes.size());
                    }
                    break;
                case 2: // from outside
                    if (!anonymous) {
                        writeAt(fd, mapOffset + at, bytes);
                        changes << QStringLiteral("pwrite %1+%2").arg(at).arg(bytes.size());
                    }
                    break;
                default: {
                    const std::int64_t page = at / kPage * kPage;
                    const std::int64_t count = std::min(length - page, pick(random, 1, 64) * kPage);
                    if (!anonymous && pick(random, 0, 1)) { // punched from outside
                        QCOMPARE(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                                     mapOffset + page, count),
                            0);
                        changes << QStringLiteral("punch %1+%2").arg(page).arg(count);
                    } else if (isPrivate) { // the map's own pages dropped: the file's again
                        map->madvise(MADV_DONTNEED, page, count);
                        changes << QStringLiteral("DONTNEED %1+%2").arg(page).arg(count);
                    }
                }
                }
            }
            // Some of the bytes now, to cut patterns from (this reads 256 KiB of the map; the
            // rest stays as the changes left it until the searches are done).
            const std::int64_t sampleAt
                = pick(random, 0, std::max<std::int64_t>(length - (256 << 10), 0));
            const Bytes sample = map->slice({sampleAt, sampleAt + (256 << 10), 1});
            for (int k = 0; k < 4; ++k) {
                OwnedPattern pattern = generatedPattern(random, sample, 24);
                if (pick(random, 0, 2) == 0) { // cut anywhere, or across where a change began
                    std::int64_t at = pick(random, 0, std::max<std::int64_t>(length - 16, 0));
                    if (!written.empty() && pick(random, 0, 2))
                        at = std::clamp<std::int64_t>(
                            written[std::size_t(pick(random, 0, std::int64_t(written.size()) - 1))]
                                - pick(random, 0, 8),
                            0, length - 1);
                    pattern = {map->slice({at, at + pick(random, 2, 12), 1}), {}};
                }
                patterns.push_back(pattern);
                const int index = int(patterns.size()) - 1;
                for (int q = 0; q < 5; ++q) {
                    const bool backward = pick(random, 0, 1);
                    const auto m = std::int64_t(pattern.bytes.size());
                    // Python's bounds, negative ones too, or absolute ones.
                    std::optional<std::int64_t> start, end;
                    if (pick(random, 0, 2))
                        start = pick(random, -length - 10, length + 10);
                    if (pick(random, 0, 2))
                        end = pick(random, -length - 10, length + 10);
                    const auto bound = [&](std::int64_t v) {
                        return v < 0 ? std::max<std::int64_t>(v + length, 0) : std::min(v, length);
                    };
                    const std::int64_t from = start
                        ? (*start < 0 ? std::max<std::int64_t>(*start + length, 0) : *start)
                        : 0;
                    const std::int64_t to = end ? bound(*end) : length;
                    Query query {index, from, to - m, backward, -1, {}};
                    const std::int64_t api = pick(random, 0, 3);
                    if (api == 0 && pattern.mask.empty()) {
                        map->seek(0);
                        query.answer = backward ? map->rfind(pattern.bytes, start, end)
                                                : map->find(pattern.bytes, start, end);
                        query.how = QStringLiteral("%1(%2, %3)")
                                        .arg(backward ? "rfind" : "find")
                                        .arg(start ? QString::number(*start) : "None")
                                        .arg(end ? QString::number(*end) : "None");
                    } else if (api == 1 && !pattern.mask.empty()) {
                        const std::int64_t a = std::clamp<std::int64_t>(from, 0, length);
                        const std::int64_t b = std::clamp<std::int64_t>(to, a, length);
                        query.low = a;
                        query.high = b - m;
                        query.answer
                            = map->findPattern({pattern.bytes, pattern.mask}, a, b, backward);
                        query.how
                            = QStringLiteral("findPattern(%1, %2, %3)").arg(a).arg(b).arg(backward);
                    } else {
                        const std::int64_t a = std::clamp<std::int64_t>(from, 0, length);
                        const std::int64_t b = std::clamp<std::int64_t>(to, a, length);
                        const std::int64_t window
                            = pick(random, 0, 1) ? pick(random, 1, 300000) : std::int64_t(16) << 20;
                        ChunkedSearch chunked(*map, {pattern.bytes, pattern.mask}, a, b,
                            backward ? ChunkedSearch::Direction::Backward
                                     : ChunkedSearch::Direction::Forward,
                            window);
                        std::int64_t last = chunked.scanned();
                        while (!chunked.step()) {
                            QVERIFY(chunked.scanned() > last);
                            last = chunked.scanned();
                        }
                        query.low = a;
                        query.high = b - m;
                        query.answer = chunked.result();
                        query.how = QStringLiteral("ChunkedSearch(%1, %2, %3, window %4)")
                                        .arg(a)
                                        .arg(b)
                                        .arg(backward ? "backward" : "forward")
                                        .arg(window);
                    }
                    queries.push_back(query);
                }
            }
            // The plain answers, from the map's bytes as they are now.
            const Bytes bytes = map->slice({0, length, 1});
            for (const Query &query : queries) {
                const OwnedPattern &pattern = patterns[std::size_t(query.pattern)];
                const std::int64_t expected = plainSearch(
                    bytes.data(), length, pattern, query.low, query.high, query.backward);
                if (query.answer != expected)
                    QFAIL(qPrintable(QStringLiteral("seed %1 (%2 bytes from offset %3, round %4; "
                                                    "%5): %6 of %7 gave %8, a plain scan %9")
                                         .arg(seed)
                                         .arg(length)
                                         .arg(mapOffset)
                                         .arg(round)
                                         .arg(changes.join(", "))
                                         .arg(query.how)
                                         .arg(pattern.describe())
                                         .arg(query.answer)
                                         .arg(expected)));
                ++searches;
            }
            queries.clear();
        }
        map.reset();
        if (fd >= 0) {
            ::close(fd);
            QFile::remove(path);
        }
        ++cases;
    }
    qInfo("%d generated maps, %d searches", cases, searches);
}

void TestSparseSearch::holePagesAreNotTouched_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("access");
    for (const QString &folder : testFolders())
        for (const Access access : {Access::Write, Access::Read, Access::Copy})
            QTest::addRow("%s, %s", qPrintable(fileSystemName(folder)), accessName(access))
                << folder << int(access);
}

// A search through a 64 MiB hole brings none of its pages in (the page cache says so);
// neither does one whose answer lies inside the hole.
void TestSparseSearch::holePagesAreNotTouched()
{
    QFETCH(QString, folder);
    QFETCH(int, access);
    const QString name = fileSystemName(folder);
    if (name != "ext4" && name != "tmpfs")
        QSKIP(qPrintable("hexmap does not skip holes on " + name));
    QTemporaryDir dir(folder + "/hexmap-XXXXXX");
    const std::int64_t size = std::int64_t(64) << 20;
    const int fd = makeFile(dir.filePath("f"), size);
    writeAt(fd, size - 4096, {'m', 'a', 'r', 'k', 1, 2, 3});
    writeAt(fd, 0, {'s', 't', 'a', 'r', 't'});
    MemoryMap map(fd, 0, {.access = Access(access)});
    const auto holeResident = [&] {
        const Bytes pages = map.residency(kPage, size - 2 * kPage);
        return std::count_if(pages.begin(), pages.end(), [](std::uint8_t p) { return p & 1; });
    };
    QCOMPARE(holeResident(), 0);
    QCOMPARE(map.find(bytesOf("mark"), 0), size - 4096);
    QCOMPARE(map.rfind(bytesOf("start"), 0), 0);
    QCOMPARE(map.find(Bytes {0, 0, 0}, 10), 10); // inside the first page
    QCOMPARE(map.find(Bytes {0, 0, 0}, 5000), 5000); // inside the hole
    QCOMPARE(map.rfind(Bytes {0, 0}, 0, size - 4096), size - 4098);
    const Bytes twoZerosAny {0, 0, 0};
    const Bytes wildcardMask {0xff, 0x00, 0xff};
    QCOMPARE(map.findPattern({twoZerosAny, wildcardMask}, 100000, size, true), size - 3);
    ChunkedSearch chunked(map, {Bytes {'m', 'a', 'r', 'k', 1}, {}}, 0, size,
        ChunkedSearch::Direction::Backward, 1 << 20);
    while (!chunked.step()) { }
    QCOMPARE(chunked.result(), size - 4096);
    QCOMPARE(holeResident(), 0);
    ::close(fd);
}

void TestSparseSearch::aSearchLeavesTheRssAsItFoundIt_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<bool>("sparse");
    for (const QString &folder : testFolders()) {
        QTest::addRow("%s, data", qPrintable(fileSystemName(folder))) << folder << false;
        QTest::addRow("%s, sparse", qPrintable(fileSystemName(folder))) << folder << true;
    }
}

// A search over 48 MiB of a shared map (all data, or data extents between holes) leaves
// no more mapped than before: it unmaps what it mapped. Pages mapped before stay mapped,
// but for those near where the search began (what it reads first, before it keeps
// track, it unmaps whole, with a margin); a page modified before keeps its bytes.
void TestSparseSearch::aSearchLeavesTheRssAsItFoundIt()
{
    QFETCH(QString, folder);
    QFETCH(bool, sparse);
    QTemporaryDir dir(folder + "/hexmap-XXXXXX");
    const std::int64_t size = std::int64_t(48) << 20;
    const int fd = makeFile(dir.filePath("f"), size);
    for (std::int64_t at = 0; at < size; at += std::int64_t(sparse ? 3 : 1) << 20)
        writeAt(fd, at, Bytes(1 << 20, std::uint8_t('a' + at % 7)));
    MemoryMap map(fd, 0, {.access = Access::Write});
    // Mapped before the search, in the middle: a modified page, and 1 MiB read.
    const std::int64_t modified = 12345678;
    const std::int64_t read = std::int64_t(24) << 20;
    map.setAt(modified, 'Z');
    (void)map.slice({read, read + (1 << 20), 1});
    const auto *base = map.buffer().bytes().data();
    const auto mapped = [&](std::int64_t at) {
        std::uint64_t entry = 0;
        return detail::pagemap::read(base + at / kPage * kPage, 1, &entry)
            && detail::pagemap::present(entry);
    };
    const auto mappedPages = [&] {
        std::int64_t count = 0;
        for (std::int64_t page = 0; page < size / kPage; ++page)
            count += mapped(page * kPage);
        return count;
    };
    const auto middleStaysMapped = [&] {
        if (!mapped(modified))
            return false;
        for (std::int64_t at = read; at < read + (1 << 20); at += kPage)
            if (!mapped(at))
                return false;
        return true;
    };
    const std::int64_t before = mappedPages();
    QVERIFY(middleStaysMapped());
    QCOMPARE(map.find(bytesOf("absent"), 0), -1);
    QVERIFY(mappedPages() <= before);
    QVERIFY(middleStaysMapped());
    QCOMPARE(map.rfind(bytesOf("absent"), 0), -1);
    QVERIFY(mappedPages() <= before);
    QVERIFY(middleStaysMapped());
    ChunkedSearch chunked(
        map, {Bytes {'a', 'b'}, {}}, 0, size, ChunkedSearch::Direction::Backward, 5 << 20);
    while (!chunked.step()) { }
    QVERIFY(mappedPages() <= before);
    QCOMPARE(map.at(modified), 'Z');
    QCOMPARE(map.find(bytesOf("Z"), 0), modified);
    ::close(fd);
}

// A private map keeps every page it mapped, written or not, whatever a search does.
void TestSparseSearch::privatePagesSurviveASearch()
{
    QTemporaryDir dir(QDir::tempPath() + "/hexmap-XXXXXX");
    const std::int64_t size = std::int64_t(24) << 20;
    const int fd = makeFile(dir.filePath("f"), size);
    writeAt(fd, 0, Bytes(std::size_t(size), 'q'));
    MemoryMap map(fd, 0, {.access = Access::Copy});
    for (std::int64_t at = 0; at < size; at += 3 << 20)
        map.setAt(at + 77, 'W');
    QCOMPARE(map.find(bytesOf("absent"), 0), -1);
    for (std::int64_t at = 0; at < size; at += 3 << 20)
        QCOMPARE(map.at(at + 77), 'W');
    QCOMPARE(map.rfind(bytesOf("W"), 0), (size - 1) / (3 << 20) * (3 << 20) + 77);
    ::close(fd);
}

// The holes are asked about through a description of the map's own: the offset that
// the user's descriptor shares with its duplicates does not move.
void TestSparseSearch::theDescriptorsOffsetIsLeftAlone()
{
    QTemporaryDir dir(QDir::tempPath() + "/hexmap-XXXXXX");
    const int fd = makeFile(dir.filePath("f"), std::int64_t(8) << 20);
    writeAt(fd, (std::int64_t(8) << 20) - 10, {'e', 'n', 'd'});
    QCOMPARE(lseek(fd, 1234, SEEK_SET), off_t(1234));
    MemoryMap map(fd, 0);
    QCOMPARE(map.find(bytesOf("end"), 0), (std::int64_t(8) << 20) - 10);
    QCOMPARE(lseek(fd, 0, SEEK_CUR), off_t(1234));
    ::close(fd);
}

// Past the file's new end nothing counts as a hole: the search meets the fault and
// raises, as a plain scan does; before it, answers are as before.
void TestSparseSearch::aTruncatedFileStillRaises()
{
    for (const QString &folder : testFolders()) {
        QTemporaryDir dir(folder + "/hexmap-XXXXXX");
        const std::int64_t size = std::int64_t(16) << 20;
        const int fd = makeFile(dir.filePath("f"), size);
        writeAt(fd, 100, {'x', 'y'});
        MemoryMap map(fd, 0);
        QCOMPARE(ftruncate(fd, std::int64_t(4) << 20), 0);
        QCOMPARE(map.find(bytesOf("xy"), 0), 100);
        QCOMPARE(map.find(Bytes {0, 0}, 1 << 20), 1 << 20);
        // The hole before the new end reaches it: past it, nothing is a hole.
        const std::int64_t past = (std::int64_t(5) << 20) + 8192;
        QCOMPARE(errorOf([&] { (void)map.find(bytesOf("absent"), 0); }).left(11), "OSError: [E");
        QCOMPARE(
            errorOf([&] { (void)map.find(bytesOf("absent"), 0, past); }).left(11), "OSError: [E");
        QCOMPARE(errorOf([&] {
            (void)map.find(Bytes {0, 0}, std::int64_t(4) << 20);
        }).left(11),
            "OSError: [E");
        QCOMPARE(errorOf([&] { (void)map.rfind(Bytes {0, 0}, 0); }).left(11), "OSError: [E");
        QCOMPARE(errorOf([&] { (void)map.rfind(bytesOf("absent"), 1 << 20, past); }).left(11),
            "OSError: [E");
        ChunkedSearch chunked(
            map, {Bytes {'a', 'b'}, {}}, 0, size, ChunkedSearch::Direction::Forward);
        QVERIFY(errorOf([&] {
            while (!chunked.step()) { }
        }).contains("truncated"));
        ::close(fd);
    }
}

// A forward step crosses a 16 GiB hole in one go (the window counts only bytes read),
// and Find All's way of going on (a new search from the match + 1) finds every match
// of a zero pattern in a hole at once.
void TestSparseSearch::stepsCrossHugeHolesAtOnce()
{
    QTemporaryDir dir(QDir::tempPath() + "/hexmap-XXXXXX");
    const std::int64_t size = std::int64_t(16) << 30;
    const QString path = dir.filePath("huge");
    if (!createSparseFile(path, size))
        QSKIP("this file system cannot hold a 16 GiB sparse file");
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC);
    if (fileSystemName(QDir::tempPath()) != "ext4")
        QSKIP("the temporary folder is not on ext4");
    writeAt(fd, size - 4096, {'m', 'a', 'r', 'k'});
    MemoryMap map(fd, 0);
    for (const bool backward : {false, true}) {
        ChunkedSearch search(map, {Bytes {'m', 'a', 'r', 'k'}, {}}, backward ? 0 : 1, size,
            backward ? ChunkedSearch::Direction::Backward : ChunkedSearch::Direction::Forward);
        QVERIFY(search.step());
        QCOMPARE(search.result(), size - 4096);
    }
    std::int64_t from = size - (std::int64_t(1) << 20);
    for (int k = 0; k < 1000; ++k) {
        ChunkedSearch search(
            map, {Bytes {0, 0}, Bytes {0xff, 0}}, from, size, ChunkedSearch::Direction::Forward);
        QVERIFY(search.step());
        QCOMPARE(search.result(), from);
        from = search.result() + 1;
    }
    const Bytes pages = map.residency(0, size - 8192);
    QCOMPARE(std::count_if(pages.begin(), pages.end(), [](std::uint8_t p) { return p & 1; }), 0);
    ::close(fd);
}

QTEST_GUILESS_MAIN(TestSparseSearch)
#include "tst_sparsesearch.moc"
