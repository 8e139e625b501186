"""Runs CPython's own Lib/test/test_mmap.py, unmodified, twice in the same run: against
CPython's mmap (the baseline) and against hexmap's (the shim first on PYTHONPATH, so
that test_mmap's subprocesses import it too). Passes when hexmap's run differs from the
baseline in exactly the tests of the expected-differences list, when the module really
was hexmap's, and when both modules export the same names and constants.

    run_test_mmap.py SHIM_DIR MODULE_DIR EXPECTED_DIFFERENCES
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest


def collect():
    """In a child: runs test_mmap with whatever `mmap` the path gives, prints JSON."""
    import mmap
    from test.support import script_helper

    suite = unittest.defaultTestLoader.loadTestsFromName("test.test_mmap")
    ids = []
    pending = [suite]
    while pending:
        item = pending.pop()
        if isinstance(item, unittest.TestSuite):
            pending.extend(item)
        else:
            ids.append(item.id())
    # unittest's own verbose report and summary line go to stderr (the CTest log).
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
    outcomes = dict.fromkeys(ids, "ok")

    def owner(test):
        return getattr(test, "test_case", test).id()

    for kind, entries in (("FAIL", result.failures), ("ERROR", result.errors),
                          ("skipped", result.skipped)):
        for test, _ in entries:
            outcomes[owner(test)] = kind
    for test in result.unexpectedSuccesses:
        outcomes[owner(test)] = "unexpected success"
    _, child, _ = script_helper.assert_python_ok(
        "-c", "import mmap; print(getattr(mmap, 'HEXMAP', False))")
    print(json.dumps({
        "file": getattr(mmap, "__file__", "built-in"),
        "hexmap": getattr(mmap, "HEXMAP", False),
        "child_hexmap": child.decode().strip() == "True",
        "ran": result.testsRun,
        "outcomes": outcomes,
        "constants": {n: getattr(mmap, n) for n in dir(mmap) if n.isupper() and n != "HEXMAP"},
        "methods": sorted(n for n in dir(mmap.mmap) if not n.startswith("_")),
    }))


def run(workdir, pythonpath):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
        # test.support.script_helper runs children with -I (no PYTHONPATH) unless the
        # interpreter "requires its environment", which PYTHONHOME says.
        env["PYTHONHOME"] = sys.prefix
    child = subprocess.run([sys.executable, os.path.abspath(__file__), "--collect"],
                           cwd=workdir, env=env, stdout=subprocess.PIPE, check=False)
    if not child.stdout.strip():
        sys.exit(f"test_mmap did not report (exit status {child.returncode})")
    return json.loads(child.stdout.decode().splitlines()[-1])


def expected_differences(path):
    with open(path, encoding="utf-8") as listing:
        lines = [line.strip() for line in listing]
    entries = {}
    for line in lines:
        if line and not line.startswith("#"):
            name, _, reason = line.partition(":")
            if not reason.strip():
                sys.exit(f"{path}: '{line}' gives no reason")
            entries[name.strip()] = reason.strip()
    return entries


def main():
    shim, module_dir, listing = sys.argv[1:4]
    expected = expected_differences(listing)
    with tempfile.TemporaryDirectory() as workdir:
        print("== test_mmap against CPython's mmap", file=sys.stderr, flush=True)
        baseline = run(workdir, "")
        print("== test_mmap against hexmap_mmap", file=sys.stderr, flush=True)
        hexmap = run(workdir, os.pathsep.join([shim, module_dir]))

    problems = []
    if baseline["hexmap"] or not hexmap["hexmap"] or not hexmap["child_hexmap"]:
        problems.append(f"wrong module: baseline {baseline['file']}, hexmap {hexmap['file']} "
                        f"(child process saw hexmap's: {hexmap['child_hexmap']})")
    if baseline["constants"] != hexmap["constants"]:
        problems.append(f"constants differ: CPython {baseline['constants']}, "
                        f"hexmap {hexmap['constants']}")
    if baseline["methods"] != hexmap["methods"]:
        problems.append(f"methods differ: CPython {baseline['methods']}, "
                        f"hexmap {hexmap['methods']}")
    if baseline["ran"] != hexmap["ran"] or baseline["outcomes"].keys() != hexmap["outcomes"].keys():
        problems.append(f"ran {hexmap['ran']} tests, CPython {baseline['ran']}")
    differing = {}
    for test, outcome in hexmap["outcomes"].items():
        base = baseline["outcomes"].get(test)
        if base != "ok" and base != "skipped":
            problems.append(f"{test}: {base} against CPython's own mmap")
        if outcome != base:
            differing[test.rsplit(".", 1)[-1]] = outcome
    for name, outcome in sorted(differing.items()):
        if name in expected:
            print(f"expected difference: {name} {outcome} ({expected[name]})", file=sys.stderr)
        else:
            problems.append(f"{name}: {outcome} against hexmap, not an expected difference")
    for name in sorted(expected.keys() - differing.keys()):
        problems.append(f"{name}: listed as an expected difference but passes against hexmap")
    skipped = sum(outcome == "skipped" for outcome in baseline["outcomes"].values())
    print(f"test_mmap: {hexmap['ran']} tests, {skipped} skipped by CPython here too, "
          f"{len(differing)} with another outcome than in CPython's run", file=sys.stderr)
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if sys.argv[1:] == ["--collect"]:
        collect()
    else:
        main()
