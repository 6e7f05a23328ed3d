# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Load (make test-long): 50 inventory hosts, one emulated queue manager each, restarted with forks=50.

One emulator process serves all 50 queue managers, as one mqweb server in front of many would. The test
asserts that every host converges and that each queue manager received exactly the commands it should:
no lost STOP, no duplicated START, nothing sent to the wrong queue manager. Speed is not asserted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOSTS = 50
QMGRS = ["QM{0:02d}".format(i) for i in range(1, HOSTS + 1)]


@pytest.fixture(scope="module")
def emulator():
    process = subprocess.Popen([sys.executable, "-m", "mqemu", "--port", "0",
                                # one host each: every queue manager's listener binds the same port on its own host
                                "--qmgr", ",".join("{0}@{1}".format(q, q.lower()) for q in QMGRS), "--timing", "fast"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline().split()
        assert line[:2] == ["mqemu", "ready"], line
        base_url = line[2]
        yield base_url, base_url.split("/ibmmq/")[0] + "/mqemu/v1"
    finally:
        process.terminate()
        process.wait(timeout=30)


def control(url, method="GET"):
    with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def test_fifty_concurrent_restarts_converge_with_exact_commands(tmp_path, emulator):
    base_url, control_url = emulator
    inventory = {"mq": {"hosts": {"mq{0:02d}".format(i): {"mq_qmgr": qm} for i, qm in enumerate(QMGRS, 1)}}}
    (tmp_path / "inventory.yml").write_text(yaml.safe_dump(inventory))
    setup = [{"hosts": "mq", "connection": "local", "gather_facts": False,
              "module_defaults": {"group/mqrest.admin.mq": {"rest_url": base_url, "qmgr": "{{ mq_qmgr }}", "username": "admin",
                                                            "password": "passw0rd"}},
              "tasks": [
                  {"name": "A running listener", "mqrest.admin.mq_listener": {"name": "LOAD.LSTR", "port": 1414, "state": "started"}},
                  {"name": "Three running receiver channels",
                   "mqrest.admin.mq_channel": {"name": "LOAD.RCVR.{{ item }}", "type": "rcvr", "state": "started"},
                   "loop": [1, 2, 3]},
                  {"name": "Clear the journal before the restarts", "ansible.builtin.uri": {"url": control_url + "/journal", "method": "DELETE",
                                                                                            "status_code": [200, 204]},
                   "run_once": True},
              ]}]
    restart = [{"hosts": "mq", "connection": "local", "gather_facts": False,
                "module_defaults": setup[0]["module_defaults"],
                "tasks": [
                    {"name": "Restart the listener", "mqrest.admin.mq_restart": {"type": "listener", "names": ["LOAD.LSTR"]}},
                    {"name": "Restart the channels", "mqrest.admin.mq_restart": {"type": "channel", "names": ["LOAD.RCVR.*"]},
                     "register": "chl"},
                    {"name": "All three restarted", "ansible.builtin.assert": {"that": ["chl.sync_results | length == 3"]}},
                ]}]
    (tmp_path / "setup.yml").write_text(yaml.safe_dump(setup, sort_keys=False))
    (tmp_path / "restart.yml").write_text(yaml.safe_dump(restart, sort_keys=False))
    dev = os.path.join(ROOT, ".tmp", "dev")
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=dev, ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_FORKS=str(HOSTS),
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_HOST_KEY_CHECKING="false", ANSIBLE_NOCOLOR="true")
    playbook = shutil.which("ansible-playbook", path=os.path.dirname(sys.executable)) or "ansible-playbook"
    for name in ("setup.yml", "restart.yml"):
        run = subprocess.run([playbook, "-i", str(tmp_path / "inventory.yml"), str(tmp_path / name)], env=env, capture_output=True,
                             text=True, timeout=900, check=False)
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
        assert "failed=0" in run.stdout and "unreachable=0" in run.stdout
    journal = control(control_url + "/journal")["commands"]
    for qm in QMGRS:
        mutations = sorted((e["command"], e["qualifier"], e["name"]) for e in journal if e["qmgr"] == qm and e["mutating"])
        # An idle receiver has no status record, which counts as stopped: its restart is only a START.
        expected = sorted([(verb, "LISTENER", "LOAD.LSTR") for verb in ("STOP", "START")]
                          + [("START", "CHANNEL", "LOAD.RCVR.{0}".format(i)) for i in (1, 2, 3)])
        assert mutations == expected, qm
    assert all(e["http_status"] == 200 for e in journal)


def test_rolling_restart_of_fifty_queue_managers_in_two_batches(tmp_path, emulator):
    """The rolling restart playbook with serial 50% over 50 hosts: two batches of 25, no errors, no stuck waits."""
    base_url, control_url = emulator
    inventory = {"mq": {"hosts": {"mq{0:02d}".format(i): {"mq_qmgr": qm} for i, qm in enumerate(QMGRS, 1)},
                        "vars": {"mq_connection": {"rest_url": base_url, "username": "admin", "password": "passw0rd"},
                                 "rolling_restart_targets": [{"type": "listener", "names": ["ROLL.LSTR"]}],
                                 "rolling_restart_health_checks": 2, "rolling_restart_health_interval": 0.2}}}
    (tmp_path / "inventory.yml").write_text(yaml.safe_dump(inventory))
    setup = [{"hosts": "mq", "connection": "local", "gather_facts": False, "tasks": [
        {"name": "A running listener", "mqrest.admin.mq_listener": dict(
            inventory["mq"]["vars"]["mq_connection"], qmgr="{{ mq_qmgr }}", name="ROLL.LSTR", port=1515, state="started")},
        {"name": "Clear the journal", "ansible.builtin.uri": {"url": control_url + "/journal", "method": "DELETE", "status_code": [200, 204]},
         "run_once": True}]}]
    (tmp_path / "setup.yml").write_text(yaml.safe_dump(setup, sort_keys=False))
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, ".tmp", "dev"), ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_FORKS=str(HOSTS), ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_NOCOLOR="true")
    playbook = shutil.which("ansible-playbook", path=os.path.dirname(sys.executable)) or "ansible-playbook"
    for args in ([str(tmp_path / "setup.yml")],
                 ["mqrest.admin.rolling_restart", "-e", "rolling_restart_serial=50%", "-e", "rolling_restart_confirm=true"]):
        run = subprocess.run([playbook, "-i", str(tmp_path / "inventory.yml")] + args, env=env, capture_output=True, text=True,
                             timeout=900, check=False)
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert run.stdout.count("PLAY [") >= 2  # the guard play and the rollout
    journal = control(control_url + "/journal")["commands"]
    restarts = [e for e in journal if e["mutating"]]
    for qm in QMGRS:
        assert sorted(e["command"] for e in restarts if e["qmgr"] == qm) == ["START", "STOP"], qm
    # serial 50%: every command of the first 25 queue managers comes before any command of the last 25.
    first, second = set(QMGRS[:25]), set(QMGRS[25:])
    last_of_first = max(e["time"] for e in restarts if e["qmgr"] in first)
    assert all(e["time"] > last_of_first for e in restarts if e["qmgr"] in second)
    assert all(e["http_status"] == 200 for e in journal)
