# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo's network (demo/inventory.yml, as `make demo` provisions it) exported and audited, as a user runs it:
mq_export of each queue manager converges back to changed=0 for every kind, and the drift_report playbook after
out-of-band changes lists exactly those changes and the queue manager that is down, in all three files, with the
senders to it failing and not counted as drift. The playbook's switches (drift_report_fail_on_drift, slices merged by
drift_report_merge) are the integration target drift_report's: here the demo's own objects and channel network.

    .venv/bin/python -m pytest tests/examples/test_demo_drift.py -q
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml
from mqemu import EmulatorServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "demo")
QMGRS = {"QM1": "qm1", "QM2": "qm2", "QM3": "qm3"}
# The demo's undeclared objects under this prefix are reported (its own APP.SVRCONN and APP.PRICES are declared).
PURGE = {"provision_purge": {"prefix": "APP."}}


@pytest.fixture
def network(collections_path):
    """The demo's three queue managers on their hosts, provisioned by demo/provision.yml."""
    # The users the demo's authority records name, as make demo starts the emulator (--principal).
    principals = {"app": ("passw0rd", ["apps"]), "mqm": ("passw0rd", ["mqm"])}
    with EmulatorServer(qmgrs=list(QMGRS), timing="fast", hosts=QMGRS, principals=principals) as server:
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_NOCOLOR="1",
                   ANSIBLE_INVENTORY_UNPARSED_WARNING="false", ANSIBLE_PYTHON_INTERPRETER=sys.executable, MQ_REST_URL=server.base_url,
                   MQ_REST_USERNAME="admin", MQ_REST_PASSWORD="passw0rd")
        for key in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            env.pop(key, None)
        server.env = env
        result = playbook(server, os.path.join(DEMO, "provision.yml"))
        assert result.returncode == 0, result.stdout[-4000:]
        yield server


def playbook(server, book, *args, cwd=None):
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", os.path.join(DEMO, "inventory.yml"), book] + list(args)
    return subprocess.run(command, env=server.env, cwd=cwd or ROOT, capture_output=True, text=True, timeout=600, check=False)


def mqsc(server, qmgr, command):
    status, reply = server.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}}, user="admin")
    assert status == 200 and reply["overallCompletionCode"] == 0, reply


def drift_report(server, directory, *extra):
    args = ["-e", json.dumps(dict(PURGE, drift_report_dir=str(directory)))]
    for pair in extra:
        args += ["-e", json.dumps(pair)]
    return playbook(server, "mqrest.admin.drift_report", *args)


def files_of(directory, fmt="md"):
    with open(os.path.join(directory, "drift.json"), encoding="utf-8") as handle:
        report = json.load(handle)
    with open(os.path.join(directory, "drift." + fmt), encoding="utf-8") as handle:
        readable = handle.read()
    return report, readable, ET.parse(os.path.join(directory, "drift.xml")).getroot()


def test_the_demo_network_exported_and_audited(network, tmp_path):
    """One test, in the order a team goes: export and converge (no change), audit (no drift), then out-of-band changes and a
    queue manager down, audited again (the steps change the network, so they cannot run apart or in another order)."""
    export_converges_back_to_no_change_for_every_kind_on_each_queue_manager(network, tmp_path / "export")
    no_drift_says_so_and_exits_zero(network, tmp_path / "clean")
    out_of_band_changes_and_a_stopped_queue_manager(network, tmp_path / "changed")


def export_converges_back_to_no_change_for_every_kind_on_each_queue_manager(network, tmp_path):
    tmp_path.mkdir()
    book = tmp_path / "roundtrip.yml"
    book.write_text(yaml.safe_dump([{
        "name": "Export each queue manager and converge the export", "hosts": "all", "gather_facts": False,
        "module_defaults": {"group/mqrest.admin.mq": {"qmgr": "{{ mq_qmgr }}"}},
        "tasks": [
            {"name": "Export", "mqrest.admin.mq_export": {"include_state": True, "dest": str(tmp_path) + "/{{ inventory_hostname }}.yml"},
             "delegate_to": "localhost", "register": "exported"},
            {"name": "Converge the export", "mqrest.admin.mq_objects": "{{ exported.declarations }}", "delegate_to": "localhost",
             "register": "converged"},
            {"name": "Keep both", "ansible.builtin.copy": {"content": "{{ {'exported': exported, 'converged': converged} | to_json }}",
                                                           "dest": str(tmp_path) + "/{{ inventory_hostname }}.json", "mode": "0600"},
             "delegate_to": "localhost"},
        ]}]), encoding="utf-8")
    network.model.clear_journal()
    result = playbook(network, str(book))
    assert result.returncode == 0, result.stdout[-4000:]
    for qmgr, host in QMGRS.items():
        found = json.loads((tmp_path / (host + ".json")).read_text(encoding="utf-8"))
        declarations, converged = found["exported"]["declarations"], found["converged"]
        # Every kind the demo declares comes back, with what runs as started (the other kinds come back empty).
        assert {option: len(entries) for option, entries in declarations.items() if entries} == {
            "queues": 2, "topics": 1, "listeners": 1, "channels": 6, "services": 1}, (qmgr, declarations)
        assert {e["name"]: e.get("state") for e in declarations["channels"] if e["type"] == "sdr"} == {
            "{0}.TO.{1}".format(qmgr, other): "started" for other in QMGRS if other != qmgr}
        assert [(c["name"], c.get("state")) for c in declarations["channels"] if c["name"] == "BATCH.SVRCONN"] == [("BATCH.SVRCONN", None)]
        assert (converged["changed"], converged["commands"]) == (False, [])
        assert converged["summary"]["unchanged"] == sum(len(entries) for entries in declarations.values())
        # The file is the provision role's variables, the same declarations.
        exported_file = yaml.safe_load((tmp_path / (host + ".yml")).read_text(encoding="utf-8"))
        assert exported_file == {"mq_" + option: entries for option, entries in declarations.items()}
    assert [e for e in network.model.journal() if e["mutating"]] == []


def no_drift_says_so_and_exits_zero(network, tmp_path):
    result = drift_report(network, tmp_path, {"drift_report_fail_on_drift": True})
    assert result.returncode == 0, result.stdout[-4000:]
    report, markdown, junit = files_of(tmp_path)
    assert report["drift"] is False
    assert {host: record["status"] for host, record in report["hosts"].items()} == {"qm1": "in_sync", "qm2": "in_sync", "qm3": "in_sync"}
    assert "No drift: every queue manager checked holds what it declares." in markdown
    assert (junit.get("tests"), junit.get("failures"), junit.get("errors")) == ("3", "0", "0")
    assert "3 queue managers: 3 in sync. No drift" in result.stdout


def out_of_band_changes_and_a_stopped_queue_manager(network, tmp_path):
    mqsc(network, "QM1", "ALTER QLOCAL(QM2) DESCR('changed by hand')")
    mqsc(network, "QM2", "DELETE TOPIC(APP.PRICES)")
    mqsc(network, "QM2", "DEFINE QLOCAL(APP.UNDECLARED)")
    network.model.stop_qmgr("QM3")
    network.model.clear_journal()
    try:
        failing = drift_report(network, tmp_path / "default")
        ignored = drift_report(network, tmp_path / "ignored", {"drift_report_ignore_unreachable": True, "drift_report_format": "html"})
    finally:
        network.model.start_qmgr("QM3")
    assert [e for e in network.model.journal() if e["mutating"]] == []
    # Unreachable and not ignored fails the play, after the report is written.
    assert failing.returncode != 0 and "1 queue manager(s) could not be checked: qm3" in failing.stdout
    assert ignored.returncode == 0, ignored.stdout[-4000:]

    expected = {
        "qm1": [{"type": "queue", "name": "QM2", "drift": "differs",
                 "attributes": {"description": {"declared": "Messages for QM2", "actual": "changed by hand"}}}],
        "qm2": [{"type": "topic", "name": "APP.PRICES", "drift": "missing"}, {"type": "queue", "name": "APP.UNDECLARED", "drift": "undeclared"}],
        "qm3": [],
    }
    for directory, fmt in (("default", "md"), ("ignored", "html")):
        report, readable, junit = files_of(tmp_path / directory, fmt)
        hosts = report["hosts"]
        assert {host: sorted(r["drifts"], key=lambda d: d["name"]) for host, r in hosts.items()} == expected, directory
        assert {host: r["status"] for host, r in hosts.items()} == {"qm1": "drift", "qm2": "drift", "qm3": "unreachable"}
        assert "HTTP 503" in hosts["qm3"]["message"]
        # QM1's and QM2's senders to QM3 are RETRYING: started as declared, failing, and not counted as drift.
        assert hosts["qm1"]["failing"] == ["channel QM1.TO.QM3 (sdr)"] and hosts["qm2"]["failing"] == ["channel QM2.TO.QM3 (sdr)"]
        assert report["summary"]["drifted_objects"] == 3
        for text in ("QM2", "changed by hand", "APP.UNDECLARED", "APP.PRICES", "qm3 (QM3): unreachable"):
            assert text in readable, (directory, text)
        cases = {case.get("name"): case for case in junit.iter("testcase")}
        assert sorted(cases) == ["qm1 (QM1)", "qm2 (QM2)", "qm3 (QM3)"]
        assert cases["qm1 (QM1)"].find("failure") is not None and cases["qm2 (QM2)"].find("failure") is not None
        unreachable = cases["qm3 (QM3)"].find("error" if directory == "default" else "skipped")
        assert unreachable is not None and "unreachable" in unreachable.get("message")
