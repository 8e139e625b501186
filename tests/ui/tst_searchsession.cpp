// The search session without any widget, on real files: rows in a markup where "_"
// is the cursor, "[" starts the expected match and "{" another occurrence, for both
// directions, wrap, From/To with Python's rules (negative, past the end, empty),
// matches touching either end, wildcards and ignored case; Find All and the matches
// edits undo; Replace and Replace All re-checking bytes changed behind the session's
// back, as one undo step; cancel; regular expressions (matches of varying length, found
// forward and backward, replaced only where as long as the replacement); Find All past
// its limit; and generated cases against a plain loop.
#include "document.h"
#include "findreference.h"
#include "inputparsing.h"
#include "scratchfile.h"
#include "searchsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <unistd.h>

using namespace hexmap;

namespace {

// "{aaa}b_[aaa]": the bytes without the marks; "_" gives the cursor, "[" the expected
// match (none: nothing is found) and "{" or "[" the start of every occurrence.
struct Markup
{
    explicit Markup(const QString &text)
    {
        for (const QChar c : text) {
            if (c == '_') {
                cursor = data.size();
            } else if (c == '[' || c == '{') {
                if (c == '[')
                    match = data.size();
                occurrences << data.size();
            } else if (c != ']' && c != '}') {
                data += char(c.toLatin1());
            }
        }
    }
    QByteArray data;
    qint64 cursor = 0;
    qint64 match = -1;
    QList<qint64> occurrences;
};

// "hex:61 ?? 61" is a hex pattern, anything else text (Latin-1).
BytePattern patternOf(const QString &text, bool ignoreCase = false)
{
    if (text.startsWith("hex:"))
        return *input::parseHexPattern(QStringView(text).mid(4));
    return *input::encodeText(text, TextEncoding::Latin1, ignoreCase);
}

std::optional<qint64> boundOf(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return text.toLongLong();
}

struct Fixture
{
    explicit Fixture(const QByteArray &content, Document::Mode mode = Document::Mode::InPlace)
        : file(content)
        , document(Document::open(QString::fromStdString(file.path()), {.mode = mode}).document)
        , session(document.get())
    {
        QObject::connect(&session, &SearchSession::found, &session, [this](qint64 at, qint64 size) {
            // The caller's part: select the match, the cursor on its first byte.
            place = {at, at, size};
        });
        QObject::connect(&session, &SearchSession::message, &session,
            [this](const QString &text, bool) { message = text; });
    }
    // The document's bytes (a copy-on-write map's are not in the file).
    [[nodiscard]] QByteArray bytes() const { return document->read(0, document->size()).bytes; }
    // Runs a session call and waits for the search it starts to end.
    bool run(const std::function<void()> &call)
    {
        QSignalSpy finished(&session, &SearchSession::finished);
        call();
        return finished.wait(20000);
    }
    void setQuery(const QString &pattern, const QString &from = {}, const QString &to = {},
        bool forward = true, bool ignoreCase = false)
    {
        session.setQuery({patternOf(pattern, ignoreCase), boundOf(from), boundOf(to), forward});
    }
    // Another program writes the file: the map changes, the session hears nothing.
    void writeBehindItsBack(qint64 offset, const QByteArray &bytes) const
    {
        QVERIFY(pwrite(file.fd(), bytes.constData(), size_t(bytes.size()), offset) == bytes.size());
    }

    ScratchFile file;
    std::unique_ptr<Document> document;
    SearchSession session;
    SearchSession::Place place;
    QString message;
};

// The columns every data-driven row starts with: markup, pattern, From and To.
void addQueryColumns()
{
    QTest::addColumn<QString>("markup");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
}

struct QueryRow
{
    QString markup;
    QString pattern;
    QString from;
    QString to;
};

QueryRow fetchQueryRow()
{
    QFETCH(QString, markup);
    QFETCH(QString, pattern);
    QFETCH(QString, from);
    QFETCH(QString, to);
    return {markup, pattern, from, to};
}

} // namespace

class TestSearchSession : public QObject
{
    Q_OBJECT

private slots:
    void findsTheMarkedMatch_data();
    void findsTheMarkedMatch();
    void findNextGoesOnPastTheSelectedMatch();
    void findAllListsEveryOccurrence_data();
    void findAllListsEveryOccurrence();
    void findAllDropsWhatEditsUndo();
    void replaceWritesOnlyOverAMatchStillThere();
    void replaceIsRefusedOnAReadOnlyFile();
    void replaceAllRechecksEachMatch();
    void replaceAllSkipsOverlappingMatches();
    void replacementsOfAnotherLengthInsertAndDelete();
    void cancelStopsALongSearch();
    void regexFindsNextAndPrevious();
    void findAllCountsPastTheLimit_data();
    void findAllCountsPastTheLimit();
    void regexReplacesOnlyMatchesOfTheReplacementsLength();
    void regexMatchesAreMeasuredInsideTheRange();
    void generatedCasesAnswerAsAPlainLoop();
};

void TestSearchSession::findsTheMarkedMatch_data()
{
    addQueryColumns();
    QTest::addColumn<bool>("forward");
    QTest::addColumn<bool>("wrap");
    QTest::addColumn<bool>("ignoreCase");
    QTest::addColumn<bool>("wrapped");
    const auto row = [](const char *name, const char *markup, const char *pattern, bool forward,
                         bool wrap = true, bool wrapped = false, const char *from = "",
                         const char *to = "", bool ignoreCase = false) {
        QTest::newRow(name) << QString(markup) << QString(pattern) << QString(from) << QString(to)
                            << forward << wrap << ignoreCase << wrapped;
    };
    // Forward is find from the cursor to the end.
    row("forward, at the cursor", "_[aaa]bbb{aaa}", "aaa", true);
    row("forward, past the cursor", "{aaa}b_b[aaa]", "aaa", true);
    row("forward, touching the end", "bbb_b[aaa]", "aaa", true);
    row("forward, wraps", "[aaa]bb_b", "aaa", true, true, true);
    row("forward, no wrap", "{aaa}bb_b", "aaa", true, false);
    row("forward, wraps to one overlapping the cursor", "b[a_aa]b", "aaa", true, true, true);
    row("forward, nothing anywhere", "_bbbbb", "aaa", true);
    // Backward is rfind from the start up to a match starting on the cursor.
    row("backward, before the cursor", "{aaa}b[aaa]_b", "aaa", false);
    row("backward, starting on the cursor", "{aaa}b_[aaa]", "aaa", false);
    row("backward, touching the start", "[aaa]bb_b", "aaa", false);
    row("backward, wraps", "_bb[aaa]", "aaa", false, true, true);
    row("backward, no wrap", "_bb{aaa}", "aaa", false, false);
    // From/To as Python takes them.
    row("from -3", "{aaa}_bb[aaa]", "aaa", true, false, false, "-3");
    row("from before the start", "b[aaa]b_b{aaa}", "aaa", true, false, false, "-100");
    row("from past the end", "_{aaa}bb", "aaa", true, true, false, "100");
    row("to -1 cuts a match at the end", "b{aaa}bb_{aaa}", "aaa", true, true, false, "2", "-1");
    row("to past the end", "_bb[aaa]", "aaa", true, true, false, "", "100");
    row("an empty range", "{aaa}_{aaa}", "aaa", true, true, false, "3", "3");
    row("to before from", "{aaa}_{aaa}", "aaa", true, true, false, "4", "2");
    row("backward, to 6", "{aaa}[aaa]_bb{aaa}", "aaa", false, false, false, "", "6");
    row("backward, from -4 leaves out the start", "{aaa}bbb_bb", "aaa", false, false, false, "-4");
    row("backward, wraps within from", "{aaa}_b[aaa]", "aaa", false, true, true, "1");
    // Wildcards and ignored case.
    row("a wildcard", "_bb[axa]{aya}", "hex:61 ?? 61", true);
    row("ignored case", "_bb[AaA]{aaa}", "aaa", true, true, false, "", "", true);
    row("case kept", "_bb{AaA}[aaa]", "aaa", true);
    row("one byte at the end", "_bbb[a]", "a", true);
}

void TestSearchSession::findsTheMarkedMatch()
{
    const QueryRow row = fetchQueryRow();
    QFETCH(bool, forward);
    QFETCH(bool, wrap);
    QFETCH(bool, ignoreCase);
    QFETCH(bool, wrapped);
    const Markup m(row.markup);
    Fixture f(m.data);
    f.setQuery(row.pattern, row.from, row.to, forward, ignoreCase);
    f.session.setWrap(wrap);
    QSignalSpy found(&f.session, &SearchSession::found);
    QSignalSpy notFound(&f.session, &SearchSession::notFound);
    QVERIFY(f.run([&] { f.session.findNext({m.cursor}); }));
    if (m.match < 0) {
        QCOMPARE(notFound.size(), 1);
        QCOMPARE(found.size(), 0);
        QCOMPARE(f.message, "Not found.");
        QCOMPARE(f.session.lastMatch(), -1);
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0][0].toLongLong(), m.match);
    QCOMPARE(found[0][1].toLongLong(), qint64(patternOf(row.pattern).bytes.size()));
    QCOMPARE(f.session.lastMatch(), m.match);
    QCOMPARE(f.message,
        QStringLiteral("Found at %1 (%2)%3.")
            .arg(input::formatOffset(m.match))
            .arg(m.match)
            .arg(wrapped ? ", after wrapping around" : ""));
}

void TestSearchSession::findNextGoesOnPastTheSelectedMatch()
{
    const Markup m("_[aaa]b{aaa}b{aaa}");
    Fixture f(m.data);
    f.setQuery("aaa");
    QList<qint64> answers;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(f.run([&] { f.session.findNext(f.place); }));
        answers << f.session.lastMatch();
    }
    QCOMPARE(answers, (QList<qint64> {0, 4, 8, 0}));
    QVERIFY(f.message.contains("after wrapping around"));
    // Backward from the match selected now goes to the one before, wrapping to the last.
    QVERIFY(f.run([&] { f.session.findPrevious(f.place); }));
    QCOMPARE(f.session.lastMatch(), 8);
    QVERIFY(f.message.contains("after wrapping around"));
    // With the selection moved away, the search starts from it again.
    f.place = {2};
    QVERIFY(f.run([&] { f.session.findNext(f.place); }));
    QCOMPARE(f.session.lastMatch(), 4);
}

void TestSearchSession::findAllListsEveryOccurrence_data()
{
    addQueryColumns();
    const auto row = [](const char *name, const char *markup, const char *pattern,
                         const char *from = "", const char *to = "") {
        QTest::newRow(name) << QString(markup) << QString(pattern) << QString(from) << QString(to);
    };
    row("from the start, whatever the cursor", "{aa}_b{aa}", "aa");
    row("overlapping", "{a{a{aa", "aa");
    row("touching both ends", "{ab}bbb{ab}", "ab");
    row("from 2 to -1", "aa{aa}a", "aa", "2", "-1");
    row("from -3", "aaaa{aa}a", "aa", "-3", "-1");
    row("past the end", "aaaa", "aa", "9");
    row("none", "bbbb", "aa");
    row("wildcard", "{axa}{aya}b", "hex:61 ?? 61");
}

void TestSearchSession::findAllListsEveryOccurrence()
{
    const QueryRow row = fetchQueryRow();
    const Markup m(row.markup);
    Fixture f(m.data);
    f.setQuery(row.pattern, row.from, row.to);
    QSignalSpy changed(&f.session, &SearchSession::resultsChanged);
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results(), m.occurrences);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(f.message, QString());
}

void TestSearchSession::findAllDropsWhatEditsUndo()
{
    const Markup m("{aaa}b{aaa}b{aaa}");
    Fixture f(m.data);
    f.setQuery("aaa");
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results(), (QList<qint64> {0, 4, 8}));
    QSignalSpy changed(&f.session, &SearchSession::resultsChanged);
    QVERIFY(f.document->overwrite(5, "x"));
    QCOMPARE(f.session.results(), (QList<qint64> {0, 8}));
    QCOMPARE(changed.size(), 1);
    const auto change = changed[0][0].value<SearchSession::ResultsChange>();
    QVERIFY(!change.whole);
    QCOMPARE(change.dropped, (QList<qsizetype> {1}));
    QCOMPARE(change.low, 4);
    QCOMPARE(change.high, 7);
    // An edit that leaves every match as it was drops none, but is still told.
    QVERIFY(f.document->overwrite(3, "c"));
    QCOMPARE(f.session.results(), (QList<qint64> {0, 8}));
    QCOMPARE(changed.size(), 2);
    QVERIFY(changed[1][0].value<SearchSession::ResultsChange>().dropped.isEmpty());
    // What the listed ones cover: the highlights a view shows.
    QCOMPARE(f.session.covered(0, 100).ranges(), (std::vector<RangeSet::Range> {{0, 3}, {8, 11}}));
    // A shrink drops the matches past the new end.
    QVERIFY(f.document->resize(10));
    QCOMPARE(f.session.results(), (QList<qint64> {0}));
}

void TestSearchSession::replaceWritesOnlyOverAMatchStillThere()
{
    Fixture f("aaabaaabaaa");
    f.setQuery("aaa");
    QVERIFY(f.run([&] { f.session.findNext(f.place); }));
    QCOMPARE(f.session.lastMatch(), 0);
    // Replaced, then the next one found.
    QVERIFY(f.run([&] { f.session.replace("xyz", f.place); }));
    QCOMPARE(f.file.contents(), "xyzbaaabaaa");
    QCOMPARE(f.session.lastMatch(), 4);
    QCOMPARE(f.message, "Found at 0x4 (4).");
    // Changed behind the session's back between find and replace: left as it is.
    f.writeBehindItsBack(5, "q");
    QVERIFY(f.run([&] { f.session.replace("xyz", f.place); }));
    QCOMPARE(f.file.contents(), "xyzbaqabaaa");
    QCOMPARE(f.message,
        "The selection does not match the pattern, so it was not replaced. Found at 0x8 (8).");
    // Nothing selected: only a search.
    f.place = {0};
    QVERIFY(f.run([&] { f.session.replace("xyz", f.place); }));
    QCOMPARE(f.file.contents(), "xyzbaqabaaa");
    QCOMPARE(f.session.lastMatch(), 8);
    QCOMPARE(f.document->undoStack()->count(), 1);
}

void TestSearchSession::replaceIsRefusedOnAReadOnlyFile()
{
    Fixture f("aaab", Document::Mode::ReadOnly);
    f.setQuery("aaa");
    QVERIFY(f.run([&] { f.session.findNext(f.place); }));
    QSignalSpy started(&f.session, &SearchSession::started);
    f.session.replace("xyz", f.place);
    QVERIFY(f.message.startsWith("Not replaced: "));
    QCOMPARE(started.size(), 0); // no search after a refusal
    QCOMPARE(f.file.contents(), "aaab");
}

void TestSearchSession::replaceAllRechecksEachMatch()
{
    Fixture f("aaa-aaa-aaa");
    f.setQuery("aaa");
    // Once the search has seen every byte, and before the session hears that it ended,
    // another program changes the middle match.
    bool written = false;
    connect(&f.session, &SearchSession::progress, &f.session, [&](int permille) {
        if (permille == 1000 && !written) {
            f.writeBehindItsBack(4, "q");
            written = true;
        }
    });
    QVERIFY(f.run([&] { f.session.replaceAll("xyz"); }));
    QVERIFY(written);
    QCOMPARE(f.file.contents(), "xyz-qaa-xyz");
    QCOMPARE(f.session.replaceOutcome().replaced, 2);
    QCOMPARE(f.session.replaceOutcome().stale, 1);
    QCOMPARE(f.message, "Replaced 2 matches; 1 no longer matched and was left as it was.");
    QVERIFY(f.session.results().isEmpty()); // nothing matches any more
    // One undo step.
    QUndoStack *undo = f.document->undoStack();
    QCOMPARE(undo->count(), 1);
    QVERIFY(f.document->undo());
    QCOMPARE(f.file.contents(), "aaa-qaa-aaa");
}

void TestSearchSession::replaceAllSkipsOverlappingMatches()
{
    Fixture f("aaaab");
    f.setQuery("aa");
    QVERIFY(f.run([&] { f.session.replaceAll("ba"); }));
    QCOMPARE(f.file.contents(), "babab");
    QCOMPARE(f.session.replaceOutcome().overlapping, 1);
    QCOMPARE(f.message,
        "Replaced 2 matches; 1 overlapped a match replaced before it and was left as it was.");
    QCOMPARE(f.session.results(), QList<qint64>()); // what still matches
    // Where the map cannot change length, a replacement of another length is refused
    // without writing.
    Fixture cow("aaaab", Document::Mode::CopyOnWrite);
    cow.setQuery("aa");
    QVERIFY(cow.run([&] { cow.session.replaceAll("b"); }));
    QVERIFY2(cow.message.contains("must be as long as the pattern"), qPrintable(cow.message));
    QCOMPARE(cow.bytes(), "aaaab");
}

void TestSearchSession::replacementsOfAnotherLengthInsertAndDelete()
{
    Fixture f("aaaab-aa-xaa");
    f.setQuery("aa");
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results(), (QList<qint64> {0, 1, 2, 6, 10}));
    // Shorter: the matches that do not overlap go, in one step; the bytes after move down.
    QVERIFY(f.run([&] { f.session.replaceAll("b"); }));
    QCOMPARE(f.file.contents(), "bbb-b-xb");
    QCOMPARE(f.session.replaceOutcome().replaced, 4);
    QCOMPARE(f.document->undoStack()->count(), 1);
    QVERIFY(f.document->undo());
    QCOMPARE(f.file.contents(), "aaaab-aa-xaa");
    // Longer, on the selected match: the bytes after it move up.
    f.place = {6, 6, 2};
    QVERIFY(f.run([&] { f.session.replace("CCCC", f.place); }));
    QCOMPARE(f.file.contents(), "aaaab-CCCC-xaa");
    // A regex's matches of every length take the one replacement.
    f.session.setQuery({*input::parseRegex("a{1,3}", false), {}, {}, true});
    QVERIFY(f.run([&] { f.session.replaceAll("Z"); }));
    QCOMPARE(f.file.contents(), "ZZb-CCCC-xZ");
}

void TestSearchSession::cancelStopsALongSearch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.img");
    if (!createSparseFile(path, qint64(16) << 30))
        QSKIP("this filesystem cannot hold a 16 GiB sparse file");
    // Without trackfd the search cannot ask where the holes are: it reads all 16 GiB.
    const std::unique_ptr<Document> document = Document::open(path, {.trackfd = false}).document;
    SearchSession session(document.get());
    session.setQuery({patternOf("hex:DE AD BE EF"), {}, {}, true});
    QStringList messages;
    connect(&session, &SearchSession::message, &session,
        [&](const QString &text, bool) { messages << text; });
    QSignalSpy progress(&session, &SearchSession::progress);
    QSignalSpy finished(&session, &SearchSession::finished);
    session.findAll();
    // It reports progress while the UI thread is free, then stops when told.
    QVERIFY(progress.wait(20000));
    QVERIFY(session.isRunning() && finished.isEmpty());
    session.cancel();
    QVERIFY(!session.isRunning());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(messages, (QStringList {"Searching…", "Search canceled."}));
    QVERIFY(session.results().isEmpty());
}

void TestSearchSession::regexFindsNextAndPrevious()
{
    Fixture f("xPK12yyPK3zzPK45");
    f.session.setQuery({*input::parseRegex("PK[0-9]{1,2}", false), {}, {}, true});
    QList<std::pair<qint64, qint64>> answers;
    const auto step = [&](bool next) {
        QVERIFY(
            f.run([&] { next ? f.session.findNext(f.place) : f.session.findPrevious(f.place); }));
        answers << std::pair(f.place.selectionStart, f.place.selectionLength);
    };
    for (int i = 0; i < 4; ++i)
        step(true);
    step(false);
    step(false);
    const QList<std::pair<qint64, qint64>> expected {
        {1, 4}, {7, 3}, {12, 4}, {1, 4}, {12, 4}, {7, 3}};
    QCOMPARE(answers, expected);
    // Backward from a cursor inside a match: the last match starting at or before it.
    f.place = {8};
    QVERIFY(f.run([&] { f.session.findPrevious(f.place); }));
    QCOMPARE(f.session.lastMatch(), 7);
    // A shorter match at the same start is not found again going backward.
    Fixture g("aab");
    g.session.setQuery({*input::parseRegex("ab|a", false), {}, {}, false});
    g.place = {1, 1, 2};
    QVERIFY(g.run([&] { g.session.findNext(g.place); })); // not continuing: from the cursor
    QCOMPARE(g.place.selectionStart, 1);
    QCOMPARE(g.place.selectionLength, 2);
    QVERIFY(g.run([&] { g.session.findNext(g.place); }));
    QCOMPARE(g.place.selectionStart, 0);
    QCOMPARE(g.place.selectionLength, 1);
}

void TestSearchSession::findAllCountsPastTheLimit_data()
{
    QTest::addColumn<bool>("regex");
    QTest::newRow("text") << false;
    QTest::newRow("regex") << true;
}

// Past the limit the matches are counted, not listed: the count stays exact.
void TestSearchSession::findAllCountsPastTheLimit()
{
    QFETCH(bool, regex);
    Fixture f(QByteArray("ab-").repeated(50));
    f.session.setQuery({regex ? *input::parseRegex("a[b]", false) : patternOf("ab"), {}, {}, true});
    f.session.setResultLimit(7);
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results().size(), 7);
    QCOMPARE(f.session.results().last(), 18);
    QCOMPARE(f.session.resultCount(), 50);
    QVERIFY(f.session.resultsTruncated());
    QCOMPARE(f.message, "Found 50 matches; listed the first 7.");
    // Under the limit: no such note.
    f.session.setResultLimit(50);
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results().size(), 50);
    QVERIFY(!f.session.resultsTruncated());
    QCOMPARE(f.message, QString());
}

void TestSearchSession::regexReplacesOnlyMatchesOfTheReplacementsLength()
{
    Fixture f("a1xa22xa3x", Document::Mode::CopyOnWrite); // cannot change length
    f.session.setQuery({*input::parseRegex("a[0-9]{1,2}", false), {}, {}, true});
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results(), (QList<qint64> {0, 3, 7}));
    QCOMPARE(f.session.resultLengths(), (QList<qint64> {2, 3, 2}));
    QCOMPARE(f.session.covered(0, 100).ranges(),
        (std::vector<RangeSet::Range> {{0, 2}, {3, 6}, {7, 9}}));
    QVERIFY(f.run([&] { f.session.replaceAll("BB"); }));
    QCOMPARE(f.bytes(), "BBxa22xBBx");
    QCOMPARE(f.session.replaceOutcome().replaced, 2);
    QCOMPARE(f.session.replaceOutcome().otherLength, 1);
    QVERIFY2(f.message.contains("another length needs insert and delete"), qPrintable(f.message));
    // Replace on the longer match selected: refused, with the reason.
    f.place = {3, 3, 3};
    QVERIFY(f.run([&] { f.session.replace("CCC", f.place); }));
    QCOMPARE(f.bytes(), "BBxCCCxBBx");
    // Two bytes selected, but the match starting there is four long: left, and said why.
    f.session.setQuery({*input::parseRegex("x[A-Z]{1,3}", false), {}, {}, true});
    f.place = {2, 2, 2};
    QVERIFY(f.run([&] { f.session.replace("12", f.place); }));
    QVERIFY2(f.message.contains("not as long as the replacement"), qPrintable(f.message));
    QCOMPARE(f.bytes(), "BBxCCCxBBx");
    // The whole match selected, the replacement shorter: left, and said why.
    f.place = {2, 2, 4};
    QVERIFY(f.run([&] { f.session.replace("12", f.place); }));
    QVERIFY2(f.message.startsWith("The match is 4 bytes long and the replacement 2"),
        qPrintable(f.message));
    QCOMPARE(f.bytes(), "BBxCCCxBBx");
}

// A greedy regex found inside From/To is as long as the range let it be: Find All lists
// that length, and neither Replace All nor Replace writes past To although the regex
// would match further on.
void TestSearchSession::regexMatchesAreMeasuredInsideTheRange()
{
    Fixture f("A1234", Document::Mode::CopyOnWrite); // cannot change length
    f.session.setQuery({*input::parseRegex("A[0-9]{0,4}", false), {0}, {3}, true});
    QVERIFY(f.run([&] { f.session.findAll(); }));
    QCOMPARE(f.session.results(), (QList<qint64> {0}));
    QCOMPARE(f.session.resultLengths(), (QList<qint64> {3}));
    // As long as the match would be past To: not that match, nothing written.
    QVERIFY(f.run([&] { f.session.replaceAll("xxxxx"); }));
    QCOMPARE(f.bytes(), "A1234");
    QCOMPARE(f.session.replaceOutcome().replaced, 0);
    QCOMPARE(f.session.replaceOutcome().otherLength, 1);
    // As long as the match inside the range: written there, and not one byte further.
    QVERIFY(f.run([&] { f.session.replaceAll("B99"); }));
    QCOMPARE(f.bytes(), "B9934");
    // Replace on a selection: the match is measured inside the query's range too.
    f.session.setQuery({*input::parseRegex("9[0-9]{0,3}", false), {}, {3}, true});
    f.place = {1, 1, 2};
    QVERIFY(f.run([&] { f.session.replace("77", f.place); }));
    QCOMPARE(f.bytes(), "B7734");
}

void TestSearchSession::generatedCasesAnswerAsAPlainLoop()
{
    for (const quint64 seed : findCaseSeeds(7000, 1000)) {
        auto [ref, presses, forwardIsNext] = generatedFindCase(seed);
        Fixture f(ref.data);
        f.session.setQuery({BytePattern {Bytes(ref.bytes.begin(), ref.bytes.end()),
                                Bytes(ref.mask.begin(), ref.mask.end())},
            ref.from, ref.to, forwardIsNext});
        f.session.setWrap(ref.wrap);
        f.place = ref.selection
            ? SearchSession::Place {ref.cursor, ref.selection->first, ref.selection->second}
            : SearchSession::Place {ref.cursor};
        for (int k = 0; k < presses.size(); ++k) {
            const bool forward = presses[k];
            const QString what = QStringLiteral("HEXMAP_FIND_SEED=%1; %2; press %3 (%4)")
                                     .arg(seed)
                                     .arg(ref.describe())
                                     .arg(k + 1)
                                     .arg(forward ? "find" : "rfind");
            const FindReference::Answer expected = ref.find(forward);
            QVERIFY2(f.run([&] {
                forward == forwardIsNext ? f.session.findNext(f.place)
                                         : f.session.findPrevious(f.place);
            }),
                qPrintable(what));
            QVERIFY2(f.session.lastMatch() == expected.match,
                qPrintable(
                    what + QStringLiteral(": expected %1, ").arg(expected.match) + f.message));
            QVERIFY2(f.message.contains("after wrapping around") == expected.wrapped,
                qPrintable(what + ": " + f.message));
        }
    }
}

QTEST_GUILESS_MAIN(TestSearchSession)
#include "tst_searchsession.moc"
