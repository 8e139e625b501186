#pragma once
// Test support: a CPython >= 3.13 to compare with (the oracle) or to time (benchmarks):
// pyenv's newest 3.13 or later, then python3.13, then python3.

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

// The first candidate whose sys.version_info >= (3, 13), or empty; tried lists what was
// tried, for the message when none is found.
inline QString findPython(QStringList &tried)
{
    QStringList candidates
        = QDir(QStringLiteral("/root/.pyenv/versions"))
              .entryList({QStringLiteral("3.1[3-9]*")}, QDir::Dirs, QDir::Name | QDir::Reversed);
    for (QString &version : candidates)
        version = QStringLiteral("/root/.pyenv/versions/%1/bin/python3").arg(version);
    candidates << QStringLiteral("python3.13") << QStringLiteral("python3");
    for (const QString &candidate : candidates) {
        tried << candidate;
        QProcess probe;
        probe.start(candidate,
            {QStringLiteral("-c"),
                QStringLiteral("import sys; print(sys.version_info >= (3, 13))")});
        if (probe.waitForFinished(10000) && probe.readAllStandardOutput().trimmed() == "True")
            return candidate;
    }
    return {};
}
