// Copy of the clipboard's limit (64 MiB selected) onto the clipboard: seconds and peak
// memory (VmHWM, reset through /proc/self/clear_refs, above the RSS before) against the
// size of the text produced. The baseline, in the same run, is the copy as it was
// before Copy As: formatHex into a QString, then QMimeData::setText.
#include "benchsupport.h"
#include "document.h"
#include "editor.h"
#include "inputparsing.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QUndoStack>
#include <QtTest>

using namespace hexmap;

namespace {

// A field of /proc/self/status, in bytes.
qint64 statusBytes(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

struct Cost
{
    double seconds;
    qint64 peakBytes; // above the RSS before
    qint64 textBytes; // the text produced: its characters, one byte each in UTF-8
};

// What copy costs, starting from an empty clipboard.
Cost costOf(const std::function<qint64()> &copy)
{
    QGuiApplication::clipboard()->clear();
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
        qFatal("cannot reset the peak RSS");
    clear.close();
    const qint64 before = statusBytes("VmRSS");
    qint64 text = 0;
    const double seconds = secondsOnce([&] { text = copy(); });
    const qint64 peak = statusBytes("VmHWM") - before;
    QGuiApplication::clipboard()->clear();
    return {seconds, peak, text};
}

// The copy as it was: the hex text as a QString of the whole selection.
qint64 copyAsBefore(const Document &document)
{
    const ByteBlock block = document.read(0, document.size());
    auto mime = std::make_unique<QMimeData>();
    mime->setData(Editor::kRawMime, block.bytes);
    const QString text = input::formatHex(block.bytes);
    mime->setText(text);
    QGuiApplication::clipboard()->setMimeData(mime.release());
    return text.size(); // characters, as the UTF-8 bytes of the new copy count them
}

qint64 copyNow(const Editor &editor, ByteFormat format)
{
    editor.copyAs(format);
    return QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("text/plain")).size();
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1 << 20), 'f', 0) + QStringLiteral(" MiB");
}

} // namespace

class BenchCopy : public QObject
{
    Q_OBJECT

private slots:
    void copyOfTheLimit();
};

void BenchCopy::copyOfTheLimit()
{
    Document::OpenResult scratch = Document::scratch(Editor::kMaxCopyBytes);
    QVERIFY(scratch.document);
    Document &document = *scratch.document;
    // Random bytes, written once through the document (its pages are then resident).
    QByteArray block(1 << 20, '\0');
    std::mt19937_64 random(3);
    for (qint64 at = 0; at < document.size(); at += block.size()) {
        for (char &c : block)
            c = char(random());
        QVERIFY(document.overwrite(at, block));
    }
    document.undoStack()->clear();
    Editor editor(&document);
    editor.selectAll();
    QCOMPARE(editor.selectionLength(), Editor::kMaxCopyBytes);

    std::vector<double> before, now, beforePeak, nowPeak;
    qint64 beforeText = 0, nowText = 0;
    for (int run = 0; run < benchRuns(); ++run) {
        const Cost old = costOf([&] { return copyAsBefore(document); });
        const Cost hex = costOf([&] { return copyNow(editor, ByteFormat::HexText); });
        QCOMPARE(QGuiApplication::clipboard()->text(), QString()); // cleared after each
        before.push_back(old.seconds);
        now.push_back(hex.seconds);
        beforePeak.push_back(double(old.peakBytes) / double(old.textBytes));
        nowPeak.push_back(double(hex.peakBytes) / double(hex.textBytes));
        beforeText = old.textBytes;
        nowText = hex.textBytes;
        qInfo("run %d: before %.3f s, peak %s; now %.3f s, peak %s", run, old.seconds,
            qPrintable(mib(old.peakBytes)), hex.seconds, qPrintable(mib(hex.peakBytes)));
    }
    const Spread b = spreadOf(before), n = spreadOf(now);
    const Spread bp = spreadOf(beforePeak), np = spreadOf(nowPeak);
    qInfo("Copy of 64 MiB as hex text, median [min-max] of %d runs:", int(before.size()));
    qInfo("  before: %.3f s [%.3f-%.3f], peak %.2f x its text of %s [%.2f-%.2f]", b.median, b.min,
        b.max, bp.median, qPrintable(mib(beforeText)), bp.min, bp.max);
    qInfo("  now:    %.3f s [%.3f-%.3f], peak %.2f x its text of %s [%.2f-%.2f]", n.median, n.min,
        n.max, np.median, qPrintable(mib(nowText)), np.min, np.max);
    qInfo("  now/before time: %.2f", n.median / b.median);

    qInfo("Copy As of 64 MiB, once each:");
    for (const ByteFormat format : byteFormats()) {
        if (format == ByteFormat::Raw)
            continue;
        const Cost cost = costOf([&] { return copyNow(editor, format); });
        qInfo("  %-14s %.3f s, text %s, peak %.2f x the text", qPrintable(byteFormatName(format)),
            cost.seconds, qPrintable(mib(cost.textBytes)),
            double(cost.peakBytes) / double(cost.textBytes));
    }
}

QTEST_MAIN(BenchCopy)
#include "bench_copy.moc"
