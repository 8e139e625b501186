"""find over a page-cached file (1 GiB, or HEXMAP_BENCH_BYTES) through the Python
module hexmap_mmap against CPython's own mmap, timed in the same run on the same file.

The needle is absent: bytes of the haystack whose middle byte is replaced by 0xff, which
the haystack never holds (as bench_search does). HEXMAP_BENCH_RUNS independent runs
(default 5, at least 3); each times every needle length in turn, each the median of 3
repetitions, hexmap and CPython back to back. Prints every run, then per needle the
median GB/s and the median and [min-max] of hexmap/CPython over the runs.

    bench_python_find.py MODULE_DIR
"""

import mmap
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, sys.argv[1])
import hexmap_mmap  # noqa: E402

LENGTHS = (2, 4, 8, 17)
ABSENT = 0xFF
CHUNK = 64 << 20


def write_haystack(f, size):
    no_absent = bytes.maketrans(bytes([ABSENT]), b"\x00")
    left = size
    while left:
        chunk = min(left, CHUNK)
        f.write(os.urandom(chunk).translate(no_absent))
        left -= chunk
    f.flush()
    os.fsync(f.fileno())


def seconds(call):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        found = call()
        times.append(time.perf_counter() - start)
        assert found == -1, found
    return statistics.median(times)


def main():
    size = int(os.environ.get("HEXMAP_BENCH_BYTES", 1 << 30))
    runs = max(3, int(os.environ.get("HEXMAP_BENCH_RUNS", 5)))
    with tempfile.TemporaryFile() as f:
        write_haystack(f, size)
        theirs = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        ours = hexmap_mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        # Both mappings paged in (the page cache, and each one's page tables): a find
        # then costs what a second find over a mapped file costs in a program.
        theirs[:]  # noqa: B018
        ours[:]  # noqa: B018
        print(f"{size >> 20} MiB, {runs} runs, each timing the median of 3 repetitions; "
              f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
        ratios = {n: [] for n in LENGTHS}
        speeds = {n: ([], []) for n in LENGTHS}
        for run in range(runs):
            line = []
            for n in LENGTHS:
                needle = bytearray(theirs[4096:4096 + n])
                needle[n // 2] = ABSENT
                needle = bytes(needle)
                hexmap_time = seconds(lambda: ours.find(needle, 0))
                cpython_time = seconds(lambda: theirs.find(needle, 0))
                ratios[n].append(cpython_time / hexmap_time)
                speeds[n][0].append(size / hexmap_time / 1e9)
                speeds[n][1].append(size / cpython_time / 1e9)
                line.append(f"{n}: {cpython_time / hexmap_time:.2f}x")
            print(f"run {run + 1}: hexmap/CPython " + ", ".join(line), flush=True)
        print("| needle | hexmap GB/s | CPython GB/s | hexmap/CPython |")
        print("| --- | --- | --- | --- |")
        for n in LENGTHS:
            r = ratios[n]
            print(f"| {n} | {statistics.median(speeds[n][0]):.1f} | "
                  f"{statistics.median(speeds[n][1]):.2f} | {statistics.median(r):.1f} "
                  f"[{min(r):.1f}–{max(r):.1f}] |")
        ours.close()
        theirs.close()


if __name__ == "__main__":
    main()
