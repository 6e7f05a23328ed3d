# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The cert_rotation role's report: a queue manager's result from its run, the progress line, the table, the file."""

from __future__ import annotations

import json

from ansible_collections.mqrest.admin.plugins.filter.cert_rotation_table import cert_rotation_table
from ansible_collections.mqrest.admin.plugins.plugin_utils._cert_rotation_report import HEADER, LEGEND, host_report, progress_line, write_report

CHANNELS = [{"name": "QM1.TO.QM2", "type": "sdr", "direction": "outbound", "status_before": "RUNNING", "status_after": "RUNNING",
             "down_seconds": 0.8, "back": True},
            {"name": "QM2.TO.QM1", "type": "rcvr", "direction": "inbound", "status_before": "RUNNING", "status_after": "RUNNING",
             "down_seconds": 2.4, "back": True}]


def run(**overrides):
    """One cert_rotation result, as registered (with what Ansible adds)."""
    result = {"changed": True, "msg": "...", "qmgr": "QM1", "label": "qm1-2027", "outcome": "rotated", "failure": "", "rolled_back": False,
              "rollback": "", "labels": [{"object": "queue manager", "before": "ibmwebspheremqqm1", "after": "qm1-2027"}],
              "label_check": {"command": "runmqakm ...", "rc": 0, "output": "rc 0"}, "tls_channels": [], "channels": CHANNELS,
              "not_back": [], "would_bounce": [], "clients": {"before": 4, "after": 4, "share_required": 4, "back": True},
              "down_seconds": 2.4, "refresh_elapsed": 2.6, "rollback_refresh": None, "health": None, "native_ha": False,
              "commands": ["ALTER QMGR CERTLABL('qm1-2027')", "REFRESH SECURITY TYPE(SSL)"], "elapsed": 3.1}
    result.update(overrides)
    return result


def test_the_report_keeps_the_results_fields_and_the_host():
    report = host_report(run(), "qm1")
    assert report["host"] == "qm1" and report["outcome"] == "rotated" and "msg" not in report and "changed" not in report
    assert host_report({"skipped": True}, "qm1") is None and host_report(None, "qm1") is None


def test_a_failed_restart_of_the_native_ha_instances_fails_the_host():
    report = host_report(run(native_ha=True), "qm1", {"outcome": "failed", "failure": "instance b: Stop this instance: rc 1"})
    assert report["outcome"] == "failed" and report["failure"] == "Restart the Native HA instances: instance b: Stop this instance: rc 1"
    assert host_report(run(native_ha=True), "qm1", {"outcome": "restarted"})["instances_restart"]["outcome"] == "restarted"


def test_progress_lines_say_what_changed_bounced_and_came_back():
    assert progress_line(host_report(run(), "qm1")) == (
        "qm1 (QM1): rotated; label qm1-2027: queue manager 'ibmwebspheremqqm1' -> 'qm1-2027'; 2 TLS channel(s) bounced, "
        "the slowest down 2.4 s; clients 4/4")
    preflight = run(qmgr="QM2", label="qm2-2027", outcome="failed", channels=[], down_seconds=None, clients=None,
                    labels=[{"object": "queue manager", "before": "ibmwebspheremqqm2", "after": "ibmwebspheremqqm2"}])
    assert progress_line(host_report(preflight, "qm2")).startswith(
        "qm2 (QM2): failed; label qm2-2027: queue manager 'ibmwebspheremqqm2' (unchanged); 0 TLS channel(s) bounced")
    checked = run(outcome="checked", channels=[], would_bounce=CHANNELS[:1], down_seconds=None, clients={"before": 4})
    assert progress_line(host_report(checked, "qm1")).endswith("; would bounce 1 TLS channel(s): QM1.TO.QM2")
    failed = run(outcome="rolled back", rolled_back=True, not_back=["QM1.TO.QM2"], failure="REFRESH ...: QM1.TO.QM2 (RETRYING)",
                 rollback="put back queue manager 'ibmwebspheremqqm1' and refreshed again: every TLS channel that ran before runs again")
    assert progress_line(host_report(failed, "qm2")).endswith(
        "; not back: QM1.TO.QM2; REFRESH ...: QM1.TO.QM2 (RETRYING); rollback: put back queue manager 'ibmwebspheremqqm1' and "
        "refreshed again: every TLS channel that ran before runs again")


def test_the_table_has_every_host_once_all_reported_or_one_failed():
    hostvars = {"qm1": {"mq_qmgr": "QM1", "cert_rotation_result": host_report(run(), "qm1")},
                "qm2": {"mq_qmgr": "QM2"}, "qm3": {"mq_qmgr": "QM3"}}
    assert cert_rotation_table(["qm1", "qm2", "qm3"], hostvars, ["qm1"]) == [progress_line(hostvars["qm1"]["cert_rotation_result"])]
    hostvars["qm2"]["cert_rotation_result"] = host_report(run(qmgr="QM2", outcome="rolled back", not_back=["QM2.TO.QM3"],
                                                              failure="REFRESH ...", rollback="put back ..."), "qm2")
    lines = cert_rotation_table(["qm1", "qm2", "qm3"], hostvars, ["qm2"])
    table = lines[lines.index(HEADER):]
    assert table[1] == LEGEND
    assert table[2].split() == ["qm1", "QM1", "rotated", "qm1-2027", "2", "2.4", "4/4", "-"]
    assert table[3].split()[:3] == ["qm2", "QM2", "rolled"] and table[3].split()[-1] == "QM2.TO.QM3"
    assert table[4:6] == ["    failed: REFRESH ...", "    rollback: put back ..."]
    assert table[6].split() == ["qm3", "QM3", "not", "reached", "-", "-", "-", "-/-", "-"]
    assert table[7] == "    not reached: the rollout stopped before this host"


def test_the_json_file_holds_every_host(tmp_path):
    path = str(tmp_path / "cert-rotation-report.json")
    write_report(path, "play-1", ["qm1", "qm2"], "qm1", host_report(run(), "qm1"))
    data = json.loads((tmp_path / "cert-rotation-report.json").read_text(encoding="utf-8"))
    assert data["hosts"]["qm1"]["outcome"] == "rotated" and data["hosts"]["qm2"] == {"outcome": "not reached"}
