#include "textencoding.h"

#include <QCoreApplication>
#include <QStringEncoder>

#include <algorithm>
#include <array>

namespace hexmap {
namespace {

struct EncodingInfo
{
    TextEncoding encoding;
    const char *name; // for tr(), in the "TextEncoding" context
    const char *codec;
    int maxLength;
};

constexpr std::array kEncodings {
    EncodingInfo {TextEncoding::Ascii, QT_TRANSLATE_NOOP("TextEncoding", "ASCII"), "US-ASCII", 1},
    EncodingInfo {
        TextEncoding::Latin1, QT_TRANSLATE_NOOP("TextEncoding", "Latin-1"), "ISO-8859-1", 1},
    EncodingInfo {TextEncoding::Windows1252, QT_TRANSLATE_NOOP("TextEncoding", "Windows-1252"),
        "windows-1252", 1},
    EncodingInfo {TextEncoding::Utf8, QT_TRANSLATE_NOOP("TextEncoding", "UTF-8"), "UTF-8", 4},
    EncodingInfo {
        TextEncoding::Utf16LE, QT_TRANSLATE_NOOP("TextEncoding", "UTF-16LE"), "UTF-16LE", 4},
    EncodingInfo {
        TextEncoding::Utf16BE, QT_TRANSLATE_NOOP("TextEncoding", "UTF-16BE"), "UTF-16BE", 4},
    EncodingInfo {
        TextEncoding::Ibm037, QT_TRANSLATE_NOOP("TextEncoding", "EBCDIC (IBM037)"), "IBM037", 1},
    EncodingInfo {
        TextEncoding::Ibm1047, QT_TRANSLATE_NOOP("TextEncoding", "EBCDIC (IBM1047)"), "IBM1047", 1},
    EncodingInfo {
        TextEncoding::Cp437, QT_TRANSLATE_NOOP("TextEncoding", "DOS (CP437)"), "IBM437", 1},
    EncodingInfo {TextEncoding::Koi8R, QT_TRANSLATE_NOOP("TextEncoding", "KOI8-R"), "KOI8-R", 1},
    EncodingInfo {
        TextEncoding::ShiftJis, QT_TRANSLATE_NOOP("TextEncoding", "Shift_JIS"), "Shift_JIS", 2},
    EncodingInfo {
        TextEncoding::Gb18030, QT_TRANSLATE_NOOP("TextEncoding", "GB18030"), "GB18030", 4},
};

const EncodingInfo &infoOf(TextEncoding encoding)
{
    return *std::ranges::find(kEncodings, encoding, &EncodingInfo::encoding);
}

} // namespace

QList<TextEncoding> textEncodings()
{
    QList<TextEncoding> encodings;
    for (const EncodingInfo &info : kEncodings)
        encodings.append(info.encoding);
    return encodings;
}

QString textEncodingName(TextEncoding encoding)
{
    return QCoreApplication::translate("TextEncoding", infoOf(encoding).name);
}

const char *textEncodingCodec(TextEncoding encoding)
{
    return infoOf(encoding).codec;
}

std::optional<TextEncoding> textEncodingFromCodec(QStringView codec)
{
    for (const EncodingInfo &info : kEncodings) {
        if (codec.compare(QLatin1String(info.codec), Qt::CaseInsensitive) == 0)
            return info.encoding;
    }
    return std::nullopt;
}

int maxCharacterLength(TextEncoding encoding)
{
    return infoOf(encoding).maxLength;
}

std::optional<QByteArray> encodeCharacters(QStringView text, TextEncoding encoding, QString *error)
{
    QStringEncoder encoder(textEncodingCodec(encoding));
    QByteArray bytes;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length
            = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate() ? 2
                                                                                               : 1;
        const QStringView character = text.mid(i, length);
        encoder.resetState();
        const QByteArray encoded = encoder.encode(character);
        if (encoder.hasError() || encoded.isEmpty()) {
            if (error)
                *error = QCoreApplication::translate("TextEncoding", "'%1' is not in %2")
                             .arg(character, textEncodingName(encoding));
            return std::nullopt;
        }
        bytes += encoded;
        i += length;
    }
    return bytes;
}

} // namespace hexmap
