# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bytecode cache the suites' module runs use (tools/ansiballz_cache): a module imported from a zip at a new path,
as each AnsiballZ payload is, runs the cached code when its source is the same, and only then; its tracebacks name the
zip that ran; a damaged cache entry is compiled again. Each import is a new Python process without site-packages (-S),
so that the .pth that .venv has does not decide the cache directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

TOOLS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "tools", "ansiballz_cache")

IMPORT_AND_FAIL = """
import sys, traceback
sys.path.insert(0, {tools!r})
import ansiballz_bytecode_cache
ansiballz_bytecode_cache.install({cache!r})
sys.path.insert(0, {zip!r})
import payload.greeting
print(payload.greeting.GREETING)
try:
    payload.greeting.fail()
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
"""

SOURCE = """
GREETING = {greeting!r}


def fail():
    raise RuntimeError("from the payload")
"""


def run_payload(tmp_path, name, greeting, env=None):
    """Write a payload zip at a new path and import from it in a new Python; its output and the cache's entries."""
    archive = tmp_path / name / "ansible_payload.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as payload:
        payload.writestr("payload/__init__.py", "")
        payload.writestr("payload/greeting.py", SOURCE.format(greeting=greeting))
    cache = tmp_path / "cache"
    script = IMPORT_AND_FAIL.format(tools=TOOLS, cache=str(cache), zip=str(archive))
    output = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, check=True,
                            env=dict(os.environ, **(env or {}))).stdout
    return output, archive, sorted(cache.iterdir()) if cache.exists() else []


def test_the_same_source_runs_the_cached_code_and_names_the_zip_that_ran(tmp_path):
    first, first_zip, cached = run_payload(tmp_path, "run1", "hello")
    assert first.startswith("hello\n")
    assert len(cached) == 2  # payload/__init__.py and payload/greeting.py
    assert 'File "{0}/payload/greeting.py", line 6, in fail'.format(first_zip) in first

    second, second_zip, cached_again = run_payload(tmp_path, "run2", "hello")
    assert cached_again == cached
    assert second.startswith("hello\n")
    assert 'File "{0}/payload/greeting.py", line 6, in fail'.format(second_zip) in second
    assert str(first_zip) not in second


def test_changed_source_is_compiled_again(tmp_path):
    run_payload(tmp_path, "run1", "hello")
    output, _archive, cached = run_payload(tmp_path, "run2", "changed")
    assert output.startswith("changed\n")
    assert len(cached) == 3


@pytest.mark.parametrize("damage", [b"", b"not marshal data"])
def test_a_damaged_entry_is_compiled_again(tmp_path, damage):
    _output, _archive, cached = run_payload(tmp_path, "run1", "hello")
    for entry in cached:
        entry.write_bytes(damage)
    output, _archive, cached_again = run_payload(tmp_path, "run2", "hello")
    assert output.startswith("hello\n")
    assert all(entry.stat().st_size > len(damage) for entry in cached_again)


def test_switched_off_nothing_is_cached(tmp_path):
    output, _archive, cached = run_payload(tmp_path, "run1", "hello", env={"MQREST_ANSIBALLZ_CACHE": "off"})
    assert output.startswith("hello\n")
    assert cached == []


def test_bench_measures_module_runs_without_it():
    """make bench reports what users' module runs cost, and users have no such cache."""
    sys.path.insert(0, os.path.join(os.path.dirname(TOOLS)))
    try:
        import bench_lib  # pylint: disable=import-error,import-outside-toplevel
    finally:
        sys.path.pop(0)
    assert bench_lib.ansible_env()["MQREST_ANSIBALLZ_CACHE"] == "off"


def test_the_dev_virtualenv_has_it():
    """.venv (make venv) starts with the cache installed, its module compiled (each start imports it)."""
    import importlib.util  # pylint: disable=import-outside-toplevel
    import zipimport  # pylint: disable=import-outside-toplevel

    import ansiballz_bytecode_cache  # pylint: disable=import-error,import-outside-toplevel

    assert getattr(zipimport._compile_source, "cache_dir", "").endswith(os.path.join(".tmp", "ansiballz-cache", "bytecode"))
    assert os.path.exists(importlib.util.cache_from_source(ansiballz_bytecode_cache.__file__))
