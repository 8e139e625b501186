// hexmap's first improvement over CPython: a file truncated underneath the map, or a
// write that needs a page on a full disk, raises OSError instead of killing the
// process with SIGBUS. And a SIGBUS that is not ours still reaches the handler that
// was there before.
#include "memorymap.h"
#include "scratchfile.h"

#include <QtTest>

#include <sys/mount.h>

#include <atomic>
#include <csetjmp>
#include <csignal>

using namespace hexmap;

namespace {
std::atomic<int> g_previousHandlerCalls = 0; // lock-free: safe in a handler
sigjmp_buf g_escape;
volatile std::sig_atomic_t g_escapeArmed = 0;

// The handler a host program had installed before hexmap.
void previousHandler(int)
{
    ++g_previousHandlerCalls;
    if (g_escapeArmed) {
        g_escapeArmed = 0;
        siglongjmp(g_escape, 1);
    }
}

const qint64 kPage = 4096;
} // namespace

class TestFaultGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void truncatedFileRaisesOSError_data();
    void truncatedFileRaisesOSError();
    void untouchedBytesStillWork();
    void faultingWriteChangesNothing_data();
    void faultingWriteChangesNothing();
    void fullDiskWriteRaisesOSError();
    void foreignSigbusReachesThePreviousHandler();
    void unguardedFaultReachesThePreviousHandler();
};

void TestFaultGuard::initTestCase()
{
    // Installed before any map is touched, so hexmap's handler finds it and chains to it.
    struct sigaction action = {};
    action.sa_handler = previousHandler;
    action.sa_flags = SA_NODEFER;
    sigemptyset(&action.sa_mask);
    QCOMPARE(sigaction(SIGBUS, &action, nullptr), 0);
}

using Access_ = std::function<void(MemoryMap &)>;
Q_DECLARE_METATYPE(Access_)

void TestFaultGuard::truncatedFileRaisesOSError_data()
{
    QTest::addColumn<Access_>("access");
    const auto row = [](const char *name, Access_ access) { QTest::newRow(name) << access; };
    row("read", [](MemoryMap &m) {
        m.seek(2 * kPage);
        (void)m.read(10);
    });
    row("readByte", [](MemoryMap &m) {
        m.seek(3 * kPage);
        (void)m.readByte();
    });
    row("readLine", [](MemoryMap &m) {
        m.seek(2 * kPage);
        (void)m.readLine();
    });
    row("find", [](MemoryMap &m) { (void)m.find(bytesOf("needle"), 0); });
    row("rfind", [](MemoryMap &m) { (void)m.rfind(bytesOf("needle")); });
    row("index", [](MemoryMap &m) { (void)m.at(-1); });
    row("slice", [](MemoryMap &m) { (void)m.slice({{}, {}, -1}); });
    row("write", [](MemoryMap &m) {
        m.seek(2 * kPage);
        m.write(bytesOf("patch"));
    });
    row("writeByte", [](MemoryMap &m) {
        m.seek(2 * kPage);
        m.writeByte(1);
    });
    row("setAt", [](MemoryMap &m) { m.setAt(-1, 1); });
    row("setSlice", [](MemoryMap &m) { m.setSlice({{}, {}, 1000}, bytesOf("seventeen bytes!!")); });
    row("move", [](MemoryMap &m) { m.move(0, 3 * kPage, 10); });
}

void TestFaultGuard::truncatedFileRaisesOSError()
{
    QFETCH(Access_, access);
    ScratchFile file(QByteArray(4 * kPage, 'a'));
    MemoryMap map(file.fd(), 0);
    file.truncate(kPage); // another descriptor shrinks the file underneath
    const int before = g_previousHandlerCalls;
    const QString error = errorOf([&] { access(map); });
    QVERIFY2(error.startsWith(
                 "OSError: [Errno 14] Bad address: the file was truncated underneath the map"),
        qPrintable(error));
    QVERIFY2(error.contains("(file size 4096)"), qPrintable(error));
    QCOMPARE(g_previousHandlerCalls.load(), before); // handled by hexmap, not passed on
}

void TestFaultGuard::untouchedBytesStillWork()
{
    ScratchFile file(QByteArray(4 * kPage, 'a'));
    MemoryMap map(file.fd(), 0);
    file.truncate(kPage + 10);
    QCOMPARE(map.at(kPage + 9), 'a');
    QCOMPARE(map.at(kPage + 10), 0); // the rest of the last page reads as zeros
    QCOMPARE(map.find(bytesOf("a"), kPage), kPage);
    QVERIFY(errorOf([&] { (void)map.at(2 * kPage); }).startsWith("OSError: [Errno 14]"));
    QCOMPARE(map.at(0), 'a'); // and the map keeps working after a fault
}

void TestFaultGuard::faultingWriteChangesNothing_data()
{
    // Each write starts on the first page, which the file still backs, and ends on the
    // second, which it no longer does.
    QTest::addColumn<Access_>("access");
    const auto row = [](const char *name, Access_ access) { QTest::newRow(name) << access; };
    static const QByteArray patch(3000, 'W');
    const auto bytes = [](qint64 n) {
        return ByteView(reinterpret_cast<const std::uint8_t *>(patch.constData()), size_t(n));
    };
    row("write", [=](MemoryMap &m) {
        m.seek(kPage - 100);
        m.write(bytes(300));
    });
    row("long write", [=](MemoryMap &m) {
        m.seek(kPage - 2000);
        m.write(bytes(3000));
    });
    row("setSlice", [=](MemoryMap &m) { m.setSlice({kPage - 100, kPage + 200, {}}, bytes(300)); });
    row("setSlice, step 3", [=](MemoryMap &m) {
        m.setSlice({kPage - 99, kPage + 201, 3}, bytes(100));
    });
    row("setSlice, a page apart", [=](MemoryMap &m) {
        m.setSlice({kPage - 1, {}, kPage}, bytes(2));
    });
    row("move into the lost page", [](MemoryMap &m) { m.move(kPage - 100, 0, 300); });
    row("move from the lost page", [](MemoryMap &m) { m.move(0, kPage - 2000, 3000); });
}

void TestFaultGuard::faultingWriteChangesNothing()
{
    // Every write completes or leaves the bytes as they were: a write that would fault
    // on a later page must not have changed the earlier ones.
    QFETCH(Access_, access);
    QByteArray content(2 * kPage, 'a');
    for (qint64 i = 0; i < content.size(); i += 7)
        content[i] = 'b';
    ScratchFile file(content);
    MemoryMap map(file.fd(), 0);
    file.truncate(kPage);
    const QString error = errorOf([&] { access(map); });
    QVERIFY2(error.startsWith("OSError: [Errno 14] Bad address"), qPrintable(error));
    QCOMPARE(toQByteArray(map.slice({0, kPage, {}})), content.left(kPage));
    QCOMPARE(file.contents(), content.left(kPage));
}

void TestFaultGuard::fullDiskWriteRaisesOSError()
{
    QTemporaryDir mountPoint;
    const QByteArray where = mountPoint.path().toLocal8Bit();
    if (mount("hexmap-test", where.constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP(qPrintable(
            QStringLiteral("cannot mount a small tmpfs here (%1): needs root and mount rights")
                .arg(QString::fromLocal8Bit(strerror(errno)))));
    const auto unmount = qScopeGuard([&] { umount2(where.constData(), MNT_DETACH); });

    // A sparse file larger than the filesystem, and a second file taking all the room.
    const QByteArray sparsePath = where + "/sparse.bin";
    const int fd = ::open(sparsePath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    QVERIFY(fd >= 0);
    QCOMPARE(ftruncate(fd, 1 << 20), 0);
    QCOMPARE(pwrite(fd, "h", 1, 0), 1); // page 0 is allocated, the rest is a hole
    QFile filler(QString::fromLocal8Bit(where + "/filler.bin"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    while (filler.write(QByteArray(4096, 'f')) == 4096 && filler.flush()) { }
    filler.close();

    MemoryMap map(fd, 0);
    ::close(fd);
    const QString error = errorOf([&] { map.setAt(512 * 1024, 'x'); });
    QVERIFY2(
        error.startsWith("OSError: [Errno 5] Input/output error: the page at map offset 524288"),
        qPrintable(error));
    QCOMPARE(map.at(0), 'h'); // the allocated page still works

    // A write from the allocated page into a hole fails whole.
    const QByteArray patch(1000, 'x');
    QVERIFY(errorOf([&] {
        map.setSlice({kPage - 1000, kPage + 1000, 2},
            {reinterpret_cast<const std::uint8_t *>(patch.constData()), 1000});
    }).startsWith("OSError: [Errno 5] Input/output error"));
    QCOMPARE(toQByteArray(map.slice({kPage - 1000, kPage, {}})), QByteArray(1000, '\0'));
}

void TestFaultGuard::foreignSigbusReachesThePreviousHandler()
{
    MemoryMap map(-1, 10); // hexmap's handler is installed by now
    (void)map.find(bytesOf("x"));
    const int before = g_previousHandlerCalls;
    raise(SIGBUS);
    QCOMPARE(g_previousHandlerCalls.load(), before + 1);
}

void TestFaultGuard::unguardedFaultReachesThePreviousHandler()
{
    // A raw access through an exported buffer is not guarded (as in Python): the real
    // fault must go to the program's own handler, not be swallowed.
    ScratchFile file(QByteArray(4 * kPage, 'a'));
    MemoryMap map(file.fd(), 0);
    (void)map.at(0);
    MappedBuffer buffer = map.buffer();
    file.truncate(kPage);
    const int before = g_previousHandlerCalls;
    volatile std::uint8_t *far = buffer.bytes().data() + 3 * kPage;
    g_escapeArmed = 1;
    if (sigsetjmp(g_escape, 1) == 0)
        (void)*far;
    QCOMPARE(g_previousHandlerCalls.load(), before + 1);
}

QTEST_GUILESS_MAIN(TestFaultGuard)
#include "tst_faultguard.moc"
