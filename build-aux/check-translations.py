#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every translatable string reaches the translators and that
each translation is complete.

1. Every source file that marks a string for translation is listed in
   po/POTFILES.in, and the list is sorted.
2. For each language in po/LINGUAS, the .po file merged with a template
   extracted afresh from POTFILES has no untranslated and no fuzzy message.

Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile

top = sys.argv[1]
po_dir = os.path.join(top, "po")
marked = re.compile(r'\b(?:N_|_|C_|NC_|g_dgettext)\s*\(\s*"|translatable="yes"')

results = []


def check(ok, name, detail=""):
    results.append((ok, name, detail))


with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
    listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]

check(listed == sorted(listed), "POTFILES.in is sorted")

missing = []
for folder in ("src", "ui", "data"):
    for root, _, files in os.walk(os.path.join(top, folder)):
        for name in files:
            if not name.endswith((".c", ".ui")):
                continue
            path = os.path.join(root, name)
            relative = os.path.relpath(path, top)
            with open(path, encoding="utf-8") as f:
                if marked.search(f.read()) and relative not in listed:
                    missing.append(relative)
check(not missing, "every file with translatable strings is in POTFILES.in",
      "missing: " + ", ".join(sorted(missing)))

absent = [p for p in listed if not os.path.exists(os.path.join(top, p))]
check(not absent, "every file in POTFILES.in exists", "absent: " + ", ".join(absent))

with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
    languages = [w for line in f for w in line.split() if not line.startswith("#")]

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "jihua.pot")
    subprocess.run(
        ["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
         "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
         "--add-comments",
         "-o", pot, "--directory", top] + [p for p in listed if p.endswith(".c")],
        check=True, capture_output=True)
    with open(pot, encoding="utf-8") as f:
        template = f.read().replace("charset=CHARSET", "charset=UTF-8")
    with open(pot, "w", encoding="utf-8") as f:
        f.write(template)
    # .ui, .desktop.in, .metainfo.xml.in and .gschema.xml go through
    # xgettext's ITS rules, which need them passed by their own names.
    others = [p for p in listed if not p.endswith(".c")]
    subprocess.run(["xgettext", "--from-code=UTF-8", "--join-existing", "-o", pot,
                    "--directory", top] + others, check=True, capture_output=True)

    for language in languages:
        merged = os.path.join(tmp, language + ".po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                        os.path.join(po_dir, language + ".po"), pot],
                       check=True, capture_output=True)
        msgfmt = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                capture_output=True, text=True)
        stats = msgfmt.stderr.strip()
        complete = msgfmt.returncode == 0 and "untranslated" not in stats and "fuzzy" not in stats
        check(complete, f"{language} translation is complete", stats)

print(f"1..{len(results)}")
for number, (ok, name, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {name}")
    if not ok and detail:
        print(f"# {detail}")

sys.exit(0 if all(ok for ok, _, _ in results) else 1)
