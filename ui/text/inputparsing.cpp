#include "inputparsing.h"

#include "errors.h"

#include <QCoreApplication>

#include <algorithm>
#include <bit>

namespace hexmap::input {

namespace {
int hexValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    const QChar lower = c.toLower();
    if (lower >= QLatin1Char('a') && lower <= QLatin1Char('f'))
        return lower.unicode() - 'a' + 10;
    return -1;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap::input", text);
}
} // namespace

namespace {
// Hex bytes in text[from, to); positions in errors count from the start of text.
std::optional<QByteArray> hexBytesIn(QStringView text, qsizetype from, qsizetype to, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QByteArray bytes;
    qsizetype i = from;
    while (i < to) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        if (text[i] == QLatin1Char('0') && i + 1 < to && text[i + 1].toLower() == QLatin1Char('x'))
            i += 2;
        const auto notHex = [&](qsizetype at) {
            return fail(tr("'%1' at position %2 is not a hex digit").arg(text[at]).arg(at + 1));
        };
        if (i >= to || text[i].isSpace())
            return fail(tr("odd number of hex digits: each byte takes two"));
        if (hexValue(text[i]) < 0)
            return notHex(i);
        if (i + 1 >= to || text[i + 1].isSpace())
            return fail(tr("odd number of hex digits: each byte takes two"));
        if (hexValue(text[i + 1]) < 0)
            return notHex(i + 1);
        bytes.append(char(hexValue(text[i]) * 16 + hexValue(text[i + 1])));
        i += 2;
    }
    return bytes;
}
} // namespace

std::optional<QByteArray> parseHexBytes(QStringView text, QString *error)
{
    return hexBytesIn(text, 0, text.size(), error);
}

std::optional<BytePattern> parseHexPattern(QStringView text, QString *error)
{
    // Each "??" becomes a wildcard; the rest must be hex bytes.
    BytePattern pattern;
    qsizetype at = 0;
    while (at <= text.size()) {
        const qsizetype wildcard = text.indexOf(QLatin1String("??"), at);
        const qsizetype end = wildcard < 0 ? text.size() : wildcard;
        const auto bytes = hexBytesIn(text, at, end, error);
        if (!bytes)
            return std::nullopt;
        pattern.bytes.insert(pattern.bytes.end(), bytes->begin(), bytes->end());
        pattern.mask.insert(pattern.mask.end(), size_t(bytes->size()), std::uint8_t(0xff));
        if (wildcard < 0)
            break;
        pattern.bytes.push_back(0);
        pattern.mask.push_back(0);
        at = wildcard + 2;
    }
    if (pattern.bytes.empty()) {
        if (error)
            *error = tr("enter the bytes to find");
        return std::nullopt;
    }
    if (std::all_of(
            pattern.mask.begin(), pattern.mask.end(), [](std::uint8_t m) { return m == 0xff; }))
        pattern.mask.clear(); // literal: searched by MemoryMap::find itself
    return pattern;
}

std::optional<BytePattern> encodeText(
    const QString &text, TextEncoding encoding, bool ignoreCase, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<BytePattern> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(tr("enter the text to find"));
    const auto bytes = encodeCharacters(text, encoding, error);
    if (!bytes)
        return std::nullopt;
    BytePattern pattern {Bytes(bytes->begin(), bytes->end()), {}};
    if (!ignoreCase)
        return pattern;
    // Each ASCII letter's bytes against the other case's: the bits they differ in
    // are masked out (0x20 in ASCII, 0x40 in EBCDIC), one bit per byte at most.
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        const qsizetype length = c.isHighSurrogate() ? 2 : 1; // whole: encoded above
        const QByteArray own = *encodeCharacters(QStringView(text).mid(i, length), encoding);
        i += length;
        const QChar otherCase = c.isUpper() ? c.toLower() : c.toUpper();
        const auto other = c.unicode() < 0x80 && c.isLetter()
            ? encodeCharacters(QStringView(&otherCase, 1), encoding)
            : std::optional(own);
        bool foldable = other && other->size() == own.size();
        for (qsizetype j = 0; foldable && j < own.size(); ++j) {
            const auto differs = std::uint8_t(own[j] ^ other->at(j));
            foldable = std::popcount(differs) <= 1;
            pattern.mask.push_back(std::uint8_t(~differs));
        }
        if (!foldable)
            return fail(
                tr("'%1' cannot match both cases in %2").arg(c, textEncodingName(encoding)));
    }
    return pattern;
}

std::optional<BytePattern> parseRegex(const QString &text, bool ignoreCase, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<BytePattern> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(tr("enter the regular expression to find"));
    for (const QChar c : text) {
        if (c.unicode() > 0xff)
            return fail(tr("'%1' is not a byte: write bytes as \\xHH").arg(c));
    }
    try {
        BytePattern pattern;
        pattern.regex = std::make_shared<RegexPattern>(text.toLatin1().toStdString(), ignoreCase);
        return pattern;
    } catch (const ValueError &refused) {
        return fail(tr("regular expression: %1").arg(QString::fromStdString(refused.what())));
    }
}

std::optional<QByteArray> encodeValue(QStringView text, int width, bool bigEndian, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QStringView trimmed = text.trimmed();
    const bool negative = trimmed.startsWith(QLatin1Char('-'));
    QString sizeError;
    const auto magnitude = parseSize(negative ? trimmed.mid(1) : trimmed, &sizeError);
    if (!magnitude)
        return fail(sizeError);
    const int bits = width * 8;
    const quint64 unsignedMax = bits == 64 ? ~quint64(0) : (quint64(1) << bits) - 1;
    const quint64 negativeMax = quint64(1) << (bits - 1); // |most negative|
    if (negative ? quint64(*magnitude) > negativeMax : quint64(*magnitude) > unsignedMax)
        return fail(tr("%1 does not fit in %2 bits").arg(trimmed).arg(bits));
    const quint64 value = negative ? quint64(0) - quint64(*magnitude) : quint64(*magnitude);
    QByteArray bytes(width, '\0');
    for (int i = 0; i < width; ++i)
        bytes[bigEndian ? width - 1 - i : i] = char((value >> (8 * i)) & 0xff);
    return bytes;
}

QString formatCount(qint64 count, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

QString formatOffset(qint64 offset)
{
    return QStringLiteral("0x") + QString::number(offset, 16).toUpper();
}

QString formatHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}

namespace {

// A small recursive-descent reader over sizes, "end" and + - *.
class ExpressionReader
{
    Q_DECLARE_TR_FUNCTIONS(hexmap::input)

public:
    ExpressionReader(QStringView text, qint64 end)
        : m_text(text)
        , m_end(end)
    {
    }

    std::optional<qint64> sum()
    {
        std::optional<qint64> value = product();
        while (value) {
            skipSpace();
            if (!peek('+') && !peek('-'))
                break;
            const bool add = m_text[m_at++] == QLatin1Char('+');
            const std::optional<qint64> rhs = product();
            if (!rhs)
                return std::nullopt;
            qint64 result = 0;
            if (add ? __builtin_add_overflow(*value, *rhs, &result)
                    : __builtin_sub_overflow(*value, *rhs, &result))
                return fail(tr("the value is too large"));
            value = result;
        }
        return value;
    }

    std::optional<qint64> size()
    {
        skipSpace();
        std::optional<qint64> value = number();
        if (value)
            value = suffixed(*value);
        return value;
    }

    bool atEnd()
    {
        skipSpace();
        return m_at >= m_text.size();
    }
    qsizetype position() const { return m_at; }
    const QString &error() const { return m_error; }
    std::optional<qint64> fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return std::nullopt;
    }

private:
    std::optional<qint64> product()
    {
        std::optional<qint64> value = atom();
        while (value) {
            skipSpace();
            if (!peek('*'))
                break;
            ++m_at;
            const std::optional<qint64> rhs = atom();
            if (!rhs)
                return std::nullopt;
            qint64 result = 0;
            if (__builtin_mul_overflow(*value, *rhs, &result))
                return fail(tr("the value is too large"));
            value = result;
        }
        return value;
    }

    std::optional<qint64> atom()
    {
        skipSpace();
        if (m_text.mid(m_at).startsWith(QLatin1String("end"), Qt::CaseInsensitive)) {
            m_at += 3;
            return m_end;
        }
        return size();
    }

    std::optional<qint64> number()
    {
        const bool hex = m_text.mid(m_at).startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
        if (hex)
            m_at += 2;
        const qsizetype start = m_at;
        qint64 value = 0;
        while (m_at < m_text.size()) {
            const int digit = hex ? hexValue(m_text[m_at])
                                  : (m_text[m_at].isDigit() ? m_text[m_at].digitValue() : -1);
            if (digit < 0)
                break;
            if (__builtin_mul_overflow(value, hex ? 16 : 10, &value)
                || __builtin_add_overflow(value, digit, &value))
                return fail(tr("the value is too large"));
            ++m_at;
        }
        if (m_at == start) {
            if (m_at >= m_text.size())
                return fail(tr("a number is missing at the end"));
            return fail(
                tr("expected a number at position %1, found '%2'").arg(m_at + 1).arg(m_text[m_at]));
        }
        return value;
    }

    std::optional<qint64> suffixed(qint64 value)
    {
        static const struct
        {
            const char *name;
            qint64 factor;
        } suffixes[] = {
            {"KiB", 1LL << 10},
            {"MiB", 1LL << 20},
            {"GiB", 1LL << 30},
            {"TiB", 1LL << 40},
            {"KB", 1000LL},
            {"MB", 1000000LL},
            {"GB", 1000000000LL},
            {"TB", 1000000000000LL},
            {"K", 1LL << 10},
            {"M", 1LL << 20},
            {"G", 1LL << 30},
            {"T", 1LL << 40},
        };
        const qsizetype save = m_at;
        skipSpace();
        for (const auto &suffix : suffixes) {
            const QLatin1String name(suffix.name);
            if (m_text.mid(m_at).startsWith(name, Qt::CaseInsensitive)) {
                const qsizetype after = m_at + name.size();
                if (after < m_text.size() && m_text[after].isLetterOrNumber())
                    continue; // "Kx": not a suffix
                m_at = after;
                qint64 result = 0;
                if (__builtin_mul_overflow(value, suffix.factor, &result))
                    return fail(tr("the value is too large"));
                return result;
            }
        }
        m_at = save;
        return value;
    }

    void skipSpace()
    {
        while (m_at < m_text.size() && m_text[m_at].isSpace())
            ++m_at;
    }
    bool peek(char c) const { return m_at < m_text.size() && m_text[m_at] == QLatin1Char(c); }

    QStringView m_text;
    qint64 m_end;
    qsizetype m_at = 0;
    QString m_error;
};

std::optional<qint64> failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

std::optional<qint64> finish(
    ExpressionReader &reader, std::optional<qint64> value, QStringView text, QString *error)
{
    if (!value)
        return failWith(error, reader.error());
    if (!reader.atEnd())
        return failWith(error,
            tr("unexpected '%1' at position %2")
                .arg(text[reader.position()])
                .arg(reader.position() + 1));
    return value;
}

} // namespace

std::optional<qint64> parseSize(QStringView text, QString *error)
{
    ExpressionReader reader(text, 0);
    if (reader.atEnd())
        return failWith(error, tr("enter a size"));
    return finish(reader, reader.size(), text, error);
}

std::optional<qint64> parseOffset(QStringView text, const OffsetContext &context, QString *error)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return failWith(error, tr("enter an offset"));
    const QChar sign = trimmed.front();
    const bool relative = sign == QLatin1Char('+') || sign == QLatin1Char('-');
    const QStringView body = relative ? trimmed.mid(1) : trimmed;
    ExpressionReader reader(body, context.size);
    std::optional<qint64> value = finish(reader, reader.sum(), body, error);
    if (!value)
        return std::nullopt;
    qint64 offset = *value;
    if (relative) {
        const qint64 base = context.cursor.value_or(context.size); // no cursor: from the end
        if (sign == QLatin1Char('+') && !context.cursor)
            return failWith(error, tr("+N needs a cursor to count from"));
        if (sign == QLatin1Char('+') ? __builtin_add_overflow(base, *value, &offset)
                                     : __builtin_sub_overflow(base, *value, &offset))
            return failWith(error, tr("the value is too large"));
    }
    if (offset < 0 || offset >= context.size) {
        return failWith(error,
            context.size == 0
                ? tr("there are no bytes to go to")
                : tr("%1 is outside the data (0 to %2)").arg(offset).arg(context.size - 1));
    }
    return offset;
}

} // namespace hexmap::input
