// ByteFormatter: the text of random bytes cut into random chunks is the text of them in
// one piece; xxd and base64 (the real tools) give the same text; the source-code
// arrays parse back, the way each language reads them, to the bytes.
#include "byteformat.h"
#include "inputparsing.h"
#include "seeds.h"
#include "textglyph.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtTest>

#include <random>

using namespace hexmap;

namespace {

QByteArray randomBytes(std::mt19937_64 &random, qsizetype size)
{
    QByteArray bytes(size, '\0');
    for (char &c : bytes)
        c = char(random());
    return bytes;
}

// The text of bytes written through one formatter in chunks cut at random places (some
// empty).
QByteArray formatInChunks(ByteFormat format, const QByteArray &bytes, qint64 start,
    std::mt19937_64 &random, TextEncoding encoding = TextEncoding::Ascii)
{
    ByteFormatter formatter(format, bytes.size(), start, encoding);
    QByteArray out;
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype size = qsizetype(random() % 40);
        formatter.write(QByteArrayView(bytes).sliced(at, std::min(size, bytes.size() - at)), out);
        at += size;
    }
    formatter.finish(out);
    return out;
}

// What a tool prints for the bytes of file (its arguments before the file's name).
QByteArray toolOutput(const QString &tool, QStringList arguments, const QByteArray &bytes)
{
    QTemporaryFile file;
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush())
        return "(cannot write the input)";
    QProcess process;
    process.start(tool, arguments << file.fileName());
    process.waitForFinished();
    return process.exitCode() == 0 ? process.readAllStandardOutput()
                                   : "(" + tool.toUtf8() + " failed)";
}

// The bytes an array literal in a source language holds, read as that language reads
// it: the declaration exactly, then items "0xNN," ("(byte)0xNN," in Java, where a byte
// is signed and 0x80 and above need the cast) with only spaces and line breaks between
// them. Null when the text is not such a literal.
std::optional<QByteArray> parseArray(ByteFormat format, const QByteArray &text, qsizetype n)
{
    const QByteArray count = QByteArray::number(n);
    const QMap<ByteFormat, std::pair<QByteArray, QByteArray>> frames {
        {ByteFormat::C, {"unsigned char data[" + count + "] = {\n", "};\n"}},
        {ByteFormat::Rust, {"let data: [u8; " + count + "] = [\n", "];\n"}},
        {ByteFormat::Go, {"[]byte{\n", "}"}},
        {ByteFormat::Java, {"byte[] data = {\n", "};\n"}},
        {ByteFormat::CSharp, {"byte[] data = {\n", "};\n"}},
    };
    const auto [head, tail] = frames.value(format);
    if (!text.startsWith(head) || !text.endsWith(tail))
        return std::nullopt;
    const QString body
        = QString::fromLatin1(text.mid(head.size(), text.size() - head.size() - tail.size()));
    const QRegularExpression item(format == ByteFormat::Java
            ? QStringLiteral("\\(byte\\)0x([0-9a-f]{2}),")
            : QStringLiteral("0x([0-9a-f]{2}),"));
    QByteArray bytes;
    qsizetype at = 0;
    for (const QRegularExpressionMatch &match : item.globalMatch(body)) {
        if (!body.mid(at, match.capturedStart() - at).trimmed().isEmpty())
            return std::nullopt;
        const int value = match.captured(1).toInt(nullptr, 16);
        // Java: (byte)0xNN is the signed value NN - 256 for NN >= 0x80, the same bits.
        bytes.append(char(format == ByteFormat::Java ? qint8(value) : quint8(value)));
        at = match.capturedEnd();
    }
    if (!body.mid(at).trimmed().isEmpty() || (!body.isEmpty() && !body.endsWith('\n')))
        return std::nullopt;
    return bytes;
}

// A Python bytes literal b"..." made of \xNN escapes only.
std::optional<QByteArray> parsePython(const QByteArray &text)
{
    static const QRegularExpression literal(QStringLiteral("^b\"((?:\\\\x[0-9a-f]{2})*)\"$"));
    const QRegularExpressionMatch match = literal.match(QString::fromLatin1(text));
    if (!match.hasMatch())
        return std::nullopt;
    return QByteArray::fromHex(match.captured(1).remove(QStringLiteral("\\x")).toLatin1());
}

} // namespace

class TestByteFormat : public QObject
{
    Q_OBJECT

private slots:
    void chunksMakeTheSameTextAsOnePiece();
    void arraysParseBackToTheBytes();
    void xxdMatchesTheTool();
    void xxdOffsetsPastFourGiBMatchTheTool();
    void base64MatchesTheTool();
    void hexTextAndCharactersAreWhatCopyGave();
    void charactersInChunksAreTheTextPanes();
};

void TestByteFormat::chunksMakeTheSameTextAsOnePiece()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_BYTEFORMAT_SEED", 1, 300)) {
        std::mt19937_64 random(seed);
        const QByteArray bytes = randomBytes(random, qsizetype(random() % 200));
        const qint64 start = qint64(random() % 100000);
        for (const ByteFormat format : byteFormats()) {
            const QByteArray whole = ByteFormatter::format(format, bytes, start);
            QVERIFY2(formatInChunks(format, bytes, start, random) == whole,
                qPrintable(QStringLiteral("seed %1, %2").arg(seed).arg(byteFormatName(format))));
            QVERIFY(
                whole.size() <= ByteFormatter(format, bytes.size(), start).maxSize(bytes.size()));
        }
    }
}

void TestByteFormat::arraysParseBackToTheBytes()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_BYTEFORMAT_SEED", 1, 200)) {
        std::mt19937_64 random(seed);
        const QByteArray bytes = randomBytes(random, qsizetype(random() % 100));
        for (const ByteFormat format : {ByteFormat::C, ByteFormat::Rust, ByteFormat::Go,
                 ByteFormat::Java, ByteFormat::CSharp}) {
            const QByteArray text = formatInChunks(format, bytes, 0, random);
            QCOMPARE(parseArray(format, text, bytes.size()), bytes);
        }
        QCOMPARE(parsePython(formatInChunks(ByteFormat::Python, bytes, 0, random)), bytes);
    }
    // The parsers do fail: they are no pass-through.
    QVERIFY(!parseArray(ByteFormat::C, "unsigned char data[1] = {\n    0x4g,\n};\n", 1));
    QVERIFY(!parsePython("b\"\\x4\""));
}

void TestByteFormat::xxdMatchesTheTool()
{
    const QString xxd = QStandardPaths::findExecutable(QStringLiteral("xxd"));
    QVERIFY2(!xxd.isEmpty(), "xxd is not installed (scripts/debian-packages.txt lists it)");
    for (const quint64 seed : generatedSeeds("HEXMAP_BYTEFORMAT_SEED", 1, 40)) {
        std::mt19937_64 random(seed);
        const QByteArray file = randomBytes(random, 1 + qsizetype(random() % 600));
        const qsizetype start = qsizetype(random() % file.size());
        const qsizetype length = 1 + qsizetype(random() % (file.size() - start));
        const QByteArray expected = toolOutput(xxd,
            {QStringLiteral("-s"), QString::number(start), QStringLiteral("-l"),
                QString::number(length)},
            file);
        QCOMPARE(formatInChunks(ByteFormat::Xxd, file.mid(start, length), start, random), expected);
    }
}

void TestByteFormat::xxdOffsetsPastFourGiBMatchTheTool()
{
    // A sparse file: xxd reads the 40 bytes at 4 GiB + 0x123 (9 hex digits of offset).
    const qint64 start = (qint64(1) << 32) + 0x123;
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray bytes = "hexmap past four GiB: offsets grow a digit";
    QVERIFY(file.seek(start));
    QCOMPARE(file.write(bytes), bytes.size());
    QVERIFY(file.flush());
    QProcess xxd;
    xxd.start(QStringLiteral("xxd"),
        {QStringLiteral("-s"), QString::number(start), QStringLiteral("-l"),
            QString::number(bytes.size()), file.fileName()});
    QVERIFY(xxd.waitForFinished());
    const QByteArray expected = xxd.readAllStandardOutput();
    QVERIFY2(expected.startsWith("100000123: "), expected.constData());
    QCOMPARE(ByteFormatter::format(ByteFormat::Xxd, bytes, start), expected);
}

void TestByteFormat::base64MatchesTheTool()
{
    const QString base64 = QStandardPaths::findExecutable(QStringLiteral("base64"));
    QVERIFY(!base64.isEmpty());
    for (const quint64 seed : generatedSeeds("HEXMAP_BYTEFORMAT_SEED", 1, 40)) {
        std::mt19937_64 random(seed);
        // Sizes around the line of 57 bytes and the triplets, and larger ones.
        const qsizetype size
            = seed <= 10 ? qsizetype(seed) - 1 + (seed > 5 ? 52 : 0) : qsizetype(random() % 1000);
        const QByteArray bytes = randomBytes(random, size);
        QCOMPARE(
            formatInChunks(ByteFormat::Base64, bytes, 0, random), toolOutput(base64, {}, bytes));
    }
}

void TestByteFormat::hexTextAndCharactersAreWhatCopyGave()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_BYTEFORMAT_SEED", 1, 50)) {
        std::mt19937_64 random(seed);
        const QByteArray bytes = randomBytes(random, qsizetype(random() % 300));
        QCOMPARE(QString::fromLatin1(formatInChunks(ByteFormat::HexText, bytes, 0, random)),
            input::formatHex(bytes));
        QByteArray glyphs;
        for (const char c : bytes)
            glyphs.append(textGlyph(quint8(c)));
        QCOMPARE(formatInChunks(ByteFormat::Characters, bytes, 0, random), glyphs);
        QCOMPARE(formatInChunks(ByteFormat::Raw, bytes, 0, random), bytes);
    }
}

// Characters in every encoding: text and garbage cut into random chunks (characters
// split between them) is the text pane's text of the bytes in one piece, as UTF-8,
// within maxSize.
void TestByteFormat::charactersInChunksAreTheTextPanes()
{
    const QString pool = QStringLiteral("a \u00e9\u20ac\u0416\u3042\u4e2d\U0001f600");
    for (const TextEncoding encoding : textEncodings()) {
        const TextDecoder decoder(encoding);
        for (const quint64 seed : generatedSeeds("HEXMAP_BYTEFORMAT_SEED", 1, 60)) {
            std::mt19937_64 random(seed);
            QByteArray bytes;
            while (bytes.size() < qsizetype(random() % 200)) {
                const qsizetype at = qsizetype(random() % quint64(pool.size()));
                const auto character
                    = encodeCharacters(pool.mid(at, pool[at].isHighSurrogate() ? 2 : 1), encoding);
                bytes += random() % 3 && character ? *character : randomBytes(random, 1);
            }
            const QByteArray expected = decoder.text(bytes).toUtf8();
            QVERIFY2(formatInChunks(ByteFormat::Characters, bytes, 0, random, encoding) == expected,
                qPrintable(
                    QStringLiteral("%1, seed %2").arg(textEncodingName(encoding)).arg(seed)));
            QCOMPARE(ByteFormatter::format(ByteFormat::Characters, bytes, 0, encoding), expected);
            QVERIFY(
                expected.size() <= ByteFormatter(ByteFormat::Characters, bytes.size(), 0, encoding)
                                       .maxSize(bytes.size()));
        }
    }
}

QTEST_GUILESS_MAIN(TestByteFormat)
#include "tst_byteformat.moc"
