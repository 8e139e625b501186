// Regex search over a map in windows gives what the engine gives over the whole range in
// one piece: random small regexes over random bytes, random ranges, windows and bounds
// on the start, forward and backward; and what RegexPattern refuses, and why.
#include "chunkedsearch.h"
#include "errors.h"
#include "regexpattern.h"
#include "regexsearch.h"

#include <QtTest>

#include <limits>
#include <memory>
#include <random>
#include <string>

using namespace hexmap;

namespace {

// A random regex of a small grammar over the bytes a, b, A, 0x00 and 0xff.
class RegexGenerator
{
public:
    explicit RegexGenerator(std::mt19937_64 &random)
        : m_random(random)
    {
    }

    std::string regex(int depth = 0)
    {
        std::string out;
        const int items = 1 + pick(4);
        for (int i = 0; i < items; ++i)
            out += item(depth);
        return out;
    }

private:
    int pick(int n) { return int(m_random() % unsigned(n)); }

    std::string item(int depth)
    {
        static const char *const atoms[] = {"a", "b", "A", "\\x00", "\\xff", ".", "[ab]", "[^a]",
            "[\\x00-\\x7f]", "\\x61", "\\Qab\\E", "(?i:a)"};
        static const char *const quantifiers[]
            = {"", "", "", "?", "{2}", "{1,3}", "{0,2}", "??", "{1,2}?", "+?"};
        std::string atom = depth < 2 && pick(6) == 0
            ? "(" + regex(depth + 1) + "|" + regex(depth + 1) + ")"
            : atoms[pick(std::size(atoms))];
        std::string quantifier = quantifiers[pick(std::size(quantifiers))];
        if (quantifier == "+?")
            quantifier = "{1,4}?"; // bounded: an unbounded regex is refused
        return atom + quantifier;
    }

    std::mt19937_64 &m_random;
};

// The reference: the first (or last) start in [start, min(end - 1, lastStart)] where the
// regex matches the whole rest of the range, anchored, and the match it makes there.
RegexPattern::Match reference(const RegexPattern &regex, const Bytes &bytes, qint64 start,
    qint64 end, qint64 lastStart, bool forward)
{
    const qint64 last = std::min(end - 1, lastStart);
    for (qint64 i = 0; i <= last - start; ++i) {
        const qint64 at = forward ? start + i : last - i;
        const qint64 length
            = regex.matchAt(ByteView(bytes).subspan(std::size_t(at), std::size_t(end - at)));
        if (length >= 0)
            return {at, length};
    }
    return {};
}

} // namespace

class TestRegexSearch : public QObject
{
    Q_OBJECT

private slots:
    void windowsEqualOnePiece_data();
    void windowsEqualOnePiece();
    void leftmostAgreesWithTheEngine();
    void resumingFindsEveryStart();
    void denseCandidatesTakeBoundedSteps();
    void ignoresAsciiCaseOnly_data();
    void ignoresAsciiCaseOnly();
    void shapes_data();
    void shapes();
    void refusals_data();
    void refusals();
};

void TestRegexSearch::windowsEqualOnePiece_data()
{
    QTest::addColumn<bool>("forward");
    QTest::newRow("find") << true;
    QTest::newRow("rfind") << false;
}

void TestRegexSearch::windowsEqualOnePiece()
{
    QFETCH(bool, forward);
    std::mt19937_64 random(forward ? 11 : 12);
    RegexGenerator generator(random);
    const qint64 length = 3000;
    MemoryMap map(-1, length);
    Bytes bytes(length);
    const std::uint8_t alphabet[] = {'a', 'b', 'A', 0x00, 0xff};
    int searched = 0;
    int found = 0;
    for (int round = 0; round < 400; ++round) {
        if (round % 50 == 0) {
            for (auto &b : bytes)
                b = alphabet[random() % std::size(alphabet)];
            map.seek(0);
            map.write(bytes);
        }
        const std::string source = generator.regex();
        const bool ignoreCase = random() % 4 == 0;
        std::shared_ptr<const RegexPattern> regex;
        try {
            regex = std::make_shared<RegexPattern>(source, ignoreCase);
        } catch (const ValueError &) {
            continue; // matches the empty string
        }
        for (int query = 0; query < 10; ++query) {
            const qint64 start = qint64(random() % (length + 1));
            const qint64 span = std::min<qint64>(length - start, random() % 2 ? length : 40);
            const qint64 end = start + qint64(random() % (span + 1));
            const qint64 window = 1 + qint64(random() % 200);
            const qint64 lastStart = random() % 3 == 0
                ? start + qint64(random() % (end - start + 1))
                : std::numeric_limits<qint64>::max();
            const RegexPattern::Match expected
                = reference(*regex, bytes, start, end, lastStart, forward);
            BytePattern pattern;
            pattern.regex = regex;
            ChunkedSearch search(map, pattern, start, end,
                forward ? ChunkedSearch::Direction::Forward : ChunkedSearch::Direction::Backward,
                window, lastStart);
            while (!search.step()) { }
            if (search.result() != expected.start || search.resultLength() != expected.length)
                qWarning("round %d: /%s/%s start %lld end %lld last %lld window %lld", round,
                    source.c_str(), ignoreCase ? "i" : "", start, end, lastStart, window);
            QCOMPARE(search.result(), expected.start);
            QCOMPARE(search.resultLength(), expected.length);
            ++searched;
            found += expected.start >= 0 ? 1 : 0;
        }
    }
    // The generator makes regexes the search accepts and that both find and miss.
    qInfo("%d searches, %d found a match", searched, found);
    QVERIFY(searched > 2000);
    QVERIFY(found > searched / 5 && found < searched * 9 / 10);
}

// Forward, the windowed search's first match is the engine's own leftmost match.
void TestRegexSearch::leftmostAgreesWithTheEngine()
{
    std::mt19937_64 random(13);
    RegexGenerator generator(random);
    const qint64 length = 4000;
    MemoryMap map(-1, length);
    Bytes bytes(length);
    for (auto &b : bytes)
        b = "abA\0"[random() % 4];
    map.write(bytes);
    int compared = 0;
    for (int round = 0; round < 300; ++round) {
        std::shared_ptr<const RegexPattern> regex;
        try {
            regex = std::make_shared<RegexPattern>(generator.regex(), false);
        } catch (const ValueError &) {
            continue;
        }
        BytePattern pattern;
        pattern.regex = regex;
        ChunkedSearch search(
            map, pattern, 0, length, ChunkedSearch::Direction::Forward, 1 + qint64(random() % 97));
        while (!search.step()) { }
        const RegexPattern::Match engine = regex->firstMatch(bytes);
        QCOMPARE(search.result(), engine.start);
        QCOMPARE(search.resultLength(), engine.length);
        ++compared;
    }
    QVERIFY(compared > 200);
}

// Find All's way, resuming after each match, gives every start where the regex matches.
void TestRegexSearch::resumingFindsEveryStart()
{
    std::mt19937_64 random(14);
    RegexGenerator generator(random);
    const qint64 length = 2000;
    MemoryMap map(-1, length);
    Bytes bytes(length);
    for (auto &b : bytes)
        b = "abA\0"[random() % 4];
    map.write(bytes);
    int compared = 0;
    for (int round = 0; round < 200; ++round) {
        std::shared_ptr<const RegexPattern> regex;
        try {
            regex = std::make_shared<RegexPattern>(generator.regex(), random() % 2 == 0);
        } catch (const ValueError &) {
            continue;
        }
        const qint64 start = qint64(random() % 100);
        const qint64 end = length - qint64(random() % 100);
        QList<std::pair<qint64, qint64>> expected;
        for (qint64 at = start; at < end; ++at) {
            const qint64 size
                = regex->matchAt(ByteView(bytes).subspan(std::size_t(at), std::size_t(end - at)));
            if (size >= 0)
                expected.append({at, size});
        }
        BytePattern pattern;
        pattern.regex = regex;
        ChunkedSearch search(map, pattern, start, end, ChunkedSearch::Direction::Forward,
            1 + qint64(random() % 300));
        QList<std::pair<qint64, qint64>> found;
        while (true) {
            while (!search.step()) { }
            if (search.result() < 0)
                break;
            found.append({search.result(), search.resultLength()});
            search.resumeAfterMatch();
        }
        QCOMPARE(found, expected);
        ++compared;
    }
    QVERIFY(compared > 100);
}

// 512 KiB of zeros, each a candidate for a regex whose literal prefix is a zero byte and
// which matches only once, near the end: a step gives up after a bounded number of
// candidates (so a cancel is seen between steps), and the answer stays exact.
void TestRegexSearch::denseCandidatesTakeBoundedSteps()
{
    const qint64 length = qint64(512) << 10;
    MemoryMap map(-1, length);
    const qint64 match = length - 10;
    map.seek(match);
    map.write(Bytes {0x00, 0x01, 0x02});
    const auto regex = std::make_shared<const RegexPattern>("\\x00[\\x01-\\x02]{2}", false);
    QCOMPARE(regex->prefix(), Bytes {0x00});
    struct Case
    {
        qint64 start, end;
        bool backward;
        qint64 expected;
    };
    for (const Case &c : {Case {0, length, false, match}, Case {0, match + 2, true, -1},
             Case {0, match + 2, false, -1}}) {
        RegexSearch search(map, regex, c.start, c.end, std::numeric_limits<qint64>::max(),
            c.backward, qint64(16) << 20);
        int steps = 1;
        while (!search.step())
            ++steps;
        QCOMPARE(search.result().start, c.expected);
        // Every zero byte is a candidate: hundreds of steps, not one per 16 MiB window.
        QVERIFY2(steps >= 64, qPrintable(QString::number(steps)));
    }
}

void TestRegexSearch::ignoresAsciiCaseOnly_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("letter") << QByteArray("ab") << QByteArray("aB") << true;
    QTest::newRow("escaped letter") << QByteArray("\\x61") << QByteArray("A") << true;
    QTest::newRow("quoted") << QByteArray("\\Qa.\\E") << QByteArray("A.") << true;
    QTest::newRow("range") << QByteArray("[b-d]{2}") << QByteArray("Cc") << true;
    QTest::newRow("range across") << QByteArray("[\\x00-B]") << QByteArray("b") << true;
    QTest::newRow("range across, out") << QByteArray("[\\x00-B]") << QByteArray("c") << false;
    QTest::newRow("negated") << QByteArray("[^a]") << QByteArray("A") << false;
    QTest::newRow("named") << QByteArray("[[:upper:]]") << QByteArray("q") << true;
    QTest::newRow("not latin-1") << QByteArray("\\xe9") << QByteArray("\xc9") << false;
    QTest::newRow("latin-1 itself") << QByteArray("\\xe9") << QByteArray("\xe9") << true;
    QTest::newRow("digit") << QByteArray("1") << QByteArray("1") << true;
}

// Ignore case folds the ASCII letters only, as the Text kind's option does.
void TestRegexSearch::ignoresAsciiCaseOnly()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, text);
    QFETCH(bool, matches);
    const RegexPattern regex(source.toStdString(), true);
    const ByteView bytes(
        reinterpret_cast<const std::uint8_t *>(text.constData()), std::size_t(text.size()));
    QCOMPARE(regex.matchAt(bytes) == text.size(), matches);
}

void TestRegexSearch::shapes_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<bool>("ignoreCase");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<qint64>("maxLength");
    QTest::newRow("zip header") << QByteArray("PK\\x03\\x04.{26}") << false
                                << QByteArray("PK\x03\x04") << qint64(30);
    QTest::newRow("no prefix") << QByteArray("[\\x80-\\xff]{8}\\x00") << false << QByteArray()
                               << qint64(9);
    QTest::newRow("quantified last byte")
        << QByteArray("abc?d") << false << QByteArray("ab") << qint64(4);
    QTest::newRow("alternation") << QByteArray("ab|cd") << false << QByteArray() << qint64(2);
    QTest::newRow("group") << QByteArray("x(ab|c){2,3}") << false << QByteArray("x") << qint64(7);
    QTest::newRow("ignore case") << QByteArray("\\x00ab") << true << QByteArray("\0", 1)
                                 << qint64(3);
    QTest::newRow("inline flag") << QByteArray("(?i)ab") << false << QByteArray() << qint64(2);
    QTest::newRow("quoted") << QByteArray("\\Qa.b\\E{1,4}?") << false << QByteArray("a.")
                            << qint64(6);
    QTest::newRow("class with bracket")
        << QByteArray("[]a]\\]{3}") << false << QByteArray() << qint64(4);
    QTest::newRow("literal brace")
        << QByteArray("a{,2}") << false << QByteArray("a{,2}") << qint64(5);
    QTest::newRow("octal and escapes")
        << QByteArray("\\0\\t\\.") << false << QByteArray("\0\t.", 3) << qint64(3);
}

void TestRegexSearch::shapes()
{
    QFETCH(QByteArray, source);
    QFETCH(bool, ignoreCase);
    QFETCH(QByteArray, prefix);
    QFETCH(qint64, maxLength);
    const RegexPattern regex(source.toStdString(), ignoreCase);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(regex.prefix().data()),
                 qsizetype(regex.prefix().size())),
        prefix);
    QCOMPARE(regex.maxLength(), maxLength);
}

void TestRegexSearch::refusals_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unbounded") << QByteArray("ab*") << QStringLiteral("bound its repetitions");
    QTest::newRow("open count") << QByteArray("a{2,}") << QStringLiteral("bound its repetitions");
    QTest::newRow("too long") << QByteArray(".{1000}").repeated(66)
                              << QStringLiteral("65536 bytes");
    QTest::newRow("empty") << QByteArray("a?") << QStringLiteral("empty string");
    QTest::newRow("anchor") << QByteArray("^ab") << QStringLiteral("^ is not supported");
    QTest::newRow("word") << QByteArray("a\\b") << QStringLiteral("\\b is not supported");
    QTest::newRow("bad") << QByteArray("(ab") << QStringLiteral("missing )");
}

void TestRegexSearch::refusals()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, reason);
    try {
        const RegexPattern regex(source.toStdString(), false);
        QFAIL("accepted");
    } catch (const ValueError &error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(reason), error.what());
    }
}

QTEST_GUILESS_MAIN(TestRegexSearch)
#include "tst_regexsearch.moc"
