"""Generated differential test of hexmap_mmap's Python surface against CPython's mmap:
random calls, with arguments of every kind Python code may pass (ints in and out of
range, bools, floats, None, str, bytes, bytearray, memoryview, objects), made on a
CPython map and a hexmap map of the same bytes. The result, or the exception's class
and message, must be the same, and so must the bytes at the end. The cases where
hexmap differs on purpose (core/memorymap.h) are not generated.

    differential_mmap.py MODULE_DIR [PROGRAMS]

The seed is fixed (1), or HEXMAP_MMAP_SEED's, to replay another run.
"""

import errno
import mmap
import os
import random
import sys
import tempfile
import threading

sys.path.insert(0, sys.argv[1])
import hexmap_mmap  # noqa: E402

BIG = [2**31, 2**63 - 1, 2**63, 2**64, -2**63 - 1, -2**31 - 1]
INTS = [0, 1, 2, 3, 7, 255, 256, -1, -2, -5, 4096, 8191]


def value(rng, kind):
    """One argument: mostly of the expected kind, sometimes of any other."""
    if rng.random() < 0.8:
        if kind == "int":
            return rng.choice(INTS) if rng.random() < 0.85 else rng.choice(BIG)
        if kind == "bytes":
            raw = bytes(rng.choice(b"ab\n\x00x") for _ in range(rng.randrange(4)))
            return rng.choice([bytes, bytearray, memoryview])(raw)
    return rng.choice([None, True, 1.5, "ab", b"a", bytearray(b"\n"), object(), [1], 2**64,
                       -1, 3, memoryview(b"ab")[::2]])


# method: the argument kinds, and how many of them are required (the rest optional)
SIGNATURES = {
    "find": (["bytes", "int", "int"], 1), "rfind": (["bytes", "int", "int"], 1),
    "read": (["int"], 0), "read_byte": ([], 0), "readline": ([], 0), "seek": (["int", "int"], 1),
    "tell": ([], 0), "write": (["bytes"], 1), "write_byte": (["int"], 1),
    "move": (["int", "int", "int"], 3), "flush": (["int", "int"], 0),
    "madvise": (["madv", "int", "int"], 1), "resize": (["size"], 1), "size": ([], 0),
    "seekable": ([], 0), "__repr__": ([], 0), "__len__": ([], 0), "__getitem__": (["key"], 1),
    "__setitem__": (["key", "item"], 2), "__delitem__": (["key"], 1),
}


def arguments(rng, name):
    kinds, required = SIGNATURES[name]
    count = rng.randrange(required, len(kinds) + 1)
    if rng.random() < 0.05:
        count = rng.randrange(len(kinds) + 2)
    args = []
    for i in range(count):
        kind = kinds[i] if i < len(kinds) else "int"
        if kind == "madv":
            args.append(rng.choice([mmap.MADV_NORMAL, mmap.MADV_RANDOM, mmap.MADV_WILLNEED])
                        if rng.random() < 0.9 else value(rng, "int"))
        elif kind == "size":  # never 0: resize(0) raises on purpose; never a huge file
            args.append(rng.choice([1, 100, 4096, 5000, 8191, -1, 2**63, 1.5, "a", None]))
        elif kind == "key":
            args.append(value(rng, "int") if rng.random() < 0.5 else slice(
                *(rng.choice([None] + INTS + BIG[:2]) for _ in range(3))))
        elif kind == "item":
            args.append(value(rng, "int" if rng.random() < 0.5 else "bytes"))
        else:
            args.append(value(rng, kind))
    return args


def purposely_different(name, args, m):
    """The calls where hexmap's answer differs from CPython 3.13's on purpose (CPython
    3.15's fixes, core/memorymap.h)."""
    if name == "flush" and len(args) == 1:
        return True  # flush(offset) alone flushes to the end
    # An empty needle with a start past the end (given, or the position) is -1.
    empty = name in ("find", "rfind") and args and args[0] in (b"", bytearray())
    return empty and (len(args) >= 2 or m.tell() > len(m))


def outcome(m, name, args):
    try:
        result = getattr(m, name)(*args)
    except Exception as error:  # noqa: BLE001 - the class and message are compared
        return ("raises", type(error).__name__, str(error))
    return ("returns", result)


def program(rng):
    size = rng.choice([1, 10, 100, 4096, 5000])
    content = bytes(rng.choice(b"ab\n\x00xyz") for _ in range(size))
    access = rng.choice([mmap.ACCESS_WRITE, mmap.ACCESS_READ, mmap.ACCESS_COPY])
    maps = []
    with tempfile.TemporaryDirectory() as folder:
        for module in (mmap, hexmap_mmap):
            path = os.path.join(folder, module.__name__)
            with open(path, "wb") as out:
                out.write(content)
            with open(path, "r+b") as f:
                maps.append(module.mmap(f.fileno(), 0, access=access))
        log = []
        for _ in range(40):
            name = rng.choice(sorted(SIGNATURES))
            args = arguments(rng, name)
            if purposely_different(name, args, maps[0]):
                continue
            results = [outcome(m, name, args) for m in maps]
            kinds, required = SIGNATURES[name]
            if not required <= len(args) <= len(kinds):
                # A wrong count of arguments: the messages are pybind11's and CPython's own.
                results = [result[:2] for result in results]
            log.append(f"{name}{tuple(args)!r} -> {results[0]!r}"[:300])
            if results[0] != results[1]:
                return log, f"CPython {results[0]!r}, hexmap {results[1]!r}"
        final = [m[:] for m in maps]
        for m in maps:
            m.close()
    return log, None if final[0] == final[1] else "the bytes differ at the end"


def construction(rng, fd):
    """mmap(...) with random arguments, positional or by keyword: the map's repr, or the
    exception."""
    names = ["fileno", "length", "flags", "prot", "access", "offset", "trackfd"]
    choices = [
        [fd, fd, -1, -2, 2**31, "3", 1.0], [0, 10, 4096, 8192, 9000, -1, 2**63, None, "x"],
        [mmap.MAP_SHARED, mmap.MAP_PRIVATE, 0, -1, 2**40, None],
        [mmap.PROT_READ, mmap.PROT_WRITE, mmap.PROT_READ | mmap.PROT_WRITE, 2**40, 1.5],
        [mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY, mmap.ACCESS_DEFAULT, 4, -1, 2**32],
        [0, 4096, 8192, 100, -4096, 2**63, 2**64, "0"], [True, False, 0, [], [1], "", None],
    ]
    given = rng.randrange(len(names) + 1)
    positional = rng.randrange(min(given, 6) + 1)
    args = [rng.choice(choices[i]) for i in range(positional)]
    kwargs = {names[i]: rng.choice(choices[i]) for i in range(positional, given)}
    if rng.random() < 0.03:
        kwargs["tagname"] = "x"
    results = []
    for module in (mmap, hexmap_mmap):
        try:
            with module.mmap(*args, **kwargs) as m:
                results.append(("returns", repr(m), m[:16]))
        except Exception as error:  # noqa: BLE001 - the class and message are compared
            results.append(("raises", type(error).__name__, str(error)))
    if not 2 <= given <= len(names):
        results = [result[:2] for result in results]  # a wrong count: messages differ
    return f"mmap(*{args!r}, **{kwargs!r})", results


def truncated_underneath():
    """What CPython cannot be compared on (it dies of SIGBUS): a file truncated under the
    map raises OSError EFAULT through the module, for reads, find and writes, and the
    bytes still backed stay readable."""
    with tempfile.TemporaryFile() as f:
        f.write(b"x" * 100000)
        f.flush()
        m = hexmap_mmap.mmap(f.fileno(), 0)
        f.truncate(10)
        for call in (lambda: m[50000], lambda: m[:], lambda: m.find(b"y"),
                     lambda: m.write(b"a" * 90000)):
            try:
                call()
                sys.exit("a truncated file's bytes were read without an error")
            except OSError as error:
                if error.errno != errno.EFAULT:
                    sys.exit(f"truncated file: {error!r}, not EFAULT")
        if m[:10] != b"x" * 10:
            sys.exit("the bytes still backed changed")
        m.close()


def threads_at_once(seed):
    """Four threads call one map at once (find, move and flush release the GIL) while one
    of them resizes it and, at the end, closes it: every call returns or raises one of
    mmap's refusals (closed, out of range), never anything else, and nothing crashes."""
    with tempfile.TemporaryFile() as f:
        f.write(b"ab\n\x00" * (1 << 18))
        f.flush()
        m = hexmap_mmap.mmap(f.fileno(), 0)
        failures = []

        def work(number):
            rng = random.Random(seed * 31 + number)
            calls = [lambda: m.find(b"\x00ab\xff", rng.randrange(1 << 20)),
                     lambda: m.rfind(b"b\n"), lambda: m.move(0, rng.randrange(1 << 19), 1 << 19),
                     lambda: m.flush(), lambda: m[rng.randrange(1 << 20):][:64],
                     lambda: m.__setitem__(slice(0, 4), b"wxyz")]
            if number == 0:
                calls.append(lambda: m.resize(rng.choice([1 << 19, 1 << 20])))
            for _ in range(300):
                try:
                    rng.choice(calls)()
                except (ValueError, IndexError):
                    pass
                except Exception as error:  # noqa: BLE001 - reported below
                    failures.append(repr(error))
            if number == 0:
                m.close()

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures or not m.closed:
            sys.exit(f"threads: {failures[:5]}, closed {m.closed}")


def main():
    programs = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(os.environ.get("HEXMAP_MMAP_SEED", 1))
    print(f"differential_mmap: {programs} programs, seed {seed}")
    for number in range(programs):
        log, failure = program(random.Random(seed * 1000003 + number))
        if failure:
            print("\n".join(log[-10:]))
            sys.exit(f"program {number} (HEXMAP_MMAP_SEED={seed}): {failure}")
    with tempfile.TemporaryFile() as f:
        f.write(bytes(range(256)) * 32)
        f.flush()
        rng = random.Random(seed)
        for _ in range(programs * 10):
            call, results = construction(rng, f.fileno())
            if results[0] != results[1]:
                sys.exit(f"{call} (HEXMAP_MMAP_SEED={seed}): "
                         f"CPython {results[0]!r}, hexmap {results[1]!r}")
    truncated_underneath()
    threads_at_once(seed)
    print(f"differential_mmap: {programs} programs and {programs * 10} constructions agree; "
          "a file truncated underneath raises OSError EFAULT; four threads at once")


if __name__ == "__main__":
    main()
