# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ansible-test on every supported ansible-core with each of its Pythons, each in a virtualenv of its own.

    python3 tools/matrix.py [--only 2.21:3.13,...] [--suites sanity,units,integration] [--markdown]

The support matrix is SUPPORTED below (README.md and docs/docsite/rst/guide_testing.rst quote it). For each
entry a virtualenv .tmp/matrix/core<X.Y>-py<A.B> gets that ansible-core release series, the unit-test
requirements and the emulator package (tests/emulator, editable), ansible-test's pip bootstrap stand-in is
installed for its ansible-test, and the checkout is copied to
/tmp/mqrest-admin-<hash>-core<X.Y>-py<A.B>/ansible_collections/mqrest/admin (ansible-test needs that path; a
copy per entry, so entries never share test output). Sanity and units run everywhere; integration, against
the emulator, on the oldest and the newest entry (--suites overrides). Prints one table (ansible-core,
Python, suite, result, seconds) and exits non-zero if any suite failed.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (ansible-core release series, Python) pairs we claim to support: 2.19 gets security fixes until May 2027
# and runs on Python 3.11 to 3.13; 2.20 and 2.21 need Python 3.12 or later.
SUPPORTED = [("2.19", "3.11"), ("2.19", "3.13"), ("2.20", "3.12"), ("2.20", "3.13"), ("2.21", "3.12"), ("2.21", "3.13")]
OLDEST, NEWEST = SUPPORTED[0], SUPPORTED[-1]
SUITES = ("sanity", "units", "integration")


def find_python(version):
    """A python<version> that runs: on PATH, else under ~/.pyenv/versions (a pyenv shim may exist and still refuse)."""
    candidates = [shutil.which("python" + version)]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/{0}.*/bin/python{0}".format(version))), reverse=True)
    for candidate in filter(None, candidates):
        try:
            found = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                   capture_output=True, text=True, timeout=30, check=False).stdout.strip()
        except OSError:
            continue
        if found == version:
            return candidate
    return None


def run(command, cwd=None, env=None, log=None):
    """Run a command, appending its output to the log; True if it succeeded."""
    with open(log, "a", encoding="utf-8") as handle:
        handle.write("\n$ {0}\n".format(" ".join(command)))
        handle.flush()
        return subprocess.call(command, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT) == 0


ANSIBALLZ_CACHE = os.path.join(ROOT, ".tmp", "ansiballz-cache")
UV = os.path.join(ROOT, ".tmp", "uv", "bin", "uv")


def prepare(core, python, log):
    """The entry's virtualenv (made once per series) with the stand-in installed; its bin directory."""
    venv = os.path.join(ROOT, ".tmp", "matrix", "core{0}-py{1}".format(core, python))
    # The unit tests and tools/with_emulator.py import the emulator package (mqemu), installed editable from the checkout.
    packages = ["ansible-core~={0}.0".format(core), "pytest", "pytest-xdist", "pytest-mock", "pyyaml",
                "-r", os.path.join(ROOT, "tests", "unit", "requirements.txt"), "-e", os.path.join(ROOT, "tests", "emulator")]
    # The stamp names what was installed, so a changed list (or requirements file) rebuilds an existing virtualenv.
    inputs = [" ".join(packages)] + [open(os.path.join(ROOT, *path), encoding="utf-8").read()
                                     for path in (("tests", "unit", "requirements.txt"), ("tests", "emulator", "pyproject.toml"))]
    stamp = os.path.join(venv, ".installed-" + hashlib.md5("\n".join(inputs).encode("utf-8")).hexdigest()[:8])
    if not os.path.exists(stamp):
        interpreter = find_python(python)
        if not interpreter:
            raise RuntimeError("no python{0} on PATH or under ~/.pyenv/versions".format(python))
        if not os.path.exists(UV):
            raise RuntimeError("no uv in .tmp/uv: `make matrix` (or `make uv`) installs it")
        shutil.rmtree(venv, ignore_errors=True)
        # uv as for .venv (the Makefile's uv target); --compile-bytecode as pip would.
        install = [UV, "pip", "install", "-q", "--python", os.path.join(venv, "bin", "python"), "--compile-bytecode"]
        ok = run([UV, "venv", "-q", "--seed", "--python", interpreter, venv], log=log) and run(install + packages, log=log)
        if not ok:
            raise RuntimeError("could not create {0} (see the log)".format(venv))
        open(stamp, "w", encoding="utf-8").close()
    if not run([os.path.join(venv, "bin", "python"), os.path.join(ROOT, "tools", "install_get_pip_standin.py")], log=log):
        raise RuntimeError("could not install the pip bootstrap stand-in (see the log)")
    # Integration reuses the bytecode module runs compile and the payloads' contents (as `make venv` does for .venv).
    if not run([os.path.join(venv, "bin", "python"), os.path.join(ROOT, "tools", "ansiballz_cache", "install.py"),
                ANSIBALLZ_CACHE], log=log):
        raise RuntimeError("could not install the AnsiballZ caches (see the log)")
    return os.path.join(venv, "bin")


# The project's test tooling, which no Ansible content imports: the emulator and the suites that run playbooks or raw
# HTTP. .venv's sanity (the oldest entry, `make sanity`) lints them; the other entries copy the collection without
# them, so their pylint (most of sanity's time) does not lint 14,000 lines again for each ansible-core. Their units
# still import the emulator, installed editable from the checkout (tools/ stays: a unit test runs generate_docs.py).
TOOLING = ("tests/emulator/", "tests/acceptance/", "tests/awx/", "tests/long/", "tests/examples/", "tests/playbooks/")


def collection_copy(core, python):
    tag = hashlib.md5(ROOT.encode("utf-8")).hexdigest()[:8]
    base = "/tmp/mqrest-admin-{0}-core{1}-py{2}".format(tag, core, python)
    coll = os.path.join(base, "ansible_collections", "mqrest", "admin")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(coll)
    files = subprocess.check_output(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT).split(b"\0")
    for name in (f.decode("utf-8") for f in files if f):
        if (core, python) != OLDEST and name.startswith(TOOLING):
            continue
        source = os.path.join(ROOT, name)
        if os.path.isfile(source):
            os.makedirs(os.path.dirname(os.path.join(coll, name)), exist_ok=True)
            shutil.copy2(source, os.path.join(coll, name))
    return coll


def installed_core(bin_dir):
    return subprocess.check_output([os.path.join(bin_dir, "python"), "-c",
                                    "import ansible.release; print(ansible.release.__version__)"], text=True).strip()


def run_suite(suite, bin_dir, python, coll, log):
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    command = ["ansible-test", suite, "--local", "--python", python, "--color", "no"]
    if suite != "integration":
        return run(command, cwd=coll, env=env, log=log)
    config = os.path.join(coll, "tests", "integration", "integration_config.yml")
    return run([os.path.join(bin_dir, "python"), os.path.join(ROOT, "tools", "with_emulator.py"), "--partner", "partner.example",
                "--config", config, "--"] + command, cwd=coll, env=env, log=log)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated CORE:PYTHON entries, for example 2.21:3.13 (default: all)")
    parser.add_argument("--suites", help="comma-separated suites for every entry (default: sanity and units, "
                                         "plus integration on the oldest and newest entry)")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown instead of RST")
    args = parser.parse_args()
    entries = [tuple(e.split(":")) for e in args.only.split(",")] if args.only else SUPPORTED
    log_dir = os.path.join(ROOT, ".tmp", "matrix")
    os.makedirs(log_dir, exist_ok=True)

    rows, failed = [], False
    for core, python in entries:
        if args.suites:
            suites = args.suites.split(",")
        else:
            suites = ["sanity", "units"] + (["integration"] if (core, python) in (OLDEST, NEWEST) else [])
        log = os.path.join(log_dir, "core{0}-py{1}.log".format(core, python))
        open(log, "w", encoding="utf-8").close()
        print("== ansible-core {0} on Python {1}: {2} (log: {3})".format(
            core, python, ", ".join(suites), os.path.relpath(log, ROOT)), flush=True)
        started = time.monotonic()
        try:
            bin_dir = prepare(core, python, log)
            version = installed_core(bin_dir)
        except (RuntimeError, subprocess.CalledProcessError) as error:
            rows.append((core, python, "setup", "FAILED: {0}".format(error), time.monotonic() - started))
            failed = True
            continue
        rows.append((version, python, "setup", "ok", time.monotonic() - started))
        coll = collection_copy(core, python)
        for suite in suites:
            started = time.monotonic()
            ok = run_suite(suite, bin_dir, python, coll, log)
            failed = failed or not ok
            rows.append((version, python, suite, "passed" if ok else "FAILED", time.monotonic() - started))
            print("   {0}: {1} in {2:.0f} s".format(suite, "passed" if ok else "FAILED", rows[-1][-1]), flush=True)
            if not ok:
                with open(log, encoding="utf-8") as handle:
                    sys.stdout.write("".join(handle.readlines()[-40:]))

    header = ("ansible-core", "Python", "Suite", "Result", "Seconds")
    cells = [header] + [(r[0], r[1], r[2], r[3], "{0:.0f}".format(r[4])) for r in rows]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(header))]
    if args.markdown:
        print("\n| " + " | ".join(header) + " |\n|" + "|".join([" --- "] * len(header)) + "|")
        for cell in cells[1:]:
            print("| " + " | ".join(str(c) for c in cell) + " |")
    else:
        rule = "  ".join("=" * w for w in widths)
        print("\n" + rule)
        for i, cell in enumerate(cells):
            print("  ".join(str(c).ljust(w) for c, w in zip(cell, widths)).rstrip())
            if i == 0:
                print(rule)
        print(rule)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
