#include "inputparsing.h"

#include <QCoreApplication>

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

std::optional<QByteArray> parseHexBytes(QStringView text, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QByteArray bytes;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        if (text[i] == QLatin1Char('0') && i + 1 < text.size() && text[i + 1].toLower() == QLatin1Char('x'))
            i += 2;
        if (i + 1 >= text.size() || hexValue(text[i]) < 0 || hexValue(text[i + 1]) < 0) {
            const qsizetype at = std::min(i, text.size() - 1);
            if (at >= 0 && hexValue(text[at]) < 0)
                return fail(tr("'%1' at position %2 is not a hex digit").arg(text[at]).arg(at + 1));
            return fail(tr("odd number of hex digits: each byte takes two"));
        }
        bytes.append(char(hexValue(text[i]) * 16 + hexValue(text[i + 1])));
        i += 2;
    }
    return bytes;
}

QString formatHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}

} // namespace hexmap::input
