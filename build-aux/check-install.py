#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary folder, as `meson install` would
into a prefix, and checks what the desktop sees there: the desktop entry,
the metainfo, the GSettings schema, the icons, the MIME types (a .jhplan
file is recognised as a Jihua plan) and the translations.  Prints TAP."""

import json
import os
import subprocess
import sys
import tempfile

build_dir, app_id = sys.argv[1], sys.argv[2]
results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def run(*args, env=None):
    return subprocess.run(args, capture_output=True, text=True, env=env)


options = json.loads(run("meson", "introspect", build_dir, "--buildoptions").stdout)
option = {o["name"]: o["value"] for o in options}
prefix, datadir, bindir = option["prefix"], option["datadir"], option["bindir"]

with tempfile.TemporaryDirectory() as dest:
    installed = run("meson", "install", "-C", build_dir, "--destdir", dest, "--no-rebuild", "--quiet")
    check(installed.returncode == 0, "meson install succeeds", (installed.stdout + installed.stderr)[-2000:])

    root = dest + prefix
    share = os.path.join(root, datadir)
    path = lambda *parts: os.path.join(share, *parts)

    for binary in ("jihua", "jihua-cli"):
        check(os.access(os.path.join(root, bindir, binary), os.X_OK), f"{binary} is installed")

    desktop = path("applications", app_id + ".desktop")
    result = run("desktop-file-validate", desktop)
    check(os.path.exists(desktop) and result.returncode == 0, "the desktop entry validates", result.stdout)

    metainfo = path("metainfo", app_id + ".metainfo.xml")
    result = run("appstreamcli", "validate", "--no-net", metainfo)
    check(os.path.exists(metainfo) and result.returncode == 0, "the metainfo validates", result.stdout)

    schemas = path("glib-2.0", "schemas")
    result = run("glib-compile-schemas", "--strict", "--dry-run", schemas)
    check(os.path.exists(os.path.join(schemas, app_id + ".gschema.xml")) and result.returncode == 0,
          "the GSettings schema is installed and compiles", result.stderr)

    check(os.path.exists(path("icons", "hicolor", "scalable", "apps", app_id + ".svg")), "the app icon is installed")
    check(os.path.exists(path("icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg")),
          "the symbolic icon is installed")

    mo = path("locale", "zh_CN", "LC_MESSAGES", "jihua.mo")
    check(os.path.exists(mo), "the zh_CN translation is installed")

    with open(desktop, encoding="utf-8") as f:
        entry = f.read()
    check("Name[zh_CN]=" in entry, "the desktop entry has its zh_CN name")

    packages = path("mime", "packages", app_id + ".xml")
    check(os.path.exists(packages), "the MIME types are installed")
    result = run("update-mime-database", path("mime"))
    check(result.returncode == 0, "update-mime-database accepts them", result.stderr)

    env = dict(os.environ, XDG_DATA_DIRS=share + ":/usr/share", XDG_DATA_HOME=os.path.join(dest, "nohome"))
    probe = os.path.join(dest, "计划.jhplan")
    with open(probe, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<plan xmlns="http://jihua.github.io/ns/plan"/>\n')
    result = run("gio", "info", "--attributes=standard::content-type", probe, env=env)
    check("application/x-jihua-plan+xml" in result.stdout, "a .jhplan file is recognised as a Jihua plan",
          result.stdout + result.stderr)

print(f"1..{len(results)}")
for number, (ok, name, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {name}")
    if not ok and detail:
        for line in detail.strip().splitlines()[:20]:
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
