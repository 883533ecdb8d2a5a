#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest offline: its structure, the application id,
the runtime, and that every downloaded source has a checksum and every
permission is one a document editor needs.  Prints TAP."""

import json
import re
import sys

manifest_path, app_id = sys.argv[1], sys.argv[2]
results = []


def check(ok, name):
    results.append((bool(ok), name))


with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

check(manifest.get("id") == app_id, "the id is the application id")
check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is the GNOME platform")
check(re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))), "the runtime version is a GNOME release")
check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is the GNOME SDK")
check(manifest.get("command") == "jihua", "the command is jihua")

# A document editor opens and saves through the file chooser portal: no
# blanket access to home or host, and no network.
allowed = {
    "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri",
    "--talk-name=org.gtk.vfs.*", "--filesystem=xdg-run/gvfsd",
}
finish_args = manifest.get("finish-args", [])
check(set(finish_args) <= allowed, "finish-args ask for nothing beyond a document editor's needs")
check(not any(a.startswith("--filesystem=home") or a.startswith("--filesystem=host") for a in finish_args),
      "no access to the whole home or host")
check("--share=network" not in finish_args, "no network: the application works offline")

modules = manifest.get("modules", [])
check(modules and modules[-1].get("name") == "jihua", "the last module is jihua itself")
for module in modules:
    name = module.get("name", "?")
    check(module.get("buildsystem") in ("meson", "cmake-ninja", "autotools", "simple"),
          f"module {name} has a known build system")
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file"):
            check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")),
                  f"module {name}: {source.get('url')} has a sha256")
            check(source.get("url", "").startswith("https://"), f"module {name} is fetched over https")
        elif source.get("type") == "git":
            # A commit pins a git source as a checksum pins an archive.
            check(re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")),
                  f"module {name}: {source.get('url')} is pinned to a commit")
            check(source.get("url", "").startswith("https://"), f"module {name} is fetched over https")

print(f"1..{len(results)}")
for number, (ok, name) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {name}")
sys.exit(0 if all(ok for ok, _ in results) else 1)
