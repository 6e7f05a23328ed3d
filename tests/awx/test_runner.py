# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The rolling restart run the way AWX runs it: ansible-runner, an inventory with one host per queue manager,
and the connection only in environment variables rendered from the credential type's injectors.

The emulator serves TLS with its own CA, so the job reaches it only through the CA file that the credential's
file injector wrote: the file injector path is exercised, not just the plain environment variables.
"""

from __future__ import annotations

import json
import os
import sys

import ansible_runner
import pytest
from mqemu import EmulatorServer

from awx_credential import inject

QMGRS = {"qm1": "QM1", "qm2": "QM2", "qm3": "QM3"}
PASSWORD = "passw0rd"
# The project wrapper that docs/awx/job_template.yml tells users to put in their AWX project.
WRAPPER = "---\n- name: Rolling restart\n  ansible.builtin.import_playbook: mqrest.admin.rolling_restart\n"
TARGETS = [{"type": "listener", "names": ["DEV.LISTENER.TCP"]}]


@pytest.fixture(scope="module")
def emulator():
    # One host per queue manager: each dev-seeded DEV.LISTENER.TCP binds 1414 on its own host.
    with EmulatorServer(qmgrs=list(QMGRS.values()), tls=True, timing="fast", seed="dev",
                        hosts={qm: host for host, qm in QMGRS.items()}) as server:
        yield server


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def run_job(private_data_dir, collections_path, credential_type, inputs, limit):
    """One AWX-style job; returns (runner, events)."""
    project = os.path.join(private_data_dir, "project")
    os.makedirs(project)
    with open(os.path.join(project, "rolling_restart.yml"), "w", encoding="utf-8") as handle:
        handle.write(WRAPPER)
    inventory = {"all": {"hosts": {host: {"mq_qmgr": qmgr, "ansible_connection": "local", "ansible_python_interpreter": sys.executable}
                                   for host, qmgr in QMGRS.items()}}}
    envvars = inject(credential_type, inputs, private_data_dir)
    envvars.update(ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_LOCALHOST_WARNING="false",
                   PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    runner = ansible_runner.run(
        private_data_dir=private_data_dir, playbook="rolling_restart.yml", inventory=inventory, limit=limit, envvars=envvars,
        extravars={"rolling_restart_serial": 1, "rolling_restart_targets": TARGETS,
                   "rolling_restart_health_checks": 2, "rolling_restart_health_interval": 0.3},
        quiet=True,
    )
    return runner, list(runner.events)


def job_artifacts(events):
    """The set_stats data of the job: ansible-runner puts it in the playbook_on_stats event as artifact_data."""
    stats = [event for event in events if event["event"] == "playbook_on_stats"]
    assert len(stats) == 1
    return stats[0]["event_data"]["artifact_data"]


def mutations(emulator, qmgr):
    return [entry for entry in emulator.model.journal(qmgr) if entry["mutating"]]


def test_rolling_restart_with_injected_credential(emulator, collections_path, credential_type, tmp_path):
    emulator.model.reset()
    inputs = {"url": emulator.base_url, "auth_method": "basic", "username": "admin", "password": PASSWORD,
              "ca_cert": read(emulator.ca_path)}
    runner, events = run_job(str(tmp_path), collections_path, credential_type, inputs, limit="qm1,qm3")

    assert runner.status == "successful", runner.stdout.read()
    results = job_artifacts(events)["rolling_restart"]
    assert sorted(results) == ["qm1", "qm3"]
    for host in ("qm1", "qm3"):
        assert results[host]["qmgr"] == QMGRS[host]
        assert results[host]["outcome"] == "restarted"
        assert results[host]["objects"] == ["listener DEV.LISTENER.TCP"]
        assert not results[host]["failure"]
    # The limit kept the job away from qm2.
    assert [entry["command"] for entry in mutations(emulator, "QM1")] == ["STOP", "START"]
    assert not mutations(emulator, "QM2")
    # serial 1: qm3 was not touched before qm1 was done.
    assert max(entry["time"] for entry in mutations(emulator, "QM1")) < min(entry["time"] for entry in mutations(emulator, "QM3"))
    assert runner.stats["ok"].keys() >= {"qm1", "qm3"} and "qm2" not in runner.stats["ok"]
    # Secrets travel in the environment only: not in the job output, not in any event.
    assert PASSWORD not in runner.stdout.read()
    assert PASSWORD not in json.dumps(events)


def test_client_certificate_through_file_injectors(emulator, collections_path, credential_type, tmp_path):
    """auth_method certificate: the client certificate and encrypted key arrive as injected files."""
    emulator.model.reset()

    def pem(name):
        return read(os.path.join(emulator.state_dir, name))

    inputs = {"url": emulator.base_url, "auth_method": "certificate", "ca_cert": pem("ca.pem"),
              "client_cert": pem("client-admin.pem"), "client_key": pem("client-admin-encrypted.key"),
              "client_key_passphrase": "clientkeypass"}
    runner, events = run_job(str(tmp_path), collections_path, credential_type, inputs, limit="qm2")

    assert runner.status == "successful", runner.stdout.read()
    assert job_artifacts(events)["rolling_restart"]["qm2"]["outcome"] == "restarted"
    assert [entry["user"] for entry in mutations(emulator, "QM2")] == ["admin", "admin"]
    assert "clientkeypass" not in json.dumps(events)


def test_refuses_every_queue_manager_without_limit(emulator, collections_path, credential_type, tmp_path):
    emulator.model.reset()
    inputs = {"url": emulator.base_url, "auth_method": "basic", "username": "admin", "password": PASSWORD,
              "ca_cert": read(emulator.ca_path)}
    runner, events = run_job(str(tmp_path), collections_path, credential_type, inputs, limit=None)

    assert runner.status == "failed"
    assert "rolling_restart_confirm=true" in runner.stdout.read()
    assert not any(mutations(emulator, qmgr) for qmgr in QMGRS.values())
    assert not job_artifacts(events)


def test_without_the_ca_file_tls_fails(emulator, collections_path, credential_type, tmp_path):
    """The CA file from the credential is what lets the job trust mqweb: without it, nothing is sent."""
    emulator.model.reset()
    inputs = {"url": emulator.base_url, "auth_method": "basic", "username": "admin", "password": PASSWORD}
    runner, events = run_job(str(tmp_path), collections_path, credential_type, inputs, limit="qm1")

    assert runner.status == "failed"
    result = job_artifacts(events)["rolling_restart"]["qm1"]
    assert result["outcome"] == "failed"
    assert "CERTIFICATE_VERIFY_FAILED" in result["failure"]
    assert not emulator.model.journal("QM1")
