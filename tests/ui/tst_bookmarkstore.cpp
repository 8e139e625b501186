// Bookmarks kept between runs: seeded random lists through JSON and back (in a window of
// the file too, whose offsets are the file's), the store in a temporary XDG_DATA_HOME
// (never beside the file), another file at the same path (not applied, kept, said),
// unreadable kept files (moved aside, said), and imports of broken JSON: each refused with
// its reason, nothing added and nothing lost.
#include "bookmarks.h"
#include "bookmarkstore.h"
#include "document.h"
#include "opendocument.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace hexmap;

namespace {

QList<Bookmark> randomBookmarks(QRandomGenerator &random, qint64 minStart)
{
    QList<Bookmark> bookmarks;
    const int count = random.bounded(0, 20);
    for (int i = 0; i < count; ++i) {
        QString name;
        for (int c = random.bounded(1, 12); c > 0; --c)
            name += QChar(char16_t(
                random.bounded(2) ? random.bounded(0x20, 0x7f) : random.bounded(0xa0, 0x3000)));
        bookmarks.append({.start = minStart + qint64(random.generate64() % (qint64(1) << 40)),
            .length = 1 + qint64(random.generate64() % (qint64(1) << 30)),
            .name = name,
            .color = QColor::fromRgb(random.generate() & 0xffffff)});
    }
    return bookmarks;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray json(const QString &bookmarksText,
    const QString &top = QStringLiteral(R"("format": "hexmap-bookmarks", "version": 1)"))
{
    return QStringLiteral(R"({%1, "bookmarks": [%2]})").arg(top, bookmarksText).toUtf8();
}

} // namespace

class TestBookmarkStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void offsetsAreTheFilesInAWindow();
    void brokenJsonIsRefused_data();
    void brokenJsonIsRefused();
    void keptBetweenRunsNeverBesideTheFile();
    void anotherFileAtThePathIsNotApplied();
    void unreadableKeptFileIsMovedAside();
    void importAddsAndCountsOutOfRange();

private:
    QTemporaryDir m_data;
};

void TestBookmarkStore::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("XDG_DATA_HOME", m_data.path().toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("hexmap-test"));
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                .startsWith(m_data.path()));
}

void TestBookmarkStore::jsonRoundTrip_data()
{
    QTest::addColumn<quint64>("seed");
    for (const quint64 seed : generatedSeeds("HEXMAP_BOOKMARKSTORE_SEED", 1, 100))
        QTest::addRow("seed %llu", seed) << seed;
}

void TestBookmarkStore::jsonRoundTrip()
{
    QFETCH(quint64, seed);
    QRandomGenerator random(seed);
    Document::OpenResult opened = Document::scratch(4096);
    QVERIFY(opened.document);
    const QList<Bookmark> bookmarks = randomBookmarks(random, 0);
    QString error;
    const auto back = bookmarkstore::fromJson(
        bookmarkstore::toJson(bookmarks, *opened.document), *opened.document, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, bookmarks);
}

void TestBookmarkStore::offsetsAreTheFilesInAWindow()
{
    const qint64 page = Document::pageSize();
    ScratchFile file(QByteArray(4 * page, 'w'));
    Document::OpenResult window
        = Document::open(QString::fromStdString(file.path()), {.offset = 2 * page, .length = page});
    QVERIFY2(window.document, qPrintable(window.error));
    auto whole = openDocument(file.path());
    QVERIFY(whole);
    window.document->bookmarks()->add({.start = 16, .length = 4, .name = "in"});
    window.document->bookmarks()->add({.start = -page, .length = 4, .name = "before"});
    window.document->bookmarks()->add({.start = page, .length = 4, .name = "after"});
    const QByteArray text
        = bookmarkstore::toJson(window.document->bookmarks()->entries(), *window.document);
    const QJsonArray entries = QJsonDocument::fromJson(text).object().value("bookmarks").toArray();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).toObject().value("offset").toInteger(), page);
    QCOMPARE(entries.at(1).toObject().value("offset").toInteger(), 2 * page + 16);
    QCOMPARE(entries.at(2).toObject().value("offset").toInteger(), 3 * page);
    // The whole file reads them at the file's offsets, all in range.
    QString error;
    const auto inWhole = bookmarkstore::fromJson(text, *whole, &error);
    QVERIFY2(inWhole, qPrintable(error));
    whole->bookmarks()->addAll(*inWhole);
    QCOMPARE(whole->bookmarks()->at(1).start, 2 * page + 16);
    for (int row = 0; row < 3; ++row)
        QVERIFY(whole->bookmarks()->isInRange(row));
    // The window keeps the two outside it, out of range.
    QVERIFY(!window.document->bookmarks()->isInRange(0));
    QVERIFY(window.document->bookmarks()->isInRange(1));
    QVERIFY(!window.document->bookmarks()->isInRange(2));
}

void TestBookmarkStore::brokenJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "not JSON";
    QTest::newRow("empty") << QByteArray() << "not JSON";
    QTest::newRow("a list") << QByteArray("[1, 2]") << "not hexmap bookmarks";
    QTest::newRow("other format") << json("", R"("format": "okteta", "version": 1)")
                                  << "not hexmap bookmarks";
    QTest::newRow("version 2") << json("", R"("format": "hexmap-bookmarks", "version": 2)")
                               << "version 2";
    QTest::newRow("entry not object") << json(R"(3)") << "bookmark 1: not an object";
    QTest::newRow("no offset") << json(R"({"length": 1})") << "bookmark 1: “offset”";
    QTest::newRow("negative offset")
        << json(R"({"offset": -1, "length": 1})") << "bookmark 1: “offset”";
    QTest::newRow("fractional offset") << json(R"({"offset": 1.5, "length": 1})") << "“offset”";
    QTest::newRow("offset as text") << json(R"({"offset": "16", "length": 1})") << "“offset”";
    QTest::newRow("huge offset") << json(R"({"offset": 1e300, "length": 1})") << "“offset”";
    QTest::newRow("length 0") << json(R"({"offset": 0, "length": 1}, {"offset": 0, "length": 0})")
                              << "bookmark 2: “length”";
    QTest::newRow("name number") << json(R"({"offset": 0, "length": 1, "name": 7})") << "“name”";
    QTest::newRow("bad colour") << json(R"({"offset": 0, "length": 1, "color": "blurple"})")
                                << "“color”";
}

void TestBookmarkStore::brokenJsonIsRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    Document::OpenResult opened = Document::scratch(64);
    QVERIFY(opened.document);
    QString error;
    QVERIFY(!bookmarkstore::fromJson(text, *opened.document, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));

    // Imported: refused with the file's name and the reason, nothing added, nothing lost.
    opened.document->bookmarks()->add({.start = 4, .length = 2, .name = "mine"});
    const QList<Bookmark> before = opened.document->bookmarks()->entries();
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    QString message;
    QVERIFY(!bookmarkstore::importFrom(*opened.document, path, &message));
    QVERIFY2(message.contains(path) && message.contains(reason), qPrintable(message));
    QCOMPARE(opened.document->bookmarks()->entries(), before);
    QCOMPARE(readAll(path), text);
}

void TestBookmarkStore::keptBetweenRunsNeverBesideTheFile()
{
    ScratchFile file(QByteArray(256, 'k'));
    QList<Bookmark> kept;
    QString storePath;
    {
        auto document = openDocument(file.path());
        QVERIFY(document);
        QCOMPARE(bookmarkstore::load(*document), QString());
        document->bookmarks()->add({.start = 10, .length = 6, .name = "header", .color = Qt::red});
        document->bookmarks()->add({.start = 200, .length = 1});
        QString error;
        QVERIFY2(bookmarkstore::save(*document, &error), qPrintable(error));
        kept = document->bookmarks()->entries();
        storePath = bookmarkstore::storePath(*document);
    }
    QVERIFY(storePath.startsWith(m_data.path()));
    QVERIFY(QFile::exists(storePath));
    const QFileInfo data(QString::fromStdString(file.path()));
    QCOMPARE(data.dir().entryList(QDir::Files | QDir::Hidden), QStringList {data.fileName()});

    auto reopened = openDocument(file.path(), Document::Mode::ReadOnly);
    QVERIFY(reopened);
    QCOMPARE(bookmarkstore::storePath(*reopened), storePath);
    QCOMPARE(bookmarkstore::load(*reopened), QString());
    QCOMPARE(reopened->bookmarks()->entries(), kept);

    // None left: the kept file goes.
    reopened->bookmarks()->removeAll();
    QString error;
    QVERIFY(bookmarkstore::save(*reopened, &error));
    QVERIFY(!QFile::exists(storePath));

    // Scratch buffers keep nothing.
    Document::OpenResult scratch = Document::scratch(16);
    QCOMPARE(bookmarkstore::storePath(*scratch.document), QString());
}

void TestBookmarkStore::anotherFileAtThePathIsNotApplied()
{
    ScratchFile file(QByteArray(256, 'a'));
    const QString path = QString::fromStdString(file.path());
    QString oldStore;
    {
        auto document = openDocument(file.path());
        QVERIFY(document);
        document->bookmarks()->add({.start = 1, .length = 1, .name = "old"});
        QString error;
        QVERIFY(bookmarkstore::save(*document, &error));
        oldStore = bookmarkstore::storePath(*document);
    }
    // Another program saves a new file over the path (write, then rename).
    {
        QFile replacement(path + ".new");
        QVERIFY(replacement.open(QIODevice::WriteOnly));
        replacement.write(QByteArray(256, 'b'));
    }
    QVERIFY(::rename(qPrintable(path + ".new"), qPrintable(path)) == 0);
    auto document = openDocument(file.path());
    QVERIFY(document);
    QVERIFY(bookmarkstore::storePath(*document) != oldStore);
    const QString notice = bookmarkstore::load(*document);
    QVERIFY2(notice.contains("not applied") && notice.contains(oldStore), qPrintable(notice));
    QCOMPARE(document->bookmarks()->count(), 0);
    QVERIFY(QFile::exists(oldStore)); // kept, for Import
    QString message;
    QVERIFY(bookmarkstore::importFrom(*document, oldStore, &message));
    QCOMPARE(document->bookmarks()->at(0).name, "old");
}

void TestBookmarkStore::unreadableKeptFileIsMovedAside()
{
    ScratchFile file(QByteArray(64, 'u'));
    auto document = openDocument(file.path());
    QVERIFY(document);
    const QString store = bookmarkstore::storePath(*document);
    QVERIFY(QDir().mkpath(QFileInfo(store).path()));
    const QByteArray garbage("{\"format\": \"hexmap-bookmarks\", \"bookm");
    {
        QFile kept(store);
        QVERIFY(kept.open(QIODevice::WriteOnly));
        kept.write(garbage);
    }
    const QString notice = bookmarkstore::load(*document);
    QVERIFY2(
        notice.contains("could not be read") && notice.contains(".unreadable"), qPrintable(notice));
    QCOMPARE(document->bookmarks()->count(), 0);
    QCOMPARE(readAll(store + ".unreadable"), garbage);
    // The next save does not touch what was moved aside.
    document->bookmarks()->add({.start = 0, .length = 1});
    QString error;
    QVERIFY(bookmarkstore::save(*document, &error));
    QCOMPARE(readAll(store + ".unreadable"), garbage);
}

void TestBookmarkStore::importAddsAndCountsOutOfRange()
{
    Document::OpenResult opened = Document::scratch(100);
    QVERIFY(opened.document);
    Bookmarks &bookmarks = *opened.document->bookmarks();
    bookmarks.add({.start = 4, .length = 2, .name = "mine"});
    QTemporaryDir dir;
    const QString path = dir.filePath("in.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json(R"({"offset": 4, "length": 2}, {"offset": 10, "length": 5, "name": "x"},
                       {"offset": 98, "length": 5}, {"offset": 5000, "length": 1})"));
    file.close();
    QString message;
    QVERIFY2(bookmarkstore::importFrom(*opened.document, path, &message), qPrintable(message));
    QVERIFY2(message.contains("Imported 3 bookmarks") && message.contains("1 already there")
            && message.contains("2 out of range"),
        qPrintable(message));
    QCOMPARE(bookmarks.count(), 4);
    QCOMPARE(bookmarks.at(0).name, "mine");

    // Exported and imported again: nothing new.
    const QString out = dir.filePath("out.json");
    QString error;
    QVERIFY2(bookmarkstore::exportTo(*opened.document, out, &error), qPrintable(error));
    QVERIFY(bookmarkstore::importFrom(*opened.document, out, &message));
    QVERIFY2(message.contains("Imported 0 bookmarks"), qPrintable(message));
    QCOMPARE(bookmarks.count(), 4);
}

QTEST_MAIN(TestBookmarkStore)
#include "tst_bookmarkstore.moc"
