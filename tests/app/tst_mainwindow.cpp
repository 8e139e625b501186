// The application end to end on real files: open, type, flush, save; files that
// cannot be mapped; a file truncated or grown by another process; closing with
// edits not yet flushed or saved (the message box is driven like a user would).
// File bytes are always read independently (pread).
#include "bookmarks.h"
#include "bookmarksdock.h"
#include "byteformat.h"
#include "cellpixels.h"
#include "closeprompt.h"
#include "compareview.h"
#include "document.h"
#include "documenttab.h"
#include "editor.h"
#include "hexview.h"
#include "mainwindow.h"
#include "messageboxes.h"
#include "scratchfile.h"
#include "statusfields.h"
#include "valueinspectordock.h"

#include <QClipboard>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <fcntl.h>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

using namespace hexmap;

namespace {

// Shows the window and makes it the active one, so that its shortcuts work.
void activate(MainWindow &window)
{
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

void typeInto(MainWindow &window, const QString &keys)
{
    QTest::keyClicks(window.currentTab()->view(), keys);
}

// Set in the environment of a copy of this test run as an unprivileged user.
constexpr char kUnprivilegedChild[] = "HEXMAP_TEST_UNPRIVILEGED_CHILD";

// Runs one function:row of this test binary again as the user nobody (setpriv, from
// util-linux), for what root cannot see, such as a file it may not read. The binary is
// handed to setpriv as an open descriptor (/proc/self/fd/N): executing it then checks
// only the file's own mode for nobody, not the folders above it, which may be closed
// to others (a clone in /root, a 0700 home). The child's temporary folder, HOME and
// runtime folder are a folder of its own under the system's temporary folder. Checks
// that the child ran that row, as nobody, and passed.
void runAsNobody(const QString &functionAndRow)
{
    const passwd *nobody = getpwnam("nobody");
    QVERIFY2(nobody, "there is no user nobody to run as");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    QVERIFY2(!setpriv.isEmpty(), "setpriv (util-linux) is not installed");

    QTemporaryDir home; // created 0700 by root: give it to nobody
    QVERIFY(home.isValid());
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QVERIFY(
        QDir(home.path()).mkdir(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    for (const QString &folder : {home.path(), runtime})
        QCOMPARE(chown(folder.toLocal8Bit().constData(), nobody->pw_uid, nobody->pw_gid), 0);

    // Not close-on-exec: setpriv passes it on to the program it executes.
    const int binary
        = ::open(QCoreApplication::applicationFilePath().toLocal8Bit().constData(), O_RDONLY);
    QVERIFY(binary >= 0);
    const auto closeBinary = qScopeGuard([binary] { ::close(binary); });

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("TMPDIR"), home.path());
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QString::fromLatin1(kUnprivilegedChild), QStringLiteral("1"));
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setWorkingDirectory(home.path());
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(setpriv,
        {QStringLiteral("--reuid=%1").arg(nobody->pw_uid),
            QStringLiteral("--regid=%1").arg(nobody->pw_gid), QStringLiteral("--clear-groups"),
            QStringLiteral("--"), QStringLiteral("/proc/self/fd/%1").arg(binary), functionAndRow});
    QVERIFY2(child.waitForFinished(60000), "the unprivileged run did not finish");
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(
        child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("as uid %1,").arg(nobody->pw_uid)), qPrintable(output));
    const QString function = functionAndRow.section(':', 0, 0);
    const QString row = functionAndRow.section(':', 1);
    QVERIFY2(output.contains(QStringLiteral("PASS   : TestMainWindow::%1(%2)").arg(function, row)),
        qPrintable(output));
    QVERIFY2(output.contains(
                 QRegularExpression(QStringLiteral("Totals: \\d+ passed, 0 failed, 0 skipped"))),
        qPrintable(output));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typeThenFlush();
    void insertAndDeleteWithUndo();
    void copyOnWriteSavesExactlyTheModifiedBytes();
    void unwritableFileOpensReadOnly();
    void filesThatCannotBeMapped_data();
    void filesThatCannotBeMapped();
    void emptyFileOpensEmptyAndGrows();
    void truncatedUnderneathKeepsRunning();
    void grownUnderneathOffersRemap();
    void closeInPlaceOffersFlushRevertCancel();
    void closeCopyOnWriteOffersSaveDiscardCancel();
    void scratchBufferSaveAs();
    void saveAsThroughTheWindow();
    void copyAsAndExportFollowTheCurrentTab();
    void goToAndStatusBar();
    void compareTwoFiles();
    void undoFollowsTheCurrentTab();
    void valueInspectorReadsAndWritesAtTheCursor();
    void bookmarksComeBackInANewWindow();
    void recentFilesAreRemembered();
    void droppedFilesOpen();
};

void TestMainWindow::initTestCase()
{
    static QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit()); // keep the user's settings out
    static QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toLocal8Bit()); // and the user's bookmarks
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("hexmap-test"));
}

void TestMainWindow::typeThenFlush()
{
    ScratchFile file(QByteArray(64, '.'));
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    QCOMPARE(window.tabCount(), 1);
    typeInto(window, "4142");
    QCOMPARE(file.contents().left(3), "AB."); // in place: the file's pages at once
    QVERIFY(window.statusFields()->text().contains("Modified since flush"));
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!window.statusFields()->text().contains("Modified since flush"));
    QVERIFY(!window.currentTab()->document()->hasUnsavedChanges());
    QCOMPARE(file.contents().left(3), "AB.");
}

void TestMainWindow::insertAndDeleteWithUndo()
{
    ScratchFile file(QByteArray("0123456789"));
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    HexView *view = window.currentTab()->view();
    // The Insert key switches to insert mode, which the status bar shows.
    QVERIFY(window.statusFields()->text().contains("OVR"));
    QTest::keyClick(view, Qt::Key_Insert);
    QVERIFY(view->editor()->insertMode());
    QVERIFY(window.statusFields()->text().contains("INS"));
    view->setCursorOffset(2);
    typeInto(window, "4142");
    QCOMPARE(file.contents(), QByteArray("01AB23456789"));
    view->setCursorOffset(12); // after the last byte: append
    QTest::keyClicks(view, "4");
    QCOMPARE(file.contents(), QByteArray("01AB23456789@"));
    QTest::keyClick(view, Qt::Key_Backspace);
    QCOMPARE(file.contents(), QByteArray("01AB23456789"));
    // Delete removes the selection, in either mode.
    QTest::keyClick(view, Qt::Key_Insert);
    QVERIFY(!view->editor()->insertMode());
    view->editor()->setSelection(5, 3);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(file.contents(), QByteArray("01AB26789"));
    QVERIFY(window.statusFields()->text().contains("Modified since flush"));
    // Undo, step by step, back to the file as it was.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(file.contents(), QByteArray("01AB23456789"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(file.contents(), QByteArray("0123456789"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(file.contents(), QByteArray("01AB23456789"));
}

void TestMainWindow::copyOnWriteSavesExactlyTheModifiedBytes()
{
    QByteArray original(3 * 4096, 'o');
    ScratchFile file(original);
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(
        QString::fromStdString(file.path()), {.mode = Document::Mode::CopyOnWrite}));
    typeInto(window, "5858");
    window.currentTab()->view()->setCursorOffset(5000);
    typeInto(window, "59");
    QCOMPARE(file.contents(), original); // untouched until Save
    QVERIFY(window.statusFields()->text().contains("Unsaved changes"));
    // A copy-on-write map cannot change length: insert and delete say why, and do nothing.
    for (const char *name : {"I&nsert Mode", "&Insert Bytes…", "&Delete"}) {
        QAction *action = nullptr;
        for (QAction *candidate : window.findChildren<QAction *>())
            action = candidate->text() == QString::fromUtf8(name) ? candidate : action;
        QVERIFY2(action && !action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains("Save As"), qPrintable(action->toolTip()));
    }
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QByteArray expected = original;
    expected[0] = 'X';
    expected[1] = 'X';
    expected[5000] = 'Y';
    QCOMPARE(file.contents(), expected);
    QVERIFY(!window.currentTab()->document()->hasUnsavedChanges());
}

void TestMainWindow::unwritableFileOpensReadOnly()
{
    // As root every file is writable, so make a read-only filesystem.
    QTemporaryDir mountPoint;
    const QByteArray where = mountPoint.path().toLocal8Bit();
    if (mount("hexmap-test", where.constData(), "tmpfs", 0, "size=1m") != 0)
        QSKIP("cannot mount a tmpfs here: needs root and mount rights");
    const auto unmount = qScopeGuard([&] { umount2(where.constData(), MNT_DETACH); });
    QFile data(mountPoint.filePath("locked.bin"));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("locked");
    data.close();
    QCOMPARE(mount(nullptr, where.constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0);

    MainWindow window;
    QVERIFY(window.openFile(data.fileName()));
    QVERIFY(window.lastMessage().contains("is not writable"));
    QVERIFY(window.lastMessage().contains("open read-only"));
    QCOMPARE(window.currentTab()->document()->mode(), Document::Mode::ReadOnly);
    QVERIFY(window.statusFields()->text().contains("Read-only"));
    typeInto(window, "00");
    QCOMPARE(window.lastMessage(), "The file is open read-only: edits are refused.");
}

void TestMainWindow::filesThatCannotBeMapped_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << "missing"
                             << "does not exist.";
    QTest::newRow("directory") << "directory"
                               << "is a folder, not a file.";
    QTest::newRow("fifo") << "fifo"
                          << "is a FIFO: hexmap maps regular files only.";
    QTest::newRow("not a directory") << "notdir"
                                     << "Not a directory.";
    QTest::newRow("unaligned offset") << "unaligned"
                                      << "The offset must be a multiple of 4096 bytes; 100 is not";
    QTest::newRow("window past the end") << "pastend"
                                         << "mmap length is greater than file size";
    QTest::newRow("unreadable") << "unreadable"
                                << "Permission denied";
}

void TestMainWindow::filesThatCannotBeMapped()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QString path = dir.filePath("target");
    Document::OpenOptions options;
    QFile plain(dir.filePath("plain.bin"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write("plain");
    plain.close();
    if (kind == "directory") {
        path = dir.path();
    } else if (kind == "fifo") {
        QCOMPARE(mkfifo(path.toLocal8Bit().constData(), 0600), 0);
    } else if (kind == "notdir") {
        path = plain.fileName() + "/inside";
    } else if (kind == "unaligned") {
        path = plain.fileName();
        options.offset = 100;
    } else if (kind == "pastend") {
        path = plain.fileName();
        options.length = 4096;
    } else if (kind == "unreadable") {
        if (qEnvironmentVariableIsSet(kUnprivilegedChild)) {
            QVERIFY2(geteuid() != 0, "the unprivileged run is root");
            qInfo("running as uid %u, gid %u", unsigned(geteuid()), unsigned(getegid()));
        } else if (geteuid() == 0) {
            // Root reads every file: ask an unprivileged user to open it instead.
            runAsNobody(QStringLiteral("filesThatCannotBeMapped:unreadable"));
            return;
        }
        path = plain.fileName();
        QVERIFY(plain.setPermissions({}));
    }
    MainWindow window;
    window.show();
    QVERIFY(!window.openFile(path, options));
    QCOMPARE(window.tabCount(), 0);
    QVERIFY2(window.lastMessage().contains(message), qPrintable(window.lastMessage()));
}

void TestMainWindow::emptyFileOpensEmptyAndGrows()
{
    ScratchFile file("");
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    Document *model = window.currentTab()->document();
    QCOMPARE(model->size(), 0);
    HexView *view = window.currentTab()->view();
    const QColor base = view->palette().color(QPalette::Base);
    // No byte, no cursor: the first line is blank where bytes would be.
    QImage picture = cellpixels::picture(*view);
    for (const Pane pane : {Pane::Hex, Pane::Text}) {
        const QString why = cellpixels::mismatch(*view, picture, 0, pane, QColor(), base);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    typeInto(window, "41"); // nothing to overwrite, nothing happens
    QVERIFY(model->resize(16));
    typeInto(window, "41");
    QCOMPARE(file.contents(), QByteArray("A") + QByteArray(15, '\0'));
    // The new bytes show: a printable 'A', then zeros, each in its class's colour.
    view->setCursorOffset(15);
    QVERIFY(model->flush()); // no "modified" tint over them
    picture = cellpixels::picture(*view);
    for (const qint64 offset : {0, 1, 14}) {
        const QString why = cellpixels::byteMismatch(*view, picture, offset, offset == 0 ? 'A' : 0);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
}

void TestMainWindow::truncatedUnderneathKeepsRunning()
{
    ScratchFile file(QByteArray(4 * 4096, 't'));
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    DocumentTab *tab = window.currentTab();
    tab->view()->setCursorOffset(4 * 4096 - 1);
    file.truncate(4096 + 100);
    QTRY_VERIFY(tab->diskNotice().contains("truncated this file (16384 → 4196 bytes)"));
    // The vanished bytes show as "··" ("·" in the text pane).
    HexView *view = tab->view();
    QImage picture = cellpixels::picture(*view);
    for (const qint64 offset : {4 * 4096 - 2, 4 * 4096 - 17}) {
        for (const Pane pane : {Pane::Hex, Pane::Text}) {
            const QString why = cellpixels::missingMismatch(*view, picture, offset, pane);
            QVERIFY2(why.isEmpty(), qPrintable(why));
        }
    }
    typeInto(window, "00");
    QVERIFY(window.lastMessage().contains("can no longer be read"));
    QVERIFY(window.statusFields()->text().contains("gone from the file"));
    QCOMPARE(file.size(), 4096 + 100);
    tab->view()->setCursorOffset(4096 + 99);
    // Where the file now ends: 't' up to it, "··" past it.
    picture = cellpixels::picture(*view);
    QString why = cellpixels::byteMismatch(*view, picture, 4096 + 98, 't');
    QVERIFY2(why.isEmpty(), qPrintable(why));
    why = cellpixels::missingMismatch(*view, picture, 4096 + 100, Pane::Hex);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    typeInto(window, "7a");
    QCOMPARE(file.contents().at(4096 + 99), 'z'); // what is still there still edits
}

void TestMainWindow::grownUnderneathOffersRemap()
{
    ScratchFile file(QByteArray(100, 'g'));
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    DocumentTab *tab = window.currentTab();
    QFile grow(QString::fromStdString(file.path()));
    QVERIFY(grow.open(QIODevice::Append));
    grow.write(QByteArray(9000, 'h'));
    grow.close();
    QTRY_VERIFY(tab->diskNotice().contains("larger (100 → 9100 bytes)"));
    QPushButton *remap = nullptr;
    for (QPushButton *button : tab->findChildren<QPushButton *>()) {
        if (button->text() == "Map the whole file")
            remap = button;
    }
    QVERIFY(remap && remap->isVisible());
    remap->click();
    QCOMPARE(tab->document()->size(), 9100);
    QVERIFY(tab->diskNotice().isEmpty());
}

void TestMainWindow::closeInPlaceOffersFlushRevertCancel()
{
    ScratchFile file(QByteArray(32, '.'));
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    typeInto(window, "41");
    const QString notFlushed = "has edits that are not flushed to disk";
    PromptAnswer cancel = answerNextPrompt(notFlushed, "Cancel");
    QVERIFY(!window.closeTab(0));
    QVERIFY2(cancel.answered(), cancel.failure());
    QCOMPARE(window.tabCount(), 1);
    // Revert undoes back to the last flush (here: the opening).
    PromptAnswer revert = answerNextPrompt(notFlushed, "Revert");
    QVERIFY(window.closeTab(0));
    QVERIFY2(revert.answered(), revert.failure());
    QCOMPARE(window.tabCount(), 0);
    QCOMPARE(file.contents(), QByteArray(32, '.'));

    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    typeInto(window, "42");
    PromptAnswer flush = answerNextPrompt(notFlushed, "Flush");
    window.close(); // closing the window asks too
    QVERIFY2(flush.answered(), flush.failure());
    QCOMPARE(window.tabCount(), 0);
    QCOMPARE(file.contents().at(0), 'B');
}

void TestMainWindow::closeCopyOnWriteOffersSaveDiscardCancel()
{
    ScratchFile file(QByteArray(32, '.'));
    MainWindow window;
    window.show();
    const Document::OpenOptions copy {.mode = Document::Mode::CopyOnWrite};
    QVERIFY(window.openFile(QString::fromStdString(file.path()), copy));
    typeInto(window, "41");
    const QString notSaved = "has changes that are not saved";
    PromptAnswer discard = answerNextPrompt(notSaved, "Discard");
    QVERIFY(window.closeTab(0));
    QVERIFY2(discard.answered(), discard.failure());
    QCOMPARE(file.contents(), QByteArray(32, '.'));

    QVERIFY(window.openFile(QString::fromStdString(file.path()), copy));
    typeInto(window, "43");
    PromptAnswer save = answerNextPrompt(notSaved, "Save");
    QVERIFY(window.closeTab(0));
    QVERIFY2(save.answered(), save.failure());
    QCOMPARE(file.contents(), "C" + QByteArray(31, '.'));
}

void TestMainWindow::scratchBufferSaveAs()
{
    Document::OpenResult result = Document::scratch(8);
    QVERIFY(result.document);
    QVERIFY(result.document->overwrite(0, "scratch!"));
    QVERIFY(result.document->hasUnsavedChanges());
    QTemporaryDir dir;
    QString error;
    QVERIFY(result.document->saveAs(dir.filePath("out.bin"), &error));
    QFile out(dir.filePath("out.bin"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll(), "scratch!");
    QVERIFY(!result.document->saveAs(dir.filePath("missing/out.bin"), &error));
    QVERIFY(!error.isEmpty());

    // Progress reaches the caller, which can cancel: then no file is left behind.
    Document::OpenResult big = Document::scratch(qint64(8) << 20);
    QList<qint64> seen;
    QVERIFY(!big.document->saveAs(dir.filePath("big.bin"), &error, [&](qint64 done, qint64 total) {
        seen << done;
        return total == qint64(8) << 20 && done < qint64(3) << 20;
    }));
    QCOMPARE(seen, (QList<qint64> {0, 1 << 20, 2 << 20, 3 << 20}));
    QCOMPARE(error,
        QStringLiteral("Save As was canceled: %1 was not written.").arg(dir.filePath("big.bin")));
    QVERIFY(!QFile::exists(dir.filePath("big.bin")));
}

void TestMainWindow::saveAsThroughTheWindow()
{
    // A copy-on-write edit written to a new file; the tab goes on with that file.
    ScratchFile original(QByteArray(8 << 20, 'o'));
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(
        QString::fromStdString(original.path()), {.mode = Document::Mode::CopyOnWrite}));
    QVERIFY(window.currentTab()->document()->overwrite((8 << 20) - 1, "!"));
    QTemporaryDir dir;
    const QString copy = dir.filePath("copy.bin");
    QVERIFY(window.saveCurrentAs(copy));
    QFile written(copy);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), QByteArray((8 << 20) - 1, 'o') + "!");
    QCOMPARE(original.contents(), QByteArray(8 << 20, 'o'));
    QCOMPARE(window.currentTab()->document()->path(), QFileInfo(copy).absoluteFilePath());
    QCOMPARE(window.currentTab()->document()->mode(), Document::Mode::CopyOnWrite);
    QVERIFY(!window.saveCurrentAs(dir.filePath("missing/copy.bin")));
    QVERIFY(window.lastMessage().startsWith("Cannot write"));
}

// Edit ▸ Copy As (its shortcut and its menu) and File ▸ Export Selection in the real
// window, on the selection of whichever tab is current.
void TestMainWindow::copyAsAndExportFollowTheCurrentTab()
{
    ScratchFile first(QByteArray("first file: ") + QByteArray(100, 'a'));
    ScratchFile second(QByteArray("second file, other bytes \x01\x02\xff"));
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(QString::fromStdString(first.path())));
    QVERIFY(window.openFile(QString::fromStdString(second.path())));
    QCOMPARE(window.tabCount(), 2);
    const auto action = [&](const QString &text) {
        for (QAction *candidate : window.findChildren<QAction *>()) {
            if (candidate->text() == text)
                return candidate;
        }
        return static_cast<QAction *>(nullptr);
    };
    QVERIFY(action("Rust Array"));
    QVERIFY(!action("Raw Bytes")); // the clipboard has the raw bytes anyway

    window.currentTab()->view()->setSelection(7, 20);
    QTest::keyClick(
        window.currentTab()->view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QByteArray secondBytes = second.contents().mid(7, 20);
    QCOMPARE(QGuiApplication::clipboard()->text(),
        QString::fromLatin1(ByteFormatter::format(ByteFormat::HexText, secondBytes)));
    action("Rust Array")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
        QString::fromLatin1(ByteFormatter::format(ByteFormat::Rust, secondBytes)));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(Editor::kRawMime), secondBytes);

    // The first tab: its own selection, its own bytes.
    window.findChild<QTabWidget *>()->setCurrentIndex(0);
    window.currentTab()->view()->setSelection(2, 30);
    action("xxd Dump")->trigger();
    const QByteArray firstBytes = first.contents().mid(2, 30);
    QCOMPARE(QGuiApplication::clipboard()->text(),
        QString::fromLatin1(ByteFormatter::format(ByteFormat::Xxd, firstBytes, 2)));
    QTemporaryDir dir;
    QVERIFY(window.exportSelection(dir.filePath("first.py"), ByteFormat::Python));
    QCOMPARE(fileContents(dir.filePath("first.py").toStdString()),
        ByteFormatter::format(ByteFormat::Python, firstBytes));
    QVERIFY2(window.lastMessage().startsWith("Exported 30 bytes as Python Bytes"),
        qPrintable(window.lastMessage()));

    // Onto a file a tab maps (this one, or the other tab's): refused, both files intact.
    for (const ScratchFile *open : {&first, &second}) {
        const QByteArray before = open->contents();
        QVERIFY(!window.exportSelection(QString::fromStdString(open->path()), ByteFormat::Raw));
        QVERIFY2(
            window.lastMessage().contains("is open in hexmap"), qPrintable(window.lastMessage()));
        QCOMPARE(open->contents(), before);
    }

    // Without a selection there is nothing to export, and the window says so.
    window.currentTab()->view()->setCursorOffset(0);
    QVERIFY(!window.exportSelection(dir.filePath("none.txt"), ByteFormat::HexText));
    QVERIFY(!QFile::exists(dir.filePath("none.txt")));
    QVERIFY2(
        window.lastMessage().startsWith("Nothing is selected"), qPrintable(window.lastMessage()));
}

void TestMainWindow::goToAndStatusBar()
{
    ScratchFile file(QByteArray(300, 'a') + "Z");
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    QVERIFY(window.goTo("-1"));
    QCOMPARE(window.currentTab()->view()->cursorOffset(), 300);
    const QString status = window.statusFields()->text();
    QVERIFY2(status.contains("Offset 0x12C (300)"), qPrintable(status));
    QVERIFY2(status.contains("Value 0x5a (90) 'Z'"), qPrintable(status));
    QVERIFY2(status.contains("Map 301 bytes, file 301 bytes"), qPrintable(status));
    QVERIFY2(status.contains("Edit in place"), qPrintable(status));
    QVERIFY(!window.goTo("400"));
    QVERIFY(window.lastMessage().contains("outside the data"));
    window.currentTab()->view()->setSelection(16, 32);
    QVERIFY(window.statusFields()->text().contains("Selection 0x10, 32 bytes"));
}

// Compare in the real window: the list, F7 / Shift+F7 in the view, the cursors and the
// status line of both sides, the tail only in B, and an edit on side A updating all that.
void TestMainWindow::compareTwoFiles()
{
    QByteArray bytesA(64 << 10, '\0');
    for (qsizetype i = 1; i < bytesA.size(); ++i)
        bytesA[i] = char(i * 7 % 251 + 1);
    QByteArray bytesB = bytesA + QByteArray(10, 'T');
    bytesB.replace(100, 3, "xyz");
    bytesB[5000] = char(bytesA[5000] ^ 0x40);
    ScratchFile a(bytesA);
    ScratchFile b(bytesB);
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(a.path())));
    QVERIFY(window.openFile(QString::fromStdString(b.path())));
    CompareView *compare = window.compare(0, 1);
    QVERIFY(compare);
    QApplication::setActiveWindow(compare);
    QVERIFY(QTest::qWaitForWindowActive(compare));
    // The summary is shown when the job's finished() arrives, after isListing() is false.
    QTRY_COMPARE(compare->summaryText(), "2 ranges differ (4 bytes). 10 bytes only in B.");
    QCOMPARE(compare->differenceList()->model()->rowCount(), 2);
    QCOMPARE(compare->differenceList()->model()->index(0, 3).data().toString(), "C7 CE D5");
    QCOMPARE(compare->differenceList()->model()->index(0, 4).data().toString(), "78 79 7A");

    HexView *viewA = compare->view(Comparison::Side::A);
    HexView *viewB = compare->view(Comparison::Side::B);
    viewA->setFocus();
    QTest::keyClick(viewA, Qt::Key_F7);
    QCOMPARE(viewA->cursorOffset(), 100);
    QCOMPARE(viewB->cursorOffset(), 100);
    QVERIFY2(compare->statusText().contains("A 0x64: C7 · B 0x64: 78 (differ)"),
        qPrintable(compare->statusText()));
    QTest::keyClick(viewA, Qt::Key_F7);
    QCOMPARE(viewA->cursorOffset(), 5000);
    QTest::keyClick(viewA, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(viewA->cursorOffset(), 100);
    // From B, past the last difference: the tail only in B.
    viewB->setFocus();
    viewB->setCursorOffset(6000);
    QTest::keyClick(viewB, Qt::Key_F7);
    QCOMPARE(viewB->cursorOffset(), 64 << 10);
    QVERIFY2(compare->statusText().contains("B 0x10000: 54 · A 0x10000: none (only in B)"),
        qPrintable(compare->statusText()));
    // Back from inside the tail: the start of the run before it.
    viewB->setCursorOffset((64 << 10) + 5);
    QTest::keyClick(viewB, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(viewB->cursorOffset(), 5000);
    const Comparison::Marks marks = compare->comparison()->marks(Comparison::Side::B, 0, 70000);
    QCOMPARE(marks.differing.bytes(), 4);
    QCOMPARE(marks.onlyHere.ranges(), (std::vector<RangeSet::Range> {{64 << 10, (64 << 10) + 10}}));

    // An edit on side A (the byte at 0 becomes 0xff) is a third difference.
    viewA->setFocus();
    viewA->setCursorOffset(0);
    QTest::keyClicks(viewA, "ff");
    QCOMPARE(a.contents().at(0), '\xff');
    QTRY_COMPARE(compare->summaryText(), "3 ranges differ (5 bytes). 10 bytes only in B.");
    viewA->setCursorOffset(50);
    QTest::keyClick(viewA, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(viewA->cursorOffset(), 0);

    // Closing a tab closes the comparison over it.
    const QPointer<CompareView> watched(compare);
    QVERIFY(window.closeTab(1));
    QTRY_VERIFY(watched.isNull());
}

void TestMainWindow::recentFilesAreRemembered()
{
    ScratchFile file("recent");
    MainWindow window;
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    QCOMPARE(QSettings().value("recentFiles").toStringList().value(0),
        QString::fromStdString(file.path()));
}

void TestMainWindow::droppedFilesOpen()
{
    ScratchFile first("first");
    ScratchFile second("second");
    MainWindow window;
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(first.path())),
        QUrl::fromLocalFile(QString::fromStdString(second.path()))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.tabCount(), 2);
    QCOMPARE(window.currentTab()->document()->read(0, 6).bytes, "second");
}

// The Edit menu's Undo and Redo follow the current tab's history (a QUndoGroup), name
// the step, and go through the document: a step that cannot be done stays.
void TestMainWindow::undoFollowsTheCurrentTab()
{
    ScratchFile first(QByteArray(2 * 4096, '1'));
    ScratchFile second(QByteArray(64, '2'));
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(QString::fromStdString(first.path())));
    window.currentTab()->view()->setCursorOffset(5000);
    typeInto(window, "41");
    QVERIFY(window.openFile(QString::fromStdString(second.path())));
    const auto undoAction = [&window] {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(QKeySequence::Undo))
                return action;
        }
        return static_cast<QAction *>(nullptr);
    };
    QAction *undo = undoAction();
    QVERIFY(undo);
    QVERIFY(!undo->isEnabled()); // the second file has no history
    QCOMPARE(undo->text(), "&Undo");

    window.findChild<QTabWidget *>()->setCurrentIndex(0);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), "&Undo Typing");

    first.truncate(4096); // the typed byte's page is gone: the step cannot be undone now
    undo->trigger();
    QCOMPARE(first.size(), 4096);
    QVERIFY(undo->isEnabled()); // it stays, for when the file grows back
    QVERIFY2(window.lastMessage().contains("Undo failed"), qPrintable(window.lastMessage()));

    first.truncate(2 * 4096);
    undo->trigger();
    QVERIFY(!undo->isEnabled());
    QCOMPARE(first.contents().at(5000), '1'); // the byte from before the typing
}

// The dock follows the cursor; Return in a field writes the value's bytes as one undo
// step, which the window's Undo takes back; a refused value says why and writes nothing.
void TestMainWindow::valueInspectorReadsAndWritesAtTheCursor()
{
    ScratchFile file(QByteArray::fromHex("00000000d2040000ff"));
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    ValueInspectorDock *dock = window.valueInspector();
    QVERIFY(dock->isVisible()); // on by default
    QLineEdit *int32 = dock->field(values::Type::Int32);
    QLineEdit *uint64 = dock->field(values::Type::UInt64);
    QCOMPARE(int32->text(), "0");

    QVERIFY(window.goTo("4"));
    QCOMPARE(int32->text(), "1234");
    QCOMPARE(uint64->text(), QString());
    QCOMPARE(uint64->placeholderText(), "needs 8 bytes, 5 left");

    int32->setFocus();
    int32->selectAll();
    QTest::keyClicks(int32, "-2");
    QTest::keyClick(int32, Qt::Key_Return);
    QCOMPARE(file.contents().toHex(), "00000000feffffffff");
    QCOMPARE(window.currentTab()->view()->cursorOffset(), 4);
    QCOMPARE(dock->field(values::Type::Int8)->text(), "-2");

    QTest::keyClicks(int32, "x");
    QTest::keyClick(int32, Qt::Key_Return);
    QVERIFY2(dock->message().startsWith("int32 not written"), qPrintable(dock->message()));
    QCOMPARE(file.contents().toHex(), "00000000feffffffff");

    window.currentTab()->view()->setFocus();
    QTest::keyClick(window.currentTab()->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(file.contents().toHex(), "00000000d2040000ff");
    QCOMPARE(int32->text(), "1234");
}

void TestMainWindow::bookmarksComeBackInANewWindow()
{
    ScratchFile file(QByteArray(256, 'b'));
    const QString path = QString::fromStdString(file.path());
    {
        MainWindow window;
        activate(window);
        QVERIFY(window.openFile(path));
        BookmarksDock *dock = window.bookmarksDock();
        QVERIFY(dock->isVisible());
        HexView *view = window.currentTab()->view();
        view->setSelection(0x10, 4);
        QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
        QVERIFY(window.goTo("0x40"));
        QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
        const QAbstractItemModel *table = dock->table()->model();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->index(0, Bookmarks::OffsetColumn).data().toString(), "0x10");
        QCOMPARE(table->index(0, Bookmarks::LengthColumn).data().toString(), "4");
        QCOMPARE(table->index(0, Bookmarks::PreviewColumn).data().toString(), "62 62 62 62");
        QCOMPARE(table->index(1, Bookmarks::OffsetColumn).data().toString(), "0x40");

        // Drawn under the bytes, in the bookmark's colour, in both panes.
        QVERIFY(window.goTo("0"));
        const QImage picture = cellpixels::picture(*view);
        for (const Pane pane : {Pane::Hex, Pane::Text}) {
            const QRect cell = cellpixels::cellRect(*view, 0x12, pane);
            QCOMPARE(
                picture.pixelColor(cell.center().x(), cell.bottom()), Bookmarks::palette().at(0));
            QVERIFY(
                picture.pixelColor(cell.center().x(), cell.top()) != Bookmarks::palette().at(0));
        }

        // Next and previous, wrapping, with Okteta's keys.
        QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(view->cursorOffset(), 0x10);
        QCOMPARE(view->selectionLength(), 4);
        QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(view->cursorOffset(), 0x40);
        QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(view->cursorOffset(), 0x10);
        QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(view->cursorOffset(), 0x40);

        // Toggling inside one removes it; renamed in the dock.
        QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(dock->table()->model()->setData(table->index(0, Bookmarks::NameColumn), "header"));

        // In the dock: Delete removes the selected one, Return goes to one.
        QVERIFY(window.goTo("0x80"));
        QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(table->rowCount(), 2);
        dock->table()->setFocus();
        dock->table()->selectRow(1);
        QTest::keyClick(dock->table(), Qt::Key_Delete);
        QCOMPARE(table->rowCount(), 1);
        dock->table()->selectRow(0);
        QTest::keyClick(dock->table(), Qt::Key_Return);
        QCOMPARE(view->cursorOffset(), 0x10);
        QCOMPARE(view->selectionLength(), 4);

        // Save As takes them to the new file.
        QTemporaryDir dir;
        QVERIFY(window.saveCurrentAs(dir.filePath("copy.bin")));
        QCOMPARE(dock->table()->model()->rowCount(), 1);
        QCOMPARE(
            dock->table()->model()->index(0, Bookmarks::NameColumn).data().toString(), "header");
    }
    {
        MainWindow window;
        activate(window);
        QVERIFY(window.openFile(path));
        const QAbstractItemModel *table = window.bookmarksDock()->table()->model();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->index(0, Bookmarks::OffsetColumn).data().toString(), "0x10");
        QCOMPARE(table->index(0, Bookmarks::NameColumn).data().toString(), "header");
    }

    // Another program saves a new file over the path: its bookmarks are not the old ones.
    {
        QFile replacement(path + ".new");
        QVERIFY(replacement.open(QIODevice::WriteOnly));
        replacement.write(QByteArray(256, 'n'));
    }
    QCOMPARE(::rename(qPrintable(path + ".new"), qPrintable(path)), 0);
    MainWindow window;
    activate(window);
    QVERIFY(window.openFile(path));
    QCOMPARE(window.bookmarksDock()->table()->model()->rowCount(), 0);
    QVERIFY2(window.bookmarksDock()->message().contains("not applied"),
        qPrintable(window.bookmarksDock()->message()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
