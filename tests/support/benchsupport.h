#pragma once
// Benchmark support: repeated timings and their medians, the number of runs, a
// haystack file of random bytes that never holds 0xff (so that a needle with one is
// absent), and a main() with a longer watchdog.

#include "memorymap.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <span>
#include <vector>

// The median, min and max of a set of values.
struct Spread
{
    double median, min, max;
};

inline Spread spreadOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.front(), values.back()};
}

// Seconds that run takes once.
inline double secondsOnce(const std::function<void()> &run)
{
    const auto start = std::chrono::steady_clock::now();
    run();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The median seconds of `repetitions` runs, after one to warm up (pages mapped, caches
// primed).
inline double secondsOf(const std::function<void()> &run, int repetitions = 5)
{
    run();
    std::vector<double> times;
    for (int i = 0; i < repetitions; ++i)
        times.push_back(secondsOnce(run));
    return spreadOf(times).median;
}

// Independent runs a benchmark makes: HEXMAP_BENCH_RUNS, default 5, at least 3.
inline int benchRuns()
{
    return std::max(3,
        qEnvironmentVariableIsSet("HEXMAP_BENCH_RUNS")
            ? qEnvironmentVariableIntValue("HEXMAP_BENCH_RUNS")
            : 5);
}

// Bytes 0x00..0xfe from a fixed seed (another seed: other bytes), written to file in
// 1 MiB blocks.
inline bool writeRandomHaystack(QFile &file, qint64 size, std::uint64_t seed = 1)
{
    std::mt19937_64 random(seed);
    QByteArray block(1 << 20, '\0');
    for (qint64 written = 0; written < size; written += block.size()) {
        for (char &c : block)
            c = char(random() % 255);
        if (file.write(block.constData(), std::min<qint64>(block.size(), size - written))
            != std::min<qint64>(block.size(), size - written))
            return false;
    }
    return file.flush();
}

// The size of a warm haystack: HEXMAP_BENCH_BYTES, default 1 GiB.
inline qint64 benchBytes()
{
    return qEnvironmentVariableIsSet("HEXMAP_BENCH_BYTES")
        ? qEnvironmentVariable("HEXMAP_BENCH_BYTES").toLongLong()
        : (qint64(1) << 30);
}

// A haystack file of benchBytes() random bytes (writeRandomHaystack) in a temporary
// folder, page-cached, mapped read-only, and its bytes pinned (a MappedBuffer).
class WarmHaystack
{
public:
    WarmHaystack()
        : m_file(m_dir.filePath(QStringLiteral("haystack.bin")))
    {
        if (!m_file.open(QIODevice::ReadWrite) || !writeRandomHaystack(m_file, benchBytes()))
            return;
        m_map.emplace(m_file.handle(), 0, hexmap::MapOptions {.access = hexmap::Access::Read});
        m_view.emplace(m_map->buffer());
    }
    [[nodiscard]] bool isValid() const { return m_view.has_value(); }
    [[nodiscard]] const hexmap::MemoryMap &map() const { return *m_map; }
    [[nodiscard]] std::span<const std::uint8_t> bytes() const { return m_view->bytes(); }

private:
    QTemporaryDir m_dir;
    QFile m_file;
    std::optional<hexmap::MemoryMap> m_map;
    std::optional<hexmap::MappedBuffer> m_view;
};

// A benchmark's main(): runs Test with QtTest's per-function watchdog raised to
// timeoutMs (several runs on a loaded machine outlast its default 300 s), unless
// QTEST_FUNCTION_TIMEOUT says otherwise.
template <typename Test> int runBenchmark(int argc, char **argv, const char *timeoutMs)
{
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", timeoutMs);
    QCoreApplication app(argc, argv);
    Test test;
    return QTest::qExec(&test, argc, argv);
}
