#!/usr/bin/env python3
"""check_translations.py LUPDATE SOURCE_DIR: every translation of SOURCE_DIR/translations
is complete. lupdate scans app/ and ui/ into a scratch .ts; each message it finds (context,
source, comment) must be in every translations/*.ts with a finished, non-empty translation
whose placeholders (%1…%n) and mnemonic count match the source's, and no .ts may keep a
message the sources no longer have. Names each missing or bad message."""
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def messages(ts):
    """{(context, source, comment): (translation element, numerus)} of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            found[key] = (message.find("translation"), message.get("numerus") == "yes")
    return found


def placeholders(text):
    return sorted(set(re.findall(r"%(\d+)", text)))


def mnemonics(text):
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def problems(key, translation, numerus):
    source = key[1]
    kind = translation.get("type")
    if kind in ("unfinished", "vanished", "obsolete"):
        return [kind]
    forms = [f.text or "" for f in translation.iter("numerusform")] if numerus else [translation.text or ""]
    found = []
    for text in forms:
        if not text.strip():
            found.append("empty")
        elif placeholders(text) != placeholders(source):
            found.append(f"placeholders {placeholders(text)} instead of {placeholders(source)}")
        elif mnemonics(text) != mnemonics(source):
            found.append(f"{mnemonics(text)} mnemonics instead of {mnemonics(source)}")
    return found


def main():
    lupdate, source_dir = sys.argv[1], Path(sys.argv[2])
    catalogues = sorted((source_dir / "translations").glob("*.ts"))
    if not catalogues:
        sys.exit(f"no .ts file in {source_dir / 'translations'}")
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        subprocess.run([lupdate, "-silent", "-locations", "none", str(source_dir / "app"),
                        str(source_dir / "ui"), "-ts", str(fresh)], check=True)
        wanted = messages(fresh)
    if len(wanted) < 100:
        sys.exit(f"lupdate found only {len(wanted)} messages: is it scanning the sources?")
    failures = []
    for ts in catalogues:
        have = messages(ts)
        for key in wanted:
            if key not in have:
                failures.append(f"{ts.name}: no entry for {key[0]}: {key[1]!r}")
                continue
            for problem in problems(key, *have[key]):
                failures.append(f"{ts.name}: {problem}: {key[0]}: {key[1]!r}")
        for key in have.keys() - wanted.keys():
            failures.append(f"{ts.name}: not in the sources any more: {key[0]}: {key[1]!r}")
    for failure in failures:
        print(failure)
    print(f"{len(wanted)} messages, {len(catalogues)} catalogues, {len(failures)} problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
