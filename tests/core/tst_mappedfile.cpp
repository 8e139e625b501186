// MappedFile on real files in a temporary folder and real maps: empty files and
// windows at the end, resize to and from 0, remap after growth, the bytes the file
// still backs after another program truncated it, identity against the path, and
// whyNot() against what every operation raises, over every access × trackfd × state.
#include "mappedfile.h"
#include "scratchfile.h"

#include <QtTest>

#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/statfs.h>

#include <filesystem>
#include <functional>
#include <optional>

using namespace hexmap;
using Op = MappedFile::Operation;

namespace {

const qint64 kPage = pageSize();

const Access kAccesses[] = {Access::Default, Access::Read, Access::Write, Access::Copy};

int openDescriptorCount()
{
    namespace fs = std::filesystem;
    return int(std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator {}));
}

// n bytes that differ from their neighbours and from zero.
QByteArray pattern(qint64 n, char seed = 'a')
{
    QByteArray bytes(n, '\0');
    for (qint64 i = 0; i < n; ++i)
        bytes[i] = char(1 + (seed + i * 7) % 250);
    return bytes;
}

// What the operation raises (its message), or empty.
std::optional<std::string> raised(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const Error &error) {
        return error.what();
    }
    return std::nullopt;
}

QString text(const std::optional<std::string> &message)
{
    return message ? QString::fromStdString(*message) : QStringLiteral("(allowed)");
}

QByteArray mapped(const MappedFile &file)
{
    return file.map() ? toQByteArray(file.map()->slice({})) : QByteArray();
}

// An operation as the table runs it, with arguments valid for any state of the file.
struct Action
{
    const char *name;
    Op op;
    std::function<void(MappedFile &)> run;
};

const std::vector<Action> &actions()
{
    static const std::vector<Action> all {
        {"write", Op::Write,
            [](MappedFile &file) {
                const QByteArray byte = file.size() > 0 ? QByteArray("X") : QByteArray();
                file.write(
                    0, {reinterpret_cast<const std::uint8_t *>(byte.data()), size_t(byte.size())});
            }},
        {"resize to 0", Op::Resize, [](MappedFile &file) { file.resize(0); }},
        {"resize larger", Op::Resize, [](MappedFile &file) { file.resize(file.size() + kPage); }},
        {"flush", Op::Flush, [](MappedFile &file) { file.flush(); }},
        {"remap", Op::Remap, [](MappedFile &file) { file.remap(); }},
        {"advise", Op::Advise, [](MappedFile &file) { file.advise(MADV_NORMAL); }},
    };
    return all;
}

// The mmap contract and hexmap's additions, as an oracle independent of the code:
// whether op is refused for a map of this kind.
bool refusedByContract(Op op, Access access, bool trackfd, bool anonymous, bool empty)
{
    const bool readOnly = access == Access::Read;
    const bool copy = access == Access::Copy;
    switch (op) {
    case Op::Write:
        return readOnly;
    case Op::Resize:
        return !trackfd || readOnly || copy;
    case Op::Flush:
        return anonymous || readOnly || copy;
    case Op::Remap:
        return anonymous || !trackfd;
    case Op::Advise:
        return empty;
    }
    return false;
}

} // namespace

Q_DECLARE_METATYPE(hexmap::Access)

class TestMappedFile : public QObject
{
    Q_OBJECT

private slots:
    void emptyFileOpensWithoutAMap_data();
    void emptyFileOpensWithoutAMap();
    void openErrors();
    void resizeThroughZero_data();
    void resizeThroughZero();
    void failedGrowthFromZeroLeavesTheFileAlone();
    void remapAfterGrowth_data();
    void remapAfterGrowth();
    void backedBytesAfterTruncation_data();
    void backedBytesAfterTruncation();
    void pathStateFollowsTheInode_data();
    void pathStateFollowsTheInode();
    void whyNotAgreesWithTheOperation_data();
    void whyNotAgreesWithTheOperation();
    void anonymous_data();
    void anonymous();
    void descriptors();
    void shiftByFileSystem_data();
    void shiftByFileSystem();
};

void TestMappedFile::emptyFileOpensWithoutAMap_data()
{
    QTest::addColumn<Access>("access");
    QTest::addColumn<bool>("trackfd");
    QTest::addColumn<qint64>("offset"); // the file is offset bytes long: nothing past it
    QTest::addColumn<bool>("byPath"); // open(path) rather than the fd constructor
    for (const Access access : kAccesses) {
        for (const bool trackfd : {true, false}) {
            for (const qint64 offset : {qint64(0), kPage, 3 * kPage}) {
                for (const bool byPath : {true, false}) {
                    QTest::addRow("%s trackfd=%d offset=%lld %s", accessName(access), trackfd,
                        offset, byPath ? "path" : "fd")
                        << access << trackfd << offset << byPath;
                }
            }
        }
    }
}

void TestMappedFile::emptyFileOpensWithoutAMap()
{
    QFETCH(Access, access);
    QFETCH(bool, trackfd);
    QFETCH(qint64, offset);
    QFETCH(bool, byPath);
    ScratchFile scratch(pattern(offset));
    const MappedFile file = byPath
        ? MappedFile::open(scratch.path(), access, offset, 0, trackfd)
        : MappedFile(scratch.fd(), 0, {.access = access, .offset = offset, .trackfd = trackfd});
    QVERIFY(file.map() == nullptr);
    QVERIFY(file.sharedMap() == nullptr);
    QCOMPARE(file.size(), 0);
    QCOMPARE(file.offset(), offset);
    QCOMPARE(file.mapEnd(), offset);
    QCOMPARE(file.access(), access);
    QCOMPARE(file.trackfd(), trackfd);
    QVERIFY(!file.isAnonymous());
    // Without a descriptor, only a path can tell the size.
    QCOMPARE(file.fileSize(), trackfd || byPath ? offset : -1);
    QCOMPARE(file.backedBytes(), 0);
    QCOMPARE(file.pathState(), MappedFile::PathState::Same);
    QVERIFY(file.isSameFile(scratch.fd()));
}

void TestMappedFile::openErrors()
{
    ScratchFile scratch(pattern(kPage));
    const std::string &path = scratch.path();
    const auto openError = [&](const std::string &at, Access access, qint64 offset, qint64 length) {
        return errorOf([&] { (void)MappedFile::open(at, access, offset, length); });
    };
    // MemoryMap's own checks, where there is something to map or too little.
    QCOMPARE(openError(path, Access::Write, 2 * kPage, 0),
        "ValueError: mmap offset is greater than file size");
    QCOMPARE(openError(path, Access::Write, kPage, 1),
        "ValueError: mmap length is greater than file size");
    QCOMPARE(openError(path, Access::Write, -kPage, 0),
        "OverflowError: memory mapped offset must be positive");
    QCOMPARE(openError(path, Access(7), kPage, 0), "ValueError: mmap invalid access parameter.");
    QCOMPARE(openError(path + ".missing", Access::Read, 0, 0),
        QString::fromStdString(
            "OSError: [Errno 2] No such file or directory: '" + path + ".missing'"));
    // A bad access/prot combination is refused even when there is nothing to map.
    QCOMPARE(errorOf([&] {
        (void)MappedFile(
            scratch.fd(), 0, {.prot = PROT_READ, .access = Access::Write, .offset = kPage});
    }),
        "ValueError: mmap can't specify both access and flags, prot.");
    // Python's defaulting holds without a map too: a read-only prot is READ.
    const MappedFile readOnly(scratch.fd(), 0, {.prot = PROT_READ, .offset = kPage});
    QCOMPARE(readOnly.access(), Access::Read);
    QCOMPARE(text(readOnly.whyNot(Op::Write)), "mmap can't modify a readonly memory map.");
}

void TestMappedFile::resizeThroughZero_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("start"); // bytes mapped at first
    for (const qint64 offset : {qint64(0), kPage}) {
        for (const qint64 start : {qint64(0), qint64(13), 2 * kPage + 1})
            QTest::addRow("offset=%lld start=%lld", offset, start) << offset << start;
    }
}

void TestMappedFile::resizeThroughZero()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, start);
    const QByteArray before = pattern(offset, 'p'); // bytes ahead of the window
    ScratchFile scratch(before + pattern(start));
    MappedFile file = MappedFile::open(scratch.path(), Access::Write, offset);
    QCOMPARE(file.size(), start);
    for (const qint64 size : {qint64(0), 3 * kPage + 5, qint64(0), qint64(17), kPage, qint64(0)}) {
        file.resize(size);
        QCOMPARE(file.size(), size);
        QCOMPARE(file.map() == nullptr, size == 0);
        QCOMPARE(scratch.size(), offset + size); // stat, not the map
        QCOMPARE(file.backedBytes(), size);
        if (size > 0) { // the new map reaches the file
            file.write(size - 1, bytesOf("Z"));
            QCOMPARE(scratch.contents().at(offset + size - 1), 'Z');
        }
        QCOMPARE(scratch.contents().left(offset), before);
    }
}

void TestMappedFile::failedGrowthFromZeroLeavesTheFileAlone()
{
    ScratchFile scratch(QByteArray {});
    MappedFile file = MappedFile::open(scratch.path(), Access::Write);
    // ftruncate fails: nothing changed.
    QCOMPARE(
        errorOf([&] { file.resize(std::int64_t(1) << 62); }), "OSError: [Errno 27] File too large");
    QCOMPARE(scratch.size(), 0);
    QVERIFY(file.map() == nullptr);
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer reserves terabytes of address space: an address-space limit cannot be "
          "set under it");
#else
    // The file grows (sparse), then mmap runs out of address space: the size goes back.
    struct rlimit saved = {};
    QCOMPARE(getrlimit(RLIMIT_AS, &saved), 0);
    struct rlimit tight = saved;
    tight.rlim_cur = 0;
    QFile status("/proc/self/status");
    QVERIFY(status.open(QIODevice::ReadOnly));
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmSize:"))
            tight.rlim_cur
                = rlim_t(line.mid(7).trimmed().split(' ').first().toLongLong() + 65536) * 1024;
    }
    QCOMPARE(setrlimit(RLIMIT_AS, &tight), 0);
    const QString error = errorOf([&] { file.resize(std::int64_t(4) << 30); });
    setrlimit(RLIMIT_AS, &saved);
    QCOMPARE(error, "OSError: [Errno 12] Cannot allocate memory");
    QCOMPARE(scratch.size(), 0);
    QVERIFY(file.map() == nullptr);
    file.resize(5); // and it still resizes
    QCOMPARE(scratch.size(), 5);
#endif
}

void TestMappedFile::remapAfterGrowth_data()
{
    QTest::addColumn<Access>("access");
    QTest::addColumn<qint64>("start");
    for (const Access access : kAccesses) {
        for (const qint64 start : {qint64(0), qint64(10), kPage})
            QTest::addRow("%s start=%lld", accessName(access), start) << access << start;
    }
}

void TestMappedFile::remapAfterGrowth()
{
    QFETCH(Access, access);
    QFETCH(qint64, start);
    const QByteArray first = pattern(start);
    const QByteArray tail = pattern(kPage + 3, 'q');
    ScratchFile scratch(first);
    MappedFile file = MappedFile::open(scratch.path(), access);
    scratch.closeFd(); // open() kept its own duplicate; remap needs nothing else
    // Another program appends.
    const int writer = ::open(scratch.path().c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    QVERIFY(writer >= 0);
    QCOMPARE(::write(writer, tail.constData(), size_t(tail.size())), tail.size());
    ::close(writer);
    QCOMPARE(file.fileSize(), start + tail.size());
    QCOMPARE(file.size(), start);
    QCOMPARE(file.backedBytes(), start);
    QVERIFY(!file.whyNot(Op::Remap));
    const std::shared_ptr<MemoryMap> old = file.sharedMap();
    file.remap();
    QCOMPARE(file.size(), start + tail.size());
    QCOMPARE(mapped(file), first + tail);
    QCOMPARE(file.access(), access);
    if (old) // a holder of the old map still reads it
        QCOMPARE(toQByteArray(old->slice({})), first);
    file.remap(2);
    QCOMPARE(file.size(), 2);
    QCOMPARE(mapped(file), (first + tail).left(2));
}

void TestMappedFile::backedBytesAfterTruncation_data()
{
    QTest::addColumn<bool>("trackfd");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("cut"); // the file's new size
    for (const bool trackfd : {true, false}) {
        for (const qint64 offset : {qint64(0), kPage}) {
            const qint64 end = offset + 3 * kPage;
            for (const qint64 cut : {qint64(0), offset, offset + 1, offset + kPage - 1,
                     offset + kPage, offset + kPage + 1, end - 1, end, end + 100}) {
                QTest::addRow("trackfd=%d offset=%lld cut=%lld", trackfd, offset, cut)
                    << trackfd << offset << cut;
            }
        }
    }
}

void TestMappedFile::backedBytesAfterTruncation()
{
    QFETCH(bool, trackfd);
    QFETCH(qint64, offset);
    QFETCH(qint64, cut);
    const qint64 length = 3 * kPage;
    ScratchFile scratch(pattern(offset + length));
    const MappedFile file = MappedFile::open(scratch.path(), Access::Write, offset, 0, trackfd);
    QCOMPARE(file.backedBytes(), length);
    // Another program truncates, through a descriptor of its own.
    const int other = ::open(scratch.path().c_str(), O_RDWR | O_CLOEXEC);
    QVERIFY(other >= 0);
    QCOMPARE(ftruncate(other, cut), 0);
    ::close(other);
    const qint64 backed = std::clamp<qint64>(cut - offset, 0, length);
    QCOMPARE(file.fileSize(), cut);
    QCOMPARE(file.backedBytes(), backed);
    QCOMPARE(file.size(), length);
    // Backed bytes read as they were; the first page past the file's end raises.
    if (backed > 0)
        QCOMPARE(
            file.map()->at(backed - 1), quint8(pattern(offset + length).at(offset + backed - 1)));
    const qint64 firstGonePage = (backed + kPage - 1) / kPage * kPage;
    if (firstGonePage < length) {
        try {
            (void)file.map()->at(firstGonePage);
            QFAIL("reading past the file's end did not raise");
        } catch (const OSError &error) {
            QCOMPARE(error.errnum(), EFAULT);
        }
    }
}

void TestMappedFile::pathStateFollowsTheInode_data()
{
    QTest::addColumn<bool>("trackfd");
    QTest::addColumn<Access>("access");
    for (const bool trackfd : {true, false}) {
        for (const Access access : kAccesses)
            QTest::addRow("%s trackfd=%d", accessName(access), trackfd) << trackfd << access;
    }
}

void TestMappedFile::pathStateFollowsTheInode()
{
    QFETCH(bool, trackfd);
    QFETCH(Access, access);
    using State = MappedFile::PathState;
    const QByteArray original = pattern(100);
    ScratchFile scratch(original);
    const std::string &path = scratch.path();
    const std::string kept = path + ".kept";
    const MappedFile file = MappedFile::open(path, access, 0, 0, trackfd);
    const auto sameAsPath = [&] {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        const bool same = file.isSameFile(fd);
        ::close(fd);
        return same;
    };
    QCOMPARE(file.pathState(), State::Same);
    QVERIFY(sameAsPath());
    QCOMPARE(link(path.c_str(), kept.c_str()), 0); // the mapped file, under another name

    // Another file renamed over the path.
    ScratchFile replacement(pattern(7));
    QCOMPARE(rename(replacement.path().c_str(), path.c_str()), 0);
    QCOMPARE(file.pathState(), State::Replaced);
    QVERIFY(!sameAsPath());
    QCOMPARE(file.fileSize(), trackfd ? original.size() : -1); // never the other file's size
    QCOMPARE(mapped(file), original);

    QCOMPARE(unlink(path.c_str()), 0);
    QCOMPARE(file.pathState(), State::Deleted);
    QCOMPARE(file.fileSize(), trackfd ? original.size() : -1);

    // A new file at the path is not the mapped one; the mapped one back is.
    const int created = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    QVERIFY(created >= 0);
    ::close(created);
    QCOMPARE(file.pathState(), State::Replaced);
    QCOMPARE(rename(kept.c_str(), path.c_str()), 0);
    QCOMPARE(file.pathState(), State::Same);
    QVERIFY(sameAsPath());
    QCOMPARE(file.fileSize(), original.size());
}

void TestMappedFile::whyNotAgreesWithTheOperation_data()
{
    QTest::addColumn<QString>("kind"); // "file" or "anonymous"
    QTest::addColumn<Access>("access");
    QTest::addColumn<int>("flags"); // anonymous maps
    QTest::addColumn<bool>("trackfd");
    QTest::addColumn<qint64>("length"); // bytes in the file past offset, or anonymous size
    QTest::addColumn<int>("action");
    QTest::addColumn<bool>("refused"); // the contract's answer
    for (int action = 0; action < int(actions().size()); ++action) {
        const Action &a = actions()[size_t(action)];
        for (const qint64 length : {qint64(0), qint64(13)}) {
            for (const Access access : kAccesses) {
                for (const bool trackfd : {true, false}) {
                    QTest::addRow(
                        "%s %s trackfd=%d length=%lld", a.name, accessName(access), trackfd, length)
                        << "file" << access << MAP_SHARED << trackfd << length << action
                        << refusedByContract(a.op, access, trackfd, false, length == 0);
                }
            }
            for (const int flags : {MAP_PRIVATE, MAP_SHARED}) {
                QTest::addRow("%s anonymous %s length=%lld", a.name,
                    flags == MAP_PRIVATE ? "private" : "shared", length)
                    << "anonymous" << Access::Default << flags << true << length << action
                    << refusedByContract(a.op, Access::Default, true, true, length == 0);
            }
        }
    }
}

void TestMappedFile::whyNotAgreesWithTheOperation()
{
    QFETCH(QString, kind);
    QFETCH(Access, access);
    QFETCH(int, flags);
    QFETCH(bool, trackfd);
    QFETCH(qint64, length);
    QFETCH(int, action);
    QFETCH(bool, refused);
    const Action &a = actions()[size_t(action)];
    const qint64 offset = kind == "file" ? kPage : 0;
    ScratchFile scratch(pattern(offset + length));
    MappedFile file = kind == "file" ? MappedFile::open(scratch.path(), access, offset, 0, trackfd)
                                     : MappedFile::anonymous(length, flags);
    const std::optional<std::string> why = file.whyNot(a.op);
    QCOMPARE(why.has_value(), refused);
    const MemoryMap *mapBefore = file.map();
    const QByteArray bytesBefore = mapped(file);
    const std::optional<std::string> thrown = raised([&] { a.run(file); });
    QCOMPARE(text(thrown), text(why));
    if (refused) { // a refusal changes nothing
        QCOMPARE(file.map(), mapBefore);
        QCOMPARE(mapped(file), bytesBefore);
        QCOMPARE(scratch.size(), offset + length);
    }
}

void TestMappedFile::anonymous_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<qint64>("size");
    for (const int flags : {MAP_PRIVATE, MAP_SHARED}) {
        for (const qint64 size : {qint64(0), qint64(1), kPage + 1})
            QTest::addRow("%s size=%lld", flags == MAP_PRIVATE ? "private" : "shared", size)
                << flags << size;
    }
}

void TestMappedFile::anonymous()
{
    QFETCH(int, flags);
    QFETCH(qint64, size);
    MappedFile file = MappedFile::anonymous(size, flags);
    QVERIFY(file.isAnonymous());
    QCOMPARE(file.map() == nullptr, size == 0);
    QCOMPARE(file.size(), size);
    QCOMPARE(mapped(file), QByteArray(size, '\0'));
    QCOMPARE(file.fileSize(), -1);
    QCOMPARE(file.backedBytes(), size);
    QCOMPARE(file.pathState(), MappedFile::PathState::Same);
    QVERIFY(file.path().empty());
    ScratchFile unrelated(pattern(3));
    QVERIFY(!file.isSameFile(unrelated.fd()));
    for (const qint64 next : {2 * kPage, kPage, qint64(0), qint64(5)}) {
        const QByteArray kept = mapped(file).left(next);
        file.resize(next);
        QCOMPARE(file.size(), next);
        QCOMPARE(file.backedBytes(), next);
        QCOMPARE(mapped(file).left(kept.size()), kept); // a map that stays keeps its bytes
        if (next > 0) {
            file.write(next - 1, bytesOf("Q"));
            QCOMPARE(file.map()->at(next - 1), 'Q');
        }
    }
    QCOMPARE(errorOf([] { (void)MappedFile::anonymous(-1); }),
        "OverflowError: memory mapped length must be positive");
}

void TestMappedFile::descriptors()
{
    ScratchFile scratch(pattern(10));
    ScratchFile empty(QByteArray {});
    const int before = openDescriptorCount();
    {
        const MappedFile tracked = MappedFile::open(scratch.path(), Access::Write);
        QCOMPARE(openDescriptorCount(), before + 2); // ours and the map's duplicate
        const MappedFile untracked = MappedFile::open(scratch.path(), Access::Write, 0, 0, false);
        QCOMPARE(openDescriptorCount(), before + 2); // neither keeps one
        const MappedFile emptyTracked = MappedFile::open(empty.path(), Access::Write);
        QCOMPARE(openDescriptorCount(), before + 3); // ours only: no map
    }
    QCOMPARE(openDescriptorCount(), before);
    {
        MappedFile moved = MappedFile::open(scratch.path(), Access::Write);
        {
            MappedFile target = std::move(moved);
            QCOMPARE(openDescriptorCount(), before + 2);
            target.resize(0); // the descriptor went along
            target.resize(20);
            QCOMPARE(scratch.size(), 20);
            target = MappedFile::open(empty.path(), Access::Read);
            QCOMPARE(openDescriptorCount(), before + 1); // the old one closed
        }
        QCOMPARE(openDescriptorCount(), before); // the moved-from one owns nothing
    }
    QCOMPARE(openDescriptorCount(), before);
}

void TestMappedFile::shiftByFileSystem_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<bool>("canShift");
    struct statfs system = {};
    const bool ext4 = statfs(QDir::tempPath().toLocal8Bit().constData(), &system) == 0
        && system.f_type == EXT4_SUPER_MAGIC;
    if (ext4)
        QTest::newRow("ext4") << QString() << true;
    if (statfs("/dev/shm", &system) == 0 && system.f_type == TMPFS_MAGIC)
        QTest::newRow("tmpfs") << QStringLiteral("/dev/shm/hexmap-XXXXXX") << false;
    if (QTest::currentDataTag() == nullptr && !ext4)
        qWarning("the temporary folder is not on ext4: the shift through fallocate is not tried");
}

void TestMappedFile::shiftByFileSystem()
{
    QFETCH(QString, folder);
    QFETCH(bool, canShift);
    const qint64 block = 4096;
    const QByteArray original = pattern(6 * block);
    ScratchFile file(original, O_RDWR, folder);
    MappedFile mapped = MappedFile::open(file.path(), Access::Write);
    const auto bytes = [&] {
        const Bytes slice = mapped.map()->slice({0, mapped.size(), {}});
        return QByteArray(reinterpret_cast<const char *>(slice.data()), qsizetype(slice.size()));
    };
    // Never for a part of a block, at the end, or by nothing: and then nothing changed.
    for (const auto &[at, delta] :
        {std::pair(block + 1, block), std::pair(block, block - 1), std::pair(6 * block, block),
            std::pair(2 * block, qint64(0)), std::pair(block, -2 * block)}) {
        QVERIFY(!mapped.shiftByFileSystem(at, delta));
        QCOMPARE(file.contents(), original);
    }
    QCOMPARE(mapped.shiftByFileSystem(2 * block, block), canShift);
    if (!canShift) {
        QCOMPARE(file.contents(), original);
        return;
    }
    // The blocks from 2 on moved up by one, leaving zeros; the map follows the file.
    const QByteArray grown
        = original.left(2 * block) + QByteArray(block, '\0') + original.mid(2 * block);
    QCOMPARE(mapped.size(), 7 * block);
    QCOMPARE(file.contents(), grown);
    QCOMPARE(bytes(), grown);
    // And back: the block at 2 goes.
    QVERIFY(mapped.shiftByFileSystem(3 * block, -block));
    QCOMPARE(mapped.size(), 6 * block);
    QCOMPARE(file.contents(), original);
    QCOMPARE(bytes(), original);
    // A copy-on-write map cannot change length: the core's refusal.
    MappedFile copy = MappedFile::open(file.path(), Access::Copy);
    QVERIFY_THROWS_EXCEPTION(TypeError, copy.shiftByFileSystem(block, block));
    QCOMPARE(file.contents(), original);
}

QTEST_GUILESS_MAIN(TestMappedFile)
#include "tst_mappedfile.moc"
