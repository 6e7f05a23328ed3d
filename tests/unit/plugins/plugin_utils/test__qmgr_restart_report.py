# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The qmgr_restart role's report: a queue manager's result from its run(s), the progress line, the table, the file."""

from __future__ import annotations

import json
import threading

from ansible_collections.mqrest.admin.plugins.filter.qmgr_restart_table import qmgr_restart_table
from ansible_collections.mqrest.admin.plugins.plugin_utils._qmgr_restart_report import (
    HEADER, LEGEND, host_report, progress_line, table_lines, write_report,
)

MILESTONES = [{"name": name, "reached": True, "elapsed_seconds": seconds, "polls": 1, "last_seen": "", "skipped": None}
              for name, seconds in (("running", 1.9), ("command_server", 1.95), ("channel_initiator", 1.95), ("listeners", 3.4),
                                    ("channels", 4.2), ("connections", 4.21))]


def run(**overrides):
    """One qmgr_restart result, as registered (with what Ansible adds)."""
    result = {"changed": True, "msg": "...", "qmgr": "QM1", "outcome": "restarted", "failure": "", "rescue": "", "state": "running",
              "log": {"loginuse": 13, "logutil": 13, "logtype": "CIRCULAR", "recsz": None}, "log_warnings": [],
              "end_mode": "immediate", "stop_command": "endmqm -i QM1", "start_command": "strmqm QM1", "ended_seconds": 1.19,
              "ended_state": "endedImmediately", "milestones": MILESTONES, "stopped_at": 1000.0, "milestones_since": 1001.5,
              "restored": ["listener MOL.MANUAL"], "connections": {"before": 24, "after": 24}, "requests": 30, "polls": 12}
    result.update(overrides)
    return result


def instance(name, role, **overrides):
    group = {"group": "native_ha", "instance": name, "role_before": role, "role_after": "replica", "active_after": "qm1b",
             "failover_seconds": None, "left_seconds": None, "in_sync_seconds": 2.5}
    if role == "replica":
        group.update(left_seconds=1.0, end_mode="replica only", milestones=[], stop_command="endmqm -x QM1", restored=[],
                     connections={"before": None, "after": None})
    else:
        group.update(failover_seconds=1.9, end_mode="immediate, switchover")
    return run(**dict(group, **overrides))


PLAN = {"group": "native_ha", "order": [{"host": "h2", "name": "qm1b", "role": "replica"}, {"host": "h3", "name": "qm1c", "role": "replica"},
                                        {"host": "h1", "name": "qm1a", "role": "active"}]}


def test_one_run_is_the_report_and_a_skipped_one_is_none():
    report = host_report(run(), "qm1")
    assert report["host"] == "qm1" and "changed" not in report and "msg" not in report
    assert host_report({"results": [run()]}, "qm1") == report  # the role's loop of one
    assert host_report({"skipped": True, "changed": False}, "qm1") is None
    assert host_report(None, "qm1") is None


def test_a_group_is_reported_with_each_instance_and_the_failover():
    report = host_report({"results": [instance("qm1b", "replica"), instance("qm1c", "replica"), instance("qm1a", "active")]}, "qm1",
                         PLAN)
    assert report["outcome"] == "restarted" and report["milestones"] == MILESTONES
    assert [(i["instance"], i["host"], i["role_before"], i["role_after"], i["outcome"]) for i in report["instances"]] == [
        ("qm1b", "h2", "replica", "replica", "restarted"), ("qm1c", "h3", "replica", "replica", "restarted"),
        ("qm1a", "h1", "active", "replica", "restarted")]
    assert report["instances"][2]["failover_seconds"] == 1.9 and report["requests"] == 90
    line = progress_line(report)
    assert "instance qm1a on h1 (active -> replica): restarted, failover 1.9 s after its stop command, qm1b active, in sync 2.5 s" in line


def test_a_replica_that_failed_stops_the_group_before_the_active_instance():
    failed = instance("qm1c", "replica", outcome="failed", failure="Wait until this instance is back in sync: ...", role_after="replica",
                      rescue="none needed: instance qm1c runs", state="running")
    report = host_report({"results": [instance("qm1b", "replica"), failed]}, "qm1", PLAN)
    assert (report["outcome"], report["failure"], report["rescue"]) == (
        "failed", "instance qm1c: Wait until this instance is back in sync: ...", "none needed: instance qm1c runs")
    assert report["milestones"] == [] and report["ended_seconds"] is None and report["restored"] == []
    assert [i["outcome"] for i in report["instances"]] == ["restarted", "failed", "not reached"]
    lines = table_lines({"qm1": report})
    assert any("instance qm1a on h1 (active): not reached, the rollout stopped before it" in line for line in lines)
    assert "    failed: instance qm1c: Wait until this instance is back in sync: ..." in lines


def test_the_progress_line_says_why_a_value_is_not_there():
    checked = run(outcome="checked", stop_command="", start_command="", ended_seconds=None, ended_state=None, milestones=[],
                  restored=[], connections={"before": 24, "after": None}, host="qm1")
    assert progress_line(checked) == ("qm1 (QM1): checked; ended - (check mode) (immediate); after the start command: - (check mode); "
                                      "restored nothing; connections - (check mode) of 24 before")
    failed = dict(checked, outcome="failed", ended_seconds=1.05, failure="Start the queue manager: non-zero return code (rc 23: x)",
                  rescue="started it again")
    assert progress_line(failed) == (
        "qm1 (QM1): failed; ended 1.05 s after the stop command (immediate); after the start command: - (not reached before the "
        "failure); restored nothing; connections - (not reached before the failure) of 24 before; Start the queue manager: "
        "non-zero return code (rc 23: x); rescue: started it again")
    switchover = dict(run(host="qm1"), end_mode="immediate, switchover", ended_seconds=None)
    assert progress_line(switchover).startswith("qm1 (QM1): restarted; ended - (switchover: the takeover is timed instead) "
                                                "(immediate, switchover); after the stop command: running 1.9 s, ")


def test_the_table_has_one_legend_line_no_blank_cell_and_no_line_break():
    done = dict(run(), host="qm1")
    checked = dict(run(outcome="checked", ended_seconds=None, milestones=[], restored=[], connections={"before": 24, "after": None},
                       log_warnings=["QM2 LOGINUSE 85% is above 70%: ..."]), host="qm2", qmgr="QM2")
    lines = table_lines({"qm1": done, "qm2": checked, "qm3": None}, {"qm3": "QM3"})
    assert lines[:2] == [HEADER, LEGEND]
    assert lines[2].split() == ["qm1", "QM1", "restarted", "13", "immediate", "1.19", "1.9", "1.95", "1.95", "3.4", "4.2", "4.21",
                                "24/24", "listener", "MOL.MANUAL"]
    assert lines[3].split()[:12] == ["qm2", "QM2", "checked", "13", "immediate", "-", "-", "-", "-", "-", "-", "-"]
    assert lines[4:6] == ["    log: QM2 LOGINUSE 85% is above 70%: ...",
                          "    check mode: nothing was stopped or started, so nothing was timed or restored"]
    assert lines[6].split() == ["qm3", "QM3", "not", "reached", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-/-", "-"]
    assert lines[7] == "    not reached: the rollout stopped before this host"
    assert not [line for line in lines if "\n" in line]


def test_the_report_file_holds_every_host_and_forgets_an_earlier_run(tmp_path):
    path = str(tmp_path / "report.json")
    write_report(path, "run-1", ["qm1", "qm2"], "qm1", {"outcome": "failed"})
    write_report(path, "run-2", ["qm1", "qm2", "qm3"], "qm2", {"outcome": "restarted"})
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["hosts"] == {"qm1": {"outcome": "not reached"}, "qm2": {"outcome": "restarted"}, "qm3": {"outcome": "not reached"}}
    # The hosts of a batch write at once: none is lost.
    hosts = ["qm{0}".format(n) for n in range(20)]
    writers = [threading.Thread(target=write_report, args=(path, "run-3", hosts, host, {"outcome": "restarted", "host": host}))
               for host in hosts]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["run"] == "run-3" and sorted(data["hosts"]) == sorted(hosts)
    assert all(report["outcome"] == "restarted" for report in data["hosts"].values())


class Hostvars(dict):
    """What hostvars[host] answers in a filter: the host's variables, with get()."""


def test_the_filter_shows_this_batch_and_the_table_after_the_last_or_a_failure():
    hostvars = {"qm1": Hostvars(qmgr_restart_result=dict(run(), host="qm1"), mq_qmgr="QM1"), "qm2": Hostvars(mq_qmgr="QM2"),
                "qm3": Hostvars(mq_qmgr="QM3")}
    lines = qmgr_restart_table(["qm1", "qm2", "qm3"], hostvars, ["qm1"])
    assert len(lines) == 1 and lines[0].startswith("qm1 (QM1): restarted; ")
    hostvars["qm2"]["qmgr_restart_result"] = dict(run(qmgr="QM2", outcome="failed", failure="Stop the queue manager: x"), host="qm2")
    lines = qmgr_restart_table(["qm1", "qm2", "qm3"], hostvars, [])
    assert lines[0].startswith("qm2 (QM2): failed; ") and lines[1] == HEADER
    assert any(line.startswith("qm3        QM3      not reached") for line in lines)
