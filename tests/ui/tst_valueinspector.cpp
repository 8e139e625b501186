// The value inspector without its dock: each type decoded from known bytes in both byte
// orders (with the reason when the bytes cannot hold it), typed values encoded and
// refused, every type's decode and encode checked against each other over random bytes,
// and the inspector over a real document: it follows the cursor, writes one undo step,
// and refuses (writing nothing) garbage, read-only maps and bytes gone from the file.
#include "document.h"
#include "editor.h"
#include "opendocument.h"
#include "scratchfile.h"
#include "valueinspector.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace hexmap;
using values::Type;

Q_DECLARE_METATYPE(hexmap::values::Type)

class TestValueInspector : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void encode_data();
    void encode();
    void roundTrip_data();
    void roundTrip();
    void followsTheCursor();
    void writesOneUndoStep();
    void lebKeepsItsLength();
    void refusesAndWritesNothing();
    void bytesGoneFromTheFile();
};

void TestValueInspector::decode_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("whyNot");
    const auto row = [](const char *name, Type type, const char *hex, bool big, const char *text,
                         const char *whyNot = "") {
        QTest::newRow(name) << type << QByteArray(hex) << big << QString::fromUtf8(text)
                            << QString::fromUtf8(whyNot);
    };
    row("int8", Type::Int8, "ff", false, "-1");
    row("uint8", Type::UInt8, "ff", false, "255");
    row("int16 le", Type::Int16, "feff", false, "-2");
    row("int16 be", Type::Int16, "fffe", true, "-2");
    row("uint16 le", Type::UInt16, "3412", false, "4660");
    row("uint16 be", Type::UInt16, "1234", true, "4660");
    row("int32", Type::Int32, "ffffffff", false, "-1");
    row("uint32", Type::UInt32, "78563412", false, "305419896");
    row("int64 min", Type::Int64, "0000000000000080", false, "-9223372036854775808");
    row("uint64 max", Type::UInt64, "ffffffffffffffff", true, "18446744073709551615");
    row("int64 short", Type::Int64, "010203", false, "", "needs 8 bytes, 3 left");
    row("float16 one", Type::Float16, "003c", false, "1");
    row("float16 be", Type::Float16, "c000", true, "-2");
    row("float16 inf", Type::Float16, "007c", false, "inf");
    row("float16 nan", Type::Float16, "017e", false, "NaN (0x7e01)");
    row("float16 subnormal", Type::Float16, "0100", false, "6e-08");
    row("bfloat16", Type::BFloat16, "c03f", false, "1.5");
    row("float32 tenth", Type::Float32, "cdcccc3d", false, "0.1");
    row("float32 -0", Type::Float32, "00000080", false, "-0");
    row("float64 le", Type::Float64, "9a9999999999b93f", false, "0.1");
    row("float64 be", Type::Float64, "3ff0000000000000", true, "1");
    row("float64 short", Type::Float64, "3ff0", true, "", "needs 8 bytes, 2 left");
    row("binary", Type::Binary, "48", false, "01001000");
    row("octal", Type::Octal, "ff", false, "377");
    row("latin-1", Type::Latin1, "e9", false, "é");
    row("latin-1 control", Type::Latin1, "00", false, "\\x00");
    row("utf-8 ascii", Type::Utf8, "41", false, "U+0041 A");
    row("utf-8 two", Type::Utf8, "c3a9", false, "U+00E9 é");
    row("utf-8 four", Type::Utf8, "f09f9880", false, "U+1F600 😀");
    row("utf-8 continuation", Type::Utf8, "80", false, "", "not the start of a UTF-8 character");
    row("utf-8 cut", Type::Utf8, "e282", false, "", "needs 3 bytes, 2 left");
    row("utf-8 surrogate", Type::Utf8, "eda080", false, "",
        "not a UTF-8 character (overlong, surrogate or past U+10FFFF)");
    row("utf-16 le", Type::Utf16, "ac20", false, "U+20AC €");
    row("utf-16 be", Type::Utf16, "20ac", true, "U+20AC €");
    row("utf-16 surrogate", Type::Utf16, "3dd8", false, "U+D83D");
    row("time_t epoch", Type::Time32, "00000000", false, "1970-01-01 00:00:00 UTC");
    row("time_t 2038", Type::Time32, "7fffffff", true, "2038-01-19 03:14:07 UTC");
    row("time_t 1901", Type::Time32, "00000080", false, "1901-12-13 20:45:52 UTC");
    row("time64 far", Type::Time64, "ffffffffffffff7f", false, "292277026596-12-04 15:30:07 UTC");
    row("filetime 1601", Type::FileTime, "0000000000000000", false,
        "1601-01-01 00:00:00.0000000 UTC");
    row("filetime 1970", Type::FileTime, "00803ed5deb19d01", false,
        "1970-01-01 00:00:00.0000000 UTC");
    row("dos", Type::DosDateTime, "0539a658", false, "2024-05-06 07:08:10");
    row("dos zeros", Type::DosDateTime, "00000000", false, "1980-00-00 00:00:00");
    row("guid le", Type::Guid, "33221100554477668899aabbccddeeff", false,
        "{00112233-4455-6677-8899-AABBCCDDEEFF}");
    row("guid be", Type::Guid, "00112233445566778899aabbccddeeff", true,
        "{00112233-4455-6677-8899-AABBCCDDEEFF}");
    row("guid short", Type::Guid, "0011", false, "", "needs 16 bytes, 2 left");
    row("uleb128", Type::Uleb128, "e58e2600", false, "624485");
    row("sleb128", Type::Sleb128, "c0bb78", false, "-123456");
    row("uleb128 max", Type::Uleb128, "ffffffffffffffffff01", false, "18446744073709551615");
    row("uleb128 too big", Type::Uleb128, "ffffffffffffffffff02", false, "",
        "does not fit in 64 bits");
    row("uleb128 cut", Type::Uleb128, "8080", false, "",
        "needs more than the 2 bytes left (no last byte)");
}

void TestValueInspector::decode()
{
    QFETCH(Type, type);
    QFETCH(QByteArray, hex);
    QFETCH(bool, bigEndian);
    QFETCH(QString, text);
    QFETCH(QString, whyNot);
    const values::Decoded value = values::decode(type, QByteArray::fromHex(hex), bigEndian);
    QCOMPARE(value.text, text);
    QCOMPARE(value.whyNot, whyNot);
}

void TestValueInspector::encode_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<int>("minimumSize");
    QTest::addColumn<QByteArray>("hex"); // empty: refused, with an error
    const auto row = [](const char *name, Type type, const char *text, bool big, const char *hex,
                         int minimumSize = 0) {
        QTest::newRow(name) << type << QString::fromUtf8(text) << big << minimumSize
                            << QByteArray(hex);
    };
    row("int8", Type::Int8, "127", false, "7f");
    row("int8 too small", Type::Int8, "-129", false, "");
    row("int8 hex bits", Type::Int8, "0xff", false, "ff");
    row("uint8 negative", Type::UInt8, "-1", false, "");
    row("uint8 too big", Type::UInt8, "256", false, "");
    row("int16 hex be", Type::Int16, "0x1234", true, "1234");
    row("uint32 garbage", Type::UInt32, "abc", false, "");
    row("int64 min", Type::Int64, "-9223372036854775808", false, "0000000000000080");
    row("float16 max", Type::Float16, "65504", false, "ff7b");
    row("float16 too big", Type::Float16, "1e6", false, "");
    row("float32 nan", Type::Float32, "nan", false, "0000c07f");
    row("float32 nan bits", Type::Float32, "NaN (0x7fc00001)", true, "7fc00001");
    row("float32 not nan bits", Type::Float32, "NaN (0x3f800000)", true, "");
    row("float64 -inf", Type::Float64, "-inf", true, "fff0000000000000");
    row("float64 garbage", Type::Float64, "1.2.3", false, "");
    row("binary", Type::Binary, "0100 1000", false, "48");
    row("binary not", Type::Binary, "2", false, "");
    row("octal too big", Type::Octal, "400", false, "");
    row("latin-1", Type::Latin1, "é", false, "e9");
    row("latin-1 escape", Type::Latin1, "\\x41", false, "41");
    row("latin-1 two", Type::Latin1, "AB", false, "");
    row("utf-8 code point", Type::Utf8, "U+20AC", false, "e282ac");
    row("utf-8 character", Type::Utf8, "€", false, "e282ac");
    row("utf-8 surrogate", Type::Utf8, "U+D800", false, "");
    row("utf-16 astral", Type::Utf16, "😀", false, "");
    row("utf-16 be", Type::Utf16, "A", true, "0041");
    row("time_t", Type::Time32, "1970-01-01 00:00:01", false, "01000000");
    row("time_t past 2038", Type::Time32, "2038-01-19 03:14:08", false, "");
    row("time_t no such day", Type::Time32, "2023-02-29 00:00:00", false, "");
    row("time_t leap day", Type::Time32, "2024-02-29T00:00:00Z", true, "65dfc900");
    row("filetime", Type::FileTime, "1970-01-01 00:00:00.0000001 UTC", false, "01803ed5deb19d01");
    row("filetime before 1601", Type::FileTime, "1600-12-31 23:59:59", false, "");
    row("dos", Type::DosDateTime, "2024-05-06 07:08:10", false, "0539a658");
    row("dos odd second", Type::DosDateTime, "2024-05-06 07:08:11", false, "");
    row("guid", Type::Guid, "00112233-4455-6677-8899-aabbccddeeff", false,
        "33221100554477668899aabbccddeeff");
    row("guid garbage", Type::Guid, "{0011}", false, "");
    row("uleb128", Type::Uleb128, "624485", false, "e58e26");
    row("uleb128 padded", Type::Uleb128, "1", false, "818000", 3);
    row("sleb128", Type::Sleb128, "-123456", false, "c0bb78");
    row("sleb128 padded", Type::Sleb128, "-1", false, "ff7f", 2);
    row("sleb128 garbage", Type::Sleb128, "x", false, "");
}

void TestValueInspector::encode()
{
    QFETCH(Type, type);
    QFETCH(QString, text);
    QFETCH(bool, bigEndian);
    QFETCH(int, minimumSize);
    QFETCH(QByteArray, hex);
    QString error;
    const auto bytes = values::encode(type, text, bigEndian, minimumSize, &error);
    if (hex.isEmpty()) {
        QVERIFY2(!bytes, bytes ? bytes->toHex().constData() : "");
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(bytes, qPrintable(error));
        QCOMPARE(bytes->toHex(), hex);
    }
}

void TestValueInspector::roundTrip_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<bool>("bigEndian");
    for (const Type type : values::allTypes()) {
        for (const bool big : {false, true}) {
            QTest::addRow("%s %s", qPrintable(values::name(type)), big ? "be" : "le")
                << type << big;
        }
    }
}

// Random bytes → decode → encode gives the same bytes, for every value the bytes hold.
// Only UTF-8 and LEB128 have byte sequences that hold no value.
void TestValueInspector::roundTrip()
{
    QFETCH(Type, type);
    QFETCH(bool, bigEndian);
    QRandomGenerator random(quint32(type) * 2 + bigEndian + 1);
    int decoded = 0;
    constexpr int kRounds = 3000;
    for (int round = 0; round < kRounds; ++round) {
        QByteArray bytes(values::kMaxBytes, '\0');
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), values::kMaxBytes / 4);
        if (round == 0) // zeros: +0, the epoch, DOS's month 0
            bytes.fill('\0');
        if (round % 4 == 1) // short sequences, for the variable-length types
            bytes[random.bounded(4)] = char(random.bounded(0x80));
        const values::Decoded value = values::decode(type, bytes, bigEndian);
        if (!value.isValid())
            continue;
        ++decoded;
        QString error;
        const auto encoded = values::encode(type, value.text, bigEndian, value.size, &error);
        QVERIFY2(encoded, qPrintable(value.text + ": " + error));
        QVERIFY2(*encoded == bytes.left(value.size),
            qPrintable(QStringLiteral("%1 from %2 gives %3")
                           .arg(value.text, bytes.left(value.size).toHex(), encoded->toHex())));
    }
    if (values::fixedSize(type) > 0)
        QCOMPARE(decoded, kRounds);
    else
        QVERIFY(decoded > kRounds / 10);
}

void TestValueInspector::followsTheCursor()
{
    ScratchFile file(QByteArray::fromHex("0100000002000000ff"));
    auto document = openDocument(file.path());
    Editor editor(document.get());
    ValueInspector inspector;
    QSignalSpy changed(&inspector, &ValueInspector::changed);
    inspector.setEditor(&editor);
    QCOMPARE(inspector.value(Type::Int32).text, "1");
    changed.clear();
    editor.moveCursor(4);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inspector.value(Type::Int32).text, "2");
    inspector.setBigEndian(true);
    QCOMPARE(inspector.value(Type::Int32).text, "33554432");
    editor.moveCursor(6);
    QCOMPARE(inspector.value(Type::Int32).whyNot, "needs 4 bytes, 3 left");
    QCOMPARE(inspector.value(Type::UInt16).text, "0");
    // A change from elsewhere (undo, another view) is told too.
    changed.clear();
    QVERIFY(document->overwrite(6, QByteArray(1, '\x01')));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inspector.value(Type::UInt16).text, "256");
}

void TestValueInspector::writesOneUndoStep()
{
    ScratchFile file(QByteArray(16, '\0'));
    auto document = openDocument(file.path());
    Editor editor(document.get());
    ValueInspector inspector;
    inspector.setEditor(&editor);
    editor.moveCursor(4);
    QSignalSpy changed(&inspector, &ValueInspector::changed);
    QVERIFY2(inspector.write(Type::Float64, "-2.5"), qPrintable(inspector.lastError()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(file.contents().mid(4, 8).toHex(), "00000000000004c0");
    QCOMPARE(inspector.value(Type::Float64).text, "-2.5");
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(editor.cursorOffset(), 4); // the cursor stays on the value
    QVERIFY(document->undo());
    QCOMPARE(file.contents(), QByteArray(16, '\0'));
}

void TestValueInspector::lebKeepsItsLength()
{
    ScratchFile file(QByteArray::fromHex("e58e2641"));
    auto document = openDocument(file.path());
    Editor editor(document.get());
    ValueInspector inspector;
    inspector.setEditor(&editor);
    QVERIFY(inspector.write(Type::Uleb128, "2"));
    QCOMPARE(file.contents().toHex(), "82800041"); // no stray byte of the old value
    QCOMPARE(inspector.value(Type::Uleb128).text, "2");
}

void TestValueInspector::refusesAndWritesNothing()
{
    const QByteArray bytes(8, 'x');
    ScratchFile file(bytes);
    auto document = openDocument(file.path());
    Editor editor(document.get());
    ValueInspector inspector;
    QVERIFY(!inspector.write(Type::UInt8, "1"));
    QCOMPARE(inspector.lastError(), "no document");
    inspector.setEditor(&editor);
    QVERIFY(!inspector.write(Type::UInt8, "300"));
    QCOMPARE(inspector.lastError(), "300 is outside 0 to 255");
    QVERIFY(!inspector.write(Type::Guid, "{00112233-4455-6677-8899-aabbccddeeff}"));
    QVERIFY(!inspector.lastError().isEmpty()); // 16 bytes past an 8-byte map
    QCOMPARE(file.contents(), bytes);
    QCOMPARE(document->undoStack()->count(), 0);

    auto readOnly = openDocument(file.path(), Document::Mode::ReadOnly);
    Editor reader(readOnly.get());
    inspector.setEditor(&reader);
    QVERIFY(!inspector.whyNotWrite().isEmpty());
    QVERIFY(!inspector.write(Type::UInt8, "1"));
    QCOMPARE(inspector.lastError(), readOnly->whyNot(Document::Operation::Edit));
    QCOMPARE(inspector.value(Type::UInt8).text, "120"); // still read
    QCOMPARE(file.contents(), bytes);
}

void TestValueInspector::bytesGoneFromTheFile()
{
    ScratchFile file(QByteArray(2 * 4096, 'x'));
    auto document = openDocument(file.path());
    Editor editor(document.get());
    ValueInspector inspector;
    inspector.setEditor(&editor);
    editor.moveCursor(4096 - 2);
    file.truncate(4096);
    QCOMPARE(inspector.value(Type::UInt16).text, "30840");
    QCOMPARE(inspector.value(Type::UInt32).whyNot, "needs 4 bytes, 2 left");
    editor.moveCursor(5000);
    QVERIFY(inspector.value(Type::UInt8).whyNot.startsWith("the bytes are gone from the file"));
    QVERIFY(!inspector.write(Type::UInt8, "1"));
    QVERIFY(!inspector.lastError().isEmpty());
    QCOMPARE(document->undoStack()->count(), 0);
    QCOMPARE(file.size(), 4096);
}

QTEST_GUILESS_MAIN(TestValueInspector)
#include "tst_valueinspector.moc"
