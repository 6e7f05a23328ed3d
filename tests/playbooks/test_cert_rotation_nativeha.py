# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The cert_rotation role on a Native HA queue manager, as a play runs it: REFRESH SECURITY does not refresh the group's
replication key repository (IBM: restart each instance), so with cert_rotation_restart_instances the role runs the
qmgr_restart role after the rotation: the replicas first, the active instance last, and both outcomes in one report."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml
from mqemu import EmulatorServer

SHIMS = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "emulator", "bin"))
INSTANCES = ["nha1", "nha2", "nha3"]


@pytest.fixture(scope="module")
def group():
    """QM1 as a Native HA group: active on nha1, replicas on nha2 and nha3."""
    with EmulatorServer(qmgrs=["QM1@nha1+nha2+nha3"], timing="fast") as server:
        yield server


def test_the_instances_are_restarted_after_the_rotation_replicas_first(group, tmp_path):
    repository = group.model.control.key_repository("QM1", "POST", ["certificates"], {"label": "qm1-2027"})
    assert "qm1-2027" in [c["label"] for c in repository["certificates"]]
    shims = {"PATH": SHIMS + os.pathsep + os.environ["PATH"], "MQEMU_CONTROL_URL": group.control_url}
    play = {
        "hosts": "qm1", "gather_facts": False, "connection": "local",
        "vars": {
            "mq_connection": {"rest_url": group.base_url, "username": "admin", "password": "passw0rd"},
            "mq_qmgr": "QM1",
            "cert_rotation_label": "qm1-2027",
            "cert_rotation_environment": dict(shims, MQEMU_HOST="nha1"),
            "cert_rotation_become": False,
            "cert_rotation_poll_interval": 0.2,
            "cert_rotation_report_path": str(tmp_path / "report.json"),
            "cert_rotation_restart_instances": True,
            "qmgr_restart_instances": INSTANCES,
            "qmgr_restart_become": False,
            "qmgr_restart_poll_interval": 0.2,
            "qmgr_restart_report_path": str(tmp_path / "instances.json"),
            # The shims act on the instance of the host they run on: the one each restart is delegated to.
            "qmgr_restart_environment": dict(shims, MQEMU_HOST="{{ qmgr_restart_instance.host | default(qmgr_restart_instances[0]) }}"),
        },
        "roles": ["mqrest.admin.cert_rotation"],
    }
    book = tmp_path / "rotate.yml"
    book.write_text(yaml.safe_dump([play]), encoding="utf-8")
    env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING="false")
    # The label check is the default command, runmqakm (the emulator's shim on PATH) on the queue manager's key repository.
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", ",".join(["qm1"] + INSTANCES) + ",", str(book)]
    run = subprocess.run(command, env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]

    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["hosts"]["qm1"]
    assert (report["outcome"], report["native_ha"]) == ("rotated", True), report
    assert group.model.qmgrs["QM1"].qmgr.attrs["CERTLABL"] == "qm1-2027"
    restart = report["instances_restart"]
    assert restart["outcome"] == "restarted", restart
    # The replicas one at a time, the active instance last: the group fails over once.
    assert [(i["instance"], i["role_before"]) for i in restart["instances"]] == [
        ("nha2", "replica"), ("nha3", "replica"), ("nha1", "active")], restart["instances"]
    assert "Native HA: instances restarted: restarted" in output
