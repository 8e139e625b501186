// The command line, data-driven: modes, sizes with suffixes, --goto, help, version,
// and bad values that must exit non-zero with a clear message.
#include "commandline.h"

#include <QtTest>

using namespace hexmap;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parses_data();
    void parses();
};

void TestCommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("hexmap"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.9"));
}

void TestCommandLine::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode"); // -1: start the program
    QTest::addColumn<QString>("output"); // contained in the output
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<QString>("goTo");
    QTest::addColumn<QStringList>("files");

    const int inPlace = int(Document::Mode::InPlace);
    QTest::newRow("files") << QStringList {"a.bin", "b.bin"} << -1 << "" << inPlace << 0LL << 0LL
                           << "" << QStringList {"a.bin", "b.bin"};
    QTest::newRow("nothing") << QStringList {} << -1 << "" << inPlace << 0LL << 0LL << ""
                             << QStringList {};
    QTest::newRow("read-only") << QStringList {"--read-only", "a"} << -1 << ""
                               << int(Document::Mode::ReadOnly) << 0LL << 0LL << ""
                               << QStringList {"a"};
    QTest::newRow("copy-on-write")
        << QStringList {"--copy-on-write", "a"} << -1 << "" << int(Document::Mode::CopyOnWrite)
        << 0LL << 0LL << "" << QStringList {"a"};
    QTest::newRow("window") << QStringList {"--offset", "8K", "--length", "0x100", "a"} << -1 << ""
                            << inPlace << 8192LL << 256LL << "" << QStringList {"a"};
    QTest::newRow("goto from the end") << QStringList {"--goto", "-16", "a"} << -1 << "" << inPlace
                                       << 0LL << 0LL << "-16" << QStringList {"a"};
    QTest::newRow("help") << QStringList {"--help"} << 0 << "--copy-on-write" << inPlace << 0LL
                          << 0LL << "" << QStringList {};
    QTest::newRow("version") << QStringList {"--version"} << 0 << "hexmap 9.9" << inPlace << 0LL
                             << 0LL << "" << QStringList {};
    QTest::newRow("both modes") << QStringList {"--read-only", "--copy-on-write", "a"} << 2
                                << "--read-only and --copy-on-write exclude each other" << inPlace
                                << 0LL << 0LL << "" << QStringList {};
    QTest::newRow("bad offset") << QStringList {"--offset", "12x", "a"} << 2
                                << "--offset 12x: unexpected 'x' at position 3" << inPlace << 0LL
                                << 0LL << "" << QStringList {};
    QTest::newRow("negative length")
        << QStringList {"--length", "-5", "a"} << 2 << "--length -5: expected a number" << inPlace
        << 0LL << 0LL << "" << QStringList {};
    QTest::newRow("bad goto") << QStringList {"--goto", "1 +", "a"} << 2
                              << "--goto 1 +: a number is missing at the end" << inPlace << 0LL
                              << 0LL << "" << QStringList {};
    QTest::newRow("missing value")
        << QStringList {"a", "--offset"} << 2 << "Missing value after '--offset'" << inPlace << 0LL
        << 0LL << "" << QStringList {};
    QTest::newRow("unknown option")
        << QStringList {"--frobnicate", "a"} << 2 << "Unknown option 'frobnicate'" << inPlace << 0LL
        << 0LL << "" << QStringList {};
    QTest::newRow("options without file") << QStringList {"--goto", "5"} << 2 << "need a FILE"
                                          << inPlace << 0LL << 0LL << "" << QStringList {};
}

void TestCommandLine::parses()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    QFETCH(int, mode);
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(QString, goTo);
    QFETCH(QStringList, files);

    const CommandLine result = parseCommandLine(QStringList {"hexmap"} + arguments);
    QCOMPARE(result.exitCode.value_or(-1), exitCode);
    QVERIFY2(result.output.contains(output), qPrintable(result.output));
    if (exitCode == 2)
        QVERIFY(result.output.startsWith("hexmap: "));
    if (exitCode != -1)
        return;
    QCOMPARE(int(result.options.mode), mode);
    QCOMPARE(result.options.offset, offset);
    QCOMPARE(result.options.length, length);
    QCOMPARE(result.goTo.value_or(QString()), goTo);
    QCOMPARE(result.files, files);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
