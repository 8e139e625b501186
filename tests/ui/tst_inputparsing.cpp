// The one parsing module for typed input: hex bytes, sizes, offset expressions. Each
// case data-driven, plus a seeded fuzz run: whatever the text, a value or a message.
#include "inputparsing.h"

#include <QtTest>

#include <random>

using namespace hexmap::input;
using hexmap::Bytes;
using hexmap::TextEncoding;
using MaybeBytes = std::optional<QByteArray>;
using MaybeValue = std::optional<qint64>;
Q_DECLARE_METATYPE(MaybeBytes)
Q_DECLARE_METATYPE(MaybeValue)

class TestInputParsing : public QObject
{
    Q_OBJECT

private slots:
    void hexBytes_data();
    void hexBytes();
    void formatHex();
    void sizes_data();
    void sizes();
    void offsets_data();
    void offsets();
    void hexPatterns();
    void text();
    void ignoreCaseMatchesBothCasesAndNothingElse();
    void values_data();
    void values();
    void fuzzNeverCrashesAndAlwaysExplains();
};

void TestInputParsing::hexBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<MaybeBytes>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("spaced") << "48 65 6c" << MaybeBytes("He\x6c") << "";
    QTest::newRow("packed") << "48656C" << MaybeBytes("Hel") << "";
    QTest::newRow("0x") << "0x48 0X65" << MaybeBytes("He") << "";
    QTest::newRow("empty") << "  " << MaybeBytes(QByteArray()) << "";
    QTest::newRow("odd") << "486" << MaybeBytes()
                         << "odd number of hex digits: each byte takes two";
    QTest::newRow("split byte") << "4 8" << MaybeBytes()
                                << "odd number of hex digits: each byte takes two";
    QTest::newRow("not hex") << "4g" << MaybeBytes() << "'g' at position 2 is not a hex digit";
}

void TestInputParsing::hexBytes()
{
    QFETCH(QString, text);
    QFETCH(MaybeBytes, expected);
    QFETCH(QString, error);
    QString message;
    QCOMPARE(parseHexBytes(text, &message), expected);
    QCOMPARE(message, error);
}

void TestInputParsing::formatHex()
{
    QCOMPARE(hexmap::input::formatHex("\x01\xab\xff"), "01 AB FF");
    QCOMPARE(hexmap::input::formatHex({}), "");
    QCOMPARE(formatOffset(0x1f2a), "0x1F2A");
    QCOMPARE(formatOffset(0), "0x0");
}

void TestInputParsing::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<MaybeValue>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("decimal") << "4096" << MaybeValue(4096) << "";
    QTest::newRow("hex") << "0x1000" << MaybeValue(4096) << "";
    QTest::newRow("K") << "4K" << MaybeValue(4096) << "";
    QTest::newRow("KiB spaced") << " 4 KiB " << MaybeValue(4096) << "";
    QTest::newRow("KB") << "4kb" << MaybeValue(4000) << "";
    QTest::newRow("GiB") << "64GiB" << MaybeValue(qint64(64) << 30) << "";
    QTest::newRow("hex with suffix") << "0x10M" << MaybeValue(16 << 20) << "";
    QTest::newRow("empty") << "" << MaybeValue() << "enter a size";
    QTest::newRow("negative") << "-1" << MaybeValue()
                              << "expected a number at position 1, found '-'";
    QTest::newRow("trailing") << "12 apples" << MaybeValue() << "unexpected 'a' at position 4";
    QTest::newRow("unknown suffix") << "4Kx" << MaybeValue() << "unexpected 'K' at position 2";
    QTest::newRow("overflow") << "99999999999999999999" << MaybeValue() << "the value is too large";
    QTest::newRow("suffix overflow") << "9999999T" << MaybeValue() << "the value is too large";
    QTest::newRow("bare 0x") << "0x" << MaybeValue() << "a number is missing at the end";
}

void TestInputParsing::sizes()
{
    QFETCH(QString, text);
    QFETCH(MaybeValue, expected);
    QFETCH(QString, error);
    QString message;
    QCOMPARE(parseSize(text, &message), expected);
    QCOMPARE(message, error);
}

void TestInputParsing::offsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasCursor");
    QTest::addColumn<MaybeValue>("expected");
    QTest::addColumn<QString>("error");
    // Data of 1 MiB, cursor at 0x1000 where there is one.
    QTest::newRow("absolute") << "100" << true << MaybeValue(100) << "";
    QTest::newRow("arithmetic") << "0x100 + 2*4K - 1" << true << MaybeValue(0x100 + 8192 - 1) << "";
    QTest::newRow("precedence") << "2+3*4" << true << MaybeValue(14) << "";
    QTest::newRow("end") << "end - 16" << true << MaybeValue((1 << 20) - 16) << "";
    QTest::newRow("relative forward") << "+0x20" << true << MaybeValue(0x1020) << "";
    QTest::newRow("relative back") << "-8" << true << MaybeValue(0x1000 - 8) << "";
    QTest::newRow("from the end without cursor")
        << "-16" << false << MaybeValue((1 << 20) - 16) << "";
    QTest::newRow("plus without cursor")
        << "+16" << false << MaybeValue() << "+N needs a cursor to count from";
    QTest::newRow("past the end") << "1M" << true << MaybeValue()
                                  << "1048576 is outside the data (0 to 1048575)";
    QTest::newRow("before the start")
        << "-0x2000" << true << MaybeValue() << "-4096 is outside the data (0 to 1048575)";
    QTest::newRow("dangling operator")
        << "4 +" << true << MaybeValue() << "a number is missing at the end";
    QTest::newRow("garbage") << "abc" << true << MaybeValue()
                             << "expected a number at position 1, found 'a'";
    QTest::newRow("empty") << "   " << true << MaybeValue() << "enter an offset";
    QTest::newRow("overflow") << "end*end*end*end" << true << MaybeValue()
                              << "the value is too large";
}

void TestInputParsing::offsets()
{
    QFETCH(QString, text);
    QFETCH(bool, hasCursor);
    QFETCH(MaybeValue, expected);
    QFETCH(QString, error);
    OffsetContext context {1 << 20, {}};
    if (hasCursor)
        context.cursor = 0x1000;
    QString message;
    QCOMPARE(parseOffset(text, context, &message), expected);
    QCOMPARE(message, error);
}

void TestInputParsing::hexPatterns()
{
    QString error;
    const auto wild = parseHexPattern(u"7F ?? 4c??", &error);
    QVERIFY(wild);
    QCOMPARE(wild->bytes, (Bytes {0x7f, 0, 0x4c, 0}));
    QCOMPARE(wild->mask, (Bytes {0xff, 0, 0xff, 0}));
    const auto literal = parseHexPattern(u"7f45");
    QVERIFY(literal && literal->isLiteral());
    QCOMPARE(literal->bytes, (Bytes {0x7f, 0x45}));
    QVERIFY(!parseHexPattern(u"7f ?", &error));
    QCOMPARE(error, "'?' at position 4 is not a hex digit");
    QVERIFY(!parseHexPattern(u"7f ?? 4x", &error));
    QCOMPARE(error, "'x' at position 8 is not a hex digit");
    QVERIFY(!parseHexPattern(u" ", &error));
    QCOMPARE(error, "enter the bytes to find");
}

void TestInputParsing::text()
{
    QString error;
    const auto utf8 = encodeText(QStringLiteral("h\u00e9"), TextEncoding::Utf8, false);
    QCOMPARE(utf8->bytes, (Bytes {'h', 0xc3, 0xa9}));
    QVERIFY(utf8->isLiteral());
    const auto latin1 = encodeText(QStringLiteral("h\u00e9"), TextEncoding::Latin1, false);
    QCOMPARE(latin1->bytes, (Bytes {'h', 0xe9}));
    const auto utf16 = encodeText(QStringLiteral("Hi"), TextEncoding::Utf16LE, true);
    QCOMPARE(utf16->bytes, (Bytes {'H', 0, 'i', 0}));
    QCOMPARE(utf16->mask, (Bytes {0xdf, 0xff, 0xdf, 0xff}));
    const auto mixed = encodeText(QStringLiteral("a1"), TextEncoding::Latin1, true);
    QCOMPARE(mixed->mask, (Bytes {0xdf, 0xff})); // digits stay exact
    QVERIFY(!encodeText(QStringLiteral("\u4e2d"), TextEncoding::Latin1, false, &error));
    QCOMPARE(error, QStringLiteral("'\u4e2d' is not in Latin-1"));
    QVERIFY(!encodeText({}, TextEncoding::Utf8, false, &error));
    const auto ebcdic = encodeText(QStringLiteral("Ab1"), TextEncoding::Ibm037, true);
    QCOMPARE(ebcdic->bytes, (Bytes {0xc1, 0x82, 0xf1}));
    QCOMPARE(ebcdic->mask, (Bytes {0xbf, 0xbf, 0xff})); // EBCDIC's cases differ in 0x40
}

// In every encoding, a random word with ignore case matches the encoding of exactly the
// words equal to it ignoring ASCII case: random case flips and random letter changes.
void TestInputParsing::ignoreCaseMatchesBothCasesAndNothingElse()
{
    std::mt19937_64 random(7);
    const auto matches = [](const hexmap::BytePattern &pattern, const QByteArray &data) {
        if (qsizetype(pattern.bytes.size()) != data.size())
            return false;
        for (qsizetype i = 0; i < data.size(); ++i) {
            const std::uint8_t mask = pattern.mask.empty() ? 0xff : pattern.mask[size_t(i)];
            if ((std::uint8_t(data[i]) & mask) != (pattern.bytes[size_t(i)] & mask))
                return false;
        }
        return true;
    };
    const QString alphabet = QStringLiteral("abcxyzABCXYZ019 _");
    for (const TextEncoding encoding : hexmap::textEncodings()) {
        for (int round = 0; round < 300; ++round) {
            QString word;
            for (int i = 1 + int(random() % 8); i > 0; --i)
                word += alphabet[qsizetype(random() % quint64(alphabet.size()))];
            QString other = word;
            for (QChar &c : other) {
                if (random() % 3 == 0)
                    c = c.isUpper() ? c.toLower() : c.toUpper();
                if (random() % 8 == 0)
                    c = alphabet[qsizetype(random() % quint64(alphabet.size()))];
            }
            const auto pattern = encodeText(word, encoding, true);
            QVERIFY(pattern);
            QCOMPARE(matches(*pattern, *hexmap::encodeCharacters(other, encoding)),
                word.compare(other, Qt::CaseInsensitive) == 0);
        }
    }
}

void TestInputParsing::values_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<MaybeBytes>("expected");
    QTest::newRow("u16 le") << "0x1234" << 2 << false << MaybeBytes("\x34\x12");
    QTest::newRow("u16 be") << "0x1234" << 2 << true << MaybeBytes("\x12\x34");
    QTest::newRow("i8 -1") << "-1" << 1 << false << MaybeBytes("\xff");
    QTest::newRow("i8 -128") << "-128" << 1 << false << MaybeBytes("\x80");
    QTest::newRow("i8 -129") << "-129" << 1 << false << MaybeBytes();
    QTest::newRow("u8 256") << "256" << 1 << false << MaybeBytes();
    QTest::newRow("u32") << "4294967295" << 4 << false << MaybeBytes("\xff\xff\xff\xff");
    QTest::newRow("i64 min") << "-9223372036854775808" << 8 << true << MaybeBytes();
    QTest::newRow("i64 -2") << "-2" << 8 << true << MaybeBytes(QByteArray(7, '\xff') + '\xfe');
    QTest::newRow("garbage") << "x" << 4 << false << MaybeBytes();
}

void TestInputParsing::values()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(bool, bigEndian);
    QFETCH(MaybeBytes, expected);
    QString error;
    QCOMPARE(encodeValue(text, width, bigEndian, &error), expected);
    QCOMPARE(error.isEmpty(), expected.has_value());
}

void TestInputParsing::fuzzNeverCrashesAndAlwaysExplains()
{
    const QString alphabet
        = QStringLiteral("0123456789abcdefxXKMGTiBkmgt+-* ()endEND?\t\u00e9\u4e2d");
    std::mt19937 random(20261127);
    int values = 0;
    for (int round = 0; round < 100000; ++round) {
        QString text;
        const int length = int(random() % 24);
        for (int i = 0; i < length; ++i)
            text += alphabet[int(random() % alphabet.size())];
        QString error;
        const MaybeValue offset
            = parseOffset(text, {qint64(random() % (1ULL << 40)), qint64(random() % 1000)}, &error);
        QVERIFY2(offset.has_value() != !error.isEmpty(), qPrintable(text));
        error.clear();
        const MaybeValue size = parseSize(text, &error);
        QVERIFY2(size.has_value() != !error.isEmpty(), qPrintable(text));
        QVERIFY(!size || *size >= 0);
        error.clear();
        const MaybeBytes bytes = parseHexBytes(text, &error);
        QVERIFY2(bytes.has_value() != !error.isEmpty(), qPrintable(text));
        error.clear();
        const auto pattern = parseHexPattern(text, &error);
        QVERIFY2(pattern.has_value() != !error.isEmpty(), qPrintable(text));
        QVERIFY(!pattern || pattern->mask.empty() || pattern->mask.size() == pattern->bytes.size());
        values += offset.has_value() + size.has_value() + bytes.has_value() + pattern.has_value();
    }
    QVERIFY2(values > 1000, "the generator must also produce valid input");
}

QTEST_GUILESS_MAIN(TestInputParsing)
#include "tst_inputparsing.moc"
