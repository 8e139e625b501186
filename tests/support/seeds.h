#pragma once
// Test support: the seeds of generated cases, or the one a failure named, to replay it.

#include <QList>
#include <QtGlobal>

// count seeds from first, or only the one the environment variable names.
inline QList<quint64> generatedSeeds(const char *variable, quint64 first, int count)
{
    if (qEnvironmentVariableIsSet(variable))
        return {qEnvironmentVariable(variable).toULongLong()};
    QList<quint64> seeds;
    for (int i = 0; i < count; ++i)
        seeds << first + quint64(i);
    return seeds;
}
