# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source the emulator cites (IBM-ALT-LSTR, MQC-450, KEDA, ...) resolves in README.md's Sources table, inside the
repository, and `python -m mqemu --help` runs in the environment that runs the tests."""

import glob
import os
import re
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
README = os.path.join(HERE, "README.md")
# A citation key: an upper-case prefix of a known source family, a dash, upper-case letters and digits (IBM-RC4064).
KEY = re.compile(r"\b(?:IBM|DEVW|CP4I|MQC|MQDEVBADGE)-[A-Z0-9][A-Z0-9-]*[A-Z0-9]\b")


def _readme_parts():
    with open(README, encoding="utf-8") as handle:
        text = handle.read()
    start = text.index("\n## Sources\n")
    end = text.index("\n## ", start + 1)
    return text[:start] + text[end:], text[start:end]


def _table_keys(section):
    return {m.group(1) for m in re.finditer(r"^\| ([A-Z0-9][A-Z0-9-]*) \| \S", section, re.MULTILINE)}


def _cited_files():
    return sorted(glob.glob(os.path.join(HERE, "mqemu", "*.py")) + glob.glob(os.path.join(HERE, "*.py"))
                  + glob.glob(os.path.join(HERE, "bin", "*")))


def test_the_sources_table_lists_each_key_once_with_a_source():
    _rest, section = _readme_parts()
    rows = re.findall(r"^\| ([A-Z0-9][A-Z0-9-]*) \| (.*) \|$", section, re.MULTILINE)
    keys = [key for key, _source in rows]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert len(keys) > 50
    for key, source in rows:
        assert "https://" in source or "http://" in source or "`" in source, (key, source)  # an address or a repository path


@pytest.mark.parametrize("path", _cited_files(), ids=os.path.basename)
def test_every_key_cited_in_code_resolves(path):
    with open(path, encoding="utf-8") as handle:
        cited = set(KEY.findall(handle.read()))
    _rest, section = _readme_parts()
    assert cited - _table_keys(section) == set()


def test_every_key_cited_in_the_readme_resolves():
    rest, section = _readme_parts()
    table = _table_keys(section)
    assert set(KEY.findall(rest)) - table == set()
    # The keys without a dash (repositories) are cited by name in the fidelity table.
    for key in ("KEDA", "PYMQREST", "DOTNET", "DEVENV", "MQCONT", "INSTANA"):
        assert key in table and re.search(rf"\b{key}\b", rest), key


def _help(python):
    result = subprocess.run([python, "-m", "mqemu", "--help"], capture_output=True, text=True, timeout=60, check=False, cwd="/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m mqemu")
    for flag in ("--port", "--host", "--qmgr", "--user", "--tls", "--timing", "--seed", "--state-dir", "--config"):
        assert flag in result.stdout, flag


def test_python_m_mqemu_help_runs():
    """The package's command line from any directory, with the Python that runs the tests (.venv, README "Starting it")."""
    _help(sys.executable)


def test_the_run_time_virtualenv_installs_the_package():
    """make demo and make emulator run the emulator with .tmp/run-venv's Python: the Makefile installs the package there and
    reinstalls it when its pyproject.toml changes; once that virtualenv exists (make run-venv), its Python runs it too."""
    root = os.path.dirname(os.path.dirname(HERE))
    with open(os.path.join(root, "Makefile"), encoding="utf-8") as handle:
        makefile = handle.read()
    assert re.search(r"^RUN_PACKAGES :=.* -e tests/emulator\b", makefile, re.MULTILINE)
    assert re.search(r"^\$\(RUN_STAMP\):.* tests/emulator/pyproject\.toml\b", makefile, re.MULTILINE)
    run_python = os.path.join(root, ".tmp", "run-venv", "bin", "python")
    if os.path.exists(run_python):
        _help(run_python)
