# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the collection tarball must and must not hold (make build-check).

    python tools/check_tarball.py TARBALL            check a built tarball
    python tools/check_tarball.py --decoys           build from a copy of this checkout seeded with every
                                                     excluded kind of file, then check that tarball

A clean checkout has no .idea, .mypy_cache or integration_config.yml to leave out, so checking only the
tarball `make build-check` builds would pass whatever galaxy.yml's build_ignore says; --decoys proves it.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (pattern, why): fnmatch patterns over member paths; '*' also matches '/'.
FORBIDDEN = [
    (".idea", "editor settings"), ("*/.idea", "editor settings"), (".idea/*", "editor settings"),
    ("*/.idea/*", "editor settings"),
    (".vscode", "editor settings"), (".vscode/*", "editor settings"), ("*/.vscode/*", "editor settings"),
    (".mypy_cache", "type checker cache"), ("*.mypy_cache/*", "type checker cache"),
    (".ruff_cache/*", "linter cache"), ("*.pytest_cache/*", "pytest cache"),
    ("*__pycache__*", "bytecode"), ("*.pyc", "bytecode"),
    ("extensions/molecule/*/.cache*", "molecule cache"), ("extensions/molecule*", "molecule scenarios (dev only)"),
    (".config/molecule*", "molecule settings (dev only)"),
    ("*integration_config.yml", "holds the REST password of a real queue manager"),
    (".venv", "virtualenv"), (".venv/*", "virtualenv"), (".tmp", "build and test output"), (".tmp/*", "build and test output"),
    ("tests/output*", "ansible-test output"), ("*bench-results.json", "benchmark output"),
    ("tests/long*", "load test (dev only)"), ("changelogs/fragments*", "changelog fragments (release input)"),
    ("tools*", "developer tools"), ("Makefile", "developer entry points"), ("requirements-dev.txt", "developer requirements"),
    (".ci*", "CI script"), (".git", "git"), (".git/*", "git"), (".gitignore", "git"), ("*.tar.gz", "built tarballs"),
]
REQUIRED = [
    "LICENSES/GPL-3.0-or-later.txt",
    ".ansible-lint",  # makes ansible-lint (and galaxy-importer's run of it) lint the tarball as the repository
    "README.md", "CHANGELOG.rst", "changelogs/changelog.yaml", "meta/runtime.yml",
    "requirements.txt", "bindep.txt", "meta/execution-environment.yml",
]
# One file for each kind of thing that must not ship, created in the --decoys copy.
DECOYS = [
    ".idea/workspace.xml", ".vscode/settings.json", ".mypy_cache/3.12/cache.db", "plugins/.mypy_cache/x.json",
    ".ruff_cache/CACHEDIR.TAG", "extensions/molecule/provision/.cache/state.yml",
    "tests/integration/integration_config.yml", ".venv/pyvenv.cfg", ".tmp/x/y.txt", "tests/output/junit/x.xml",
    "bench-results.json", "plugins/modules/__pycache__/x.cpython-312.pyc", "tests/unit/.pytest_cache/v/x",
]


def members(tarball: str) -> list[str]:
    with tarfile.open(tarball) as tar:
        return [m.name[2:] if m.name.startswith("./") else m.name for m in tar.getmembers()]


def check(tarball: str) -> list[str]:
    names = [n.rstrip("/") for n in members(tarball)]
    problems = []
    for name in names:
        for pattern, why in FORBIDDEN:
            if fnmatch.fnmatch(name, pattern):
                problems.append(f"{name}: must not ship ({why})")
                break
    present = set(names)
    problems += [f"{name}: missing" for name in REQUIRED if name not in present]
    return problems


def build_with_decoys(workdir: str) -> str:
    """Copy the checkout's tracked and new files, add the decoys, build; returns the tarball."""
    src = os.path.join(workdir, "src")
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        if os.path.isfile(os.path.join(ROOT, rel)) and not os.path.islink(os.path.join(ROOT, rel)):
            os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, rel), os.path.join(src, rel))
    for rel in DECOYS:
        os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
        with open(os.path.join(src, rel), "w", encoding="utf-8") as f:
            f.write("decoy: must not ship\n")
    out = os.path.join(workdir, "out")
    galaxy = os.path.join(os.path.dirname(sys.executable), "ansible-galaxy")
    subprocess.run([galaxy if os.path.exists(galaxy) else "ansible-galaxy", "collection", "build", "--output-path",
                    out, src], check=True, stdout=subprocess.DEVNULL)
    (tarball,) = [os.path.join(out, n) for n in os.listdir(out) if n.endswith(".tar.gz")]
    return tarball


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", nargs="?")
    parser.add_argument("--decoys", action="store_true")
    args = parser.parse_args()
    if args.decoys == bool(args.tarball):
        parser.error("give a TARBALL or --decoys")
    with tempfile.TemporaryDirectory(prefix="mqrest-tarball-") as workdir:
        tarball = build_with_decoys(workdir) if args.decoys else args.tarball
        problems = check(tarball)
        what = "the tarball built with decoys" if args.decoys else os.path.basename(tarball)
        if problems:
            print(f"check_tarball: {what}:", *problems, sep="\n  ", file=sys.stderr)
            return 1
        print(f"check_tarball: {what} holds {len(REQUIRED)} required files and none of the excluded ones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
