// The command line, data-driven: modes, sizes with suffixes, --goto, help, version,
// Qt's own options, and bad values that must exit non-zero with a clear message;
// then the real hexmap binary without a display, as a user would run it.
#include "commandline.h"
#include "constants.h"

#include <QProcess>
#include <QtTest>

using namespace hexmap;

namespace {

// An environment with nothing that picks a platform or names a display; the runtime
// folder (where a Wayland socket would be) is runtimeDir.
QProcessEnvironment displayless(const QString &runtimeDir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "QT_QPA_PLATFORM_PLUGIN_PATH", "DISPLAY",
             "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "XDG_SESSION_TYPE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    return environment;
}

QProcessEnvironment offscreen()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

// "NAME=value NAME2=value" → inserted into environment.
void insertAll(QProcessEnvironment &environment, const QString &assignments)
{
    for (const QString &assignment : assignments.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        environment.insert(
            assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parses_data();
    void parses();
    void helpHidesQtOptions();
    void goToIsCheckedAgainstEachFile_data();
    void goToIsCheckedAgainstEachFile();
    void needsADisplay_data();
    void needsADisplay();
    void namesMustBeUtf8();
    void binaryWithoutDisplay_data();
    void binaryWithoutDisplay();

private:
    QTemporaryDir m_dir;
    QString m_page; // a file of one page
    QString m_twoPages;
    QString m_empty;
};

void TestCommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("hexmap"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.9"));
    QVERIFY(m_dir.isValid());
    const auto write = [this](const QString &name, qint64 size) {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(size, 'x')) != size)
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    };
    m_page = write(QStringLiteral("page.bin"), allocationGranularity());
    m_twoPages = write(QStringLiteral("two.bin"), 2 * allocationGranularity());
    m_empty = write(QStringLiteral("empty.bin"), 0);
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
    QTest::addColumn<QStringList>("qtArguments");

    const int inPlace = int(Document::Mode::InPlace);
    const QStringList none;
    QTest::newRow("files") << QStringList {"a.bin", "b.bin"} << -1 << "" << inPlace << 0LL << 0LL
                           << "" << QStringList {"a.bin", "b.bin"} << none;
    QTest::newRow("nothing") << QStringList {} << -1 << "" << inPlace << 0LL << 0LL << "" << none
                             << none;
    QTest::newRow("read-only") << QStringList {"--read-only", "a"} << -1 << ""
                               << int(Document::Mode::ReadOnly) << 0LL << 0LL << ""
                               << QStringList {"a"} << none;
    QTest::newRow("copy-on-write")
        << QStringList {"--copy-on-write", "a"} << -1 << "" << int(Document::Mode::CopyOnWrite)
        << 0LL << 0LL << "" << QStringList {"a"} << none;
    QTest::newRow("window") << QStringList {"--offset", "8K", "--length", "0x100", "a"} << -1 << ""
                            << inPlace << 8192LL << 256LL << "" << QStringList {"a"} << none;
    QTest::newRow("goto from the end") << QStringList {"--goto", "-16", "a"} << -1 << "" << inPlace
                                       << 0LL << 0LL << "-16" << QStringList {"a"} << none;
    // Checked against the file's size only when the file exists (a does not).
    QTest::newRow("goto end, no file yet")
        << QStringList {"--goto", "end", "a"} << -1 << "" << inPlace << 0LL << 0LL << "end"
        << QStringList {"a"} << none;
    QTest::newRow("help") << QStringList {"--help"} << 0 << "--copy-on-write" << inPlace << 0LL
                          << 0LL << "" << none << none;
    QTest::newRow("help-all") << QStringList {"--help-all"} << 0 << "-platform <name[:options]>"
                              << inPlace << 0LL << 0LL << "" << none << none;
    QTest::newRow("version") << QStringList {"--version"} << 0 << "hexmap 9.9" << inPlace << 0LL
                             << 0LL << "" << none << none;
    QTest::newRow("both modes") << QStringList {"--read-only", "--copy-on-write", "a"} << 2
                                << "--read-only and --copy-on-write exclude each other" << inPlace
                                << 0LL << 0LL << "" << none << none;
    QTest::newRow("bad offset") << QStringList {"--offset", "12x", "a"} << 2
                                << "--offset 12x: unexpected 'x' at position 3" << inPlace << 0LL
                                << 0LL << "" << none << none;
    const qint64 page = allocationGranularity();
    QTest::newRow("offset not a multiple of the page size")
        << QStringList {"--offset", "1", "a"} << 2
        << QStringLiteral("--offset 1: not a multiple of the page size, %1 bytes (the nearest "
                          "below is 0)")
               .arg(page)
        << inPlace << 0LL << 0LL << "" << none << none;
    QTest::newRow("offset past a page")
        << QStringList {"--offset", QString::number(page + 16), "a"} << 2
        << QStringLiteral("(the nearest below is %1)").arg(page) << inPlace << 0LL << 0LL << ""
        << none << none;
    QTest::newRow("negative length")
        << QStringList {"--length", "-5", "a"} << 2 << "--length -5: expected a number" << inPlace
        << 0LL << 0LL << "" << none << none;
    QTest::newRow("bad goto") << QStringList {"--goto", "1 +", "a"} << 2
                              << "--goto 1 +: a number is missing at the end" << inPlace << 0LL
                              << 0LL << "" << none << none;
    QTest::newRow("goto past every size") << QStringList {"--goto", "0x7fffffffffffffff0", "a"} << 2
                                          << "--goto 0x7fffffffffffffff0: the value is too large"
                                          << inPlace << 0LL << 0LL << "" << none << none;
    QTest::newRow("missing value")
        << QStringList {"a", "--offset"} << 2 << "Missing value after '--offset'" << inPlace << 0LL
        << 0LL << "" << none << none;
    QTest::newRow("unknown option")
        << QStringList {"--frobnicate", "a"} << 2 << "Unknown option 'frobnicate'" << inPlace << 0LL
        << 0LL << "" << none << none;
    QTest::newRow("unknown single-dash option")
        << QStringList {"-bogus", "a"} << 2 << "Unknown option 'bogus'" << inPlace << 0LL << 0LL
        << "" << none << none;
    QTest::newRow("diff") << QStringList {"--diff", "a", "b"} << -1 << "" << inPlace << 0LL << 0LL
                          << "" << QStringList {"a", "b"} << none;
    QTest::newRow("diff, option last, read-only")
        << QStringList {"a", "--read-only", "b", "--diff"} << -1 << ""
        << int(Document::Mode::ReadOnly) << 0LL << 0LL << "" << QStringList {"a", "b"} << none;
    QTest::newRow("diff of one file")
        << QStringList {"--diff", "a"} << 2 << "--diff needs two files, A and B (got 1)" << inPlace
        << 0LL << 0LL << "" << none << none;
    QTest::newRow("diff of nothing")
        << QStringList {"--diff"} << 2 << "--diff needs two files, A and B (got 0)" << inPlace
        << 0LL << 0LL << "" << none << none;
    QTest::newRow("diff of three files")
        << QStringList {"--diff", "a", "b", "c"} << 2 << "--diff needs two files, A and B (got 3)"
        << inPlace << 0LL << 0LL << "" << none << none;
    QTest::newRow("help names diff")
        << QStringList {"--help"} << 0 << "--diff" << inPlace << 0LL << 0LL << "" << none << none;
    QTest::newRow("options without file") << QStringList {"--goto", "5"} << 2 << "need a FILE"
                                          << inPlace << 0LL << 0LL << "" << none << none;

    // Qt's options: checked, then handed to QApplication under the names it reads.
    QTest::newRow("-platform offscreen")
        << QStringList {"-platform", "offscreen", "a"} << -1 << "" << inPlace << 0LL << 0LL << ""
        << QStringList {"a"} << QStringList {"-platform", "offscreen"};
    QTest::newRow("--platform=offscreen:options")
        << QStringList {"--platform=offscreen:fontengine=freetype", "a"} << -1 << "" << inPlace
        << 0LL << 0LL << "" << QStringList {"a"}
        << QStringList {"-platform", "offscreen:fontengine=freetype"};
    QTest::newRow("platform fallbacks")
        << QStringList {"-platform", "nosuch;offscreen"} << -1 << "" << inPlace << 0LL << 0LL << ""
        << none << QStringList {"-platform", "nosuch;offscreen"};
    QTest::newRow("-platform foo")
        << QStringList {"-platform", "foo", "a"} << 2
        << "hexmap: -platform foo: no such platform plugin (there are: " << inPlace << 0LL << 0LL
        << "" << none << none;
    QTest::newRow("-style=fusion")
        << QStringList {"-style=fusion", "-reverse", "a"} << -1 << "" << inPlace << 0LL << 0LL << ""
        << QStringList {"a"} << QStringList {"-style", "fusion", "-reverse"};
    QTest::newRow("-style nosuch") << QStringList {"-style", "nosuch", "a"} << 2
                                   << "-style nosuch: no such style (there are: " << inPlace << 0LL
                                   << 0LL << "" << none << none;
    QTest::newRow("-geometry") << QStringList {"-geometry", "800x600+10-20", "a"} << -1 << ""
                               << inPlace << 0LL << 0LL << "" << QStringList {"a"}
                               << QStringList {"-qwindowgeometry", "800x600+10-20"};
    QTest::newRow("-geometry big") << QStringList {"-geometry", "big", "a"} << 2
                                   << "-geometry big: expected WIDTHxHEIGHT+X+Y, like 800x600+50+50"
                                   << inPlace << 0LL << 0LL << "" << none << none;
    QTest::newRow("-stylesheet missing") << QStringList {"-stylesheet", "/nonexistent.qss", "a"}
                                         << 2 << "-stylesheet /nonexistent.qss: not a readable file"
                                         << inPlace << 0LL << 0LL << "" << none << none;
    // A file name after -- is never an option, for hexmap or for Qt.
    QTest::newRow("file named like an option")
        << QStringList {"--", "-reverse"} << -1 << "" << inPlace << 0LL << 0LL << ""
        << QStringList {"-reverse"} << none;
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
    QFETCH(QStringList, qtArguments);

    const CommandLine result = parseCommandLine(QStringList {"hexmap"} + arguments, offscreen());
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
    QCOMPARE(result.qtArguments, qtArguments);
    QCOMPARE(result.diff, arguments.contains("--diff"));
}

void TestCommandLine::helpHidesQtOptions()
{
    const QString help = parseCommandLine(QStringList {"hexmap", "--help"}, offscreen()).output;
    QVERIFY2(!help.contains("-platformpluginpath"), qPrintable(help));
    QVERIFY2(help.contains("--help-all"), qPrintable(help));
    const QString all = parseCommandLine(QStringList {"hexmap", "--help-all"}, offscreen()).output;
    for (const char *option : {"-platformpluginpath", "-display", "-style", "-qwindowgeometry"})
        QVERIFY2(all.contains(QLatin1String(option)), option);
}

void TestCommandLine::goToIsCheckedAgainstEachFile_data()
{
    QTest::addColumn<QStringList>("arguments"); // page, two: the files of one and two pages
    QTest::addColumn<QString>("error"); // empty: starts with goTo set

    const qint64 page = allocationGranularity();
    QTest::newRow("last byte") << QStringList {"--goto", "end - 1", "page"} << "";
    QTest::newRow("from the end") << QStringList {"--goto", "-16", "page", "two"} << "";
    QTest::newRow("end") << QStringList {"--goto", "end", "page"}
                         << QStringLiteral("--goto end: %1: %2 is outside the data (0 to %3); end "
                                           "is one past the last byte, which is end - 1")
                                .arg(m_page)
                                .arg(page)
                                .arg(page - 1);
    QTest::newRow("past the smaller file")
        << QStringList {"--goto", QString::number(page), "two", "page"}
        << QStringLiteral("--goto %1: %2: %1 is outside the data (0 to %3)")
               .arg(page)
               .arg(m_page)
               .arg(page - 1);
    QTest::newRow("inside the mapped window")
        << QStringList {"--offset", QString::number(page), "--goto", "end - 1", "two"} << "";
    QTest::newRow("past the mapped window")
        << QStringList {"--offset", QString::number(page), "--goto", QString::number(page), "two"}
        << QStringLiteral("is outside the data (0 to %1)").arg(page - 1);
    QTest::newRow("within --length") << QStringList {"--length", "16", "--goto", "16", "two"}
                                     << QStringLiteral("16 is outside the data (0 to 15)");
    QTest::newRow("empty file") << QStringList {"--goto", "0", "empty"}
                                << QStringLiteral("%1: there are no bytes to go to").arg(m_empty);
    // Mapping fails for these; the window says why.
    QTest::newRow("offset past the file")
        << QStringList {"--offset", QString::number(4 * page), "--goto", "0", "page"} << "";
    QTest::newRow("missing file") << QStringList {"--goto", "end", "missing"} << "";
}

void TestCommandLine::goToIsCheckedAgainstEachFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);

    arguments.replaceInStrings(QRegularExpression("^page$"), m_page);
    arguments.replaceInStrings(QRegularExpression("^two$"), m_twoPages);
    arguments.replaceInStrings(QRegularExpression("^empty$"), m_empty);
    arguments.replaceInStrings(QRegularExpression("^missing$"), m_dir.filePath("missing"));
    const CommandLine result = parseCommandLine(QStringList {"hexmap"} + arguments, offscreen());
    if (error.isEmpty()) {
        QVERIFY2(!result.exitCode, qPrintable(result.output));
        QVERIFY(result.goTo);
        return;
    }
    QCOMPARE(result.exitCode.value_or(-1), 2);
    QVERIFY2(result.output.contains(error), qPrintable(result.output));
    QVERIFY2(!result.output.contains("1099511627776"), "a stand-in size reached the message");
    QVERIFY2(!result.output.contains("9223372036854775807"), qPrintable(result.output));
}

void TestCommandLine::needsADisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("environment"); // added to one with no display
    QTest::addColumn<QString>("error"); // empty: starts

    const QString noDisplay
        = "hexmap: no display (DISPLAY and WAYLAND_DISPLAY are not set); run hexmap in an X11 or "
          "Wayland session, or headless with: xvfb-run hexmap FILE…\n";
    QTest::newRow("nothing set") << QStringList {"a"} << "" << noDisplay;
    QTest::newRow("no file either") << QStringList {} << "" << noDisplay;
    QTest::newRow("help needs none") << QStringList {"--help"} << ""
                                     << "";
    QTest::newRow("version needs none") << QStringList {"--version"} << ""
                                        << "";
    QTest::newRow("bad argument first") << QStringList {"--offset", "1", "a"} << ""
                                        << "not a multiple of the page size";
    QTest::newRow("X11") << QStringList {"a"} << "DISPLAY=:0"
                         << "";
    QTest::newRow("-display") << QStringList {"-display", ":0", "a"} << ""
                              << "";
    QTest::newRow("Wayland") << QStringList {"a"} << "WAYLAND_DISPLAY=wayland-1"
                             << "";
    QTest::newRow("Wayland's default socket") << QStringList {"a"} << "wayland-0"
                                              << "";
    QTest::newRow("xcb without DISPLAY")
        << QStringList {"a"} << "QT_QPA_PLATFORM=xcb WAYLAND_DISPLAY=wayland-1"
        << "hexmap: no display (DISPLAY is not set)";
    QTest::newRow("-platform xcb without DISPLAY")
        << QStringList {"-platform", "xcb", "a"} << "WAYLAND_DISPLAY=wayland-1"
        << "hexmap: no display (DISPLAY is not set)";
    QTest::newRow("-platform wins")
        << QStringList {"-platform", "xcb", "a"} << "QT_QPA_PLATFORM=offscreen"
        << "DISPLAY is not set";
    QTest::newRow("offscreen") << QStringList {"a"} << "QT_QPA_PLATFORM=offscreen"
                               << "";
    QTest::newRow("-platform offscreen") << QStringList {"-platform", "offscreen", "a"} << ""
                                         << "";
    QTest::newRow("QT_QPA_PLATFORM=foo")
        << QStringList {"a"} << "QT_QPA_PLATFORM=foo"
        << "hexmap: QT_QPA_PLATFORM=foo: no such platform plugin (there are: ";
}

void TestCommandLine::needsADisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environment);
    QFETCH(QString, error);

    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QProcessEnvironment variables = displayless(runtime.path());
    if (environment == QLatin1String("wayland-0")) {
        QFile socket(runtime.filePath("wayland-0"));
        QVERIFY(socket.open(QIODevice::WriteOnly));
    } else {
        insertAll(variables, environment);
    }
    const CommandLine result = parseCommandLine(QStringList {"hexmap"} + arguments, variables);
    if (error.isEmpty()) {
        QVERIFY2(result.exitCode.value_or(0) == 0, qPrintable(result.output));
        return;
    }
    QCOMPARE(result.exitCode.value_or(-1), 2);
    QVERIFY2(result.output.contains(error), qPrintable(result.output));
}

void TestCommandLine::namesMustBeUtf8()
{
    const CommandLine bad = parseCommandLine(QByteArrayList {"hexmap", "caf\xc3\xa9\xff.bin"});
    QCOMPARE(bad.exitCode.value_or(-1), 2);
    QVERIFY2(bad.output.startsWith("hexmap: caf\\xc3\\xa9\\xff.bin: the name is not valid UTF-8"),
        qPrintable(bad.output));
    const CommandLine good
        = parseCommandLine(QByteArrayList {"hexmap", "caf\xc3\xa9.bin"}, offscreen());
    QVERIFY2(!good.exitCode, qPrintable(good.output));
    QCOMPARE(good.files, QStringList {QStringLiteral("café.bin")});
}

void TestCommandLine::binaryWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments"); // "page": a file of one page
    QTest::addColumn<QString>("environment"); // added to one with no display
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output"); // contained in stdout (exit 0) or stderr

    QTest::newRow("--bogus") << QStringList {"--bogus"} << "" << 2
                             << "hexmap: Unknown option 'bogus'.\nTry 'hexmap --help'.\n";
    QTest::newRow("-platform foo") << QStringList {"-platform", "foo", "page"} << "" << 2
                                   << "hexmap: -platform foo: no such platform plugin";
    QTest::newRow("--offset 1") << QStringList {"--offset", "1", "page"} << "" << 2
                                << "hexmap: --offset 1: not a multiple of the page size";
    QTest::newRow("--goto end") << QStringList {"--goto", "end", "page"} << "" << 2
                                << "end is one past the last byte, which is end - 1";
    QTest::newRow("no display") << QStringList {"page"} << "" << 2
                                << "hexmap: no display (DISPLAY and WAYLAND_DISPLAY are not set)";
    // Named but not there: Qt fails to start its plugin, hexmap says why.
    QTest::newRow("unreachable display")
        << QStringList {"page"} << "DISPLAY=:4242" << 2 << "hexmap: cannot open a display (";
    QTest::newRow("--help") << QStringList {"--help"} << "" << 0 << "--goto <OFFSET>";
    QTest::newRow("--help-all") << QStringList {"--help-all"} << "" << 0 << "-platform";
    QTest::newRow("--version") << QStringList {"--version"} << "" << 0 << "hexmap ";
    QTest::newRow("name not UTF-8")
        << QStringList {"not-utf8"} << "" << 2 << "hexmap: x\\xff.bin: the name is not valid UTF-8";
}

void TestCommandLine::binaryWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environment);
    QFETCH(int, exitCode);
    QFETCH(QString, output);

    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QProcess hexmap;
    QProcessEnvironment variables = displayless(runtime.path());
    insertAll(variables, environment);
    hexmap.setProcessEnvironment(variables);
    arguments.replaceInStrings(QRegularExpression("^page$"), m_page);
    const QString binary = QStringLiteral(HEXMAP_BINARY);
    if (arguments == QStringList {"not-utf8"}) // QProcess passes only UTF-8: a shell makes the byte
        hexmap.start("/bin/sh", {"-c", "exec \"$0\" \"$(printf 'x\\377.bin')\"", binary});
    else
        hexmap.start(binary, arguments);
    QVERIFY2(hexmap.waitForFinished(30000), qPrintable(hexmap.errorString()));
    const QString out = QString::fromUtf8(hexmap.readAllStandardOutput());
    const QString err = QString::fromUtf8(hexmap.readAllStandardError());
    QCOMPARE(hexmap.exitStatus(), QProcess::NormalExit); // not SIGABRT
    QVERIFY2(hexmap.exitCode() == exitCode, qPrintable(err));
    QVERIFY2((exitCode == 0 ? out : err).contains(output), qPrintable(out + err));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
