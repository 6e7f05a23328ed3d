# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""README's "Quick start against the emulator", run verbatim as a new user would, and what `make emulator` leaves on disk.

The code blocks are read from README.md at test time: the Quick start play is saved as quickstart.yml, and the shell
blocks of "Quick start against the emulator" run in one bash, in a directory where `make emulator`'s server
(tools/serve_emulator.py, started here on a free port) has written .tmp/emulator, with a clean environment as a new
shell has. Everything runs in the run-time virtualenv of `make emulator` (`make run-venv`, Makefile RUN_PACKAGES), so
that a package there that makes ansible-playbook print a DeprecationWarning fails the test.

    .venv/bin/python -m pytest tests/examples/test_readme.py -q
"""

from __future__ import annotations

import fcntl
import os
import pathlib
import re
import signal
import subprocess

import pytest
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVE = os.path.join(ROOT, "tools", "serve_emulator.py")
END_OF_BANNER = "Ctrl-C stops it"


def readme_blocks():
    """[(innermost heading, info string, text)] of every fenced code block in README.md."""
    blocks, heading, fence = [], None, None
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        for line in handle:
            if fence is not None:
                if line.startswith("```"):
                    blocks.append((heading, fence[0], "".join(fence[1])))
                    fence = None
                else:
                    fence[1].append(line)
            elif line.startswith("```"):
                fence = (line[3:].strip(), [])
            elif line.startswith("#"):
                heading = line.lstrip("#").strip()
    return blocks


def section(heading, info=None):
    found = [text for name, kind, text in readme_blocks() if name == heading and (info is None or kind == info)]
    assert found, "README.md has no code block{0} under '{1}'".format(" of " + info if info else "", heading)
    return found


@pytest.fixture(scope="session")
def run_python():
    """The Python of `make emulator`: `make run-venv` (once at a time: xdist workers share the checkout's virtualenv)."""
    os.makedirs(os.path.join(ROOT, ".tmp"), exist_ok=True)
    with open(os.path.join(ROOT, ".tmp", ".run-venv.lock"), "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(["make", "--no-print-directory", "-s", "run-venv"], cwd=ROOT, check=True, timeout=900)
    return os.path.join(ROOT, ".tmp", "run-venv", "bin", "python")


@pytest.fixture
def serve(run_python, collections_path, tmp_path):
    """Start tools/serve_emulator.py as `make emulator` does, in tmp_path -> (port, banner); stopped after the test."""
    started = []

    def _serve(port=0):
        proc = subprocess.Popen([run_python, SERVE, "--port", str(port), "--dir", ".tmp/emulator",
                                 "--collections-path", collections_path],
                                cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(proc)
        banner = []
        for line in proc.stdout:
            banner.append(line)
            if line.startswith(END_OF_BANNER):
                break
        text = "".join(banner)
        assert END_OF_BANNER in text, "serve_emulator did not start:\n{0}{1}".format(text, proc.stderr.read())
        return int(re.search(r"https://localhost:(\d+)/ibmmq/rest/v2", text).group(1)), text

    yield _serve
    for proc in started:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=20)


def fresh_shell_env():
    """The environment of a new shell: nothing of this test run's connection, collection or Ansible settings."""
    return {key: value for key, value in os.environ.items()
            if not key.startswith(("MQ_", "MQEMU_", "ANSIBLE_", "VIRTUAL_ENV")) and key.lower() not in (
                "https_proxy", "http_proxy", "all_proxy")}


def snapshot(directory):
    """{relative path: link target or file bytes} of everything under directory."""
    found = {}
    for base, _dirs, files in os.walk(directory):
        for path in (pathlib.Path(base, name) for name in files):
            found[str(path.relative_to(directory))] = ("link", os.readlink(str(path))) if path.is_symlink() else path.read_bytes()
    return found


def control(port, tmp_path, path):
    response = requests.get("https://127.0.0.1:{0}/mqemu/v1{1}".format(port, path), timeout=10,
                            verify=str(tmp_path / ".tmp" / "emulator" / str(port) / "ca.pem"))
    response.raise_for_status()
    return response.json()


def test_banner_shows_the_source_step_first_and_the_emulated_hosts(serve):
    _port, banner = serve()
    assert banner.index("source .tmp/emulator/env") < banner.index("ansible-playbook -i .tmp/emulator/inventory.yml"), banner
    for qmgr in ("QM1", "QM2", "QM3"):  # host, queue manager, its listeners: what a sender's CONNAME needs
        assert re.search(r"^\s+{0}\s+{1}\s+none yet$".format(qmgr.lower(), qmgr), banner, re.MULTILINE), banner
    assert "app / passw0rd (MQWebUser" in banner


def test_make_emulator_lets_app_put_test_messages_as_the_guide_says(serve, tmp_path):
    """guide_test_messages.rst: app (MQWebUser) puts with the messaging REST API; the emulator's OAM checks it, and
    make emulator gives app the authority to; admin (MQWebAdmin) is refused by mqweb."""
    port, _banner = serve()
    base, verify = "https://localhost:{0}/ibmmq/rest/v2".format(port), str(tmp_path / ".tmp" / "emulator" / str(port) / "ca.pem")
    headers = {"ibm-mq-rest-csrf-token": "", "Content-Type": "text/plain;charset=utf-8"}
    define = requests.post(base + "/admin/action/qmgr/QM1/mqsc", json={"type": "runCommand", "parameters": {
        "command": "DEFINE QLOCAL(APP.IN)"}}, auth=("admin", "passw0rd"), headers=headers, verify=verify, timeout=10)
    assert define.json()["overallCompletionCode"] == 0, define.text
    url = base + "/messaging/qmgr/QM1/queue/APP.IN/message"
    assert requests.post(url, data=b"test message", auth=("app", "passw0rd"), headers=headers, verify=verify,
                         timeout=10).status_code == 201
    assert requests.post(url, data=b"test message", auth=("admin", "passw0rd"), headers=headers, verify=verify,
                         timeout=10).status_code == 403


def test_readme_quick_start_and_qmgr_restart_run_verbatim_against_make_emulator(serve, tmp_path):
    port, _banner = serve()
    (tmp_path / "quickstart.yml").write_text(section("Quick start", "yaml")[0], encoding="utf-8")
    script = "set -e\n" + "\n".join(section("Quick start against the emulator"))
    result = subprocess.run(["bash", "-c", script], cwd=str(tmp_path), env=fresh_shell_env(), capture_output=True, text=True,
                            timeout=600, check=False)
    output = result.stdout + result.stderr
    assert "DeprecationWarning" not in output and "[DEPRECATION WARNING]" not in output, (
        "deprecation noise in a run-time virtualenv of RUN_PACKAGES (Makefile):\n" + output[-8000:])
    assert result.returncode == 0, "README's emulator steps failed:\n{0}\n{1}".format(script, output[-8000:])

    # The shims answered (dspmq), the Quick start ran on every queue manager, and the restart ended and started QM1 only.
    assert re.search(r"QMNAME\(QM1\)\s+STATUS\(Running\)", result.stdout), result.stdout
    defined = {(c["qmgr"], c["command"], c["qualifier"], c["name"]) for c in control(port, tmp_path, "/journal")["commands"]
               if c["mutating"] and c["completion_code"] == 0}
    for qmgr in ("QM1", "QM2", "QM3"):
        assert {(qmgr, "DEFINE", "LISTENER", "APP.LISTENER"), (qmgr, "DEFINE", "CHANNEL", "APP.SVRCONN")} <= defined, defined
    qm1 = control(port, tmp_path, "/qmgr/QM1/timeline")
    restart = qm1["current"]
    assert qm1["state"] == "running" and restart["end_mode"] == "immediate", qm1  # endmqm -i, the role's default
    assert restart["end_requested"] < restart["ended"] < restart["start_requested"] < restart["running"], qm1
    assert control(port, tmp_path, "/qmgr/QM2/timeline")["current"]["end_requested"] is None  # --limit qm1
    assert (tmp_path / ".tmp" / "emulator" / str(port) / "qmgr-restart-report.json").is_file()


def test_make_emulator_on_a_busy_port_changes_nothing_and_each_port_has_its_own_state(serve, run_python, tmp_path):
    base = tmp_path / ".tmp" / "emulator"
    first, _banner = serve()
    assert os.readlink(str(base / "env")) == "{0}/env".format(first)
    assert os.readlink(str(base / "inventory.yml")) == "{0}/inventory.yml".format(first)
    env_text = (base / "env").read_text(encoding="utf-8")
    for fact in ("MQEMU_CONTROL_URL=https://127.0.0.1:{0}/mqemu/v1".format(first),
                 "MQEMU_CA_PATH={0}".format(base / str(first) / "ca.pem"), os.path.join(ROOT, "tests", "emulator", "bin")):
        assert fact in env_text, env_text
    before = snapshot(str(base))

    busy = subprocess.run([run_python, SERVE, "--port", str(first), "--dir", ".tmp/emulator"], cwd=str(tmp_path),
                          capture_output=True, text=True, timeout=60, check=False)
    assert busy.returncode != 0
    assert "cannot listen on 127.0.0.1:{0}".format(first) in busy.stderr and "Nothing changed" in busy.stderr, busy.stderr
    assert "still points at the emulator on port {0}".format(first) in busy.stderr, busy.stderr
    assert snapshot(str(base)) == before

    def answers_with_its_ca(port):
        return requests.get("https://localhost:{0}/ibmmq/rest/v2/admin/qmgr".format(port), auth=("admin", "passw0rd"),
                            verify=str(base / str(port) / "ca.pem"), timeout=10).status_code == 200

    assert answers_with_its_ca(first)
    second, _banner = serve()
    assert second != first
    assert os.readlink(str(base / "env")) == "{0}/env".format(second)
    assert "mq_rest_port: {0}".format(second) in (base / "inventory.yml").read_text(encoding="utf-8")
    assert {path: data for path, data in snapshot(str(base)).items() if path.startswith("{0}/".format(first))} == {
        path: data for path, data in before.items() if path.startswith("{0}/".format(first))}
    assert answers_with_its_ca(first) and answers_with_its_ca(second)
