# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Results that never count failures as successes (issue 13): every per-object record carries its outcome, and the
counts count outcomes."""

from __future__ import annotations

LISTENERS = [{"name": "APP.L0", "port": 1500}, {"name": "APP.L1", "port": 1501}]


def records(result):
    return [(r["name"], r["operation"], r["outcome"]) for r in result["sync_results"]]


def test_mq_objects_counts_only_the_start_that_was_done(mq, run_module):
    run_module("mq_objects", listeners=LISTENERS)
    mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "LISTENER", "name": "APP.L1"})
    result = run_module("mq_objects", listeners=[dict(e, state="started") for e in LISTENERS], wait_timeout=1, poll_interval=0.2)
    assert result["failed"] is True
    assert result["summary"]["started"] == 1
    assert records(result) == [("APP.L0", "started", "done"), ("APP.L1", "started", "timeout")]
    assert [(c["name"], c["run_action"]) for c in result["changes"]] == [("APP.L0", "started")]


def test_mq_restart_records_say_which_restart_failed(mq, run_module):
    run_module("mq_channel", name="APP.C1", type="sdr", conname="nowhere.invalid(1414)", xmitq="XQ")
    run_module("mq_channel", name="APP.C2", type="sdr", conname="partner(1414)", xmitq="XQ", state="started")
    result = run_module("mq_restart", type="channel", names=["APP.C1", "APP.C2"], wait_timeout=2)
    assert result["failed"] is True
    # APP.C1 was asked to restart and went RETRYING: the record says so instead of reading as a restart.
    assert records(result) == [("APP.C1", "restarted", "failed"), ("APP.C2", "restarted", "done")]
    assert next(r for r in result["sync_results"] if r["name"] == "APP.C1")["status_after"] == "RETRYING"


def test_a_purge_that_stops_a_running_channel_counts_and_reports_the_stop(mq, run_module):
    run_module("mq_channel", name="APP.C2", type="sdr", conname="partner(1414)", xmitq="XQ", state="started")
    result = run_module("mq_objects", channels=[], purge={"prefix": "APP.", "force": True}, _ansible_diff=True)
    assert not result.get("failed"), result.get("msg")
    assert result["commands"] == ["STOP CHANNEL(APP.C2) MODE(QUIESCE) STATUS(STOPPED)", "DELETE CHANNEL(APP.C2)"]
    assert (result["summary"]["purged"], result["summary"]["stopped"]) == (1, 1)
    assert records(result) == [("APP.C2", "stopped", "done")]
    assert [(c["name"], c["action"], c["run_action"]) for c in result["changes"]] == [("APP.C2", "purged", "stopped")]
    assert result["diff"]["before"]["channels"]["APP.C2"]["state"] == "started"
