// The map's own dialogs on real files: Go to, Resize (file checked on disk, refused
// where the contract forbids), Flush (modified ranges cleared, bytes on disk), and
// Memory advice with the residency strip watching pages come and go.
#include "advicedialog.h"
#include "document.h"
#include "documenttab.h"
#include "entropystrip.h"
#include "flushdialog.h"
#include "gotodialog.h"
#include "hexview.h"
#include "messageboxes.h"
#include "residencystrip.h"
#include "resizedialog.h"
#include "scratchfile.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <fcntl.h>

using namespace hexmap;

namespace {
const qint64 kPage = 4096;

std::unique_ptr<DocumentTab> tabFor(
    const QString &path, Document::Mode mode = Document::Mode::InPlace)
{
    Document::OpenResult opened = Document::open(path, {.mode = mode});
    if (!opened.document)
        qFatal("%s", qPrintable(opened.error));
    auto tab = std::make_unique<DocumentTab>(std::move(opened.document));
    tab->resize(800, 400);
    tab->show();
    return tab;
}

QPushButton *okButton(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestMapDialogs : public QObject
{
    Q_OBJECT

private slots:
    void goToParsesAndSaysWhy();
    void resizeGrowsAndShrinksTheFile();
    void resizeIsRefusedWhereTheContractForbids();
    void flushClearsTheModifiedRanges();
    void flushExplainsReadOnlyAndCopyOnWrite();
    void willNeedBringsEvictedPagesIn();
    void dontNeedFreesAnonymousPages();
    void adviceWantsAnAlignedStart();
};

void TestMapDialogs::goToParsesAndSaysWhy()
{
    GoToDialog dialog(1000, 100);
    auto *input = dialog.findChild<QLineEdit *>("offset");
    auto *note = dialog.findChild<QLabel *>("note");
    input->setText("+0x10");
    QCOMPARE(dialog.offset(), 116);
    QCOMPARE(note->text(), "→ 0x74 (116)");
    QVERIFY(okButton(dialog)->isEnabled());
    input->setText("end - 1");
    QCOMPARE(dialog.offset(), 999);
    input->setText("2K");
    QVERIFY(!dialog.offset());
    QCOMPARE(note->text(), "2048 is outside the data (0 to 999)");
    QVERIFY(!okButton(dialog)->isEnabled());
}

void TestMapDialogs::resizeGrowsAndShrinksTheFile()
{
    ScratchFile file(QByteArray(100, 'r'));
    auto tab = tabFor(QString::fromStdString(file.path()));
    Document *model = tab->document();
    {
        ResizeDialog dialog(model);
        dialog.findChild<QLineEdit *>("size")->setText("8K");
        QCOMPARE(dialog.findChild<QLabel *>("note")->text(),
            QStringLiteral("Adds %1 zero bytes.").arg(QLocale().toString(8192 - 100)));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(file.size(), 8192);
    {
        ResizeDialog dialog(model);
        dialog.findChild<QLineEdit *>("size")->setText("0x10");
        // The confirmation names the cut.
        const QString cut
            = QStringLiteral("Cut the last %1 bytes").arg(QLocale().toString(8192 - 16));
        PromptAnswer cancel = answerNextPrompt(cut, "Cancel");
        dialog.accept();
        QVERIFY2(cancel.answered(), cancel.failure());
        QCOMPARE(file.size(), 8192);
        PromptAnswer confirm = answerNextPrompt(cut, "Cut");
        dialog.accept();
        QVERIFY2(confirm.answered(), confirm.failure());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(file.contents(), QByteArray(16, 'r'));
    model->undoStack()->undo();
    QCOMPARE(file.size(), 8192);
    QCOMPARE(file.contents().left(100), QByteArray(100, 'r'));
}

void TestMapDialogs::resizeIsRefusedWhereTheContractForbids()
{
    ScratchFile file(QByteArray(100, 'r'));
    for (const auto mode : {Document::Mode::ReadOnly, Document::Mode::CopyOnWrite}) {
        auto tab = tabFor(QString::fromStdString(file.path()), mode);
        ResizeDialog dialog(tab->document());
        QVERIFY(!dialog.findChild<QLineEdit *>("size")->isEnabled());
        QVERIFY(!okButton(dialog)->isEnabled());
        const QString note = dialog.findChild<QLabel *>("note")->text();
        // The mode in the user's words, and the core's own reason.
        QVERIFY2(note.contains(Document::modeName(mode).toLower())
                && note.contains("mmap can't resize a readonly or copy-on-write memory map"),
            qPrintable(note));
    }
    Document::OpenResult noFd
        = Document::open(QString::fromStdString(file.path()), {.trackfd = false});
    DocumentTab tab(std::move(noFd.document));
    const QString why = tab.document()->whyNot(Document::Operation::Resize);
    QVERIFY2(why.contains(QString::fromStdString(
                 *tab.document()->file().whyNot(MappedFile::Operation::Resize))),
        qPrintable(why));

    // A size the core rejects shows the core's words and keeps the dialog open.
    auto writable = tabFor(QString::fromStdString(file.path()));
    ResizeDialog dialog(writable->document());
    dialog.findChild<QLineEdit *>("size")->setText("1000000T"); // past any file size limit
    dialog.accept();
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    const QString note = dialog.findChild<QLabel *>("note")->text();
    QVERIFY2(
        note.startsWith("Cannot resize to 1099511627776000000 bytes: [Errno 27] File too large"),
        qPrintable(note));
    QCOMPARE(file.size(), 100);
}

void TestMapDialogs::flushClearsTheModifiedRanges()
{
    ScratchFile file(QByteArray(4 * kPage, '.'));
    auto tab = tabFor(QString::fromStdString(file.path()));
    Document *model = tab->document();
    model->overwrite(10, "one");
    model->overwrite(3 * kPage + 5, "two");
    {
        FlushDialog dialog(model, kPage + 1, 10);
        const auto selection = dialog.ranges(FlushDialog::Scope::Selection);
        QCOMPARE(selection.size(), 1u);
        QCOMPARE(selection.front(), (RangeSet::Range {kPage, 2 * kPage})); // widened to the page
        QCOMPARE(dialog.ranges(FlushDialog::Scope::ModifiedRanges),
            (std::vector<RangeSet::Range> {{0, kPage}, {3 * kPage, 4 * kPage}}));
        QSignalSpy flushed(&dialog, &FlushDialog::flushed);
        dialog.setScope(FlushDialog::Scope::ModifiedRanges);
        dialog.flush();
        QVERIFY(flushed.wait(10000));
        QVERIFY(flushed[0][0].toBool());
        QCOMPARE(dialog.message(),
            QStringLiteral("Flushed %1 bytes to disk.").arg(QLocale().toString(2 * kPage)));
    }
    QVERIFY(model->modifiedRanges().empty());
    QVERIFY(model->undoStack()->isClean());
    QCOMPARE(file.contents().mid(10, 3), "one");
    QCOMPARE(file.contents().mid(3 * kPage + 5, 3), "two");

    model->overwrite(2 * kPage, "x");
    FlushDialog selectionOnly(model, 0, 5); // a page without edits: the edit stays
    QSignalSpy flushed(&selectionOnly, &FlushDialog::flushed);
    selectionOnly.setScope(FlushDialog::Scope::Selection);
    selectionOnly.flush();
    QVERIFY(flushed.wait(10000));
    QCOMPARE(model->modifiedRanges().bytes(), 1);
}

void TestMapDialogs::flushExplainsReadOnlyAndCopyOnWrite()
{
    ScratchFile file(QByteArray(kPage, '.'));
    auto copy = tabFor(QString::fromStdString(file.path()), Document::Mode::CopyOnWrite);
    copy->document()->overwrite(0, "c");
    FlushDialog dialog(copy->document(), 0, 0);
    QVERIFY2(dialog.message().contains("Use File ▸ Save."), qPrintable(dialog.message()));
    dialog.flush(); // does nothing
    QVERIFY(!dialog.isFlushing());
    QCOMPARE(copy->document()->modifiedRanges().bytes(), 1);
    auto readOnly = tabFor(QString::fromStdString(file.path()), Document::Mode::ReadOnly);
    QVERIFY(readOnly->document()->whyNot(Document::Operation::Flush).contains("readonly"));
}

void TestMapDialogs::willNeedBringsEvictedPagesIn()
{
    const qint64 pages = 16384; // 64 MiB: more than read-ahead brings in
    ScratchFile file(QByteArray(pages * kPage, 'w'));
    auto tab = tabFor(QString::fromStdString(file.path()));
    // Out of the page cache (all but the pages the view has mapped to paint).
    QCOMPARE(fdatasync(file.fd()), 0);
    QCOMPARE(posix_fadvise(file.fd(), 0, 0, POSIX_FADV_DONTNEED), 0);
    ResidencyStrip *strip = tab->residencyStrip();
    QSignalSpy scanned(strip, &ResidencyStrip::scanned);
    strip->refresh();
    QTRY_VERIFY(scanned.size() > 0);
    QCOMPARE(strip->totalPages(), pages);
    const qint64 before = strip->residentPages();
    QVERIFY2(before < pages / 2, qPrintable(QString::number(before)));

    // 4 MiB in the middle: less than the kernel reads for one WILLNEED (read-ahead size).
    const qint64 start = 32 << 20;
    const qint64 length = 4 << 20;
    AdviceDialog dialog(tab->document(), 0, 0);
    QVERIFY(dialog.selectAdvice("MADV_WILLNEED"));
    dialog.setCustomRange(QString::number(start), QString::number(length));
    QVERIFY2(dialog.apply(), qPrintable(dialog.message()));
    QCOMPARE(dialog.message(), QStringLiteral("MADV_WILLNEED applied to %1 bytes.").arg(length));
    // WILLNEED reads ahead in the background: wait until the range is in, then for the
    // strip, which rescans twice a second, to show it.
    const MemoryMap *map = tab->document()->file().map();
    const auto rangeResident = [&] {
        const Bytes range = map->residency(start, length);
        return std::all_of(range.begin(), range.end(), [](std::uint8_t page) { return page & 1; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(rangeResident(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(strip->residentPages() >= before + length / kPage, 5000);
}

void TestMapDialogs::dontNeedFreesAnonymousPages()
{
    Document::OpenResult scratch = Document::scratch(64 * kPage);
    Document *model = &*scratch.document;
    for (qint64 page = 0; page < 64; ++page)
        model->overwrite(page * kPage, "t");
    DocumentTab tab(std::move(scratch.document));
    // The entropy strip resamples after the change and, on an anonymous map, can only
    // sample by reading its pages, which brings them back: hidden, it samples nothing.
    tab.entropyStrip()->hide();
    tab.show();
    ResidencyStrip *strip = tab.residencyStrip();
    QTRY_COMPARE(strip->residentPages(), 64);

    AdviceDialog dialog(tab.document(), 0, 0);
    QVERIFY(dialog.selectAdvice("MADV_DONTNEED"));
    // The buffer's written bytes become zeros: the dialog asks first.
    PromptAnswer drop = answerNextPrompt("64 modified bytes", "&Drop the Edits");
    QVERIFY2(dialog.apply(), qPrintable(dialog.message()));
    QVERIFY2(drop.answered(), drop.failure());
    // Freed, all but the first page, which the view reads again to show the zeros.
    QTRY_VERIFY(strip->residentPages() <= 1);
    QCOMPARE(model->read(0, 64 * kPage).bytes, QByteArray(64 * kPage, '\0'));
    QVERIFY(!tab.document()->hasUnsavedChanges()); // nothing left to save: all zeros again
}

void TestMapDialogs::adviceWantsAnAlignedStart()
{
    ScratchFile file(QByteArray(4 * kPage, 'a'));
    auto tab = tabFor(QString::fromStdString(file.path()));
    AdviceDialog dialog(tab->document(), 0, 0);
    dialog.setCustomRange("100", "8K");
    auto *apply = dialog.findChild<QPushButton *>();
    const QString note = dialog.findChild<QLabel *>("range")->text();
    QVERIFY2(note.contains("page boundary"), qPrintable(note));
    QVERIFY2(note.contains("0x0–0x2063"), qPrintable(note));
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == "&Apply")
            apply = button;
    }
    QVERIFY(!apply->isEnabled());
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == "Align")
            button->click();
    }
    QVERIFY(apply->isEnabled());
    QVERIFY(dialog.apply());
    dialog.setCustomRange("16K", "1"); // aligned, but where the map ends
    QVERIFY(!dialog.apply());
    QCOMPARE(dialog.message(), "madvise failed: madvise start out of bounds"); // the core's words
}

QTEST_MAIN(TestMapDialogs)
#include "tst_mapdialogs.moc"
