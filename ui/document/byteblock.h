#pragma once

#include <QBitArray>
#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hexmap {

// Bytes read from the map for display, with the bytes that could not be read (their
// page is gone: the file shrank underneath, or an I/O error) marked in `missing`.
struct ByteBlock
{
    QByteArray bytes;
    QBitArray missing; // empty when every byte was read
    QString whyMissing; // why the first missing byte could not be read, for the user
    [[nodiscard]] bool isMissing(qsizetype i) const
    {
        return !missing.isEmpty() && missing.testBit(i);
    }
    // The bytes before the first missing one.
    [[nodiscard]] QByteArrayView readable() const
    {
        const qsizetype missingAt = firstMissing();
        return QByteArrayView(bytes).first(missingAt < 0 ? bytes.size() : missingAt);
    }
    // The index of the first missing byte, or -1.
    [[nodiscard]] qsizetype firstMissing() const
    {
        for (qsizetype i = 0; i < missing.size(); ++i) {
            if (missing.testBit(i))
                return i;
        }
        return -1;
    }
};

} // namespace hexmap
