// TextDecoder and encodeCharacters, in every encoding: random text that ICU can encode
// is cut back into exactly its characters (each on its lead byte, the rest marked as
// continuations); random bytes always tile into characters ICU agrees with; decoding
// from decodeStart finds the same characters as decoding from the start (UTF-8, UTF-16);
// and the single-byte tables are the standard ones.
#include "seeds.h"
#include "textdecoder.h"
#include "textglyph.h"

#include <QStringDecoder>
#include <QtTest>

#include <random>

using namespace hexmap;

namespace {

// Code points from scripts the encodings hold between them, and some none of them do.
char32_t randomCodePoint(std::mt19937_64 &random)
{
    static constexpr std::pair<char32_t, char32_t> kRanges[] = {
        {0x20, 0x7e}, // ASCII
        {0xa0, 0xff}, // Latin-1
        {0x152, 0x192}, // Windows-1252's extras
        {0x391, 0x3c9}, // Greek
        {0x410, 0x451}, // Cyrillic
        {0x2500, 0x2593}, // box drawing (CP437, KOI8-R)
        {0x3041, 0x30f6}, // hiragana, katakana
        {0xff61, 0xff9f}, // half-width katakana (Shift_JIS's single bytes)
        {0x4e00, 0x9fa5}, // CJK
        {0x1f600, 0x1f64f}, // emoji (UTF-8, UTF-16, GB18030: four bytes)
    };
    const auto &[low, high] = kRanges[random() % std::size(kRanges)];
    return char32_t(low + random() % (high - low + 1));
}

struct Text
{
    QByteArray bytes;
    QList<qsizetype> leads; // the offset of each character
    QList<char32_t> characters;
};

// count characters that the encoding holds and that decode back to themselves.
Text randomText(TextEncoding encoding, std::mt19937_64 &random, int count)
{
    QStringDecoder check(textEncodingCodec(encoding));
    Text text;
    while (text.characters.size() < count) {
        const char32_t code = randomCodePoint(random);
        const QString character = QString::fromUcs4(&code, 1);
        const auto bytes = encodeCharacters(character, encoding);
        if (!bytes || !QChar::isPrint(code))
            continue;
        check.resetState();
        if (check.decode(*bytes) != character)
            continue; // a character the encoding folds into another
        text.leads << text.bytes.size();
        text.characters << code;
        text.bytes += *bytes;
    }
    return text;
}

void addEncodingRows()
{
    QTest::addColumn<TextEncoding>("encoding");
    for (const TextEncoding encoding : textEncodings())
        QTest::newRow(textEncodingCodec(encoding)) << encoding;
}

QString describe(const std::vector<TextCell> &cells)
{
    QStringList parts;
    for (const TextCell &cell : cells)
        parts << QStringLiteral("%1/%2").arg(quint32(cell.character), 0, 16).arg(cell.length);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void textDecodesToItsCharacters_data() { addEncodingRows(); }
    void textDecodesToItsCharacters()
    {
        QFETCH(TextEncoding, encoding);
        const TextDecoder decoder(encoding);
        for (const quint64 seed : generatedSeeds("HEXMAP_TEXT_SEED", 1, 200)) {
            std::mt19937_64 random(seed);
            const Text text = randomText(encoding, random, 1 + int(random() % 40));
            const std::vector<TextCell> cells = decoder.cells(text.bytes);
            QCOMPARE(qsizetype(cells.size()), text.bytes.size());
            for (qsizetype i = 0; i < text.leads.size(); ++i) {
                const qsizetype lead = text.leads[i];
                const qsizetype end
                    = i + 1 < text.leads.size() ? text.leads[i + 1] : text.bytes.size();
                QVERIFY2(cells[size_t(lead)].character == text.characters[i]
                        && cells[size_t(lead)].length == end - lead,
                    qPrintable(QStringLiteral("seed %1, character %2 at %3: %4")
                                   .arg(seed)
                                   .arg(i)
                                   .arg(lead)
                                   .arg(describe(cells))));
                for (qsizetype at = lead + 1; at < end; ++at)
                    QVERIFY2(cells[size_t(at)].isContinuation(), qPrintable(describe(cells)));
            }
            QCOMPARE(decoder.text(text.bytes),
                QString::fromUcs4(text.characters.data(), text.characters.size()));
        }
    }

    void bytesTileIntoCharactersIcuAgreesWith_data() { addEncodingRows(); }
    void bytesTileIntoCharactersIcuAgreesWith()
    {
        QFETCH(TextEncoding, encoding);
        const TextDecoder decoder(encoding);
        QStringDecoder icu(textEncodingCodec(encoding));
        for (const quint64 seed : generatedSeeds("HEXMAP_TEXT_SEED", 1, 200)) {
            std::mt19937_64 random(seed);
            // Random bytes, with runs of real text so that valid characters occur.
            QByteArray bytes;
            while (bytes.size() < 64) {
                if (random() % 2)
                    bytes += randomText(encoding, random, 1 + int(random() % 3)).bytes;
                else
                    bytes += char(random());
            }
            const std::vector<TextCell> cells = decoder.cells(bytes);
            for (qsizetype at = 0; at < bytes.size();) {
                const TextCell &lead = cells[size_t(at)];
                QVERIFY2(!lead.isContinuation() && at + lead.length <= bytes.size(),
                    qPrintable(QStringLiteral("seed %1 at %2").arg(seed).arg(at)));
                for (int i = 1; i < lead.length; ++i)
                    QVERIFY(cells[size_t(at + i)].isContinuation());
                if (lead.character != 0) {
                    icu.resetState();
                    QCOMPARE(icu.decode(bytes.sliced(at, lead.length)),
                        QString::fromUcs4(&lead.character, 1));
                } else {
                    QVERIFY2(lead.length == 1
                            || (encoding == TextEncoding::Utf16LE
                                || encoding == TextEncoding::Utf16BE),
                        qPrintable(QStringLiteral("seed %1 at %2").arg(seed).arg(at)));
                }
                at += lead.length;
            }
        }
    }

    // UTF-8 and UTF-16 resynchronise exactly: the cells from any offset, decoding from
    // decodeStart(offset), are the cells of the whole buffer from there.
    void decodeStartFindsTheCharacterAround_data()
    {
        QTest::addColumn<TextEncoding>("encoding");
        for (const TextEncoding encoding :
            {TextEncoding::Utf8, TextEncoding::Utf16LE, TextEncoding::Utf16BE})
            QTest::newRow(textEncodingCodec(encoding)) << encoding;
    }
    void decodeStartFindsTheCharacterAround()
    {
        QFETCH(TextEncoding, encoding);
        const TextDecoder decoder(encoding);
        for (const quint64 seed : generatedSeeds("HEXMAP_TEXT_SEED", 1, 300)) {
            std::mt19937_64 random(seed);
            QByteArray bytes;
            while (bytes.size() < 48)
                bytes += random() % 4 ? randomText(encoding, random, 1).bytes
                                      : QByteArray(1, char(random()));
            const std::vector<TextCell> whole = decoder.cells(bytes);
            const qsizetype shown = qsizetype(random() % quint64(bytes.size()));
            const qsizetype start = qsizetype(decoder.decodeStart(shown));
            QVERIFY(start <= shown);
            const std::vector<TextCell> part = decoder.cells(bytes.sliced(start), shown - start);
            const std::vector<TextCell> expected(whole.begin() + shown, whole.end());
            QVERIFY2(part.size() == expected.size()
                    && std::equal(part.begin(), part.end(), expected.begin(),
                        [](const TextCell &a, const TextCell &b) {
                            return a.character == b.character && a.length == b.length;
                        }),
                qPrintable(QStringLiteral("seed %1 from %2: %3 against %4")
                               .arg(seed)
                               .arg(shown)
                               .arg(describe(part), describe(expected))));
        }
    }

    // The tables people know these encodings by.
    void singleByteCharactersAreTheStandardOnes_data()
    {
        QTest::addColumn<TextEncoding>("encoding");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("shown");
        QTest::newRow("ASCII") << TextEncoding::Ascii << QByteArray("A \x7f\x80\xe9", 5)
                               << QStringLiteral("A ...");
        QTest::newRow("Latin-1") << TextEncoding::Latin1 << QByteArray("A\x80\xe9\xff", 4)
                                 << QStringLiteral("A.\u00e9\u00ff");
        QTest::newRow("Windows-1252")
            << TextEncoding::Windows1252 << QByteArray("\x80\x9f\x81\xe9", 4)
            << QStringLiteral("\u20ac\u0178.\u00e9");
        QTest::newRow("IBM037") << TextEncoding::Ibm037 << QByteArray("\xc1\x81\x40\xf0\xba\x5f", 6)
                                << QStringLiteral("Aa 0[\u00ac");
        QTest::newRow("IBM1047") << TextEncoding::Ibm1047 << QByteArray("\xc1\xad\xbd\x5f", 4)
                                 << QStringLiteral("A[]^");
        QTest::newRow("CP437") << TextEncoding::Cp437 << QByteArray("\xb0\x82\xe1\x41", 4)
                               << QStringLiteral("\u2591\u00e9\u00df"
                                                 "A");
        QTest::newRow("KOI8-R") << TextEncoding::Koi8R << QByteArray("\xc1\xe1\xa3", 3)
                                << QStringLiteral("\u0430\u0410\u0451");
        QTest::newRow("Shift_JIS") << TextEncoding::ShiftJis
                                   << QByteArray("\x82\xa0\xb1"
                                                 "A",
                                          4)
                                   << QStringLiteral("\u3042\uff71"
                                                     "A");
        QTest::newRow("GB18030") << TextEncoding::Gb18030
                                 << QByteArray("\xd6\xd0\x94\x39\xfc\x36", 6)
                                 << QStringLiteral("\u4e2d\U0001f600");
        QTest::newRow("UTF-8 bad") << TextEncoding::Utf8 << QByteArray("\xc3\xa9\xe0\x80\x80", 5)
                                   << QStringLiteral("\u00e9...");
    }
    void singleByteCharactersAreTheStandardOnes()
    {
        QFETCH(TextEncoding, encoding);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, shown);
        QCOMPARE(TextDecoder(encoding).text(bytes), shown);
    }

    // The default encoding shows what the pane always showed: printable ASCII, '.'.
    void asciiShowsTheTextGlyphs()
    {
        const TextDecoder decoder(TextEncoding::Ascii);
        for (int byte = 0; byte < 256; ++byte) {
            const char c = char(byte);
            QCOMPARE(
                decoder.text(QByteArrayView(&c, 1)), QString(QLatin1Char(textGlyph(quint8(byte)))));
        }
    }

    void encodeRoundTrips_data() { addEncodingRows(); }
    void encodeRoundTrips()
    {
        QFETCH(TextEncoding, encoding);
        for (const quint64 seed : generatedSeeds("HEXMAP_TEXT_SEED", 1, 100)) {
            std::mt19937_64 random(seed);
            const Text text = randomText(encoding, random, 1 + int(random() % 20));
            const QString string
                = QString::fromUcs4(text.characters.data(), text.characters.size());
            QCOMPARE(encodeCharacters(string, encoding), std::optional(text.bytes));
        }
    }

    void encodeNamesWhatTheEncodingCannotHold()
    {
        QString error;
        QVERIFY(!encodeCharacters(QStringLiteral("ab\u20acc"), TextEncoding::Latin1, &error));
        QCOMPARE(error, QStringLiteral("'\u20ac' is not in Latin-1"));
        QVERIFY(!encodeCharacters(QStringLiteral("\u00e9"), TextEncoding::Ascii, &error));
        QCOMPARE(error, QStringLiteral("'\u00e9' is not in ASCII"));
        QVERIFY(!encodeCharacters(QStringLiteral("\u4e2d"), TextEncoding::Koi8R, &error));
        QCOMPARE(encodeCharacters(QStringLiteral("\U0001f600"), TextEncoding::Utf16LE),
            std::optional(QByteArray("\x3d\xd8\x00\xde", 4)));
        QVERIFY(!encodeCharacters(QString(QChar(0xd800)), TextEncoding::Utf8, &error));
    }

    void codecNamesReadBack()
    {
        for (const TextEncoding encoding : textEncodings()) {
            const QString codec = QString::fromLatin1(textEncodingCodec(encoding));
            QCOMPARE(textEncodingFromCodec(codec.toLower()), std::optional(encoding));
            QVERIFY2(QStringDecoder(textEncodingCodec(encoding)).isValid(), qPrintable(codec));
        }
        QCOMPARE(textEncodingFromCodec(u"EBCDIC-nonsense"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
