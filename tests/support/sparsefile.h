#pragma once
// Test support: a sparse file of a given size with a few random extents of data, the
// rest holes, and its bytes as a plain array to compare with.

#include "scratchfile.h"

#include <QRandomGenerator>

#include <unistd.h>

struct SparseFile
{
    // size bytes, holes but for `extents` runs of 1 to 64 KiB of random bytes at random
    // offsets.
    SparseFile(QRandomGenerator &random, qint64 size, int extents)
        : file(QByteArray())
        , contents(size, '\0')
    {
        file.truncate(size);
        for (int k = 0; k < extents; ++k) {
            const qint64 length = random.bounded(1, 64 << 10);
            const qint64 at = random.bounded(size - length);
            QByteArray bytes(length, '\0');
            for (char &byte : bytes)
                byte = char(random.bounded(1, 256));
            file.writeFromOutside(at, bytes);
            contents.replace(at, length, bytes);
        }
        fdatasync(file.fd());
    }

    ScratchFile file;
    QByteArray contents;
};
