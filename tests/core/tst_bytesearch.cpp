// The search kernels against a naive reference, on random haystacks placed right
// before an unmapped page: a kernel reading one byte too far would crash the test.
#include "bytesearch.h"
#include "guardedarena.h"

#include <QtTest>

#include <cctype>
#include <cstring>
#include <random>
#include <vector>

using namespace hexmap;

namespace {

std::int64_t naiveFind(
    const std::uint8_t *hay, std::size_t n, const std::uint8_t *needle, std::size_t m)
{
    for (std::size_t i = 0; i + m <= n; ++i) {
        if (m == 0 || std::memcmp(hay + i, needle, m) == 0)
            return std::int64_t(i);
    }
    return -1;
}

std::int64_t naiveRfind(
    const std::uint8_t *hay, std::size_t n, const std::uint8_t *needle, std::size_t m)
{
    if (m > n)
        return -1;
    for (std::size_t i = n - m + 1; i-- > 0;) {
        if (m == 0 || std::memcmp(hay + i, needle, m) == 0)
            return std::int64_t(i);
    }
    return -1;
}

} // namespace

class TestByteSearch : public QObject
{
    Q_OBJECT

private slots:
    void kernelsAreListed();
    void randomAgainstNaive_data();
    void randomAgainstNaive();
    void edgeCases_data();
    void edgeCases();
    void maskedAgainstNaive_data();
    void maskedAgainstNaive();
};

void TestByteSearch::kernelsAreListed()
{
    const auto kernels = search::availableKernels();
    QVERIFY(!kernels.empty());
    QCOMPARE(kernels.front(), search::Kernel::Sse2);
    QCOMPARE(search::bestKernel(), kernels.back());
    QCOMPARE(kernels.size() == 2, bool(__builtin_cpu_supports("avx2")));
}

void TestByteSearch::randomAgainstNaive_data()
{
    QTest::addColumn<int>("kernel");
    for (search::Kernel kernel : search::availableKernels())
        QTest::newRow(search::kernelName(kernel)) << int(kernel);
}

void TestByteSearch::randomAgainstNaive()
{
    QFETCH(int, kernel);
    const auto k = static_cast<search::Kernel>(kernel);
    GuardedArena arena(4);
    std::mt19937_64 random(20261127);
    int found = 0;
    for (int round = 0; round < 20000; ++round) {
        // Small alphabets make matches and near-misses (first and last byte equal) common.
        const int alphabet = 1 + int(random() % 4) * (round % 5 == 0 ? 60 : 1);
        const std::size_t n = random() % 600;
        const std::size_t m = random() % 65;
        std::uint8_t *hay = arena.endingAtGuard(n);
        for (std::size_t i = 0; i < n; ++i)
            hay[i] = std::uint8_t(random() % alphabet);
        std::vector<std::uint8_t> needle(m);
        if (m <= n && m > 0 && random() % 2) {
            // A needle taken from the haystack: at the start, at the end or anywhere.
            const std::size_t where = random() % 3 == 0 ? 0
                : random() % 2                          ? n - m
                                                        : random() % (n - m + 1);
            std::memcpy(needle.data(), hay + where, m);
        } else {
            for (auto &byte : needle)
                byte = std::uint8_t(random() % alphabet);
        }
        const std::span<const std::uint8_t> haystack(hay, n);
        const std::int64_t expectedFirst = naiveFind(hay, n, needle.data(), m);
        const std::int64_t expectedLast = naiveRfind(hay, n, needle.data(), m);
        const std::int64_t first = search::find(haystack, needle, k);
        const std::int64_t last = search::rfind(haystack, needle, k);
        if (first != expectedFirst || last != expectedLast) {
            qWarning("round %d: n=%zu m=%zu find %lld (want %lld) rfind %lld (want %lld)", round, n,
                m, (long long)first, (long long)expectedFirst, (long long)last,
                (long long)expectedLast);
        }
        QCOMPARE(first, expectedFirst);
        QCOMPARE(last, expectedLast);
        found += first >= 0;
    }
    QVERIFY2(found > 5000, "the generator must produce many matches");
}

void TestByteSearch::edgeCases_data()
{
    QTest::addColumn<int>("kernel");
    for (search::Kernel kernel : search::availableKernels())
        QTest::newRow(search::kernelName(kernel)) << int(kernel);
}

void TestByteSearch::edgeCases()
{
    QFETCH(int, kernel);
    const auto k = static_cast<search::Kernel>(kernel);
    GuardedArena arena(64);
    const std::size_t n = arena.capacity();
    std::uint8_t *hay = arena.endingAtGuard(n);
    std::memset(hay, 0, n);
    const std::uint8_t nul[] = {0, 0, 0, 0};
    const std::uint8_t marker[] = {0, 'm', 0};
    const std::span<const std::uint8_t> all(hay, n);

    QCOMPARE(search::find(all, {}, k), 0);
    QCOMPARE(search::rfind(all, {}, k), std::int64_t(n));
    QCOMPARE(search::find({}, {}, k), 0);
    QCOMPARE(search::rfind({}, {}, k), 0);
    QCOMPARE(search::find({}, nul, k), -1);
    QCOMPARE(search::find(all, nul, k), 0);
    QCOMPARE(search::rfind(all, nul, k), std::int64_t(n - 4));
    QCOMPARE(search::find(all, marker, k), -1);
    hay[n - 2] = 'm'; // a match ending on the very last byte
    QCOMPARE(search::find(all, marker, k), std::int64_t(n - 3));
    QCOMPARE(search::rfind(all, marker, k), std::int64_t(n - 3));
    hay[1] = 'm'; // and one starting on the first
    QCOMPARE(search::find(all, marker, k), 0);
    QCOMPARE(search::rfind(all, marker, k), std::int64_t(n - 3));
    const std::uint8_t m[] = {'m'};
    QCOMPARE(search::find(all, m, k), 1);
    QCOMPARE(search::rfind(all, m, k), std::int64_t(n - 2));
}

void TestByteSearch::maskedAgainstNaive_data()
{
    randomAgainstNaive_data();
}

void TestByteSearch::maskedAgainstNaive()
{
    QFETCH(int, kernel);
    const auto k = static_cast<search::Kernel>(kernel);
    GuardedArena arena(4);
    std::mt19937_64 random(99);
    const auto matchesAt = [](const std::uint8_t *at, const std::vector<std::uint8_t> &bytes,
                               const std::vector<std::uint8_t> &mask) {
        for (std::size_t j = 0; j < bytes.size(); ++j) {
            if ((at[j] & mask[j]) != (bytes[j] & mask[j]))
                return false;
        }
        return true;
    };
    const char alphabet[] = "aAbB\x00\xff";
    int found = 0;
    for (int round = 0; round < 20000; ++round) {
        const std::size_t n = random() % 400;
        const std::size_t m = random() % 20;
        std::uint8_t *hay = arena.endingAtGuard(n);
        for (std::size_t i = 0; i < n; ++i)
            hay[i] = std::uint8_t(alphabet[random() % 6]);
        std::vector<std::uint8_t> bytes(m), mask(m);
        for (std::size_t j = 0; j < m; ++j) {
            bytes[j] = std::uint8_t(alphabet[random() % 6]);
            const int kind = int(random() % 4); // exact, wildcard, either case, exact
            mask[j] = kind == 1 ? 0x00 : kind == 2 && std::isalpha(bytes[j]) ? 0xdf : 0xff;
        }
        std::int64_t first = -1;
        std::int64_t last = -1;
        for (std::size_t i = 0; i + m <= n; ++i) {
            if (matchesAt(hay + i, bytes, mask)) {
                if (first < 0)
                    first = std::int64_t(i);
                last = std::int64_t(i);
            }
        }
        const search::MaskedPattern pattern {bytes, mask};
        const std::span<const std::uint8_t> haystack(hay, n);
        if (search::findMasked(haystack, pattern, k) != first
            || search::rfindMasked(haystack, pattern, k) != last)
            qWarning("round %d: n=%zu m=%zu", round, n, m);
        QCOMPARE(search::findMasked(haystack, pattern, k), first);
        QCOMPARE(search::rfindMasked(haystack, pattern, k), last);
        found += first >= 0;
    }
    QVERIFY2(found > 2000, "the generator must produce many matches");
}

QTEST_GUILESS_MAIN(TestByteSearch)
#include "tst_bytesearch.moc"
