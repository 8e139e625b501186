"""Runs an operation program through CPython's real mmap and prints one result line
per operation, in the format tst_oracle.cpp prints for hexmap::MemoryMap.

Program lines (integers are decimal, "_" is None, byte strings are hex, "-" empty):
  map file SIZE SEED OPENMODE LENGTH FLAGS PROT ACCESS OFFSET TRACKFD
  map anon LENGTH FLAGS PROT ACCESS OFFSET
  <method> ARGS...            one operation on the map
  end                         closes everything, prints the file's bytes
Result lines: "i N", "b HEX", "none", "t"/"f", "s TEXT", "e CLASS MESSAGE".
"""
import mmap
import os
import sys
import tempfile

MASK = (1 << 64) - 1
ALPHABET = b"ab\n\x00xyz"


def content(size, seed):
    return bytes(ALPHABET[(((i * 0x9E3779B97F4A7C15 + seed) & MASK) >> 29) % len(ALPHABET)]
                 for i in range(size))


def opt(text):
    return None if text == "_" else int(text)


def data(text):
    return b"" if text == "-" else bytes.fromhex(text)


def fmt(value):
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return "i %d" % value
    if isinstance(value, bytes):
        return "b " + (value.hex() or "-")
    if value is None:
        return "none"
    return "s " + str(value)


def call(m, views, name, args):
    if name == "find" or name == "rfind":
        params = [data(args[0])] + [opt(a) for a in args[1:]]
        while params and params[-1] is None and len(params) > 1:
            params.pop()
        return getattr(m, name)(*params)
    if name == "flush" or name == "read":
        params = [opt(a) for a in args]
        while params and params[-1] is None:
            params.pop()
        return getattr(m, name)(*params)
    if name == "madvise":
        params = [int(args[0])] + [opt(a) for a in args[1:]]
        while len(params) > 1 and params[-1] is None:
            params.pop()
        return m.madvise(*params)
    if name == "seek":
        return m.seek(int(args[0])) if args[1] == "_" else m.seek(int(args[0]), int(args[1]))
    if name in ("move",):
        return m.move(*[int(a) for a in args])
    if name in ("resize", "write_byte"):
        return getattr(m, name)(int(args[0]))
    if name == "write":
        return m.write(data(args[0]))
    if name in ("read_byte", "readline", "size", "tell", "close", "seekable"):
        return getattr(m, name)()
    if name == "closed":
        return m.closed
    if name == "len":
        return len(m)
    if name == "repr":
        return repr(m)
    if name == "getitem":
        return m[int(args[0])]
    if name == "setitem":
        m[int(args[0])] = int(args[1])
        return None
    if name == "getslice":
        return m[slice(*[opt(a) for a in args])]
    if name == "setslice":
        m[slice(*[opt(a) for a in args[:3]])] = data(args[3])
        return None
    if name == "export":
        views.append(memoryview(m))
        return None
    if name == "release":
        for view in views:
            view.release()
        views.clear()
        return None
    raise SystemExit("unknown operation " + name)


def error_line(error):
    kind = "OSError" if isinstance(error, OSError) else type(error).__name__
    return "e %s %s" % (kind, error)


def main():
    out = []
    m = None
    views = []
    fd = -1
    path = None
    workdir = tempfile.mkdtemp(prefix="hexmap-oracle-")
    for line in open(sys.argv[1]):
        words = line.split()
        if not words:
            continue
        if words[0] == "map":
            m, views, fd, path = None, [], -1, None
            try:
                if words[1] == "file":
                    size, seed, mode = int(words[2]), int(words[3]), words[4]
                    length, flags, prot, access, offset, trackfd = [int(w) for w in words[5:11]]
                    path = os.path.join(workdir, "data.bin")
                    with open(path, "wb") as f:
                        f.write(content(size, seed))
                    fd = os.open(path, os.O_RDWR if mode == "rw" else os.O_RDONLY)
                    m = mmap.mmap(fd, length, flags=flags, prot=prot, access=access,
                                  offset=offset, trackfd=bool(trackfd))
                else:
                    length, flags, prot, access, offset = [int(w) for w in words[2:7]]
                    m = mmap.mmap(-1, length, flags=flags, prot=prot, access=access,
                                  offset=offset)
                out.append("none")
            except Exception as error:  # noqa: BLE001 - every error is a result here
                out.append(error_line(error))
            continue
        if words[0] == "end":
            for view in views:
                view.release()
            if m is not None:
                m.close()
            if fd >= 0:
                os.close(fd)
            if path is not None:
                with open(path, "rb") as f:
                    out.append("file " + (f.read().hex() or "-"))
            else:
                out.append("file none")
            continue
        if m is None:
            continue
        try:
            out.append(fmt(call(m, views, words[0], words[1:])))
        except Exception as error:  # noqa: BLE001
            out.append(error_line(error))
    sys.stdout.write("\n".join(out) + "\n")


main()
