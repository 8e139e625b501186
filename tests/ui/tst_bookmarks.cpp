// The bookmarks of a document without any widget: seeded random sequences of add,
// toggle, remove, rename, recolour, next, previous and the lookups against a plain list, with Qt's
// model tester watching every signal of the table; bookmarks out of range (past a shrunk
// map, in bytes a truncated file no longer backs, before the map) are kept, skipped by
// next/previous and shown as such.
#include "bookmarks.h"
#include "document.h"
#include "opendocument.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <vector>

using namespace hexmap;

namespace {

// The reference: a plain vector, sorted again after every change.
struct Reference
{
    std::vector<Bookmark> list;
    qint64 size = 0;

    void sort()
    {
        std::stable_sort(list.begin(), list.end(), [](const Bookmark &a, const Bookmark &b) {
            return a.start != b.start ? a.start < b.start : a.length < b.length;
        });
    }
    void add(Bookmark bookmark)
    {
        bookmark.length = std::max<qint64>(bookmark.length, 1);
        if (bookmark.name.isEmpty())
            bookmark.name = QStringLiteral("Bookmark %1").arg(list.size() + 1);
        if (!bookmark.color.isValid())
            bookmark.color
                = Bookmarks::palette().at(qsizetype(list.size()) % Bookmarks::palette().size());
        list.push_back(bookmark);
        sort();
    }
    bool toggle(qint64 start, qint64 length)
    {
        const qint64 end = start + std::max<qint64>(length, 1);
        const auto removed = std::erase_if(
            list, [&](const Bookmark &b) { return b.start < end && start < b.start + b.length; });
        if (removed == 0)
            add({.start = start, .length = end - start});
        return removed == 0;
    }
    [[nodiscard]] bool inRange(const Bookmark &b) const
    {
        return b.start >= 0 && b.start + b.length <= size;
    }
    // Which bookmark next (forward) or previous lands on: its start and length, or none.
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> step(qint64 offset, bool forward) const
    {
        std::vector<Bookmark> candidates;
        std::copy_if(list.begin(), list.end(), std::back_inserter(candidates),
            [&](const Bookmark &b) { return inRange(b); });
        if (candidates.empty())
            return std::nullopt;
        if (!forward)
            std::reverse(candidates.begin(), candidates.end());
        for (const Bookmark &b : candidates) {
            if (forward ? b.start > offset : b.start < offset)
                return std::pair(b.start, b.length);
        }
        return std::pair(candidates.front().start, candidates.front().length);
    }
};

std::optional<std::pair<qint64, qint64>> landing(const Bookmarks &bookmarks, int row)
{
    if (row < 0)
        return std::nullopt;
    return std::pair(bookmarks.at(row).start, bookmarks.at(row).length);
}

} // namespace

class TestBookmarks : public QObject
{
    Q_OBJECT

private slots:
    void randomSequencesMatchAPlainList_data();
    void randomSequencesMatchAPlainList();
    void pastTheEndOfAShrunkMap();
    void bytesATruncatedFileNoLongerBacks();
    void tableShowsAndRenames();
};

void TestBookmarks::randomSequencesMatchAPlainList_data()
{
    QTest::addColumn<quint64>("seed");
    for (const quint64 seed : generatedSeeds("HEXMAP_BOOKMARKS_SEED", 1, 200))
        QTest::addRow("seed %llu", seed) << seed;
}

void TestBookmarks::randomSequencesMatchAPlainList()
{
    QFETCH(quint64, seed);
    QRandomGenerator random(seed);
    const qint64 size = random.bounded(1, 200);
    Document::OpenResult opened = Document::scratch(size);
    QVERIFY(opened.document);
    Bookmarks &bookmarks = *opened.document->bookmarks();
    QAbstractItemModelTester tester(
        &bookmarks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&bookmarks, &Bookmarks::bookmarksChanged);
    Reference reference {.list = {}, .size = size};
    QStringList log; // the actions so far, printed when the lists part
    // Offsets a little before the map, over it and a little past it.
    const auto offset = [&] { return random.bounded(-8, int(size) + 8); };
    const auto anyRow = [&] { return int(random.bounded(bookmarks.count())); };

    for (int step = 0; step < 60; ++step) {
        const int changesBefore = int(changed.count());
        bool changes = true;
        switch (random.bounded(bookmarks.count() > 0 ? 7 : 3)) {
        case 0: {
            const qint64 start = offset();
            const qint64 length = random.bounded(0, 12);
            log << QStringLiteral("toggle(%1, %2)").arg(start).arg(length);
            QCOMPARE(bookmarks.toggle(start, length), reference.toggle(start, length));
            break;
        }
        case 1: {
            Bookmark bookmark {.start = offset(), .length = random.bounded(0, 12)};
            if (random.bounded(2))
                bookmark.name = QStringLiteral("n%1").arg(step);
            log << QStringLiteral("add(%1, %2)").arg(bookmark.start).arg(bookmark.length);
            bookmarks.add(bookmark);
            reference.add(bookmark);
            break;
        }
        case 2: {
            const qint64 from = offset();
            const bool forward = random.bounded(2);
            log << QStringLiteral("%1(%2)").arg(forward ? "next" : "previous").arg(from);
            const int row = forward ? bookmarks.next(from) : bookmarks.previous(from);
            QCOMPARE(landing(bookmarks, row), reference.step(from, forward));
            changes = false;
            break;
        }
        case 3: {
            // A few rows at once, as the dock's Delete removes the selected ones.
            QList<int> rows;
            for (int n = random.bounded(1, 4); n > 0; --n) {
                if (const int row = anyRow(); !rows.contains(row))
                    rows << row;
            }
            log << QStringLiteral("remove(%1)").arg(rows.size());
            bookmarks.remove(rows);
            std::sort(rows.begin(), rows.end(), std::greater());
            for (const int row : rows)
                reference.list.erase(reference.list.begin() + row);
            break;
        }
        case 4: {
            const int row = anyRow();
            const QString name = QStringLiteral("renamed %1 ✓").arg(step);
            log << QStringLiteral("rename(%1)").arg(row);
            // Through the table, as the dock's inline editor does.
            QVERIFY(bookmarks.setData(bookmarks.index(row, Bookmarks::NameColumn), name));
            reference.list[size_t(row)].name = name;
            break;
        }
        case 5: {
            const int row = anyRow();
            const QColor color
                = Bookmarks::palette().at(random.bounded(Bookmarks::palette().size()));
            log << QStringLiteral("recolor(%1)").arg(row);
            changes = reference.list[size_t(row)].color != color;
            bookmarks.setColor(row, color);
            reference.list[size_t(row)].color = color;
            break;
        }
        case 6: {
            const qint64 at = offset();
            log << QStringLiteral("rowAt(%1), overlapping").arg(at);
            const int row = bookmarks.rowAt(at);
            const auto holds = [at](const Bookmark &b) { return b.start <= at && at < b.end(); };
            QCOMPARE(row >= 0, std::any_of(reference.list.begin(), reference.list.end(), holds));
            if (row >= 0)
                QVERIFY(holds(bookmarks.at(row)));
            const qint64 to = at + random.bounded(1, 20);
            QList<Bookmark> expected;
            std::copy_if(reference.list.begin(), reference.list.end(), std::back_inserter(expected),
                [&](const Bookmark &b) { return b.overlaps(at, to); });
            QCOMPARE(bookmarks.overlapping(at, to), expected);
            changes = false;
            break;
        }
        }
        QVERIFY2(
            bookmarks.entries() == QList<Bookmark>(reference.list.begin(), reference.list.end()),
            qPrintable(log.join(QStringLiteral(", "))));
        QCOMPARE(changed.count(), changesBefore + (changes ? 1 : 0));
    }
}

void TestBookmarks::pastTheEndOfAShrunkMap()
{
    Document::OpenResult opened = Document::scratch(64);
    QVERIFY(opened.document);
    Document &document = *opened.document;
    Bookmarks &bookmarks = *document.bookmarks();
    bookmarks.add({.start = 8, .length = 4});
    bookmarks.add({.start = 40, .length = 8});
    bookmarks.add({.start = -4, .length = 2}); // before a window's start
    QCOMPARE(bookmarks.next(0), 1); // the one before the map is skipped
    QVERIFY(document.resize(32));
    QCOMPARE(bookmarks.count(), 3); // kept
    QVERIFY(!bookmarks.isInRange(0));
    QVERIFY(bookmarks.isInRange(1));
    QVERIFY(!bookmarks.isInRange(2));
    QCOMPARE(bookmarks.next(8), 1); // wraps to the only one in range
    QCOMPARE(bookmarks.previous(8), 1);
    QCOMPARE(
        bookmarks.data(bookmarks.index(2, Bookmarks::PreviewColumn)).toString(), "out of range");
    QVERIFY(bookmarks.data(bookmarks.index(2, 0), Qt::ToolTipRole).toString().contains("kept"));
    QVERIFY(document.resize(64)); // back in range
    QVERIFY(bookmarks.isInRange(2));
    QCOMPARE(bookmarks.data(bookmarks.index(2, Bookmarks::PreviewColumn)).toString(),
        "00 00 00 00 00 00 00 00");
}

void TestBookmarks::bytesATruncatedFileNoLongerBacks()
{
    const qint64 page = Document::pageSize();
    ScratchFile file(QByteArray(3 * page, 'A'));
    auto document = openDocument(file.path());
    QVERIFY(document);
    Bookmarks &bookmarks = *document->bookmarks();
    bookmarks.add({.start = 2 * page + 10, .length = 4});
    QVERIFY(bookmarks.isInRange(0));
    QCOMPARE(
        bookmarks.data(bookmarks.index(0, Bookmarks::PreviewColumn)).toString(), "41 41 41 41");
    file.truncate(page); // another program cuts the file under the map
    QVERIFY(!bookmarks.isInRange(0));
    QCOMPARE(bookmarks.next(0), -1);
    QCOMPARE(
        bookmarks.data(bookmarks.index(0, Bookmarks::PreviewColumn)).toString(), "out of range");
    QCOMPARE(bookmarks.count(), 1);
}

void TestBookmarks::tableShowsAndRenames()
{
    Document::OpenResult opened = Document::scratch(32);
    QVERIFY(opened.document);
    QVERIFY(opened.document->overwrite(16, QByteArray::fromHex("0102030405060708090a")));
    Bookmarks &bookmarks = *opened.document->bookmarks();
    bookmarks.add({.start = 16, .length = 10, .name = "header"});
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return bookmarks.data(bookmarks.index(0, column), role);
    };
    QCOMPARE(cell(Bookmarks::OffsetColumn).toString(), "0x10");
    QCOMPARE(cell(Bookmarks::LengthColumn).toString(), "10");
    QCOMPARE(cell(Bookmarks::NameColumn).toString(), "header");
    QCOMPARE(cell(Bookmarks::PreviewColumn).toString(), "01 02 03 04 05 06 07 08 …");
    QCOMPARE(cell(Bookmarks::NameColumn, Qt::DecorationRole).value<QColor>(),
        Bookmarks::palette().at(0));
    QVERIFY(bookmarks.flags(bookmarks.index(0, Bookmarks::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(bookmarks.flags(bookmarks.index(0, Bookmarks::OffsetColumn)) & Qt::ItemIsEditable));
    QVERIFY(!bookmarks.setData(bookmarks.index(0, Bookmarks::OffsetColumn), "0x20"));
    // The preview follows the bytes.
    QSignalSpy cells(&bookmarks, &Bookmarks::dataChanged);
    QVERIFY(opened.document->overwrite(16, QByteArray::fromHex("ff")));
    QCOMPARE(cells.count(), 1);
    QCOMPARE(cell(Bookmarks::PreviewColumn).toString(), "FF 02 03 04 05 06 07 08 …");
}

QTEST_MAIN(TestBookmarks)
#include "tst_bookmarks.moc"
