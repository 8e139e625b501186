#include "valuecodec.h"

#include <QCoreApplication>
#include <QFloat16>
#include <QRegularExpression>

#include <cmath>
#include <cstring>

namespace hexmap::values {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap::values", text);
}

std::optional<QByteArray> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

Decoded notThere(const QString &why)
{
    return {QString(), why, 0};
}

Decoded needs(int size, qsizetype left)
{
    return notThere(tr("needs %1 bytes, %2 left").arg(size).arg(left));
}

quint64 readUnsigned(QByteArrayView bytes, int size, bool bigEndian)
{
    quint64 value = 0;
    for (int i = 0; i < size; ++i)
        value |= quint64(quint8(bytes[bigEndian ? size - 1 - i : i])) << (8 * i);
    return value;
}

QByteArray writeUnsigned(quint64 value, int size, bool bigEndian)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[bigEndian ? size - 1 - i : i] = char((value >> (8 * i)) & 0xff);
    return bytes;
}

qint64 signExtend(quint64 value, int bits)
{
    const int unused = 64 - bits;
    return qint64(value << unused) >> unused;
}

// An integer of `bits` bits: decimal (negative only when isSigned) or 0x hex, which
// gives the bits themselves. Returns the bits.
std::optional<quint64> parseInteger(QStringView text, int bits, bool isSigned, QString *error)
{
    const QStringView trimmed = text.trimmed();
    const quint64 unsignedMax = bits == 64 ? ~quint64(0) : (quint64(1) << bits) - 1;
    bool ok = false;
    if (trimmed.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        const quint64 value = trimmed.mid(2).toULongLong(&ok, 16);
        if (!ok || value > unsignedMax) {
            if (error)
                *error = tr("%1 is not a hex number of %2 bits").arg(trimmed).arg(bits);
            return std::nullopt;
        }
        return value;
    }
    if (isSigned) {
        const qint64 value = trimmed.toLongLong(&ok, 10);
        const qint64 max = qint64(unsignedMax >> 1);
        if (!ok || value > max || value < -max - 1) {
            if (error) {
                *error = ok ? tr("%1 is outside %2 to %3").arg(trimmed).arg(-max - 1).arg(max)
                            : tr("'%1' is not a whole number").arg(trimmed);
            }
            return std::nullopt;
        }
        return quint64(value) & unsignedMax;
    }
    const quint64 value = trimmed.startsWith(QLatin1Char('-')) ? 0 : trimmed.toULongLong(&ok, 10);
    if (!ok || value > unsignedMax) {
        if (error) {
            *error = ok || trimmed.startsWith(QLatin1Char('-'))
                ? tr("%1 is outside 0 to %2").arg(trimmed).arg(unsignedMax)
                : tr("'%1' is not a whole number").arg(trimmed);
        }
        return std::nullopt;
    }
    return value;
}

// --- Floating point: each format as its bits, through double.

struct FloatFormat
{
    int bytes;
    quint64 quietNaN;
    double (*toDouble)(quint64 bits);
    quint64 (*fromDouble)(double value);
    bool (*isNaN)(quint64 bits);
};

template <typename T, typename Bits> T fromBits(quint64 bits)
{
    T value;
    const auto raw = Bits(bits);
    std::memcpy(static_cast<void *>(&value), &raw, sizeof value);
    return value;
}

template <typename Bits, typename T> quint64 toBits(T value)
{
    Bits raw;
    std::memcpy(&raw, static_cast<const void *>(&value), sizeof raw);
    return raw;
}

quint64 bfloat16FromFloat(float value)
{
    const auto bits = quint32(toBits<quint32>(value));
    return (bits + 0x7fff + ((bits >> 16) & 1)) >> 16; // rounds to nearest, ties to even
}

const FloatFormat kFloat16 {2, 0x7e00,
    [](quint64 bits) { return double(float(fromBits<qfloat16, quint16>(bits))); },
    [](double value) { return toBits<quint16>(qfloat16(float(value))); },
    [](quint64 bits) { return (bits & 0x7c00) == 0x7c00 && (bits & 0x3ff) != 0; }};
const FloatFormat kBFloat16 {2, 0x7fc0,
    [](quint64 bits) { return double(fromBits<float, quint32>(bits << 16)); },
    [](double value) { return bfloat16FromFloat(float(value)); },
    [](quint64 bits) { return (bits & 0x7f80) == 0x7f80 && (bits & 0x7f) != 0; }};
const FloatFormat kFloat32 {4, 0x7fc00000,
    [](quint64 bits) { return double(fromBits<float, quint32>(bits)); },
    [](double value) { return toBits<quint32>(float(value)); },
    [](quint64 bits) { return std::isnan(fromBits<float, quint32>(bits)); }};
const FloatFormat kFloat64 {8, 0x7ff8000000000000,
    [](quint64 bits) { return fromBits<double, quint64>(bits); },
    [](double value) { return toBits<quint64>(value); },
    [](quint64 bits) { return std::isnan(fromBits<double, quint64>(bits)); }};

const FloatFormat &floatFormat(Type type)
{
    switch (type) {
    case Type::Float16:
        return kFloat16;
    case Type::BFloat16:
        return kBFloat16;
    case Type::Float32:
        return kFloat32;
    default:
        return kFloat64;
    }
}

// The fewest digits that read back as the same bits; a NaN shows its bits, so that
// its payload survives an edit.
QString formatFloat(const FloatFormat &format, quint64 bits)
{
    if (format.isNaN(bits))
        return QStringLiteral("NaN (0x%1)").arg(bits, format.bytes * 2, 16, QLatin1Char('0'));
    const double value = format.toDouble(bits);
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    if (value == 0) // QString::number drops the sign of -0
        return std::signbit(value) ? QStringLiteral("-0") : QStringLiteral("0");
    for (int precision = 1;; ++precision) {
        const QString text = QString::number(value, 'g', precision);
        if (format.fromDouble(text.toDouble()) == bits || precision >= 17)
            return text;
    }
}

std::optional<quint64> parseFloat(const FloatFormat &format, QStringView text, QString *error)
{
    const QString trimmed = text.trimmed().toString().toLower();
    static const QRegularExpression nanBits(QStringLiteral("^nan\\s*\\(0x([0-9a-f]+)\\)$"));
    if (const auto match = nanBits.match(trimmed); match.hasMatch()) {
        bool ok = false;
        const quint64 bits = match.captured(1).toULongLong(&ok, 16);
        if (!ok || (format.bytes < 8 && bits >> (8 * format.bytes)) || !format.isNaN(bits)) {
            if (error)
                *error = tr("%1 is not the bits of a NaN").arg(text.trimmed());
            return std::nullopt;
        }
        return bits;
    }
    if (trimmed == QLatin1String("nan"))
        return format.quietNaN;
    bool ok = false;
    const double value = trimmed.toDouble(&ok);
    if (!ok) {
        if (error)
            *error = tr("'%1' is not a number").arg(text.trimmed());
        return std::nullopt;
    }
    const quint64 bits = format.fromDouble(value);
    if (std::isinf(format.toDouble(bits)) && !std::isinf(value)) {
        if (error)
            *error = tr("%1 is too large for this type").arg(text.trimmed());
        return std::nullopt;
    }
    return bits;
}

// --- Characters

QString codePointText(char32_t codePoint)
{
    QString text = QStringLiteral("U+%1").arg(uint(codePoint), 4, 16, QLatin1Char('0')).toUpper();
    const bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (!surrogate && QChar::isPrint(codePoint) && !QChar::isSpace(codePoint))
        text += QLatin1Char(' ') + QString::fromUcs4(&codePoint, 1);
    return text;
}

// "U+00E9", "U+00E9 é" (as codePointText shows it) or the character itself.
std::optional<char32_t> parseCodePoint(QStringView text, char32_t max, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^[Uu]\\+([0-9A-Fa-f]{1,6})(?: (.+))?$"));
    std::optional<char32_t> codePoint;
    if (const auto match = form.match(text.toString()); match.hasMatch()) {
        codePoint = match.captured(1).toUInt(nullptr, 16);
        if (match.hasCaptured(2) && match.captured(2).toUcs4() != QList<uint> {uint(*codePoint)})
            codePoint.reset();
    } else if (const QList<uint> ucs4 = text.toString().toUcs4(); ucs4.size() == 1) {
        codePoint = ucs4.front();
    }
    if (!codePoint) {
        if (error)
            *error = tr("type one character, or its code point as U+XXXX");
        return std::nullopt;
    }
    if (*codePoint > max) {
        if (error) {
            *error = max == 0xffff ? tr("U+%1 takes two UTF-16 units").arg(*codePoint, 0, 16)
                                   : tr("U+%1 is not a Unicode code point").arg(*codePoint, 0, 16);
        }
        return std::nullopt;
    }
    return codePoint;
}

Decoded decodeUtf8(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return needs(1, 0);
    const auto lead = quint8(bytes[0]);
    const int size = lead < 0x80      ? 1
        : lead >= 0xc2 && lead < 0xe0 ? 2
        : lead >= 0xe0 && lead < 0xf0 ? 3
        : lead >= 0xf0 && lead < 0xf5 ? 4
                                      : 0;
    if (size == 0)
        return notThere(tr("not the start of a UTF-8 character"));
    if (bytes.size() < size)
        return needs(size, bytes.size());
    char32_t codePoint = size == 1 ? lead : lead & (0x7f >> size);
    for (int i = 1; i < size; ++i) {
        const auto next = quint8(bytes[i]);
        if ((next & 0xc0) != 0x80)
            return notThere(tr("not a UTF-8 character: byte %1 does not continue it").arg(i + 1));
        codePoint = (codePoint << 6) | (next & 0x3f);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < kSmallest[size] || codePoint > 0x10ffff
        || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        return notThere(tr("not a UTF-8 character (overlong, surrogate or past U+10FFFF)"));
    }
    return {codePointText(codePoint), QString(), size};
}

QByteArray encodeUtf8(char32_t codePoint)
{
    return QString::fromUcs4(&codePoint, 1).toUtf8();
}

// --- Times: days from the civil date and back (H. Hinnant's algorithms), over the whole
// range of 64-bit seconds, where QDateTime stops at ±292 million years.

// Wide enough for any seconds a typed year gives, checked against the target's range.
__extension__ using Int128 = __int128;

constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

struct Civil
{
    qint64 year;
    int month, day, hour, minute, second;
};

Civil civilFromSeconds(qint64 seconds)
{
    qint64 days = floorDiv(seconds, 86400);
    const qint64 inDay = seconds - days * 86400;
    days += 719468;
    const qint64 era = floorDiv(days, 146097);
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yearOfEra + era * 400 + (month <= 2), month, int(dayOfYear - (153 * mp + 2) / 5 + 1),
        int(inDay / 3600), int(inDay / 60 % 60), int(inDay % 60)};
}

Int128 secondsFromCivil(const Civil &civil)
{
    const Int128 year = civil.year - (civil.month <= 2);
    const Int128 era = (year >= 0 ? year : year - 399) / 400;
    const Int128 yearOfEra = year - era * 400;
    const int dayOfYear
        = (153 * (civil.month + (civil.month > 2 ? -3 : 9)) + 2) / 5 + civil.day - 1;
    const Int128 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const Int128 days = era * 146097 + dayOfEra - 719468;
    return days * 86400 + civil.hour * 3600 + civil.minute * 60 + civil.second;
}

QString two(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

QString formatCivil(const Civil &civil)
{
    const QString year = QStringLiteral("%1").arg(qAbs(civil.year), 4, 10, QLatin1Char('0'));
    return QStringLiteral("%1%2-%3-%4 %5:%6:%7")
        .arg(civil.year < 0 ? QStringLiteral("-") : QString(), year, two(civil.month),
            two(civil.day), two(civil.hour), two(civil.minute), two(civil.second));
}

struct ParsedTime
{
    Civil civil;
    QString fraction; // the digits after the seconds' point, if any
};

// "2024-05-06 07:08:09" (or with T), optionally ".fraction" and " UTC"/"Z". With
// fieldLimits, the fields are only checked against those bits (a DOS date/time shows
// what its bits say, even month 0).
std::optional<ParsedTime> parseTime(QStringView text, bool checkCalendar, QString *error)
{
    static const QRegularExpression form(
        QStringLiteral("^(-?\\d{1,12})-(\\d{1,2})-(\\d{1,2})[ T](\\d{1,2}):(\\d{1,2}):(\\d{1,2})"
                       "(?:\\.(\\d{1,9}))?(?: ?(?:UTC|Z))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = form.match(text.trimmed().toString());
    if (!match.hasMatch()) {
        if (error)
            *error = tr("type a date and time as YYYY-MM-DD hh:mm:ss");
        return std::nullopt;
    }
    ParsedTime parsed {
        {match.captured(1).toLongLong(), match.captured(2).toInt(), match.captured(3).toInt(),
            match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt()},
        match.captured(7)};
    if (checkCalendar) {
        const Civil &c = parsed.civil;
        static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
        const bool valid = c.month >= 1 && c.month <= 12 && c.day >= 1
            && c.day <= (c.month == 2 && !leap ? 28 : kDays[c.month - 1]) && c.hour < 24
            && c.minute < 60 && c.second < 60;
        if (!valid) {
            if (error)
                *error = tr("%1 is not a date and time").arg(text.trimmed());
            return std::nullopt;
        }
    }
    return parsed;
}

constexpr qint64 kFileTimeEpoch = -11644473600; // 1601-01-01 in seconds from 1970
constexpr qint64 kTicksPerSecond = 10000000; // FILETIME counts 100 ns

std::optional<QByteArray> encodeTime(Type type, QStringView text, bool bigEndian, QString *error)
{
    const auto parsed = parseTime(text, true, error);
    if (!parsed)
        return std::nullopt;
    const Int128 seconds = secondsFromCivil(parsed->civil);
    if (type == Type::FileTime) {
        if (parsed->fraction.size() > 7)
            return fail(error, tr("FILETIME counts 100 ns: at most 7 digits after the point"));
        const Int128 ticks = (seconds - kFileTimeEpoch) * kTicksPerSecond
            + parsed->fraction.leftJustified(7, QLatin1Char('0')).toLongLong();
        if (ticks < 0 || ticks > Int128(~quint64(0)))
            return fail(error, tr("FILETIME holds 1601-01-01 to 30828-09-14"));
        return writeUnsigned(quint64(ticks), 8, bigEndian);
    }
    if (!parsed->fraction.isEmpty())
        return fail(error, tr("time_t counts whole seconds"));
    const int size = fixedSize(type);
    const Int128 max = size == 4 ? Int128(INT32_MAX) : Int128(INT64_MAX);
    if (seconds > max || seconds < -max - 1) {
        return fail(error,
            tr("does not fit in %1 bits (%2 to %3)")
                .arg(size * 8)
                .arg(formatCivil(civilFromSeconds(qint64(-max - 1))),
                    formatCivil(civilFromSeconds(qint64(max)))));
    }
    return writeUnsigned(quint64(qint64(seconds)), size, bigEndian);
}

QString formatFileTime(quint64 ticks)
{
    const qint64 seconds = qint64(ticks / kTicksPerSecond) + kFileTimeEpoch;
    return QStringLiteral("%1.%2 UTC")
        .arg(formatCivil(civilFromSeconds(seconds)))
        .arg(ticks % kTicksPerSecond, 7, 10, QLatin1Char('0'));
}

// DOS date/time fields show what the bits hold, even when they name no day (month 0 in
// a zeroed header), so that every value reads back.
QString formatDos(quint32 value)
{
    const quint32 date = value >> 16;
    const quint32 time = value & 0xffff;
    return QStringLiteral("%1-%2-%3 %4:%5:%6")
        .arg(1980 + (date >> 9))
        .arg(two(int(date >> 5 & 15)), two(int(date & 31)), two(int(time >> 11)),
            two(int(time >> 5 & 63)), two(int(time & 31) * 2));
}

std::optional<QByteArray> encodeDos(QStringView text, bool bigEndian, QString *error)
{
    const auto parsed = parseTime(text, false, error);
    if (!parsed)
        return std::nullopt;
    const Civil &c = parsed->civil;
    if (c.year < 1980 || c.year > 2107 || c.month > 15 || c.day > 31 || c.hour > 31 || c.minute > 63
        || c.second > 62 || c.second % 2 != 0 || !parsed->fraction.isEmpty()) {
        return fail(error, tr("a DOS date/time holds 1980 to 2107, in steps of 2 seconds"));
    }
    const quint32 date = quint32(c.year - 1980) << 9 | quint32(c.month) << 5 | quint32(c.day);
    const quint32 time = quint32(c.hour) << 11 | quint32(c.minute) << 5 | quint32(c.second / 2);
    return writeUnsigned(date << 16 | time, 4, bigEndian);
}

// --- GUID: three fields in the byte order, then eight bytes as they are.

QString formatGuid(QByteArrayView bytes, bool bigEndian)
{
    const QByteArray rest = bytes.sliced(8, 8).toByteArray().toHex().toUpper();
    return QStringLiteral("{%1-%2-%3-%4-%5}")
        .arg(readUnsigned(bytes, 4, bigEndian), 8, 16, QLatin1Char('0'))
        .arg(readUnsigned(bytes.sliced(4), 2, bigEndian), 4, 16, QLatin1Char('0'))
        .arg(readUnsigned(bytes.sliced(6), 2, bigEndian), 4, 16, QLatin1Char('0'))
        .toUpper()
        .arg(QString::fromLatin1(rest.left(4)), QString::fromLatin1(rest.mid(4)));
}

std::optional<QByteArray> encodeGuid(QStringView text, bool bigEndian, QString *error)
{
    static const QRegularExpression form(
        QStringLiteral(
            "^\\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\\}?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = form.match(text.trimmed().toString());
    if (!match.hasMatch())
        return fail(error, tr("type a GUID as {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}"));
    QByteArray bytes = writeUnsigned(match.captured(1).toULongLong(nullptr, 16), 4, bigEndian);
    bytes += writeUnsigned(match.captured(2).toULongLong(nullptr, 16), 2, bigEndian);
    bytes += writeUnsigned(match.captured(3).toULongLong(nullptr, 16), 2, bigEndian);
    bytes += QByteArray::fromHex((match.captured(4) + match.captured(5)).toLatin1());
    return bytes;
}

// --- LEB128, up to 64 bits (10 bytes).

constexpr int kMaxLeb = 10;

Decoded decodeLeb(QByteArrayView bytes, bool isSigned)
{
    quint64 value = 0;
    for (int i = 0; i < kMaxLeb; ++i) {
        if (i == bytes.size())
            return notThere(tr("needs more than the %1 bytes left (no last byte)").arg(i));
        const auto byte = quint8(bytes[i]);
        const quint64 group = byte & 0x7f;
        // The tenth byte holds bit 63; its other bits must be zero (or, signed, copies of it).
        const bool fits = isSigned ? group == 0 || group == 0x7f : group <= 1;
        if (i == kMaxLeb - 1 && !fits)
            return notThere(tr("does not fit in 64 bits"));
        value |= group << (7 * i);
        if (byte & 0x80)
            continue;
        const int bits = std::min(64, 7 * (i + 1));
        const QString text
            = isSigned ? QString::number(signExtend(value, bits)) : QString::number(value);
        return {text, QString(), i + 1};
    }
    return notThere(tr("longer than %1 bytes: more than 64 bits").arg(kMaxLeb));
}

std::optional<QByteArray> encodeLeb(
    QStringView text, bool isSigned, int minimumSize, QString *error)
{
    const auto bits = parseInteger(text, 64, isSigned, error);
    if (!bits)
        return std::nullopt;
    QByteArray bytes;
    qint64 value = qint64(*bits);
    quint64 unsignedValue = *bits;
    for (;;) {
        const auto group = quint8((isSigned ? quint64(value) : unsignedValue) & 0x7f);
        value >>= 7; // arithmetic: keeps the sign
        unsignedValue >>= 7;
        const bool last = isSigned
            ? (value == 0 && !(group & 0x40)) || (value == -1 && (group & 0x40))
            : unsignedValue == 0;
        bytes += char(last ? group : group | 0x80);
        if (last)
            break;
    }
    const char fill = isSigned && value < 0 ? 0x7f : 0x00;
    while (bytes.size() < std::min(minimumSize, kMaxLeb)) {
        bytes.back() = char(bytes.back() | 0x80);
        bytes += fill;
    }
    return bytes;
}

std::optional<QByteArray> encodeByte(QStringView text, int base, QString *error)
{
    QString digits = text.trimmed().toString().remove(QLatin1Char(' '));
    const QLatin1String prefix(base == 2 ? "0b" : "0o");
    if (digits.startsWith(prefix, Qt::CaseInsensitive))
        digits = digits.mid(2);
    bool ok = false;
    const uint value = digits.toUInt(&ok, base);
    if (!ok || value > 0xff || digits.size() > (base == 2 ? 8 : 3)) {
        return fail(error,
            base == 2 ? tr("type up to 8 binary digits") : tr("type an octal byte, 0 to 377"));
    }
    return QByteArray(1, char(value));
}

std::optional<QByteArray> encodeLatin1(QStringView text, QString *error)
{
    static const QRegularExpression escape(QStringLiteral("^\\\\x([0-9A-Fa-f]{2})$"));
    if (text.size() == 1 && text[0].unicode() <= 0xff)
        return QByteArray(1, char(text[0].unicode()));
    if (const auto match = escape.match(text.toString()); match.hasMatch())
        return QByteArray(1, char(match.captured(1).toUInt(nullptr, 16)));
    return fail(error, tr("type one Latin-1 character, or \\xHH"));
}

QString latin1Text(quint8 byte)
{
    const QChar character(byte);
    if (character.isPrint() && !character.isSpace())
        return QString(character);
    return QStringLiteral("\\x")
        + QStringLiteral("%1").arg(byte, 2, 16, QLatin1Char('0')).toUpper();
}

bool isFloat(Type type)
{
    return type == Type::Float16 || type == Type::BFloat16 || type == Type::Float32
        || type == Type::Float64;
}

bool isInteger(Type type)
{
    return type >= Type::Int8 && type <= Type::UInt64;
}

bool isSignedInteger(Type type)
{
    return type == Type::Int8 || type == Type::Int16 || type == Type::Int32 || type == Type::Int64;
}

} // namespace

QList<Type> allTypes()
{
    QList<Type> types;
    for (int type = int(Type::Int8); type <= int(Type::Sleb128); ++type)
        types << Type(type);
    return types;
}

QString name(Type type)
{
    switch (type) {
    case Type::Int8:
        return QStringLiteral("int8");
    case Type::UInt8:
        return QStringLiteral("uint8");
    case Type::Int16:
        return QStringLiteral("int16");
    case Type::UInt16:
        return QStringLiteral("uint16");
    case Type::Int32:
        return QStringLiteral("int32");
    case Type::UInt32:
        return QStringLiteral("uint32");
    case Type::Int64:
        return QStringLiteral("int64");
    case Type::UInt64:
        return QStringLiteral("uint64");
    case Type::Float16:
        return QStringLiteral("float16");
    case Type::BFloat16:
        return QStringLiteral("bfloat16");
    case Type::Float32:
        return QStringLiteral("float32");
    case Type::Float64:
        return QStringLiteral("float64");
    case Type::Binary:
        return tr("binary");
    case Type::Octal:
        return tr("octal");
    case Type::Latin1:
        return tr("Latin-1");
    case Type::Utf8:
        return tr("UTF-8");
    case Type::Utf16:
        return tr("UTF-16 unit");
    case Type::Time32:
        return QStringLiteral("time_t (32)");
    case Type::Time64:
        return QStringLiteral("time_t (64)");
    case Type::FileTime:
        return QStringLiteral("FILETIME");
    case Type::DosDateTime:
        return tr("DOS date/time");
    case Type::Guid:
        return QStringLiteral("GUID");
    case Type::Uleb128:
        return QStringLiteral("ULEB128");
    case Type::Sleb128:
        return QStringLiteral("SLEB128");
    }
    return {};
}

int fixedSize(Type type)
{
    switch (type) {
    case Type::Int8:
    case Type::UInt8:
    case Type::Binary:
    case Type::Octal:
    case Type::Latin1:
        return 1;
    case Type::Int16:
    case Type::UInt16:
    case Type::Float16:
    case Type::BFloat16:
    case Type::Utf16:
        return 2;
    case Type::Int32:
    case Type::UInt32:
    case Type::Float32:
    case Type::Time32:
    case Type::DosDateTime:
        return 4;
    case Type::Int64:
    case Type::UInt64:
    case Type::Float64:
    case Type::Time64:
    case Type::FileTime:
        return 8;
    case Type::Guid:
        return 16;
    case Type::Utf8:
    case Type::Uleb128:
    case Type::Sleb128:
        return 0;
    }
    return 0;
}

bool hasByteOrder(Type type)
{
    return fixedSize(type) > 1 && type != Type::Utf8;
}

Decoded decode(Type type, QByteArrayView bytes, bool bigEndian)
{
    const int size = fixedSize(type);
    if (size > bytes.size())
        return needs(size, bytes.size());
    const quint64 raw = size > 0 && size <= 8 ? readUnsigned(bytes, size, bigEndian) : 0;
    const auto value = [size](const QString &text) { return Decoded {text, QString(), size}; };
    if (isInteger(type)) {
        return value(isSignedInteger(type) ? QString::number(signExtend(raw, size * 8))
                                           : QString::number(raw));
    }
    if (isFloat(type))
        return value(formatFloat(floatFormat(type), raw));
    switch (type) {
    case Type::Binary:
        return value(QStringLiteral("%1").arg(raw, 8, 2, QLatin1Char('0')));
    case Type::Octal:
        return value(QString::number(raw, 8));
    case Type::Latin1:
        return value(latin1Text(quint8(raw)));
    case Type::Utf8:
        return decodeUtf8(bytes);
    case Type::Utf16:
        return value(codePointText(char32_t(raw)));
    case Type::Time32:
    case Type::Time64:
        return value(
            formatCivil(civilFromSeconds(signExtend(raw, size * 8))) + QStringLiteral(" UTC"));
    case Type::FileTime:
        return value(formatFileTime(raw));
    case Type::DosDateTime:
        return value(formatDos(quint32(raw)));
    case Type::Guid:
        return value(formatGuid(bytes, bigEndian));
    case Type::Uleb128:
    case Type::Sleb128:
        return decodeLeb(bytes, type == Type::Sleb128);
    default:
        return notThere(QString());
    }
}

std::optional<QByteArray> encode(
    Type type, QStringView text, bool bigEndian, int minimumSize, QString *error)
{
    const int size = fixedSize(type);
    if (isInteger(type)) {
        const auto bits = parseInteger(text, size * 8, isSignedInteger(type), error);
        return bits ? std::optional(writeUnsigned(*bits, size, bigEndian)) : std::nullopt;
    }
    if (isFloat(type)) {
        const auto bits = parseFloat(floatFormat(type), text, error);
        return bits ? std::optional(writeUnsigned(*bits, size, bigEndian)) : std::nullopt;
    }
    switch (type) {
    case Type::Binary:
        return encodeByte(text, 2, error);
    case Type::Octal:
        return encodeByte(text, 8, error);
    case Type::Latin1:
        return encodeLatin1(text, error);
    case Type::Utf8: {
        const auto codePoint = parseCodePoint(text.trimmed(), 0x10ffff, error);
        if (codePoint && *codePoint >= 0xd800 && *codePoint <= 0xdfff)
            return fail(error, tr("a surrogate has no UTF-8 form"));
        return codePoint ? std::optional(encodeUtf8(*codePoint)) : std::nullopt;
    }
    case Type::Utf16: {
        const auto codePoint = parseCodePoint(text.trimmed(), 0xffff, error);
        return codePoint ? std::optional(writeUnsigned(*codePoint, 2, bigEndian)) : std::nullopt;
    }
    case Type::Time32:
    case Type::Time64:
    case Type::FileTime:
        return encodeTime(type, text, bigEndian, error);
    case Type::DosDateTime:
        return encodeDos(text, bigEndian, error);
    case Type::Guid:
        return encodeGuid(text, bigEndian, error);
    case Type::Uleb128:
    case Type::Sleb128:
        return encodeLeb(text, type == Type::Sleb128, minimumSize, error);
    default:
        return fail(error, QString());
    }
}

} // namespace hexmap::values
